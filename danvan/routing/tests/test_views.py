"""The suggestion panel and the officer's decision: accept, correct, bad input, a stale page, a petition
past intake. The petition is never changed by any of them."""

from __future__ import annotations

import re

import pytest
from django.utils import translation

from danvan.accounts.models import Organization, OrganizationKind, Role
from danvan.audit.models import AuditEvent
from danvan.cases.models import CaseEvent, Category, Petition
from danvan.cases.services import workflow
from danvan.cases.services.intake import PartyData
from danvan.routing.models import ClassifierModel, Decision, RoutingSuggestion
from danvan.testing import login_client, make_user

from .conftest import DENOUNCER, DENOUNCER_PHONE

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def officer(world, client):
    user = make_user("reception_a", org=world.org_a, role=Role.RECEPTION_OFFICER)
    return login_client(client, user), user


def url(petition: Petition, accept: bool = False) -> str:
    return f"/routing/petitions/{petition.pk}/suggestion/{'accept/' if accept else ''}"


def shown(petition_org_id: int | None, category_id: int | None = None) -> dict[str, object]:
    return {"shown_category": category_id or "", "shown_organization": petition_org_id or "", "shown_model": ""}


def state(petition: Petition) -> tuple[object, ...]:
    petition.refresh_from_db()
    return (
        petition.status,
        petition.category_id,
        petition.handling_organization_id,
        petition.eligibility,
        petition.updated_at,
        CaseEvent.objects.filter(petition=petition).count(),
    )


def test_panel_fragment_and_full_page(world, submit, officer):
    client, _user = officer
    petition = submit(complaint_round=2)
    with translation.override("en"):
        fragment = client.get(url(petition), **HTMX, HTTP_ACCEPT_LANGUAGE="en")
    html = fragment.content.decode()
    assert fragment.status_code == 200
    assert "<html" not in html
    assert "Ủy ban nhân dân tỉnh Lai Châu" in html
    assert "Luật Khiếu nại 2011, Điều 18 khoản 2 và Điều 21 khoản 2" in html
    assert f'name="shown_organization" value="{world.province_committee.pk}"' in html
    page = client.get(url(petition))
    assert page.status_code == 200
    assert "<html" in page.content.decode()
    assert f"/petitions/{petition.pk}/" in page.content.decode()


def test_accept_records_and_changes_nothing_on_the_petition(world, submit, officer):
    client, user = officer
    petition = submit(complaint_round=2)
    before = state(petition)
    audit = AuditEvent.objects.count()
    data = {"category": "", "organization": world.province_committee.pk} | shown(world.province_committee.pk)
    response = client.post(url(petition, accept=True), data)
    assert response.status_code == 302
    assert response["Location"] == f"/petitions/{petition.pk}/"
    assert state(petition) == before
    record = RoutingSuggestion.objects.get()
    assert (record.decision, record.suggested_organization, record.final_organization, record.decided_by) == (
        Decision.ACCEPTED,
        world.province_committee,
        world.province_committee,
        user,
    )
    assert record.rule.code == "kn-lan-hai"
    assert AuditEvent.objects.count() == audit + 1
    event = AuditEvent.objects.order_by("-seq").first()
    assert (event.action, event.data["final_organization"]) == (
        "routing.suggestion_accepted",
        world.province_committee.pk,
    )


def test_correction_is_kept(world, submit, officer):
    client, _user = officer
    petition = submit()
    land = Category.objects.get(code="land")
    data = {"category": land.pk, "organization": world.org_b.pk} | shown(world.org_a.pk)
    response = client.post(url(petition, accept=True), data, **HTMX)
    assert response.status_code == 200
    assert "Your decision was recorded" in response.content.decode() or "ghi nhận" in response.content.decode()
    record = RoutingSuggestion.objects.get()
    assert (record.decision, record.suggested_organization, record.final_category, record.final_organization) == (
        Decision.CORRECTED,
        world.org_a,
        land,
        world.org_b,
    )
    petition.refresh_from_db()
    assert (petition.category, petition.handling_organization) == (None, world.org_a)
    # The panel lists the decision.
    assert "reception_a".title() in client.get(url(petition), **HTMX).content.decode()


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"category": "", "organization": ""}, "category"),
        ({"category": "999999", "organization": ""}, "category"),
        ({"category": "", "organization": "abc"}, "organization"),
    ],
)
def test_bad_input_gives_a_message_and_saves_nothing(world, submit, officer, data, field):
    client, _user = officer
    petition = submit()
    before = state(petition)
    response = client.post(url(petition, accept=True), data | shown(world.org_a.pk), **HTMX)
    assert response.status_code == 200
    assert 'class="field-error"' in response.content.decode() or 'class="form-errors"' in response.content.decode()
    assert RoutingSuggestion.objects.count() == 0
    assert state(petition) == before
    plain = client.post(url(petition, accept=True), data | shown(world.org_a.pk))
    assert plain.status_code == 400


def test_organisation_outside_the_province_is_refused(world, submit, officer):
    client, _user = officer
    petition = submit()
    response = client.post(url(petition, accept=True), {"organization": world.org_other.pk} | shown(world.org_a.pk))
    assert response.status_code == 400
    assert RoutingSuggestion.objects.count() == 0


def test_inactive_category_is_refused(world, submit, officer):
    client, _user = officer
    petition = submit()
    old = Category.objects.create(code="old", name="Cũ", name_en="Old", is_active=False)
    response = client.post(url(petition, accept=True), {"category": old.pk} | shown(world.org_a.pk))
    assert response.status_code == 400
    assert RoutingSuggestion.objects.count() == 0


