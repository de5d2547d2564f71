"""The Self-assessment tab: prompts to answer and what the preparation still lacks."""
