"""Reads about petitions, always scoped to the user. "Not found" and "not allowed" look the same.

Confidentiality (Denunciation Law art. 8(3), 9, 47, 56): a denouncer's name, address, ID, contact and
identity-revealing attachments are readable only by the assigned handler and the head of the handling
organisation. Everyone else gets a masked view; every read of the identity writes an audit row.
"""

from __future__ import annotations

import datetime as dt
import hmac
from dataclasses import dataclass

from django.db import transaction
from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.utils.translation import gettext as _

from danvan.accounts.models import Organization, OrganizationKind, Role, User
from danvan.accounts.selectors import jurisdiction_filter, user_memberships
from danvan.audit.services import audit_record
from danvan.calendar.selectors import deadline_status, working_days_left
from danvan.cases.models import Attachment, IssuedDocument, Kind, Party, PartyRole, Petition, StepDeadline
from danvan.cases.services.intake import hash_secret
from danvan.geography.models import AdministrativeUnit


def petition_list_for_user(*, user: User) -> QuerySet[Petition]:
    petitions = Petition.objects.select_related("handling_organization", "unit", "category", "handler")
    if not user.is_authenticated or not user_memberships(user=user):
        return petitions.none()
    scope = jurisdiction_filter(user=user, prefix="handling_organization__unit")
    if scope is None:
        return petitions
    member_orgs = [m.organization_id for m in user_memberships(user=user)]
    forwarded_by_us = Q(forwardings__from_organization_id__in=member_orgs)
    return petitions.filter(scope | forwarded_by_us).distinct()


def petition_inbox_for_user(*, user: User) -> QuerySet[Petition]:
    """Petitions handled by the user's own organisations (the inbox), most urgent first."""
    member_orgs = [m.organization_id for m in user_memberships(user=user)]
    return Petition.objects.filter(handling_organization_id__in=member_orgs).select_related(
        "handling_organization", "unit", "category", "handler"
    )


def petition_get_for_user(*, user: User, petition_id: int) -> Petition:
    return petition_list_for_user(user=user).get(pk=petition_id)


def petition_get_by_code(*, tracking_code: str, secret: str) -> Petition:
    """The citizen's view. A duplicate shows its handling case. Raises Petition.DoesNotExist."""
    petition = Petition.objects.select_related("handling_organization", "unit", "canonical").get(
        tracking_code=tracking_code.strip().upper()
    )
    if not secret or not hmac.compare_digest(petition.secret_hash, hash_secret(secret.strip())):
        raise Petition.DoesNotExist
    return petition


def user_may_see_identity(*, user: User, petition: Petition) -> bool:
    """Only the assigned handler and the head of the handling organisation see a denouncer's identity."""
    if petition.kind != Kind.DENUNCIATION:
        return True
    if petition.handler_id is not None and petition.handler_id == user.pk:
        return True
    return any(
        m.role == Role.UNIT_HEAD and m.organization_id == petition.handling_organization_id
        for m in user_memberships(user=user)
    )


@dataclass(frozen=True)
class PartyView:
    role: str
    role_label: str
    full_name: str
    personal_id: str
    birth_year: int | None
    address: str
    phone: str
    email: str
    masked: bool


def _masked(party: Party) -> PartyView:
    hidden = _("Kept confidential (Denunciation Law art. 47)")
    return PartyView(
        party.role, str(party.get_role_display()), _("Denouncer"), hidden, None, hidden, hidden, hidden, True
    )


def _plain(party: Party) -> PartyView:
    address = ", ".join(
        x for x in [party.address_street, party.address_unit.full_name() if party.address_unit else ""] if x
    )
    return PartyView(
        party.role,
        str(party.get_role_display()),
        party.full_name,
        party.personal_id,
        party.birth_year,
        address,
        party.phone,
        party.email,
        False,
    )


