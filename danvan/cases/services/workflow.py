"""The handling workflow of a petition: a state machine whose every transition is one service."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.accounts.models import Organization, Role, User
from danvan.calendar.selectors import rule_in_force
from danvan.cases import deadlines, paperwork
from danvan.cases.errors import CaseErrorCode, case_error
from danvan.cases.grounds import archive_ground_codes
from danvan.cases.models import Complexity, Eligibility, Forwarding, Kind, Outcome, Petition, Status
from danvan.cases.services.common import record, set_status, today
from danvan.cases.states import require_allowed
from danvan.core.text import normalize
from danvan.law import selectors as law


def _locked(petition: Petition) -> Petition:
    return Petition.objects.select_for_update().get(pk=petition.pk)


@transaction.atomic
def petition_classify(
    *,
    actor: User,
    petition: Petition,
    eligible: bool,
    within_competence: bool,
    category_id: int | None = None,
    reason: str = "",
) -> Petition:
    petition = _locked(petition)
    require_allowed(petition, "classify")
    petition.eligibility = Eligibility.ELIGIBLE if eligible else Eligibility.INELIGIBLE
    petition.within_competence = within_competence
    if category_id is not None:
        petition.category_id = category_id
    previous = set_status(petition, Status.CLASSIFIED, "eligibility", "within_competence", "category")
    if petition.kind == Kind.DENUNCIATION and not within_competence:
        # Denunciation Law art. 24(2): forwarded to the competent body within the limit, counted from receipt.
        deadlines.open_step(
            petition=petition, step=deadlines.FORWARD, rule_code="denunciation.forward", start=petition.received_on
        )
    elif petition.kind == Kind.DENUNCIATION:
        deadlines.complete_step(petition=petition, step=deadlines.FORWARD, on=today())
    record(
        actor=actor,
        petition=petition,
        action="classified",
        from_status=previous,
        reason=normalize(reason),
        data={"eligible": eligible, "within_competence": within_competence},
        citizen_visible=False,
    )
    return petition


@transaction.atomic
def petition_accept(*, actor: User, petition: Petition, on: dt.date | None = None) -> Petition:
    """Thụ lý: the organisation takes the petition up for resolution; the resolution clock starts."""
    petition = _locked(petition)
    require_allowed(petition, "accept")
    if petition.kind == Kind.DENUNCIATION and petition.is_anonymous:
        raise case_error(CaseErrorCode.ANONYMOUS_DENUNCIATION, status=409)
    if petition.eligibility != Eligibility.ELIGIBLE:
        raise case_error(CaseErrorCode.NOT_ELIGIBLE, status=409)
    if not petition.within_competence:
        raise case_error(CaseErrorCode.NOT_COMPETENT, status=409)
    accepted_on = on or today()
    if accepted_on > today() or accepted_on < petition.received_on:
        raise case_error(CaseErrorCode.INVALID, fields={"on": [str(_("The date must be between receipt and today."))]})
    petition.accepted_on = accepted_on
    previous = set_status(petition, Status.ACCEPTED, "accepted_on")
    deadlines.complete_step(petition=petition, step=deadlines.ACCEPT, on=accepted_on)
    deadlines.complete_step(petition=petition, step=deadlines.NOTIFY, on=accepted_on)
    rule = deadlines.resolve_rule(petition)
    if rule:
        deadlines.open_step(petition=petition, step=deadlines.RESOLVE, rule_code=rule, start=accepted_on)
    notice = paperwork.issue_acceptance_notice(petition=petition, actor=actor, day=today())
    record(
        actor=actor,
        petition=petition,
        action="accepted",
        from_status=previous,
        data={"document": notice.number if notice else None},
    )
    return petition


@transaction.atomic
def petition_forward(*, actor: User, petition: Petition, to_organization: Organization, reason: str = "") -> Petition:
    """Chuyển đơn: the petition lands in the competent organisation's inbox, which acknowledges it."""
    petition = _locked(petition)
    require_allowed(petition, "forward")
    if to_organization.pk == petition.handling_organization_id:
        raise case_error(CaseErrorCode.SAME_ORGANIZATION)
    from_org = petition.handling_organization
    Forwarding.objects.create(
        petition=petition,
        from_organization=from_org,
        to_organization=to_organization,
        reason=normalize(reason),
        forwarded_by=actor,
    )
    deadlines.complete_all(petition=petition, on=today())
    slip = paperwork.issue_forwarding_slip(
        petition=petition, actor=actor, day=today(), from_organization=from_org, to_organization=to_organization
    )
    petition.handling_organization = to_organization
    petition.eligibility, petition.within_competence = "", None
    previous = set_status(petition, Status.FORWARDED, "handling_organization", "eligibility", "within_competence")
    record(
        actor=actor,
        petition=petition,
        action="forwarded",
        from_status=previous,
        reason=normalize(reason),
        data={
            "from_organization": from_org.pk,
            "to_organization": to_organization.pk,
            "document": slip.number if slip else None,
        },
    )
    return petition


