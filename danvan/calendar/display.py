"""How a deadline's urgency is worded on every page (petitions, "My deadlines" …)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from danvan.calendar.selectors import DeadlineStatus, deadline_status, working_days_left


@dataclass(frozen=True)
class Badge:
    status: str  # on_time / due_soon / overdue / paused: the CSS modifier
    label: str
    detail: str


def badge(*, due: dt.date, today: dt.date, paused: bool = False) -> Badge:
    if paused:
        return Badge("paused", _("paused"), _("The time limit is suspended."))
    status = deadline_status(today=today, due=due)
    left = working_days_left(today=today, due=due)
    if status == DeadlineStatus.OVERDUE:
        detail = ngettext("Overdue by %(n)s working day", "Overdue by %(n)s working days", abs(left) or 1) % {
            "n": abs(left) or 1
        }
    elif left == 0:
        detail = _("Due today")
    else:
        detail = ngettext("%(n)s working day left", "%(n)s working days left", left) % {"n": left}
    return Badge(str(status), str(status.label), detail)
