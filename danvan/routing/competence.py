"""Reads of the competence rules (LEGAL_BRIEF §2.4–§2.6) and of the organisation a rule points to.

The rules are rows (:class:`~danvan.routing.models.CompetenceRule`) with a citation and an effective
period; nothing here is a legal fact. See docs/routing.md for the table and how to correct a row.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q

from danvan.accounts.models import Organization, OrganizationKind
from danvan.cases.models import Kind
from danvan.geography.models import AdministrativeUnit
from danvan.routing.models import ANY_RESPONDENT, CompetenceRule, Respondent, Target
from danvan.routing.respondents import department_words

# Words of a department's name that say nothing about which department it is.
_GENERIC_WORDS = {"so", "tinh", "thanh", "pho", "va", "cua", "ubnd", "uy", "ban", "nhan", "dan"}


def rules_in_force(*, day: dt.date) -> list[CompetenceRule]:
    rows = CompetenceRule.objects.filter(effective_from__lte=day).filter(
        Q(effective_to__isnull=True) | Q(effective_to__gt=day)
    )
    return list(rows.select_related("category").order_by("code"))


def match_rule(
    *,
    kind: str,
    complaint_round: int | None,
    respondent: Respondent,
    category_id: int | None,
    day: dt.date,
) -> CompetenceRule | None:
    """The most specific rule in force on ``day`` for these facts (``None`` when no row applies)."""
    candidates = [
        rule
        for rule in rules_in_force(day=day)
        if rule.kind == kind
        and (rule.complaint_round is None or (kind == Kind.COMPLAINT and rule.complaint_round == complaint_round))
        and rule.respondent in (ANY_RESPONDENT, respondent)
        and (rule.category_id is None or rule.category_id == category_id)
    ]
    return max(candidates, key=lambda rule: (rule.specificity, rule.code), default=None)


def _committee_kind(target: str) -> str:
    return OrganizationKind.PROVINCIAL_COMMITTEE if target == Target.PROVINCE else OrganizationKind.COMMUNE_COMMITTEE


def _first(unit_id: int | None, kind: str) -> Organization | None:
    if unit_id is None:
        return None
    return Organization.objects.filter(unit_id=unit_id, kind=kind, is_active=True).order_by("pk").first()


def _named_department(*, province_id: int | None, respondent_text: str) -> Organization | None:
    """The province's department whose distinctive name words all appear in ``respondent_text``."""
    if province_id is None or not respondent_text:
        return None
    words = department_words(respondent_text)
    best: tuple[int, Organization] | None = None
    for org in Organization.objects.filter(
        unit_id=province_id, kind=OrganizationKind.DEPARTMENT, is_active=True
    ).select_related("unit"):
        province_words = department_words(org.unit.name)
        distinctive = department_words(org.name) - _GENERIC_WORDS - province_words
        if distinctive and distinctive <= words and (best is None or len(distinctive) > best[0]):
            best = (len(distinctive), org)
    return best[1] if best else None


@dataclass(frozen=True)
class Resolution:
    organization: Organization | None
    resolver: str  # the competent person, e.g. "Chủ tịch UBND xã Phong Thổ"
    on_platform: bool  # False: the competent body has no organisation here (forward on paper, or guide)


def _lower_first(name: str) -> str:
    return name[:1].lower() + name[1:]


def resolve(*, rule: CompetenceRule, unit: AdministrativeUnit, respondent_text: str) -> Resolution:
    """The organisation ``rule`` points to for a petition about ``unit``, and the competent person's title."""
    province_id = unit.province_id or unit.pk
    if rule.target in (Target.COMMUNE, Target.PROVINCE):
        place = unit if rule.target == Target.COMMUNE else (unit.province or unit)
        organization = _first(place.pk, rule.target_kind or _committee_kind(rule.target))
        if rule.target_kind and organization is None:
            # The body named by the rule is not on the platform: its People's Committee decides.
            organization = _first(place.pk, _committee_kind(rule.target))
        if organization is not None and organization.kind not in (
            OrganizationKind.COMMUNE_COMMITTEE,
            OrganizationKind.PROVINCIAL_COMMITTEE,
        ):
            return Resolution(organization, f"{rule.resolver} {organization.name}".strip(), True)
        return Resolution(organization, f"{rule.resolver} {_lower_first(place.name)}".strip(), organization is not None)
    if rule.target == Target.DEPARTMENT:
        organization = _named_department(province_id=province_id, respondent_text=respondent_text)
        if organization is not None:
            return Resolution(organization, f"{rule.resolver} {organization.name}".strip(), True)
        return Resolution(None, rule.resolver, False)
    return Resolution(None, rule.resolver, False)
