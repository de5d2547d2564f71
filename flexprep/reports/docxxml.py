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
W_NAMESPACE = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_BREAKS = re.compile(r"(\n|\t)")
_TAG = re.compile(r"<[\w:]+")
_parser: Any = None


def escape(text: str) -> str:
    """``text`` safe inside XML character data or a double-quoted attribute."""
    # (Chained replaces are several times faster than str.translate here.)
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


def run_xml(
    text: str,
    *,
    bold: bool = False,
    italic: bool = False,
    muted: bool = False,
    size: float | None = None,
    plain: bool = False,
) -> str:
    """The markup of one ``w:r``, the same as :func:`run_element` builds.

    ``plain`` marks text spaces as preserved only where they would otherwise be lost
    (leading or trailing), as python-docx's ``add_run(text)`` does.
    """
    parts = ["<w:r>"]
    if bold or italic or muted or size:
        parts.append("<w:rPr>")  # children in schema order: b, i, color, sz
        if bold:
            parts.append("<w:b/>")
        if italic:
            parts.append("<w:i/>")
        if muted:
            parts.append(f'<w:color w:val="{MUTED_HEX}"/>')
        if size:
            parts.append(f'<w:sz w:val="{round(size * 2)}"/>')
        parts.append("</w:rPr>")
    for piece in _BREAKS.split(text):
        if piece == "\n":
            parts.append("<w:br/>")
        elif piece == "\t":
            parts.append("<w:tab/>")
        elif piece:
            keep = not plain or len(piece.strip()) < len(piece)
            opening = '<w:t xml:space="preserve">' if keep else "<w:t>"
            parts.append(f"{opening}{escape(piece)}</w:t>")
    parts.append("</w:r>")
    return "".join(parts)


def paragraph_xml(
    runs: str,
    *,
    style_id: str | None = None,
    keep_with_next: bool = False,
    page_break_before: bool = False,
) -> str:
    """The markup of one ``w:p`` holding ``runs`` (properties in schema order)."""
    properties = ""
    if style_id or keep_with_next or page_break_before:
        properties = "".join(
            (
                "<w:pPr>",
                f'<w:pStyle w:val="{escape(style_id)}"/>' if style_id else "",
                "<w:keepNext/>" if keep_with_next else "",
                "<w:pageBreakBefore/>" if page_break_before else "",
                "</w:pPr>",
            )
        )
    return f"<w:p>{properties}{runs}</w:p>"


def parse(markup: str) -> Any:
    """One element from ``markup`` (``w:`` prefixes), as python-docx's own classes.

    Parsing a paragraph's markup is several times faster than building it node by
    node through python-docx; a brief with 10,000 objections depends on it. Huge text
    nodes are allowed: an answer may run to megabytes.
    """
    global _parser  # noqa: PLW0603 - one parser, made on first use (lxml loads lazily)
    from lxml import etree  # type: ignore[import-untyped]

    if _parser is None:
        from docx.oxml.parser import element_class_lookup

        _parser = etree.XMLParser(resolve_entities=False, huge_tree=True)
        _parser.set_element_class_lookup(element_class_lookup)

    name = _TAG.match(markup)
    if name is None:
        raise ValueError("markup must start with an element")
    end = name.end()
    return etree.fromstring(f'{markup[:end]} xmlns:w="{W_NAMESPACE}"{markup[end:]}', _parser)


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