def test_a_stale_page_is_not_recorded(world, submit, officer):
    """The suggestion changed (here: a police organisation appeared) since the officer opened the panel."""
    client, _user = officer
    petition = submit(
        kind="feedback",
        complaint_round=None,
        respondent_name="",
        category=Category.objects.get(code="public_order"),
        subject="Tụ tập gây mất trật tự",
        content="Nhóm thanh niên đua xe sau 23 giờ.",
    )
    data = {"organization": world.org_a.pk} | shown(world.org_a.pk)
    police = Organization.objects.create(
        name="Công an phường Tân Phong", kind=OrganizationKind.POLICE, unit=world.commune_a
    )
    response = client.post(url(petition, accept=True), data, **HTMX)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'role="alert"' in html
    assert f'name="shown_organization" value="{police.pk}"' in html
    assert RoutingSuggestion.objects.count() == 0
    assert client.post(url(petition, accept=True), data).status_code == 409


def test_past_intake_nothing_is_recorded(world, submit, officer):
    client, _user = officer
    head = make_user("head_a", org=world.org_a, role=Role.UNIT_HEAD)
    petition = submit()
    workflow.petition_forward(actor=head, petition=petition, to_organization=world.org_b)
    # org_a still sees what it forwarded, but no longer processes it.
    response = client.post(url(petition, accept=True), {"organization": world.org_b.pk} | shown(world.org_a.pk))
    assert response.status_code == 403
    html = client.get(url(petition), **HTMX).content.decode()
    assert "accept/" not in html
    assert RoutingSuggestion.objects.count() == 0


def test_not_at_intake_for_the_handling_organisation(world, submit, officer):
    client, _user = officer
    head = make_user("head_a", org=world.org_a, role=Role.UNIT_HEAD)
    petition = submit()
    workflow.petition_classify(actor=head, petition=petition, eligible=True, within_competence=True)
    workflow.petition_accept(actor=head, petition=petition)
    response = client.post(url(petition, accept=True), {"organization": world.org_a.pk} | shown(world.org_a.pk))
    assert response.status_code == 409
    assert RoutingSuggestion.objects.count() == 0


def test_denouncer_identity_never_in_panel_or_api(world, submit, officer):
    client, _user = officer
    petition = submit(
        kind="denunciation",
        complaint_round=None,
        subject=f"Tố cáo cán bộ địa chính phường — người tố cáo {DENOUNCER}",
        content=f"Tôi là {DENOUNCER}, điện thoại {DENOUNCER_PHONE}. Cán bộ địa chính phường nhận tiền.",
        respondent_name="cán bộ địa chính phường",
        parties=[PartyData(full_name=DENOUNCER, phone=DENOUNCER_PHONE)],
    )
    panel = client.get(url(petition), **HTMX).content.decode()
    api = client.get(f"/api/routing/petitions/{petition.pk}/suggestion").content.decode()
    for text in (panel, api):
        assert DENOUNCER not in text
        assert "Páo" not in text
        assert DENOUNCER_PHONE not in text
    client.post(url(petition, accept=True), {"organization": world.org_a.pk} | shown(world.org_a.pk))
    record = RoutingSuggestion.objects.get()
    assert DENOUNCER not in record.explanation
    assert DENOUNCER not in str(AuditEvent.objects.order_by("-seq").first().data)


def test_api_body(world, submit, officer):
    client, _user = officer
    petition = submit()
    with translation.override("en"):
        body = client.get(f"/api/routing/petitions/{petition.pk}/suggestion", HTTP_ACCEPT_LANGUAGE="en").json()
    assert body["organization"] == {"id": world.org_a.pk, "name": world.org_a.name}
    assert body["category"] is None
    assert (body["source"], body["respondent"], body["already_there"], body["on_platform"]) == (
        "none",
        "commune_leader",
        True,
        True,
    )
    assert body["rule"]["code"] == "kn-lan-dau-lanh-dao-xa"
    assert body["rule"]["citation"] == "Luật Khiếu nại 2011, Điều 17"
    assert body["decisions"] == []
    assert ClassifierModel.objects.count() == 0


def test_panel_with_a_trained_model(world, submit, officer, head_a, settings):
    from danvan.routing.services import classifier_train

    from .conftest import make_confirmed

    settings.ROUTING_MIN_SAMPLES = 20
    settings.ROUTING_MIN_CONFIDENCE = 0.3
    make_confirmed(world, head_a, per_class=20)
    classifier_train()
    client, _user = officer
    petition = submit(
        kind="feedback",
        complaint_round=None,
        respondent_name="",
        subject="Phản ánh ô nhiễm",
        content="Cơ sở chăn nuôi xả nước thải ra mương, mùi hôi thối ảnh hưởng nhiều hộ dân.",
    )
    env = Category.objects.get(code="environment")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"  # the site is Vietnamese unless the user chose
    html = client.get(url(petition), **HTMX).content.decode()
    assert env.name in html
    assert re.search(r"text classifier v1, probability 0[.,]\d\d\)", html)
    assert html.count('id="id_category"') == 1  # the accept form's hidden inputs carry no id
    assert f'name="shown_category" value="{env.pk}"' in html
    assert 'name="shown_model" value="1"' in html
    data = {"category": env.pk, "organization": world.org_a.pk, "shown_category": env.pk}
    data |= {"shown_organization": world.org_a.pk, "shown_model": 1}
    assert client.post(url(petition, accept=True), data).status_code == 302
    record = RoutingSuggestion.objects.get()
    assert (record.decision, record.model_version, record.source) == (Decision.ACCEPTED, 1, "classifier")
    assert record.confidence is not None
