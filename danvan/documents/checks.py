"""Check a .docx against the format of Decree 30/2020/NĐ-CP (Appendix I). For tests of every module that
issues documents::

    assert assert_decree30_format(docx_bytes) == []

``assert_decree30_format`` returns the problems found, in English, one line each (empty: the format holds).
It reads the effective formatting: a run's own properties, else its styles, else the document defaults.
"""

from __future__ import annotations

import io
import re

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Length
from docx.table import Table
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from danvan.documents.formats import FONT, MOTTO, NATIONAL_TITLE, NUMBER_RE, parse_date_line
from danvan.documents.ooxml import (
    all_runs,
    cell_paragraphs,
    effective_flag,
    effective_font,
    effective_size,
    has_page_field,
    has_rule,
    rpr_levels,
    table_paragraphs,
)

A4_MM = (210.0, 297.0)
MARGINS_MM = {"top": (20, 25), "bottom": (20, 25), "left": (30, 35), "right": (15, 20)}
TOLERANCE_MM = 0.5
INDENT_CM = (0.98, 1.29)  # first-line indent: 1 cm or 1.27 cm
_NUMBER_LINE = re.compile(r"^Số: (?P<number>\S+)$")
_DATE_WORDS = re.compile(r"ngày .+ tháng .+ năm")
_EMU_PER_MM, _EMU_PER_CM, _EMU_PER_PT = 36000, 360000, 12700


def assert_decree30_format(docx_bytes: bytes) -> list[str]:
    try:
        document = Document(io.BytesIO(docx_bytes))
    except Exception as exc:  # a broken file is a problem to report, whatever python-docx raises
        return [f"not a readable .docx file: {exc}"]
    checker = _Checker(document)
    checker.run()
    return checker.problems


