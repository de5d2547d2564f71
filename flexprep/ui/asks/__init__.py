"""The Must-haves & nice-to-haves tab: ranked asks, their editor and what you offer."""