@transaction.atomic
def petition_acknowledge(*, actor: User, petition: Petition) -> Petition:
    """The receiving organisation confirms it has the forwarded petition; its own intake clock starts."""
    petition = _locked(petition)
    require_allowed(petition, "acknowledge")
    forwarding = petition.forwardings.filter(acknowledged_at__isnull=True).order_by("-forwarded_at").first()
    if forwarding is not None:
        forwarding.acknowledged_by, forwarding.acknowledged_at = actor, timezone.now()
        forwarding.save(update_fields=["acknowledged_by", "acknowledged_at"])
    previous = set_status(petition, Status.RECEIVED)
    step, rule = deadlines.intake_rule(petition)
    deadlines.open_step(petition=petition, step=step, rule_code=rule, start=today())
    record(actor=actor, petition=petition, action="acknowledged", from_status=previous)
    return petition


@transaction.atomic
def petition_guide(*, actor: User, petition: Petition, guidance: str, competent_body: str) -> Petition:
    """Hướng dẫn: tell the citizen in writing which body is competent."""
    petition = _locked(petition)
    require_allowed(petition, "guide")
    if not normalize(guidance) or not normalize(competent_body):
        raise case_error(CaseErrorCode.INVALID)
    petition.answer = guidance.strip()
    previous = set_status(petition, Status.GUIDED, "answer")
    deadlines.complete_all(petition=petition, on=today())
    paperwork.issue_guidance_letter(
        petition=petition, actor=actor, day=today(), competent_body=normalize(competent_body)
    )
    record(
        actor=actor,
        petition=petition,
        action="guided",
        from_status=previous,
        data={"competent_body": normalize(competent_body)},
    )
    return petition


@transaction.atomic
def petition_archive(*, actor: User, petition: Petition, ground: str, reason: str = "") -> Petition:
    """Lưu đơn: not accepted, on one of the enumerated legal grounds."""
    petition = _locked(petition)
    require_allowed(petition, "archive")
    if ground not in archive_ground_codes(on=today()):
        raise case_error(CaseErrorCode.INVALID, fields={"ground": [str(_("Choose one of the legal grounds."))]})
    previous = set_status(petition, Status.ARCHIVED)
    deadlines.complete_all(petition=petition, on=today())
    paperwork.issue_refusal_notice(petition=petition, actor=actor, day=today(), ground=ground)
    record(
        actor=actor,
        petition=petition,
        action="archived",
        from_status=previous,
        reason=normalize(reason),
        data={"ground": ground},
    )
    return petition


@transaction.atomic
def petition_mark_inspection_lead(*, actor: User, petition: Petition, reason: str = "") -> Petition:
    """An anonymous denunciation with concrete content becomes information for inspection (art. 25)."""
    petition = _locked(petition)
    require_allowed(petition, "inspection_lead")
    if not (petition.kind == Kind.DENUNCIATION and petition.is_anonymous):
        raise case_error(CaseErrorCode.TRANSITION_NOT_ALLOWED, status=409)
    previous = set_status(petition, Status.INSPECTION_LEAD)
    deadlines.complete_all(petition=petition, on=today())
    record(actor=actor, petition=petition, action="inspection_lead", from_status=previous, reason=normalize(reason))
    return petition


@transaction.atomic
def petition_start_verification(
    *,
    actor: User,
    petition: Petition,
    handler: User,
    complexity: str = Complexity.SIMPLE,
    criteria: list[str] | None = None,
) -> Petition:
    """Assign the handler and determine complexity; a complex case gets the longer legal time limit."""
    petition = _locked(petition)
    require_allowed(petition, "start_verification")
    if not handler.memberships.filter(organization_id=petition.handling_organization_id, is_active=True).exists():
        raise case_error(CaseErrorCode.NOT_A_MEMBER)
    if complexity not in Complexity.values:
        raise case_error(CaseErrorCode.INVALID)
    changed = complexity != petition.complexity
    petition.handler, petition.complexity = handler, complexity
    previous = set_status(petition, Status.VERIFICATION, "handler", "complexity")
    if changed:
        deadlines.recompute_step(petition=petition, step=deadlines.RESOLVE)
    deadlines.assign(petition=petition)
    record(
        actor=actor,
        petition=petition,
        action="verification_started",
        from_status=previous,
        data={"handler": handler.pk, "complexity": complexity, "criteria": criteria or []},
        citizen_visible=True,
    )
    return petition


