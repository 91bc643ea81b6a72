"""Citizens' ratings of their own cases, by organisation and officer: for the organisations' leaders only."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from danvan.accounts.access import officer_required
from danvan.reports.selectors.satisfaction import ratings
from danvan.reports.views.common import report_request


@officer_required
@require_GET
def satisfaction(request: HttpRequest) -> HttpResponse:
    report = report_request(request)
    if not report.user.has_perm("reports.view_ratings"):
        raise PermissionDenied
    by_org, by_officer = ratings(user=report.user, period=report.period)
    context = {"report": report, "by_org": by_org, "by_officer": by_officer}
    return render(request, "reports/satisfaction.html", context, status=200 if report.valid else 400)
