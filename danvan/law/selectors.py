"""Reads of the law as data: the figure or list in force on a day, the listing of every rule, the history of a
code. Nothing here is a legal number; every value comes from a dated row with its citation."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.utils.translation import gettext, ngettext

from danvan.core.text import fold
from danvan.law import registry
from danvan.law.errors import not_in_force
from danvan.law.models import LegalFigure, LegalGround, ReceptionDutyRule, in_force_q


def figure_rule(code: str, *, on: dt.date, people: int = 0) -> LegalFigure | None:
    """The version of figure ``code`` in force on ``on`` for a group of ``people`` (None: none in force)."""
    rows = LegalFigure.objects.filter(in_force_q(on), code=code).order_by("-people_from", "-effective_from")
    return next((row for row in rows if row.applies_to_people(people)), None)


def figure(code: str, *, on: dt.date, people: int = 0) -> int:
    """The value of figure ``code`` in force on ``on``; :class:`~danvan.law.errors.RuleNotInForce` if none."""
    rule = figure_rule(code, on=on, people=people)
    if rule is None or rule.value is None:
        raise not_in_force(code, on)
    return rule.value


def at_least_q(code: str, *, day_field: str, count_field: str) -> Q:
    """A filter "``count_field`` reaches figure ``code`` in force on ``day_field``'s date", one branch per version:
    a crowd is counted with the law of the day the petition came (one query for the versions)."""
    condition = Q(pk__in=[])
    for row in LegalFigure.objects.filter(code=code, people_from=0, value__isnull=False):
        period = Q(**{f"{day_field}__gte": row.effective_from})
        if row.effective_to is not None:
            period &= Q(**{f"{day_field}__lt": row.effective_to})
        condition |= period & Q(**{f"{count_field}__gte": row.value})
    return condition


@dataclass(frozen=True)
class FigureVersions:
    """Every version of one figure, read once, for a list that needs it on many days."""

    code: str
    rows: tuple[LegalFigure, ...]

    def value_on(self, day: dt.date) -> int:
        for row in self.rows:
            if row.in_force_on(day) and row.value is not None:
                return row.value
        raise not_in_force(self.code, day)


def figure_versions(code: str) -> FigureVersions:
    rows = LegalFigure.objects.filter(code=code, people_from=0).order_by("-effective_from")
    return FigureVersions(code=code, rows=tuple(rows))


def in_force(code: str, *, on: dt.date) -> bool:
    """Whether a switch-like rule (``online.booking``) is in force on ``on``."""
    return figure_rule(code, on=on) is not None


def grounds(list_code: str, *, on: dt.date) -> QuerySet[LegalGround]:
    """The grounds of list ``list_code`` in force on ``on`` (an empty list is an error: the law has one)."""
    rows = LegalGround.objects.filter(in_force_q(on), list_code=list_code).order_by("position", "code")
    if not rows.exists():
        raise not_in_force(list_code, on)
    return rows


def ground_codes(list_code: str, *, on: dt.date) -> list[str]:
    return list(grounds(list_code, on=on).values_list("code", flat=True))


def ground_label(code: str, *, language: str) -> str:
    """The name of ground ``code`` in its newest version (for history: a ground no longer in force keeps it)."""
    row = LegalGround.objects.filter(code=code).order_by("-effective_from").first()
    return row.label(language) if row else code


def duty_rule_in_force(*, position: str, day: dt.date) -> ReceptionDutyRule | None:
    return ReceptionDutyRule.objects.filter(in_force_q(day), position=position).order_by("-effective_from").first()


def duty_rules() -> list[ReceptionDutyRule]:
    return list(ReceptionDutyRule.objects.order_by("position", "effective_from"))


@dataclass(frozen=True)
class RepresentativeLimits:
    minimum: int
    maximum: int | None  # None: the law sets no maximum for this group size
    citation: str


def representative_limits(*, people: int, day: dt.date) -> RepresentativeLimits:
    low = figure_rule("reception.representatives_min", on=day, people=people)
    high = figure_rule("reception.representatives_max", on=day, people=people)
    cited = high or low
    return RepresentativeLimits(
        minimum=(low.value or 0) if low else 0,
        maximum=high.value if high else None,
        citation=cited.citation if cited else "",
    )


@dataclass(frozen=True)
class NoticeRule:
    days: int
    citation: str


def dialogue_notice_rule(*, notice_on: dt.date) -> NoticeRule | None:
    """The minimum notice before a dialogue, for a notice sent on ``notice_on`` (None: no figure in force)."""
    rule = figure_rule("dialogue.notice_days", on=notice_on)
    return NoticeRule(days=rule.value, citation=rule.citation) if rule and rule.value else None


def dialogue_notice_shortfall(*, notice_on: dt.date, held_on: dt.date) -> str | None:
    """Why a dialogue held on ``held_on`` comes too soon after a notice sent on ``notice_on`` (the message, with
    the figure and its citation), or ``None`` if the notice is long enough or no figure is in force."""
    rule = dialogue_notice_rule(notice_on=notice_on)
    if rule is None or (held_on - notice_on).days >= rule.days:
        return None
    return gettext(
        "The parties must be notified at least %(days)s days before the dialogue (%(citation)s): "
        "notice on %(notice)s, dialogue on %(held)s."
    ) % {
        "days": rule.days,
        "citation": rule.citation,
        "notice": notice_on.strftime("%d/%m/%Y"),
        "held": held_on.strftime("%d/%m/%Y"),
    }


@dataclass(frozen=True)
class Listing:
    day: dt.date
    rows: list[registry.RuleRow]  # in force on ``day``
    changed: set[str]  # codes whose version in force on ``day`` began on ``day`` or later than ``since``


def _matches(row: registry.RuleRow, query: str) -> bool:
    folded = fold(query)
    haystack = fold(" ".join([row.code, row.group, row.name, row.value, row.citation, row.note]))
    return folded in haystack  # a phrase, folded: "dong nguoi" finds "đông người"


def rules_in_force(*, on: dt.date, code_prefix: str = "", query: str = "", since: dt.date | None = None) -> Listing:
    """Every rule of every registered table in force on ``on``, optionally filtered by code prefix and an
    accent-insensitive query. ``changed``: the codes whose version in force began after ``since`` (default:
    the day before ``on``) — what changed on the way to ``on``."""
    since = since or on - dt.timedelta(days=1)
    rows = [
        row
        for row in registry.all_rows()
        if row.in_force_on(on)
        and (row.code.startswith(code_prefix) or row.group.startswith(code_prefix))
        and (not query or _matches(row, query))
    ]
    changed = {row.group or row.code for row in rows if since < row.effective_from <= on}
    return Listing(day=on, rows=rows, changed=changed)


def history(code: str) -> list[registry.RuleRow]:
    """Every version of rule ``code`` (or of every ground of list ``code``), oldest first."""
    return sorted(
        (row for row in registry.all_rows() if code in (row.code, row.group)),
        key=lambda row: (row.effective_from, row.name),
    )


@dataclass(frozen=True)
class SummaryRow:
    """One line of the plain listing: a figure, or a whole list of grounds as its count."""

    code: str
    value: str
    effective_from: dt.date
    effective_to: dt.date | None
    citation: str
    certainty: str
    changed: bool
    name: str = ""


_WEAKEST = {"C": 0, "S": 1, "U": 2}


def summary_rows(listing: Listing) -> list[SummaryRow]:
    """The listing with each list of grounds folded into one row ("n grounds", the latest start, the earliest
    end, every citation, the weakest certainty), in code order."""
    lines: list[SummaryRow] = []
    lists: dict[str, list[registry.RuleRow]] = {}
    for row in listing.rows:
        if row.group:
            lists.setdefault(row.group, []).append(row)
            continue
        lines.append(
            SummaryRow(
                code=row.code,
                value=row.value,
                effective_from=row.effective_from,
                effective_to=row.effective_to,
                citation=row.citation,
                certainty=row.certainty,
                changed=row.code in listing.changed,
                name=row.name,
            )
        )
    for code, members in lists.items():
        ends = [row.effective_to for row in members if row.effective_to is not None]
        lines.append(
            SummaryRow(
                code=code,
                value=ngettext("%(count)d ground", "%(count)d grounds", len(members)) % {"count": len(members)},
                effective_from=max(row.effective_from for row in members),
                effective_to=min(ends) if ends else None,
                citation="; ".join(dict.fromkeys(row.citation for row in members)),
                certainty=max((row.certainty for row in members), key=lambda mark: _WEAKEST.get(mark, 0)),
                changed=code in listing.changed,
            )
        )
    return sorted(lines, key=lambda line: (line.code, line.name, line.effective_from))
