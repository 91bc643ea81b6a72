"""The survey and its published results are open to everyone, with or without an account."""

from __future__ import annotations

import pytest

from danvan.feedback.models import SurveyResponse
from danvan.feedback.services import issue_survey_token
from danvan.testing import PERSONAS
from danvan.testing.matrix import ALL, Endpoint, call_endpoint


def answers(w) -> dict[str, object]:
    scores = {"access": 4, "procedures": 3, "attitude": 5, "results": 4, "feedback_handling": 2}
    return {**scores, "comment": "", "form_token": issue_survey_token()}


ENDPOINTS = [
    Endpoint("feedback:survey_index", "get", lambda w: "/feedback/?q=tan+phong", ALL),
    Endpoint("feedback:survey", "get", lambda w: f"/feedback/{w.org_a.pk}/", ALL),
    Endpoint("feedback:survey", "post", lambda w: f"/feedback/{w.org_a.pk}/", dict.fromkeys(PERSONAS, 302), answers),
    Endpoint("feedback:results", "get", lambda w: "/feedback/results/", ALL),
    Endpoint("feedback:organization_results", "get", lambda w: f"/feedback/results/{w.org_a.pk}/", ALL),
]


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=lambda e: f"{e.method} {e.name}")
def test_endpoint_for_persona(endpoint, persona, world, personas, as_persona):
    response = call_endpoint(endpoint, as_persona(persona), world)
    assert response.status_code == endpoint.expected[persona], f"{endpoint.name} as {persona}"
    if endpoint.method == "post":
        assert SurveyResponse.objects.count() == 1
