"""Text clean-up shared by the charts and the Word documents.

Any string the database can hold must export. Word's XML cannot carry NUL, most C0
control characters, lone surrogates or U+FFFE/U+FFFF, so :func:`clean` drops them. What
the user meant as a break is kept as one: a vertical tab, form feed, next-line (U+0085)
or line separator (U+2028) becomes a line break, a paragraph separator (U+2029) a blank
line. C1 controls, which no font draws, are dropped; everything else (emoji,
right-to-left scripts, combining marks) passes through.
"""

from __future__ import annotations

import re

# Characters outside the XML 1.0 ``Char`` production (tab, LF and CR are allowed), and
# the C1 controls, which XML allows but nothing draws.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_NEWLINES = re.compile("\r\n?|[\x0b\x0c\x85\u2028]")
_PARAGRAPH_SEPARATOR = "\u2029"
_SPACES = re.compile(r"\s+")
# Two times joined by a hyphen ("08:00-16:30", "9 - 5"): printed with an en dash.
_TIME_RANGE = re.compile(
    r"(?<![\d:-])(?<!\d\.)(\d{1,2}(?:[:.]\d{2})?)\s*-\s*(\d{1,2}(?:[:.]\d{2})?)(?![\d:-]|\.\d)"
)


def clean(value: object, *, strip: bool = True) -> str:
    """Return ``value`` as text safe for a Word document.

    Line ends are normalised to ``\\n`` (which the documents turn into line breaks), tabs
    are kept, characters XML cannot hold are dropped, and surrounding whitespace is
    stripped (unless ``strip`` is false, for a run inside a sentence).
    """
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    text = _NEWLINES.sub("\n", text).replace(_PARAGRAPH_SEPARATOR, "\n\n")
    text = _XML_INVALID.sub("", text)
    return text.strip() if strip else text


def one_line(value: object) -> str:
    """Return :func:`clean` text with every run of whitespace folded to one space."""
    return _SPACES.sub(" ", clean(value)).strip()


def shorten(value: object, width: int) -> str:
    """Return one line of at most ``width`` characters, ending in an ellipsis if cut."""
    text = one_line(value)
    if len(text) <= width:
        return text
    cut = text[: max(width - 1, 1)].rstrip()
    return cut + "\u2026"


def chart_label(value: object, width: int = 40) -> str:
    """Return text safe for a matplotlib label: one line, short, never mathtext.

    Every ``$`` is escaped, so user text can never switch on (and crash in) mathtext.
    """
    return shorten(value, width).replace("$", r"\$")


def hours(value: object) -> str:
    """Working hours as a reader expects them printed: :func:`clean`, with the hyphen
    between two times set as an en dash ("08:00\u201316:30"). Only the print changes;
    what the user typed is stored as typed."""
    return _TIME_RANGE.sub("\\1\u2013\\2", clean(value))
