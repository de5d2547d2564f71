"""FlexPrep: prepare, privately and offline, to ask for a flexible work arrangement."""

__version__ = "0.1.0"
