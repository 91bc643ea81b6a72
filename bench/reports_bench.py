"""Dashboards and reports benchmark on the generated data (PostgreSQL, 1,000,000 petitions of one province):
dashboard server time (p50/p95) and the provincial annual report (tables + XLSX + DOCX), each with a naive
baseline measured in the same run, and an exactness check of the pre-aggregation against direct counts.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/danvan_bench .venv/bin/python -m bench.reports_bench

Server time is measured in-process with Django's test client (middleware, view, template), after warm-up
requests. The pre-aggregation is rebuilt first (as the periodic task does every 5 minutes); the first request
on the new snapshot reads it (cold), later ones reuse its parts from the cache (a snapshot never changes).
Baselines: the dashboard counted directly over the petitions (no pre-aggregation); the annual report's total
row computed with one COUNT query per column (no single grouped pass).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import statistics
import time
from collections.abc import Callable

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")
os.environ.setdefault("DEBUG", "true")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

from danvan.accounts.models import Membership, Organization, OrganizationKind, Role, User  # noqa: E402
from danvan.cases.models import Petition  # noqa: E402
from danvan.cases.paperwork import issuer_for  # noqa: E402
from danvan.geography.models import AdministrativeUnit, Era, Level  # noqa: E402
from danvan.reports.models import ReportDraft  # noqa: E402
from danvan.reports.periods import parse_period  # noqa: E402
from danvan.reports.selectors.cube import CUBE_MIN_PETITIONS  # noqa: E402
from danvan.reports.selectors.dashboard import dashboard_direct, dashboard_from_cube  # noqa: E402
from danvan.reports.selectors.measures import MEASURES, annotate, relevant  # noqa: E402
from danvan.reports.selectors.scope import PROVINCE, ReportScope, report_petitions  # noqa: E402
from danvan.reports.selectors.tables import build_tables  # noqa: E402
from danvan.reports.services.cube import cube_build  # noqa: E402
from danvan.reports.services.narrative import narrative_document  # noqa: E402
from danvan.reports.services.xlsx import statistics_xlsx  # noqa: E402
from danvan.testing import login_client  # noqa: E402

TODAY = dt.date(2026, 11, 25)


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def timings(action: Callable[[], object], n: int, warm: int = 2) -> list[float]:
    for _ in range(warm):
        action()
    times = []
    for _ in range(n):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return times


def leader(province: AdministrativeUnit) -> tuple[User, Organization]:
    committee, _ = Organization.objects.get_or_create(
        unit=province,
        name=f"Ủy ban nhân dân {province.name[:1].lower()}{province.name[1:]}",
        defaults={"kind": OrganizationKind.PROVINCIAL_COMMITTEE},
    )
    user, _ = User.objects.get_or_create(username="bench.province_head", defaults={"full_name": "Bench Leader"})
    Membership.objects.get_or_create(user=user, organization=committee, role=Role.UNIT_HEAD)
    return user, committee


def annual_report(user: User, committee: Organization, scope: ReportScope) -> tuple[int, int]:
    period = parse_period("2026-year")
    tables = build_tables(user=user, scope=scope, period=period)
    xlsx = statistics_xlsx(tables=tables, scope=scope, period=period)
    draft = ReportDraft(organization=committee, scope=scope.code, period=period.code, results="Kết quả.")
    issuer = issuer_for(organization=committee, signer=user)
    docx = narrative_document(draft=draft, issuer=issuer, period=period, tables=tables, number="01/BC-UBND").to_docx()
    return len(xlsx), len(docx)


def naive_total_row(user: User, scope: ReportScope) -> dict[str, int]:
    """The baseline: one COUNT query per column of the three tables, for the province total only."""
    period = parse_period("2026-year")
    base = annotate(report_petitions(user=user, scope=scope)).filter(relevant(period.start, period.end))
    return {name: base.filter(measure(period.start, period.end)).count() for name, measure in MEASURES.items()}


def machine() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        pg = cursor.fetchone()[0]
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return (
        f"{os.cpu_count()} cores, {memory:.0f} GiB RAM, {platform.platform()}, Python {platform.python_version()}, "
        f"PostgreSQL {pg} (default settings), load average at start {load}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--province", default="38")
    parser.add_argument("--runs", type=int, default=40)
    args = parser.parse_args()
    assert connection.vendor == "postgresql", "run on PostgreSQL (DATABASE_URL)"
    province = AdministrativeUnit.objects.get(era=Era.CURRENT, level=Level.PROVINCE, code=args.province)
    user, committee = leader(province)
    scope = ReportScope(PROVINCE, province.pk, province.name, province)
    petitions = Petition.objects.filter(handling_organization__unit__province=province).count()
    print(f"machine: {machine()}")
    print(f"petitions in the province: {petitions:,}; in the database: {Petition.objects.count():,}")

    started = time.perf_counter()
    build = cube_build()
    print(f"pre-aggregation build: {time.perf_counter() - started:.1f} s, {build.cells:,} cells")

    client = login_client(Client(), user)
    rows = []
    for code in ("2026-q3", "2026-year"):
        url = f"/reports/?scope=p{province.pk}&period={code}"
        cold = timings(lambda: client.get(url), 1, warm=0)  # noqa: B023 - called inside the loop
        rows.append((f"dashboard, province, {code}, first request on a new snapshot", cold))
        times = timings(lambda: client.get(url), args.runs, warm=3)  # noqa: B023 - called inside the loop
        rows.append((f"dashboard, province, {code}, pre-aggregated (snapshot parts cached)", times))
        period = parse_period(code)
        org_ids = list(Organization.objects.filter(unit__province=province).values_list("pk", flat=True))
        cubed = dashboard_from_cube(user=user, scope=scope, period=period, today=TODAY, build=build, org_ids=org_ids)
        results: list = []

        def count_directly(period=period, results=results) -> None:  # type: ignore[no-untyped-def]
            results.append(dashboard_direct(user=user, scope=scope, period=period, today=TODAY))

        direct_times = timings(count_directly, 2, warm=0)
        direct = results[-1]
        rows.append((f"baseline: dashboard, province, {code}, counted directly", direct_times))
        same = (cubed.figures, cubed.by_kind, cubed.months, cubed.handling, cubed.overdue_count) == (
            direct.figures,
            direct.by_kind,
            direct.months,
            direct.handling,
            direct.overdue_count,
        )
        print(f"exact {code}: {'yes' if same else 'NO'} (received {direct.figures['received']:,})")
        assert same, "the pre-aggregation differs from the direct counts"
    commune = Organization.objects.filter(unit__province=province, unit__level=Level.COMMUNE).first()
    assert commune is not None
    size = Petition.objects.filter(handling_organization=commune).count()
    print(f"commune {commune.name}: {size:,} petitions (pre-aggregated from {CUBE_MIN_PETITIONS:,})")
    url = f"/reports/?scope=c{commune.unit_id}&period=2026-q3"
    rows.append(("dashboard, one commune, 2026-q3", timings(lambda: client.get(url), args.runs, warm=3)))

    rows.append(
        (
            "annual provincial report (4 tables + XLSX + DOCX)",
            timings(lambda: annual_report(user, committee, scope), 5, warm=1),
        )
    )
    naive = timings(lambda: naive_total_row(user, scope), 1, warm=0)
    rows.append((f"baseline: annual total row only, one COUNT per column ({len(MEASURES)} queries)", naive))

    print(f"load average at the end: {', '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print()
    print(f"| measurement ({timezone.now():%Y-%m-%d}) | runs | median ms | p95 ms |")
    print("|---|---|---|---|")
    for label, times in rows:
        print(f"| {label} | {len(times)} | {statistics.median(times):.0f} | {percentile(times, 95):.0f} |")


if __name__ == "__main__":
    main()
