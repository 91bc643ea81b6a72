"""Every view and API operation of the search app × every persona. Reads only: a denied call (and an
allowed one) changes nothing. Who is who: danvan.testing; the petition is org_a's (commune A), the
candidate an earlier one of the province's People's Committee with the same personal ID."""

from __future__ import annotations

import pytest

from danvan.audit.models import AuditEvent
from danvan.cases.models import CaseEvent, Petition
from danvan.cases.services.intake import PartyData, petition_submit
from danvan.search.models import PetitionDocument
from danvan.search.services import index_petition
from danvan.testing import PERSONAS, World
from danvan.testing.matrix import Endpoint, api_officers, call_endpoint, officers

from .conftest import ID_AN, data_for

# The panel and its API: who may process the petition (org_a's reception officer); who may not see it
# at all gets a 404; who sees it without processing it, a 403.
PROCESSORS = officers(403, officer_other=404, officer_same=200, head_same=200, handler_same=200)

ENDPOINTS = [
    Endpoint("search:petitions", "get", lambda w: "/search/?q=thu+h%E1%BB%93i+%C4%91%E1%BA%A5t", officers(200)),
    Endpoint(
        "search:petition_candidates", "get", lambda w: f"/search/petitions/{w.petition.pk}/candidates/", PROCESSORS
    ),
    Endpoint(
        "search:intake_candidates",
        "post",
        lambda w: "/search/intake/candidates/",
        officers(403, officer_same=200, officer_other=200, head_same=200, handler_same=200),
        lambda w: {"unit": w.commune_a.pk, "personal_id": ID_AN, "subject": "Khiếu nại thu hồi đất"},
    ),
    Endpoint("api:GET /api/search/petitions", "get", lambda w: "/api/search/petitions?q=dat", api_officers(200)),
    Endpoint(
        "api:GET /api/search/petitions/{petition_id}/candidates",
        "get",
        lambda w: f"/api/search/petitions/{w.petition.pk}/candidates",
        api_officers(403, citizen=404, officer_other=404, officer_same=200, head_same=200, handler_same=200),
    ),
]


def _prepare(world: World) -> None:
    person = [PartyData(full_name="Nguyễn Văn An", personal_id=ID_AN)]
    earlier = petition_submit(
        actor=None, data=data_for(world, parties=person), receiving_organization=world.province_committee
    ).petition
    world.petition = petition_submit(
        actor=None, data=data_for(world, parties=person), receiving_organization=world.org_a
    ).petition
    for petition in (earlier, world.petition):
        index_petition(petition.pk)


def _snapshot() -> tuple[int, ...]:
    return (
        Petition.objects.count(),
        CaseEvent.objects.count(),
        AuditEvent.objects.count(),
        PetitionDocument.objects.count(),
    )


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=lambda e: f"{e.method} {e.name}")
def test_endpoint_for_persona(endpoint: Endpoint, persona: str, world, personas, as_persona):
    _prepare(world)
    client = as_persona(persona)
    expected = endpoint.expected[persona]
    before = _snapshot()
    response = call_endpoint(endpoint, client, world)
    assert response.status_code == expected, f"{endpoint.method} {endpoint.name} as {persona}: {response.status_code}"
    assert _snapshot() == before, f"{endpoint.name} as {persona} changed data"


def test_rows_name_every_persona():
    for endpoint in ENDPOINTS:
        assert set(endpoint.expected) == set(PERSONAS), endpoint.name


def test_the_panel_lists_the_candidate_for_the_processor(world, as_persona):
    _prepare(world)
    response = as_persona("officer_same").get(f"/search/petitions/{world.petition.pk}/candidates/")
    assert len(response.context["rows"]) == 1


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_intake_panel_looks_only_in_the_personas_jurisdiction(persona, world, personas, as_persona):
    """A commune of another province (the candidate's twin is there): no officer of Lai Châu finds it, and
    nothing changes whoever asks."""
    twin = petition_submit(
        actor=None,
        data=data_for(
            world, unit=world.other_commune, parties=[PartyData(full_name="Nguyễn Văn An", personal_id=ID_AN)]
        ),
        receiving_organization=world.org_other,
    ).petition
    index_petition(twin.pk)
    before = _snapshot()
    body = {"unit": world.other_commune.pk, "personal_id": ID_AN, "subject": "Khiếu nại thu hồi đất"}
    response = as_persona(persona).post("/search/intake/candidates/", body)
    assert twin.tracking_code not in response.content.decode()
    if response.status_code == 200:  # who may register petitions: the commune is not theirs
        assert (response.context["candidates"], bool(response.context["error"])) == ([], True)
    assert _snapshot() == before
