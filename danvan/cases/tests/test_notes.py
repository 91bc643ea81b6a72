"""Internal notes on the case page: officers working the case write them, every officer who may see the
case reads them in the timeline, the citizen never does; a note is no way round the denouncer's secrecy."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.test import Client
from django.utils import translation
from django.utils.html import escape

from danvan.audit.models import AuditEvent
from danvan.cases.models import CaseEvent, Status
from danvan.cases.selectors_case import citizen_events
from danvan.cases.services import workflow
from danvan.cases.services.intake import PartyData
from danvan.cases.services.notes import NOTE_MAX_LENGTH, petition_add_note
from danvan.core.errors import DomainError
from danvan.testing import login_client

NOW = dt.datetime(2026, 11, 2, 9, 0)
HTMX = {"HX-Request": "true"}
NOTE = "Đã gọi điện cho tổ trưởng tổ dân phố 3; hẹn kiểm tra hiện trường thứ Năm."
DENOUNCER = PartyData(full_name="Lê Văn Tố", personal_id="001190012345", birth_year=1990, phone="0987654321")
pytestmark = pytest.mark.usefixtures("_frozen")


@pytest.fixture
def _frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def shown(msgid: str, **params: object) -> str:
    with translation.override("vi"):
        text = translation.gettext(msgid)
    return escape(text % params if params else text)


def post_note(client: Client, petition, text: str, htmx: bool = False):
    return client.post(f"/petitions/{petition.pk}/notes/", {"note-text": text}, headers=HTMX if htmx else {})


def _counts() -> tuple[int, int]:
    return CaseEvent.objects.filter(action="note").count(), AuditEvent.objects.filter(action="petition.note").count()


def test_an_htmx_note_swaps_only_the_timeline(world, submit, as_persona, personas):
    petition = submit().petition
    response = post_note(as_persona("officer_same"), petition, NOTE, htmx=True)
    text = response.content.decode()
    assert response.status_code == 200
    assert text.lstrip().startswith('<section id="case-timeline"')
    assert "<html" not in text
    assert 'id="case-actions"' not in text
    assert 'id="case-parties"' not in text
    assert escape(NOTE) in text
    assert shown("Internal note") in text
    assert shown("The note was added.") in text
    assert 'name="note-text"' in text
    assert escape(NOTE) + "</textarea>" not in text
    event = CaseEvent.objects.get(action="note")
    assert (event.reason, event.citizen_visible, event.actor) == (NOTE, False, personas["officer_same"])
    assert event.to_status == Status.RECEIVED
    audit = AuditEvent.objects.get(action="petition.note")
    assert NOTE not in str(audit.data)  # the audit trail records that a note was written, not what it says


def test_a_plain_post_redirects_to_the_case_page(world, submit, as_persona):
    petition = submit().petition
    response = post_note(as_persona("officer_same"), petition, NOTE)
    assert (response.status_code, response["Location"]) == (302, f"/petitions/{petition.pk}/")
    assert _counts() == (1, 1)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("   \n  ", "Write the note."),
        ("x" * (NOTE_MAX_LENGTH + 1), "A note has at most %(limit_value)s characters (this one has %(show_value)s)."),
    ],
    ids=["empty", "too-long"],
)
def test_bad_notes_are_refused_with_a_message_and_nothing_saved(world, submit, as_persona, text, message):
    petition = submit().petition
    client = as_persona("officer_same")
    params = {"limit_value": NOTE_MAX_LENGTH, "show_value": NOTE_MAX_LENGTH + 1}
    expected = shown(message, **params) if "%(" in message else shown(message)
    partial = post_note(client, petition, text, htmx=True)
    assert partial.status_code == 200
    assert partial.content.decode().lstrip().startswith('<section id="case-timeline"')
    assert expected in partial.content.decode()
    page = post_note(client, petition, text)
    assert page.status_code == 400
    assert expected in page.content.decode()
    assert _counts() == (0, 0)


def test_the_service_refuses_what_the_form_would(world, submit, personas):
    petition = submit().petition
    for text in ("", " \r\n ", "x" * (NOTE_MAX_LENGTH + 1)):
        with pytest.raises(DomainError) as caught:
            petition_add_note(actor=personas["officer_same"], petition=petition, text=text)
        assert set(caught.value.extra["fields"]) == {"text"}
    assert _counts() == (0, 0)
    event = petition_add_note(actor=personas["officer_same"], petition=petition, text="  dòng 1\r\ndòng 2  \n")
    assert event.reason == "dòng 1\ndòng 2"


def test_officers_who_see_the_case_read_notes_the_citizen_never(world, submit, as_persona, personas):
    submission = submit()
    petition = submission.petition
    petition_add_note(actor=personas["officer_same"], petition=petition, text=NOTE)
    for persona in ("officer_same", "province_inspector", "mttq_officer", "org_admin", "system_admin"):
        page = as_persona(persona).get(f"/petitions/{petition.pk}/").content.decode()
        assert escape(NOTE) in page, persona
        # Only those who work the case get the form.
        assert ('name="note-text"' in page) == (persona == "officer_same"), persona
    assert as_persona("officer_other").get(f"/petitions/{petition.pk}/").status_code == 404
    citizen = Client()
    citizen.get(f"/petitions/track/{petition.tracking_code}/?s={submission.secret}")
    tracking = citizen.get(f"/petitions/track/{petition.tracking_code}/").content.decode()
    assert NOTE not in tracking
    assert escape(NOTE) not in tracking
    assert all(event.action != "note" for event in citizen_events(case=petition))


def test_the_form_says_notes_are_internal(world, submit, as_persona):
    page = as_persona("officer_same").get(f"/petitions/{submit().petition.pk}/").content.decode()
    assert (
        shown(
            "Internal: only officers who may see this case read it; the citizen never does. "
            "Do not write a denouncer's name or contact details."
        )
        in page
    )


def test_html_in_a_note_is_shown_as_text(world, submit, as_persona, personas):
    petition = submit().petition
    petition_add_note(actor=personas["officer_same"], petition=petition, text="<script>alert(1)</script>")
    page = as_persona("province_inspector").get(f"/petitions/{petition.pk}/").content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_the_assigned_handler_and_the_head_write_notes_others_are_refused(world, submit, head_a, handler_a, as_persona):
    petition = workflow.petition_classify(
        actor=head_a, petition=submit().petition, eligible=True, within_competence=True
    )
    petition = workflow.petition_accept(actor=head_a, petition=petition)
    petition = workflow.petition_start_verification(actor=head_a, petition=petition, handler=handler_a)
    for user in (head_a, handler_a):
        assert post_note(login_client(Client(), user), petition, NOTE).status_code == 302
    for persona in ("province_inspector", "mttq_officer", "org_admin"):
        assert post_note(as_persona(persona), petition, NOTE).status_code == 403
    assert _counts() == (2, 2)


@pytest.fixture
def denunciation(world, submit, head_a, handler_a):
    petition = submit(kind="denunciation", complaint_round=None, parties=[DENOUNCER]).petition
    petition = workflow.petition_classify(actor=head_a, petition=petition, eligible=True, within_competence=True)
    petition = workflow.petition_accept(actor=head_a, petition=petition)
    return workflow.petition_start_verification(actor=head_a, petition=petition, handler=handler_a)


@pytest.mark.parametrize(
    "text",
    [
        "Đã gặp ông Lê Văn Tố tại nhà.",
        "đã gặp ông le van to",
        "CCCD 001 190 012 345",
        "Gọi 0987.654.321 không nghe máy",
    ],
)
def test_a_note_carrying_the_denouncer_is_refused_to_those_who_know_it(world, denunciation, head_a, text):
    response = post_note(login_client(Client(), head_a), denunciation, text, htmx=True)
    assert response.status_code == 200
    assert (
        shown(
            "Other officers read the notes: do not write the denouncer's name, ID number, phone or e-mail "
            "(Denunciation Law art. 47). Write “the denouncer” instead."
        )
        in response.content.decode()
    )
    assert _counts() == (0, 0)


def test_a_note_about_the_denouncer_without_identity_is_kept(world, denunciation, handler_a, as_persona):
    text = "Người tố cáo cung cấp thêm 02 biên lai; đã chuyển cho tổ xác minh."
    assert post_note(login_client(Client(), handler_a), denunciation, text).status_code == 302
    page = as_persona("province_inspector").get(f"/petitions/{denunciation.pk}/").content.decode()
    assert escape(text) in page
    assert "Lê Văn Tố" not in page


def test_no_confirmation_of_a_guess_for_those_who_may_not_see_the_denouncer(world, denunciation, personas):
    # officer_same (reception) may not see who denounced: refusing a guessed name would confirm it.
    assert petition_add_note(actor=personas["officer_same"], petition=denunciation, text="Có phải ông Lê Văn Tố?")


def test_open311_never_carries_a_note(world, submit, personas):
    petition = submit(kind="feedback", complaint_round=None).petition
    petition_add_note(actor=personas["officer_same"], petition=petition, text=NOTE)
    for url in (f"/open311/v2/requests/{petition.tracking_code}.json", "/open311/v2/requests.json"):
        response = Client().get(url)
        assert response.status_code == 200
        assert NOTE not in response.content.decode("utf-8")
