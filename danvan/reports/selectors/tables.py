"""The statistical tables: one row per commune (and one for the province's own organisations) in a province
report, one row per organisation in a commune report, and a total row counted directly over the whole scope
(never added up), so that ``total == sum(rows)`` is a check, not a tautology.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.db.models import Count, QuerySet
from django.db.models.functions import TruncDate
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from danvan.accounts.models import User
from danvan.cases.models import Forwarding
from danvan.cases.selectors import petition_list_for_user
from danvan.geography.models import Level
from danvan.reports.models import ColumnSet, TableKind
from danvan.reports.periods import Period
from danvan.reports.selectors import reception_table
from danvan.reports.selectors.measures import FORWARDED, KNOWN, NEEDS_DEADLINE, annotate, count_kwargs, relevant
from danvan.reports.selectors.scope import COMMUNE, PROVINCE, ReportScope, report_petitions, scope_organizations


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    measure: str = ""
    ratio: tuple[str, str] | None = None


@dataclass
class Row:
    label: str
    key: str  # "u<unit id>", "o<organisation id>" or "total"
    values: dict[str, int | Decimal | None] = field(default_factory=dict)


@dataclass
class Table:
    kind: str
    title: str
    column_set: ColumnSet
    columns: list[Column]
    rows: list[Row]
    total: Row


def column_set_in_force(*, table: str, on: dt.date) -> ColumnSet | None:
    return ColumnSet.objects.filter(table=table, effective_from__lte=on).order_by("-effective_from").first()


def columns_of(column_set: ColumnSet) -> list[Column]:
    english = (get_language() or "vi").startswith("en")
    columns = []
    for raw in column_set.columns:
        label = raw.get("label_en") if english else raw.get("label")
        ratio = tuple(raw["ratio"]) if raw.get("ratio") else None
        columns.append(Column(raw["key"], str(label or raw["key"]), raw.get("measure", ""), ratio))
    return columns


def validate_columns(columns: list[dict[str, Any]]) -> list[str]:
    """Problems of a column set's data (unknown measures, ratios of unknown columns, duplicate keys)."""
    problems: list[str] = []
    keys: set[str] = set()
    for raw in columns:
        key = raw.get("key", "")
        if not key or key in keys:
            problems.append(f"duplicate or missing key {key!r}")
        keys.add(key)
        if raw.get("ratio"):
            if len(raw["ratio"]) != 2 or any(part not in keys for part in raw["ratio"]):
                problems.append(f"{key}: a ratio names two earlier columns")
        elif raw.get("measure") not in KNOWN | reception_table.MEASURES:
            problems.append(f"{key}: unknown measure {raw.get('measure')!r}")
    return problems


