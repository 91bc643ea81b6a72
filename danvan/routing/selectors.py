"""Reads: the suggestion for a petition (category from the classifier, organisation from the competence
rules, a one-line explanation) and the record of officers' decisions. Nothing here writes.

The explanation is built from the rule, the respondent's *level*, the category, the unit and organisation
names and the citation, never from the petition's text or its parties: a denouncer's identity cannot
appear in it (Denunciation Law art. 8(3), 47).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db.models import QuerySet
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from danvan.accounts.models import Organization
from danvan.cases.models import Category, Kind, Party, Petition, Status
from danvan.routing import classifier
from danvan.routing.competence import match_rule, resolve
from danvan.routing.features import PartyIdentity, petition_text
from danvan.routing.models import CompetenceRule, Respondent, RoutingSuggestion, Source
from danvan.routing.respondents import recognise

INTAKE_STATUSES = frozenset({Status.RECEIVED, Status.CLASSIFIED})


def min_confidence() -> float:
    """Below this probability the classifier's category is not suggested (``ROUTING_MIN_CONFIDENCE``)."""
    return float(getattr(settings, "ROUTING_MIN_CONFIDENCE", 0.5))


# "First-time complaint about <this>"
COMPLAINED_ABOUT: dict[str, Promise] = {
    Respondent.COMMUNE_LEADER: gettext_lazy("a decision or act of the commune chairman"),
    Respondent.COMMUNE_OFFICIAL: gettext_lazy("a decision or act of a commune official"),
    Respondent.DEPARTMENT_HEAD: gettext_lazy("a decision or act of a department director"),
    Respondent.DEPARTMENT_OFFICIAL: gettext_lazy("a decision or act of a provincial department"),
    Respondent.PROVINCE_LEADER: gettext_lazy("a decision or act of the provincial chairman"),
    Respondent.PARTY_MEMBER: gettext_lazy("a Party member"),
    Respondent.UNKNOWN: gettext_lazy("a decision or act whose author was not recognised"),
}
# "Denunciation of <this>"
DENOUNCED: dict[str, Promise] = {
    Respondent.COMMUNE_LEADER: gettext_lazy("the commune chairman or a vice-chairman"),
    Respondent.COMMUNE_OFFICIAL: gettext_lazy("a commune civil servant"),
    Respondent.DEPARTMENT_HEAD: gettext_lazy("a department director or deputy director"),
    Respondent.DEPARTMENT_OFFICIAL: gettext_lazy("an official of a provincial department"),
    Respondent.PROVINCE_LEADER: gettext_lazy("the provincial chairman or a vice-chairman"),
    Respondent.PARTY_MEMBER: gettext_lazy("a Party member for a breach of Party rules"),
    Respondent.UNKNOWN: gettext_lazy("a violation whose author was not recognised"),
}


@dataclass(frozen=True)
class Suggestion:
    category: Category | None
    organization: Organization | None
    explanation: str
    confidence: float | None  # the classifier's probability for ``category``
    source: str  # Source: where the category came from
    model_version: int | None
    rule: CompetenceRule | None
    respondent: str  # Respondent level recognised
    evidence: str  # the position words recognised (never a name)
    resolver: str  # the competent person
    on_platform: bool  # the competent organisation exists on the platform
    already_there: bool  # the petition is already with the suggested organisation

    @property
    def category_id(self) -> int | None:
        return self.category.pk if self.category else None

    @property
    def organization_id(self) -> int | None:
        return self.organization.pk if self.organization else None


def complaint_round_of(petition: Petition) -> int | None:
    if petition.kind != Kind.COMPLAINT:
        return None
    if petition.previous_round_id is not None:
        return 2
    return petition.complaint_round or 1


def features_of(petition: Petition) -> str:
    parties = [
        PartyIdentity(**row)
        for row in Party.objects.filter(petition=petition).values(
            "role", "full_name", "personal_id", "phone", "email", "address_street"
        )
    ]
    return petition_text(kind=petition.kind, subject=petition.subject, content=petition.content, parties=parties)


