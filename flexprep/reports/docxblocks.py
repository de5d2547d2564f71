"""The document half of :class:`~flexprep.reports.docxkit.DocBuilder`.

Page set-up and styles, adding a paragraph, and the block elements a document has a
handful of — tables, letter lines, pictures, page furniture, properties — built through
python-docx's own API. The text methods, which a long brief calls tens of thousands of
times, are in :mod:`flexprep.reports.docxkit`.
"""

from __future__ import annotations

import io
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
_LONG_ROW = 600  # characters; longer rows may break across pages


class DocumentBase:
    """An A4 document with FlexPrep's page set-up and styles, and its block elements."""

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
        # document with thousands of objections would spend seconds there.
        self._style_ids: dict[str, str] = {style.name: style.style_id for style in styles}
        xml.set_language(self.document, LANGUAGE)
        # Likewise, python-docx finds the body's end by scanning every child each time a
        # paragraph is added; inserting before the section properties directly is O(1).
        self._body = self.document._body
        self._end = self.document.element.body.get_or_add_sectPr()
        self._new_page = False

    def _add_paragraph(
        self, style: str | None = None, runs: str = "", *, keep_with_next: bool = False
    ) -> Paragraph:
        """A new last paragraph of ``style`` holding ``runs`` (markup from :func:`xml.run_xml`).

        The paragraph is parsed from its markup in one go: building it node by node
        through python-docx costs several times more, which a brief with 10,000
        objections would feel.
        """
        from docx.text.paragraph import Paragraph

        element = xml.parse(
            xml.paragraph_xml(
                runs,
                style_id=self._style_ids[style] if style else None,
                keep_with_next=keep_with_next,
                page_break_before=self._new_page,
            )
        )
        self._new_page = False
        self._end.addprevious(element)
        return Paragraph(element, self._body)

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

    # --- blocks --------------------------------------------------------------------

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
        from docx.oxml.table import CT_Tbl
        from docx.table import Table

        # As Document.add_table does, without its two scans of the whole body (for the
        # last section's width and for the body's end).
        element = CT_Tbl.new_tbl(row_count, len(widths), Emu(self.text_width))
        self._end.addprevious(element)
        table = Table(element, self._body)
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
        from docx.text.paragraph import Paragraph

        spacer_element = xml.parse("<w:p/>")  # not _add_paragraph: no pending page break
        self._end.addprevious(spacer_element)
        spacer = Paragraph(spacer_element, self._body).paragraph_format
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
