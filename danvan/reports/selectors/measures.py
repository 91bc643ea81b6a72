"""The figures of every report, defined once over the fields of ``Petition`` (and its ``resolve`` deadline).

Definitions (for a period ``[start, end]``, both days included):

* **received**: ``received_on`` in the period.
* **end day** (``end_day``): the day the petition left the handling organisation's pipeline: ``concluded_on``,
  else ``closed_on``, else ``ended_on`` (the day it ended without a resolution: guided, archived, withdrawn,
  duplicate, split, anonymous information for inspection; set by the status change, never moved by a later
  edit). Open petitions (and forwarded ones, still waiting at the receiving body) have none.
* **carried over**: received before the start and not ended before it (``end_day`` empty or on/after start).
* **total** = carried over + received; **pending at the end**: in the total and not ended by the end.
* **resolved on**: ``concluded_on``, else ``closed_on`` (the day of the decision or conclusion).
* Complaint and denunciation resolution count accepted petitions (``accepted_on`` set, thụ lý): carried over
  = accepted before the start and not ended before it; **resolved** = resolved in the period, or withdrawn
  in the period; **on time / overdue** compare the ``resolve`` step's completion with its due date.

Each measure is a ``Q`` on a queryset annotated by :func:`annotate`; a table or dashboard counts many of
them in one ``SELECT … COUNT(*) FILTER (WHERE …)`` (exact, no sampling, no cache).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.db.models import Count, F, FilteredRelation, Q, QuerySet
from django.db.models.functions import Coalesce

from danvan.cases.models import CROWD_RULE, Kind, Outcome, Petition, Status
from danvan.geography.models import Level
from danvan.law import selectors as law

RESOLVE_STEP = "resolve"


def annotate(petitions: QuerySet[Petition], *, deadline: bool = True) -> Any:
    """Add ``end_day``, ``resolved_on`` and (``deadline``) the ``resolve_step`` deadline to ``petitions``.

    Typed ``Any``: the type checker cannot know the annotations, and lookups on them are the point."""
    petitions = petitions.annotate(
        resolved_on=Coalesce("concluded_on", "closed_on"),
        end_day=Coalesce("concluded_on", "closed_on", "ended_on"),
    )
    if deadline:
        petitions = petitions.annotate(
            resolve_step=FilteredRelation("deadlines", condition=Q(deadlines__step=RESOLVE_STEP))
        )
    return petitions


def relevant(start: dt.date, end: dt.date) -> Q:
    """Rows that can count in any measure of the period: received by its end and not ended before its start."""
    return Q(received_on__lte=end) & (Q(end_day__isnull=True) | Q(end_day__gte=start))


def _open_at(day: dt.date) -> Q:
    return Q(end_day__isnull=True) | Q(end_day__gte=day)


def _open_after(day: dt.date) -> Q:
    return Q(end_day__isnull=True) | Q(end_day__gt=day)


def _in(field: str, start: dt.date, end: dt.date) -> Q:
    return Q(**{f"{field}__gte": start, f"{field}__lte": end})


Measure = Callable[[dt.date, dt.date], Q]


def _received(s: dt.date, e: dt.date) -> Q:
    return _in("received_on", s, e)


def _carried(s: dt.date, e: dt.date) -> Q:
    return Q(received_on__lt=s) & _open_at(s)


def _total(s: dt.date, e: dt.date) -> Q:
    return _received(s, e) | _carried(s, e)


def _ended(s: dt.date, e: dt.date) -> Q:
    return _in("end_day", s, e)


def _resolved(s: dt.date, e: dt.date) -> Q:
    return _in("resolved_on", s, e)


def _accepted_total(kind: str) -> Measure:
    def measure(s: dt.date, e: dt.date) -> Q:
        accepted = Q(kind=kind, accepted_on__isnull=False, accepted_on__lte=e)
        return accepted & (Q(accepted_on__gte=s) | _open_at(s))

    return measure


def _accepted_carried(kind: str) -> Measure:
    return lambda s, e: Q(kind=kind, accepted_on__lt=s) & _open_at(s)


def _accepted_new(kind: str) -> Measure:
    return lambda s, e: Q(kind=kind) & _in("accepted_on", s, e)


def _resolution_done(kind: str) -> Measure:
    def measure(s: dt.date, e: dt.date) -> Q:
        withdrawn = Q(status=Status.WITHDRAWN) & _ended(s, e)
        return Q(kind=kind, accepted_on__isnull=False) & (_resolved(s, e) | withdrawn)

    return measure


def _resolved_with(kind: str, condition: Q) -> Measure:
    return lambda s, e: Q(kind=kind, accepted_on__isnull=False) & _resolved(s, e) & condition


def _pending(total: Measure) -> Measure:
    return lambda s, e: total(s, e) & _open_after(e)


def _crowd() -> Q:
    """Crowd petitions, with the crowd size in force on the day each petition came (the law app's figure)."""
    return law.at_least_q(CROWD_RULE, day_field="received_on", count_field="people_count")


def _within(total: Measure, condition: Q) -> Measure:
    return lambda s, e: total(s, e) & condition


NEEDS_DEADLINE = {"resolved_on_time", "resolved_late", "complaint.on_time", "complaint.overdue"}
NEEDS_DEADLINE |= {"denunciation.on_time", "denunciation.overdue"}
ON_TIME = Q(resolve_step__completed_on__isnull=False, resolve_step__completed_on__lte=F("resolve_step__due_on"))
LATE = Q(resolve_step__completed_on__isnull=False, resolve_step__completed_on__gt=F("resolve_step__due_on"))


def _kind_measures(prefix: str, kind: str) -> dict[str, Measure]:
    total = _accepted_total(kind)
    return {
        f"{prefix}.total": total,
        f"{prefix}.carried_over": _accepted_carried(kind),
        f"{prefix}.accepted": _accepted_new(kind),
        f"{prefix}.resolved": _resolution_done(kind),
        f"{prefix}.withdrawn": lambda s, e: (
            Q(kind=kind, accepted_on__isnull=False, status=Status.WITHDRAWN) & _ended(s, e)
        ),
        f"{prefix}.right": _resolved_with(kind, Q(outcome=Outcome.RIGHT)),
        f"{prefix}.partly_right": _resolved_with(kind, Q(outcome=Outcome.PARTLY_RIGHT)),
        f"{prefix}.wrong": _resolved_with(kind, Q(outcome=Outcome.WRONG)),
        f"{prefix}.on_time": _resolved_with(kind, ON_TIME),
        f"{prefix}.overdue": _resolved_with(kind, LATE),
        f"{prefix}.pending": _pending(total),
        f"{prefix}.crowd": lambda s, e: total(s, e) & _crowd(),
    }


MEASURES: dict[str, Measure] = {
    # Petition processing (xử lý đơn), every kind.
    "total": _total,
    "carried_over": _carried,
    "received": _received,
    "many_signers": _within(_total, Q(people_count__gt=1)),
    "single_signer": _within(_total, Q(people_count__lte=1)),
    "crowd": lambda s, e: _total(s, e) & _crowd(),
    "eligible": _within(_total, Q(eligibility="eligible")),
    "complaints": _within(_total, Q(kind=Kind.COMPLAINT)),
    "denunciations": _within(_total, Q(kind=Kind.DENUNCIATION)),
    "recommendations": _within(_total, Q(kind__in=[Kind.RECOMMENDATION, Kind.FEEDBACK])),
    "within_competence": _within(_total, Q(within_competence=True)),
    "outside_competence": _within(_total, Q(within_competence=False)),
    "guided": lambda s, e: Q(status=Status.GUIDED) & _ended(s, e),
    "archived": lambda s, e: Q(status=Status.ARCHIVED) & _ended(s, e),
    "processed": lambda s, e: _ended(s, e),
    "pending": _pending(_total),
    # Results, every kind.
    "resolved": _resolved,
    "resolved_on_time": lambda s, e: _resolved(s, e) & ON_TIME,
    "resolved_late": lambda s, e: _resolved(s, e) & LATE,
    "resolved_at_commune": lambda s, e: _resolved(s, e) & Q(handling_organization__unit__level=Level.COMMUNE),
    **_kind_measures("complaint", Kind.COMPLAINT),
    **_kind_measures("denunciation", Kind.DENUNCIATION),
    "complaint.first": _within(_accepted_total(Kind.COMPLAINT), ~Q(complaint_round=2)),
    "complaint.second": _within(_accepted_total(Kind.COMPLAINT), Q(complaint_round=2)),
    "denunciation.extended": _within(_accepted_total(Kind.DENUNCIATION), Q(extensions__gt=0)),
}
# Counted from the forwarding slips, not from the petitions (see ``tables.forwarded_counts``).
FORWARDED = "forwarded"
KNOWN = set(MEASURES) | {FORWARDED}


def count_kwargs(names: list[str], start: dt.date, end: dt.date) -> dict[str, Count]:
    """``{"m0": Count("pk", filter=…), …}`` for ``.aggregate()`` or ``.values(...).annotate()``."""
    return {f"m{i}": Count("pk", filter=MEASURES[name](start, end)) for i, name in enumerate(names)}
