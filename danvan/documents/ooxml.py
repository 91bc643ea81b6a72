"""Low-level WordprocessingML helpers shared by the builder and the checks: fonts, borders, borderless
tables, and the effective formatting of a run (its own properties, else its styles, else the defaults)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Cm
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from docx.text.run import Run

# Elements that follow w:pBdr in w:pPr, w:cantSplit in w:trPr and w:tblBorders in w:tblPr (ECMA-376 order).
PBDR_SUCCESSORS = (
    *("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct"),
    *("w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid"),
    *("w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc"),
    *("w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle"),
    *("w:rPr", "w:sectPr", "w:pPrChange"),
)
TRPR_CANTSPLIT_SUCCESSORS = ("w:trHeight", "w:tblHeader", "w:tblCellSpacing", "w:jc", "w:hidden", "w:trPrChange")
TBLBORDERS_SUCCESSORS = ("w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription")
# A theme font on the same w:rFonts element wins over the named font.
_THEME_ATTRIBUTES = {"ascii": "w:asciiTheme", "hAnsi": "w:hAnsiTheme", "eastAsia": "w:eastAsiaTheme"}


def set_rfonts(rpr: BaseOxmlElement, font: str) -> None:
    """``font`` for every script (East Asian too, or Word substitutes a CJK font), no theme fonts."""
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        rfonts.attrib.pop(qn(theme), None)
    for script in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rfonts.set(qn(script), font)


def add_bottom_border(paragraph: Paragraph) -> None:
    """A solid 0.75 pt line along the bottom of the paragraph, between its indents."""
    border = OxmlElement("w:bottom")
    for name, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        border.set(qn(name), value)
    borders = OxmlElement("w:pBdr")
    borders.append(border)
    paragraph._p.get_or_add_pPr().insert_element_before(borders, *PBDR_SUCCESSORS)


def borderless_table(docx: DocxDocument, rows: int, widths_cm: tuple[float, float]) -> Table:
    """A table without borders, fixed layout, with these column widths."""
    table = docx.add_table(rows=rows, cols=len(widths_cm))
    table.autofit = False
    tblpr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    tblpr.insert_element_before(borders, *TBLBORDERS_SUCCESSORS)
    table_width = tblpr.find(qn("w:tblW"))
    if table_width is not None:
        table_width.set(qn("w:type"), "dxa")
        table_width.set(qn("w:w"), str(round(sum(widths_cm) / 2.54 * 1440)))
    for row in table.rows:  # a row never breaks across pages: the signature stays with its authority
        cant_split = OxmlElement("w:cantSplit")
        row._tr.get_or_add_trPr().insert_element_before(cant_split, *TRPR_CANTSPLIT_SUCCESSORS)
    for index, width in enumerate(widths_cm):
        table.columns[index].width = Cm(width)
        for cell in table.columns[index].cells:
            cell.width = Cm(width)
    return table


def rpr_levels(document: DocxDocument, run: Run, paragraph: Paragraph) -> list[BaseOxmlElement]:
    """The w:rPr elements that format ``run``, weakest first."""
    levels: list[BaseOxmlElement] = []
    defaults = document.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    if defaults is not None:
        levels.append(defaults)
    for style in (paragraph.style, run.style):
        chain = []
        while style is not None:
            chain.append(style)
            style = style.base_style
        levels += [s.element.rPr for s in reversed(chain) if s.element.rPr is not None]
    if run._r.rPr is not None:
        levels.append(run._r.rPr)
    return levels


def effective_font(levels: list[BaseOxmlElement], script: str) -> str:
    value = ""
    for rpr in levels:
        rfonts = rpr.find(qn("w:rFonts"))
        if rfonts is None:
            continue
        theme = rfonts.get(qn(_THEME_ATTRIBUTES[script]))
        if theme is not None:
            value = f"theme font {theme}"
        elif rfonts.get(qn(f"w:{script}")) is not None:
            value = rfonts.get(qn(f"w:{script}")) or ""
    return value


def effective_flag(levels: list[BaseOxmlElement], tag: str) -> bool:
    value = False
    for rpr in levels:
        element = rpr.find(qn(tag))
        if element is not None:
            value = (element.get(qn("w:val")) or "true").lower() not in ("0", "false", "off")
    return value


def effective_size(levels: list[BaseOxmlElement]) -> float | None:
    value = None
    for rpr in levels:
        element = rpr.find(qn("w:sz"))
        if element is not None and element.get(qn("w:val")):
            value = int(element.get(qn("w:val")) or 0) / 2
    return value


def all_runs(paragraph: Paragraph) -> list[Run]:
    return [Run(r, paragraph) for r in paragraph._p.xpath(".//w:r")]


def cell_paragraphs(cell: _Cell) -> Iterator[Paragraph]:
    for block in cell.iter_inner_content():
        yield from [block] if isinstance(block, Paragraph) else table_paragraphs(block)


def table_paragraphs(table: Table) -> Iterator[Paragraph]:
    seen: list[BaseOxmlElement] = []  # the elements themselves: lxml keeps a live proxy's identity
    for row in table.rows:
        for cell in row.cells:
            if not any(cell._tc is tc for tc in seen):
                seen.append(cell._tc)
                yield from cell_paragraphs(cell)


def has_rule(paragraph: Paragraph) -> bool:
    """A solid line: the paragraph's bottom border, or a drawn shape."""
    border = paragraph._p.find(f"{qn('w:pPr')}/{qn('w:pBdr')}/{qn('w:bottom')}")
    drawn = paragraph._p.xpath(".//w:drawing | .//w:pict")
    return bool(drawn) or (border is not None and border.get(qn("w:val")) not in (None, "nil", "none"))


def has_page_field(paragraphs: list[Paragraph]) -> bool:
    for p in paragraphs:
        instructions = [t.text or "" for t in p._p.xpath(".//w:instrText")]
        instructions += [f.get(qn("w:instr")) or "" for f in p._p.xpath(".//w:fldSimple")]
        if any(re.match(r"\s*PAGE\b", text) for text in instructions):
            return True
    return False
