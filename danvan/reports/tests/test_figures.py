"""Report figures against counts computed independently, in plain Python over the same petitions, on data
built to straddle the cut-off dates (14/15 December and March) and to carry cases over from earlier periods."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from danvan.cases.models import Petition
from danvan.reports.periods import parse_period
from danvan.reports.selectors.scope import COMMUNE, ORGANIZATION, PROVINCE, ReportScope, report_petitions
from danvan.reports.selectors.tables import build_tables
from danvan.reports.tests.factories import make_petition
from danvan.testing import World

D = dt.date
EDGES = [D(2025, 12, 14), D(2025, 12, 15), D(2026, 3, 14), D(2026, 3, 15), D(2025, 9, 14), D(2026, 6, 14)]
ENDED_WITHOUT_DATE = {"guided", "archived", "withdrawn"}


def _random_day(rng: random.Random) -> dt.date:
    if rng.random() < 0.3:
        return rng.choice(EDGES)
    return D(2025, 6, 1) + dt.timedelta(days=rng.randint(0, 400))


def build_data(world: World, seed: int = 7, count: int = 260) -> None:
    rng = random.Random(seed)
    orgs = [world.org_a, world.mttq_a, world.org_b, world.province_committee, world.inspectorate, world.org_other]
    for _ in range(count):
        org = rng.choice(orgs)
        received = _random_day(rng)
        kind = rng.choice(["complaint", "denunciation", "recommendation", "feedback"])
        status = rng.choice(["received", "accepted", "verification", "concluded", "closed", *ENDED_WITHOUT_DATE])
        fields: dict = {
            "kind": kind,
            "status": status,
            "people_count": rng.choice([1, 1, 1, 2, 6]),
            "complaint_round": rng.choice([1, 2]) if kind == "complaint" else None,
            "within_competence": rng.choice([True, False, None]),
            "eligibility": rng.choice(["eligible", "ineligible", ""]),
            "extensions": rng.choice([0, 0, 1]),
        }
        later = received + dt.timedelta(days=rng.choice([0, 1, 20, 60, 120]))
        if status in ("accepted", "verification", "concluded", "closed") or rng.random() < 0.2:
            fields["accepted_on"] = min(later, received + dt.timedelta(days=5))
        if status in ("concluded", "closed"):
            fields["concluded_on"] = later if rng.random() < 0.7 else None
            fields["closed_on"] = later + dt.timedelta(days=3) if status == "closed" else None
            if fields["concluded_on"] is None and status == "concluded":
                fields["concluded_on"] = later
            fields["outcome"] = rng.choice(["right", "partly_right", "wrong", "answered"])
            fields["resolve_due"] = later + dt.timedelta(days=rng.choice([-5, 0, 10]))
        if status in ENDED_WITHOUT_DATE:
            fields["ended_on"] = later
        make_petition(org, received, **fields)


# --- The independent definitions, in plain Python -------------------------------------------------------


def ended(p: Petition) -> dt.date | None:
    if p.concluded_on or p.closed_on:
        return p.concluded_on or p.closed_on
    if p.status in ENDED_WITHOUT_DATE:
        return p.ended_on
    return None


def expected(p: Petition, s: dt.date, e: dt.date) -> dict[str, bool]:
    end = ended(p)
    resolved_on = p.concluded_on or p.closed_on
    open_at_s = end is None or end >= s
    carried = p.received_on < s and open_at_s
    received = s <= p.received_on <= e
    total = carried or received
    resolved = resolved_on is not None and s <= resolved_on <= e
    deadline = p.deadlines.filter(step="resolve").first()
    done_on = deadline.completed_on if deadline is not None else None
    on_time = resolved and deadline is not None and done_on is not None and done_on <= deadline.due_on
    late = resolved and deadline is not None and done_on is not None and done_on > deadline.due_on
    accepted_on = p.accepted_on if p.kind == "complaint" else None
    accepted = accepted_on is not None
    c_total = accepted_on is not None and accepted_on <= e and (accepted_on >= s or open_at_s)
    c_done = accepted and (resolved or (p.status == "withdrawn" and end is not None and s <= end <= e))
    return {
        "total": total,
        "carried_over": carried,
        "received": received,
        "many_signers": total and p.people_count > 1,
        "eligible": total and p.eligibility == "eligible",
        "denunciations": total and p.kind == "denunciation",
        "recommendations": total and p.kind in ("recommendation", "feedback"),
        "outside_competence": total and p.within_competence is False,
        "guided": p.status == "guided" and end is not None and s <= end <= e,
        "processed": end is not None and s <= end <= e,
        "pending": total and (end is None or end > e),
        "resolved": resolved,
        "on_time": on_time,
        "late": late,
        "c.total": c_total,
        "c.carried_over": accepted_on is not None and accepted_on < s and open_at_s,
        "c.resolved": c_done,
        "c.second": c_total and p.complaint_round == 2,
        "c.right": accepted and resolved and p.outcome == "right",
        "c.on_time": accepted and on_time,
        "c.pending": c_total and (end is None or end > e),
    }


COLUMNS = {
    "processing": [
        *("total", "carried_over", "received", "many_signers", "eligible", "denunciations", "recommendations"),
        *("outside_competence", "guided", "processed", "pending"),
    ],
    "complaints": {
        "total": "c.total",
        "carried_over": "c.carried_over",
        "resolved": "c.resolved",
        "second": "c.second",
        "right": "c.right",
        "on_time": "c.on_time",
        "pending": "c.pending",
    },
}


def direct_counts(petitions, s, e) -> dict[str, int]:
    counts: dict[str, int] = {}
    for p in petitions:
        for name, hit in expected(p, s, e).items():
            counts[name] = counts.get(name, 0) + int(hit)
    return counts


@pytest.mark.parametrize("period_code", ["2026-q1", "2026-q2", "2026-year", "2025-q4", "2026-01-10_2026-02-20"])
def test_province_tables_equal_independent_counts(world, personas, period_code):
    build_data(world)
    user = personas["system_admin"]
    period = parse_period(period_code)
    scope = ReportScope(PROVINCE, world.province.pk, world.province.name, world.province)
    tables = {t.kind: t for t in build_tables(user=user, scope=scope, period=period)}
    in_province = Petition.objects.filter(handling_organization__unit__province=world.province)
    want = direct_counts(in_province, period.start, period.end)
    for key in COLUMNS["processing"]:
        assert tables["processing"].total.values[key] == want[key], key
    for key, name in COLUMNS["complaints"].items():
        assert tables["complaints"].total.values[key] == want[name], key
    # Upward aggregation: the province is exactly its communes plus its own organisations.
    for table in tables.values():
        for column in table.columns:
            if not column.ratio:
                assert sum(int(row.values[column.key] or 0) for row in table.rows) == table.total.values[column.key]
    assert [row.key for row in tables["processing"].rows] == [
        f"u{world.province.pk}",  # the province's own organisations first, then the communes by name
        f"u{world.commune_a.pk}",
        f"u{world.commune_b.pk}",
    ]
    # Each commune row is the commune's own direct count.
    for unit in (world.commune_a, world.commune_b, world.province):
        row = next(r for r in tables["processing"].rows if r.key == f"u{unit.pk}")
        direct = direct_counts(in_province.filter(handling_organization__unit=unit), period.start, period.end)
        assert row.values["total"] == direct["total"]
        assert row.values["pending"] == direct["pending"]


def test_the_other_province_is_never_counted(world, personas):
    build_data(world)
    scope = ReportScope(PROVINCE, world.province.pk, world.province.name, world.province)
    period = parse_period("2026-year")
    tables = build_tables(user=personas["system_admin"], scope=scope, period=period)
    everything = direct_counts(Petition.objects.all(), period.start, period.end)
    in_province = direct_counts(
        Petition.objects.filter(handling_organization__unit__province=world.province), period.start, period.end
    )
    assert everything["total"] > in_province["total"] == tables[0].total.values["total"]


def test_commune_officer_counts_only_their_commune(world, personas):
    build_data(world)
    period = parse_period("2026-year")
    user = personas["officer_other"]
    own = ReportScope(COMMUNE, world.commune_b.pk, world.commune_b.name, world.commune_b)
    other = ReportScope(COMMUNE, world.commune_a.pk, world.commune_a.name, world.commune_a)
    province = ReportScope(PROVINCE, world.province.pk, world.province.name, world.province)
    want = direct_counts(Petition.objects.filter(handling_organization__unit=world.commune_b), period.start, period.end)
    assert build_tables(user=user, scope=own, period=period)[0].total.values["total"] == want["total"] > 0
    # A scope outside the jurisdiction counts nothing, even if asked for directly.
    assert build_tables(user=user, scope=other, period=period)[0].total.values["total"] == 0
    assert build_tables(user=user, scope=province, period=period)[0].total.values["total"] == want["total"]
    assert not report_petitions(user=user, scope=other).exists()


def test_report_petitions_never_exceed_what_the_user_may_see(world, personas):
    from danvan.cases.selectors import petition_list_for_user

    build_data(world, count=80)
    for name, user in personas.items():
        if user is None:
            continue
        for scope in (
            ReportScope(PROVINCE, world.province.pk, "", world.province),
            ReportScope(ORGANIZATION, world.org_a.pk, "", world.commune_a, world.org_a),
        ):
            counted = set(report_petitions(user=user, scope=scope).values_list("pk", flat=True))
            visible = set(petition_list_for_user(user=user).values_list("pk", flat=True))
            assert counted <= visible, name


def test_straddling_petitions_fall_in_exactly_one_quarter(world, personas):
    org = world.org_a
    last_of_q4 = make_petition(org, D(2025, 12, 14), status="closed", closed_on=D(2025, 12, 14))
    first_of_q1 = make_petition(org, D(2025, 12, 15), status="closed", closed_on=D(2026, 3, 14))
    carried = make_petition(org, D(2025, 12, 14), status="verification", accepted_on=D(2025, 12, 14), kind="complaint")
    ended_before = make_petition(org, D(2025, 11, 1), status="guided", ended_on=D(2025, 12, 14))
    ended_on_start = make_petition(org, D(2025, 11, 1), status="archived", ended_on=D(2025, 12, 15))
    scope = ReportScope(ORGANIZATION, org.pk, org.name, org.unit, org)
    user = personas["system_admin"]
    q4, q1 = parse_period("2025-q4"), parse_period("2026-q1")
    t4 = build_tables(user=user, scope=scope, period=q4)[0].total.values
    t1 = build_tables(user=user, scope=scope, period=q1)[0].total.values
    # Q4 2025 (15/9–14/12): all four received on or before 14/12 are Q4's; two ended by 14/12.
    assert (t4["received"], t4["processed"]) == (4, 2)
    assert (t1["received"], t1["carried_over"]) == (1, 2)  # first_of_q1; carried and ended_on_start
    assert t1["processed"] == 2
    assert t1["pending"] == 1
    assert t4["pending"] == 2  # carried (open) and ended_on_start (ended on the first day of Q1)
    assert {last_of_q4.pk, first_of_q1.pk, carried.pk, ended_before.pk, ended_on_start.pk}
