"""Dialogue in complaint resolution: schedule, notice (at least N days before, N from the rule in force),
minutes with each party's opinion and signature, and the result attached to the petition."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.accounts.models import User
from danvan.cases.models import Kind, Petition, Status
from danvan.cases.services.workflow import petition_record_dialogue
from danvan.core.errors import DomainError
from danvan.core.text import normalize
from danvan.documents.docx_builder import build_docx
from danvan.documents.services import document_number_next
from danvan.reception import law
from danvan.reception.documents import ROLE_NAMES, MinutesParticipant, dialogue_minutes, issuer_for
from danvan.reception.errors import ReceptionErrorCode, field_error, reception_error
from danvan.reception.models import Dialogue, DialogueParticipant, DialogueStatus, ParticipantRole, Signature
from danvan.reception.services.common import audit, require_member, today

MINUTES_ABBREVIATION = "BB"  # Biên bản (Decree 30/2020, Appendix III)


@dataclass
class ParticipantData:
    role: str
    full_name: str
    organization_name: str = ""


@dataclass
class MinutesEntry:
    participant_id: int
    signature: str
    opinion: str = ""
    refusal_reason: str = ""


def check_notice(*, notice_on: dt.date, held_on: dt.date, field: str = "notice_sent_on") -> None:
    """The notice is not post-dated and leaves at least the legal number of days before the dialogue."""
    if notice_on > today():
        raise field_error(ReceptionErrorCode.INVALID, field, message=_("The notice cannot be dated in the future."))
    shortfall = law.dialogue_notice_shortfall(notice_on=notice_on, held_on=held_on)
    if shortfall is not None:
        raise field_error(ReceptionErrorCode.DIALOGUE_NOTICE_TOO_SHORT, field, message=shortfall)


@transaction.atomic
def dialogue_schedule(
    *,
    actor: User,
    petition: Petition,
    held_on: dt.date,
    start_time: dt.time,
    place: str,
    content: str,
    chair: User,
    participants: list[ParticipantData],
    notice_sent_on: dt.date | None = None,
    notice_method: str = "",
) -> Dialogue:
    if petition.kind != Kind.COMPLAINT:
        raise reception_error(ReceptionErrorCode.DIALOGUE_NOT_A_COMPLAINT, status=409)
    if petition.status not in (Status.VERIFICATION, Status.DIALOGUE):
        raise reception_error(
            ReceptionErrorCode.DIALOGUE_STATE,
            status=409,
            message=_("A dialogue is scheduled while the complaint is being verified."),
        )
    if held_on < today():
        raise field_error(
            ReceptionErrorCode.INVALID, "held_on", message=_("A dialogue cannot be scheduled in the past.")
        )
    if not normalize(place):
        raise field_error(ReceptionErrorCode.INVALID, "place", message=_("This field is required."))
    if not normalize(content):
        raise field_error(ReceptionErrorCode.INVALID, "content", message=_("This field is required."))
    if any(p.role not in ParticipantRole.values or not normalize(p.full_name) for p in participants):
        raise field_error(ReceptionErrorCode.INVALID, "participants", message=_("Every line needs a role and a name."))
    if not any(p.role in (ParticipantRole.COMPLAINANT, ParticipantRole.REPRESENTATIVE) for p in participants):
        raise field_error(
            ReceptionErrorCode.INVALID, "participants", message=_("Invite the complainant or the representative.")
        )
    require_member(chair, petition.handling_organization, "chair")
    if notice_sent_on is not None:
        check_notice(notice_on=notice_sent_on, held_on=held_on)
    dialogue = Dialogue.objects.create(
        organization=petition.handling_organization,
        petition=petition,
        held_on=held_on,
        start_time=start_time,
        place=normalize(place),
        content=content.strip(),
        chair=chair,
        status=DialogueStatus.NOTIFIED if notice_sent_on else DialogueStatus.SCHEDULED,
        notice_sent_on=notice_sent_on,
        notice_method=normalize(notice_method)[:150],
        created_by=actor,
    )
    people = [ParticipantData(ParticipantRole.CHAIR, chair.get_full_name(), ""), *participants]
    DialogueParticipant.objects.bulk_create(
        DialogueParticipant(
            dialogue=dialogue,
            role=p.role,
            full_name=normalize(p.full_name),
            organization_name=normalize(p.organization_name)[:250],
            notified_on=notice_sent_on if p.role != ParticipantRole.CHAIR else None,
            position=i,
        )
        for i, p in enumerate(people)
    )
    audit(
        actor=actor,
        action="dialogue_scheduled",
        target=dialogue,
        organization_id=dialogue.organization_id,
        petition=petition.tracking_code,
        held_on=held_on.isoformat(),
    )
    return dialogue


@transaction.atomic
def dialogue_record_notice(*, actor: User, dialogue: Dialogue, sent_on: dt.date, method: str) -> Dialogue:
    dialogue = Dialogue.objects.select_for_update().get(pk=dialogue.pk)
    if dialogue.status not in (DialogueStatus.SCHEDULED, DialogueStatus.NOTIFIED):
        raise reception_error(ReceptionErrorCode.DIALOGUE_STATE, status=409)
    if not normalize(method):
        raise field_error(ReceptionErrorCode.INVALID, "method", message=_("Say how the notice was sent."))
    check_notice(notice_on=sent_on, held_on=dialogue.held_on, field="sent_on")
    dialogue.notice_sent_on, dialogue.notice_method = sent_on, normalize(method)[:150]
    dialogue.status = DialogueStatus.NOTIFIED
    dialogue.save(update_fields=["notice_sent_on", "notice_method", "status", "updated_at"])
    dialogue.participants.exclude(role=ParticipantRole.CHAIR).update(notified_on=sent_on)
    audit(
        actor=actor,
        action="dialogue_notified",
        target=dialogue,
        organization_id=dialogue.organization_id,
        sent_on=sent_on.isoformat(),
    )
    return dialogue


def _minutes_text(dialogue: Dialogue, participants: list[DialogueParticipant]) -> str:
    lines = [f"{p.full_name} ({p.get_role_display()}): {p.opinion}" for p in participants if p.opinion]
    return "\n".join([dialogue.result, *lines])


@transaction.atomic
def dialogue_record_minutes(*, actor: User, dialogue: Dialogue, entries: list[MinutesEntry], result: str) -> Dialogue:
    """Each participant's opinion and signature (or the reason for refusing), the result; the dialogue is then
    recorded on the petition (``petition_record_dialogue``), in the same transaction."""
    dialogue = (
        Dialogue.objects.select_for_update(of=("self",))
        .select_related("petition", "organization__unit__province")
        .get(pk=dialogue.pk)
    )
    if dialogue.status != DialogueStatus.NOTIFIED or dialogue.notice_sent_on is None:
        raise reception_error(
            ReceptionErrorCode.DIALOGUE_STATE, status=409, message=_("Record the notice to the parties first.")
        )
    if dialogue.held_on > today():
        raise reception_error(ReceptionErrorCode.DIALOGUE_IN_FUTURE, status=409)
    if not normalize(result):
        raise field_error(ReceptionErrorCode.INVALID, "result", message=_("Write the result of the dialogue."))
    participants = {p.pk: p for p in dialogue.participants.all()}
    by_id = {e.participant_id: e for e in entries}
    if set(by_id) != set(participants):
        raise field_error(ReceptionErrorCode.INVALID, "result", message=_("Record every participant."))
    for pk, participant in participants.items():
        entry = by_id[pk]
        if entry.signature not in Signature.values:
            raise field_error(ReceptionErrorCode.INVALID, f"signature_{pk}")
        if entry.signature == Signature.REFUSED and not normalize(entry.refusal_reason):
            raise field_error(
                ReceptionErrorCode.INVALID, f"refusal_reason_{pk}", message=_("Note the reason for refusing to sign.")
            )
        participant.signature = entry.signature
        participant.opinion = entry.opinion.strip() if entry.signature != Signature.ABSENT else ""
        participant.refusal_reason = normalize(entry.refusal_reason) if entry.signature == Signature.REFUSED else ""
    DialogueParticipant.objects.bulk_update(participants.values(), ["signature", "opinion", "refusal_reason"])
    dialogue.result = result.strip()
    issuer = issuer_for(dialogue.organization, signer_name=dialogue.chair.get_full_name())
    dialogue.minutes_number = document_number_next(
        organization=dialogue.organization,
        year=dialogue.held_on.year,
        symbol=f"{MINUTES_ABBREVIATION}-{issuer.agency_code}",
    )
    dialogue.status, dialogue.minutes_recorded_at = DialogueStatus.HELD, timezone.now()
    dialogue.save(update_fields=["result", "minutes_number", "status", "minutes_recorded_at", "updated_at"])
    try:
        petition_record_dialogue(
            actor=actor,
            petition=dialogue.petition,
            notified_on=dialogue.notice_sent_on,
            held_on=dialogue.held_on,
            minutes=_minutes_text(dialogue, list(participants.values())),
        )
    except DomainError as error:
        raise reception_error(ReceptionErrorCode.DIALOGUE_STATE, status=409, message=error.message) from error
    audit(
        actor=actor,
        action="dialogue_minutes_recorded",
        target=dialogue,
        organization_id=dialogue.organization_id,
        number=dialogue.minutes_number,
    )
    return dialogue


def dialogue_minutes_docx(*, dialogue: Dialogue) -> bytes:
    """The minutes as a Decree 30 document, from what was recorded."""
    issuer = issuer_for(dialogue.organization, signer_name=dialogue.chair.get_full_name())
    participants = [
        MinutesParticipant(
            role=ROLE_NAMES[p.role],
            name=p.full_name,
            organization=p.organization_name,
            opinion=p.opinion,
            signature=p.signature or Signature.ABSENT,
            refusal_reason=p.refusal_reason,
        )
        for p in dialogue.participants.all()
    ]
    document = dialogue_minutes(
        issuer=issuer,
        number=dialogue.minutes_number,
        held_on=dialogue.held_on,
        start_time=dialogue.start_time,
        place=dialogue.place,
        chair_title=f"ông (bà) {dialogue.chair.get_full_name()}",
        subject=dialogue.petition.subject,
        content=dialogue.content,
        participants=participants,
        result=dialogue.result,
        copies=law.minutes_copies(day=dialogue.held_on),
    )
    return build_docx(document)
