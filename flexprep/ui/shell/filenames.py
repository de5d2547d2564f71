"""File names made from workbook text, shared by every export (workbook file,
documents, calendar) without importing the commands that use them."""

from __future__ import annotations

import re


def safe_filename(text: str) -> str:
    """A file name made from workbook text (no slashes or control characters)."""
    cleaned = re.sub(r'[\x00-\x1f\x7f/\\:*?"<>|]+', " ", text).strip(" .")
    return cleaned[:80] or "workbook"
