"""The officer's pages: the case page's confidentiality, the inbox (scope, filters, query budget), bulk
assignment, and entering a petition received on paper."""

from __future__ import annotations

import datetime as dt
import re

import pytest
import time_machine
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.html import escape

from danvan.accounts.models import Membership, Role
from danvan.audit.models import AuditEvent
from danvan.cases.models import CaseEvent, Petition
from danvan.cases.services import workflow
from danvan.cases.services.intake import PartyData, petition_submit
from danvan.testing import login_client

from .conftest import petition_data

NOW = dt.datetime(2026, 11, 2, 9, 0)
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
DENOUNCER = PartyData(full_name="Lê Văn Tố", personal_id="001190012345", birth_year=1990, phone="0987654321")
pytestmark = pytest.mark.usefixtures("_fresh_cache")


@pytest.fixture
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


def shown(msgid: str, **params: object) -> str:
    with translation.override("vi"):
        text = translation.gettext(msgid)
    return escape(text % params if params else text)


def client_of(user) -> Client:
    return login_client(Client(), user)


@pytest.fixture
def denunciation(world, head_a, handler_a):
    with time_machine.travel(NOW, tick=False):
        data = petition_data(
            world,
            kind="denunciation",
            complaint_round=None,
            subject="Tố cáo cán bộ địa chính",
            # The letter repeats the denouncer's name and phone: the case page must hide them in the text too.
            content="Tôi là Lê Văn Tố, điện thoại 0987654321, tố cáo cán bộ địa chính xã nhận tiền để cấp sổ đỏ.",
            parties=[DENOUNCER],
            attachments=[SimpleUploadedFile("to-cao.pdf", PDF)],
        )
        petition = petition_submit(actor=None, data=data, receiving_organization=world.org_a).petition
        petition = workflow.petition_classify(actor=head_a, petition=petition, eligible=True, within_competence=True)
        petition = workflow.petition_accept(actor=head_a, petition=petition)
        return workflow.petition_start_verification(actor=head_a, petition=petition, handler=handler_a)


def _identity_reads() -> int:
    return AuditEvent.objects.filter(action="petition.identity_viewed").count()


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize("persona", ["officer_same", "mttq_officer", "province_inspector", "org_admin"])
def test_the_denouncer_is_masked_for_everyone_else(world, personas, as_persona, denunciation, persona):
    response = as_persona(persona).get(f"/petitions/{denunciation.pk}/")
    text = response.content.decode()
    assert response.status_code == 200
    for secret in ("Lê Văn Tố", "001190012345", "0987654321", "to-cao.pdf"):
        assert secret not in text
    assert shown("Kept confidential (Denunciation Law art. 47)") in text
    assert _identity_reads() == 0
    attachment = denunciation.attachments.get()
    assert as_persona(persona).get(f"/petitions/{denunciation.pk}/attachments/{attachment.pk}/").status_code == 404


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize("who", ["handler_a", "head_a"])
def test_the_handler_and_the_head_see_the_denouncer_and_it_is_audited(world, denunciation, head_a, handler_a, who):
    user = {"handler_a": handler_a, "head_a": head_a}[who]
    client = client_of(user)
    text = client.get(f"/petitions/{denunciation.pk}/").content.decode()
    for secret in ("Lê Văn Tố", "001190012345", "0987654321", "to-cao.pdf"):
        assert secret in text
    event = AuditEvent.objects.get(action="petition.identity_viewed")
    assert (event.actor, event.target_id) == (user, str(denunciation.pk))
    attachment = denunciation.attachments.get()
    download = client.get(f"/petitions/{denunciation.pk}/attachments/{attachment.pk}/")
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    assert download["Content-Disposition"] == 'attachment; filename="to-cao.pdf"'
    opened = AuditEvent.objects.get(action="petition.identity_attachment_opened")
    assert (opened.actor, opened.data) == (user, {"attachment": attachment.pk})


@pytest.fixture
def inbox_world(world, submit):
    """Two petitions of org_a (one a crowd, one overdue) and one of org_b."""
    with time_machine.travel(dt.datetime(2026, 10, 1, 9, 0), tick=False):
        old = submit(subject="Khiếu nại bồi thường đất", received_on=None).petition
    with time_machine.travel(NOW, tick=False):
        crowd = submit(kind="recommendation", complaint_round=None, subject="Kiến nghị sửa đường", people_count=12)
        other = petition_submit(
            actor=None, data=petition_data(world, unit=world.commune_b), receiving_organization=world.org_b
        )
    return old, crowd.petition, other.petition


def _codes(response) -> list[str]:
    return re.findall(r'class="tracking-code">(DV-[\w-]+)<', response.content.decode())


