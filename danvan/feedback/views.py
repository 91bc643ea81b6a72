"""The public satisfaction survey (no account) and its published results per organisation."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods
from django_ratelimit.core import is_ratelimited

from danvan.accounts.models import Organization
from danvan.core.errors import DomainError
from danvan.core.middleware import client_ip
from danvan.feedback.forms import SurveyForm
from danvan.feedback.selectors import MIN_PUBLISHED, published_results, response_count, survey_organizations
from danvan.feedback.services import SurveyAnswer, issue_survey_token, survey_submit

SUBMIT_RATE = "20/h"
SESSION_KEY = "feedback_answered"
PAGE_SIZE = 30


def _ip_key(group: str, request: HttpRequest) -> str:
    return client_ip(request) or "unknown"


def _organization(organization_id: int) -> Organization:
    return get_object_or_404(Organization.objects.select_related("unit"), pk=organization_id, is_active=True)


def _year(request: HttpRequest) -> int:
    value = request.GET.get("year", "")
    this_year = timezone.localdate().year
    if not value:
        return this_year
    if not value.isdigit() or not 2000 <= int(value) <= this_year:
        raise Http404
    return int(value)


@require_GET
def survey_index(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "")[:100]
    page = Paginator(survey_organizations(query=query), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "feedback/index.html", {"page": page, "q": query})


@require_http_methods(["GET", "POST"])
def survey(request: HttpRequest, organization_id: int) -> HttpResponse:
    organization = _organization(organization_id)
    marker = f"{organization.pk}:{timezone.localdate().year}"
    answered = marker in request.session.get(SESSION_KEY, [])
    if request.method == "GET":
        form = SurveyForm(initial={"form_token": issue_survey_token()})
        context = {"organization": organization, "form": form, "answered": answered}
        return render(request, "feedback/survey.html", context)
    if is_ratelimited(request=request, group="feedback.survey", key=_ip_key, rate=SUBMIT_RATE, increment=True):
        return render(request, "cases/rate_limited.html", status=429)
    form = SurveyForm(request.POST)
    if form.is_valid():
        answer = SurveyAnswer(scores=form.scores(), comment=form.cleaned_data["comment"])
        try:
            survey_submit(
                organization=organization,
                answer=answer,
                token=form.cleaned_data["form_token"],
                answered_before=answered,
            )
        except DomainError as exc:
            form.add_error(None, str(exc.message))
            status = exc.status
        else:
            request.session[SESSION_KEY] = [*request.session.get(SESSION_KEY, []), marker]
            messages.success(request, _("Thank you. Your answers were recorded anonymously."))
            return redirect("feedback:organization_results", organization_id=organization.pk)
    else:
        status = 400
    context = {"organization": organization, "form": form, "answered": answered}
    return render(request, "feedback/survey.html", context, status=status)


@require_GET
def results(request: HttpRequest) -> HttpResponse:
    year = _year(request)
    context = {"year": year, "results": published_results(year=year), "minimum": MIN_PUBLISHED}
    return render(request, "feedback/results.html", context)


@require_GET
def organization_results(request: HttpRequest, organization_id: int) -> HttpResponse:
    organization = _organization(organization_id)
    year = _year(request)
    found = published_results(year=year, organization=organization)
    context = {
        "organization": organization,
        "year": year,
        "result": found[0] if found else None,
        "count": response_count(organization=organization, year=year),
        "minimum": MIN_PUBLISHED,
    }
    return render(request, "feedback/organization_results.html", context)
