"""Response templates (mẫu trả lời): safe placeholders, the seeded system-wide ones, the htmx fill of the
answer boxes on the case page (the denouncer's name only for those who may see it), and their management
by the organisation's administrator or head."""

from __future__ import annotations

import datetime as dt
import re

import pytest
import time_machine
from django.test import Client
from django.utils import translation
from django.utils.html import escape

from danvan.accounts.models import Role
from danvan.audit.models import AuditEvent
from danvan.cases.models import ResponseStep, ResponseTemplate
from danvan.cases.models.responses import fill_placeholders
from danvan.cases.services import workflow
from danvan.cases.services.intake import PartyData
from danvan.testing import login_client, make_user

NOW = dt.datetime(2026, 11, 2, 9, 0)
HTMX = {"HX-Request": "true"}
DENOUNCER = PartyData(full_name="Lê Văn Tố", personal_id="001190012345", birth_year=1990)
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


def fill(client: Client, petition, template, htmx: bool = True):
    url = f"/petitions/{petition.pk}/response-text/?template={template.pk if template else ''}"
    return client.get(url, headers=HTMX if htmx else {})


# --- Placeholders -----------------------------------------------------------------------------------


def test_placeholders_are_filled_and_nothing_else_is_interpreted():
    values = {"citizen_name": "Nguyễn Văn An", "subject": "Đèn đường"}
    body = (
        "Kính gửi {citizen_name}: {subject}. {unknown} {subject.__class__} {subject[0]} {subject!r} "
        "{subject:>40} {{subject}} { lone brace } {"
    )
    assert fill_placeholders(body, values) == (
        "Kính gửi Nguyễn Văn An: Đèn đường. {unknown} {subject.__class__} {subject[0]} {subject!r} "
        "{subject:>40} {subject} { lone brace } {"
    )


def test_a_value_is_never_filled_again():
    assert fill_placeholders("{subject}", {"subject": "{citizen_name}", "citizen_name": "X"}) == "{citizen_name}"


def test_three_to_five_system_wide_templates_are_seeded(world):
    seeded = ResponseTemplate.objects.filter(organization=None)
    assert 3 <= seeded.count() <= 5
    assert set(seeded.values_list("step", flat=True)) == set(ResponseStep.values)
    # None of them puts the denouncer's name in a text meant for a denunciation.
    for template in seeded.filter(kind__in=["denunciation"]):
        assert "{citizen_name}" not in template.body


# --- On the case page -------------------------------------------------------------------------------


@pytest.fixture
def recommendation(submit, head_a):
    petition = submit(kind="recommendation", complaint_round=None, subject="Kiến nghị sửa đèn đường").petition
    petition = workflow.petition_classify(actor=head_a, petition=petition, eligible=True, within_competence=True)
    return workflow.petition_accept(actor=head_a, petition=petition)


def test_the_conclude_form_offers_the_templates_for_the_kind(world, recommendation, head_a):
    page = client_of(head_a).get(f"/petitions/{recommendation.pk}/").content.decode()
    offered = ResponseTemplate.objects.get(organization=None, kind="recommendation", step="conclusion")
    complaint_only = ResponseTemplate.objects.get(organization=None, kind="complaint", step="conclusion")
    assert f'<option value="{offered.pk}">{escape(offered.title)}</option>' in page
    assert f'<option value="{complaint_only.pk}">' not in page
    assert 'hx-target="#id_conclude-answer"' in page
    assert shown("Start from a response template") in page


def test_choosing_a_template_fills_the_answer_box(world, recommendation, head_a):
    template = ResponseTemplate.objects.get(organization=None, kind="recommendation", step="conclusion")
    response = fill(client_of(head_a), recommendation, template)
    text = response.content.decode()
    assert response.status_code == 200
    assert text.lstrip().startswith("<textarea")
    assert 'name="conclude-answer"' in text
    assert 'id="id_conclude-answer"' in text
    for value in ("Nguyễn Văn An", recommendation.tracking_code, "02/11/2026", world.org_a.name, "Kiến nghị sửa đèn"):
        assert escape(value) in text
    assert "{" not in text
    # "Choose…" again: nothing to swap.
    assert fill(client_of(head_a), recommendation, None).status_code == 204


