from __future__ import annotations

import pytest

from danvan.routing.models import Respondent
from danvan.routing.respondents import recognise


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("Chủ tịch UBND xã Phong Thổ", Respondent.COMMUNE_LEADER),
        ("CHU TICH UY BAN NHAN DAN PHUONG TAN PHONG", Respondent.COMMUNE_LEADER),
        ("Phó Chủ tịch xã", Respondent.COMMUNE_LEADER),
        ("UBND đặc khu Côn Đảo", Respondent.COMMUNE_LEADER),
        ("cán bộ văn phòng UBND xã", Respondent.COMMUNE_OFFICIAL),
        ("công an viên bản Pa Pe", Respondent.COMMUNE_OFFICIAL),
        ("Trưởng thôn Đông", Respondent.COMMUNE_OFFICIAL),
        ("Giám đốc Sở Xây dựng", Respondent.DEPARTMENT_HEAD),
        ("Chánh Thanh tra tỉnh", Respondent.DEPARTMENT_HEAD),
        ("công chức Sở Tài chính", Respondent.DEPARTMENT_OFFICIAL),
        ("Sở Nông nghiệp và Môi trường", Respondent.DEPARTMENT_OFFICIAL),
        ("Chủ tịch UBND tỉnh Lai Châu", Respondent.PROVINCE_LEADER),
        ("UBND thành phố Hà Nội", Respondent.PROVINCE_LEADER),
        ("đảng viên", Respondent.PARTY_MEMBER),
        ("ông Nguyễn Văn Hùng", Respondent.UNKNOWN),
        ("", Respondent.UNKNOWN),
    ],
)
def test_respondent_field(text, level):
    assert recognise(respondent_name=text).level == level


def test_respondent_field_first_then_subject_then_content():
    found = recognise(
        respondent_name="ông Hùng",
        subject="Tố cáo cán bộ địa chính xã",
        content="Phó Chủ tịch UBND xã biết nhưng không xử lý.",
    )
    assert (found.level, found.field, found.evidence) == (Respondent.COMMUNE_OFFICIAL, "subject", "can bo")


def test_party_rules_win_over_a_position():
    found = recognise(respondent_name="Phó Chủ tịch UBND xã", content="vi phạm Điều lệ Đảng")
    assert found.level == Respondent.COMMUNE_LEADER  # the respondent field is read first
    found = recognise(subject="Tố cáo đảng viên vi phạm Điều lệ Đảng", content="là cán bộ xã")
    assert found.level == Respondent.PARTY_MEMBER


def test_number_is_not_a_department():
    # "số hộ" folds to "so ho": only named departments count.
    assert recognise(content="Số hộ bị ảnh hưởng là 12.").level == Respondent.UNKNOWN
