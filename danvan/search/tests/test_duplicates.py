import pytest

from danvan.cases.models import Petition, PetitionLink, Status
from danvan.cases.services.intake import PartyData
from danvan.search.duplicates import duplicate_candidates
from danvan.search.text import decision_references, normalize_phone

from .conftest import ID_AN, ID_HUE, data_for, denunciation

pytestmark = pytest.mark.django_db

LETTER = (
    "Gia đình tôi ở thôn Đông có thửa đất số 112, tờ bản đồ số 7, diện tích 640 m². "
    "Ngày 03/04/2026, UBND phường ban hành Quyết định số 415/QĐ-UBND thu hồi 230 m² để làm trường mầm non. "
    "Việc thu hồi không thông báo trước, không tổ chức đo đạc có mặt gia đình tôi. "
    "Đề nghị xem xét lại quyết định và bồi thường theo đúng giá đất ở tại địa phương."
)
OTHER_LETTER = "Đèn chiếu sáng ở tổ 7 hỏng 12 bóng từ tháng 3, buổi tối rất nguy hiểm cho người đi đường."


def by_code(candidates):
    return {c.tracking_code: c for c in candidates}


def nobody(name="Trần Thị Bình", subject="Phản ánh đèn đường"):
    return {"parties": [PartyData(full_name=name)], "subject": subject}


def test_normalisers():
    assert {normalize_phone(x) for x in ["+84 912 345 678", "84912345678", "0912.345.678", "912345678"]} == {
        "0912345678"
    }
    assert normalize_phone("113") == ""
    assert decision_references("Khiếu nại Quyết định số 15/QĐ-UBND ngày 2/3/2026") == ["15/qd-ubnd"]
    assert decision_references("QĐ số 015 / QĐ - UBND") == ["15/qd-ubnd"]
    assert decision_references("Quyết định 7/2025/QĐ-UBND") == ["7/2025/qd-ubnd"]


def test_same_personal_id_from_another_organisation_is_a_stub(world, personas, make_petition):
    earlier = make_petition(
        org=world.province_committee,
        content=OTHER_LETTER,
        subject="Đèn hỏng",
        parties=[PartyData(full_name="Nguyễn Thị Mai", personal_id=ID_AN, phone="0900000001")],
    )
    data = data_for(world, subject="Về việc khác hẳn", content="Kiến nghị mở thêm lớp học tiếng dân tộc cho trẻ em.")
    [c] = duplicate_candidates(user=personas["officer_same"], data=data)
    assert (c.tracking_code, c.organization, c.codes) == (
        earlier.tracking_code,
        "Ủy ban nhân dân tỉnh Lai Châu",
        ["pid"],
    )
    assert c.petition is None  # officer_same may not open the province's petition: stub only
    assert len(c.reasons) == 1
    assert not c.likely_duplicate
    [mine] = duplicate_candidates(user=personas["province_inspector"], data=data)
    assert mine.petition == earlier


def test_phone_numbers_match_whatever_the_prefix(world, personas, make_petition):
    earlier = make_petition(
        parties=[PartyData(full_name="Lò Văn Sáng", phone="+84 912 345 678")], content=OTHER_LETTER, subject="Đèn"
    )
    data = data_for(world, parties=[PartyData(full_name="Đinh Thu Hà", phone="0912345678")], content="Việc khác hẳn.")
    [c] = duplicate_candidates(user=personas["officer_same"], data=data)
    assert (c.petition, c.codes) == (earlier, ["phone"])


def test_similar_name_only_within_the_same_commune(world, personas, make_petition):
    same = make_petition(**nobody(name="Ông Nguyễn Văn Ân"), content=OTHER_LETTER)
    make_petition(unit=world.commune_b, **nobody(name="Nguyễn Văn An"), content=OTHER_LETTER)
    data = data_for(world, parties=[PartyData(full_name="NGUYEN VAN AN")], content="Việc khác hẳn.")
    candidates = duplicate_candidates(user=personas["system_admin"], data=data)
    assert [(c.tracking_code, c.codes) for c in candidates] == [(same.tracking_code, ["name"])]


def test_same_respondent_and_same_decision(world, personas, make_petition):
    earlier = make_petition(
        respondent_name="Chủ tịch UBND phường Tân Phong",
        decision_reference="Quyết định số 15/QĐ-UBND",
        content=OTHER_LETTER,
        **nobody(),
    )
    elsewhere = make_petition(unit=world.commune_b, decision_reference="Quyết định số 15/QĐ-UBND", **nobody())
    data = data_for(
        world,
        respondent_name="chủ tịch ubnd phường tân phong",
        decision_reference="QĐ 15/QĐ-UBND",
        content="Tôi không đồng ý với việc này và đề nghị xem xét lại.",
        **nobody(name="Phạm Minh Quân", subject="Đơn khiếu nại"),
    )
    found = by_code(duplicate_candidates(user=personas["system_admin"], data=data))
    assert set(found[earlier.tracking_code].codes) == {"decision", "respondent"}
    assert elsewhere.tracking_code not in found  # same number, another commune's committee
    assert "15/QD-UBND" in " ".join(found[earlier.tracking_code].reasons)


def test_same_location(world, personas, make_petition):
    earlier = make_petition(location="Ngã ba Km 3, thôn Đông", content=OTHER_LETTER, **nobody())
    data = data_for(
        world, location="ngã ba km 3 thôn đông", content="Một việc khác.", **nobody(name="Lê Hữu", subject="Ổ gà")
    )
    [c] = duplicate_candidates(user=personas["system_admin"], data=data)
    assert (c.tracking_code, c.codes) == (earlier.tracking_code, ["location"])