def test_the_text_is_escaped_in_the_box(world, submit, personas):
    petition = submit(subject="<b>Đơn</b>").petition
    template = ResponseTemplate.objects.get(organization=None, step="guidance")
    text = fill(Client(), petition, template).content.decode()  # anonymous: to the login
    assert "<b>" not in text
    text = fill(client_of(personas["officer_same"]), petition, template).content.decode()
    assert "&lt;b&gt;Đơn&lt;/b&gt;" in text
    assert "<b>" not in text


def test_templates_of_another_organisation_or_out_of_use_are_not_offered(world, recommendation, head_a):
    elsewhere = ResponseTemplate.objects.create(
        organization=world.org_b, title="Mẫu của xã Phong Thổ", step="conclusion", body="Trả lời {subject}"
    )
    retired = ResponseTemplate.objects.create(
        organization=world.org_a, title="Mẫu cũ", step="conclusion", body="Cũ", is_active=False
    )
    own = ResponseTemplate.objects.create(
        organization=world.org_a, title="Mẫu của phường", step="conclusion", body="Phường trả lời {subject}"
    )
    client = client_of(head_a)
    page = client.get(f"/petitions/{recommendation.pk}/").content.decode()
    assert own.title in page
    assert elsewhere.title not in page
    assert retired.title not in page
    assert fill(client, recommendation, elsewhere).status_code == 404
    assert fill(client, recommendation, retired).status_code == 404
    assert fill(client, recommendation, own).status_code == 200
    assert client.get(f"/petitions/{recommendation.pk}/response-text/?template=abc").status_code == 404


def test_a_template_fills_only_for_those_who_may_take_the_action(world, recommendation, personas):
    template = ResponseTemplate.objects.get(organization=None, kind="recommendation", step="conclusion")
    # officer_same processes but does not decide: the conclusion is the head's.
    assert fill(client_of(personas["officer_same"]), recommendation, template).status_code == 403


@pytest.fixture
def denunciation(submit):
    return submit(kind="denunciation", complaint_round=None, parties=[DENOUNCER]).petition


@pytest.mark.parametrize("who", ["officer_same", "head_a"])
def test_a_denouncer_is_never_named_in_a_filled_template(world, denunciation, personas, head_a, who):
    """The filled text becomes the stored answer or reason, which other officers read: even for the head,
    who may see the denouncer, it says "Ông/Bà" and reads no identity (nothing to audit)."""
    guidance = ResponseTemplate.objects.get(organization=None, step="guidance")
    assert "{citizen_name}" in guidance.body
    user = head_a if who == "head_a" else personas[who]
    response = fill(client_of(user), denunciation, guidance)
    text = response.content.decode()
    assert response.status_code == 200
    assert "Lê Văn Tố" not in text
    assert "Kính gửi: Ông/Bà" in text
    assert not AuditEvent.objects.filter(action="petition.identity_viewed").exists()


def test_an_anonymous_sender_is_addressed_as_sir_or_madam(world, submit, personas):
    petition = submit(kind="feedback", complaint_round=None, parties=[], is_anonymous=True).petition
    guidance = ResponseTemplate.objects.get(organization=None, step="guidance")
    text = fill(client_of(personas["officer_same"]), petition, guidance).content.decode()
    assert "Kính gửi: Ông/Bà" in text


# --- Management -------------------------------------------------------------------------------------

NEW = {
    "title": "Trả lời phản ánh đèn đường",
    "kind": "feedback",
    "step": "conclusion",
    "body": "Kính gửi {citizen_name}",
}


def test_the_organisation_administrator_adds_one_for_the_organisation(world, as_persona, personas):
    client = as_persona("org_admin")
    page = client.get("/petitions/response-templates/").content.decode()
    assert shown("New response template") in page
    response = client.post("/petitions/response-templates/new/", NEW | {"is_active": "on"})
    assert (response.status_code, response["Location"]) == (302, "/petitions/response-templates/")
    template = ResponseTemplate.objects.get(title=NEW["title"])
    assert (template.organization, template.kind, template.created_by) == (
        world.org_a,
        "feedback",
        personas["org_admin"],
    )
    audit = AuditEvent.objects.get(action="cases.response_template_created")
    assert (audit.actor, audit.organization_id) == (personas["org_admin"], world.org_a.pk)
    assert "Kính gửi" not in str(audit.data)


