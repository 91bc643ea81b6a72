"""Official documents in the format of Decree 30/2020/NĐ-CP (Appendix I), written with python-docx.

``OfficialDocument`` holds the parts of a document as plain text; ``build_docx`` lays them out:
A4 portrait, margins 20/20/30/15 mm, Times New Roman everywhere, the two-column header (issuing agency
and number on the left, national title, motto and place-and-date line on the right), document type and
abstract, legal bases, "Kính gửi", the body, and the recipients beside the signature. Page numbers are
centred in the top margin from page 2 on.
"""

from __future__ import annotations

import datetime
import io
from dataclasses import dataclass

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt
from docx.table import _Cell
from docx.text.paragraph import Paragraph as DocxParagraph
from docx.text.run import Run

from danvan.documents.fonts import text_width_pt
from danvan.documents.formats import FONT, MOTTO, NATIONAL_TITLE, NUMBER_RE, vietnamese_date, vietnamese_date_line
from danvan.documents.ooxml import add_bottom_border, borderless_table, set_rfonts

__all__ = ["OfficialDocument", "Paragraph", "build_docx", "vietnamese_date", "vietnamese_date_line"]


PAGE_WIDTH, PAGE_HEIGHT = Mm(210), Mm(297)
MARGIN_TOP = MARGIN_BOTTOM = Mm(20)
MARGIN_LEFT, MARGIN_RIGHT = Mm(30), Mm(15)
TEXT_WIDTH_CM = 16.5  # 210 − 30 − 15 mm
HEADER_COLUMNS_CM = (6.5, 10.0)
SIGNATURE_COLUMNS_CM = (8.0, 8.5)
CELL_PADDING_PT = 2 * 5.4  # Word's default left + right cell margins (0.19 cm each)

# Sizes in points (Appendix I gives a range for each element; these are the values we use).
SIZE_BODY = 14  # body, document type, abstract, bases, "Kính gửi", signature: 13–14
SIZE_AGENCY = 13  # parent and issuing agency: 12–13
SIZE_NATIONAL_TITLE = 13  # 12–13
SIZE_MOTTO = 14  # 13–14
SIZE_NUMBER = 13  # 13
SIZE_DATE = 14  # 13–14
SIZE_LETTER_ABSTRACT = 12  # "V/v …" of an official letter: 12–13
SIZE_PAGE_NUMBER = 13  # 13–14
SIZE_RECIPIENTS_LABEL = 12  # "Nơi nhận:": 12
SIZE_RECIPIENTS = 11  # the list: 11

FIRST_LINE_INDENT = Cm(1.27)
PARAGRAPH_SPACING = Pt(6)
LINE_SPACING = 1.15  # between single and 1.5 lines
SIGNATURE_SPACE = Pt(72)  # room for the signature and seal above the signer's name
ISSUER_RULE_SHARE = 0.4  # the rule under the issuing agency: 1/3–1/2 of the line
ABSTRACT_RULE_SHARE = 0.4


@dataclass(frozen=True)
class Paragraph:
    """A body paragraph; ``lead`` is set in bold before the text ("Điều 1.")."""

    text: str
    lead: str = ""


@dataclass(frozen=True)
class OfficialDocument:
    """The parts of an official document, as text. Upper-case parts are passed in upper case.

    ``doc_type`` is empty for an official letter (công văn): then ``abstract`` is its "V/v …" line, set
    under the number. ``recipients`` are the "Nơi nhận" lines before the archive line ``- Lưu: {archive}.``.
    """

    issuer_lines: tuple[str, ...]
    number: str
    place: str
    date: datetime.date
    paragraphs: tuple[Paragraph | str, ...]
    signing_authority: tuple[str, ...]
    signer_name: str
    parent_agency_lines: tuple[str, ...] = ()
    doc_type: str = ""
    abstract: str = ""
    issuing_authority: str = ""  # decisions: the competence line, e.g. "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ …"
    bases: tuple[str, ...] = ()
    enacting_line: str = ""  # decisions: "QUYẾT ĐỊNH:"
    addressees: tuple[str, ...] = ()
    recipients: tuple[str, ...] = ()
    archive: str = "VT"

    def to_docx(self) -> bytes:
        return build_docx(self)

    @property
    def is_letter(self) -> bool:
        return not self.doc_type

    def validate(self) -> None:
        """Raise ``ValueError`` when a part breaks the Decree 30 form."""
        upper_parts = (*self.issuer_lines, *self.parent_agency_lines, *self.signing_authority)
        upper_parts += (self.doc_type, self.issuing_authority, self.enacting_line)
        checks = [
            (bool(self.issuer_lines), "the issuing agency is missing"),
            (all(part == part.upper() for part in upper_parts), "agency, type and authority lines are upper case"),
            (NUMBER_RE.fullmatch(self.number) is not None, f"the number {self.number!r} is not like 05/TB-UBND"),
            (not self.is_letter or self.abstract.startswith("V/v "), "an official letter's abstract starts 'V/v '"),
            (bool(self.paragraphs), "the body is empty"),
            (_text(self.paragraphs[-1]).endswith("./.") if self.paragraphs else False, "the body ends with './.'"),
            (bool(self.signing_authority) and bool(self.signer_name.strip()), "the signature block is incomplete"),
            (self.archive.startswith("VT"), "the archive line starts with 'VT' (văn thư)"),
        ]
        problems = [message for ok, message in checks if not ok]
        if problems:
            raise ValueError("; ".join(problems))
        vietnamese_date_line(self.place, self.date)  # raises on a bad place name


