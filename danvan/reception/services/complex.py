"""Complex prolonged cases: register, link petitions and receptions, the roadmap and its milestones, resolution."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext as _

from danvan.accounts.models import Organization, User
from danvan.cases.models import Petition
from danvan.core.text import normalize
from danvan.geography.models import AdministrativeUnit, Level
from danvan.reception import law
from danvan.reception.errors import ReceptionErrorCode, field_error
from danvan.reception.models import (
    MANY_COMPLAINANTS,
    ComplexCase,
    ComplexCasePetition,
    ComplexCriterion,
    ComplexStatus,
    Milestone,
    MilestoneStatus,
    ReceptionVisit,
    ResolutionLevel,
    Roadmap,
)
from danvan.reception.services.common import audit, require_member, today


def _required(value: str, field: str) -> str:
    text = normalize(value)
    if not text:
        raise field_error(ReceptionErrorCode.INVALID, field, message=_("This field is required."))
    return text


def automatic_criteria(*, opened_on: dt.date, petitions: list[Petition], on: dt.date) -> list[str]:
    """Criteria the data shows by itself: open longer than the threshold; a crowd among the petitions."""
    found: list[str] = []
    if (on - opened_on).days > law.threshold("complex-prolonged-days"):
        found.append(ComplexCriterion.PROLONGED)
    if any(p.people_count >= law.crowd_min_people(day=p.received_on) for p in petitions):
        found.append(MANY_COMPLAINANTS)
    return found


def _locked_open(case: ComplexCase) -> ComplexCase:
    """The case as it is now, locked for this transaction; refused once resolved."""
    case = ComplexCase.objects.select_for_update(of=("self",)).select_related("roadmap").get(pk=case.pk)
    if case.status != ComplexStatus.OPEN:
        raise field_error(ReceptionErrorCode.CASE_RESOLVED, "status", status=409)
    return case


@transaction.atomic
def complex_register(
    *,
    actor: User,
    organization: Organization,
    title: str,
    summary: str,
    criteria: list[str],
    leader: User,
    petitions: list[Petition],
    opened_on: dt.date | None = None,
    unit: AdministrativeUnit | None = None,
    public_summary: str = "",
    is_public: bool = False,
) -> ComplexCase:
    title, summary = _required(title, "title"), _required(summary, "summary")
    allowed = {*ComplexCriterion.values, *law.complexity_criteria(day=today()).values_list("code", flat=True)}
    if any(c not in allowed for c in criteria):
        raise field_error(ReceptionErrorCode.INVALID, "criteria")
    earliest = min((p.received_on for p in petitions), default=None)
    opened = opened_on or earliest or today()
    if opened > today():
        raise field_error(ReceptionErrorCode.INVALID, "opened_on", message=_("The date cannot be in the future."))
    if earliest is not None and earliest < opened:
        opened = earliest
    chosen = list(dict.fromkeys([*criteria, *automatic_criteria(opened_on=opened, petitions=petitions, on=today())]))
    if not chosen:
        raise field_error(ReceptionErrorCode.NO_CRITERION, "criteria")
    require_member(leader, organization, "leader")
    if is_public and not normalize(public_summary):
        raise field_error(
            ReceptionErrorCode.INVALID, "public_summary", message=_("Write the summary to publish, or do not publish.")
        )
    case = ComplexCase.objects.create(
        organization=organization,
        unit=unit or organization.unit,
        title=title[:250],
        summary=summary,
        criteria=chosen,
        opened_on=opened,
        created_by=actor,
    )
    Roadmap.objects.create(case=case, leader=leader, public_summary=public_summary.strip(), is_public=is_public)
    ComplexCasePetition.objects.bulk_create(
        ComplexCasePetition(case=case, petition=p, added_by=actor) for p in dict.fromkeys(petitions)
    )
    audit(
        actor=actor,
        action="complex_registered",
        target=case,
        organization_id=organization.pk,
        criteria=chosen,
        petitions=[p.tracking_code for p in petitions],
    )
    return case


@transaction.atomic
def complex_link_petition(*, actor: User, case: ComplexCase, petition: Petition) -> ComplexCase:
    case = _locked_open(case)
    _link, created = ComplexCasePetition.objects.get_or_create(
        case=case, petition=petition, defaults={"added_by": actor}
    )
    if created:
        if petition.received_on < case.opened_on:
            case.opened_on = petition.received_on
            case.save(update_fields=["opened_on", "updated_at"])
        audit(
            actor=actor,
            action="complex_petition_linked",
            target=case,
            organization_id=case.organization_id,
            petition=petition.tracking_code,
        )
    return case


@transaction.atomic
def complex_link_visit(*, actor: User, case: ComplexCase, visit: ReceptionVisit) -> ComplexCase:
    case = _locked_open(case)
    if not case.visits.filter(pk=visit.pk).exists():
        case.visits.add(visit)
        audit(
            actor=actor,
            action="complex_visit_linked",
            target=case,
            organization_id=case.organization_id,
            visit=visit.pk,
        )
    return case


def _recompute_progress(roadmap: Roadmap) -> None:
    counted = [m.status for m in roadmap.milestones.exclude(status=MilestoneStatus.CANCELLED)]
    roadmap.progress = round(100 * counted.count(MilestoneStatus.DONE) / len(counted)) if counted else 0
    roadmap.save(update_fields=["progress", "updated_at"])


@transaction.atomic
def milestone_add(*, actor: User, case: ComplexCase, title: str, owner: Organization, due_on: dt.date) -> Milestone:
    case = _locked_open(case)
    title = _required(title, "title")
    if due_on < case.opened_on:
        raise field_error(
            ReceptionErrorCode.MILESTONE_BEFORE_CASE,
            "due_on",
            message=_("A milestone cannot be due before the case arose (%(day)s).")
            % {"day": case.opened_on.strftime("%d/%m/%Y")},
        )
    milestone = Milestone.objects.create(roadmap=case.roadmap, title=title[:250], owner=owner, due_on=due_on)
    _recompute_progress(case.roadmap)
    audit(
        actor=actor,
        action="milestone_added",
        target=case,
        organization_id=case.organization_id,
        milestone=milestone.pk,
        due_on=due_on.isoformat(),
        owner=owner.pk,
    )
    return milestone


@transaction.atomic
def milestone_update(
    *, actor: User, milestone: Milestone, status: str, evidence: str = "", done_on: dt.date | None = None
) -> Milestone:
    milestone = Milestone.objects.select_for_update(of=("self",)).select_related("roadmap").get(pk=milestone.pk)
    case = _locked_open(milestone.roadmap.case)
    if status not in MilestoneStatus.values:
        raise field_error(ReceptionErrorCode.INVALID, "status")
    if status == MilestoneStatus.DONE:
        if not normalize(evidence):
            raise field_error(ReceptionErrorCode.EVIDENCE_MISSING, "evidence")
        done_on = done_on or today()
        if done_on > today() or done_on < case.opened_on:
            raise field_error(
                ReceptionErrorCode.INVALID, "done_on", message=_("The date must be between the case's start and today.")
            )
    else:
        done_on = None
    previous = milestone.status
    milestone.status, milestone.done_on = status, done_on
    milestone.evidence = evidence.strip() or milestone.evidence
    milestone.save(update_fields=["status", "done_on", "evidence", "updated_at"])
    _recompute_progress(milestone.roadmap)
    audit(
        actor=actor,
        action="milestone_updated",
        target=case,
        organization_id=case.organization_id,
        milestone=milestone.pk,
        previous=previous,
        status=status,
    )
    return milestone


@transaction.atomic
def roadmap_update(
    *, actor: User, case: ComplexCase, leader: User, progress: int, public_summary: str, is_public: bool
) -> Roadmap:
    case = _locked_open(case)
    if not 0 <= progress <= 100:
        raise field_error(ReceptionErrorCode.INVALID, "progress", message=_("Progress is a percentage from 0 to 100."))
    require_member(leader, case.organization, "leader")
    if is_public and not normalize(public_summary):
        raise field_error(
            ReceptionErrorCode.INVALID, "public_summary", message=_("Write the summary to publish, or do not publish.")
        )
    roadmap = case.roadmap
    roadmap.leader, roadmap.progress = leader, progress
    roadmap.public_summary, roadmap.is_public = public_summary.strip(), is_public
    roadmap.save(update_fields=["leader", "progress", "public_summary", "is_public", "updated_at"])
    audit(
        actor=actor,
        action="roadmap_updated",
        target=case,
        organization_id=case.organization_id,
        progress=progress,
        leader=leader.pk,
        public=is_public,
    )
    return roadmap


def level_of(organization: Organization) -> str:
    return ResolutionLevel.PROVINCE if organization.unit.level == Level.PROVINCE else ResolutionLevel.COMMUNE


@transaction.atomic
def complex_resolve(
    *, actor: User, case: ComplexCase, resolved_on: dt.date, resolved_by: Organization, resolution: str
) -> ComplexCase:
    """Settled: record where it was first resolved (commune or province) for the grassroots share."""
    case = _locked_open(case)
    resolution = _required(resolution, "resolution")
    if resolved_on > today() or resolved_on < case.opened_on:
        raise field_error(
            ReceptionErrorCode.INVALID, "resolved_on", message=_("The date must be between the case's start and today.")
        )
    case.status, case.resolved_on, case.resolved_by = ComplexStatus.RESOLVED, resolved_on, resolved_by
    case.resolution_level, case.resolution = level_of(resolved_by), resolution
    case.save(update_fields=["status", "resolved_on", "resolved_by", "resolution_level", "resolution", "updated_at"])
    audit(
        actor=actor,
        action="complex_resolved",
        target=case,
        organization_id=case.organization_id,
        level=case.resolution_level,
        resolved_by=resolved_by.pk,
    )
    return case
