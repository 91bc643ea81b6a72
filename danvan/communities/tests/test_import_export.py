"""Importing a household register from XLSX/CSV (row-by-row report in Vietnamese, nothing half-saved) and
exporting it to XLSX with formulas neutralised; both audited."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence

import pytest
from django.utils import translation
from openpyxl import Workbook, load_workbook

from danvan.audit.models import AuditEvent
from danvan.communities.models import Community, Household
from danvan.communities.services import household_add, household_import, households_export
from danvan.communities.tables import MAX_IMPORT_BYTES
from danvan.communities.tests.conftest import household
from danvan.core.errors import DomainError

pytestmark = pytest.mark.django_db

HEADER = "Mã hộ,Họ và tên đại diện hộ,Số định danh cá nhân,Năm sinh,Số nhân khẩu,Địa chỉ,Số điện thoại,Ngày vào"


@pytest.fixture(autouse=True)
def _vietnamese() -> object:
    with translation.override("vi"):
        yield


def csv_bytes(*lines: str, encoding: str = "utf-8") -> bytes:
    return ("\n".join([HEADER, *lines]) + "\n").encode(encoding)


def xlsx_bytes(rows: Sequence[Sequence[object]]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


GOOD = [
    "H101,Lò Văn Hùng,001085012345,1980,5,Bản Nà Khum,0912345678,01/02/2024",
    "H102,Quàng Thị Mai,,1975,3,,+84 987 654 321,2024-02-01",
]


def test_a_clean_csv_is_saved_whole(village: Community) -> None:
    result = household_import(actor=None, community=village, filename="ho.csv", data=csv_bytes(*GOOD))
    assert (result.saved, result.created, result.errors) == (True, 2, [])
    h = Household.objects.get(community=village, code="H102")
    expected = ("Quàng Thị Mai", 3, "0987654321", dt.date(2024, 2, 1))
    assert (h.representative_name, h.members, h.phone, h.joined_on) == expected
    event = AuditEvent.objects.get(action="communities.household_imported")
    assert event.data["created"] == 2
    assert "Quàng" not in str(event.data)


def test_one_bad_row_gives_a_report_and_saves_nothing(village: Community) -> None:
    before = Household.objects.count()
    bad = "H103,Hà Thị Lan,,1990,0,,0912,31/02/2024"
    result = household_import(actor=None, community=village, filename="ho.csv", data=csv_bytes(*GOOD, bad))
    assert result.saved is False
    assert result.created == 0
    assert Household.objects.count() == before
    assert [(e.row, e.column) for e in result.errors] == [
        (4, "Số nhân khẩu"),
        (4, "Số điện thoại"),
        (4, "Ngày vào"),
    ]
    assert result.errors[0].message == "số nhân khẩu phải là số nguyên từ 1 đến 99"
    assert AuditEvent.objects.filter(action="communities.household_import_rejected").count() == 1


def test_valid_rows_only_when_the_officer_chooses(village: Community) -> None:
    bad = ",Hà Thị Lan,,1990,2,,,"
    result = household_import(
        actor=None, community=village, filename="ho.csv", data=csv_bytes(*GOOD, bad), valid_rows_only=True
    )
    assert (result.saved, result.created, result.skipped_rows) == (True, 2, 1)
    assert [(e.row, e.column, e.message) for e in result.errors] == [(4, "Mã hộ", "thiếu mã hộ")]
    assert Household.objects.filter(community=village, code__in=["H101", "H102"]).count() == 2


def test_codes_repeated_in_the_file_or_already_in_the_register(village: Community) -> None:
    lines = ["H101,Lò Văn Hùng,,,5,,,", "h101,Lò Văn Hùng,,,5,,,", "H001,Nguyễn Văn An,,,4,,,"]
    result = household_import(actor=None, community=village, filename="ho.csv", data=csv_bytes(*lines))
    assert [(e.row, e.message) for e in result.errors] == [
        (3, "mã hộ H101 bị trùng: đã có ở dòng 2"),
        (4, "mã hộ H001 đã có trong sổ hộ gia đình của thôn"),
    ]
    assert not Household.objects.filter(code="H101").exists()


def test_csv_with_a_bom_and_semicolons_is_read(village: Community) -> None:
    data = "\ufeff" + "\n".join([HEADER.replace(",", ";"), GOOD[0].replace(",", ";")])
    result = household_import(actor=None, community=village, filename="HO.CSV", data=data.encode("utf-8"))
    assert result.created == 1
    assert Household.objects.filter(code="H101").exists()


def test_csv_in_a_legacy_encoding_is_refused(village: Community) -> None:
    data = csv_bytes("H101,Lo Van Hung,,,5,,,").decode("utf-8").encode("utf-16")
    with pytest.raises(DomainError) as err:
        household_import(actor=None, community=village, filename="ho.csv", data=data)
    assert err.value.code == "communities_import_file_invalid"
    assert "UTF-8" in str(err.value.message)
    with pytest.raises(DomainError):
        household_import(actor=None, community=village, filename="ho.csv", data="Tên;Đào\nÊ;Đào".encode("cp1258"))
    assert Household.objects.filter(community=village).count() == 3


@pytest.mark.parametrize(
    ("filename", "data", "words"),
    [
        ("ho.csv", b"", "trống"),
        ("ho.csv", b"   \n\n", "trống"),
        ("ho.csv", (HEADER + "\n").encode(), "không có dòng"),
        ("ho.xlsx", b"PK not a zip", "Excel"),
        ("ho.pdf", b"%PDF-1.4", ".xlsx"),
        ("ho.csv", b"Ma ho,Ten\nH1,An\n", "Số nhân khẩu"),
    ],
)
def test_files_that_cannot_be_read(village: Community, filename: str, data: bytes, words: str) -> None:
    with pytest.raises(DomainError) as err:
        household_import(actor=None, community=village, filename=filename, data=data)
    assert words in str(err.value.message)
    assert Household.objects.filter(community=village).count() == 3


def test_a_20_mb_file_is_refused(village: Community) -> None:
    data = csv_bytes(*GOOD) + b"x" * (20 * 1024 * 1024)
    assert len(data) > MAX_IMPORT_BYTES
    with pytest.raises(DomainError) as err:
        household_import(actor=None, community=village, filename="ho.csv", data=data)
    assert "5 MB" in str(err.value.message)
    assert Household.objects.filter(community=village).count() == 3


def test_xlsx_import_with_number_and_date_cells(village: Community) -> None:
    data = xlsx_bytes(
        [
            HEADER.split(","),
            [None] * 8,  # a blank row is skipped but keeps the numbering
            ["H201", "Vàng A Sử", 1085012345, 1980, 6, "Bản Mới", 912345678, dt.datetime(2024, 3, 1)],
            ["H202", "Giàng Thị Mỷ", None, "năm ngoái", 2.0, None, None, None],
        ]
    )
    result = household_import(actor=None, community=village, filename="ho.xlsx", data=data)
    assert [(e.row, e.column) for e in result.errors] == [(4, "Năm sinh")]
    result = household_import(actor=None, community=village, filename="ho.xlsx", data=data, valid_rows_only=True)
    h = Household.objects.get(community=village, code="H201")
    assert (h.representative_personal_id, h.phone, h.joined_on) == ("001085012345", "0912345678", dt.date(2024, 3, 1))


def test_export_neutralises_formulas_and_is_audited(village: Community) -> None:
    household_add(actor=None, community=village, data=household("H009", '=HYPERLINK("http://evil.example","Bấm")'))
    content = households_export(actor=None, community=village)
    sheet = load_workbook(io.BytesIO(content)).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:2] == ("Mã hộ", "Họ và tên đại diện hộ")
    assert [r[0] for r in rows[1:]] == ["H001", "H002", "H003", "H009"]
    evil = sheet["B5"]
    assert evil.value == '\'=HYPERLINK("http://evil.example","Bấm")'
    assert evil.data_type == "s"
    assert AuditEvent.objects.get(action="communities.households_exported").data["rows"] == 4


def test_an_export_imports_back_into_an_empty_village(village: Community, other_village: Community) -> None:
    content = households_export(actor=None, community=village)
    result = household_import(actor=None, community=other_village, filename="xuat.xlsx", data=content)
    assert (result.saved, result.created) == (True, 3)
    assert set(Household.objects.filter(community=other_village).values_list("representative_name", flat=True)) == {
        "Nguyễn Văn An",
        "Lò Thị Đào",
        "Tòng Văn Bình",
    }
