"""Intake: every channel (web form, officer entry, JSON API, Open311) ends in the same Petition."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass, field

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from danvan.accounts.models import Organization, User
from danvan.cases import deadlines
from danvan.cases.attachments import check_upload
from danvan.cases.confirmations import schedule_receipts
from danvan.cases.errors import CaseErrorCode, case_error
from danvan.cases.models import (
    Attachment,
    Category,
    Channel,
    IdempotencyKey,
    Kind,
    Party,
    PartyRole,
    Petition,
    StepDeadline,
)
from danvan.cases.personal_id import normalize_personal_id, personal_id_problems
from danvan.cases.services.common import record, today
from danvan.core.text import normalize
from danvan.geography.models import AdministrativeUnit
from danvan.law import selectors as law

# Crockford's alphabet without look-alikes (no I, L, O, U): easy to read out on the phone.
_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


@dataclass
class PartyData:
    full_name: str
    role: str = PartyRole.PETITIONER
    personal_id: str = ""
    birth_year: int | None = None
    address_unit: AdministrativeUnit | None = None
    address_street: str = ""
    phone: str = ""
    email: str = ""


@dataclass
class PetitionData:
    kind: str
    subject: str
    content: str
    unit: AdministrativeUnit
    channel: str = Channel.WEB
    complaint_round: int | None = None
    category: Category | None = None
    location: str = ""
    latitude: float | None = None
    longitude: float | None = None
    respondent_name: str = ""
    decision_reference: str = ""
    decision_date: dt.date | None = None
    people_count: int = 1
    is_anonymous: bool = False
    received_on: dt.date | None = None
    parties: list[PartyData] = field(default_factory=list)
    attachments: list[UploadedFile] = field(default_factory=list)
    previous_round: Petition | None = None


@dataclass(frozen=True)
class Submission:
    petition: Petition
    secret: str
    created: bool = True
    deadline: StepDeadline | None = None  # the first step, when ``created``


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def _tracking_code() -> str:
    raw = "".join(secrets.choice(_ALPHABET) for _ in range(8))
    return f"DV-{raw[:4]}-{raw[4:]}"


def validate_petition(data: PetitionData) -> dict[str, list[str]]:
    """Field errors in Vietnamese, keyed by field name (``parties.0.personal_id`` for a party)."""
    errors: dict[str, list[str]] = {}

    def add(name: str, message: str) -> None:
        errors.setdefault(name, []).append(message)

    if data.kind not in Kind.values:
        add("kind", _("Choose the kind of petition."))
    if data.kind == Kind.COMPLAINT and data.complaint_round not in (1, 2):
        add("complaint_round", _("Say whether this is a first or a second complaint."))
    if not normalize(data.subject):
        add("subject", _("Write a short subject."))
    if len(normalize(data.content)) < 10:
        add("content", _("Describe the matter in at least a few words."))
    received = data.received_on or today()
    if received > today():
        add("received_on", _("The date of receipt cannot be in the future."))
    if data.decision_date is not None:
        if data.decision_date > today():
            add("decision_date", _("The date of the decision cannot be in the future."))
        elif data.decision_date > received:
            add("decision_date", _("The decision cannot be later than the petition."))
        elif data.decision_date.year < 1945:
            add("decision_date", _("Check the date of the decision."))
    petitioners = [p for p in data.parties if p.role == PartyRole.PETITIONER]
    representatives = [p for p in data.parties if p.role == PartyRole.REPRESENTATIVE]
    if not data.is_anonymous and not petitioners:
        add("parties", _("Give the name of at least one petitioner, or mark the petition anonymous."))
    if data.people_count < max(1, len(petitioners)):
        add("people_count", _("The number of people is smaller than the petitioners listed."))
    # How many representatives a group may choose: versioned rules by group size, with their citation
    # (none for a small group, nor before the law was in force). Without representatives there is no
    # maximum to pass, and the rules are not read.
    limits = law.representative_limits(people=data.people_count, day=received) if representatives else None
    if limits is not None and limits.maximum is not None and len(representatives) > limits.maximum:
        add(
            "parties",
            _("A group of %(people)s people may choose at most %(limit)s representatives (%(citation)s).")
            % {"people": data.people_count, "limit": limits.maximum, "citation": limits.citation},
        )
    for index, party in enumerate(data.parties):
        if not normalize(party.full_name):
            add(f"parties.{index}.full_name", _("Write the full name."))
        if party.personal_id:
            for problem in personal_id_problems(party.personal_id, birth_year=party.birth_year):
                add(f"parties.{index}.personal_id", problem.message)
        if party.birth_year is not None and not (1900 <= party.birth_year <= today().year):
            add(f"parties.{index}.birth_year", _("Check the year of birth."))
    if len(data.attachments) > settings.DANVAN_ATTACHMENT_MAX_COUNT:
        add("attachments", _("Attach at most %(n)s files.") % {"n": settings.DANVAN_ATTACHMENT_MAX_COUNT})
    return errors


@transaction.atomic
def petition_submit(
    *,
    actor: User | None,
    data: PetitionData,
    receiving_organization: Organization,
    idempotency_key: str | None = None,
    request_fingerprint: str = "",
) -> Submission:
    """Register a petition from any channel. Validates everything first: nothing is half-saved."""
    if idempotency_key and actor is not None:
        existing = IdempotencyKey.objects.filter(user=actor, key=idempotency_key).select_related("petition").first()
        if existing is not None:
            if existing.request_hash != request_fingerprint:
                raise case_error(CaseErrorCode.IDEMPOTENCY_CONFLICT, status=409)
            return Submission(existing.petition, secret="", created=False)
    errors = validate_petition(data)
    checked = []
    for index, upload in enumerate(data.attachments):
        try:
            checked.append(check_upload(upload))
        except ValueError as exc:
            errors.setdefault(f"attachments.{index}", []).append(str(exc))
    if errors:
        raise case_error(CaseErrorCode.INVALID, fields=errors)

    secret = secrets.token_urlsafe(18)
    petition = Petition(
        kind=data.kind,
        complaint_round=data.complaint_round if data.kind == Kind.COMPLAINT else None,
        channel=data.channel,
        receiving_organization=receiving_organization,
        handling_organization=receiving_organization,
        unit=data.unit,
        location=normalize(data.location),
        latitude=data.latitude,
        longitude=data.longitude,
        subject=normalize(data.subject)[:250],
        content=data.content.strip(),
        category=data.category,
        respondent_name=normalize(data.respondent_name),
        decision_reference=normalize(data.decision_reference),
        decision_date=data.decision_date,
        people_count=data.people_count,
        is_anonymous=data.is_anonymous,
        received_on=data.received_on or today(),
        is_remote=data.unit.is_remote,
        previous_round=data.previous_round,
        secret_hash=hash_secret(secret),
    )
    # The first step's due date is known before the insert: the petition is saved with its
    # earliest_due_on, and the step inserted after it (danvan.cases.deadlines.intake_step).
    deadline = deadlines.intake_step(petition)
    for _attempt in range(5):
        petition.tracking_code = _tracking_code()
        try:
            with transaction.atomic():
                petition.save()
            break
        except IntegrityError:
            continue
    Party.objects.bulk_create(
        Party(
            petition=petition,
            role=p.role,
            full_name=normalize(p.full_name),
            personal_id=normalize_personal_id(p.personal_id),
            birth_year=p.birth_year,
            address_unit=p.address_unit,
            address_street=normalize(p.address_street),
            phone=normalize(p.phone),
            email=p.email.strip(),
        )
        for p in data.parties
    )
    for f in checked:
        attachment = Attachment(
            petition=petition,
            original_name=f.name,
            content_type=f.content_type,
            size=f.size,
            sha256=f.sha256,
            reveals_identity=data.kind == Kind.DENUNCIATION,
            uploaded_by=actor if actor is not None and actor.pk else None,
        )
        attachment.file.save(f.name, ContentFile(f.data), save=False)
        attachment.save()
    deadline.petition = petition
    deadline.save(force_insert=True)
    deadlines.intake_track(petition=petition, deadline=deadline)
    record(
        actor=actor,
        petition=petition,
        action="received",
        data={"channel": petition.channel, "kind": petition.kind, "people": petition.people_count},
    )
    if idempotency_key and actor is not None:
        try:
            with transaction.atomic():
                IdempotencyKey.objects.create(
                    user=actor, key=idempotency_key, request_hash=request_fingerprint, petition=petition
                )
        except IntegrityError:
            # A concurrent request with the same key won the race: roll this one back whole; a retry
            # then returns the petition the other request created.
            raise case_error(CaseErrorCode.IDEMPOTENCY_CONFLICT, status=409) from None
    emails = sorted({p.email.strip() for p in data.parties if p.email.strip()})
    if emails and not (petition.kind == Kind.DENUNCIATION and data.is_anonymous):
        schedule_receipts(petition=petition, secret=secret, emails=emails)
    return Submission(petition, secret, deadline=deadline)