@time_machine.travel(NOW, tick=False)
def test_the_inbox_holds_the_organisations_petitions_most_urgent_first(world, as_persona, inbox_world):
    old, crowd, other = inbox_world
    same = as_persona("officer_same")
    assert _codes(same.get("/petitions/inbox/")) == [old.tracking_code, crowd.tracking_code]
    assert _codes(as_persona("officer_other").get("/petitions/inbox/")) == [other.tracking_code]
    assert _codes(as_persona("officer_other").get("/petitions/inbox/?scope=all")) == [other.tracking_code]
    inspector = as_persona("province_inspector")
    assert _codes(inspector.get("/petitions/inbox/")) == []
    assert sorted(_codes(inspector.get("/petitions/inbox/?scope=all"))) == sorted(
        [old.tracking_code, crowd.tracking_code, other.tracking_code]
    )
    text = same.get("/petitions/inbox/").content.decode()
    # old: complaint.accept, 7 working days from Thu 1 Oct 2026 → Mon 12 Oct 2026, long past.
    assert 'class="badge badge-overdue"' in text
    assert shown("crowd") in text


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kind=recommendation", ["crowd"]),
        ("crowd=on", ["crowd"]),
        ("due=overdue", ["old"]),
        ("q=boi+thuong", ["old"]),
        ("q=KIẾN+NGHỊ", ["crowd"]),
        ("q=nguyen+van+an", []),  # never by a party's name
        ("status=received", ["old", "crowd"]),
        ("status=closed", []),
    ],
)
def test_inbox_filters(world, as_persona, inbox_world, query, expected):
    old, crowd, _other = inbox_world
    names = {old.tracking_code: "old", crowd.tracking_code: "crowd"}
    response = as_persona("officer_same").get(f"/petitions/inbox/?{query}")
    assert response.status_code == 200
    assert [names[code] for code in _codes(response)] == expected


@time_machine.travel(NOW, tick=False)
def test_the_inbox_filter_answers_htmx_with_the_results_only(world, as_persona, inbox_world):
    response = as_persona("officer_same").get("/petitions/inbox/?kind=complaint", headers={"HX-Request": "true"})
    text = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in text
    assert 'class="case-list"' in text
    assert 'id="inbox-results"' not in text  # the live region stays; only its content is swapped


def _inbox_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/petitions/inbox/?scope=all").status_code == 200
    return len(queries)


@time_machine.travel(NOW, tick=False)
def test_the_inbox_makes_the_same_number_of_queries_for_3_or_12_petitions(world, submit, head_a, handler_a):
    client = client_of(head_a)
    for _ in range(3):
        workflow.petition_assign(actor=head_a, petition=submit().petition, handler=handler_a)
    client.get("/petitions/inbox/")  # warm the calendar cache
    few = _inbox_queries(client)
    for _ in range(9):
        workflow.petition_assign(actor=head_a, petition=submit().petition, handler=handler_a)
    # session, user, OTP device, memberships, organisations of the jurisdiction, petitions forwarded by the
    # user's organisations, count, page, units, handlers, categories, bulk candidates, the crowd size for the
    # filter's label, the crowd size's versions for the rows (one read for the page), and the navigation's
    # count of the user's deadlines (danvan.calendar.selectors_deadlines.my_deadline_counts)
    assert _inbox_queries(client) == few == 15


@time_machine.travel(NOW, tick=False)
def test_bulk_assign_all_or_nothing(world, submit, head_a, handler_a):
    first, second = submit().petition, submit().petition
    client = client_of(head_a)
    page = client.get("/petitions/inbox/").content.decode()
    assert f'value="{first.pk}" form="bulk-assign"' in page
    response = client.post(
        "/petitions/inbox/assign/", {"bulk-petitions": [first.pk, second.pk], "bulk-handler": handler_a.pk}
    )
    assert (response.status_code, response["Location"]) == (302, "/petitions/inbox/")
    assert list(Petition.objects.order_by("pk").values_list("handler", flat=True)) == [handler_a.pk, handler_a.pk]
    assert CaseEvent.objects.filter(action="assigned").count() == 2

    third = submit().petition
    workflow.petition_guide(actor=head_a, petition=third, guidance="Gửi Tòa án.", competent_body="Tòa án")
    before = (CaseEvent.objects.count(), AuditEvent.objects.count())
    refused = client.post(
        "/petitions/inbox/assign/", {"bulk-petitions": [first.pk, third.pk], "bulk-handler": head_a.pk}
    )
    assert refused.status_code == 409
    assert shown("This action is not possible at the petition's current step.") in refused.content.decode()
    assert Petition.objects.get(pk=first.pk).handler == handler_a
    assert (CaseEvent.objects.count(), AuditEvent.objects.count()) == before


@time_machine.travel(NOW, tick=False)
def test_bulk_assign_of_an_invisible_petition_is_not_found(world, head_a, handler_a):
    other = petition_submit(actor=None, data=petition_data(world), receiving_organization=world.org_b).petition
    response = client_of(head_a).post(
        "/petitions/inbox/assign/", {"bulk-petitions": [other.pk], "bulk-handler": handler_a.pk}
    )
    assert response.status_code == 404
    assert Petition.objects.get(pk=other.pk).handler is None