def build_docx(document: OfficialDocument) -> bytes:
    """Lay ``document`` out in the Decree 30 format and return the .docx file."""
    document.validate()
    docx = Document()
    _set_defaults(docx)
    _set_page(docx)
    _set_properties(docx, document)
    _add_header(docx, document)
    _add_opening(docx, document)
    for paragraph in document.paragraphs:
        lead, text = (paragraph.lead, paragraph.text) if isinstance(paragraph, Paragraph) else ("", paragraph)
        p = _body_paragraph(docx.add_paragraph())
        if lead:
            _add_run(p, lead + " ", size=SIZE_BODY, bold=True)
        _add_run(p, text, size=SIZE_BODY)
    p.paragraph_format.keep_with_next = True  # the signature never stands alone on the last page
    _add_signature(docx, document)
    buffer = io.BytesIO()
    docx.save(buffer)
    return buffer.getvalue()


def _text(paragraph: Paragraph | str) -> str:
    return paragraph.text if isinstance(paragraph, Paragraph) else paragraph


# --- Document set-up ----------------------------------------------------------------------------------


def _set_defaults(docx: DocxDocument) -> None:
    styles = docx.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}") if defaults is not None else None
    normal = docx.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(SIZE_BODY)
    for properties in (rpr, normal.element.get_or_add_rPr()):
        if properties is not None:
            set_rfonts(properties, FONT)
            lang = properties.find(qn("w:lang"))
            if lang is None:  # w:lang is the last child these elements have
                lang = OxmlElement("w:lang")
                properties.append(lang)
            lang.set(qn("w:val"), "vi-VN")
            lang.set(qn("w:eastAsia"), "vi-VN")
    fmt = normal.paragraph_format
    fmt.space_before, fmt.space_after, fmt.line_spacing = Pt(0), Pt(0), 1.0


def _set_page(docx: DocxDocument) -> None:
    section = docx.sections[0]
    section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
    section.top_margin, section.bottom_margin = MARGIN_TOP, MARGIN_BOTTOM
    section.left_margin, section.right_margin = MARGIN_LEFT, MARGIN_RIGHT
    section.header_distance, section.footer_distance = Mm(10), Mm(10)
    # Page numbers: centred in the top margin, not on the first page.
    section.different_first_page_header_footer = True
    section.first_page_header.is_linked_to_previous = False
    header = section.header
    header.is_linked_to_previous = False
    p = header.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _add_page_field(p)


def _set_properties(docx: DocxDocument, document: OfficialDocument) -> None:
    # Metadata travels with the file: never put a person's name here.
    props = docx.core_properties
    props.title = " ".join(part for part in (document.doc_type, document.abstract) if part)
    props.subject = f"Số: {document.number}"
    props.author = " ".join(document.issuer_lines)
    props.last_modified_by = props.author
    props.comments = props.keywords = props.category = ""
    moment = datetime.datetime.combine(document.date, datetime.time(), tzinfo=datetime.UTC)
    props.created = props.modified = moment
    props.revision = 1
    # python-docx's template carries the thumbnail of its own blank page: drop it.
    package_rels = docx.part.package.rels if docx.part.package is not None else {}
    for rid in [rid for rid, rel in package_rels.items() if rel.reltype == RT.THUMBNAIL]:
        del package_rels[rid]