class _Checker:
    def __init__(self, document: DocxDocument) -> None:
        self.document = document
        self.problems: list[str] = []
        self.recipient_lines: list[BaseOxmlElement] = []

    def problem(self, message: str) -> None:
        if message not in self.problems:
            self.problems.append(message)

    def levels(self, run: Run, paragraph: Paragraph) -> list[BaseOxmlElement]:
        return rpr_levels(self.document, run, paragraph)

    def text_runs(self, paragraph: Paragraph) -> list[Run]:
        return [run for run in all_runs(paragraph) if run.text.strip()]

    def expect(
        self,
        paragraph: Paragraph,
        what: str,
        *,
        sizes: tuple[float, float],
        bold: bool | None = None,
        italic: bool | None = None,
    ) -> None:
        """Every text run of ``paragraph`` has a size in ``sizes`` and the given bold/italic."""
        for run in self.text_runs(paragraph):
            levels = self.levels(run, paragraph)
            size = effective_size(levels)
            if size is None or not sizes[0] <= size <= sizes[1]:
                self.problem(f"{what}: size {size} pt, expected {sizes[0]:g}–{sizes[1]:g} pt")
            if bold is not None and effective_flag(levels, "w:b") != bold:
                self.problem(f"{what}: {'not ' if bold else ''}bold, expected {'bold' if bold else 'not bold'}")
            if italic is not None and effective_flag(levels, "w:i") != italic:
                self.problem(f"{what}: {'not ' if italic else ''}italic, expected {'italic' if italic else 'upright'}")

    def run(self) -> None:
        blocks = list(self.document.iter_inner_content())
        tables = [block for block in blocks if isinstance(block, Table)]
        self.check_page()
        if len(tables) >= 2 and blocks[0] is tables[0]:
            self.check_header(tables[0])
            self.check_signature(tables[-1])
            end = blocks.index(tables[-1])
            self.check_body([block for block in blocks[1:end] if isinstance(block, Paragraph)], tables[0])
        else:
            self.problem("layout: expected the header table first and the signature table last")
        self.check_fonts(blocks)
        self.check_page_numbers()

    # --- Page -----------------------------------------------------------------------------------------

    def check_page(self) -> None:
        for number, section in enumerate(self.document.sections, start=1):
            width, height = section.page_width, section.page_height
            if width is None or height is None:
                self.problem(f"section {number}: no page size")
                continue
            size = sorted((width / _EMU_PER_MM, height / _EMU_PER_MM))
            if any(abs(got - want) > TOLERANCE_MM for got, want in zip(size, A4_MM, strict=True)):
                self.problem(
                    f"section {number}: page {width / _EMU_PER_MM:.1f} × {height / _EMU_PER_MM:.1f} mm, not A4"
                )
            if number == 1 and width > height:
                self.problem("section 1: landscape, expected portrait")
            for side, (low, high) in MARGINS_MM.items():
                margin: Length | None = getattr(section, f"{side}_margin")
                mm = (margin or 0) / _EMU_PER_MM
                if not low - TOLERANCE_MM <= mm <= high + TOLERANCE_MM:
                    self.problem(f"section {number}: {side} margin {mm:.1f} mm, expected {low}–{high} mm")

    # --- Fonts everywhere -----------------------------------------------------------------------------

    def check_fonts(self, blocks: list[Paragraph | Table]) -> None:
        paragraphs: list[Paragraph] = []
        for block in blocks:
            paragraphs += [block] if isinstance(block, Paragraph) else list(table_paragraphs(block))
        for section in self.document.sections:
            for part in (section.header, section.first_page_header, section.footer, section.first_page_footer):
                if not part.is_linked_to_previous:
                    paragraphs += part.paragraphs
                    for table in part.tables:
                        paragraphs += list(table_paragraphs(table))
        for paragraph in paragraphs:
            recipient = any(paragraph._p is line for line in self.recipient_lines)
            for run in all_runs(paragraph):
                levels = self.levels(run, paragraph)
                for script in ("ascii", "hAnsi", "eastAsia"):
                    font = effective_font(levels, script)
                    if font != FONT:
                        self.problem(f"font: {script} font {font or 'unset'!r} in {run.text[:30]!r}, expected {FONT}")
                color = run.font.color.rgb if run.font.color.type is not None else None
                if color is not None and str(color) != "000000":
                    self.problem(f"font: colour {color} in {run.text[:30]!r}, expected black")
                size = effective_size(levels)
                low, high = (11, 11) if recipient else (12, 14)
                if run.text.strip() and (size is None or not low <= size <= high):
                    self.problem(f"font: size {size} pt in {run.text[:30]!r}, expected {low}–{high} pt")

    # --- Header ---------------------------------------------------------------------------------------

    def check_header(self, table: Table) -> None:
        if len(table.columns) < 2:
            self.problem("header: expected two columns")
            return
        left = [p for row in table.rows for p in cell_paragraphs(row.cells[0])]
        right = [p for row in table.rows for p in cell_paragraphs(row.cells[-1])]
        self.check_right_header(right)
        number_at = next((i for i, p in enumerate(left) if p.text.startswith("Số")), None)
        if number_at is None:
            self.problem("header: no number line ('Số: …') in the left column")
            number_at = len(left)
        else:
            self.check_number_line(left[number_at])
        agency = [p for p in left[:number_at] if p.text.strip()]
        issuer = [
            p
            for p in agency
            if p.text == p.text.upper() and all(effective_flag(self.levels(r, p), "w:b") for r in self.text_runs(p))
        ]
        if not issuer:
            self.problem("header: no issuing agency in capitals and bold")
        for p in agency:
            bold = p in issuer
            self.expect(p, f"{'issuing' if bold else 'parent'} agency {p.text!r}", sizes=(12, 13), bold=bold)
            if p.text != p.text.upper():
                self.problem(f"header: agency line {p.text!r} is not in capitals")
        if issuer and not any(has_rule(p) for p in left[left.index(issuer[-1]) + 1 : number_at]):
            self.problem("header: no solid line under the issuing agency")
        for p in left[number_at + 1 :]:
            if p.text.startswith("V/v "):
                self.expect(p, "letter abstract 'V/v'", sizes=(12, 13), bold=False, italic=False)

    def check_right_header(self, right: list[Paragraph]) -> None:
        texts = [p.text.strip() for p in right]
        for text, what, sizes in ((NATIONAL_TITLE, "national title", (12, 13)), (MOTTO, "motto", (13, 14))):
            if text not in texts:
                self.problem(f"header: {what} {text!r} missing or misspelt")
                continue
            at = texts.index(text)
            self.expect(right[at], what, sizes=sizes, bold=True, italic=False)
            if what == "motto" and not any(has_rule(p) for p in right[at : at + 2]):
                self.problem("header: no solid line under the motto")
        dated = [p for p in right if _DATE_WORDS.search(p.text)]
        if not dated:
            self.problem("header: no place-and-date line")
        for p in dated:
            if parse_date_line(p.text.strip()) is None:
                self.problem(f"header: date line {p.text!r} not like 'Lai Châu, ngày 05 tháng 01 năm 2026'")
            self.expect(p, "date line", sizes=(13, 14), italic=True)

    def check_number_line(self, paragraph: Paragraph) -> None:
        match = _NUMBER_LINE.fullmatch(paragraph.text.strip())
        number = NUMBER_RE.fullmatch(match["number"]) if match else None
        if number is None or int(number["number"]) < 1:
            self.problem(f"header: number line {paragraph.text!r} not like 'Số: 05/TB-UBND'")
        self.expect(paragraph, "number line", sizes=(13, 13), bold=False, italic=False)

    # --- Body -----------------------------------------------------------------------------------------

    def check_body(self, paragraphs: list[Paragraph], header: Table) -> None:
        texts = [p for p in paragraphs if p.text.strip()]
        if not texts:
            self.problem("body: empty")
            return
        letter = any(p.text.startswith("V/v ") for p in table_paragraphs(header))
        body: list[Paragraph] = []
        bases: list[Paragraph] = []
        in_addressees = False
        for index, p in enumerate(texts):
            centred = p.alignment == WD_ALIGN_PARAGRAPH.CENTER
            if p.text.startswith("Kính gửi"):
                self.expect(p, "'Kính gửi'", sizes=(13, 14), italic=False)
                in_addressees = p.text.strip() == "Kính gửi:"
            elif in_addressees and p.text.startswith("- "):
                self.expect(p, "addressee", sizes=(13, 14), italic=False)
            elif centred:
                in_addressees = False
                upper = p.text == p.text.upper()
                what = "document type" if index == 0 and upper else "title line"
                self.expect(p, f"{what} {p.text[:30]!r}", sizes=(13, 14), bold=True, italic=False)
            else:
                in_addressees = False
                body.append(p)
                runs = self.text_runs(p)
                if runs and all(effective_flag(self.levels(r, p), "w:i") for r in runs):
                    bases.append(p)
        first = texts[0]
        if letter == (first.text == first.text.upper() and first.alignment == WD_ALIGN_PARAGRAPH.CENTER):
            self.problem("body: a document has a type in capitals, an official letter a 'V/v' abstract; not both")
        for p in body:
            self.check_body_paragraph(p, italic_ok=p in bases)
        for i, p in enumerate(bases):
            ending = "." if i == len(bases) - 1 else ";"
            if not p.text.rstrip().endswith(ending):
                self.problem(f"body: legal basis {p.text[:40]!r} should end with {ending!r}")
        if body and not body[-1].text.rstrip().endswith("./."):
            self.problem("body: the last paragraph should end with './.'")

    def check_body_paragraph(self, p: Paragraph, *, italic_ok: bool) -> None:
        fmt, style = p.paragraph_format, p.style.paragraph_format if p.style is not None else None
        what = f"body paragraph {p.text[:30]!r}"
        alignment = p.alignment if p.alignment is not None else (style.alignment if style else None)
        if alignment not in (WD_ALIGN_PARAGRAPH.JUSTIFY, WD_ALIGN_PARAGRAPH.DISTRIBUTE):
            self.problem(f"{what}: not justified")
        indent = (
            fmt.first_line_indent if fmt.first_line_indent is not None else (style.first_line_indent if style else None)
        )
        if indent is None or not INDENT_CM[0] <= indent / _EMU_PER_CM <= INDENT_CM[1]:
            self.problem(f"{what}: first-line indent should be 1 cm or 1.27 cm")
        spacing = max((fmt.space_before or 0), (fmt.space_after or 0)) / _EMU_PER_PT
        if spacing < 6 - 0.05:
            self.problem(f"{what}: paragraph spacing {spacing:g} pt, expected at least 6 pt")
        line = fmt.line_spacing if fmt.line_spacing is not None else (style.line_spacing if style else None)
        if isinstance(line, float) and not 1.0 <= line <= 1.5 + 1e-6:
            self.problem(f"{what}: line spacing {line:g}, expected single to 1.5 lines")
        if isinstance(line, Length) and fmt.line_spacing_rule == WD_LINE_SPACING.EXACTLY and line.pt < 15 - 0.05:
            self.problem(f"{what}: exact line spacing {line.pt:g} pt, expected at least 15 pt")
        self.expect(p, what, sizes=(13, 14), italic=None if italic_ok else False)

    # --- Signature and recipients ---------------------------------------------------------------------

    def check_signature(self, table: Table) -> None:
        for row in table.rows:
            for column, cell in enumerate(row.cells):
                paragraphs = [p for p in cell_paragraphs(cell) if p.text.strip()]
                if paragraphs and paragraphs[0].text.strip() == "Nơi nhận:":
                    self.check_recipients(paragraphs)
                    others = [c for i, c in enumerate(row.cells) if i != column]
                    self.check_signer([p for c in others for p in cell_paragraphs(c) if p.text.strip()])
                    return
        self.problem("signature: no 'Nơi nhận:' beside the signature")

    def check_recipients(self, paragraphs: list[Paragraph]) -> None:
        label, lines = paragraphs[0], paragraphs[1:]
        self.expect(label, "'Nơi nhận:'", sizes=(12, 12), bold=True, italic=True)
        if label.alignment not in (None, WD_ALIGN_PARAGRAPH.LEFT) or (label.paragraph_format.left_indent or 0) > 0:
            self.problem("signature: 'Nơi nhận:' should be flush left")
        if not lines:
            self.problem("signature: the recipient list is empty")
            return
        for i, p in enumerate(lines):
            self.recipient_lines.append(p._p)
            text, last = p.text.strip(), i == len(lines) - 1
            self.expect(p, f"recipient {text[:30]!r}", sizes=(11, 11), bold=False, italic=False)
            if not text.startswith("- ") or not text.endswith("." if last else ";"):
                self.problem(f"signature: recipient line {text!r} should be '- …{'.' if last else ';'}'")
        if not lines[-1].text.strip().startswith("- Lưu: VT"):
            self.problem("signature: the last recipient line should be '- Lưu: VT, ….'")

    def check_signer(self, paragraphs: list[Paragraph]) -> None:
        if len(paragraphs) < 2:
            self.problem("signature: expected the signing authority and the signer's name")
            return
        *authority, name = paragraphs
        for p in authority:
            if p.text != p.text.upper():
                self.problem(f"signature: authority line {p.text!r} is not in capitals")
            self.expect(p, f"signing authority {p.text!r}", sizes=(13, 14), bold=True)
        self.expect(name, "signer's name", sizes=(13, 14), bold=True)

    # --- Page numbers ---------------------------------------------------------------------------------

    def check_page_numbers(self) -> None:
        section = self.document.sections[0]
        header = section.header
        if header.is_linked_to_previous or not has_page_field(header.paragraphs):
            self.problem("page numbers: no PAGE field in the header")
            return
        numbered = [p for p in header.paragraphs if has_page_field([p])]
        if any(p.alignment != WD_ALIGN_PARAGRAPH.CENTER for p in numbered):
            self.problem("page numbers: not centred")
        for p in numbered:
            self.expect(p, "page number", sizes=(13, 14))
        first = section.first_page_header
        if not section.different_first_page_header_footer or (
            not first.is_linked_to_previous and has_page_field(first.paragraphs)
        ):
            self.problem("page numbers: shown on the first page")
