"""The API body of each workflow action (danvan/cases/actions.py names one per action): a field without a
default is required. ``POST /api/petitions/{id}/transitions/{action}`` documents their union
(``TransitionIn``) and reads each body through its action's schema."""

from __future__ import annotations

import datetime as dt

from ninja import Field, Schema

REASON = Field("", max_length=5000)


class NoBodyIn(Schema):
    """No field."""


class ClassifyIn(Schema):
    eligible: bool
    within_competence: bool
    category: str | None = Field(None, max_length=50)
    reason: str = REASON


class AcceptIn(Schema):
    on: dt.date | None = None


class ForwardIn(Schema):
    to_organization_id: int
    reason: str = REASON


class GuideIn(Schema):
    guidance: str = Field(min_length=1, max_length=10000)
    competent_body: str = Field(min_length=1, max_length=250)


class ArchiveIn(Schema):
    ground: str = Field(min_length=1, max_length=20)
    reason: str = REASON


class OptionalReasonIn(Schema):
    reason: str = REASON


class ReasonIn(Schema):
    reason: str = Field(min_length=1, max_length=5000)


class StartVerificationIn(Schema):
    handler_id: int
    complexity: str = Field("", max_length=20)
    criteria: list[str] = Field(default_factory=list, max_length=20)


class AssignIn(Schema):
    handler_id: int


class DialogueIn(Schema):
    notified_on: dt.date
    held_on: dt.date
    minutes: str = Field(min_length=1, max_length=10000)


class WithdrawIn(Schema):
    full: bool
    content: str = Field("", max_length=10000)


class ConcludeIn(Schema):
    outcome: str = Field(min_length=1, max_length=20)
    answer: str = Field(min_length=1, max_length=20000)
    on: dt.date | None = None
