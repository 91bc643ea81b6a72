import pytest

from danvan.calendar.models import Deadline
from danvan.testing import PERSONAS
from danvan.testing.matrix import Endpoint, call_endpoint, is_denied, officers

SNAPSHOT = ("pk", "state", "due_on", "paused_on", "completed_on", "responsible_id", "notified_soon")
ENDPOINTS = [
    Endpoint("deadlines:mine", "get", lambda w: "/workspace/deadlines/", officers(200)),
]


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=lambda e: e.name)
def test_endpoint_for_persona(endpoint, persona, world, as_persona):
    before = list(Deadline.objects.values_list(*SNAPSHOT))
    response = call_endpoint(endpoint, as_persona(persona), world)
    assert response.status_code == endpoint.expected[persona]
    if is_denied(endpoint.expected[persona], persona):
        assert list(Deadline.objects.values_list(*SNAPSHOT)) == before
