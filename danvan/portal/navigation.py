"""The officer workspace's navigation: the seven duties of the source article and their modules."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class NavItem:
    label: str | Promise
    url_name: str | None  # None: the module is not yet available
    duty: int | None = None
    counts: bool = False  # shows the officer's overdue / due-soon deadlines (``deadline_counts``)


WORKSPACE_NAV = [
    NavItem(_("Overview"), "portal:workspace"),
    NavItem(_("My deadlines"), "deadlines:mine", counts=True),
    NavItem(_("Petitions"), "cases:inbox", 5),
    NavItem(_("Search petitions"), "search:petitions", 5),
    NavItem(_("Response templates"), "cases:response_templates", 5),
    NavItem(_("Citizen reception"), "reception:home", 5),
    NavItem(_("Public disclosure"), None, 3),
    NavItem(_("Consultation"), None, 3),
    NavItem(_("Supervision"), None, 3),
    NavItem(_("Coordination"), None, 6),
    NavItem(_("Skilful Mass Mobilisation"), None, 7),
    NavItem(_("Dissemination"), None, 1),
    NavItem(_("Reports"), "reports:dashboard"),
    NavItem(_("Legal basis"), "law:rule_list"),
    NavItem(_("Organisations"), "accounts:organization_list"),
    NavItem(_("Villages and residential groups"), "communities:list", 3),
    NavItem(_("Administrative units"), "geography:unit_search"),
    NavItem(_("Notifications"), "notifications:list"),
    NavItem(_("Audit trail"), "audit:event_list"),
]
