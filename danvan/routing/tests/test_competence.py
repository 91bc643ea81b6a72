"""Every seeded competence rule with a petition built to meet it: the rule chosen, the organisation it
points to and the one-line explanation (LEGAL_BRIEF §2.4–§2.6)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import translation

from danvan.accounts.models import Organization, OrganizationKind
from danvan.cases.models import Category
from danvan.routing.models import CompetenceRule, Respondent
from danvan.routing.selectors import suggest_routing

BEFORE_2025 = dt.date(2024, 3, 1)
COMMUNE_CHAIRMAN = "Chủ tịch UBND phường Tân Phong"
DEPARTMENT = "Sở Tài nguyên và Môi trường"


@pytest.fixture
def department(world):
    return Organization.objects.create(
        name="Sở Tài nguyên và Môi trường tỉnh Lai Châu", kind=OrganizationKind.DEPARTMENT, unit=world.province
    )


@pytest.fixture
def police(world):
    return Organization.objects.create(
        name="Công an phường Tân Phong", kind=OrganizationKind.POLICE, unit=world.commune_a
    )


def complaint(round_: int, respondent: str, **extra):
    return {"kind": "complaint", "complaint_round": round_, "respondent_name": respondent, **extra}


def denunciation(respondent: str, **extra):
    return {
        "kind": "denunciation",
        "complaint_round": None,
        "subject": "Tố cáo vi phạm",
        "content": "Đề nghị xác minh, xử lý theo quy định của pháp luật.",
        "respondent_name": respondent,
        "decision_reference": "",
        **extra,
    }


def other(kind: str, **extra):
    return {
        "kind": kind,
        "complaint_round": None,
        "subject": "Đèn đường hỏng",
        "content": "Đèn chiếu sáng ở tổ 3 bị hỏng đã hai tuần, đề nghị sửa chữa.",
        "respondent_name": "",
        "decision_reference": "",
        **extra,
    }


# (petition fields, rule code, respondent level, where the suggestion points: world attribute or None)
CASES = [
    (complaint(1, COMMUNE_CHAIRMAN), "kn-lan-dau-lanh-dao-xa", Respondent.COMMUNE_LEADER, "org_a"),
    (complaint(1, "cán bộ địa chính phường"), "kn-lan-dau-cong-chuc-xa", Respondent.COMMUNE_OFFICIAL, "org_a"),
    (
        complaint(
            1,
            "",
            subject="Khiếu nại",
            content="Tôi không đồng ý với việc này, đề nghị xem xét lại.",
            decision_reference="",
        ),
        "kn-lan-dau-chua-ro",
        Respondent.UNKNOWN,
        "org_a",
    ),
    (complaint(2, COMMUNE_CHAIRMAN), "kn-lan-hai", Respondent.COMMUNE_LEADER, "province_committee"),
    (complaint(2, COMMUNE_CHAIRMAN, received_on=BEFORE_2025), "kn-lan-hai", Respondent.COMMUNE_LEADER, None),
    (complaint(1, f"Giám đốc {DEPARTMENT}"), "kn-lan-dau-lanh-dao-so", Respondent.DEPARTMENT_HEAD, "department"),
    (
        complaint(1, f"Văn phòng đăng ký đất đai thuộc {DEPARTMENT}"),
        "kn-lan-dau-don-vi-so",
        Respondent.DEPARTMENT_OFFICIAL,
        "department",
    ),
    (
        complaint(2, f"Văn phòng đăng ký đất đai thuộc {DEPARTMENT}"),
        "kn-lan-hai-don-vi-so",
        Respondent.DEPARTMENT_OFFICIAL,
        "department",
    ),
    (
        complaint(2, f"Giám đốc {DEPARTMENT}"),
        "kn-lan-hai-lanh-dao-so",
        Respondent.DEPARTMENT_HEAD,
        "province_committee",
    ),
    (
        complaint(1, "Chủ tịch UBND tỉnh Lai Châu"),
        "kn-lan-dau-lanh-dao-tinh",
        Respondent.PROVINCE_LEADER,
        "province_committee",
    ),
    (complaint(2, "Chủ tịch UBND tỉnh Lai Châu"), "kn-lan-hai-lanh-dao-tinh", Respondent.PROVINCE_LEADER, None),
    (denunciation("công chức địa chính - xây dựng phường"), "tc-cong-chuc-xa", Respondent.COMMUNE_OFFICIAL, "org_a"),
    (denunciation("trưởng thôn Nà Khum"), "tc-cong-chuc-xa", Respondent.COMMUNE_OFFICIAL, "org_a"),
    (
        denunciation("Phó Chủ tịch UBND phường Tân Phong"),
        "tc-lanh-dao-xa",
        Respondent.COMMUNE_LEADER,
        "province_committee",
    ),
    (
        denunciation("Phó Chủ tịch UBND phường Tân Phong", received_on=BEFORE_2025),
        "tc-lanh-dao-xa",
        Respondent.COMMUNE_LEADER,
        None,
    ),
    (denunciation(f"công chức {DEPARTMENT}"), "tc-cong-chuc-so", Respondent.DEPARTMENT_OFFICIAL, "department"),
    (denunciation(f"Phó Giám đốc {DEPARTMENT}"), "tc-lanh-dao-so", Respondent.DEPARTMENT_HEAD, "province_committee"),
    (denunciation("Phó Chủ tịch UBND tỉnh Lai Châu"), "tc-lanh-dao-tinh", Respondent.PROVINCE_LEADER, None),
    (
        denunciation(
            "đảng viên Trần Văn Bình", content="Ông Bình vi phạm Điều lệ Đảng, sinh hoạt không đúng quy định."
        ),
        "tc-dang-vien",
        Respondent.PARTY_MEMBER,
        None,
    ),
    (
        denunciation(
            "",
            subject="Tố cáo khai thác cát trái phép",
            content="Nhóm người dùng máy hút cát ban đêm trên sông, làm sạt lở bờ.",
        ),
        "tc-chua-ro",
        Respondent.UNKNOWN,
        "org_a",
    ),
    (other("recommendation"), "kien-nghi", Respondent.UNKNOWN, "org_a"),
    (other("feedback"), "phan-anh", Respondent.UNKNOWN, "org_a"),
    (other("feedback", category="public_order"), "phan-anh-trat-tu", Respondent.UNKNOWN, "police"),
    (other("recommendation", category="public_order"), "kien-nghi-trat-tu", Respondent.UNKNOWN, "police"),
]


@pytest.mark.parametrize(
    ("fields", "code", "level", "target"), CASES, ids=[c[1] + "-" + str(i) for i, c in enumerate(CASES)]
)
def test_rule_and_organisation(fields, code, level, target, world, submit, department, police):
    values = dict(fields)
    if "category" in values:
        values["category"] = Category.objects.get(code=values["category"])
    if values.get("kind") == "denunciation":
        values.setdefault("parties", [])
        values["is_anonymous"] = True
    petition = submit(**values)
    suggestion = suggest_routing(petition)
    assert suggestion.rule is not None
    assert suggestion.rule.code == code
    assert suggestion.respondent == level
    expected = {"department": department, "police": police}.get(target) or (getattr(world, target) if target else None)
    assert suggestion.organization == expected
    assert suggestion.on_platform is (expected is not None)
    assert suggestion.rule.citation in suggestion.explanation


def test_every_seeded_rule_has_a_case(db):
    assert {code for _f, code, _l, _t in CASES} == set(CompetenceRule.objects.values_list("code", flat=True))


def test_the_example_of_the_issue(world, submit):
    """Commune B (Xã Phong Thổ): a first complaint against its chairman's decision."""
    petition = submit(organization=world.org_b, unit=world.commune_b, respondent_name="Chủ tịch UBND xã Phong Thổ")
    with translation.override("en"):
        suggestion = suggest_routing(petition)
    assert suggestion.organization == world.org_b
    assert suggestion.already_there is True
    assert suggestion.explanation == (
        "First-time complaint about a decision or act of the commune chairman → Chủ tịch UBND xã Phong Thổ "
        "(Luật Khiếu nại 2011, Điều 17)"
    )


