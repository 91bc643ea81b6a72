"""The privacy review of the search app (docs/search.md, "Linking across organisations" and "Privacy"):

1. a petition of another organisation is marked or linked only when the detector calls it a likely
   duplicate on content or same-person evidence, never on the respondent, decision or place alone;
2. the officer entry form's panel looks only in the communes the officer covers;
3. the panel is no lookup tool: the place key never holds a denouncer's street, and a petition outside the
   user's scope is listed only on content or same-person evidence (a denunciation: a likely duplicate by
   its content);
4. every subject shown or returned hides a denouncer's identity from who may not see it.

Every refused path is checked to change nothing.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext as _

from danvan.accounts.models import Role
from danvan.audit.models import AuditEvent
from danvan.cases.models import CaseEvent, Petition, PetitionLink, Status
from danvan.cases.services.intake import PartyData, petition_submit
from danvan.search.candidates import candidate_by_code, candidate_rows
from danvan.search.documents import Source, SourceParty, build
from danvan.search.duplicates import duplicate_candidates
from danvan.search.models import KeyKind, PetitionKey
from danvan.search.services import index_petition
from danvan.testing import login_client, make_user

from .conftest import ID_AN, ID_HUE, data_for, denunciation

pytestmark = pytest.mark.django_db

INTAKE = "/search/intake/candidates/"
RESPONDENT = "Ông Trần Văn Bảy, trưởng thôn Nà Khương"
LETTER = (
    "Gia đình tôi ở tổ 5 có thửa đất số 112, tờ bản đồ số 7. Ngày 03/04/2026 UBND phường ban hành "
    "Quyết định số 415/QĐ-UBND thu hồi 230 m² để làm trường mầm non mà không đo đạc có mặt gia đình tôi."
)
PERSON = {"full_name": "Nguyễn Văn An", "personal_id": ID_AN, "phone": "0912345678"}
OUT_OF_JURISDICTION = (
    "This commune is outside your jurisdiction: earlier petitions are looked up only in your communes."
)


def submit(world, org, **overrides) -> Petition:
    petition = petition_submit(actor=None, data=data_for(world, **overrides), receiving_organization=org).petition
    index_petition(petition.pk)
    return petition


def snapshot(*petitions: Petition) -> tuple:
    rows = Petition.objects.filter(pk__in=[p.pk for p in petitions]).order_by("pk")
    return (
        list(rows.values_list("pk", "status", "canonical_id")),
        PetitionLink.objects.count(),
        CaseEvent.objects.count(),
        AuditEvent.objects.count(),
    )


def refused(client: Client, petition: Petition, other: Petition) -> None:
    """Both case actions refuse ``other``'s code for ``petition``, with the usual message, and change nothing."""
    before = snapshot(petition, other)
    for action, field in (("duplicate", "duplicate-code"), ("link", "link-code")):
        response = client.post(f"/petitions/{petition.pk}/{action}/", {field: other.tracking_code})
        assert response.status_code == 400, action
        with translation.override("vi"):
            assert _("No petition in your jurisdiction has this tracking code.") in response.content.decode()
    assert snapshot(petition, other) == before
    assert not PetitionLink.objects.exists()
    assert Petition.objects.get(pk=petition.pk).canonical_id is None


def panel(client: Client, petition: Petition):
    return client.get(f"/search/petitions/{petition.pk}/candidates/", headers={"HX-Request": "true"})


# --- 1. Marking or linking across organisations ---------------------------------------------------


@pytest.mark.parametrize("kind", ["complaint", "denunciation"])
def test_a_fake_petition_naming_the_same_respondent_cannot_be_attached(world, personas, as_persona, kind):
    """The reviewer's attack: a made-up petition about the same respondent, marked as a duplicate of
    another organisation's petition, would show that petition's status on the fake's tracking page."""
    values = denunciation() if kind == "denunciation" else {"content": LETTER, "parties": [PartyData(**PERSON)]}
    target = submit(world, world.province_committee, **{**values, "respondent_name": RESPONDENT})
    fake = submit(
        world,
        world.org_a,
        subject="Phản ánh về trưởng thôn",
        content="Đề nghị kiểm tra việc trưởng thôn không họp dân để bàn việc làm đường bê tông.",
        respondent_name=RESPONDENT,
        parties=[PartyData(full_name="Đỗ Thị Mai", personal_id="011195000111")],
    )
    user = personas["officer_same"]
    assert candidate_by_code(user=user, petition=fake, code=target.tracking_code) is None
    assert target.tracking_code not in panel(as_persona("officer_same"), fake).content.decode()
    refused(as_persona("officer_same"), fake, target)


