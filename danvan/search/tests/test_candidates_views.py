"""The duplicate-candidates panels (case page, officer entry) and linking a candidate of another
organisation through the case actions: stubs show no content or identity, nothing is merged by itself."""

from __future__ import annotations

import pytest
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext as _

from danvan.accounts.models import Role
from danvan.cases.models import CaseEvent, Petition, PetitionLink, Status
from danvan.cases.services import links, workflow
from danvan.cases.services.intake import PartyData, petition_submit
from danvan.search.candidates import State, candidate_by_code, candidate_rows
from danvan.search.services import index_petition
from danvan.testing import login_client, make_user

from .conftest import ID_AN, ID_HUE, data_for, denunciation

pytestmark = pytest.mark.django_db

EARLIER = "Đèn chiếu sáng ở tổ 7 hỏng 12 bóng từ tháng 3, buổi tối rất nguy hiểm cho người đi đường."
PERSON = {"full_name": "Nguyễn Văn An", "personal_id": ID_AN, "phone": "0912345678", "address_street": "Số 5 ngõ 12"}


def submit(world, org, **overrides):
    submission = petition_submit(actor=None, data=data_for(world, **overrides), receiving_organization=org)
    index_petition(submission.petition.pk)
    return submission


@pytest.fixture
def earlier(world):
    """X's earlier petition, handled by the province's People's Committee (officer_same may not open it)."""
    return submit(
        world,
        world.province_committee,
        subject="Đèn đường hỏng",
        content=EARLIER,
        parties=[PartyData(**PERSON)],
    ).petition


@pytest.fixture
def copy(world):
    """The same person with the same letter again, at commune A (org_a): officer_same processes it. A likely
    duplicate on content and same-person evidence, so it may be attached to another organisation's petition
    (a weaker candidate of another organisation may not: test_privacy_review)."""
    return submit(
        world,
        world.org_a,
        subject="Về việc đèn đường",
        content=f"Tôi gửi lại đơn. {EARLIER}",
        parties=[PartyData(**PERSON)],
    )


def panel(client: Client, petition: Petition):
    return client.get(f"/search/petitions/{petition.pk}/candidates/", headers={"HX-Request": "true"})


def test_the_case_panel_shows_another_organisations_petition_as_a_stub(world, as_persona, earlier, copy):
    response = panel(as_persona("officer_same"), copy.petition)
    assert response.status_code == 200
    html = response.content.decode()
    [row] = response.context["rows"]
    assert (row.candidate.tracking_code, row.candidate.petition, row.state) == (earlier.tracking_code, None, "")
    assert earlier.tracking_code in html
    assert world.province_committee.name in html
    assert row.candidate.reasons[0] in html
    assert f"{row.percent}%" in html
    for secret in [
        earlier.subject,
        EARLIER[:30],
        PERSON["full_name"],
        ID_AN,
        PERSON["phone"],
        PERSON["address_street"],
    ]:
        assert secret not in html
    assert f'href="/petitions/{earlier.pk}/"' not in html
    assert f'action="/petitions/{copy.petition.pk}/duplicate/"' in html
    assert f'name="duplicate-code" value="{earlier.tracking_code}"' in html
    assert f'name="link-code" value="{earlier.tracking_code}"' in html
    assert "csrfmiddlewaretoken" in html


def test_a_candidate_the_officer_may_open_is_a_link(world, as_persona, copy):
    mine = submit(world, world.org_a, subject="Đèn đường hỏng", content=EARLIER, parties=[PartyData(**PERSON)])
    html = panel(as_persona("officer_same"), copy.petition).content.decode()
    assert f'href="/petitions/{mine.petition.pk}/"' in html
    assert mine.petition.subject in html


@pytest.mark.parametrize(
    ("persona", "status"),
    [("anonymous", 302), ("citizen", 403), ("officer_other", 404), ("province_inspector", 403), ("org_admin", 403)],
)
def test_only_who_processes_the_petition_gets_the_panel(as_persona, earlier, copy, persona, status):
    assert panel(as_persona(persona), copy.petition).status_code == status


def test_the_panel_asks_the_permission_of_both_buttons():
    from danvan.cases.views.actions import BY_NAME
    from danvan.search.views import PROCESS

    assert BY_NAME["duplicate"].perm == BY_NAME["link"].perm == PROCESS


