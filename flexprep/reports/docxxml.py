"""Raw WordprocessingML built with lxml, where python-docx's API is slow or missing.

python-docx re-scans an element's children for every property it sets; building runs
directly keeps a document with hundreds of objections fast. Text reaching here has
already been through :func:`flexprep.reports.text.clean`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from flexprep.reports.text import clean

if TYPE_CHECKING:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

MUTED_HEX = "596370"  # grey for secondary text
_BREAKS = re.compile(r"(\n|\t)")


def run_element(text: str, *, bold: bool, italic: bool, muted: bool, size: float | None) -> Any:
    """A ``w:r`` built directly (python-docx's setters re-scan the run for each property).

    Newlines become ``w:br`` and tabs ``w:tab``, as python-docx's ``Run.text`` does.
    """
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    run = OxmlElement("w:r")
    if bold or italic or muted or size:
        properties = OxmlElement("w:rPr")  # children in schema order: b, i, color, sz
        for flag, tag in ((bold, "w:b"), (italic, "w:i")):
            if flag:
                properties.append(OxmlElement(tag))
        if muted:
            properties.append(OxmlElement("w:color", {qn("w:val"): MUTED_HEX}))
        if size:
            properties.append(OxmlElement("w:sz", {qn("w:val"): str(round(size * 2))}))
        run.append(properties)
    for piece in _BREAKS.split(text):
        if piece == "\n":
            run.append(OxmlElement("w:br"))
        elif piece == "\t":
            run.append(OxmlElement("w:tab"))
        elif piece:
            element = OxmlElement("w:t")
            element.text = piece
            element.set(qn("xml:space"), "preserve")
            run.append(element)
    return run


def plain_text(value: Any) -> str:
    if isinstance(value, list):
        return "".join(clean(text, strip=False) for text, _ in value)
    return clean(value)


def table_look(table: Table, *, header: bool, first_column: bool) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    look = table._tbl.tblPr.find(qn("w:tblLook"))
    if look is None:
        look = OxmlElement("w:tblLook")
        table._tbl.tblPr.append(look)
    value = (0x20 if header else 0) | (0x80 if first_column else 0) | 0x400
    look.set(qn("w:val"), f"{value:04X}")
    for name, on in (
        ("firstRow", header),
        ("lastRow", False),
        ("firstColumn", first_column),
        ("lastColumn", False),
        ("noHBand", False),
        ("noVBand", True),
    ):
        look.set(qn(f"w:{name}"), "1" if on else "0")


def row_flag(row: Any, tag: str) -> None:
    from docx.oxml import OxmlElement

    properties = row._tr.get_or_add_trPr()
    properties.append(OxmlElement(tag))


def field_code(paragraph: Paragraph, instruction: str, shown: str) -> None:
    """A complex field (PAGE, NUMPAGES) that Word and LibreOffice update on layout."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def run_with(child: Any) -> None:
        run = run_element("", bold=False, italic=False, muted=True, size=8.5)
        run.append(child)
        paragraph._p.append(run)

    run_with(OxmlElement("w:fldChar", {qn("w:fldCharType"): "begin"}))
    instr = OxmlElement("w:instrText", {qn("xml:space"): "preserve"})
    instr.text = f" {instruction} "
    run_with(instr)
    run_with(OxmlElement("w:fldChar", {qn("w:fldCharType"): "separate"}))
    paragraph._p.append(run_element(shown, bold=False, italic=False, muted=True, size=8.5))
    run_with(OxmlElement("w:fldChar", {qn("w:fldCharType"): "end"}))


def set_language(document: Any, language: str) -> None:
    """Make ``language`` the proofing language of every run and of the theme fonts."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    defaults = document.styles.element.find(qn("w:docDefaults"))
    run_defaults = defaults.find(qn("w:rPrDefault")) if defaults is not None else None
    properties = run_defaults.find(qn("w:rPr")) if run_defaults is not None else None
    if properties is not None:
        lang = properties.find(qn("w:lang"))
        if lang is None:
            lang = OxmlElement("w:lang")
            properties.append(lang)
        lang.set(qn("w:val"), language)
    theme = document.settings.element.find(qn("w:themeFontLang"))
    if theme is not None:
        theme.set(qn("w:val"), language)
    # The template's Word 2010 copy of the styles says en-US too; keep the two alike.
    for part in document.part.package.iter_parts():
        if str(part.partname).endswith("/stylesWithEffects.xml"):
            part._blob = part.blob.replace(
                b'<w:lang w:val="en-US"', f'<w:lang w:val="{language}"'.encode()
            )