def percent(numerator: int | Decimal | None, denominator: int | Decimal | None) -> Decimal | None:
    if not denominator or numerator is None:
        return None
    return (Decimal(numerator) * 100 / Decimal(denominator)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def _fill_ratios(row: Row, columns: list[Column]) -> None:
    for column in columns:
        if column.ratio:
            row.values[column.key] = percent(row.values.get(column.ratio[0]), row.values.get(column.ratio[1]))


def _group_field(scope: ReportScope) -> str:
    return {PROVINCE: "handling_organization__unit_id", COMMUNE: "handling_organization_id"}.get(
        scope.kind, "handling_organization_id"
    )


def forwarding_slips(*, scope: ReportScope, user: User, period: Period) -> QuerySet[Forwarding]:
    """Forwarding slips issued in the period by the scope's organisations, for petitions the user may see."""
    orgs = scope_organizations(user=user, scope=scope)
    local = TruncDate("forwarded_at", tzinfo=timezone.get_default_timezone())
    return (
        Forwarding.objects.filter(
            from_organization__in=orgs.values("pk"),
            petition__in=petition_list_for_user(user=user).values("pk"),
        )
        .annotate(day=local)
        .filter(day__gte=period.start, day__lte=period.end)
    )


def forwarded_counts(*, scope: ReportScope, user: User, period: Period) -> dict[Any, int]:
    """Petitions forwarded in the period by the scope's organisations, per row group and in total."""
    slips = forwarding_slips(scope=scope, user=user, period=period)
    group = "from_organization__unit_id" if scope.kind == PROVINCE else "from_organization_id"
    counted = Count("petition_id", distinct=True)
    counts: dict[Any, int] = {row[group]: row["n"] for row in slips.values(group).annotate(n=counted).order_by()}
    counts["total"] = slips.aggregate(n=counted)["n"]
    return counts


def grouped_counts(*, user: User, scope: ReportScope, period: Period, names: list[str]) -> dict[int, dict[str, int]]:
    """Every measure in ``names`` per row group (unit or organisation), in one pass over the petitions."""
    names = list(dict.fromkeys(names))
    if not names:
        return {}
    petitions = annotate(report_petitions(user=user, scope=scope), deadline=bool(NEEDS_DEADLINE & set(names)))
    petitions = petitions.filter(relevant(period.start, period.end))
    group = _group_field(scope)
    counts = petitions.values(group).annotate(**count_kwargs(names, period.start, period.end)).order_by()
    return {row[group]: {name: row[f"m{i}"] or 0 for i, name in enumerate(names)} for row in counts}


def build_table(
    *,
    user: User,
    scope: ReportScope,
    period: Period,
    column_set: ColumnSet,
    counts: dict[int, dict[str, int]] | None = None,
) -> Table:
    """The table's rows and its total. The rows partition the scope (every organisation of the scope belongs to
    exactly one row), so the total is their sum; tests check it against direct counts of the whole scope."""
    columns = columns_of(column_set)
    measured = [c for c in columns if c.measure and c.measure != FORWARDED]
    if counts is None:
        counts = grouped_counts(user=user, scope=scope, period=period, names=[c.measure for c in measured])
    forwarded = (
        forwarded_counts(scope=scope, user=user, period=period) if any(c.measure == FORWARDED for c in columns) else {}
    )

    def make_row(label: str, key: str, values: dict[str, int], group_key: Any) -> Row:
        row = Row(label, key)
        for column in measured:
            row.values[column.key] = values.get(column.measure, 0)
        for column in columns:
            if column.measure == FORWARDED:
                row.values[column.key] = forwarded.get(group_key, 0)
        _fill_ratios(row, columns)
        return row

    labels = _row_labels(user, scope)
    known = {pk for _label, _key, pk in labels}
    labels += [(_("Other"), f"x{pk}", pk) for pk in counts if pk not in known]  # never happens; kept exact
    rows = [make_row(label, key, counts.get(pk, {}), pk) for label, key, pk in labels]
    totals = {c.measure: sum(counts[pk].get(c.measure, 0) for pk in counts) for c in measured}
    total = make_row(_("Total"), "total", totals, "total")
    title = column_set.title_en if (get_language() or "vi").startswith("en") else column_set.title
    return Table(column_set.table, title, column_set, columns, rows, total)


def _row_labels(user: User, scope: ReportScope) -> list[tuple[str, str, int]]:
    orgs = list(scope_organizations(user=user, scope=scope))
    if scope.kind == PROVINCE:
        units = {org.unit_id: org.unit for org in orgs}
        province_own = [(_("Province-level organisations"), f"u{scope.pk}", scope.pk)] if scope.pk in units else []
        communes = sorted(
            (unit for unit in units.values() if unit.level != Level.PROVINCE), key=lambda u: (u.name, u.pk)
        )
        return province_own + [(unit.name, f"u{unit.pk}", unit.pk) for unit in communes]
    return [(org.name, f"o{org.pk}", org.pk) for org in orgs]


def build_tables(*, user: User, scope: ReportScope, period: Period) -> list[Table]:
    """The statistical tables of the period: the petition tables counted in a single pass over the petitions,
    and the citizen reception table over the reception register (when that module is installed)."""
    column_sets = [
        column_set
        for kind in (TableKind.PROCESSING, TableKind.COMPLAINTS, TableKind.DENUNCIATIONS)
        if (column_set := column_set_in_force(table=kind, on=period.end)) is not None
    ]
    names = [c.measure for cs in column_sets for c in columns_of(cs) if c.measure and c.measure != FORWARDED]
    counts = grouped_counts(user=user, scope=scope, period=period, names=names)
    tables = [
        build_table(user=user, scope=scope, period=period, column_set=column_set, counts=counts)
        for column_set in column_sets
    ]
    reception = column_set_in_force(table=TableKind.RECEPTION, on=period.end)
    if reception is not None and reception_table.AVAILABLE:
        counts = reception_table.reception_counts(user=user, scope=scope, period=period)
        tables.append(build_table(user=user, scope=scope, period=period, column_set=reception, counts=counts))
    return tables