# --- Runs and paragraphs ------------------------------------------------------------------------------


def _add_run(p: DocxParagraph, text: str, *, size: float, bold: bool = False, italic: bool = False) -> Run:
    run = p.add_run(text)
    _format_run(run, size=size, bold=bold, italic=italic)
    return run


def _format_run(run: Run, *, size: float, bold: bool = False, italic: bool = False) -> None:
    run.font.name = FONT
    set_rfonts(run._r.get_or_add_rPr(), FONT)
    run.font.size = Pt(size)
    run.font.bold, run.font.italic = bold, italic


def _centred(p: DocxParagraph, *, before: float = 0, after: float = 0) -> DocxParagraph:
    fmt = p.paragraph_format
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    fmt.space_before, fmt.space_after, fmt.line_spacing = Pt(before), Pt(after), 1.0
    fmt.first_line_indent = fmt.left_indent = fmt.right_indent = Pt(0)
    return p


def _body_paragraph(p: DocxParagraph) -> DocxParagraph:
    fmt = p.paragraph_format
    p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    fmt.first_line_indent = FIRST_LINE_INDENT
    fmt.space_before, fmt.space_after, fmt.line_spacing = PARAGRAPH_SPACING, Pt(0), LINE_SPACING
    fmt.widow_control = True
    return p


def _add_page_field(p: DocxParagraph) -> None:
    """A PAGE field (begin, instruction, separate, cached result, end), each run in Times New Roman."""
    for kind, value in (("begin", ""), ("instr", " PAGE "), ("separate", ""), ("text", "2"), ("end", "")):
        run = p.add_run("2" if kind == "text" else None)
        _format_run(run, size=SIZE_PAGE_NUMBER)
        if kind == "instr":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = value
            run._r.append(instr)
        elif kind != "text":
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)


def _rule(p: DocxParagraph, *, length_pt: float, column_pt: float) -> DocxParagraph:
    """A solid horizontal line ``length_pt`` long, centred in the column: the bottom border of an empty
    paragraph whose indents leave that length between them."""
    length_pt = min(length_pt, column_pt)
    indent = Pt((column_pt - length_pt) / 2)
    fmt = p.paragraph_format
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    fmt.left_indent = fmt.right_indent = indent
    fmt.first_line_indent = Pt(0)
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.line_spacing = Pt(3)
    add_bottom_border(p)
    return p


# --- Tables -------------------------------------------------------------------------------------------


def _cell_paragraph(cell: _Cell) -> DocxParagraph:
    """The cell's first, still empty paragraph, else a new one."""
    first = cell.paragraphs[0]
    if len(cell.paragraphs) == 1 and not first.runs and first._p.pPr is None:
        return first
    return cell.add_paragraph()


def _column_pt(width_cm: float) -> float:
    return width_cm / 2.54 * 72 - CELL_PADDING_PT


def _add_header(docx: DocxDocument, document: OfficialDocument) -> None:
    table = borderless_table(docx, 2, HEADER_COLUMNS_CM)
    left, right = table.cell(0, 0), table.cell(0, 1)
    left_pt, right_pt = _column_pt(HEADER_COLUMNS_CM[0]), _column_pt(HEADER_COLUMNS_CM[1])
    for line in document.parent_agency_lines:
        _add_run(_centred(_cell_paragraph(left)), line, size=SIZE_AGENCY)
    for line in document.issuer_lines:
        _add_run(_centred(_cell_paragraph(left)), line, size=SIZE_AGENCY, bold=True)
    widest = max(text_width_pt(line, size_pt=SIZE_AGENCY, bold=True) for line in document.issuer_lines)
    _rule(_cell_paragraph(left), length_pt=widest * ISSUER_RULE_SHARE, column_pt=left_pt)

    _add_run(_centred(_cell_paragraph(right)), NATIONAL_TITLE, size=SIZE_NATIONAL_TITLE, bold=True)
    _add_run(_centred(_cell_paragraph(right)), MOTTO, size=SIZE_MOTTO, bold=True)
    motto_pt = text_width_pt(MOTTO, size_pt=SIZE_MOTTO, bold=True)
    _rule(_cell_paragraph(right), length_pt=motto_pt, column_pt=right_pt)

    number_cell, date_cell = table.cell(1, 0), table.cell(1, 1)
    _add_run(_centred(_cell_paragraph(number_cell), before=6), f"Số: {document.number}", size=SIZE_NUMBER)
    if document.is_letter:
        p = _centred(_cell_paragraph(number_cell), before=6)
        _add_run(p, document.abstract, size=SIZE_LETTER_ABSTRACT)
    date_line = vietnamese_date_line(document.place, document.date)
    _add_run(_centred(_cell_paragraph(date_cell), before=6), date_line, size=SIZE_DATE, italic=True)


