"""A thin layer over python-docx: page set-up, built-in styles, safe text, tables, charts.

Every string goes through :func:`flexprep.reports.text.clean` here, so no renderer can
hand Word a character its XML cannot hold. python-docx is imported when a builder is
made, never at import time. The text methods are here; page set-up, tables, pictures,
page furniture and properties are in :mod:`flexprep.reports.docxblocks`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from flexprep.reports import docxxml as xml
from flexprep.reports.docxblocks import LANGUAGE, TABLE_STYLE, DocumentBase
from flexprep.reports.text import clean, shorten

if TYPE_CHECKING:
    from docx.text.paragraph import Paragraph

__all__ = ["LANGUAGE", "TABLE_STYLE", "DocBuilder"]

_PARAGRAPHS = re.compile(r"\n[ \t]*\n\s*")


class DocBuilder(DocumentBase):
    """Builds one Word document on A4 with FlexPrep's look."""

    # --- text ----------------------------------------------------------------------

    def paragraph(
        self,
        text: Any = "",
        *,
        style: str | None = None,
        bold: bool = False,
        italic: bool = False,
        muted: bool = False,
        size: float | None = None,
        keep_with_next: bool = False,
        align: str | None = None,
    ) -> Paragraph | None:
        """Add ``text``; blank lines start new paragraphs, single newlines break lines.

        Returns the last paragraph added, or None when the text was empty.
        """
        last = None
        for chunk in _PARAGRAPHS.split(clean(text)):
            if not chunk:
                continue
            run = xml.run_xml(chunk, bold=bold, italic=italic, muted=muted, size=size)
            last = self._add_paragraph(style, run, keep_with_next=keep_with_next)
            self._align(last, align)
        return last

    def rich(
        self,
        parts: list[tuple[Any, str]],
        *,
        style: str | None = None,
        keep_with_next: bool = False,
        size: float | None = None,
        indent: bool = False,
    ) -> Paragraph | None:
        """One paragraph of runs; each part is (text, flags) with flags from "b", "i", "m".

        ``indent`` hangs the paragraph after its first tab (a number, then the text),
        so wrapped and broken lines line up with the text.
        """
        pieces = [(clean(text, strip=False), flags) for text, flags in parts]
        if not any(text.strip() for text, _ in pieces):
            return None
        runs = "".join(
            xml.run_xml(text, bold="b" in flags, italic="i" in flags, muted="m" in flags, size=size)
            for text, flags in pieces
            if text
        )
        paragraph = self._add_paragraph(style, runs, keep_with_next=keep_with_next)
        if indent:
            from docx.shared import Cm, Pt

            fmt = paragraph.paragraph_format
            fmt.left_indent, fmt.first_line_indent = Cm(0.6), Cm(-0.6)
            fmt.tab_stops.add_tab_stop(Cm(0.6))
            fmt.space_after = Pt(4)
        return paragraph

    def heading(self, text: Any, level: int = 1) -> None:
        """A built-in heading (kept with the paragraph that follows it)."""
        run = xml.run_xml(shorten(text, 300) or "Untitled", plain=True)
        self._add_paragraph(f"Heading {level}", run)

    def label(self, text: str) -> None:
        """A small bold run-in label kept with what follows (a table, a list)."""
        self.paragraph(text, bold=True, keep_with_next=True)

    def field(self, label: str, value: Any) -> None:
        """``Label: value`` on one paragraph; nothing when the value is empty."""
        if clean(value):
            self.rich([(f"{label}: ", "b"), (value, "")])

    def fields(self, pairs: list[tuple[str, Any]]) -> None:
        """:meth:`field` for each pair, set close together (a compact list of facts)."""
        from docx.shared import Pt

        for label, value in pairs:
            if clean(value):
                paragraph = self.rich([(f"{label}: ", "b"), (value, "")])
                if paragraph is not None:
                    paragraph.paragraph_format.space_after = Pt(3)

    def bullets(self, items: list[Any], *, style: str = "List Bullet") -> None:
        """One bulleted paragraph per item: plain text, or a list of (text, flags) parts."""
        for item in items:
            if isinstance(item, list):
                self.rich(item, style=style)
            else:
                self.paragraph(item, style=style)

    def checklist(self, items: list[str], *, size: float | None = None) -> None:
        """Lines starting with a box (☐/☑), wrapped lines aligned after the box."""
        from docx.shared import Cm, Pt

        for item in items:
            paragraph = self.paragraph(item, size=size)
            if paragraph is not None:
                fmt = paragraph.paragraph_format
                fmt.left_indent, fmt.first_line_indent = Cm(0.6), Cm(-0.6)
                fmt.space_after = Pt(3)

    def note(self, text: Any, *, keep_with_next: bool = False) -> None:
        """A small grey italic remark."""
        self.paragraph(text, italic=True, muted=True, size=9, keep_with_next=keep_with_next)

    def short_quote(self, text: Any, attribution: Any) -> None:
        """A quotation and its attribution in one indented paragraph (a compact page)."""
        from docx.shared import Cm, Pt

        paragraph = self.rich(
            [
                (f"\u201c{clean(text)}\u201d", "i"),
                (f"\n\u2014 {clean(attribution)}" if clean(attribution) else "", "m"),
            ]
        )
        if paragraph is not None:
            fmt = paragraph.paragraph_format
            fmt.left_indent, fmt.space_after = Cm(0.6), Pt(6)

    def quote(self, text: Any, attribution: Any) -> None:
        """A quotation in the built-in Quote style, then its attribution."""
        quote = self.paragraph(f"\u201c{clean(text)}\u201d", style="Quote", keep_with_next=True)
        if quote is None:
            return
        byline = self.paragraph(f"\u2014 {clean(attribution)}", muted=True, size=9.5)
        if byline is not None:
            from docx.shared import Cm, Pt

            byline.paragraph_format.left_indent = Cm(0.6)
            byline.paragraph_format.space_after = Pt(10)

    def spacer(self, points: float, *, keep_with_next: bool = False) -> None:
        """Vertical space of about ``points`` (e.g. room for a signature)."""
        from docx.shared import Pt

        fmt = self._add_paragraph().paragraph_format
        fmt.space_after, fmt.line_spacing = Pt(0), Pt(points)
        fmt.keep_with_next = keep_with_next

    def new_page(self) -> None:
        """Start the next paragraph on a new page (no blank page when none follows)."""
        self._new_page = True

    def page_break(self) -> None:
        from docx.enum.text import WD_BREAK

        self._add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    @staticmethod
    def _align(paragraph: Paragraph, align: str | None) -> None:
        if align:
            from docx.enum.text import WD_ALIGN_PARAGRAPH

            paragraph.alignment = getattr(WD_ALIGN_PARAGRAPH, align.upper())

    def title_block(self, title: str, subtitle: Any, meta: list[Any]) -> None:
        """Title, a subtitle, then a grey line of facts.

        A long title (a proposal title the user wrote) is set smaller, so that it takes
        two lines rather than three.
        """
        text = shorten(title, 300)
        self._add_paragraph(
            "Title", xml.run_xml(text, size=20 if len(text) > 36 else None, plain=True)
        )
        self.paragraph(shorten(subtitle, 300), style="Subtitle")
        line = "  \u00b7  ".join(one for one in (clean(item) for item in meta) if one)
        if line:
            self.paragraph(line, muted=True, size=10)
