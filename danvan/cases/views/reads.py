"""Reads that only the petition pages need. Each is scoped: the petition was fetched through a selector
first, and other petitions are shown only when ``petition_list_for_user`` returns them.
(Candidates for ``danvan.cases.selectors`` once another adapter needs them.)"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Q, QuerySet

from danvan.accounts.models import Organization, Role, User
from danvan.accounts.selectors import user_memberships
from danvan.audit.services import audit_record
from danvan.cases.models import Attachment, CaseEvent, IssuedDocument, Petition, PetitionLink
from danvan.cases.rules import PROCESSING_ROLES
from danvan.cases.selectors import attachments_for_user, petition_list_for_user


def citizen_events(*, case: Petition) -> list[CaseEvent]:
    """What the citizen may read: events marked citizen-visible (never actors, reasons or internal data)."""
    return list(
        CaseEvent.objects.filter(petition=case, citizen_visible=True)
        .select_related("organization")
        .order_by("created_at", "id")
    )


def officer_events(*, petition: Petition) -> list[CaseEvent]:
    return list(
        CaseEvent.objects.filter(petition=petition).select_related("actor", "organization").order_by("created_at", "id")
    )


def documents(*, petition: Petition, for_citizen: bool) -> list[IssuedDocument]:
    issued = IssuedDocument.objects.filter(petition=petition)
    if for_citizen:
        issued = issued.filter(for_citizen=True)
    return list(issued.order_by("issued_at", "id"))


@dataclass
class Related:
    canonical: Petition | None = None
    duplicates: list[Petition] = field(default_factory=list)
    split_from: Petition | None = None
    parts: list[Petition] = field(default_factory=list)
    previous_round: Petition | None = None
    linked: list[Petition] = field(default_factory=list)

    def __bool__(self) -> bool:
        return any([self.canonical, self.duplicates, self.split_from, self.parts, self.previous_round, self.linked])


def related_for_user(*, user: User, petition: Petition) -> Related:
    """Duplicates, parts, the first complaint and linked petitions, limited to those the user may see."""
    children = list(
        Petition.objects.filter(Q(canonical=petition) | Q(split_from=petition)).values_list(
            "pk", "canonical_id", "split_from_id"
        )
    )
    links = PetitionLink.objects.filter(Q(from_petition=petition) | Q(to_petition=petition))
    linked_ids = {pk for pair in links.values_list("from_petition_id", "to_petition_id") for pk in pair} - {petition.pk}
    optional = (petition.canonical_id, petition.split_from_id, petition.previous_round_id)
    wanted = {pk for pk in optional if pk is not None} | linked_ids | {pk for pk, _canonical, _split in children}
    visible = {p.pk: p for p in petition_list_for_user(user=user).filter(pk__in=wanted).order_by("tracking_code")}
    return Related(
        canonical=visible.get(petition.canonical_id or 0),
        duplicates=[visible[pk] for pk, canonical, _ in children if canonical == petition.pk and pk in visible],
        split_from=visible.get(petition.split_from_id or 0),
        parts=[visible[pk] for pk, _, split in children if split == petition.pk and pk in visible],
        previous_round=visible.get(petition.previous_round_id or 0),
        linked=[visible[pk] for pk in sorted(linked_ids) if pk in visible],
    )


def receiving_organizations(*, user: User) -> QuerySet[Organization]:
    """The organisations in whose name the officer registers a petition received on paper."""
    ids = [m.organization_id for m in user_memberships(user=user) if m.role in PROCESSING_ROLES]
    return Organization.objects.filter(pk__in=ids, is_active=True).select_related("unit").order_by("name")


def assignable_handlers(*, user: User) -> QuerySet[User]:
    """People the head may assign in bulk: officers of the organisations the user heads."""
    headed = [m.organization_id for m in user_memberships(user=user) if m.role == Role.UNIT_HEAD]
    return (
        User.objects.filter(
            is_active=True,
            memberships__organization_id__in=headed,
            memberships__is_active=True,
            memberships__role__in=list(PROCESSING_ROLES),
        )
        .distinct()
        .order_by("full_name", "pk")
    )


def split_part_codes(*, petition: Petition) -> list[str]:
    """The tracking codes of the parts a petition was split into (they open with the same secret)."""
    return list(
        Petition.objects.filter(split_from=petition).order_by("tracking_code").values_list("tracking_code", flat=True)
    )


def open_attachment(*, user: User, petition: Petition, attachment_id: int) -> Attachment | None:
    """An attachment the user may open. Opening one that reveals a denouncer's identity is audited, like
    reading the identity in ``selectors.party_views``."""
    attachment = attachments_for_user(user=user, petition=petition).filter(pk=attachment_id).first()
    if attachment is not None and attachment.reveals_identity:
        with transaction.atomic():
            audit_record(
                actor=user,
                action="petition.identity_attachment_opened",
                target=petition,
                organization_id=petition.handling_organization_id,
                data={"attachment": attachment.pk},
            )
    return attachment
