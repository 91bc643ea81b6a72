"""``assert_decree30_format`` passes good documents and names what is wrong in bad ones."""

import io

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, RGBColor

from danvan.documents.checks import assert_decree30_format
from danvan.documents.docx_builder import build_docx
from danvan.documents.tests.samples import TEMPLATES, acceptance, guidance


def _paragraph(document, text):
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                for p in cell.paragraphs:
                    if p.text.startswith(text):
                        return p
    return next(p for p in document.paragraphs if p.text.startswith(text))


def _body(document):
    return [p for p in document.paragraphs if p.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY]


def _arial(document):
    _body(document)[0].runs[0].font.name = "Arial"


def _no_east_asian_font(document):
    fonts = _body(document)[0].runs[0]._r.rPr.rFonts
    del fonts.attrib[qn("w:eastAsia")]
    style_fonts = document.styles["Normal"].element.rPr.rFonts
    del style_fonts.attrib[qn("w:eastAsia")]
    defaults = document.styles.element.find(qn("w:docDefaults")).find(f".//{qn('w:rFonts')}")
    del defaults.attrib[qn("w:eastAsia")]


def _theme_font(document):
    _body(document)[0].runs[0]._r.rPr.rFonts.set(qn("w:asciiTheme"), "minorHAnsi")


def _left_margin_20(document):
    document.sections[0].left_margin = Mm(20)


def _letter_paper(document):
    document.sections[0].page_width, document.sections[0].page_height = Mm(215.9), Mm(279.4)


def _landscape(document):
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width


def _red_text(document):
    _body(document)[0].runs[0].font.color.rgb = RGBColor(0xFF, 0, 0)


def _body_size_12(document):
    _body(document)[0].runs[0].font.size = Pt(12)


def _tiny_text(document):
    _paragraph(document, "Số:").runs[0].font.size = Pt(10)


def _date_upright(document):
    _paragraph(document, "Tân Phong, ngày").runs[0].italic = False


def _date_without_zero(document):
    _paragraph(document, "Tân Phong, ngày").runs[0].text = "Tân Phong, ngày 5 tháng 1 năm 2026"


def _motto_typo(document):
    _paragraph(document, "Độc lập").runs[0].text = "Độc lập – Tự do – Hạnh phúc"


def _title_not_bold(document):
    _paragraph(document, "CỘNG HÒA").runs[0].bold = False


def _number_lower_case(document):
    _paragraph(document, "Số:").runs[0].text = "Số: 05/tb-ubnd"


def _number_without_zero(document):
    _paragraph(document, "Số:").runs[0].text = "Số: 5/TB-UBND"


def _issuer_not_bold(document):
    _paragraph(document, "ỦY BAN NHÂN DÂN").runs[0].bold = False
    _paragraph(document, "PHƯỜNG TÂN PHONG").runs[0].bold = False


def _no_rule_under_motto(document):
    for table in document.tables[:1]:
        for p in table.cell(0, 1).paragraphs:
            border = p._p.find(f"{qn('w:pPr')}/{qn('w:pBdr')}")
            if border is not None:
                border.getparent().remove(border)


def _doc_type_not_bold(document):
    _paragraph(document, "THÔNG BÁO").runs[0].bold = False


def _body_left_aligned(document):
    _body(document)[0].alignment = WD_ALIGN_PARAGRAPH.LEFT


def _no_indent(document):
    _body(document)[1].paragraph_format.first_line_indent = Cm(0)


def _no_spacing(document):
    _body(document)[1].paragraph_format.space_before = Pt(0)


def _double_spacing(document):
    _body(document)[1].paragraph_format.line_spacing = 2.0


def _no_final_mark(document):
    last = _body(document)[-1].runs[-1]
    last.text = last.text.replace("./.", ".")


def _recipients_label_upright(document):
    _paragraph(document, "Nơi nhận:").runs[0].italic = False


def _recipients_label_13(document):
    _paragraph(document, "Nơi nhận:").runs[0].font.size = Pt(13)


def _recipients_size_12(document):
    _paragraph(document, "- Như trên").runs[0].font.size = Pt(12)


def _no_archive_line(document):
    _paragraph(document, "- Lưu:").runs[0].text = "- Hồ sơ."


def _recipient_without_semicolon(document):
    _paragraph(document, "- Như trên").runs[0].text = "- Như trên"


def _signer_not_bold(document):
    _paragraph(document, "Lò Văn Minh").runs[0].bold = False


