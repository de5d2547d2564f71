"""The Plan & trial tab: the schedule, the trial and how it will be measured."""