def test_second_complaint_goes_to_the_provincial_chairman(world, submit):
    petition = submit(complaint_round=2)
    with translation.override("en"):
        suggestion = suggest_routing(petition)
    assert suggestion.organization == world.province_committee
    assert suggestion.already_there is False
    assert suggestion.explanation.startswith(
        "Second-time complaint about a decision or act of the commune chairman → Chủ tịch UBND tỉnh Lai Châu ("
    )
    assert suggestion.rule.certainty == "U"


def test_a_body_not_on_the_platform_is_named(world, submit):
    petition = submit(complaint_round=2, received_on=BEFORE_2025, decision_date=None)
    with translation.override("en"):
        suggestion = suggest_routing(petition)
    assert suggestion.organization is None
    assert suggestion.explanation == (
        "Second-time complaint about a decision or act of the commune chairman → Chủ tịch UBND cấp huyện "
        "(not on the platform) (Luật Khiếu nại 2011, Điều 18 khoản 2)"
    )


def test_department_not_on_the_platform(world, submit):
    petition = submit(respondent_name=f"Giám đốc {DEPARTMENT}")
    suggestion = suggest_routing(petition)
    assert suggestion.rule.code == "kn-lan-dau-lanh-dao-so"
    assert (suggestion.organization, suggestion.on_platform, suggestion.resolver) == (None, False, "Giám đốc")


def test_police_rule_falls_back_to_the_commune_committee(world, submit):
    petition = submit(**other("feedback", category=Category.objects.get(code="public_order")))
    suggestion = suggest_routing(petition)
    assert suggestion.rule.code == "phan-anh-trat-tu"
    assert suggestion.organization == world.org_a


def test_no_rule_in_force(world, submit):
    petition = submit()
    with translation.override("en"):
        suggestion = suggest_routing(petition, day=dt.date(2011, 5, 1))  # before the Complaint Law 2011
    assert (suggestion.rule, suggestion.organization) == (None, None)
    assert suggestion.explanation == (
        "First-time complaint about a decision or act of the commune chairman: no competence rule applies; "
        "choose the competent organisation yourself."
    )


def test_a_previous_round_makes_a_second_complaint(world, submit):
    first = submit()
    second = submit(complaint_round=2, previous_round=first)
    assert suggest_routing(second).rule.code == "kn-lan-hai"