def test_near_duplicate_content_retyped_without_diacritics_and_reordered(world, personas, make_petition):
    original = make_petition(content=LETTER, **nobody())
    make_petition(content=OTHER_LETTER, **nobody(name="Lê Hữu Tuấn"))
    from danvan.core.text import fold

    sentences = fold(LETTER).split(". ")
    retyped = ". ".join([sentences[2], sentences[0], sentences[1].replace("truong", "truogn"), sentences[3]])
    # Sent to commune B's office by mistake: the matter (unit) is still commune A's.
    data = data_for(world, content=retyped, **nobody(name="Vũ Kim Yến"))
    [c] = duplicate_candidates(user=personas["officer_other"], data=data)
    assert c.tracking_code == original.tracking_code
    assert c.codes[0] == "content"
    assert c.likely_duplicate
    assert c.petition is None
    forwarded = "Kính chuyển đơn của công dân đến UBND phường xem xét, giải quyết. Nội dung đơn: " + LETTER[:200]
    data = data_for(world, content=forwarded, **nobody(name="Vũ Kim Yến"))
    assert duplicate_candidates(user=personas["officer_same"], data=data)[0].petition == original


def test_identical_letter_from_the_same_person_is_a_likely_duplicate(world, personas, make_petition):
    original = make_petition(content=LETTER)
    [c] = duplicate_candidates(user=personas["officer_same"], data=data_for(world, content=LETTER))
    assert c.petition == original
    assert c.likely_duplicate
    assert set(c.codes) == {"content", "pid", "phone", "name", "decision"}
    assert c.score == 1.0


def test_saved_petition_lookup_excludes_itself_and_merges_nothing(world, personas, make_petition):
    first = make_petition(content=LETTER)
    second = make_petition(content=LETTER)
    [c] = duplicate_candidates(user=personas["officer_same"], petition=second)
    assert c.petition == first
    assert Petition.objects.get(pk=second.pk).status == Status.RECEIVED
    assert not PetitionLink.objects.exists()


@pytest.mark.parametrize(
    ("viewer", "sees_identity_match"),
    [
        ("officer_same", False),
        ("mttq_officer", False),
        ("province_inspector", False),
        ("handler_a", True),
        ("head_a", True),
    ],
)
def test_a_denouncers_identity_match_is_shown_only_to_who_may_see_it(
    world, personas, make_petition, handler_a, head_a, viewer, sees_identity_match
):
    tip = make_petition(**denunciation())
    Petition.objects.filter(pk=tip.pk).update(handler=handler_a)
    user = {"handler_a": handler_a, "head_a": head_a}.get(viewer) or personas[viewer]
    # A complaint by the same person (same ID, phone and name), about something else entirely.
    data = data_for(
        world,
        content="Kiến nghị sửa chữa đường giao thông nông thôn ra trung tâm phường.",
        parties=[PartyData(full_name="Lường Thị Huệ", personal_id=ID_HUE, phone="0987654321")],
    )
    found = by_code(duplicate_candidates(user=user, data=data))
    if sees_identity_match:
        assert set(found[tip.tracking_code].codes) == {"pid", "phone", "name"}
    else:
        assert tip.tracking_code not in found  # would reveal that this person denounced someone


def test_identity_is_left_out_of_reasons_and_score_but_content_still_counts(world, personas, make_petition, handler_a):
    tip = make_petition(**denunciation())
    Petition.objects.filter(pk=tip.pk).update(handler=handler_a)
    same = denunciation()
    data = data_for(world, **same)
    [c] = duplicate_candidates(user=personas["officer_same"], data=data)
    assert (c.tracking_code, c.codes) == (tip.tracking_code, ["content", "respondent"])
    [h] = duplicate_candidates(user=handler_a, data=data)
    assert set(h.codes) == {"content", "pid", "phone", "name", "respondent"}
    assert h.score >= c.score


def test_a_saved_denunciation_does_not_look_up_its_denouncer_for_others(world, personas, make_petition, handler_a):
    complaint = make_petition(
        content=OTHER_LETTER, parties=[PartyData(full_name="Lường Thị Huệ", personal_id=ID_HUE, phone="0987654321")]
    )
    tip = make_petition(**denunciation())
    assert duplicate_candidates(user=personas["officer_same"], petition=tip) == []
    Petition.objects.filter(pk=tip.pk).update(handler=handler_a)
    tip.refresh_from_db()
    [c] = duplicate_candidates(user=handler_a, petition=tip)
    assert c.petition == complaint
    assert set(c.codes) == {"pid", "phone", "name"}


def test_candidates_stay_in_the_province(world, personas, make_petition):
    make_petition(unit=world.other_commune, org=world.org_other, content=LETTER)
    assert duplicate_candidates(user=personas["system_admin"], data=data_for(world, content=LETTER)) == []


def test_needs_a_petition_or_data(personas):
    with pytest.raises(ValueError, match="petition"):
        duplicate_candidates(user=personas["system_admin"])


def test_unrelated_petitions_are_not_candidates(world, personas, make_petition):
    make_petition(content=OTHER_LETTER, **nobody(name="Lê Hữu Tuấn"))
    data = data_for(world, content=LETTER, parties=[PartyData(full_name="Giàng A Páo", personal_id=ID_AN)])
    assert duplicate_candidates(user=personas["system_admin"], data=data) == []


def test_the_same_text_about_another_commune_scores_lower(world, personas, make_petition):
    here = make_petition(content=LETTER, **nobody())
    there = make_petition(unit=world.commune_b, content=LETTER, **nobody())
    found = by_code(
        duplicate_candidates(
            user=personas["system_admin"], data=data_for(world, content=LETTER, **nobody(name="Lê Hữu"))
        )
    )
    assert found[here.tracking_code].likely_duplicate
    assert found[there.tracking_code].score < found[here.tracking_code].score
