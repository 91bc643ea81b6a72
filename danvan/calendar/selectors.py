"""Reads for other apps: due dates of legal time limits, working days left, deadline status.

Semantics (LEGAL_BRIEF.md §2.3, §6):

* The first day is never counted (Civil Code 2015 art. 147): a period starts the day after ``start``.
* ``working_days`` rule: the period ends on the N-th working day after ``start``.
* ``days`` rule: the period ends on ``start + N`` calendar days; when that day is a weekend day or a
  holiday, on the next working day (Civil Code 2015 art. 148(5)).
* Extensions add ``extension_length`` each to N, before the roll-forward; more than ``max_extensions``
  is refused.
* The version in force on ``start`` applies (``effective_from <= start < effective_to``), even when the
  period runs past the date the law changed.
* Variants. A row exists per (complex, remote) combination the law gives a figure for. A flag that no
  version in force of the rule carries is one the law sets no separate figure for at that step (filing
  or acceptance periods do not depend on complexity; the denunciation periods do not depend on remote
  areas), so it is ignored: ``complex=True`` on ``complaint.second.file`` uses the row for the remote flag
  alone, and on ``complaint.accept`` the base row. When the rule does distinguish both flags but the exact
  combination has no row, nothing is guessed: ``time_limit_rule_variant_missing`` is raised.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _

from danvan.calendar.errors import CalendarErrorCode, calendar_error
from danvan.calendar.models import CalendarOverride, RuleUnit, TimeLimitRule
from danvan.calendar.workdays import (
    DayInfo,
    add_working_days,
    current_calendar,
    day_info,
    is_working_day,
    next_working_day,
    roll_forward,
    working_days_between,
)

__all__ = [
    "DayInfo",
    "DeadlineStatus",
    "DueDate",
    "add_working_days",
    "day_info",
    "deadline_status",
    "due_date",
    "is_working_day",
    "next_working_day",
    "overrides_of_year",
    "roll_forward",
    "rule_in_force",
    "rules_in_force",
    "working_days_between",
    "working_days_left",
]

DUE_SOON_THRESHOLD = 3


class DeadlineStatus(models.TextChoices):
    ON_TIME = "on_time", _("on time")
    DUE_SOON = "due_soon", _("due soon")
    OVERDUE = "overdue", _("overdue")


@dataclass(frozen=True)
class DueDate:
    date: dt.date
    rule: TimeLimitRule  # the version applied, with its citation; shared by the cache: read it, never save it
    length: int  # the rule's length plus its extensions, in ``rule.unit``
    extensions: int = 0


def _select_rule(
    rules: Sequence[TimeLimitRule], *, code: str, start: dt.date, complex: bool, remote: bool
) -> TimeLimitRule:
    versions = [rule for rule in rules if rule.code == code]
    if not versions:
        raise calendar_error(CalendarErrorCode.RULE_UNKNOWN, rule=code)
    in_force = [rule for rule in versions if rule.in_force_on(start)]
    if not in_force:
        raise calendar_error(CalendarErrorCode.RULE_NOT_IN_FORCE, rule=code, date=start.isoformat())
    # A flag the law gives no separate figure for at this step does not change the limit (see above).
    want_complex = complex and any(rule.complex for rule in in_force)
    want_remote = remote and any(rule.remote for rule in in_force)
    matches = [rule for rule in in_force if rule.complex == want_complex and rule.remote == want_remote]
    if not matches:
        raise calendar_error(CalendarErrorCode.RULE_VARIANT_MISSING, rule=code)
    return matches[-1]  # ordered by effective_from: the latest version if data ever overlap


def rule_in_force(*, rule_code: str, start: dt.date, complex: bool = False, remote: bool = False) -> TimeLimitRule:
    """The version of ``rule_code`` that applies to a period starting on ``start`` for these flags."""
    return _select_rule(current_calendar().rules(), code=rule_code, start=start, complex=complex, remote=remote)


def rules_in_force(*, on: dt.date) -> list[TimeLimitRule]:
    """Every rule version in force on a date, for reference pages and the administrator."""
    return [rule for rule in current_calendar().rules() if rule.in_force_on(on)]


def due_date(
    *,
    rule_code: str,
    start: dt.date,
    complex: bool = False,
    remote: bool = False,
    extensions: int = 0,
) -> DueDate:
    """The last day of a legal time limit that starts on ``start`` (the day of receipt, acceptance, decision…
    as the rule's ``counts_from`` says). The period ends at 24:00 on that day."""
    if isinstance(start, dt.datetime):
        raise TypeError("start must be a date (use timezone.localdate()), not a datetime")
    calendar = current_calendar()
    rule = _select_rule(calendar.rules(), code=rule_code, start=start, complex=complex, remote=remote)
    if extensions < 0:
        raise calendar_error(CalendarErrorCode.EXTENSIONS_NEGATIVE)
    if extensions > rule.max_extensions:
        raise calendar_error(
            CalendarErrorCode.TOO_MANY_EXTENSIONS, rule=rule_code, max=rule.max_extensions, requested=extensions
        )
    length = rule.length + extensions * rule.extension_length
    if rule.unit == RuleUnit.WORKING_DAYS:
        end = calendar.add_working_days(start, length)
    else:
        end = calendar.roll_forward(start + dt.timedelta(days=length))
    return DueDate(date=end, rule=rule, length=length, extensions=extensions)


def working_days_left(*, today: dt.date, due: dt.date) -> int:
    """Working days after ``today`` up to and including ``due``: 0 on the due day itself.

    Negative when overdue: minus the working days after ``due`` up to and including ``today``, and at least
    -1 (a period that ended on Friday is overdue on Saturday already).
    """
    left = current_calendar().working_days_between(today, due)
    return min(left, -1) if today > due else left


def deadline_status(*, today: dt.date, due: dt.date, soon_threshold: int = DUE_SOON_THRESHOLD) -> DeadlineStatus:
    """``overdue`` after the due day; ``due_soon`` with at most ``soon_threshold`` working days left."""
    if today > due:
        return DeadlineStatus.OVERDUE
    if working_days_left(today=today, due=due) <= soon_threshold:
        return DeadlineStatus.DUE_SOON
    return DeadlineStatus.ON_TIME


def overrides_of_year(*, year: int) -> list[CalendarOverride]:
    return list(CalendarOverride.objects.filter(date__year=year).select_related("created_by").order_by("date"))
