"""Every routing view and API operation × every persona, against a petition received by commune A's
People's Committee (org_a). Seeing the suggestion follows the case page; recording a decision is for the
processing roles of the handling organisation (here officer_same). Denied POSTs change nothing."""

from __future__ import annotations

import pytest
from django.utils import timezone

from danvan.audit.models import AuditEvent
from danvan.cases.models import CaseEvent, Petition
from danvan.cases.services.intake import PartyData, PetitionData, petition_submit
from danvan.routing.models import RoutingSuggestion
from danvan.routing.selectors import suggest_routing
from danvan.testing import PERSONAS, World
from danvan.testing.matrix import Endpoint, api_officers, call_endpoint, is_denied, officers


def accept_data(w) -> dict[str, object]:
    s = suggest_routing(w.petition)
    return {
        "category": s.category_id or "",
        "organization": s.organization_id or "",
        "shown_category": s.category_id or "",
        "shown_organization": s.organization_id or "",
        "shown_model": s.model_version or "",
    }


ENDPOINTS: list[Endpoint] = [
    Endpoint(
        "routing:petition_suggestion",
        "get",
        lambda w: f"/routing/petitions/{w.petition.pk}/suggestion/",
        officers(200, officer_other=404),
    ),
    Endpoint(
        "routing:petition_suggestion_accept",
        "post",
        lambda w: f"/routing/petitions/{w.petition.pk}/suggestion/accept/",
        officers(403, officer_other=404, officer_same=302, head_same=302, handler_same=302),
        accept_data,
    ),
    Endpoint(
        "api:GET /api/routing/petitions/{petition_id}/suggestion",
        "get",
        lambda w: f"/api/routing/petitions/{w.petition.pk}/suggestion",
        api_officers(200, citizen=404, officer_other=404),
    ),
]


def _petition(world: World) -> Petition:
    data = PetitionData(
        kind="denunciation",
        subject="Tố cáo cán bộ địa chính phường nhận tiền",
        content="Cán bộ địa chính phường yêu cầu nộp thêm tiền ngoài lệ phí, không có biên lai.",
        unit=world.commune_a,
        respondent_name="cán bộ địa chính phường Tân Phong",
        received_on=timezone.localdate(),
        parties=[PartyData(full_name="Lò Văn Páo", phone="0987654321")],
    )
    return petition_submit(actor=None, data=data, receiving_organization=world.org_a).petition


def _snapshot(world) -> tuple[tuple[object, ...], tuple[int, int, int]]:
    petition = Petition.objects.get(pk=world.petition.pk)
    state = (petition.status, petition.category_id, petition.handling_organization_id, petition.updated_at)
    return state, (RoutingSuggestion.objects.count(), CaseEvent.objects.count(), AuditEvent.objects.count())


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=lambda e: f"{e.method} {e.name}")
def test_endpoint_for_persona(endpoint: Endpoint, persona: str, world, personas, as_persona):
    world.petition = _petition(world)
    client = as_persona(persona)
    expected = endpoint.expected[persona]
    before = _snapshot(world)
    response = call_endpoint(endpoint, client, world)
    assert response.status_code == expected, f"{endpoint.method} {endpoint.name} as {persona}: {response.status_code}"
    after = _snapshot(world)
    if endpoint.method == "get" or is_denied(expected, persona):
        assert after == before, f"{endpoint.method} {endpoint.name} as {persona} changed data"
    else:
        # The one allowed POST records the decision (and its audit row) and leaves the petition alone.
        (state, (suggestions, events, audits)), (state_after, counts_after) = before, after
        assert state_after == state
        assert counts_after == (suggestions + 1, events, audits + 1)
    if response.status_code == 200:
        assert "Lò Văn Páo" not in response.content.decode()
        assert "0987654321" not in response.content.decode()