def test_a_stub_found_by_the_person_alone_is_shown_without_buttons_and_refused(world, personas, as_persona):
    """The same person's other matter at another organisation: shown (a related petition), never attached."""
    other = submit(world, world.province_committee, content=LETTER, parties=[PartyData(**PERSON)])
    mine = submit(
        world,
        world.org_a,
        kind="recommendation",
        complaint_round=None,
        subject="Kiến nghị mở lớp học",
        content="Đề nghị mở thêm lớp học tiếng dân tộc cho trẻ em bản Nậm Cấu vào dịp hè.",
        parties=[PartyData(**PERSON)],
    )
    user = personas["officer_same"]
    [row] = candidate_rows(user=user, petition=mine)
    assert row.candidate.petition is None
    assert "pid" in row.candidate.codes
    assert not row.candidate.likely_duplicate
    assert (row.may_mark_duplicate, row.may_link) == (False, False)
    html = panel(as_persona("officer_same"), mine).content.decode()
    assert other.tracking_code in html
    assert 'name="duplicate-code"' not in html
    assert 'name="link-code"' not in html
    with translation.override("vi"):
        assert _("Another organisation's petition can be marked or linked only when it is a likely duplicate.") in (
            panel(as_persona("officer_same"), mine).content.decode()
        )
    assert candidate_by_code(user=user, petition=mine, code=other.tracking_code) is None
    refused(as_persona("officer_same"), mine, other)


def test_a_likely_duplicate_of_another_organisation_is_still_marked(world, personas, as_persona):
    other = submit(world, world.province_committee, content=LETTER, parties=[PartyData(**PERSON)])
    mine = submit(world, world.org_a, subject="Khiếu nại lần hai", content=LETTER, parties=[PartyData(**PERSON)])
    [row] = candidate_rows(user=personas["officer_same"], petition=mine)
    assert row.candidate.likely_duplicate
    assert {"content", "pid"} <= set(row.candidate.codes)
    assert (row.may_mark_duplicate, row.may_link) == (True, True)
    response = as_persona("officer_same").post(
        f"/petitions/{mine.pk}/duplicate/", {"duplicate-code": other.tracking_code}
    )
    assert response.status_code == 302
    mine.refresh_from_db()
    assert (mine.status, mine.canonical) == (Status.DUPLICATE, other)


def test_a_respondent_match_in_the_users_own_scope_is_unaffected(world, personas, as_persona):
    mine_earlier = submit(
        world,
        world.org_a,
        content=LETTER,
        respondent_name=RESPONDENT,
        parties=[PartyData(full_name="Giàng A Páo", personal_id="011090000001")],
    )
    mine = submit(
        world,
        world.org_a,
        subject="Phản ánh về trưởng thôn",
        content="Đề nghị kiểm tra việc trưởng thôn không họp dân để bàn việc làm đường bê tông.",
        respondent_name=RESPONDENT,
        parties=[PartyData(full_name="Đỗ Thị Mai", personal_id="011195000111")],
    )
    [row] = candidate_rows(user=personas["officer_same"], petition=mine)
    assert (row.candidate.petition, row.candidate.codes) == (mine_earlier, ["respondent"])
    assert (row.may_mark_duplicate, row.may_link) == (True, True)
    response = as_persona("officer_same").post(f"/petitions/{mine.pk}/link/", {"link-code": mine_earlier.tracking_code})
    assert response.status_code == 302
    assert PetitionLink.objects.count() == 1


def test_the_case_handling_a_weak_stub_is_refused_too(world, personas, as_persona):
    """A weak candidate that is itself a copy: neither it nor the case handling it may be attached."""
    from danvan.cases.services import links

    handling = submit(world, world.province_committee, content=LETTER, parties=[PartyData(**PERSON)])
    head_b = make_user("head_b", org=world.org_b, role=Role.UNIT_HEAD)
    copy_b = submit(world, world.org_b, unit=world.commune_b, content=LETTER, parties=[PartyData(**PERSON)])
    links.petition_mark_duplicate(actor=head_b, petition=copy_b, canonical=handling)
    index_petition(copy_b.pk)
    mine = submit(
        world,
        world.org_a,
        kind="recommendation",
        complaint_round=None,
        subject="Kiến nghị mở lớp học",
        content="Đề nghị mở thêm lớp học tiếng dân tộc cho trẻ em bản Nậm Cấu vào dịp hè.",
        parties=[PartyData(**PERSON)],
    )
    user = personas["officer_same"]
    rows = candidate_rows(user=user, petition=mine)
    assert rows
    assert all(not (r.may_mark_duplicate or r.may_link) for r in rows)
    for target in (handling, copy_b):
        assert candidate_by_code(user=user, petition=mine, code=target.tracking_code) is None
        refused(as_persona("officer_same"), mine, target)


