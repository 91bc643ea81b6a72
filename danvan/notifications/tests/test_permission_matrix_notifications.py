import pytest

from danvan.notifications.models import Preference
from danvan.testing import PERSONAS
from danvan.testing.matrix import Endpoint, call_endpoint, is_denied, officers

ENDPOINTS = [
    Endpoint("notifications:list", "get", lambda w: "/workspace/notifications/", officers(200)),
    Endpoint("notifications:mark_read", "post", lambda w: "/workspace/notifications/read/", officers(302)),
    Endpoint(
        "notifications:preference",
        "post",
        lambda w: "/workspace/notifications/preference/",
        officers(302),
        lambda w: {"delivery": "daily_digest"},
    ),
]


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=lambda e: e.name)
def test_endpoint_for_persona(endpoint, persona, world, as_persona):
    before = Preference.objects.count()
    response = call_endpoint(endpoint, as_persona(persona), world)
    assert response.status_code == endpoint.expected[persona]
    if is_denied(endpoint.expected[persona], persona):
        assert Preference.objects.count() == before


def test_bad_preference_is_refused(world, as_persona):
    response = as_persona("officer_same").post("/workspace/notifications/preference/", {"delivery": "pigeon"})
    assert response.status_code == 400
    assert Preference.objects.count() == 0
