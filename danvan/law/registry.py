"""Where the listing of every rule in force finds the rule tables of other apps without importing them.

Each app that keeps a rule table inheriting :class:`~danvan.law.models.VersionedRule` (calendar's time limits,
routing's competence rules, the report periods) registers a *source* in its ``AppConfig.ready()``: a function
that returns its rows as :class:`RuleRow`. The law app never imports those apps.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.utils.functional import Promise


@dataclass(frozen=True)
class RuleRow:
    """One version of one rule, as the listing shows it."""

    family: str | Promise  # the table it comes from, in the reader's language
    code: str
    value: str  # value and unit, or "n grounds", or a short description
    effective_from: dt.date
    effective_to: dt.date | None
    citation: str
    certainty: str
    note: str = ""
    name: str = ""  # a ground's or variant's name, when there is one
    group: str = ""  # the list a ground belongs to ("complaint.refusal"); empty for a figure

    def in_force_on(self, day: dt.date) -> bool:
        return self.effective_from <= day and (self.effective_to is None or day < self.effective_to)


Source = Callable[[], Iterable[RuleRow]]
_SOURCES: list[Source] = []


def register(source: Source) -> None:
    """Add a rule source (idempotent: ``ready()`` may run twice in tests)."""
    if source not in _SOURCES:
        _SOURCES.append(source)


def all_rows() -> list[RuleRow]:
    rows = [row for source in _SOURCES for row in source()]
    return sorted(rows, key=lambda row: (row.code, row.name, row.effective_from))
