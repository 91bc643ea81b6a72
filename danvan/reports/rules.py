"""Who may read reports: officers, over their jurisdiction; satisfaction ratings: leaders only."""

from __future__ import annotations

import rules

from danvan.accounts.models import User
from danvan.accounts.rules import is_officer
from danvan.reports.selectors.satisfaction import led_organizations


@rules.predicate
def leads_an_organization(user: User) -> bool:
    return led_organizations(user=user).exists()


rules.add_perm("reports.view_reports", is_officer)
rules.add_perm("reports.view_ratings", is_officer & leads_an_organization)
