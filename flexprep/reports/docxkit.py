"""A thin layer over python-docx: page set-up, built-in styles, safe text, tables, charts.

Every string goes through :func:`flexprep.reports.text.clean` here, so no renderer can
hand Word a character its XML cannot hold. python-docx is imported when a builder is
made, never at import time.
"""

from __future__ import annotations

import io
import re
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from flexprep.reports import docxxml as xml
from flexprep.reports.text import clean, shorten

if TYPE_CHECKING:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

TABLE_STYLE = "Light List Accent 1"
#: The documents are written in British English: Word's spelling check and
#: hyphenation follow this.
LANGUAGE = "en-GB"
_PARAGRAPHS = re.compile(r"\n[ \t]*\n\s*")
_LONG_ROW = 600  # characters; longer rows may break across pages


class DocBuilder:
    """Builds one Word document on A4 with FlexPrep's look."""

    def __init__(self, *, compact: bool = False) -> None:
        """A new A4 document; ``compact`` sets it a little tighter (a two-page leave-behind)."""
        from docx import Document
        from docx.shared import Cm, Pt

        self.document = Document()
        section = self.document.sections[0]
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
        section.left_margin = section.right_margin = Cm(2.0 if compact else 2.2)
        section.top_margin, section.bottom_margin = Cm(1.8 if compact else 2.0), Cm(2.0)
        self.text_width = section.page_width - section.left_margin - section.right_margin
        styles = self.document.styles
        normal = styles["Normal"]
        normal.font.name = "Calibri"
        normal.font.size = Pt(10 if compact else 10.5)
        normal.paragraph_format.space_after = Pt(4 if compact else 6)
        normal.paragraph_format.line_spacing = 1.05 if compact else 1.12
        headings = ((16, 6), (11, 4), (7, 2)) if not compact else ((11, 3), (8, 3), (6, 2))
        for level, (before, after) in enumerate(headings, start=1):
            fmt = styles[f"Heading {level}"].paragraph_format
            fmt.space_before, fmt.space_after, fmt.keep_with_next = Pt(before), Pt(after), True
        styles["Title"].paragraph_format.space_after = Pt(4)
        styles["List Bullet"].paragraph_format.space_after = Pt(2 if compact else 3)
        styles["List Number"].paragraph_format.space_after = Pt(2 if compact else 3)
        # python-docx looks styles up by name with a linear scan on every use; a
        # document with hundreds of objections would spend seconds there.
        self._style_ids = {style.name: style.style_id for style in styles}
        xml.set_language(self.document, LANGUAGE)
        # Likewise, python-docx finds the body's end by scanning every child each time a
        # paragraph is added; inserting before the section properties directly is O(1).
        self._body = self.document._body
        self._end = self.document.element.body.get_or_add_sectPr()
        self._new_page = False

    def _add_paragraph(self, style: str | None = None) -> Paragraph:
        from docx.oxml import OxmlElement
        from docx.text.paragraph import Paragraph

        element = OxmlElement("w:p")
        self._end.addprevious(element)
        paragraph = Paragraph(element, self._body)
        if style:
            element.style = self._style_ids[style]
        if self._new_page:
            paragraph.paragraph_format.page_break_before = True
            self._new_page = False
        return paragraph

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
            last = self._add_paragraph(style)
            self._run(last, chunk, bold=bold, italic=italic, muted=muted, size=size)
            self._format(last, keep_with_next=keep_with_next, align=align)
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
        paragraph = self._add_paragraph(style)
        for text, flags in pieces:
            if text:
                self._run(
                    paragraph,
                    text,
                    bold="b" in flags,
                    italic="i" in flags,
                    muted="m" in flags,
                    size=size,
                )
        self._format(paragraph, keep_with_next=keep_with_next)
        if indent:
            from docx.shared import Cm, Pt

            fmt = paragraph.paragraph_format
            fmt.left_indent, fmt.first_line_indent = Cm(0.6), Cm(-0.6)
            fmt.tab_stops.add_tab_stop(Cm(0.6))
            fmt.space_after = Pt(4)
        return paragraph

    def heading(self, text: Any, level: int = 1) -> None:
        """A built-in heading (kept with the paragraph that follows it)."""
        paragraph = self._add_paragraph(f"Heading {level}")
        paragraph.add_run(shorten(text, 300) or "Untitled")

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

    def _run(
        self,
        paragraph: Paragraph,
        text: str,
        *,
        bold: bool = False,
        italic: bool = False,
        muted: bool = False,
        size: float | None = None,
    ) -> None:
        paragraph._p.append(xml.run_element(text, bold=bold, italic=italic, muted=muted, size=size))

    @staticmethod
    def _format(
        paragraph: Paragraph, *, keep_with_next: bool = False, align: str | None = None
    ) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        if keep_with_next:
            paragraph.paragraph_format.keep_with_next = True
        if align:
            paragraph.alignment = getattr(WD_ALIGN_PARAGRAPH, align.upper())

    # --- blocks --------------------------------------------------------------------

    def title_block(self, title: str, subtitle: Any, meta: list[Any]) -> None:
        """Title, a subtitle, then a grey line of facts.

        A long title (a proposal title the user wrote) is set smaller, so that it takes
        two lines rather than three.
        """
        from docx.shared import Pt

        text = shorten(title, 300)
        run = self._add_paragraph("Title").add_run(text)
        if len(text) > 36:
            run.font.size = Pt(20)
        self.paragraph(shorten(subtitle, 300), style="Subtitle")
        line = "  \u00b7  ".join(one for one in (clean(item) for item in meta) if one)
        if line:
            self.paragraph(line, muted=True, size=10)

    def table(
        self,
        headers: list[str],
        rows: list[list[Any]],
        widths: list[float],
        *,
        header: bool = True,
        first_column: bool = False,
        size: float = 9.5,
        span: float = 1.0,
    ) -> Table | None:
        """A table in the house style, ``span`` of the text width wide.

        ``widths`` are relative column widths. Returns None (and adds nothing) when
        there are no rows.
        """
        if not rows:
            return None
        from docx.shared import Emu, Pt

        row_count = len(rows) + (1 if header else 0)
        table: Table = self.document.add_table(rows=row_count, cols=len(widths))
        table._tbl.tblStyle_val = self._style_ids[TABLE_STYLE]
        table.autofit = False
        xml.table_look(table, header=header, first_column=first_column)
        total = sum(widths)
        emus = [Emu(int(self.text_width * span * width / total)) for width in widths]
        body = [headers] if header else []
        texts = body + rows
        keep_together = len(texts) <= 12
        for index, (row, values) in enumerate(zip(table.rows, texts, strict=True)):
            long_row = sum(len(xml.plain_text(value)) for value in values) > _LONG_ROW
            if header and index == 0:
                xml.row_flag(row, "w:tblHeader")
            elif not long_row:
                xml.row_flag(row, "w:cantSplit")
            keep = keep_together and not long_row and index < len(texts) - 1
            for cell, width, value in zip(row.cells, emus, values, strict=True):
                cell.width = width
                paragraph = cell.paragraphs[0]
                paragraph.paragraph_format.space_after = Pt(0)
                if keep:  # a short table stays on one page
                    paragraph.paragraph_format.keep_with_next = True
                if isinstance(value, list):
                    for text, flags in value:
                        if clean(text, strip=False):
                            self._run(
                                paragraph,
                                clean(text, strip=False),
                                size=size,
                                bold="b" in flags,
                                italic="i" in flags,
                                muted="m" in flags,
                            )
                else:
                    self._run(paragraph, clean(value), size=size)
        for column, width in zip(table.columns, emus, strict=True):
            column.width = width
        spacer = self.document.add_paragraph().paragraph_format
        spacer.space_after, spacer.line_spacing = Pt(0), Pt(8)
        return table

    def lines(self, pairs: list[tuple[str, Any]], *, size: float = 10) -> None:
        """``Label: value`` lines set close together (a letter's from/to/date block).

        A pair with an empty value is skipped; a value with several lines keeps them.
        """
        from docx.shared import Pt

        shown = [(label, clean(value)) for label, value in pairs if clean(value)]
        for index, (label, value) in enumerate(shown):
            paragraph = self._add_paragraph()
            self._run(paragraph, f"{label}\t", bold=True, size=size)
            self._run(paragraph, value, size=size)
            fmt = paragraph.paragraph_format
            fmt.space_after = Pt(8 if index == len(shown) - 1 else 0)
            fmt.tab_stops.add_tab_stop(Pt(48))
            fmt.left_indent, fmt.first_line_indent = Pt(48), Pt(-48)
            fmt.keep_with_next = index < len(shown) - 1

    def facts(self, pairs: list[tuple[str, Any]], *, span: float = 1.0) -> None:
        """A two-column label/value table; pairs with an empty value are skipped."""
        rows = [[label, value] for label, value in pairs if clean(value)]
        self.table([], rows, [1, 2.6 * span], header=False, first_column=True, span=span)

    def picture(self, png: bytes, width_in: float, description: str) -> None:
        """A chart centred at ``width_in`` inches (at most the text width)."""
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Emu, Inches

        width = min(Emu(Inches(width_in)), self.text_width)
        paragraph = self._add_paragraph()
        shape = paragraph.add_run().add_picture(io.BytesIO(png), width=Emu(width))
        shape._inline.docPr.set("descr", clean(description))
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER

    # --- page furniture ------------------------------------------------------------

    def furniture(self, footer: str, header: str = "") -> None:
        """Footer with ``footer`` text and "Page X of Y"; optional header line."""
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        section = self.document.sections[0]
        if header:
            paragraph = section.header.paragraphs[0]
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            self._run(paragraph, clean(header), bold=True, muted=True, size=8.5)
        paragraph = section.footer.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        self._run(paragraph, f"{shorten(footer, 120)}  \u00b7  Page ", muted=True, size=8.5)
        xml.field_code(paragraph, "PAGE", "1")
        self._run(paragraph, " of ", muted=True, size=8.5)
        xml.field_code(paragraph, "NUMPAGES", "1")

    def properties(self, title: str, subject: str, author: str = "") -> None:
        """Core properties: title, subject and author, nothing else the user typed.

        The author is the user (``about.name``), never the app; blank when unknown.
        """
        props = self.document.core_properties
        props.title = shorten(title, 250)
        props.subject = shorten(subject, 250)
        props.comments = props.keywords = props.category = props.content_status = ""
        props.language = LANGUAGE
        props.created = props.modified = datetime.now().replace(microsecond=0)
        props.revision = 1
        self.sign(author)

    def sign(self, author: str) -> None:
        """Set the author (and last editor) to ``author``."""
        props = self.document.core_properties
        props.author = props.last_modified_by = shorten(author, 250)

    def retitle(self, title: str) -> None:
        """Replace the document title (the property a file browser shows)."""
        self.document.core_properties.title = shorten(title, 250)

    def save(self, path: Path) -> None:
        self.document.save(str(path))
