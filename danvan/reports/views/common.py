"""What every report view needs: the user's scopes, the chosen scope and period, the filter form."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.utils import timezone

from danvan.accounts.models import User
from danvan.reports.forms import ReportFilterForm
from danvan.reports.periods import CUSTOM, Period, quarter_containing
from danvan.reports.selectors.scope import ReportScope, default_scope, find_scope, scopes_for_user


@dataclass
class ReportRequest:
    user: User
    scope: ReportScope
    period: Period
    form: ReportFilterForm
    today: dt.date
    valid: bool

    @property
    def query(self) -> str:
        """The scope and period as a query string, for the links of every number."""
        params = {"scope": self.scope.code, "period": self.period.code}
        if self.period.kind == CUSTOM:
            params = {
                "scope": self.scope.code,
                "period": CUSTOM,
                "start": self.period.start.isoformat(),
                "end": self.period.end.isoformat(),
            }
        return urlencode(params)


def current_user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


def report_request(request: HttpRequest) -> ReportRequest:
    """Resolve the filter. A scope outside the user's jurisdiction is "not found" (404), like a petition."""
    user = current_user(request)
    if not user.has_perm("reports.view_reports"):
        raise PermissionDenied
    scopes = scopes_for_user(user=user)
    fallback = default_scope(user=user, scopes=scopes)
    if fallback is None:
        raise PermissionDenied
    today = timezone.localdate()
    data = request.GET.copy()
    data.setdefault("scope", fallback.code)
    data.setdefault("period", quarter_containing(today).code)
    wanted = str(data.get("scope", ""))
    if find_scope(scopes, wanted) is None:
        raise Http404
    form = ReportFilterForm(data, scopes=scopes, today=today)
    valid = form.is_valid() and form.resolved is not None
    scope = find_scope(scopes, wanted) or fallback
    period = form.resolved if valid and form.resolved else quarter_containing(today)
    return ReportRequest(user, scope, period, form, today, valid)
