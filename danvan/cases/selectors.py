"""Reads about petitions, always scoped to the user. "Not found" and "not allowed" look the same.

Confidentiality (Denunciation Law art. 8(3), 9, 47, 56): a denouncer's name, address, ID, contact and
identity-revealing attachments are readable only by the assigned handler and the head of the handling
organisation. Everyone else gets a masked view; every read of the identity writes an audit row.
"""

from __future__ import annotations

import datetime as dt
import hmac
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import rules
from django.db import transaction
from django.db.models import F, Q, QuerySet
from django.utils.translation import gettext as _

from danvan.accounts.models import Membership, Organization, OrganizationKind, Role, User
from danvan.accounts.selectors import jurisdiction_filter, user_is_system_admin, user_memberships
from danvan.audit.services import audit_record
from danvan.calendar.selectors import DUE_SOON_THRESHOLD, add_working_days, deadline_status, working_days_left
from danvan.cases.models import (
    CROWD_RULE,
    Attachment,
    Forwarding,
    IssuedDocument,
    Kind,
    Party,
    PartyRole,
    Petition,
    StepDeadline,
)
from danvan.cases.services.intake import hash_secret
from danvan.core.masking import Identity, conceal
from danvan.core.text import folded_pattern
from danvan.geography.models import AdministrativeUnit, Era, Level
from danvan.law.selectors import at_least_q

# Who may be a petition's handler (as danvan.cases.rules.PROCESSING_ROLES, which imports this module).
HANDLING_ROLES = (Role.RECEPTION_OFFICER, Role.CASE_HANDLER, Role.UNIT_HEAD)


def _organizations_in_jurisdiction(*, user: User) -> list[int] | None:
    """Ids of the organisations whose petitions the user's jurisdiction covers; ``None``: all of them.
    Cached on the user object for the request, like ``user_memberships``, and recomputed whenever those
    are re-read (a membership added or ended in the same request)."""
    memberships = user_memberships(user=user)
    cached = getattr(user, "_danvan_jurisdiction_orgs", None)
    if cached is not None and cached[0] is memberships:
        ids: list[int] | None = cached[1]
        return ids
    scope = jurisdiction_filter(user=user, prefix="unit")
    ids = (
        None if scope is None else list(Organization.objects.filter(scope).order_by("pk").values_list("pk", flat=True))
    )
    user._danvan_jurisdiction_orgs = (memberships, ids)  # type: ignore[attr-defined]
    return ids


FORWARDED_INLINE_MAX = 5_000  # forwarded petitions written into the scope as ids (beyond: a sub-query)


def petition_list_for_user(*, user: User) -> QuerySet[Petition]:
    """Petitions handled in the user's jurisdiction, and those the user's organisations forwarded elsewhere.

    Shaped for the planner at a million rows: the organisations are resolved first (no join to
    organisations and units per petition), forwarded petitions are an ``id IN (subquery)``, no DISTINCT.
    """
    petitions = Petition.objects.select_related("handling_organization", "unit", "category", "handler")
    if not user.is_authenticated or not user_memberships(user=user):
        return petitions.none()
    organizations = _organizations_in_jurisdiction(user=user)
    if organizations is None:
        return petitions
    member_orgs = [m.organization_id for m in user_memberships(user=user)]
    forwarded = Forwarding.objects.filter(from_organization_id__in=member_orgs).values_list("petition_id", flat=True)
    # As ids, not a sub-query: PostgreSQL cannot combine "org IN (…) OR id IN (sub-query)" from two indexes and
    # read a commune's 6,000 petitions by scanning a million (2.5 s, bench/RESULTS.md). A list of ids can.
    ids = list(forwarded.order_by().distinct()[: FORWARDED_INLINE_MAX + 1])
    if len(ids) > FORWARDED_INLINE_MAX:  # a body that forwards very many letters: the sub-query after all
        return petitions.filter(Q(handling_organization_id__in=organizations) | Q(pk__in=forwarded))
    if not ids:
        return petitions.filter(handling_organization_id__in=organizations)
    return petitions.filter(Q(handling_organization_id__in=organizations) | Q(pk__in=ids))


def petition_get_for_user(*, user: User, petition_id: int) -> Petition:
    return petition_list_for_user(user=user).get(pk=petition_id)


def petition_get_by_code(*, tracking_code: str, secret: str = "", secret_hash: str = "") -> Petition:
    """The citizen's view, opened with the secret or with its hash (what a browser's session keeps). A duplicate
    shows its handling case. Raises Petition.DoesNotExist."""
    petition = Petition.objects.select_related("handling_organization", "unit", "canonical").get(
        tracking_code=tracking_code.strip().upper()
    )
    given = hash_secret(secret.strip()) if secret else secret_hash
    if not given or not hmac.compare_digest(petition.secret_hash, given):
        raise Petition.DoesNotExist
    return petition


def user_may_see_identity(*, user: User, petition: Petition) -> bool:
    """Only the assigned handler and the head of the handling organisation see a denouncer's identity
    (the rule ``cases.read_denouncer_identity`` of danvan/cases/rules.py)."""
    return rules.has_perm("cases.read_denouncer_identity", user, petition)


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


def identity_of(party: Party) -> Identity:
    return Identity(party.full_name, party.address_street, party.personal_id, party.phone, party.email)