def suggested_category(petition: Petition) -> tuple[Category | None, float | None, str, int | None]:
    """(category, probability, source, model version) from the newest model, if it is confident enough."""
    loaded = classifier.active_model()
    if loaded is None:
        return None, None, Source.NONE, None
    code, probability = classifier.predict(loaded.pipeline, features_of(petition))
    category = Category.objects.filter(code=code, is_active=True).first()
    if category is None or probability < min_confidence():
        return None, probability, Source.NONE, loaded.version
    return category, probability, Source.CLASSIFIER, loaded.version


def _case_label(*, kind: str, complaint_round: int | None, respondent: str, category: Category | None) -> str:
    if kind == Kind.COMPLAINT:
        about = COMPLAINED_ABOUT[respondent]
        if complaint_round == 2:
            return _("Second-time complaint about %(about)s") % {"about": about}
        return _("First-time complaint about %(about)s") % {"about": about}
    if kind == Kind.DENUNCIATION:
        return _("Denunciation of %(whom)s") % {"whom": DENOUNCED[respondent]}
    if category is not None:
        if kind == Kind.RECOMMENDATION:
            return _("Recommendation about %(subject)s") % {"subject": category.name}
        return _("Feedback about %(subject)s") % {"subject": category.name}
    return _("Recommendation") if kind == Kind.RECOMMENDATION else _("Feedback")


def explain(*, case: str, rule: CompetenceRule | None, resolver: str, on_platform: bool) -> str:
    """One line: what the petition is → who is competent (citation)."""
    if rule is None:
        return _("%(case)s: no competence rule applies; choose the competent organisation yourself.") % {"case": case}
    if not on_platform:
        resolver = _("%(resolver)s (not on the platform)") % {"resolver": resolver}
    return _("%(case)s → %(resolver)s (%(citation)s)") % {
        "case": case,
        "resolver": resolver,
        "citation": rule.citation,
    }


def suggest_routing(petition: Petition, *, day: dt.date | None = None) -> Suggestion:
    """The suggestion for ``petition``. Reads only: the officer decides, and classifies or forwards."""
    category, confidence, source, version = suggested_category(petition)
    recognised = recognise(
        respondent_name=petition.respondent_name,
        decision_reference=petition.decision_reference,
        subject=petition.subject,
        content=petition.content,
    )
    complaint_round = complaint_round_of(petition)
    rule_category = category or petition.category
    rule = match_rule(
        kind=petition.kind,
        complaint_round=complaint_round,
        respondent=recognised.level,
        category_id=rule_category.pk if rule_category else None,
        day=day or petition.received_on,
    )
    organization, resolver, on_platform = None, "", False
    if rule is not None:
        resolution = resolve(rule=rule, unit=petition.unit, respondent_text=petition.respondent_name)
        organization, resolver, on_platform = resolution.organization, resolution.resolver, resolution.on_platform
    case = _case_label(
        kind=petition.kind, complaint_round=complaint_round, respondent=recognised.level, category=rule_category
    )
    return Suggestion(
        category=category,
        organization=organization,
        explanation=explain(case=case, rule=rule, resolver=resolver, on_platform=on_platform),
        confidence=confidence,
        source=source,
        model_version=version,
        rule=rule,
        respondent=recognised.level,
        evidence=recognised.evidence,
        resolver=resolver,
        on_platform=on_platform,
        already_there=organization is not None and organization.pk == petition.handling_organization_id,
    )


def suggestion_history(*, petition: Petition) -> QuerySet[RoutingSuggestion]:
    """The officers' decisions about this petition's suggestions, newest first."""
    return RoutingSuggestion.objects.filter(petition=petition).select_related(
        "suggested_category", "suggested_organization", "final_category", "final_organization", "decided_by"
    )


def organization_choices(*, petition: Petition) -> QuerySet[Organization]:
    """Organisations an officer may pick when correcting: active ones of the petition's province."""
    return Organization.objects.filter(is_active=True, unit__province_id=petition.unit.province_id).order_by("name")


def is_at_intake(petition: Petition) -> bool:
    return petition.status in INTAKE_STATUSES