def _number_on_first_page(document):
    document.sections[0].different_first_page_header_footer = False


def _no_page_numbers(document):
    header = document.sections[0].header.paragraphs[0]._p
    for run in list(header):
        if run.tag == qn("w:r"):
            header.remove(run)


MUTATIONS = [
    (_arial, "font: ascii font 'Arial'"),
    (_no_east_asian_font, "font: eastAsia font 'unset'"),
    (_theme_font, "font: ascii font 'theme font minorHAnsi'"),
    (_left_margin_20, "left margin 20.0 mm, expected 30–35 mm"),
    (_letter_paper, "not A4"),
    (_landscape, "landscape, expected portrait"),
    (_red_text, "expected black"),
    (_body_size_12, "size 12.0 pt, expected 13–14 pt"),
    (_tiny_text, "number line: size 10.0 pt, expected 13–13 pt"),
    (_date_upright, "date line: not italic, expected italic"),
    (_date_without_zero, "not like 'Lai Châu, ngày 05 tháng 01 năm 2026'"),
    (_motto_typo, "motto 'Độc lập - Tự do - Hạnh phúc' missing or misspelt"),
    (_title_not_bold, "national title: not bold"),
    (_number_lower_case, "number line 'Số: 05/tb-ubnd' not like 'Số: 05/TB-UBND'"),
    (_number_without_zero, "number line 'Số: 5/TB-UBND' not like 'Số: 05/TB-UBND'"),
    (_issuer_not_bold, "no issuing agency in capitals and bold"),
    (_no_rule_under_motto, "no solid line under the motto"),
    (_doc_type_not_bold, "document type 'THÔNG BÁO': not bold"),
    (_body_left_aligned, "not justified"),
    (_no_indent, "first-line indent should be 1 cm or 1.27 cm"),
    (_no_spacing, "expected at least 6 pt"),
    (_double_spacing, "line spacing 2, expected single to 1.5 lines"),
    (_no_final_mark, "should end with './.'"),
    (_recipients_label_upright, "'Nơi nhận:': not italic, expected italic"),
    (_recipients_label_13, "'Nơi nhận:': size 13.0 pt, expected 12–12 pt"),
    (_recipients_size_12, "recipient '- Như trên;': size 12.0 pt, expected 11–11 pt"),
    (_no_archive_line, "the last recipient line should be '- Lưu: VT, ….'"),
    (_recipient_without_semicolon, "recipient line '- Như trên' should be '- …;'"),
    (_signer_not_bold, "signer's name: not bold"),
    (_number_on_first_page, "page numbers: shown on the first page"),
    (_no_page_numbers, "page numbers: no PAGE field in the header"),
]


@pytest.mark.parametrize(("mutate", "expected"), MUTATIONS, ids=[m.__name__.strip("_") for m, _ in MUTATIONS])
def test_a_broken_rule_is_reported(mutate, expected):
    document = Document(io.BytesIO(build_docx(acceptance())))
    mutate(document)
    buffer = io.BytesIO()
    document.save(buffer)
    problems = assert_decree30_format(buffer.getvalue())
    assert any(expected in problem for problem in problems), problems


@pytest.mark.parametrize("name", sorted(TEMPLATES))
def test_the_templates_pass(name):
    assert assert_decree30_format(build_docx(TEMPLATES[name]())) == []


def test_a_plain_python_docx_document_fails_on_every_count():
    document = Document()
    document.add_paragraph("Hello")
    buffer = io.BytesIO()
    document.save(buffer)
    problems = assert_decree30_format(buffer.getvalue())
    assert "layout: expected the header table first and the signature table last" in problems
    assert "section 1: left margin 31.8 mm, expected 30–35 mm" not in problems
    assert any(problem.startswith("section 1: page 215.9 × 279.4 mm, not A4") for problem in problems)
    assert any("font: ascii font 'theme font minorHAnsi'" in problem for problem in problems)
    assert "page numbers: no PAGE field in the header" in problems


def test_an_official_letter_without_v_v_abstract_is_reported():
    document = Document(io.BytesIO(build_docx(guidance())))
    _paragraph(document, "V/v").runs[0].text = "Hướng dẫn gửi đơn"
    buffer = io.BytesIO()
    document.save(buffer)
    assert "body: a document has a type in capitals, an official letter a 'V/v' abstract; not both" in (
        assert_decree30_format(buffer.getvalue())
    )


def test_a_file_that_is_not_docx_is_reported():
    assert assert_decree30_format(b"not a zip")[0].startswith("not a readable .docx file")
