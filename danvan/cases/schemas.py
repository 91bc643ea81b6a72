"""JSON shapes of the petitions API. Domain checks (personal ID, dates, representatives …) stay in
``services.intake.validate_petition``; these schemas only fix types and sizes."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from enum import StrEnum
from typing import Any

from ninja import Field, Schema

from danvan.accounts.models import User
from danvan.cases.models import Channel, Kind, PartyRole, Petition, Status
from danvan.cases.selectors import subjects_for_user

UNIT_CODE = r"^\d{5}$"


class PartyIn(Schema):
    role: PartyRole = PartyRole.PETITIONER
    full_name: str = Field(max_length=150)
    personal_id: str = Field("", max_length=20)
    birth_year: int | None = None
    address_unit_code: str | None = Field(None, pattern=UNIT_CODE, description="5-digit code of the current commune")
    address_street: str = Field("", max_length=250)
    phone: str = Field("", max_length=20)
    email: str = Field("", max_length=254)


class PetitionIn(Schema):
    kind: Kind
    complaint_round: int | None = Field(None, description="1 or 2, for a complaint")
    subject: str = Field(max_length=250)
    content: str = Field(max_length=20000)
    category: str | None = Field(None, max_length=50, description="Category code (see Open311 services)")
    unit_code: str = Field(pattern=UNIT_CODE, description="5-digit code of the current commune concerned")
    location: str = Field("", max_length=250)
    latitude: Decimal | None = Field(None, ge=-90, le=90, max_digits=9, decimal_places=6)
    longitude: Decimal | None = Field(None, ge=-180, le=180, max_digits=9, decimal_places=6)
    respondent_name: str = Field("", max_length=250)
    decision_reference: str = Field("", max_length=250)
    decision_date: dt.date | None = None
    people_count: int = Field(1, ge=1, le=100000)
    is_anonymous: bool = False
    channel: Channel
    received_on: dt.date | None = Field(None, description="Defaults to today")
    parties: list[PartyIn] = Field(default_factory=list, max_length=50)
    receiving_organization_id: int = Field(description="One of the organisations the user processes petitions for")


class PetitionFilter(Schema):
    kind: Kind | None = None
    status: Status | None = None
    unit_code: str | None = Field(None, pattern=UNIT_CODE)
    overdue: bool | None = Field(None, description="Has an open step past its due date")


class PetitionSummary(Schema):
    id: int
    tracking_code: str
    kind: str
    status: str
    status_label: str
    subject: str
    category: str | None
    unit_code: str
    unit_name: str
    handling_organization_id: int
    handling_organization_name: str
    handler_id: int | None
    received_on: dt.date
    people_count: int
    is_anonymous: bool
    next_due_on: dt.date | None


class PetitionListOut(PetitionSummary):
    """Built from a Petition row (the resolvers read its relations), with the request in the context: the
    subject is shown as the requesting officer may read it (a denouncer named in it is hidden)."""

    @staticmethod
    def resolve_subject(obj: Petition, context: dict[str, Any] | None) -> str:
        context = context or {}
        user = context.get("user") or getattr(context.get("request"), "auth", None)
        if not isinstance(user, User):
            raise ValueError("PetitionListOut needs the reader: the request or the user in its context")
        return subjects_for_user(user=user, petitions=[obj])[obj.pk]

    @staticmethod
    def resolve_status_label(obj: Petition) -> str:
        return str(obj.get_status_display())

    @staticmethod
    def resolve_category(obj: Petition) -> str | None:
        return obj.category.code if obj.category else None

    @staticmethod
    def resolve_unit_code(obj: Petition) -> str:
        return obj.unit.code

    @staticmethod
    def resolve_unit_name(obj: Petition) -> str:
        return obj.unit.name

    @staticmethod
    def resolve_handling_organization_name(obj: Petition) -> str:
        return obj.handling_organization.name

    @staticmethod
    def resolve_next_due_on(obj: Petition) -> dt.date | None:
        return getattr(obj, "next_due_on", None)


class PartyOut(Schema):
    role: str
    role_label: str
    full_name: str
    personal_id: str
    birth_year: int | None
    address: str
    phone: str
    email: str
    masked: bool


class DeadlineOut(Schema):
    step: str
    rule_code: str
    starts_on: dt.date
    due_on: dt.date
    citation: str
    paused: bool
    working_days_left: int
    status: str


class EventOut(Schema):
    action: str
    from_status: str
    to_status: str
    actor: str | None
    organization: str | None
    reason: str
    data: dict[str, Any]
    created_at: dt.datetime


class PetitionOut(PetitionSummary):
    """Built field by field, never from the model: ``parties``, ``deadlines`` and ``events`` are also the
    model's related names, and the parties must go through ``selectors.party_views`` (masking)."""

    complaint_round: int | None
    channel: str
    location: str
    latitude: Decimal | None
    longitude: Decimal | None
    content: str
    respondent_name: str
    decision_reference: str
    decision_date: dt.date | None
    eligibility: str
    within_competence: bool | None
    complexity: str
    accepted_on: dt.date | None
    extensions: int
    outcome: str
    answer: str
    concluded_on: dt.date | None
    closed_on: dt.date | None
    parties: list[PartyOut]
    deadlines: list[DeadlineOut]
    events: list[EventOut]


