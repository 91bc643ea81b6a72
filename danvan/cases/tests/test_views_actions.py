"""The actions of the case page over HTTP: htmx partial answers, refusals as form errors, the whole flow."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.test import Client
from django.utils import translation
from django.utils.html import escape

from danvan.audit.models import AuditEvent
from danvan.cases.models import CaseEvent, Petition, Status, StepDeadline
from danvan.cases.services import workflow
from danvan.cases.services.intake import petition_submit
from danvan.testing import login_client

from .conftest import petition_data

NOW = dt.datetime(2026, 11, 2, 9, 0)
HTMX = {"HX-Request": "true"}
pytestmark = pytest.mark.usefixtures("_frozen")


@pytest.fixture
def _frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def shown(msgid: str, **params: object) -> str:
    with translation.override("vi"):
        text = translation.gettext(msgid)
    return escape(text % params if params else text)


def client_of(user) -> Client:
    return login_client(Client(), user)


def act(client: Client, petition: Petition, action: str, htmx: bool = False, **values: object):
    data = {f"{action.replace('-', '_')}-{key}": value for key, value in values.items()}
    return client.post(f"/petitions/{petition.pk}/{action}/", data, headers=HTMX if htmx else {})


def test_an_htmx_action_swaps_the_changed_panels(world, submit, personas):
    petition = submit().petition
    response = act(
        client_of(personas["officer_same"]), petition, "classify", htmx=True, eligible="on", within_competence="on"
    )
    text = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in text
    assert text.lstrip().startswith('<section id="case-actions"')
    for panel in ("case-header", "case-deadlines", "case-timeline", "case-documents", "case-related"):
        assert f'id="{panel}"' in text
    assert text.count('hx-swap-oob="true"') == 5
    assert 'id="case-parties"' not in text
    assert shown("The petition was classified.") in text
    petition.refresh_from_db()
    assert (petition.status, petition.eligibility, petition.within_competence) == (Status.CLASSIFIED, "eligible", True)


def test_a_refused_action_comes_back_as_a_form_error(world, submit, head_a):
    petition = workflow.petition_classify(
        actor=head_a, petition=submit().petition, eligible=False, within_competence=True
    )
    before = (CaseEvent.objects.count(), AuditEvent.objects.count())
    client = client_of(head_a)
    message = shown("Only an eligible petition can be accepted for resolution.")
    partial = act(client, petition, "accept", htmx=True)
    assert partial.status_code == 200
    assert partial.content.decode().lstrip().startswith('<section id="case-actions"')
    assert message in partial.content.decode()
    page = act(client, petition, "accept")
    assert page.status_code == 409
    assert message in page.content.decode()
    assert "<html" in page.content.decode()
    petition.refresh_from_db()
    assert petition.status == Status.CLASSIFIED
    assert (CaseEvent.objects.count(), AuditEvent.objects.count()) == before


def test_an_invalid_action_form_is_a_400_or_an_htmx_form(world, submit, personas):
    petition = submit().petition
    client = client_of(personas["officer_same"])
    page = act(client, petition, "guide", guidance="Gửi Tòa án.")
    assert page.status_code == 400
    assert 'id="id_guide-competent_body_error"' in page.content.decode()
    partial = act(client, petition, "guide", htmx=True, guidance="Gửi Tòa án.")
    assert partial.status_code == 200
    assert 'id="id_guide-competent_body_error"' in partial.content.decode()
    assert Petition.objects.get().status == Status.RECEIVED


def test_a_complaint_from_classification_to_closing(world, submit, personas, head_a, handler_a):
    petition = submit().petition
    reception, head, handler = (client_of(u) for u in (personas["officer_same"], head_a, handler_a))

    def status() -> str:
        petition.refresh_from_db()
        return petition.status

    assert act(reception, petition, "classify", eligible="on", within_competence="on").status_code == 302
    assert act(head, petition, "accept").status_code == 302
    assert status() == Status.ACCEPTED
    assert act(head, petition, "start-verification", handler=handler_a.pk, complexity="simple").status_code == 302
    assert (status(), petition.handler) == (Status.VERIFICATION, handler_a)
    dialogue = act(
        handler, petition, "dialogue", notified_on="2026-10-20", held_on="2026-10-30", minutes="Hai bên trình bày."
    )
    assert dialogue.status_code == 302
    assert status() == Status.DIALOGUE
    assert act(head, petition, "extend", reason="Vụ việc phức tạp").status_code == 302
    # complaint.first.resolve, complex: 45 days from acceptance (Mon 2 Nov 2026) → Thu 17 Dec 2026.
    assert StepDeadline.objects.get(petition=petition, step="resolve").due_on == dt.date(2026, 12, 17)
    assert act(head, petition, "conclude", outcome="partly_right", answer="Khiếu nại đúng một phần.").status_code == 302
    assert act(head, petition, "close").status_code == 302
    assert status() == Status.CLOSED
    page = head.get(f"/petitions/{petition.pk}/").content.decode()
    for label in ("Classified", "Accepted for resolution", "Verification started", "Dialogue held", "Closed"):
        assert shown(label) in page
    actions = list(CaseEvent.objects.filter(petition=petition).values_list("action", flat=True))
    assert actions == [
        "received",
        "classified",
        "accepted",
        "verification_started",
        "dialogue_held",
        "extended",
        "concluded",
        "closed",
    ]


def test_forward_then_the_other_commune_acknowledges_it(world, submit, personas, as_persona):
    petition = submit().petition
    same, other = as_persona("officer_same"), as_persona("officer_other")
    assert other.get(f"/petitions/{petition.pk}/").status_code == 404
    assert (
        act(same, petition, "forward", to_organization=world.org_b.pk, reason="Thuộc xã Phong Thổ").status_code == 302
    )
    petition.refresh_from_db()
    assert (petition.status, petition.handling_organization) == (Status.FORWARDED, world.org_b)
    assert petition.tracking_code in other.get("/petitions/inbox/").content.decode()
    assert petition.tracking_code not in same.get("/petitions/inbox/").content.decode()
    assert same.get(f"/petitions/{petition.pk}/").status_code == 200  # org_a still sees what it forwarded
    assert act(other, petition, "acknowledge").status_code == 302
    petition.refresh_from_db()
    assert petition.status == Status.RECEIVED
    assert petition.forwardings.get().acknowledged_by == world_user(other)


def world_user(client: Client):
    from django.contrib.auth import get_user

    return get_user(client)


def test_a_duplicate_must_be_a_petition_the_user_may_see(world, submit, personas):
    petition = submit().petition
    elsewhere = petition_submit(
        actor=None, data=petition_data(world, unit=world.other_commune), receiving_organization=world.org_other
    ).petition
    client = client_of(personas["officer_same"])
    response = act(client, petition, "duplicate", code=elsewhere.tracking_code)
    assert response.status_code == 400
    assert shown("No petition in your jurisdiction has this tracking code.") in response.content.decode()
    copy = submit(subject="Đơn trùng").petition
    assert act(client, copy, "duplicate", code=petition.tracking_code.lower()).status_code == 302
    copy.refresh_from_db()
    assert (copy.status, copy.canonical) == (Status.DUPLICATE, petition)
    page = client.get(f"/petitions/{petition.pk}/").content.decode()
    assert f'href="/petitions/{copy.pk}/">{copy.tracking_code}</a>' in page


def test_split_needs_two_parts_then_makes_them(world, submit, personas):
    petition = submit().petition
    client = client_of(personas["officer_same"])
    one = act(client, petition, "split", kind_1="feedback", subject_1="Phản ánh", content_1="Đường hỏng nặng.")
    assert one.status_code == 400
    assert shown("A petition is split into at least two parts.") in one.content.decode()
    two = act(
        client,
        petition,
        "split",
        kind_1="complaint_1",
        subject_1="Khiếu nại thu hồi đất",
        content_1="Khiếu nại quyết định thu hồi đất.",
        kind_2="denunciation",
        subject_2="Tố cáo cán bộ",
        content_2="Tố cáo cán bộ địa chính nhận tiền.",
    )
    assert two.status_code == 302
    parts = Petition.objects.filter(split_from=petition).order_by("kind")
    assert [(p.kind, p.complaint_round) for p in parts] == [("complaint", 1), ("denunciation", None)]
    petition.refresh_from_db()
    assert petition.status == Status.SPLIT


def test_an_anonymous_denunciation_becomes_information_for_inspection(world, submit, personas):
    petition = submit(kind="denunciation", complaint_round=None, is_anonymous=True, parties=[]).petition
    client = client_of(personas["officer_same"])
    page = client.get(f"/petitions/{petition.pk}/").content.decode()
    assert f'action="/petitions/{petition.pk}/inspection-lead/"' in page
    assert act(client, petition, "inspection-lead", reason="Nội dung cụ thể").status_code == 302
    petition.refresh_from_db()
    assert petition.status == Status.INSPECTION_LEAD


def test_suspend_and_resume(world, submit, head_a):
    petition = workflow.petition_classify(
        actor=head_a, petition=submit().petition, eligible=True, within_competence=True
    )
    petition = workflow.petition_accept(actor=head_a, petition=petition)
    client = client_of(head_a)
    assert act(client, petition, "suspend", reason="Chờ kết quả giám định").status_code == 302
    petition.refresh_from_db()
    assert petition.status == Status.SUSPENDED
    page = client.get(f"/petitions/{petition.pk}/").content.decode()
    assert 'class="badge badge-paused"' in page
    assert act(client, petition, "resume").status_code == 302
    petition.refresh_from_db()
    assert petition.status == Status.ACCEPTED


def test_an_action_answers_get_with_405(world, submit, personas):
    petition = submit().petition
    assert client_of(personas["officer_same"]).get(f"/petitions/{petition.pk}/classify/").status_code == 405


def test_a_dialogue_too_soon_after_the_notice_names_the_rule(world, submit, head_a, handler_a):
    petition = workflow.petition_classify(
        actor=head_a, petition=submit().petition, eligible=True, within_competence=True
    )
    petition = workflow.petition_accept(actor=head_a, petition=petition)
    petition = workflow.petition_start_verification(actor=head_a, petition=petition, handler=handler_a)
    response = act(
        client_of(handler_a),
        petition,
        "dialogue",
        htmx=True,
        notified_on="2026-10-28",
        held_on="2026-10-30",
        minutes="Biên bản.",
    )
    text = response.content.decode()
    assert response.status_code == 200
    with translation.override("vi"):
        citation = "Nghị định 155/2026/NĐ-CP, Điều 11 (Điều 28 mới của Nghị định 124/2020/NĐ-CP)"
        expected = translation.gettext(
            "The parties must be notified at least %(days)s days before the dialogue (%(citation)s): "
            "notice on %(notice)s, dialogue on %(held)s."
        ) % {"days": 5, "citation": citation, "notice": "28/10/2026", "held": "30/10/2026"}
    assert escape(expected) in text
    petition.refresh_from_db()
    assert petition.status == Status.VERIFICATION


def test_the_case_page_holds_the_slots_of_the_duplicate_and_routing_panels(world, submit, as_persona):
    from django.urls import NoReverseMatch, reverse

    petition = submit().petition
    own = as_persona("officer_same").get(f"/petitions/{petition.pk}/").content.decode()
    candidates = reverse("search:petition_candidates", args=[petition.pk])
    assert f'<section id="duplicate-candidates" hx-get="{candidates}" hx-trigger="load"' in own
    try:
        suggestion = reverse("routing:petition_suggestion", args=[petition.pk])
    except NoReverseMatch:
        assert 'id="routing-suggestion"' not in own  # the panel is not there yet: the slot renders nothing
    else:
        assert f'<section id="routing-suggestion" hx-get="{suggestion}"' in own
    # Those who only read the case (the province's inspector) get neither.
    reader = as_persona("province_inspector").get(f"/petitions/{petition.pk}/").content.decode()
    assert 'id="duplicate-candidates"' not in reader
    assert 'id="routing-suggestion"' not in reader