@time_machine.travel(NOW, tick=False)
def test_an_officer_enters_a_petition_received_by_post(world, personas, as_persona):
    client = as_persona("officer_same")
    page = client.get("/petitions/new-entry/").content.decode()
    token = re.search(r'name="form_token" value="([^"]+)"', page).group(1)
    assert f'<option value="{world.org_a.pk}" selected>' in page
    data = {
        "form_token": token,
        "channel": "post",
        "received_on": "2026-10-30",
        "receiving_organization": world.org_a.pk,
        "kind": "denunciation",
        "province": world.province.pk,
        "unit": world.commune_a.pk,
        "subject": "Tố cáo lấn chiếm đất công",
        "content": "Ông X lấn chiếm đất công tại tổ 3 để xây nhà.",
        "people_count": "1",
        "full_name": "Phạm Thị Cúc",
        "attachments": [SimpleUploadedFile("scan.pdf", PDF)],
    }
    response = client.post("/petitions/new-entry/", data)
    assert (response.status_code, response["Location"]) == (302, "/petitions/new/done/")
    petition = Petition.objects.get()
    assert (petition.channel, petition.received_on, petition.receiving_organization) == (
        "post",
        dt.date(2026, 10, 30),
        world.org_a,
    )
    assert petition.events.get().actor == personas["officer_same"]
    assert petition.attachments.get().reveals_identity is True
    receipt = client.get("/petitions/new/done/").content.decode()
    assert f'href="/petitions/{petition.pk}/"' in receipt
    assert f"/petitions/track/{petition.tracking_code}/?s=" in receipt


@time_machine.travel(NOW, tick=False)
def test_the_date_of_receipt_cannot_be_in_the_future(world, as_persona):
    client = as_persona("officer_same")
    page = client.get("/petitions/new-entry/").content.decode()
    token = re.search(r'name="form_token" value="([^"]+)"', page).group(1)
    response = client.post(
        "/petitions/new-entry/",
        {
            "form_token": token,
            "channel": "hotline",
            "received_on": "2026-11-03",
            "kind": "feedback",
            "province": world.province.pk,
            "unit": world.commune_a.pk,
            "subject": "Rác thải",
            "content": "Rác thải không được thu gom.",
            "people_count": "1",
            "is_anonymous": "on",
        },
    )
    assert response.status_code == 400
    assert shown("The date cannot be in the future.") in response.content.decode()
    assert Petition.objects.count() == 0


@time_machine.travel(NOW, tick=False)
def test_the_case_page_offers_only_what_the_user_may_do_now(world, as_persona, submit, head_a):
    petition = submit().petition
    same = as_persona("officer_same").get(f"/petitions/{petition.pk}/").content.decode()
    assert f'action="/petitions/{petition.pk}/classify/"' in same
    assert f'action="/petitions/{petition.pk}/accept/"' not in same
    inspector = as_persona("province_inspector").get(f"/petitions/{petition.pk}/").content.decode()
    assert '<form method="post" action="/petitions/' not in inspector
    assert shown("No action is open to you at this step.") in inspector
    workflow.petition_classify(actor=head_a, petition=petition, eligible=True, within_competence=True)
    head = client_of(head_a).get(f"/petitions/{petition.pk}/").content.decode()
    assert f'action="/petitions/{petition.pk}/accept/"' in head
    assert f'action="/petitions/{petition.pk}/conclude/"' not in head
    assert shown("classified") in head


@time_machine.travel(NOW, tick=False)
def test_a_subject_or_place_that_names_the_denouncer_is_hidden_in_the_inbox_and_on_the_case_page(
    world, as_persona, head_a
):
    data = petition_data(
        world,
        kind="denunciation",
        complaint_round=None,
        subject="Ông Le Van To (0987 654 321) tố cáo cán bộ địa chính",
        location="Trước nhà ông Lê Văn Tố, thôn 3",
        parties=[DENOUNCER],
    )
    petition = petition_submit(actor=None, data=data, receiving_organization=world.org_a).petition
    for persona in ("officer_same", "province_inspector"):
        client = as_persona(persona)
        for url in ("/petitions/inbox/?scope=all", f"/petitions/{petition.pk}/"):
            text = client.get(url).content.decode()
            assert petition.tracking_code in text, (persona, url)
            for secret in ("Le Van To", "Lê Văn Tố", "0987 654 321"):
                assert secret not in text, (persona, url, secret)
            assert shown("[the denouncer — kept confidential]") in text
    head = client_of(head_a)
    assert "Le Van To (0987 654 321)" in head.get("/petitions/inbox/").content.decode()
    assert "Trước nhà ông Lê Văn Tố" in head.get(f"/petitions/{petition.pk}/").content.decode()


@time_machine.travel(NOW, tick=False)
def test_a_handler_who_left_the_organisation_no_longer_sees_the_denouncer(world, denunciation, handler_a):
    Membership.objects.filter(user=handler_a, organization=world.org_a).update(is_active=False)
    # Moved to the provincial inspectorate: still sees the commune's cases, no longer as their handler.
    Membership.objects.create(user=handler_a, organization=world.inspectorate, role=Role.INSPECTOR)
    denunciation.refresh_from_db()
    assert denunciation.handler_id == handler_a.pk
    response = client_of(handler_a).get(f"/petitions/{denunciation.pk}/")
    assert response.status_code == 200
    assert "Lê Văn Tố" not in response.content.decode()
    assert _identity_reads() == 0
