"""The petitions API and Open311, for every persona: allowed calls succeed, denied ones get 401/403/404
and change nothing. ``danvan/portal/tests/test_permission_matrix.py`` checks that every operation and URL
has a row somewhere; the rows here run in this module with the petitions they need."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from danvan.accounts.models import Role, User
from danvan.audit.models import AuditEvent
from danvan.cases.actions import API_ACTIONS, DECIDE, HANDLE, PROCESS, Action
from danvan.cases.models import CaseEvent, Party, Petition
from danvan.cases.services import workflow
from danvan.cases.services.intake import petition_submit
from danvan.testing import PERSONAS, World, make_user
from danvan.testing.matrix import ALL, Endpoint, api_officers, call_endpoint, is_denied

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
    def verification(self) -> Petition:
        """Under verification by the handler persona (handler_same)."""
        handler = self.personas["handler_same"]
        assert handler is not None
        return workflow.petition_start_verification(actor=self.head, petition=self.accepted, handler=handler)

    @cached_property
    def anonymous_denunciation(self) -> Petition:
        return self._new(kind="denunciation", complaint_round=None, is_anonymous=True, parties=[])

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


# Who may take a workflow action, from its declaration (danvan/cases/actions.py): the intake steps, org_a's
# reception officer, handler and head; decisions, its head; the verification work, its handler or its head.
PROCESSING = api_officers(403, citizen=404, officer_other=404, officer_same=200, head_same=200, handler_same=200)
BY_PERMISSION = {
    PROCESS: PROCESSING,
    DECIDE: api_officers(403, citizen=404, officer_other=404, head_same=200),
    HANDLE: api_officers(403, citizen=404, officer_other=404, head_same=200, handler_same=200),
}
# Each API action: (the petition it is taken on, its body, the answers that differ from its permission's).
ACTION_ROWS: dict[str, tuple[str, Callable[[Petitions], dict[str, Any]], dict[str, int]]] = {
    "classify": ("received", lambda c: {"eligible": True, "within_competence": True}, {}),
    "accept": ("classified", lambda c: {}, {}),
    "forward": ("received", lambda c: {"to_organization_id": c.world.org_b.pk}, {}),
    # From org_b to org_a: org_b's officer still sees what it forwarded but no longer processes it.
    "acknowledge": ("forwarded_here", lambda c: {}, {"officer_other": 403}),
    "guide": ("received", lambda c: {"guidance": "Gửi Tòa án nhân dân khu vực", "competent_body": "Tòa án"}, {}),
    "archive": ("received", lambda c: {"ground": "kn11_6"}, {}),
    "inspection_lead": ("anonymous_denunciation", lambda c: {}, {}),
    "start_verification": ("accepted", lambda c: {"handler_id": c.officer_id}, {}),
    "assign": ("accepted", lambda c: {"handler_id": c.officer_id}, {}),
    "dialogue": (
        "verification",
        lambda c: {
            "notified_on": (timezone.localdate() - dt.timedelta(days=8)).isoformat(),
            "held_on": (timezone.localdate() - dt.timedelta(days=1)).isoformat(),
            "minutes": "Hai bên trình bày ý kiến.",
        },
        {},
    ),
    "extend": ("accepted", lambda c: {"reason": "Vụ việc phức tạp"}, {}),
    "suspend": ("accepted", lambda c: {"reason": "Chờ giám định"}, {}),
    "resume": ("suspended", lambda c: {}, {}),
    "withdraw": ("accepted", lambda c: {"full": True}, {}),
    "conclude": ("accepted", lambda c: {"outcome": "right", "answer": "Khiếu nại đúng."}, {}),
    "close": ("concluded", lambda c: {}, {}),
}


def action_row(action: Action) -> Endpoint:
    state, body, differences = ACTION_ROWS[action.name]
    return _transition(action.name, state, BY_PERMISSION[action.perm] | differences, body)


ENDPOINTS = [
    Endpoint(
        "api:POST /api/petitions/",
        "post",
        lambda c: "/api/petitions/",
        api_officers(403, officer_same=201, officer_other=422, head_same=201, handler_same=201),
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
    *[action_row(action) for action in API_ACTIONS.values()],
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
    if "/transitions/" in endpoint.name and expected == 200:
        assert _snapshot() != before, f"allowed {endpoint.name} as {persona} changed nothing"


def test_every_api_action_has_a_row_allowed_to_some_persona():
    assert set(ACTION_ROWS) == set(API_ACTIONS)
    for action in API_ACTIONS.values():
        assert 200 in (BY_PERMISSION[action.perm] | ACTION_ROWS[action.name][2]).values(), action.name


def test_rows_name_every_persona():
    for endpoint in ENDPOINTS:
        assert set(endpoint.expected) == set(PERSONAS), endpoint.name
