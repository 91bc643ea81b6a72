"""JSON shapes of the routing API."""

from __future__ import annotations

import datetime as dt

from ninja import Schema


class CategoryRef(Schema):
    code: str
    name: str


class OrganizationRef(Schema):
    id: int
    name: str


class RuleOut(Schema):
    code: str
    citation: str
    certainty: str
    effective_from: dt.date


class DecisionOut(Schema):
    decision: str
    decided_at: dt.datetime
    suggested_category: str | None
    suggested_organization_id: int | None
    final_category: str | None
    final_organization_id: int | None


class SuggestionOut(Schema):
    """A suggestion only: nothing is changed until an officer classifies or forwards the petition."""

    petition_id: int
    category: CategoryRef | None
    organization: OrganizationRef | None
    explanation: str
    confidence: float | None
    source: str
    model_version: int | None
    respondent: str
    resolver: str
    on_platform: bool
    already_there: bool
    rule: RuleOut | None
    decisions: list[DecisionOut]