def _add_opening(docx: DocxDocument, document: OfficialDocument) -> None:
    """Document type, abstract, competence line, "Kính gửi", legal bases and the enacting line."""
    if not document.is_letter:
        _add_run(_centred(docx.add_paragraph(), before=18), document.doc_type, size=SIZE_BODY, bold=True)
        if document.abstract:
            _add_run(_centred(docx.add_paragraph()), document.abstract, size=SIZE_BODY, bold=True)
            width = text_width_pt(document.abstract, size_pt=SIZE_BODY, bold=True)
            _rule(docx.add_paragraph(), length_pt=width * ABSTRACT_RULE_SHARE, column_pt=TEXT_WIDTH_CM / 2.54 * 72)
    if document.issuing_authority:
        _add_run(_centred(docx.add_paragraph(), before=12), document.issuing_authority, size=SIZE_BODY, bold=True)
    _add_addressees(docx, document.addressees)
    bases = [base.strip().rstrip(";.").rstrip() for base in document.bases]
    for index, base in enumerate(bases):
        ending = "." if index == len(bases) - 1 else ";"
        _add_run(_body_paragraph(docx.add_paragraph()), base + ending, size=SIZE_BODY, italic=True)
    if document.enacting_line:
        p = _centred(docx.add_paragraph(), before=12, after=6)
        _add_run(p, document.enacting_line, size=SIZE_BODY, bold=True)


def _add_addressees(docx: DocxDocument, addressees: tuple[str, ...]) -> None:
    """One addressee on the "Kính gửi:" line; several each on a line "- …;", the last ending "."."""
    if len(addressees) == 1:
        _add_run(_centred(docx.add_paragraph(), before=12, after=6), f"Kính gửi: {addressees[0]}", size=SIZE_BODY)
    elif addressees:
        p = _centred(docx.add_paragraph(), before=12)
        p.alignment = WD_ALIGN_PARAGRAPH.LEFT
        p.paragraph_format.left_indent = Cm(2.5)
        _add_run(p, "Kính gửi:", size=SIZE_BODY)
        for index, addressee in enumerate(addressees):
            ending = "." if index == len(addressees) - 1 else ";"
            p = _centred(docx.add_paragraph(), after=6 if ending == "." else 0)
            p.alignment = WD_ALIGN_PARAGRAPH.LEFT
            p.paragraph_format.left_indent = Cm(4.5)
            _add_run(p, f"- {addressee.rstrip(';.')}{ending}", size=SIZE_BODY)


def _add_signature(docx: DocxDocument, document: OfficialDocument) -> None:
    """Recipients on the left, flush left, level with the signing authority on the right."""
    spacer = docx.add_paragraph().paragraph_format
    spacer.space_before, spacer.keep_with_next = Pt(6), True
    table = borderless_table(docx, 1, SIGNATURE_COLUMNS_CM)
    left, right = table.cell(0, 0), table.cell(0, 1)
    p = _cell_paragraph(left)
    p.alignment = WD_ALIGN_PARAGRAPH.LEFT
    _add_run(p, "Nơi nhận:", size=SIZE_RECIPIENTS_LABEL, bold=True, italic=True)
    lines = [f"- {recipient.strip().rstrip(';.')};" for recipient in document.recipients]
    lines.append(f"- Lưu: {document.archive.rstrip('.')}.")
    for line in lines:
        p = _cell_paragraph(left)
        p.alignment = WD_ALIGN_PARAGRAPH.LEFT
        _add_run(p, line, size=SIZE_RECIPIENTS)
    for line in document.signing_authority:
        _add_run(_centred(_cell_paragraph(right)), line, size=SIZE_BODY, bold=True)
    p = _centred(_cell_paragraph(right), before=SIGNATURE_SPACE.pt)
    _add_run(p, document.signer_name, size=SIZE_BODY, bold=True)