def is_confidential(party: Party, petition: Petition) -> bool:
    return petition.kind == Kind.DENUNCIATION and party.role in (PartyRole.PETITIONER, PartyRole.REPRESENTATIVE)


def party_views(*, user: User, petition: Petition) -> list[PartyView]:
    """The parties as ``user`` may see them. Reading a denouncer's identity is audited."""
    parties = list(Party.objects.filter(petition=petition).select_related("address_unit__province"))
    allowed = user_may_see_identity(user=user, petition=petition)
    views = [(_plain(p) if allowed or not is_confidential(p, petition) else _masked(p)) for p in parties]
    if allowed and any(is_confidential(p, petition) for p in parties):
        with transaction.atomic():
            audit_record(
                actor=user,
                action="petition.identity_viewed",
                target=petition,
                organization_id=petition.handling_organization_id,
            )
    return views


def attachments_for_user(*, user: User, petition: Petition) -> QuerySet[Attachment]:
    attachments = Attachment.objects.filter(petition=petition).order_by("created_at")
    if user_may_see_identity(user=user, petition=petition):
        return attachments
    return attachments.filter(reveals_identity=False)


def intake_organization_for(*, unit: AdministrativeUnit) -> Organization | None:
    """Where a citizen's petition about ``unit`` lands: the commune's People's Committee, else the
    provincial People's Committee (which forwards it). ``None`` if neither is on the platform."""
    commune_committee = (
        Organization.objects.filter(unit=unit, kind=OrganizationKind.COMMUNE_COMMITTEE, is_active=True)
        .order_by("pk")
        .first()
    )
    if commune_committee is not None:
        return commune_committee
    return (
        Organization.objects.filter(
            unit_id=unit.province_id, kind=OrganizationKind.PROVINCIAL_COMMITTEE, is_active=True
        )
        .order_by("pk")
        .first()
    )


def deadline_rows(*, petition: Petition, today: dt.date) -> list[tuple[StepDeadline, int, str]]:
    """Each open step with its working days left and status (on time / due soon / overdue)."""
    rows = []
    for deadline in StepDeadline.objects.filter(petition=petition, completed_on__isnull=True).order_by("due_on"):
        left = working_days_left(today=today, due=deadline.due_on)
        rows.append((deadline, left, str(deadline_status(today=today, due=deadline.due_on))))
    return rows


def next_due_subquery() -> Subquery:
    """The earliest due date among the open, running (not suspended) steps: annotate it as ``next_due_on``."""
    open_steps = StepDeadline.objects.filter(petition=OuterRef("pk"), completed_on__isnull=True, paused_on__isnull=True)
    return Subquery(open_steps.order_by("due_on").values("due_on")[:1])


PUBLIC_KINDS = (Kind.RECOMMENDATION, Kind.FEEDBACK)


def public_petitions() -> QuerySet[Petition]:
    """What anyone may see (Open311): recommendations and feedback only. A denunciation's very existence
    can expose the denouncer, and complaints concern a person's own rights."""
    return (
        Petition.objects.filter(kind__in=PUBLIC_KINDS)
        .select_related("category", "handling_organization", "unit__province")
        .annotate(next_due_on=next_due_subquery())
    )


def issued_document_for_user(*, user: User, petition: Petition, document_id: int) -> IssuedDocument | None:
    """An issued document the officer may open. A document addressed to a denouncer carries the
    denouncer's identity: only those who may see it open it (a forwarding slip never carries it)."""
    document = IssuedDocument.objects.filter(petition=petition, pk=document_id).first()
    if document is None:
        return None
    if document.for_citizen and not user_may_see_identity(user=user, petition=petition):
        return None
    return document


def issued_document_for_citizen(*, petition: Petition, document_id: int) -> IssuedDocument | None:
    """A document addressed to the citizen of ``petition`` (or of the case handling its duplicate)."""
    case = petition.canonical or petition
    return IssuedDocument.objects.filter(petition=case, pk=document_id, for_citizen=True).first()
