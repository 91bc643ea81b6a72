"""Writes: calendar overrides and time-limit rule versions, each in one transaction with an audit row.

Every write drops the calendar cache at once and again when the transaction commits (so a process that
reloaded in between cannot keep the old data). Permission checks belong to the adapters
(``legal_calendar.manage_calendar``, see ``rules.py``).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.db import transaction

from danvan.audit.services import audit_record
from danvan.calendar.errors import CalendarErrorCode, calendar_error
from danvan.calendar.models import CalendarOverride, OverrideKind, RuleUnit, TimeLimitRule
from danvan.calendar.workdays import calendar_cache_clear
from danvan.core.text import normalize

if TYPE_CHECKING:
    from danvan.accounts.models import User


def _changed() -> None:
    calendar_cache_clear()
    transaction.on_commit(calendar_cache_clear)


def override_validate(*, day: dt.date, kind: str, reason: str, legal_basis: str) -> None:
    """The checks of :func:`override_add`, for forms that want to show them before saving."""
    if kind not in OverrideKind.values:
        raise ValueError(f"Unknown override kind {kind!r}")
    if not normalize(reason):
        raise calendar_error(CalendarErrorCode.REASON_REQUIRED)
    if not normalize(legal_basis):
        raise calendar_error(CalendarErrorCode.CITATION_REQUIRED)
    if CalendarOverride.objects.filter(date=day).exists():
        raise calendar_error(CalendarErrorCode.OVERRIDE_EXISTS, date=day.isoformat())


@transaction.atomic
def override_add(*, actor: User | None, day: dt.date, kind: str, reason: str, legal_basis: str) -> CalendarOverride:
    """Make ``day`` a day off or a working day against the package calendar (an extra day off, a Saturday
    worked in exchange for a weekday off, a correction of the package)."""
    override_validate(day=day, kind=kind, reason=reason, legal_basis=legal_basis)
    override = CalendarOverride.objects.create(
        date=day,
        kind=kind,
        reason=normalize(reason),
        legal_basis=normalize(legal_basis),
        created_by=actor if actor is not None and actor.pk else None,
    )
    audit_record(
        actor=actor,
        action="legal_calendar.override_added",
        target=override,
        data={"date": day, "kind": kind, "reason": override.reason, "legal_basis": override.legal_basis},
    )
    _changed()
    return override


@transaction.atomic
def override_remove(*, actor: User | None, override: CalendarOverride) -> None:
    data = {
        "date": override.date,
        "kind": override.kind,
        "reason": override.reason,
        "legal_basis": override.legal_basis,
    }
    audit_record(actor=actor, action="legal_calendar.override_removed", target=override, data=data)
    override.delete()
    _changed()


def rule_version_validate(
    *,
    code: str,
    length: int,
    unit: str,
    citation: str,
    effective_from: dt.date,
    effective_to: dt.date | None = None,
    complex: bool = False,
    remote: bool = False,
    max_extensions: int = 0,
    extension_length: int = 0,
) -> TimeLimitRule | None:
    """The checks of :func:`rule_version_add`. Returns the open version the new one will close, if any."""
    if unit not in RuleUnit.values:
        raise ValueError(f"Unknown unit {unit!r}")
    if not normalize(code):
        raise calendar_error(CalendarErrorCode.RULE_INVALID)
    if not normalize(citation):
        raise calendar_error(CalendarErrorCode.CITATION_REQUIRED)
    if (
        length < 1
        or max_extensions < 0
        or extension_length < 0
        or (max_extensions > 0 and extension_length < 1)
        or (effective_to is not None and effective_to <= effective_from)
    ):
        raise calendar_error(CalendarErrorCode.RULE_INVALID)
    versions = list(
        TimeLimitRule.objects.filter(code=normalize(code), complex=complex, remote=remote).order_by("effective_from")
    )
    latest = versions[-1] if versions else None
    to_close = None
    if (
        latest is not None
        and latest.effective_from < effective_from
        and (latest.effective_to is None or latest.effective_to > effective_from)
    ):
        to_close = latest
    end = effective_to or dt.date.max
    for version in versions:
        version_end = effective_from if version is to_close else (version.effective_to or dt.date.max)
        if version.effective_from < end and effective_from < version_end:
            raise calendar_error(CalendarErrorCode.RULE_VERSION_OVERLAP)
    return to_close


@transaction.atomic
def rule_version_add(
    *,
    actor: User | None,
    code: str,
    length: int,
    unit: str,
    counts_from: str,
    citation: str,
    effective_from: dt.date,
    effective_to: dt.date | None = None,
    complex: bool = False,
    remote: bool = False,
    max_extensions: int = 0,
    extension_length: int = 0,
    note: str = "",
) -> TimeLimitRule:
    """Add a version of a time limit for one variant. When the law changes from ``effective_from`` on, the
    version in force until then is closed on that date (its ``effective_to`` is set); versions are never
    otherwise edited, and a version that would overlap another is refused."""
    to_close = rule_version_validate(
        code=code,
        length=length,
        unit=unit,
        citation=citation,
        effective_from=effective_from,
        effective_to=effective_to,
        complex=complex,
        remote=remote,
        max_extensions=max_extensions,
        extension_length=extension_length,
    )
    if to_close is not None:
        to_close = TimeLimitRule.objects.select_for_update().get(pk=to_close.pk)
        previous_end = to_close.effective_to
        to_close.effective_to = effective_from
        to_close.save(update_fields=["effective_to"])
        audit_record(
            actor=actor,
            action="legal_calendar.rule_version_closed",
            target=to_close,
            data={"code": to_close.code, "effective_to": effective_from, "previous_effective_to": previous_end},
        )
    rule = TimeLimitRule.objects.create(
        code=normalize(code),
        length=length,
        unit=unit,
        counts_from=normalize(counts_from),
        complex=complex,
        remote=remote,
        effective_from=effective_from,
        effective_to=effective_to,
        max_extensions=max_extensions,
        extension_length=extension_length,
        citation=normalize(citation),
        note=note.strip(),
        created_by=actor if actor is not None and actor.pk else None,
    )
    audit_record(
        actor=actor,
        action="legal_calendar.rule_version_added",
        target=rule,
        data={
            "code": rule.code,
            "length": length,
            "unit": unit,
            "complex": complex,
            "remote": remote,
            "effective_from": effective_from,
            "effective_to": effective_to,
            "max_extensions": max_extensions,
            "extension_length": extension_length,
            "citation": rule.citation,
        },
    )
    _changed()
    return rule
