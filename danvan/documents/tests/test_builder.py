import dataclasses
import datetime
import io
import re
import zipfile

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm

from danvan.documents.checks import assert_decree30_format
from danvan.documents.docx_builder import FONT, OfficialDocument, Paragraph, build_docx
from danvan.documents.tests.samples import CITIZEN, DAY, TEMPLATES, acceptance, extension, guidance

NUMBER_LINE = re.compile(r"^Số: \d{2,}/[A-ZĐ]+(-[A-ZĐ]+)+$")
MM = 36000  # EMU


def _open(docx_bytes):
    return Document(io.BytesIO(docx_bytes))


def _runs(document):
    body = document.element.body
    headers = [part._element for section in document.sections for part in (section.header, section.first_page_header)]
    for root in (body, *headers):
        yield from root.iter(qn("w:r"))


def _size(run):
    return int(run.find(f"{qn('w:rPr')}/{qn('w:sz')}").get(qn("w:val"))) / 2


def _on(run, tag):
    element = run.find(f"{qn('w:rPr')}/{qn(tag)}")
    return element is not None and element.get(qn("w:val")) in (None, "1", "true")


def _text(run):
    return "".join(t.text or "" for t in run.iter(qn("w:t")))


def _paragraph(document, text):
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                for p in cell.paragraphs:
                    if p.text == text:
                        return p
    return next(p for p in document.paragraphs if p.text == text)


@pytest.fixture(params=sorted(TEMPLATES))
def sample(request):
    document = TEMPLATES[request.param]()
    return document, build_docx(document)


def test_a4_portrait_and_margins(sample):
    _, docx_bytes = sample
    section = _open(docx_bytes).sections[0]
    assert abs(section.page_width / MM - 210) < 0.5
    assert abs(section.page_height / MM - 297) < 0.5
    margins = [section.top_margin, section.bottom_margin, section.left_margin, section.right_margin]
    assert [round(m / MM, 1) for m in margins] == [20.0, 20.0, 30.0, 15.0]


def test_every_run_is_times_new_roman_for_every_script_at_11_to_14_pt(sample):
    _, docx_bytes = sample
    document = _open(docx_bytes)
    runs = list(_runs(document))
    assert len(runs) > 20
    for run in runs:
        fonts = run.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
        assert {fonts.get(qn(f"w:{script}")) for script in ("ascii", "hAnsi", "eastAsia", "cs")} == {FONT}
        assert fonts.get(qn("w:eastAsiaTheme")) is None
        assert 11 <= _size(run) <= 14
    recipients = [r for r in runs if _size(r) == 11]
    assert recipients
    assert all(_text(r).startswith("- ") for r in recipients)
    defaults = document.styles.element.find(qn("w:docDefaults")).find(f".//{qn('w:rFonts')}")
    assert defaults.get(qn("w:eastAsia")) == FONT
    assert defaults.get(qn("w:eastAsiaTheme")) is None


