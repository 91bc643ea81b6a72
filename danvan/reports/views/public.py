"""Open data: statistics without personal data, for everyone (CSV, JSON and a page that explains them)."""

from __future__ import annotations

import csv
import datetime as dt
import io

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from danvan.core.spreadsheet import csv_cell
from danvan.reports.periods import Period, parse_period, period_choices, quarter_containing
from danvan.reports.selectors.opendata import FIELDS, open_statistics


def _period(request: HttpRequest) -> Period | None:
    """The period asked for, by default the last quarter whose cut-off date has passed."""
    code = request.GET.get("period")
    if code:
        try:
            return parse_period(code)
        except ValueError:
            return None
    today = timezone.localdate()
    current = quarter_containing(today)
    return quarter_containing(current.start - dt.timedelta(days=1))


@require_GET
def open_data(request: HttpRequest) -> HttpResponse:
    period = _period(request)
    if period is None:
        return render(request, "reports/open_data.html", {"error": _("Unknown reporting period.")}, status=400)
    today = timezone.localdate()
    choices = [p for p in period_choices(today=today) if p.end < today]
    context = {"period": period, "choices": choices, "rows": open_statistics(period=period), "fields": FIELDS}
    return render(request, "reports/open_data.html", context)


@require_GET
def open_data_csv(request: HttpRequest) -> HttpResponse:
    period = _period(request)
    if period is None:
        return HttpResponse(_("Unknown reporting period."), status=400, content_type="text/plain; charset=utf-8")
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=FIELDS, lineterminator="\n")
    writer.writeheader()
    writer.writerows({key: csv_cell(value) for key, value in row.items()} for row in open_statistics(period=period))
    response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="danvan-statistics-{period.code}.csv"'
    return response


@require_GET
def open_data_json(request: HttpRequest) -> HttpResponse:
    period = _period(request)
    if period is None:
        return JsonResponse({"error": _("Unknown reporting period.")}, status=400)
    payload = {
        "period": {"code": period.code, "start": period.start.isoformat(), "end": period.end.isoformat()},
        "citation": period.citation,
        "fields": FIELDS,
        "rows": open_statistics(period=period),
    }
    return JsonResponse(payload, json_dumps_params={"ensure_ascii": False})
