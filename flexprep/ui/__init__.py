"""The PySide6 window: a package per tab, the shell around them and shared widgets."""