def test_marking_a_duplicate_across_organisations_and_the_citizens_tracking_page(world, personas, as_persona, earlier):
    head_p = make_user("head_p", org=world.province_committee, role=Role.UNIT_HEAD)
    workflow.petition_classify(actor=head_p, petition=earlier, eligible=True, within_competence=True)
    workflow.petition_accept(actor=head_p, petition=earlier)
    earlier.refresh_from_db()
    copy = submit(world, world.org_a, subject="Đèn đường", content=EARLIER, parties=[PartyData(**PERSON)])

    client = as_persona("officer_same")
    response = client.post(f"/petitions/{copy.petition.pk}/duplicate/", {"duplicate-code": earlier.tracking_code})
    assert response.status_code == 302
    copy.petition.refresh_from_db()
    assert (copy.petition.status, copy.petition.canonical) == (Status.DUPLICATE, earlier)
    assert earlier.status == Status.ACCEPTED  # the handling case is untouched

    citizen = Client()
    redirect = citizen.get(f"/petitions/track/{copy.petition.tracking_code}/", {"s": copy.secret})
    page = citizen.get(redirect["Location"])
    html = page.content.decode()
    assert page.context["case"] == earlier
    assert page.context["is_duplicate"]
    assert f"<strong>{earlier.get_status_display()}</strong>" in html
    assert world.province_committee.name in html

    # Once marked, the panel says so and offers no button for it.
    [row] = panel(client, copy.petition).context["rows"]
    assert (row.state, row.may_mark_duplicate, row.may_link) == (State.CANONICAL, False, False)


def test_linking_a_related_petition_across_organisations(as_persona, earlier, copy):
    response = as_persona("officer_same").post(
        f"/petitions/{copy.petition.pk}/link/", {"link-code": earlier.tracking_code.lower()}
    )
    assert response.status_code == 302
    assert PetitionLink.objects.filter(from_petition=earlier, to_petition=copy.petition).exists()
    copy.petition.refresh_from_db()
    assert copy.petition.status == Status.RECEIVED


def test_a_code_the_detector_did_not_list_is_refused(world, as_persona, copy):
    unrelated = submit(
        world,
        world.province_committee,
        subject="Kiến nghị mở lớp học",
        content="Đề nghị mở thêm lớp học tiếng dân tộc cho trẻ em bản Nậm Cấu.",
        parties=[PartyData(full_name="Giàng A Páo", personal_id="011090000001")],
    ).petition
    elsewhere = submit(
        world,
        world.org_other,
        unit=world.other_commune,
        subject="Đèn đường hỏng",
        content=EARLIER,
        parties=[PartyData(**PERSON)],
    ).petition
    client = as_persona("officer_same")
    for other in (unrelated, elsewhere):
        events = CaseEvent.objects.count()
        response = client.post(f"/petitions/{copy.petition.pk}/duplicate/", {"duplicate-code": other.tracking_code})
        assert response.status_code == 400
        with translation.override("vi"):
            assert _("No petition in your jurisdiction has this tracking code.") in response.content.decode()
        copy.petition.refresh_from_db()
        assert (copy.petition.status, copy.petition.canonical_id, CaseEvent.objects.count()) == (
            Status.RECEIVED,
            None,
            events,
        )
        assert not PetitionLink.objects.exists()


def test_a_candidate_that_is_itself_a_copy_points_to_its_case(world, personas, earlier, copy):
    head_b = make_user("head_b", org=world.org_b, role=Role.UNIT_HEAD)
    second = submit(
        world, world.org_b, unit=world.commune_b, subject="Đèn", content=EARLIER, parties=[PartyData(**PERSON)]
    ).petition
    links.petition_mark_duplicate(actor=head_b, petition=second, canonical=earlier)
    index_petition(second.pk)
    user = personas["officer_same"]
    rows = {r.candidate.tracking_code: r for r in candidate_rows(user=user, petition=copy.petition)}
    assert rows[second.tracking_code].handled_in == earlier.tracking_code
    assert rows[second.tracking_code].target_code == earlier.tracking_code
    assert candidate_by_code(user=user, petition=copy.petition, code=earlier.tracking_code) == earlier
    assert candidate_by_code(user=user, petition=copy.petition, code=copy.petition.tracking_code) is None
    assert candidate_by_code(user=user, petition=copy.petition, code="DV-0000-0000") is None
    assert candidate_by_code(user=user, petition=copy.petition, code="") is None


