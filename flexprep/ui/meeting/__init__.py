"""The Meeting & follow-up tab: timing checklist, meeting notes and the trial log."""
