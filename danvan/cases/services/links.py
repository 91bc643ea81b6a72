"""Duplicates, related petitions, splitting a mixed petition. Nothing is merged automatically."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from danvan.accounts.models import User
from danvan.cases import deadlines
from danvan.cases.errors import CaseErrorCode, case_error
from danvan.cases.models import Kind, Party, Petition, PetitionLink, Status
from danvan.cases.services.common import record, set_status, today
from danvan.cases.services.intake import PartyData, PetitionData, petition_submit
from danvan.cases.states import require_allowed
from danvan.core.text import normalize


@transaction.atomic
def petition_mark_duplicate(*, actor: User, petition: Petition, canonical: Petition) -> Petition:
    """One handling case: the copy points to it and its citizen sees the case's status and answer."""
    petition = Petition.objects.select_for_update().get(pk=petition.pk)
    if canonical.pk == petition.pk or canonical.canonical_id is not None or petition.duplicates.exists():
        raise case_error(CaseErrorCode.DUPLICATE_OF_ITSELF)
    require_allowed(petition, "duplicate")
    petition.canonical = canonical
    previous = set_status(petition, Status.DUPLICATE, "canonical")
    deadlines.complete_all(petition=petition, on=today())
    record(
        actor=actor,
        petition=petition,
        action="marked_duplicate",
        from_status=previous,
        data={"canonical": canonical.tracking_code},
    )
    # The handling case's officers learn of the copy on their own timeline (it may come from another
    # organisation): internal, the copy's citizen is not the case's citizen.
    record(
        actor=actor,
        petition=canonical,
        action="duplicate_attached",
        data={"duplicate": petition.tracking_code},
        citizen_visible=False,
    )
    return petition


@transaction.atomic
def petition_link_related(*, actor: User, petition: Petition, other: Petition) -> PetitionLink:
    if other.pk == petition.pk:
        raise case_error(CaseErrorCode.DUPLICATE_OF_ITSELF)
    a, b = sorted([petition, other], key=lambda p: p.pk)
    link, created = PetitionLink.objects.get_or_create(from_petition=a, to_petition=b, defaults={"created_by": actor})
    if created:
        record(
            actor=actor, petition=petition, action="linked", data={"other": other.tracking_code}, citizen_visible=False
        )
    return link


@dataclass
class SplitPart:
    kind: str
    subject: str
    content: str
    complaint_round: int | None = None


@transaction.atomic
def petition_split(*, actor: User, petition: Petition, parts: list[SplitPart]) -> list[Petition]:
    """A petition mixing complaint, denunciation and feedback becomes separate petitions (one per part)."""
    petition = Petition.objects.select_for_update().get(pk=petition.pk)
    require_allowed(petition, "split")
    if len(parts) < 2 or any(p.kind not in Kind.values for p in parts):
        raise case_error(
            CaseErrorCode.INVALID, fields={"parts": [str(_("Give at least two parts, each of a known kind."))]}
        )
    parties = [
        PartyData(
            full_name=p.full_name,
            role=p.role,
            personal_id=p.personal_id,
            birth_year=p.birth_year,
            address_unit=p.address_unit,
            address_street=p.address_street,
            phone=p.phone,
            email=p.email,
        )
        for p in Party.objects.filter(petition=petition)
    ]
    created = []
    for part in parts:
        data = PetitionData(
            kind=part.kind,
            subject=normalize(part.subject),
            content=part.content,
            unit=petition.unit,
            channel=petition.channel,
            complaint_round=part.complaint_round or (1 if part.kind == Kind.COMPLAINT else None),
            category=petition.category,
            location=petition.location,
            respondent_name=petition.respondent_name,
            people_count=petition.people_count,
            is_anonymous=petition.is_anonymous,
            received_on=petition.received_on,
            parties=parties,
        )
        submission = petition_submit(actor=actor, data=data, receiving_organization=petition.handling_organization)
        new = submission.petition
        new.split_from = petition
        new.secret_hash = petition.secret_hash  # the citizen's secret opens every part
        new.save(update_fields=["split_from", "secret_hash"])
        created.append(new)
    previous = set_status(petition, Status.SPLIT)
    deadlines.complete_all(petition=petition, on=today())
    record(
        actor=actor,
        petition=petition,
        action="split",
        from_status=previous,
        data={"parts": [p.tracking_code for p in created]},
    )
    return created
