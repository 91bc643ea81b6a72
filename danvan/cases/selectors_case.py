"""Reads behind the petition pages: the timeline, documents, related petitions, internal notes and
response templates. Each is scoped: the petition was fetched through ``petition_get_for_user`` first,
and other petitions are shown only when ``petition_list_for_user`` returns them."""

from __future__ import annotations

from dataclasses import dataclass, field

import rules
from django.db import transaction
from django.db.models import F, Q, QuerySet

from danvan.accounts.models import Organization, Role, User
from danvan.accounts.selectors import user_is_system_admin, user_memberships
from danvan.audit.services import audit_record
from danvan.cases.models import (
    Attachment,
    CaseEvent,
    IssuedDocument,
    Kind,
    Party,
    PartyRole,
    Petition,
    PetitionLink,
    ResponseTemplate,
)
from danvan.cases.models.responses import fill_placeholders
from danvan.cases.rules import PROCESSING_ROLES
from danvan.cases.selectors import attachments_for_user, petition_list_for_user

# The address of a letter whose petitioner gave no name (the templates are Vietnamese letters).
NO_NAME = "Ông/Bà"
TEMPLATE_MANAGERS = frozenset({Role.ORG_ADMIN, Role.UNIT_HEAD})


# --- Timeline and documents -------------------------------------------------------------------------


def citizen_events(*, case: Petition) -> list[CaseEvent]:
    """What the citizen may read: events marked citizen-visible (never actors, reasons, internal notes)."""
    return list(
        CaseEvent.objects.filter(petition=case, citizen_visible=True)
        .select_related("organization")
        .order_by("created_at", "id")
    )


def officer_events(*, petition: Petition) -> list[CaseEvent]:
    """The whole timeline, internal notes included: for officers who may see the petition."""
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


# --- Officers and organisations ---------------------------------------------------------------------


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


# --- Internal notes ---------------------------------------------------------------------------------


def user_may_add_note(*, user: User, petition: Petition) -> bool:
    """Officers who work the case (the rule ``cases.add_note``). Everyone who may see the petition reads the
    notes in its timeline."""
    return user.has_perm("cases.add_note", petition)


# --- Response templates -----------------------------------------------------------------------------


def template_organizations(*, user: User) -> QuerySet[Organization]:
    """The organisations whose templates the user manages: where they are administrator or head."""
    ids = [m.organization_id for m in user_memberships(user=user) if m.role in TEMPLATE_MANAGERS]
    return Organization.objects.filter(pk__in=ids, is_active=True).order_by("name")


def user_manages_system_templates(*, user: User) -> bool:
    return user_is_system_admin(user=user)


@dataclass(frozen=True)
class TemplateScope:
    """Which templates a user manages: those of ``organization_ids``, and the system-wide ones if
    ``system_wide``. Read once per request, then asked for each template (no query per row)."""

    organization_ids: frozenset[int]
    system_wide: bool

    def __bool__(self) -> bool:
        return self.system_wide or bool(self.organization_ids)

    def manages(self, template: ResponseTemplate) -> bool:
        if template.organization_id is None:
            return self.system_wide
        return template.organization_id in self.organization_ids


def template_scope(*, user: User) -> TemplateScope:
    return TemplateScope(
        frozenset(template_organizations(user=user).values_list("pk", flat=True)),
        user_manages_system_templates(user=user),
    )


def user_may_manage_templates(*, user: User) -> bool:
    """The rule ``cases.manage_response_templates`` (danvan/cases/rules.py)."""
    return rules.has_perm("cases.manage_response_templates", user)


def user_may_manage_template(*, user: User, template: ResponseTemplate) -> bool:
    """The rule ``cases.manage_response_template`` (danvan/cases/rules.py)."""
    return rules.has_perm("cases.manage_response_template", user, template)


def response_templates_for_user(*, user: User) -> QuerySet[ResponseTemplate]:
    """System-wide templates and those of the user's organisations (all of them for a system administrator)."""
    templates = ResponseTemplate.objects.select_related("organization")
    if user_is_system_admin(user=user):
        return templates
    member_of = [m.organization_id for m in user_memberships(user=user)]
    return templates.filter(Q(organization__isnull=True) | Q(organization_id__in=member_of))


def response_template_get_for_user(*, user: User, template_id: int) -> ResponseTemplate:
    """Raises ``ResponseTemplate.DoesNotExist`` when absent or not visible (the same 404)."""
    return response_templates_for_user(user=user).get(pk=template_id)


def response_templates_for_petition(*, petition: Petition, step: str) -> list[ResponseTemplate]:
    """The templates the case page offers for ``step``: in use, system-wide or the handling organisation's,
    for the petition's kind or for any kind."""
    return list(
        ResponseTemplate.objects.filter(is_active=True, step=step)
        .filter(Q(organization__isnull=True) | Q(organization_id=petition.handling_organization_id))
        .filter(Q(kind="") | Q(kind=petition.kind))
        .order_by(F("organization_id").asc(nulls_last=True), "title", "id")  # the organisation's own first
    )


def _citizen_name(*, petition: Petition) -> str:
    """The first petitioner's name. Never a denouncer's: the filled text is stored as the answer or the
    reason, which other officers read (Denunciation Law art. 47); the letter says "Ông/Bà" instead."""
    if petition.kind == Kind.DENUNCIATION:
        return NO_NAME
    party = Party.objects.filter(petition=petition, role=PartyRole.PETITIONER).order_by("id").only("full_name").first()
    if party is None or not party.full_name:
        return NO_NAME
    return party.full_name


def response_text(*, user: User, petition: Petition, template: ResponseTemplate) -> str:
    """The template's body filled for this petition as ``user`` may see it."""
    values = {
        "tracking_code": petition.tracking_code,
        "received_on": petition.received_on.strftime("%d/%m/%Y"),
        "organization": petition.handling_organization.name,
        "subject": petition.subject,
    }
    if "{citizen_name}" in template.body:
        values["citizen_name"] = _citizen_name(petition=petition)
    return fill_placeholders(template.body, values)
