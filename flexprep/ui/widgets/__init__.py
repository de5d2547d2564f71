"""What the tabs share: small widgets, dates, list editor, layout helpers, tab base, charts."""
