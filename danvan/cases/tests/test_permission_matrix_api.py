"""The petitions API and Open311, for every persona: allowed calls succeed, denied ones get 401/403/404
and change nothing. ``danvan/portal/tests/test_permission_matrix.py`` checks that every operation and URL
has a row somewhere; the rows here run in this module with the petitions they need."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import pytest
from django.core.cache import cache
from django.test import Client

from danvan.accounts.models import Role, User
from danvan.audit.models import AuditEvent
from danvan.cases.models import CaseEvent, Party, Petition
from danvan.cases.services import workflow
from danvan.cases.services.intake import petition_submit
from danvan.core.testing import PERSONAS, World, make_user
from danvan.core.testing_matrix import ALL, Endpoint, api_officers, call_endpoint, is_denied

from .conftest import petition_data
from .test_api import api_payload
from .test_open311 import report


@dataclass
class Petitions:
    """The petitions each row needs, made on first use (before the request is sent)."""

    world: World
    personas: dict[str, User | None]

    @cached_property
    def head(self) -> User:
        return make_user("head_a", org=self.world.org_a, role=Role.UNIT_HEAD)

    def _new(self, **overrides) -> Petition:
        data = petition_data(self.world, **overrides)
        return petition_submit(actor=None, data=data, receiving_organization=self.world.org_a).petition

    @cached_property
    def received(self) -> Petition:
        return self._new()

    @cached_property
    def public_feedback(self) -> Petition:
        return self._new(kind="feedback", complaint_round=None)

    @cached_property
    def classified(self) -> Petition:
        return workflow.petition_classify(actor=self.head, petition=self._new(), eligible=True, within_competence=True)

    @cached_property
    def accepted(self) -> Petition:
        return workflow.petition_accept(actor=self.head, petition=self.classified)

    @cached_property
    def suspended(self) -> Petition:
        return workflow.petition_suspend(actor=self.head, petition=self.accepted, reason="Chờ giám định")

    @cached_property
    def concluded(self) -> Petition:
        return workflow.petition_conclude(actor=self.head, petition=self.accepted, outcome="right", answer="Đúng.")

    @cached_property
    def forwarded_here(self) -> Petition:
        """From commune B's committee to commune A's: commune A acknowledges it."""
        head_b = make_user("head_b", org=self.world.org_b, role=Role.UNIT_HEAD)
        data = petition_data(self.world, unit=self.world.commune_b)
        petition = petition_submit(actor=None, data=data, receiving_organization=self.world.org_b).petition
        return workflow.petition_forward(actor=head_b, petition=petition, to_organization=self.world.org_a)

    @property
    def officer_id(self) -> int:
        user = self.personas["officer_same"]
        assert user is not None
        return user.pk


def _transition(action: str, state: str, expected: dict[str, int], body: dict | None = None) -> Endpoint:
    return Endpoint(
        "api:POST /api/petitions/{petition_id}/transitions/{action}",
        "post",
        lambda c: f"/api/petitions/{getattr(c, state).pk}/transitions/{action}",
        expected,
        (lambda c: body(c) if callable(body) else (body or {})),
        json=True,
    )


# Processing steps: the reception officer of the handling organisation. Decisions: only the head, who is
# no persona here (see test_api_transitions.py), so every persona is refused.
PROCESS = api_officers(403, citizen=404, officer_other=404, officer_same=200)
DECIDE = api_officers(403, citizen=404, officer_other=404)

ENDPOINTS = [
    Endpoint(
        "api:POST /api/petitions/",
        "post",
        lambda c: "/api/petitions/",
        api_officers(403, officer_same=201, officer_other=422),
        lambda c: api_payload(c.world),
        json=True,
    ),
    Endpoint("api:GET /api/petitions/", "get", lambda c: "/api/petitions/", api_officers(200)),
    Endpoint(
        "api:GET /api/petitions/{petition_id}",
        "get",
        lambda c: f"/api/petitions/{c.received.pk}",
        api_officers(200, citizen=404, officer_other=404),
    ),
    _transition("classify", "received", PROCESS, {"eligible": True, "within_competence": True}),
    _transition("forward", "received", PROCESS, lambda c: {"to_organization_id": c.world.org_b.pk}),
    _transition("guide", "received", PROCESS, {"guidance": "Gửi Tòa án nhân dân khu vực", "competent_body": "Tòa án"}),
    _transition("archive", "received", PROCESS, {"ground": "kn11_6"}),
    _transition("acknowledge", "forwarded_here", PROCESS | {"officer_other": 403}),
    _transition("accept", "classified", DECIDE),
    _transition("start_verification", "accepted", DECIDE, lambda c: {"handler_id": c.officer_id}),
    _transition("assign", "accepted", DECIDE, lambda c: {"handler_id": c.officer_id}),
    _transition("extend", "accepted", DECIDE, {"reason": "Vụ việc phức tạp"}),
    _transition("suspend", "accepted", DECIDE, {"reason": "Chờ giám định"}),
    _transition("resume", "suspended", DECIDE),
    _transition("withdraw", "accepted", DECIDE, {"full": True}),
    _transition("conclude", "accepted", DECIDE, {"outcome": "right", "answer": "Khiếu nại đúng."}),
    _transition("close", "concluded", DECIDE),
    # --- Open311: public, the same for everyone ------------------------------------------------------
    Endpoint("open311:services", "get", lambda c: "/open311/v2/services.json", ALL),
    Endpoint("open311:service_definition", "get", lambda c: "/open311/v2/services/infrastructure.xml", ALL),
    Endpoint("open311:requests", "get", lambda c: "/open311/v2/requests.xml", ALL),
    Endpoint(
        "open311:requests",
        "post",
        lambda c: "/open311/v2/requests.json",
        dict.fromkeys(PERSONAS, 201),
        lambda c: report(c.world),
    ),
    Endpoint(
        "open311:request_detail",
        "get",
        lambda c: f"/open311/v2/requests/{c.public_feedback.tracking_code}.json",
        ALL,
    ),
]


def _snapshot():
    statuses = list(Petition.objects.order_by("pk").values_list("pk", "status", "handling_organization_id"))
    return statuses, CaseEvent.objects.count(), Party.objects.count(), AuditEvent.objects.count()


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=lambda e: e.name)
def test_endpoint_for_persona(endpoint: Endpoint, persona: str, world, personas, as_persona):
    cache.clear()  # Open311 rate limits
    petitions = Petitions(world, personas)
    endpoint.path(petitions)  # make the petition the row needs before looking at the data
    client: Client = as_persona(persona)
    expected = endpoint.expected[persona]
    before = _snapshot()
    response = call_endpoint(endpoint, client, petitions)
    assert response.status_code == expected, f"{endpoint.name} as {persona}: {response.status_code}"
    if endpoint.method == "post" and (is_denied(expected, persona) or expected >= 400):
        assert _snapshot() == before, f"denied {endpoint.name} as {persona} changed data"


def test_rows_name_every_persona():
    for endpoint in ENDPOINTS:
        assert set(endpoint.expected) == set(PERSONAS), endpoint.name
