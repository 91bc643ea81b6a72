"""The legal-basis page for every persona: every officer reads it (a GET that changes nothing), a citizen is
refused, an anonymous visitor is sent to log in."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from danvan.audit.models import AuditEvent
from danvan.law.models import LegalFigure, LegalGround
from danvan.testing import PERSONAS
from danvan.testing.matrix import Endpoint, call_endpoint, officers

ENDPOINTS = [Endpoint("law:rule_list", "get", lambda w: "/law/?on=2026-07-01&q=dong+nguoi", officers(200))]

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=lambda e: e.name)
def test_endpoint_for_persona(endpoint, persona, world, personas, as_persona):
    before = (LegalFigure.objects.count(), LegalGround.objects.count(), AuditEvent.objects.count())
    response = call_endpoint(endpoint, as_persona(persona), SimpleNamespace(world=world, personas=personas))
    assert response.status_code == endpoint.expected[persona]
    if response.status_code == 200:
        assert "reception.crowd_min_people" in response.content.decode()
    assert (LegalFigure.objects.count(), LegalGround.objects.count(), AuditEvent.objects.count()) == before


def test_matrix_names_every_persona():
    for endpoint in ENDPOINTS:
        assert set(endpoint.expected) == set(PERSONAS), endpoint.name