def texts_for_user(*, user: User, petition: Petition, texts: Sequence[str]) -> list[str]:
    """Free texts of a petition (subject, content, place, answer, reasons) as ``user`` may read them: for a
    denunciation and a reader who may not see the denouncer, the denouncer's name, address, ID number,
    phone and e-mail are hidden wherever the letter or an officer's text repeats them (Denunciation Law
    art. 47)."""
    if user_may_see_identity(user=user, petition=petition):
        return list(texts)
    people = [identity_of(p) for p in Party.objects.filter(petition=petition) if is_confidential(p, petition)]
    placeholder = _("[the denouncer — kept confidential]")
    return [conceal(text, people, placeholder) for text in texts]


def subjects_for_user(*, user: User, petitions: Sequence[Petition]) -> dict[int, str]:
    """The subjects of a page of petitions as ``user`` may read them (one query for the whole page)."""
    hidden = [p.pk for p in petitions if not user_may_see_identity(user=user, petition=p)]
    people: dict[int, list[Identity]] = {}
    if hidden:
        confidential = Party.objects.filter(
            petition_id__in=hidden, role__in=(PartyRole.PETITIONER, PartyRole.REPRESENTATIVE)
        )
        for party in confidential:
            people.setdefault(party.petition_id, []).append(identity_of(party))
    placeholder = _("[the denouncer — kept confidential]")
    return {p.pk: conceal(p.subject, people.get(p.pk, []), placeholder) for p in petitions}


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


def next_due_subquery() -> F:
    """The earliest due date among the open, running (not suspended) steps: annotate it as ``next_due_on``.
    No longer a subquery: the date is kept on the petition by ``danvan.cases.deadlines``."""
    return F("earliest_due_on")


# --- The inbox ---------------------------------------------------------------------------------------


def petitions_matching(petitions: QuerySet[Petition], query: str) -> QuerySet[Petition]:
    """Tracking code or subject, accent-insensitive on both sides (``Đường`` = ``duong``). Never party
    names: a denouncer's identity must not be findable from the inbox."""
    code = query.strip().upper()
    return petitions.filter(Q(tracking_code__contains=code) | Q(subject__regex=folded_pattern(query)))


def inbox_filter(petitions: QuerySet[Petition], *, filters: Mapping[str, Any], today: dt.date) -> QuerySet[Petition]:
    """The inbox's filters (the cleaned data of ``InboxFilterForm``), most urgent first."""
    for name in ("kind", "status", "category", "unit", "handler"):
        if filters.get(name):
            petitions = petitions.filter(**{name: filters[name]})
    if filters.get("crowd"):
        petitions = petitions.filter(at_least_q(CROWD_RULE, day_field="received_on", count_field="people_count"))
    if filters.get("q"):
        petitions = petitions_matching(petitions, filters["q"])
    if filters.get("due") == "overdue":
        petitions = petitions.filter(earliest_due_on__lt=today)
    elif filters.get("due") == "due_soon":
        soon = add_working_days(today, DUE_SOON_THRESHOLD)
        petitions = petitions.filter(earliest_due_on__gte=today, earliest_due_on__lte=soon)
    return inbox_order(petitions)


def petition_inbox_for_user(*, user: User) -> QuerySet[Petition]:
    """Petitions handled by the user's own organisations (the inbox)."""
    member_orgs = sorted({m.organization_id for m in user_memberships(user=user)})
    return Petition.objects.filter(handling_organization_id__in=member_orgs).select_related(
        "handling_organization", "unit", "category", "handler"
    )


def inbox_order(petitions: QuerySet[Petition]) -> QuerySet[Petition]:
    """Most urgent first: overdue and soonest due, then those without a running step, newest first.
    Matches the indexes ``cases_pet_inbox_idx`` and ``cases_pet_urgency_idx``."""
    return petitions.order_by(F("earliest_due_on").asc(nulls_last=True), "-received_on", "-id")


def inbox_units(*, user: User) -> QuerySet[AdministrativeUnit]:
    """The communes the inbox may be filtered by: those of the user's jurisdiction."""
    communes = AdministrativeUnit.objects.filter(level=Level.COMMUNE, era=Era.CURRENT).order_by("name", "pk")
    if user_is_system_admin(user=user):
        return communes
    own = {m.organization.unit for m in user_memberships(user=user)}
    provinces = [u.pk for u in own if u.level == Level.PROVINCE]
    return communes.filter(Q(province_id__in=provinces) | Q(pk__in=[u.pk for u in own if u.level != Level.PROVINCE]))


def inbox_handlers(*, user: User, all_jurisdiction: bool) -> QuerySet[User]:
    """The people the inbox may be filtered by: the members of the organisations it lists (read from the
    memberships, never from the petitions)."""
    if all_jurisdiction:
        organizations = _organizations_in_jurisdiction(user=user)
    else:
        organizations = sorted({m.organization_id for m in user_memberships(user=user)})
    members = Membership.objects.filter(is_active=True, role__in=HANDLING_ROLES)
    if organizations is not None:
        members = members.filter(organization_id__in=organizations)
    return User.objects.filter(is_active=True, pk__in=members.values("user_id")).order_by("full_name", "pk")


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
