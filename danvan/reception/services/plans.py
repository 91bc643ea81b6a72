"""Reduction plans: per organisation and year, the number of complex cases still open at each quarter's end."""

from __future__ import annotations

from itertools import pairwise

from django.db import transaction

from danvan.accounts.models import Organization, User
from danvan.reception.errors import ReceptionErrorCode, field_error
from danvan.reception.models import ReductionPlan, ReductionTarget
from danvan.reception.reports import open_cases_on, quarter_bounds
from danvan.reception.services.common import audit, today


@transaction.atomic
def plan_create(
    *, actor: User, organization: Organization, year: int, targets: dict[int, int], baseline: int | None = None
) -> ReductionPlan:
    if not 2000 <= year <= today().year + 5:
        raise field_error(ReceptionErrorCode.INVALID, "year")
    if ReductionPlan.objects.filter(organization=organization, year=year).exists():
        raise field_error(ReceptionErrorCode.PLAN_EXISTS, "year")
    start = quarter_bounds(year, 1)[0]
    baseline = open_cases_on(organizations=[organization.pk], day=start) if baseline is None else baseline
    if set(targets) != {1, 2, 3, 4} or baseline < 0 or any(value < 0 for value in targets.values()):
        raise field_error(ReceptionErrorCode.TARGETS_INVALID, "targets")
    values = [targets[quarter] for quarter in (1, 2, 3, 4)]
    ordered = [baseline, *values]
    if any(later > earlier for earlier, later in pairwise(ordered)):
        raise field_error(ReceptionErrorCode.TARGETS_INVALID, "targets")
    plan = ReductionPlan.objects.create(organization=organization, year=year, baseline=baseline, created_by=actor)
    ReductionTarget.objects.bulk_create(
        ReductionTarget(plan=plan, quarter=quarter, target_open=value)
        for quarter, value in zip((1, 2, 3, 4), values, strict=True)
    )
    audit(
        actor=actor,
        action="plan_created",
        target=plan,
        organization_id=organization.pk,
        year=year,
        baseline=baseline,
        targets=values,
    )
    return plan