class CreatedDeadlineOut(Schema):
    step: str
    rule_code: str
    starts_on: dt.date
    due_on: dt.date
    citation: str


class PetitionCreatedOut(Schema):
    """The answer to ``POST /api/petitions/``: what a program needs to file the petition and tell the
    citizen, without the parties, the texts or the timeline (``GET url`` for the whole petition, as the
    user may see it). It never carries a party's identity, so a denouncer's stays out of it whoever
    registers the denunciation. A retry with the same ``Idempotency-Key`` answers the same fields
    (the petition as it is now) with ``secret`` null."""

    id: int
    tracking_code: str
    url: str = Field(description="The petition's resource: GET it for parties, deadlines and the timeline")
    kind: str
    status: str
    status_label: str
    handling_organization_id: int
    received_on: dt.date
    next_due_on: dt.date | None = Field(description="The earliest due date of the running steps")
    deadlines: list[CreatedDeadlineOut] = Field(description="The open steps with their legal due dates")
    secret: str | None = Field(
        description="The citizen's secret for tracking, returned only when the petition is created (not on a retry)"
    )


class TransitionAction(StrEnum):
    """The actions of the API: those of danvan/cases/actions.py with a schema (a test keeps them equal)."""

    CLASSIFY = "classify"
    ACCEPT = "accept"
    FORWARD = "forward"
    ACKNOWLEDGE = "acknowledge"
    GUIDE = "guide"
    ARCHIVE = "archive"
    INSPECTION_LEAD = "inspection_lead"
    START_VERIFICATION = "start_verification"
    ASSIGN = "assign"
    DIALOGUE = "dialogue"
    EXTEND = "extend"
    SUSPEND = "suspend"
    RESUME = "resume"
    WITHDRAW = "withdraw"
    CONCLUDE = "conclude"
    CLOSE = "close"


class TransitionIn(Schema):
    """The union of the actions' bodies (danvan/cases/schemas_actions.py): each action reads its own fields
    and ignores the others. The fields each action reads:"""

    eligible: bool | None = None
    within_competence: bool | None = None
    category: str | None = Field(None, max_length=50)
    reason: str = Field("", max_length=5000)
    on: dt.date | None = None
    to_organization_id: int | None = None
    guidance: str = Field("", max_length=10000)
    competent_body: str = Field("", max_length=250)
    ground: str = Field("", max_length=20)
    handler_id: int | None = None
    complexity: str = Field("", max_length=20)
    criteria: list[str] = Field(default_factory=list, max_length=20)
    full: bool | None = None
    content: str = Field("", max_length=10000)
    outcome: str = Field("", max_length=20)
    answer: str = Field("", max_length=20000)
    notified_on: dt.date | None = None
    held_on: dt.date | None = None
    minutes: str = Field("", max_length=10000)