# --- 2. The entry form's panel stays in the officer's jurisdiction ----------------------------------


@pytest.mark.parametrize("where", ["other_commune", "commune_b"])
def test_the_intake_panel_refuses_a_commune_outside_the_jurisdiction(world, personas, as_persona, where):
    unit = getattr(world, where)
    org = world.org_other if where == "other_commune" else world.org_b
    elsewhere = submit(world, org, unit=unit, content=LETTER, parties=[PartyData(**PERSON)])
    before = snapshot(elsewhere)
    response = as_persona("officer_same").post(INTAKE, {"unit": unit.pk, "personal_id": ID_AN, "content": LETTER})
    assert response.status_code == 200
    assert (response.context["candidates"], response.context["probed"]) == ([], False)
    html = response.content.decode()
    assert elsewhere.tracking_code not in html
    with translation.override("vi"):
        assert _(OUT_OF_JURISDICTION) in html
    assert 'role="alert"' in html
    assert snapshot(elsewhere) == before


def test_a_province_officer_may_look_in_any_commune_of_the_province(world, as_persona):
    earlier = submit(world, world.org_b, unit=world.commune_b, content=LETTER, parties=[PartyData(**PERSON)])
    officer = make_user("officer_p", org=world.province_committee, role=Role.RECEPTION_OFFICER)
    login_client(client := Client(), officer)
    response = client.post(INTAKE, {"unit": world.commune_b.pk, "personal_id": ID_AN})
    assert [c.tracking_code for c in response.context["candidates"]] == [earlier.tracking_code]
    assert not response.context.get("error")


# --- 3. No lookup tool ------------------------------------------------------------------------------


def test_the_place_key_never_holds_the_denouncers_street():
    source = Source(
        kind="denunciation",
        subject="Tố cáo",
        content="Tố cáo việc lấn chiếm đất.",
        unit_id=1,
        province_id=1,
        location="Số 5 ngõ 12 đường Trần Phú, tổ dân phố 7",
        parties=(
            SourceParty(role="petitioner", full_name="Lường Thị Huệ", address_street="Số 5 ngõ 12 đường Trần Phú"),
        ),
    )
    places = [v for k, v, _c in build(source).keys if k == KeyKind.LOCATION]
    assert places == ["to dan pho 7"]
    complaint = build(replace(source, kind="complaint"))
    assert [v for k, v, _c in complaint.keys if k == KeyKind.LOCATION] == ["so 5 ngo 12 duong tran phu to dan pho 7"]


def test_typing_a_denouncers_home_address_as_the_place_finds_nothing(world, as_persona):
    """Even in the officer's own commune: the denunciation's place was the denouncer's home."""
    home = "Số 5 ngõ 12 đường Trần Phú"
    tip = submit(
        world,
        world.org_a,
        **denunciation(
            location=home,
            respondent_name="",
            parties=[PartyData(full_name="Lường Thị Huệ", personal_id=ID_HUE, address_street=home)],
        ),
    )
    assert not PetitionKey.objects.filter(petition=tip, kind=KeyKind.LOCATION).exists()
    response = as_persona("officer_same").post(INTAKE, {"location": home, "subject": "Phản ánh về việc đổ rác"})
    assert tip.tracking_code not in response.content.decode()
    assert response.context["candidates"] == []


@pytest.mark.parametrize("kind", ["complaint", "denunciation"])
@pytest.mark.parametrize("probe", ["respondent", "location", "decision"])
def test_the_intake_panel_tells_nothing_of_another_organisation_on_the_matter_alone(world, as_persona, kind, probe):
    values = denunciation() if kind == "denunciation" else {"content": LETTER, "parties": [PartyData(**PERSON)]}
    place = "Khu tái định cư bản Nà Khương"
    other = submit(
        world,
        world.province_committee,
        **{**values, "respondent_name": RESPONDENT, "location": place, "decision_reference": "Quyết định 415/QĐ-UBND"},
    )
    typed = {
        "respondent": {"respondent_name": RESPONDENT},
        "location": {"location": place},
        "decision": {"decision_reference": "Quyết định 415/QĐ-UBND"},
    }[probe]
    response = as_persona("officer_same").post(INTAKE, {"subject": "Phản ánh về việc đổ rác", **typed})
    assert response.status_code == 200
    assert other.tracking_code not in response.content.decode()
    # In the user's own scope the same match is still listed (the officer may open that petition anyway).
    mine = submit(
        world,
        world.org_a,
        **{**values, "respondent_name": RESPONDENT, "location": place, "decision_reference": "Quyết định 415/QĐ-UBND"},
    )
    listed = as_persona("officer_same").post(INTAKE, {"subject": "Phản ánh về việc đổ rác", **typed})
    assert [c.tracking_code for c in listed.context["candidates"]] == [mine.tracking_code]


