"""The citizen reception statistics table (Tổng hợp kết quả tiếp công dân), counted over the reception
register through the reception module's selector (``session_list_for_user``): visits (lượt), people,
the heads' periodic and ad hoc reception sessions (kỳ tiếp), crowds and the content of the visits.

Rows and the total follow the petition tables: a province report has a row per commune and one for the
province's own organisations; the total is their sum (the rows partition the scope)."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q, Sum

from danvan.accounts.models import User
from danvan.cases.models import CROWD_RULE, Kind
from danvan.law import selectors as law
from danvan.reports.periods import Period
from danvan.reports.selectors.scope import PROVINCE, ReportScope, scope_organizations

try:
    from danvan.reception.models import ReceptionVisit
    from danvan.reception.models.choices import ReceptionKind
    from danvan.reception.selectors import session_list_for_user

    AVAILABLE = True
except ImportError:  # pragma: no cover - the reception module is built separately
    AVAILABLE = False


def _measures(crowd: Q) -> dict[str, Any]:
    """``crowd``: the visits of a crowd (the law app's crowd size in force on each visit's day)."""
    regular = Q(session__kind=ReceptionKind.REGULAR)
    by_head = Q(session__kind__in=[ReceptionKind.PERIODIC, ReceptionKind.AD_HOC])
    return {
        "reception.visits": Count("pk"),
        "reception.people": Sum("people_count"),
        "reception.regular_visits": Count("pk", filter=regular),
        "reception.regular_people": Sum("people_count", filter=regular),
        "reception.head_sessions": Count("session", filter=by_head, distinct=True),
        "reception.head_visits": Count("pk", filter=by_head),
        "reception.head_people": Sum("people_count", filter=by_head),
        "reception.crowd_groups": Count("pk", filter=crowd),
        "reception.crowd_people": Sum("people_count", filter=crowd),
        "reception.complaints": Count("pk", filter=Q(kind=Kind.COMPLAINT)),
        "reception.denunciations": Count("pk", filter=Q(kind=Kind.DENUNCIATION)),
        "reception.recommendations": Count("pk", filter=Q(kind__in=[Kind.RECOMMENDATION, Kind.FEEDBACK])),
    }


MEASURES = set(_measures(Q())) if AVAILABLE else set()


def reception_counts(*, user: User, scope: ReportScope, period: Period) -> dict[int, dict[str, int]]:
    """Every reception measure per row group (unit in a province report, else organisation)."""
    if not AVAILABLE:
        return {}
    org_ids = list(scope_organizations(user=user, scope=scope).values_list("pk", flat=True))
    visits = ReceptionVisit.objects.filter(
        session__in=session_list_for_user(user=user).values("pk"),
        organization_id__in=org_ids,
        received_on__gte=period.start,
        received_on__lte=period.end,
    )
    group = "organization__unit_id" if scope.kind == PROVINCE else "organization_id"
    measures = _measures(law.at_least_q(CROWD_RULE, day_field="received_on", count_field="people_count"))
    rows = visits.values(group).annotate(**{f"m{i}": m for i, m in enumerate(measures.values())}).order_by()
    names = list(measures)
    return {row[group]: {name: row[f"m{i}"] or 0 for i, name in enumerate(names)} for row in rows}