def test_the_system_administrator_adds_a_system_wide_one(world, as_persona):
    before = ResponseTemplate.objects.filter(organization=None).count()
    assert as_persona("system_admin").post("/petitions/response-templates/new/", NEW).status_code == 302
    assert ResponseTemplate.objects.filter(organization=None).count() == before + 1


def test_officers_without_the_role_see_the_list_but_no_form(world, as_persona):
    page = as_persona("officer_same").get("/petitions/response-templates/").content.decode()
    assert escape(ResponseTemplate.objects.filter(organization=None).first().title) in page
    assert shown("New response template") not in page
    # Nothing they may edit (the navigation still links the list itself).
    assert re.search(r'href="/petitions/response-templates/[^"]', page) is None


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"body": "   "}, "body", "This field is required."),
        ({"body": "x" * 4001}, "body", None),
        ({"step": ""}, "step", "This field is required."),
        ({"title": ""}, "title", "This field is required."),
    ],
    ids=["empty-body", "long-body", "no-step", "no-title"],
)
def test_bad_input_is_refused_and_nothing_saved(world, as_persona, change, field, message):
    client = as_persona("org_admin")
    before = (ResponseTemplate.objects.count(), AuditEvent.objects.count())
    page = client.post("/petitions/response-templates/new/", NEW | change)
    assert page.status_code == 400
    assert f'id="id_{field}_error"' in page.content.decode()
    if message:
        assert shown(message) in page.content.decode()
    partial = client.post("/petitions/response-templates/new/", NEW | change, headers=HTMX)
    assert partial.status_code == 200
    assert partial.content.decode().lstrip().startswith('<section id="template-form"')
    assert (ResponseTemplate.objects.count(), AuditEvent.objects.count()) == before


def test_a_unit_head_edits_and_retires_a_template(world, submit, head_a):
    template = ResponseTemplate.objects.create(
        organization=world.org_a, title="Mẫu của phường", step="guidance", body="Gửi {citizen_name}"
    )
    client = client_of(head_a)
    form = client.get(f"/petitions/response-templates/{template.pk}/")
    assert form.status_code == 200
    assert "Gửi {citizen_name}" in form.content.decode()
    changed = {"title": "Mẫu của phường (sửa)", "step": "guidance", "kind": "", "body": "Gửi Ông/Bà {citizen_name}"}
    response = client.post(f"/petitions/response-templates/{template.pk}/", changed)
    assert response.status_code == 302
    template.refresh_from_db()
    assert (template.title, template.body, template.is_active) == (changed["title"], changed["body"], False)
    assert AuditEvent.objects.filter(action="cases.response_template_updated", actor=head_a).count() == 1
    petition = submit().petition
    page = client.get(f"/petitions/{petition.pk}/").content.decode()
    assert template.title not in page  # no longer in use


def test_the_organisation_of_a_template_does_not_change_on_edit(world, head_a, head_b):
    template = ResponseTemplate.objects.create(organization=world.org_a, title="Mẫu", step="guidance", body="A")
    moved = {"organization": world.org_b.pk, "title": "Mẫu", "step": "guidance", "body": "B", "is_active": "on"}
    assert client_of(head_a).post(f"/petitions/response-templates/{template.pk}/", moved).status_code == 302
    template.refresh_from_db()
    assert (template.organization, template.body) == (world.org_a, "B")
    assert client_of(head_b).get(f"/petitions/response-templates/{template.pk}/").status_code == 404


def test_a_manager_of_two_organisations_must_choose(world):
    both = make_user("admin_ab", org=world.org_a, role=Role.ORG_ADMIN)
    both.memberships.create(organization=world.org_b, role=Role.UNIT_HEAD)
    client = client_of(both)
    page = client.post("/petitions/response-templates/new/", NEW)
    assert page.status_code == 400
    assert shown("Choose the organisation.") in page.content.decode()
    assert client.post("/petitions/response-templates/new/", NEW | {"organization": world.org_b.pk}).status_code == 302
    assert ResponseTemplate.objects.get(title=NEW["title"]).organization == world.org_b


def test_the_list_makes_the_same_number_of_queries_for_few_or_many_templates(world, as_persona):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = as_persona("org_admin")

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/petitions/response-templates/").status_code == 200
        return len(captured)

    few = queries()
    for n in range(8):
        ResponseTemplate.objects.create(organization=world.org_a, title=f"Mẫu {n}", step="guidance", body="X")
    assert queries() == few
