"""The satisfaction survey: bad input refused with a clear message, one answer per form and per person,
results published per organisation only from MIN_PUBLISHED answers, comments never published."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import translation
from django.utils.html import escape

from danvan.audit.models import AuditEvent
from danvan.feedback.models import SurveyResponse
from danvan.feedback.selectors import MIN_PUBLISHED, published_results
from danvan.feedback.services import issue_survey_token

SCORES = {"access": 4, "procedures": 3, "attitude": 5, "results": 4, "feedback_handling": 2}


@pytest.fixture(autouse=True)
def _clear_rate_limits():
    cache.clear()


def shown(msgid: str) -> str:
    """``msgid`` as the page shows it: in Vietnamese (the site's language), HTML-escaped."""
    with translation.override("vi"):
        return escape(translation.gettext(msgid))


def post(client: Client, org, **overrides):
    data = {**SCORES, "comment": "", "form_token": issue_survey_token(), **overrides}
    return client.post(f"/feedback/{org.pk}/", data)


def test_an_answer_is_recorded_anonymously(client, world):
    response = post(client, world.org_a, comment="  Cán bộ   nhiệt tình  ")
    assert response.status_code == 302
    assert response["Location"] == f"/feedback/results/{world.org_a.pk}/"
    answer = SurveyResponse.objects.get()
    assert (answer.organization, answer.attitude, answer.comment) == (world.org_a, 5, "Cán bộ nhiệt tình")
    assert AuditEvent.objects.filter(action="feedback.survey_answered", actor=None).count() == 1


@pytest.mark.parametrize(
    ("field", "value"), [("access", "0"), ("results", "6"), ("attitude", "abc"), ("procedures", "")]
)
def test_out_of_range_scores_are_refused_with_a_message(client, world, field, value):
    response = post(client, world.org_a, **{field: value})
    assert response.status_code == 400
    assert shown("Choose a score from 1 (very dissatisfied) to 5 (very satisfied).") in response.content.decode()
    assert not SurveyResponse.objects.exists()


def test_vietnamese_is_the_default_language_of_the_messages(client, world):
    response = post(client, world.org_a, access="9")
    assert response.status_code == 400
    assert response.context["form"].errors["access"]


def test_the_same_form_twice_is_recorded_once(client, world):
    token = issue_survey_token()
    assert post(client, world.org_a, form_token=token).status_code == 302
    other_browser = Client()
    again = post(other_browser, world.org_a, form_token=token)
    assert again.status_code == 409
    assert shown("This form was already sent; your answers were recorded once.") in again.content.decode()
    assert SurveyResponse.objects.count() == 1


def test_a_person_answers_once_per_organisation_and_year(client, world):
    assert post(client, world.org_a).status_code == 302
    again = post(client, world.org_a)
    page = client.get(f"/feedback/{world.org_a.pk}/")
    message = shown("You have already answered the survey about this organisation this year. Thank you.")
    assert again.status_code == 409
    assert message in again.content.decode()
    assert message in page.content.decode()
    assert post(client, world.org_b).status_code == 302  # another organisation is fine
    assert SurveyResponse.objects.count() == 2


def test_a_forged_or_expired_token_is_refused(client, world):
    response = post(client, world.org_a, form_token="forged:token")
    assert response.status_code == 400
    assert shown("The form has expired. Please open the survey again.") in response.content.decode()


def test_rate_limited_per_address(client, world):
    statuses = [post(Client(), world.org_a).status_code for _ in range(21)]
    assert statuses[:20] == [302] * 20
    assert statuses[20] == 429


def test_unknown_or_inactive_organisation_is_404(client, world):
    assert client.get("/feedback/999999/").status_code == 404
    world.org_b.is_active = False
    world.org_b.save()
    assert client.get(f"/feedback/{world.org_b.pk}/").status_code == 404
    assert client.get("/feedback/results/?year=1999").status_code == 404


def test_results_are_published_from_the_minimum_number_of_answers(client, world):
    for i in range(MIN_PUBLISHED - 1):
        assert post(Client(), world.org_a, access=str(1 + i % 5), comment="bí mật").status_code == 302
    assert published_results(year=SurveyResponse.objects.first().year) == []
    page = client.get(f"/feedback/results/{world.org_a.pk}/")
    assert page.context["result"] is None
    assert page.context["count"] == MIN_PUBLISHED - 1
    assert post(Client(), world.org_a, access="5").status_code == 302
    result = client.get(f"/feedback/results/{world.org_a.pk}/").context["result"]
    # access: 1, 2, 3, 4 and 5 → 3.00; attitude always 5; index = (mean of the five criteria − 1) × 25
    assert result.count == MIN_PUBLISHED
    assert (result.averages["access"], result.averages["attitude"]) == (3, 5)
    assert str(result.index) == "60.0"  # mean (3 + 3 + 5 + 4 + 2) / 5 = 3.4 → (3.4 − 1) × 25
    listing = client.get("/feedback/results/")
    assert [r.organization for r in listing.context["results"]] == [world.org_a]
    assert "bí mật" not in listing.content.decode() + page.content.decode()
