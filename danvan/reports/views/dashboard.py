"""The dashboard, the list behind each of its numbers, and that list as XLSX."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from danvan.accounts.access import officer_required
from danvan.cases.models import Category, Kind, Status
from danvan.core.http import is_htmx
from danvan.geography.models import AdministrativeUnit
from danvan.reports.selectors.dashboard import dashboard as dashboard_data
from danvan.reports.selectors.lists import LISTABLE, OVERDUE, ListFilter, counted_petitions
from danvan.reports.selectors.measures import FORWARDED
from danvan.reports.selectors.reception import reception_panel
from danvan.reports.services.xlsx import EXPORT_LIMIT, case_list_xlsx
from danvan.reports.views.common import ReportRequest, report_request

PAGE_SIZE = 50


def _status(report: ReportRequest) -> int:
    return 200 if report.valid else 400


@officer_required
@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    report = report_request(request)
    board = dashboard_data(user=report.user, scope=report.scope, period=report.period, today=report.today)
    reception = reception_panel(user=report.user, scope=report.scope, period=report.period, today=report.today)
    context = {"report": report, "board": board, "reception": reception}
    template = "reports/dashboard.html#body" if is_htmx(request) else "reports/dashboard.html"
    return render(request, template, context, status=_status(report))


def _wanted(request: HttpRequest) -> ListFilter | None:
    measure = request.GET.get("measure", "")
    if measure not in LISTABLE:
        return None
    values = {name: request.GET.get(name, "")[:30] for name in ("kind", "status", "category", "unit", "row")}
    if values["kind"] and values["kind"] not in Kind.values:
        return None
    if values["status"] and values["status"] not in Status.values:
        return None
    for name in ("unit",):
        if values[name] and not values[name].isdigit():
            return None
    if values["category"] and values["category"] != "none" and not values["category"].isdigit():
        return None
    if values["row"] and not (values["row"][:1] in "uo" and values["row"][1:].isdigit()):
        return None
    return ListFilter(measure, **values)


def describe(wanted: ListFilter) -> list[str]:
    """What the list holds, in words, for its heading and the export's first line."""
    names = {
        OVERDUE: _("overdue now"),
        FORWARDED: _("forwarded to the competent body"),
        "received": _("received in the period"),
        "resolved": _("resolved in the period"),
        "carried_over": _("carried over from the previous period"),
        "pending": _("pending at the end of the period"),
        "total": _("total (carried over and received)"),
        "processed": _("processed in the period"),
    }
    parts = [str(names.get(wanted.measure, wanted.measure))]
    if wanted.kind:
        parts.append(str(Kind(wanted.kind).label))
    if wanted.status:
        parts.append(str(Status(wanted.status).label))
    if wanted.category:
        category = Category.objects.filter(pk=wanted.category).first() if wanted.category != "none" else None
        parts.append(category.name if category else _("no subject area"))
    if wanted.unit:
        unit = AdministrativeUnit.objects.filter(pk=wanted.unit).first()
        parts.append(unit.name if unit else wanted.unit)
    return parts


@officer_required
@require_GET
def petition_list(request: HttpRequest) -> HttpResponse:
    report = report_request(request)
    wanted = _wanted(request)
    if wanted is None or not report.valid:
        context = {"report": report, "error": _("This list does not exist. Choose a number on the dashboard.")}
        return render(request, "reports/petition_list.html", context, status=400)
    petitions = counted_petitions(
        user=report.user, scope=report.scope, period=report.period, wanted=wanted, today=report.today
    ).order_by("-received_on", "-pk")
    page = Paginator(petitions, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "report": report,
        "wanted": wanted,
        "description": describe(wanted),
        "page": page,
        "query": query.urlencode(),
    }
    return render(request, "reports/petition_list.html", context)


@officer_required
@require_GET
def petition_list_xlsx(request: HttpRequest) -> HttpResponse:
    report = report_request(request)
    wanted = _wanted(request)
    if wanted is None or not report.valid:
        return HttpResponse(_("This list does not exist."), status=400, content_type="text/plain; charset=utf-8")
    petitions = counted_petitions(
        user=report.user, scope=report.scope, period=report.period, wanted=wanted, today=report.today
    ).order_by("-received_on", "-pk")
    description = f"{report.scope.name} — {report.period.label} — {', '.join(describe(wanted))}"
    content = case_list_xlsx(actor=report.user, petitions=list(petitions[:EXPORT_LIMIT]), description=description)
    response = HttpResponse(content, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="danvan-petitions-{report.period.code}.xlsx"'
    return response