@transaction.atomic
def petition_assign(*, actor: User, petition: Petition, handler: User) -> Petition:
    petition = _locked(petition)
    require_allowed(petition, "assign")
    if not handler.memberships.filter(organization_id=petition.handling_organization_id, is_active=True).exists():
        raise case_error(CaseErrorCode.NOT_A_MEMBER)
    petition.handler = handler
    petition.save(update_fields=["handler", "updated_at"])
    deadlines.assign(petition=petition)
    record(actor=actor, petition=petition, action="assigned", data={"handler": handler.pk}, citizen_visible=False)
    return petition


def _check_dialogue_notice(*, notified_on: dt.date, held_on: dt.date) -> None:
    """The parties are notified at least the legal number of days before the dialogue (a versioned rule
    with its citation: ``dialogue.notice_days``). No rule in force on the notice date: nothing to check."""
    shortfall = law.dialogue_notice_shortfall(notice_on=notified_on, held_on=held_on)
    if shortfall is not None:
        raise case_error(CaseErrorCode.DIALOGUE_NOTICE_TOO_SHORT, message=shortfall)


@transaction.atomic
def petition_record_dialogue(
    *, actor: User, petition: Petition, notified_on: dt.date, held_on: dt.date, minutes: str
) -> Petition:
    petition = _locked(petition)
    require_allowed(petition, "dialogue")
    _check_dialogue_notice(notified_on=notified_on, held_on=held_on)
    if not normalize(minutes):
        raise case_error(CaseErrorCode.INVALID, fields={"minutes": [str(_("This field is required."))]})
    previous = set_status(petition, Status.DIALOGUE)
    record(
        actor=actor,
        petition=petition,
        action="dialogue_held",
        from_status=previous,
        data={"notified_on": notified_on.isoformat(), "held_on": held_on.isoformat()},
        reason=minutes.strip(),
    )
    return petition


@transaction.atomic
def petition_extend(*, actor: User, petition: Petition, reason: str) -> Petition:
    """Gia hạn (written decision): a denunciation gets +30 days, at most twice (art. 30); a complaint can
    only move to the longer limit of a complex case."""
    petition = _locked(petition)
    require_allowed(petition, "extend")
    if not normalize(reason):
        raise case_error(CaseErrorCode.INVALID, fields={"reason": [str(_("This field is required."))]})
    if petition.kind == Kind.DENUNCIATION:
        rule = rule_in_force(rule_code="denunciation.resolve", start=petition.accepted_on or today())
        if petition.extensions >= (rule.max_extensions or 0):
            raise case_error(CaseErrorCode.TOO_MANY_EXTENSIONS, status=409)
        petition.extensions += 1
        petition.complexity = Complexity.COMPLEX if petition.extensions == 1 else Complexity.ESPECIALLY_COMPLEX
    elif petition.kind == Kind.COMPLAINT:
        if petition.complexity != Complexity.SIMPLE:
            raise case_error(CaseErrorCode.TOO_MANY_EXTENSIONS, status=409)
        petition.complexity = Complexity.COMPLEX
    else:
        raise case_error(CaseErrorCode.EXTENSION_NOT_APPLICABLE, status=409)
    petition.save(update_fields=["extensions", "complexity", "updated_at"])
    deadline = deadlines.recompute_step(petition=petition, step=deadlines.RESOLVE)
    if deadline is not None and petition.kind == Kind.DENUNCIATION:
        paperwork.issue_extension_decision(
            petition=petition,
            actor=actor,
            day=today(),
            extension_days=rule.extension_length,
            extended_until=deadline.due_on,
        )
    record(
        actor=actor,
        petition=petition,
        action="extended",
        reason=normalize(reason),
        data={"extensions": petition.extensions, "due_on": deadline.due_on.isoformat() if deadline else None},
    )
    return petition


