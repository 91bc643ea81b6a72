"""The statistical tables (HTML and XLSX) and the narrative report (draft form and DOCX)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from danvan.accounts.access import officer_required
from danvan.reports.forms import DraftForm
from danvan.reports.models import ReportDraft
from danvan.reports.selectors.tables import build_tables
from danvan.reports.services.narrative import (
    DraftData,
    default_recipients,
    draft_for,
    draft_save,
    issuing_organization,
    narrative_export,
)
from danvan.reports.services.xlsx import statistics_xlsx as statistics_workbook
from danvan.reports.views.common import ReportRequest, report_request

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@officer_required
@require_GET
def statistics(request: HttpRequest) -> HttpResponse:
    report = report_request(request)
    tables = build_tables(user=report.user, scope=report.scope, period=report.period)
    return render(
        request, "reports/statistics.html", {"report": report, "tables": tables}, status=200 if report.valid else 400
    )


@officer_required
@require_GET
def statistics_xlsx(request: HttpRequest) -> HttpResponse:
    report = report_request(request)
    if not report.valid:
        return HttpResponse(_("Unknown reporting period."), status=400, content_type="text/plain; charset=utf-8")
    tables = build_tables(user=report.user, scope=report.scope, period=report.period)
    content = statistics_workbook(tables=tables, scope=report.scope, period=report.period)
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = (
        f'attachment; filename="danvan-statistics-{report.scope.code}-{report.period.code}.xlsx"'
    )
    return response


def _draft_initial(report: ReportRequest) -> dict[str, str]:
    draft = draft_for(scope=report.scope, period=report.period)
    if draft is None:
        return {"recipients": default_recipients(report.scope), "signer_name": ""}
    return {
        name: getattr(draft, name) for name in ("results", "shortcomings", "proposals", "recipients", "signer_name")
    }


def _save(report: ReportRequest, form: DraftForm) -> ReportDraft:
    organization = issuing_organization(user=report.user, scope=report.scope)
    if organization is None:
        raise PermissionDenied
    return draft_save(
        actor=report.user,
        scope=report.scope,
        period=report.period,
        organization=organization,
        data=DraftData(**form.cleaned_data),
    )


@officer_required
@require_http_methods(["GET", "POST"])
def narrative(request: HttpRequest) -> HttpResponse:
    report = report_request(request)
    if not report.valid:
        return render(request, "reports/narrative.html", {"report": report, "form": DraftForm()}, status=400)
    form = DraftForm(request.POST or None, initial=_draft_initial(report))
    if request.method == "POST":
        if not form.is_valid():
            return render(request, "reports/narrative.html", {"report": report, "form": form}, status=400)
        _save(report, form)
        messages.success(request, _("The draft report was saved."))
        return redirect(f"{reverse('reports:narrative')}?{report.query}")
    context = {"report": report, "form": form, "draft": draft_for(scope=report.scope, period=report.period)}
    return render(request, "reports/narrative.html", context)


@officer_required
@require_POST
def narrative_docx(request: HttpRequest) -> HttpResponse:
    """Save the form as the draft, then export it (the first export numbers the report)."""
    report = report_request(request)
    form = DraftForm(request.POST)
    if not report.valid or not form.is_valid():
        return render(request, "reports/narrative.html", {"report": report, "form": form}, status=400)
    draft = _save(report, form)
    tables = build_tables(user=report.user, scope=report.scope, period=report.period)
    content = narrative_export(actor=report.user, draft=draft, period=report.period, tables=tables)
    response = HttpResponse(content, content_type=DOCX)
    response["Content-Disposition"] = f'attachment; filename="bao-cao-{report.period.code}.docx"'
    return response
