"""Citizen reception figures on the dashboard, read only through the reception module's own selectors
(``danvan.reception``): reception days held against those required, the burn-down of complex cases against
the reduction plans, and open hotspots. When that module is absent the dashboard says so."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from danvan.accounts.models import User
from danvan.reports.periods import Period
from danvan.reports.selectors.scope import ReportScope, scope_organizations

try:
    from danvan.reception.compliance import organization_compliance
    from danvan.reception.models.choices import HOTSPOT_OPEN
    from danvan.reception.reports import burn_down
    from danvan.reception.selectors import hotspot_list_for_user, plan_list_for_user

    AVAILABLE = True
except ImportError:  # pragma: no cover - the reception module is built separately
    AVAILABLE = False

COMPLIANCE_MAX_ORGANIZATIONS = 10  # a few queries per organisation: beyond this, see the reception module


@dataclass(frozen=True)
class DutyRow:
    organization: str
    organization_id: int
    required: int
    held: int


@dataclass
class ReceptionPanel:
    duty: list[DutyRow] = field(default_factory=list)
    duty_skipped: bool = False  # too many organisations in the scope to check here
    plans: list[tuple[Any, list[Any]]] = field(default_factory=list)  # (plan, burn-down rows)
    hotspots: list[Any] = field(default_factory=list)
    hotspot_count: int = 0

    @property
    def required(self) -> int:
        return sum(row.required for row in self.duty)

    @property
    def held(self) -> int:
        return sum(row.held for row in self.duty)


def reception_panel(*, user: User, scope: ReportScope, period: Period, today: dt.date) -> ReceptionPanel | None:
    if not AVAILABLE:
        return None
    orgs = list(scope_organizations(user=user, scope=scope))
    panel = ReceptionPanel()
    end = min(period.end, today)
    if len(orgs) > COMPLIANCE_MAX_ORGANIZATIONS:
        panel.duty_skipped = True
    elif period.start <= end:
        for org in orgs:
            heads = organization_compliance(organization=org, start=period.start, end=end, today=today)
            checks = [check for head in heads for check in head.periods]
            if checks:
                required = sum(check.rule.days_required for check in checks)
                panel.duty.append(DutyRow(org.name, org.pk, required, sum(check.counted for check in checks)))
    org_ids = [org.pk for org in orgs]
    for plan in plan_list_for_user(user=user).filter(organization_id__in=org_ids, year=period.end.year):
        panel.plans.append((plan, burn_down(plan=plan, today=today)))
    hotspots = hotspot_list_for_user(user=user).filter(
        unit_id__in={org.unit_id for org in orgs}, status__in=HOTSPOT_OPEN
    )
    panel.hotspot_count = hotspots.count()
    panel.hotspots = list(hotspots.order_by("-score")[:5])
    return panel