def test_another_organisations_denunciation_is_listed_only_as_a_likely_duplicate_by_content(world, personas):
    tip = submit(world, world.province_committee, **denunciation(respondent_name=RESPONDENT))
    user = personas["officer_same"]
    # The same person named as the petitioner (the denouncer's identity is not the user's to match) and the
    # same respondent: nothing.
    same_person = data_for(
        world,
        subject="Phản ánh về trưởng thôn",
        content="Đề nghị kiểm tra việc trưởng thôn không họp dân để bàn việc làm đường bê tông.",
        respondent_name=RESPONDENT,
        parties=[PartyData(full_name="Lường Thị Huệ", personal_id=ID_HUE, phone="0987654321")],
    )
    assert tip.pk not in [c.petition_id for c in duplicate_candidates(user=user, data=same_person)]
    # Half of the letter, in other words: alike, not a likely duplicate: nothing.
    half = data_for(
        world,
        kind="denunciation",
        complaint_round=None,
        subject="Tố cáo cán bộ",
        content="Tố cáo cán bộ địa chính xã thu thêm tiền khi làm thủ tục cấp sổ đỏ cho dân trong xã.",
        parties=[],
    )
    weak = [c for c in duplicate_candidates(user=user, data=half) if c.petition_id == tip.pk]
    assert weak == [] or weak[0].likely_duplicate
    # The same letter: a likely duplicate by its content, as a stub.
    again = data_for(world, **denunciation(parties=[PartyData(full_name="Đỗ Thị Mai")]))
    [c] = duplicate_candidates(user=user, data=again)
    assert (c.petition_id, c.petition, c.likely_duplicate) == (tip.pk, None, True)
    assert "content" in c.codes


# --- 4. Subjects ----------------------------------------------------------------------------------

NAMED = {"subject": "Tố cáo của bà Lường Thị Huệ về cán bộ địa chính"}


@pytest.fixture
def named_tip(world):
    return submit(world, world.org_a, **denunciation(**NAMED))


def test_the_search_page_hides_the_denouncer_in_the_subject(world, as_persona, named_tip):
    client = as_persona("officer_same")
    html = client.get("/search/?q=can+bo+dia+chinh").content.decode()
    assert named_tip.tracking_code in html
    assert "Huệ" not in html
    assert "Tố cáo của bà [" in html
    [item] = client.get("/api/search/petitions?q=can+bo+dia+chinh").json()["items"]
    assert item["id"] == named_tip.pk
    assert "Huệ" not in item["subject"]
    handler = make_user("handler_a", org=world.org_a, role=Role.CASE_HANDLER)
    Petition.objects.filter(pk=named_tip.pk).update(handler=handler)
    login_client(client := Client(), handler)
    assert "Lường Thị Huệ" in client.get("/search/?q=can+bo+dia+chinh").content.decode()
    [item] = client.get("/api/search/petitions?q=can+bo+dia+chinh").json()["items"]
    assert item["subject"] == NAMED["subject"]


def test_the_candidates_panels_and_api_hide_the_denouncer_in_the_subject(world, as_persona, named_tip):
    again = submit(world, world.org_a, **denunciation(**NAMED))
    client = as_persona("officer_same")
    html = panel(client, again).content.decode()
    assert named_tip.tracking_code in html
    assert f'href="/petitions/{named_tip.pk}/"' in html
    assert "Huệ" not in html
    [item] = client.get(f"/api/search/petitions/{again.pk}/candidates").json()
    assert item["id"] == named_tip.pk
    assert "Huệ" not in item["subject"]
    typed = {"kind": "denunciation", "subject": "Tố cáo cán bộ địa chính", "content": denunciation()["content"]}
    response = client.post(INTAKE, typed)
    html = response.content.decode()
    assert named_tip.tracking_code in html
    assert "Lường Thị Huệ" not in html
