"""Count the pages of a .docx: LibreOffice when it is installed, else from the layout.

The layout estimate walks the body as Word would lay it out (paragraph by paragraph,
table row by table row, picture by picture) with Calibri's average character width and
line height, each paragraph's style (size, spacing, indents) and the page's text area.
A block that does not fit on the rest of a page starts the next one. The two constants
were measured against LibreOffice (with Carlito, metric-compatible with Calibri) on the
test workbooks, where the estimate then gives the same page count for every document;
tests/test_documents_pages.py checks that again wherever both are available.
"""

from __future__ import annotations

import math
import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

#: Calibri's average advance width for English text, in ems.
CHAR_EM = 0.44
#: Line height at single spacing, in ems.
LINE_EM = 1.12
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_EMU_PER_PT = 12700


def soffice() -> str | None:
    """The LibreOffice command, when installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def pdf_pages(docx_path: Path) -> tuple[int, list[str]]:
    """Pages (and each page's text, when pdftotext is there) from LibreOffice's PDF."""
    command = soffice()
    assert command is not None
    with tempfile.TemporaryDirectory() as folder:
        profile = Path(folder) / "profile"
        subprocess.run(
            [
                command,
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                folder,
                str(docx_path),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
        pdf = Path(folder) / (docx_path.stem + ".pdf")
        data = pdf.read_bytes()
        count = len(re.findall(rb"/Type\s*/Page[^s]", data))
        texts: list[str] = []
        if shutil.which("pdftotext"):
            out = subprocess.run(
                ["pdftotext", "-layout", str(pdf), "-"],
                check=True,
                capture_output=True,
                text=True,
                timeout=60,
            ).stdout
            texts = out.split("\f")[:count]
        return count, texts


class _Styles:
    """Paragraph style values with inheritance (size, spacing, indent)."""

    def __init__(self, document: Any) -> None:
        self.by_id = {style.style_id: style for style in document.styles}
        self.normal = document.styles["Normal"]

    def value(self, style_id: str | None, getter: Any, default: Any) -> Any:
        style = self.by_id.get(style_id or "", self.normal)
        while style is not None:
            found = getter(style)
            if found is not None:
                return found
            style = style.base_style
        return default


def _pt(length: Any, default: float = 0.0) -> float:
    return float(length.pt) if length is not None else default


class Layout:
    """The estimated layout of one document."""

    def __init__(self, path: Path) -> None:
        import docx

        self.document = docx.Document(str(path))
        section = self.document.sections[0]
        self.page_height = (
            section.page_height - section.top_margin - section.bottom_margin
        ) / _EMU_PER_PT
        self.text_width = (
            section.page_width - section.left_margin - section.right_margin
        ) / _EMU_PER_PT
        self.styles = _Styles(self.document)

    # --- blocks --------------------------------------------------------------------

    def paragraph(self, element: Any, width: float | None = None) -> tuple[float, bool]:
        """(height in points, whether the paragraph starts a new page)."""
        style_el = element.find(f"{_W}pPr/{_W}pStyle")
        style_id = style_el.get(f"{_W}val") if style_el is not None else None
        base = self.styles.value(style_id, lambda s: s.font.size and s.font.size.pt, 11.0)
        before = _pt(self.styles.value(style_id, lambda s: s.paragraph_format.space_before, None))
        after = _pt(self.styles.value(style_id, lambda s: s.paragraph_format.space_after, None))
        spacing = float(self.styles.value(style_id, lambda s: s.paragraph_format.line_spacing, 1.0))
        left = _pt(self.styles.value(style_id, lambda s: s.paragraph_format.left_indent, None))
        if style_id and "List" in style_id:
            left += 18.0
        properties = element.find(f"{_W}pPr")
        new_page = properties is not None and properties.find(f"{_W}pageBreakBefore") is not None
        own = properties.find(f"{_W}spacing") if properties is not None else None
        if own is not None:
            if own.get(f"{_W}after") is not None:
                after = int(own.get(f"{_W}after")) / 20
            if own.get(f"{_W}line") is not None and own.get(f"{_W}lineRule") in (None, "auto"):
                spacing = int(own.get(f"{_W}line")) / 240
        indent = properties.find(f"{_W}ind") if properties is not None else None
        if indent is not None and indent.get(f"{_W}left") is not None:
            left = int(indent.get(f"{_W}left")) / 20
        usable = (width if width is not None else self.text_width) - left
        # Lines: each run's characters at its own size; a break starts a new line.
        lines, line_width, tallest = 0, 0.0, 0.0
        for run in element.iter(f"{_W}r"):
            size_el = run.find(f"{_W}rPr/{_W}sz")
            size = int(size_el.get(f"{_W}val")) / 2 if size_el is not None else base
            for node in run:
                tag = node.tag.replace(_W, "")
                if tag == "t":
                    tallest = max(tallest, size) if node.text else tallest
                    line_width += len(node.text or "") * size * CHAR_EM
                elif tag == "tab":
                    line_width += 4 * size * CHAR_EM
                elif tag == "br" and node.get(f"{_W}type") == "page":
                    new_page = True
                elif tag == "br":
                    lines += max(1, math.ceil(line_width / usable))
                    line_width = 0.0
        lines += max(1, math.ceil(line_width / usable))
        height = lines * (tallest or base) * LINE_EM * spacing
        pictures = [
            int(extent.get("cy")) / _EMU_PER_PT
            for extent in element.iter(
                "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}extent"
            )
        ]
        if pictures:
            height = sum(pictures) + (height if "".join(element.itertext()).strip() else 0)
        return height + before + after, new_page

    def table(self, element: Any) -> list[float]:
        """The height of each row."""
        widths = [int(col.get(f"{_W}w")) / 20 for col in element.iter(f"{_W}gridCol")]
        heights = []
        for row in element.findall(f"{_W}tr"):
            tallest = 0.0
            for index, cell in enumerate(row.findall(f"{_W}tc")):
                width = (widths[index] if index < len(widths) else self.text_width) - 11
                inner = sum(self.paragraph(p, width)[0] for p in cell.findall(f"{_W}p"))
                tallest = max(tallest, inner)
            heights.append(tallest + 2)
        return heights

    # --- pages ---------------------------------------------------------------------

    def pages(self) -> int:
        """The estimated number of pages."""
        pages, used = 1, 0.0

        def place(height: float, new_page: bool = False) -> None:
            nonlocal pages, used
            if used and (new_page or used + height > self.page_height):
                pages += 1
                used = 0.0
            used += height

        for child in self.document.element.body.iterchildren():
            tag = child.tag.replace(_W, "")
            if tag == "p":
                place(*self.paragraph(child))
            elif tag == "tbl":
                for height in self.table(child):
                    place(height)
        return pages

    def first_page_height(self) -> float:
        """Points of content before the first forced new page (the brief's card)."""
        used = 0.0
        for child in self.document.element.body.iterchildren():
            tag = child.tag.replace(_W, "")
            if tag == "p":
                height, new_page = self.paragraph(child)
                if new_page and used:
                    return used
                used += height
            elif tag == "tbl":
                used += sum(self.table(child))
        return used