def test_header_texts_and_their_formatting(sample):
    model, docx_bytes = sample
    document = _open(docx_bytes)
    header = document.tables[0]
    title = _paragraph(document, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    motto = _paragraph(document, "Độc lập - Tự do - Hạnh phúc")
    assert [(r.bold, r.font.size.pt) for r in title.runs] == [(True, 13)]
    assert [(r.bold, r.font.size.pt) for r in motto.runs] == [(True, 14)]
    left = header.cell(0, 0).paragraphs
    assert [p.text for p in left if p.text] == ["UBND TỈNH LAI CHÂU", "ỦY BAN NHÂN DÂN", "PHƯỜNG TÂN PHONG"]
    assert [p.runs[0].bold for p in left if p.text] == [False, True, True]
    assert left[-1]._p.find(f"{qn('w:pPr')}/{qn('w:pBdr')}/{qn('w:bottom')}") is not None  # line under agency
    number = header.cell(1, 0).paragraphs[0]
    assert number.text == f"Số: {model.number}"
    assert NUMBER_LINE.match(number.text)
    assert number.runs[0].font.size.pt == 13
    date_line = header.cell(1, 1).paragraphs[0]
    assert date_line.text == "Tân Phong, ngày 05 tháng 01 năm 2026"
    assert [(r.italic, r.font.size.pt) for r in date_line.runs] == [(True, 14)]
    assert date_line.alignment == WD_ALIGN_PARAGRAPH.CENTER
    borders = header._tbl.tblPr.find(qn("w:tblBorders"))
    assert {edge.get(qn("w:val")) for edge in borders} == {"nil"}


def test_body_is_justified_with_first_line_indent_and_spacing(sample):
    model, docx_bytes = sample
    document = _open(docx_bytes)
    last = model.paragraphs[-1]
    body = [p for p in document.paragraphs if p.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY]
    assert len(body) == len(model.bases) + len(model.paragraphs)
    for p in body:
        fmt = p.paragraph_format
        assert abs(fmt.first_line_indent - Cm(1.27)) < 100
        assert fmt.space_before.pt >= 6
        assert 1.0 <= fmt.line_spacing <= 1.5
        assert {r.font.size.pt for r in p.runs} == {14}
    assert body[-1].text.endswith("./.")
    assert body[-1].text.endswith(last.text if isinstance(last, Paragraph) else last)


def test_recipients_and_signature(sample):
    model, docx_bytes = sample
    document = _open(docx_bytes)
    left, right = document.tables[-1].rows[0].cells
    label, *lines = [p for p in left.paragraphs if p.text]
    assert label.text == "Nơi nhận:"
    assert [(r.bold, r.italic, r.font.size.pt) for r in label.runs] == [(True, True, 12)]
    assert label.alignment == WD_ALIGN_PARAGRAPH.LEFT
    assert [p.text for p in lines] == [f"- {r};" for r in model.recipients] + [f"- Lưu: {model.archive}."]
    assert lines[-1].text.startswith("- Lưu: VT")
    assert {r.font.size.pt for p in lines for r in p.runs} == {11}
    assert document.tables[-1].rows[0]._tr.trPr.find(qn("w:cantSplit")) is not None  # kept on one page
    body = [p for p in document.paragraphs if p.text]
    assert body[-1].paragraph_format.keep_with_next is True  # never a signature alone on the last page
    signature = [p for p in right.paragraphs if p.text]
    assert [p.text for p in signature] == ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lò Văn Minh"]
    assert all(r.bold and r.font.size.pt == 14 for p in signature for r in p.runs)


def test_page_numbers_centred_from_page_two(sample):
    _, docx_bytes = sample
    section = _open(docx_bytes).sections[0]
    assert section.different_first_page_header_footer is True
    assert not section.first_page_header.is_linked_to_previous
    assert section.first_page_header._element.xpath(".//w:instrText") == []
    header = section.header.paragraphs[0]
    assert [t.text for t in header._p.xpath(".//w:instrText")] == [" PAGE "]
    assert header.alignment == WD_ALIGN_PARAGRAPH.CENTER


def test_every_template_passes_the_decree_30_check(sample):
    _, docx_bytes = sample
    assert assert_decree30_format(docx_bytes) == []


def test_an_official_letter_has_no_type_and_its_abstract_under_the_number():
    document = _open(build_docx(guidance()))
    cell = document.tables[0].cell(1, 0)
    assert [p.text for p in cell.paragraphs] == [
        "Số: 08/UBND-TCD",
        "V/v hướng dẫn gửi đơn khiếu nại đến cơ quan có thẩm quyền",
    ]
    abstract = cell.paragraphs[1]
    assert [(r.bold, r.italic, r.font.size.pt) for r in abstract.runs] == [(False, False, 12)]
    assert abstract.paragraph_format.space_before.pt == 6
    first = next(p for p in document.paragraphs if p.text)
    assert first.text == "Kính gửi: Bà Nguyễn Thị Hoa"


def test_a_decision_has_authority_bases_and_articles():
    model = extension()
    lines = [p for p in _open(build_docx(model)).paragraphs if p.text]
    assert [p.text for p in lines[:3]] == [
        "QUYẾT ĐỊNH",
        "Về việc gia hạn giải quyết tố cáo",
        "CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG TÂN PHONG",
    ]
    assert all(r.bold for p in lines[:3] for r in p.runs)
    bases = [p for p in lines if p.runs[0].italic]
    assert [p.text[-1] for p in bases] == [";"] * (len(bases) - 1) + ["."]
    assert bases[0].text == "Căn cứ Luật Tố cáo ngày 12 tháng 6 năm 2018;"
    assert bases[-1].text == "Xét đề nghị của Chánh Văn phòng Hội đồng nhân dân và Ủy ban nhân dân phường."
    enacting = lines[lines.index(bases[-1]) + 1]
    assert (enacting.text, enacting.runs[0].bold, enacting.alignment) == (
        "QUYẾT ĐỊNH:",
        True,
        WD_ALIGN_PARAGRAPH.CENTER,
    )
    articles = lines[lines.index(enacting) + 1 :]
    assert [(p.runs[0].text, p.runs[0].bold, p.runs[1].bold) for p in articles] == [
        ("Điều 1. ", True, False),
        ("Điều 2. ", True, False),
        ("Điều 3. ", True, False),
    ]


def test_several_addressees_each_on_a_line():
    model = dataclasses.replace(acceptance(), addressees=("Bà Nguyễn Thị Hoa", "Thanh tra tỉnh Lai Châu;"))
    texts = [p.text for p in _open(build_docx(model)).paragraphs if p.text]
    start = texts.index("Kính gửi:")
    assert texts[start : start + 3] == ["Kính gửi:", "- Bà Nguyễn Thị Hoa;", "- Thanh tra tỉnh Lai Châu."]
    assert assert_decree30_format(build_docx(model)) == []


def test_metadata_names_the_document_not_the_person():
    docx_bytes = build_docx(acceptance())
    properties = _open(docx_bytes).core_properties
    assert properties.title == "THÔNG BÁO Về việc thụ lý giải quyết khiếu nại"
    assert properties.author == "ỦY BAN NHÂN DÂN PHƯỜNG TÂN PHONG"
    assert properties.created == datetime.datetime(2026, 1, 5, tzinfo=datetime.UTC)
    with zipfile.ZipFile(io.BytesIO(docx_bytes)) as archive:
        assert "docProps/thumbnail.jpeg" not in archive.namelist()
        assert "python-docx" not in archive.read("docProps/core.xml").decode()
    assert CITIZEN.name not in properties.title + properties.subject + properties.comments + properties.keywords


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"doc_type": "Thông báo"}, "upper case"),
        ({"number": "5/TB-UBND"}, "not like 05/TB-UBND"),
        ({"number": "05/tb-ubnd"}, "not like 05/TB-UBND"),
        ({"paragraphs": ("Nội dung.",)}, "'./.'"),
        ({"paragraphs": ()}, "the body is empty"),
        ({"doc_type": "", "abstract": "Về việc hướng dẫn"}, "'V/v '"),
        ({"signer_name": " "}, "signature block"),
        ({"archive": "hồ sơ"}, "'VT'"),
        ({"issuer_lines": ()}, "issuing agency"),
        ({"place": "Tân Phong, Lai Châu"}, "place"),
    ],
)
def test_malformed_documents_are_refused(change, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        build_docx(dataclasses.replace(acceptance(), **change))


def test_a_document_validates_as_a_plain_dataclass():
    model = OfficialDocument(
        issuer_lines=("ỦY BAN NHÂN DÂN XÃ PHONG THỔ",),
        number="01/TB-UBND",
        place="Phong Thổ",
        date=DAY,
        doc_type="THÔNG BÁO",
        abstract="Về việc tổ chức tiếp công dân định kỳ",
        paragraphs=("Chủ tịch Ủy ban nhân dân xã tiếp công dân vào ngày thứ Năm hằng tuần./.",),
        signing_authority=("CHỦ TỊCH",),
        signer_name="Giàng A Páo",
    )
    docx_bytes = build_docx(model)
    assert assert_decree30_format(docx_bytes) == []
    signature = [p.text for p in _open(docx_bytes).tables[-1].rows[0].cells[0].paragraphs]
    assert signature == ["Nơi nhận:", "- Lưu: VT."]