def test_the_panel_never_shows_a_denouncers_identity(world, personas, as_persona):
    handler = make_user("handler_a", org=world.org_a, role=Role.CASE_HANDLER)
    tip = submit(world, world.org_a, **denunciation()).petition
    Petition.objects.filter(pk=tip.pk).update(handler=handler)
    # The same person's complaint about something else: only their identity links the two.
    complaint = submit(
        world,
        world.org_a,
        content="Kiến nghị sửa chữa đường giao thông nông thôn ra trung tâm phường.",
        parties=[PartyData(full_name="Lường Thị Huệ", personal_id=ID_HUE, phone="0987654321")],
    ).petition
    assert panel(as_persona("officer_same"), complaint).context["rows"] == []  # would reveal the denouncer
    # The same denunciation again: found by its content, never by or with the denouncer's identity.
    again = submit(world, world.org_a, **denunciation()).petition
    response = panel(as_persona("officer_same"), again)
    html = response.content.decode()
    assert [r.candidate.tracking_code for r in response.context["rows"]] == [tip.tracking_code]
    assert set(response.context["rows"][0].candidate.codes) <= {"content", "respondent", "location", "decision"}
    for secret in ["Lường Thị Huệ", "Huệ", ID_HUE, "0987 654 321", "987654321"]:
        assert secret not in html
    login_client(client := Client(), handler)
    assert {"pid", "phone"} <= set(panel(client, complaint).context["rows"][0].candidate.codes)


# --- The officer entry form -----------------------------------------------------------------------

INTAKE = "/search/intake/candidates/"


def test_the_entry_form_asks_for_candidates_with_its_csrf_token(as_persona):
    html = as_persona("officer_same").get("/petitions/new-entry/").content.decode()
    assert f'hx-post="{INTAKE}"' in html
    assert 'id="intake-candidates"' in html
    assert "csrfmiddlewaretoken" in html.split('id="intake-candidates"')[0]


def test_typing_the_personal_id_shows_the_earlier_petition(world, as_persona, earlier):
    response = as_persona("officer_same").post(INTAKE, {"unit": world.commune_a.pk, "personal_id": ID_AN})
    assert response.status_code == 200
    [c] = response.context["candidates"]
    assert (c.tracking_code, c.petition, c.codes) == (earlier.tracking_code, None, ["pid"])
    html = response.content.decode()
    assert earlier.tracking_code in html
    assert earlier.subject not in html
    assert PERSON["full_name"] not in html


def test_the_commune_defaults_to_the_receiving_organisations(world, as_persona, earlier):
    response = as_persona("officer_same").post(INTAKE, {"personal_id": ID_AN, "unit": "not a number"})
    assert [c.tracking_code for c in response.context["candidates"]] == [earlier.tracking_code]


def test_nothing_typed_yet_gives_the_hint(as_persona):
    response = as_persona("officer_same").post(INTAKE, {"subject": "Đèn"})
    assert (response.status_code, response.context["probed"], response.context["candidates"]) == (200, False, [])


@pytest.mark.parametrize(
    "data",
    [
        {"unit": "-1", "kind": "zzz", "category": "9" * 40, "receiving_organization": "x"},
        # (a NUL character is refused before any view by core's RequestGuardMiddleware: test_request_guard)
        {"personal_id": "x" * 10_000, "phone": "+" * 500, "email": "@@", "full_name": "\x01" * 20},
        {"subject": '"*NEAR:(', "content": "\x01 ')) OR 1=1 -- " * 50, "kind": "complaint_9"},
        {"content": "đất " * 10_000, "is_anonymous": "on", "full_name": "Nguyễn Văn An", "unit": "99999999999"},
        {"kind": "denunciation", "full_name": "Lường Thị Huệ", "personal_id": ID_HUE, "decision_reference": "QĐ"},
    ],
)
def test_any_partial_input_gives_a_panel(world, as_persona, earlier, data):
    assert as_persona("officer_same").post(INTAKE, data).status_code == 200


def test_the_intake_panel_needs_the_csrf_token_and_a_registering_officer(personas, as_persona):
    client = login_client(Client(enforce_csrf_checks=True), personas["officer_same"])
    assert client.post(INTAKE, {"personal_id": ID_AN}).status_code == 403
    for persona, status in [("anonymous", 302), ("citizen", 403), ("province_inspector", 403), ("mttq_officer", 403)]:
        assert as_persona(persona).post(INTAKE, {"personal_id": ID_AN}).status_code == status
    assert as_persona("officer_same").get(INTAKE).status_code == 405