@transaction.atomic
def petition_suspend(*, actor: User, petition: Petition, reason: str) -> Petition:
    petition = _locked(petition)
    require_allowed(petition, "suspend")
    if not normalize(reason):
        raise case_error(CaseErrorCode.INVALID, fields={"reason": [str(_("This field is required."))]})
    petition.suspended_from = petition.status
    previous = set_status(petition, Status.SUSPENDED, "suspended_from")
    deadlines.pause_all(petition=petition, on=today())
    record(actor=actor, petition=petition, action="suspended", from_status=previous, reason=normalize(reason))
    return petition


@transaction.atomic
def petition_resume(*, actor: User, petition: Petition, reason: str = "") -> Petition:
    petition = _locked(petition)
    require_allowed(petition, "resume")
    back_to = Status(petition.suspended_from or Status.ACCEPTED)
    petition.suspended_from = ""
    previous = set_status(petition, back_to, "suspended_from")
    deadlines.resume_all(petition=petition, on=today())
    record(actor=actor, petition=petition, action="resumed", from_status=previous, reason=normalize(reason))
    return petition


@transaction.atomic
def petition_withdraw(*, actor: User | None, petition: Petition, full: bool, content: str = "") -> Petition:
    """Rút đơn: full withdrawal ends the case; a partial one is recorded and the rest continues."""
    petition = _locked(petition)
    require_allowed(petition, "withdraw")
    if full:
        previous = set_status(petition, Status.WITHDRAWN)
        deadlines.complete_all(petition=petition, on=today())
        record(actor=actor, petition=petition, action="withdrawn", from_status=previous, reason=normalize(content))
    else:
        if not normalize(content):
            raise case_error(CaseErrorCode.INVALID, fields={"content": [str(_("This field is required."))]})
        record(actor=actor, petition=petition, action="partly_withdrawn", reason=normalize(content))
    return petition


@transaction.atomic
def petition_conclude(
    *, actor: User, petition: Petition, outcome: str, answer: str, on: dt.date | None = None
) -> Petition:
    """Quyết định giải quyết khiếu nại / kết luận nội dung tố cáo / trả lời kiến nghị, phản ánh."""
    petition = _locked(petition)
    require_allowed(petition, "conclude")
    allowed = (
        {Outcome.RIGHT, Outcome.PARTLY_RIGHT, Outcome.WRONG}
        if petition.kind in (Kind.COMPLAINT, Kind.DENUNCIATION)
        else {Outcome.ANSWERED}
    )
    if outcome not in allowed or not normalize(answer):
        raise case_error(
            CaseErrorCode.INVALID,
            fields={"outcome": [str(_("Choose an outcome allowed for this kind of petition."))]}
            if outcome not in allowed
            else {"answer": [str(_("This field is required."))]},
        )
    concluded_on = on or today()
    if concluded_on > today() or (petition.accepted_on and concluded_on < petition.accepted_on):
        raise case_error(
            CaseErrorCode.INVALID, fields={"on": [str(_("The date must be between acceptance and today."))]}
        )
    petition.outcome, petition.answer, petition.concluded_on = outcome, answer.strip(), concluded_on
    previous = set_status(petition, Status.CONCLUDED, "outcome", "answer", "concluded_on")
    deadlines.complete_step(petition=petition, step=deadlines.RESOLVE, on=concluded_on)
    if petition.kind == Kind.COMPLAINT:
        deadlines.open_step(
            petition=petition,
            step=deadlines.SEND_DECISION,
            rule_code=deadlines.send_decision_rule(petition),
            start=concluded_on,
        )
    elif petition.kind == Kind.DENUNCIATION:
        deadlines.open_step(
            petition=petition, step=deadlines.PUBLISH, rule_code="denunciation.conclusion.publish", start=concluded_on
        )
    record(actor=actor, petition=petition, action="concluded", from_status=previous, data={"outcome": outcome})
    return petition


@transaction.atomic
def petition_close(*, actor: User, petition: Petition) -> Petition:
    petition = _locked(petition)
    require_allowed(petition, "close")
    petition.closed_on = today()
    previous = set_status(petition, Status.CLOSED, "closed_on")
    deadlines.complete_all(petition=petition, on=petition.closed_on)
    record(actor=actor, petition=petition, action="closed", from_status=previous)
    return petition


def handler_candidates(*, petition: Petition) -> list[User]:
    roles = [Role.CASE_HANDLER, Role.UNIT_HEAD, Role.RECEPTION_OFFICER]
    return list(
        User.objects.filter(
            memberships__organization_id=petition.handling_organization_id,
            memberships__is_active=True,
            memberships__role__in=roles,
        )
        .distinct()
        .order_by("full_name")
    )
