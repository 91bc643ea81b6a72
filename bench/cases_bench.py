"""Petitions benchmark on the generated data (PostgreSQL): inbox first page and case page server time,
API create throughput with 2 gunicorn workers, peak memory per worker.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/danvan_bench .venv/bin/python -m bench.cases_bench --write

Server time is measured in-process with Django's test client (the whole request: middleware, view,
template, every query), ``--n`` requests per page after ``--warm`` warm-up requests. The baseline in the
same run is the inbox's former query shape (earliest due date as a correlated subquery per row, handler
choices read from the petitions, an exact COUNT), timed as SQL only. ``--write`` replaces the "Petitions"
section of bench/RESULTS.md (the other sections are left alone).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import resource
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")
os.environ.setdefault("DEBUG", "true")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
django.setup()

from django.db import connection  # noqa: E402
from django.db.models import F, OuterRef, Q, Subquery  # noqa: E402
from django.test import Client  # noqa: E402
from django_otp import DEVICE_ID_SESSION_KEY  # noqa: E402
from django_otp.plugins.otp_totp.models import TOTPDevice  # noqa: E402

from danvan.accounts.models import Membership, Organization, OrganizationKind, Role, User  # noqa: E402
from danvan.accounts.selectors import jurisdiction_filter, user_memberships  # noqa: E402
from danvan.accounts.tokens import api_token_create  # noqa: E402
from danvan.cases.deadlines import earliest_due_mismatches  # noqa: E402
from danvan.cases.models import Petition, StepDeadline  # noqa: E402
from danvan.geography.models import AdministrativeUnit, Era, Level  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "RESULTS.md"
SECTION = "## Petitions: inbox, case page, API create"
API_SUBJECT = "Phản ánh đèn đường hỏng (bench API)"


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def timed(client: Client, url: str, n: int, warm: int) -> list[float]:
    for _ in range(warm):
        assert client.get(url).status_code == 200, url
    times = []
    for _ in range(n):
        started = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, url
    return times


def timed_call(action: Callable[[], object], n: int, warm: int = 1) -> list[float]:
    for _ in range(warm):
        action()
    times = []
    for _ in range(n):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return times


def officer_client(user: User) -> Client:
    client = Client()
    client.force_login(user)
    device, _ = TOTPDevice.objects.get_or_create(user=user, name="bench", defaults={"confirmed": True})
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def province_inspector(province_code: str) -> User:
    """An inspector of the provincial inspectorate: the whole province in the inbox's "all" scope."""
    province = AdministrativeUnit.objects.get(era=Era.CURRENT, level=Level.PROVINCE, code=province_code)
    inspectorate, _ = Organization.objects.get_or_create(
        unit=province,
        name=f"Thanh tra {province.name[:1].lower()}{province.name[1:]}",
        defaults={"kind": OrganizationKind.INSPECTORATE},
    )
    user, _ = User.objects.get_or_create(username="bench.province_inspector", defaults={"full_name": "Bench Inspector"})
    Membership.objects.get_or_create(user=user, organization=inspectorate, role=Role.INSPECTOR)
    return user


def machine() -> list[str]:
    lscpu = subprocess.run(["lscpu"], capture_output=True, text=True, check=False).stdout  # noqa: S607
    cpu = re.search(r"Model name:\s*(.+)", lscpu)
    mem = next(
        line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal")
    )
    with connection.cursor() as cursor:
        cursor.execute("SELECT version()")
        db = cursor.fetchone()[0].split(" on ")[0]
        settings = []
        for name in ("shared_buffers", "work_mem", "effective_cache_size", "max_parallel_workers_per_gather"):
            cursor.execute(f"SHOW {name}")
            settings.append(f"`{name}` {cursor.fetchone()[0]}")
        cursor.execute("SELECT pg_size_pretty(pg_total_relation_size('cases_petition'))")
        size = cursor.fetchone()[0]
    return [
        f"{os.cpu_count()} CPUs ({cpu.group(1).strip() if cpu else platform.processor()}), "
        f"{int(mem) / 1024 / 1024:.0f} GiB RAM, Linux {platform.release()}, Python {platform.python_version()}",
        f"{db} with default settings ({', '.join(settings)}); `cases_petition` {size} with its indexes",
    ]


def load() -> str:
    return " / ".join(f"{x:.2f}" for x in os.getloadavg())


# --- The former inbox, as a baseline -------------------------------------------------------------------


def former_inbox(user: User, *, all_jurisdiction: bool) -> None:
    """The inbox's queries before issue 3's work (same data, same run): the jurisdiction as a join with
    forwardings and DISTINCT, the earliest due date as a correlated subquery on every row, handler and
    commune choices read from the petitions, an exact count."""
    scope = jurisdiction_filter(user=user, prefix="handling_organization__unit")
    member_orgs = [m.organization_id for m in user_memberships(user=user)]
    everything = Petition.objects.select_related("handling_organization", "unit", "category", "handler")
    if scope is not None:
        everything = everything.filter(scope | Q(forwardings__from_organization_id__in=member_orgs)).distinct()
    mine = Petition.objects.filter(handling_organization_id__in=member_orgs).select_related(
        "handling_organization", "unit", "category", "handler"
    )
    running = StepDeadline.objects.filter(petition=OuterRef("pk"), completed_on__isnull=True, paused_on__isnull=True)
    petitions = (
        (everything if all_jurisdiction else mine)
        .annotate(next_due=Subquery(running.order_by("due_on").values("due_on")[:1]))
        .order_by(F("next_due").asc(nulls_last=True), "-received_on", "-pk")
    )
    list(AdministrativeUnit.objects.filter(pk__in=everything.values("unit_id")).order_by("name"))
    list(User.objects.filter(pk__in=everything.values("handler_id")).order_by("full_name"))
    petitions.count()
    list(petitions[:25])


# --- API create throughput -----------------------------------------------------------------------------


def cpu_seconds(pids: list[str]) -> float:
    """User + system CPU time of the processes ``pids`` (those that still exist)."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])
    return total / tick


def postgres_pids() -> list[str]:
    out = subprocess.run(["pgrep", "-x", "postgres"], capture_output=True, text=True, check=False)  # noqa: S607
    return out.stdout.split()


def api_throughput(
    *, token: str, organization: Organization, seconds: float, threads: int, redis_url: str
) -> dict[str, Any]:
    """POST /api/petitions/ against gunicorn with 2 sync workers, from ``threads`` client threads."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    env = dict(
        os.environ,
        DEBUG="false",
        SECRET_KEY="bench-" + "x" * 50,
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="false",
        DANVAN_ALLOW_DEMO_DATA="false",
        LOG_LEVEL="WARNING",
    )
    if redis_url:  # as in production: tasks queued in Redis (not in the SQLite file), cache in Redis
        env |= {"REDIS_URL": redis_url, "HUEY_NAME": "danvan-bench"}
    server = subprocess.Popen(  # noqa: S603
        [
            sys.executable,
            "-m",
            "gunicorn",
            "config.wsgi",
            "-w",
            "2",
            "-b",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    try:
        for _ in range(150):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/api/geography/units?q=x", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        body = {
            "kind": "feedback",
            "subject": API_SUBJECT,
            "content": "Đèn chiếu sáng tổ 7 hỏng đã hai tuần.",
            "unit_code": organization.unit.code,
            "channel": "hotline",
            "receiving_organization_id": organization.pk,
            "parties": [{"full_name": "Nguyễn Văn Bình", "phone": "0912345678"}],
        }
        data = json.dumps(body).encode()
        latencies: list[float] = []
        errors: dict[str, int] = {}
        lock = threading.Lock()
        stop = [0.0]

        def post() -> None:
            request = urllib.request.Request(
                f"http://127.0.0.1:{port}/api/petitions/",
                data=data,
                method="POST",
                headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
            )
            started = time.perf_counter()
            try:
                with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
                    outcome = str(response.status)
            except urllib.error.HTTPError as exc:
                outcome = str(exc.code)
            except OSError as exc:
                outcome = type(exc).__name__
            with lock:
                if outcome == "201":
                    latencies.append((time.perf_counter() - started) * 1000)
                else:
                    errors[outcome] = errors.get(outcome, 0) + 1

        def worker() -> None:
            while time.monotonic() < stop[0]:
                post()

        for _ in range(20):  # warm both workers (imports, connections, calendar cache)
            post()
        latencies.clear()
        errors.clear()
        children = subprocess.run(  # noqa: S603
            ["pgrep", "-P", str(server.pid)],  # noqa: S607
            capture_output=True,
            text=True,
            check=False,
        ).stdout.split()
        database = postgres_pids()
        cpu_before = (cpu_seconds(children), cpu_seconds(database), time.process_time())
        stop[0] = time.monotonic() + seconds
        started = time.monotonic()
        pool = [threading.Thread(target=worker) for _ in range(threads)]
        for t in pool:
            t.start()
        for t in pool:
            t.join()
        elapsed = time.monotonic() - started
        cpu_after = (cpu_seconds(children), cpu_seconds(database), time.process_time())
        done = max(1, len(latencies) + sum(errors.values()))
        cpu_ms = [(after - before) * 1000 / done for before, after in zip(cpu_before, cpu_after, strict=True)]
        rss = []
        for pid in children:
            status = Path(f"/proc/{pid}/status").read_text()
            rss.append(int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM"))) / 1024)
        return {
            "requests_per_s": len(latencies) / elapsed,
            "created": len(latencies),
            "p50_ms": statistics.median(latencies) if latencies else 0.0,
            "p95_ms": percentile(latencies, 95) if latencies else 0.0,
            "errors": sum(errors.values()),
            "error_kinds": ", ".join(f"{k}×{v}" for k, v in sorted(errors.items())) or "none",
            "peak_rss_mb": max(rss) if rss else 0.0,
            "workers": len(rss),
            "cpu_workers_ms": cpu_ms[0],
            "cpu_postgres_ms": cpu_ms[1],
            "cpu_client_ms": cpu_ms[2],
        }
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=15)


# --- Report ----------------------------------------------------------------------------------------------


def row(label: str, values: list[float], target: str = "") -> str:
    return f"| {label} | {len(values)} | {statistics.median(values):.1f} | {percentile(values, 95):.1f} | {target} |"


NOTES = "<!-- notes below: kept as they are by cases_bench --write -->"


def write_section(text: str) -> None:
    """Replace the measured part of this section; the notes written under ``NOTES`` stay (they must not
    contain a line starting with ``#``: the section ends at the next heading)."""
    current = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmark results\n"
    start = current.find(SECTION)
    if start < 0:
        current, start = current.rstrip("\n") + "\n\n", len(current.rstrip("\n")) + 2
    following = current.find("\n#", start + len(SECTION))
    end = len(current) if following < 0 else following + 1
    notes = current.find(NOTES, start, end)
    kept = current[notes:end].rstrip("\n") if notes >= 0 else NOTES
    rest = current[end:]
    section = text.rstrip("\n") + "\n\n" + kept + "\n"
    RESULTS.write_text(current[:start] + section + ("\n" + rest if rest else ""), encoding="utf-8")


def flush_queue(redis_url: str) -> None:
    """Drop the search-index tasks the API run queued (nobody consumes the bench's queue)."""
    from huey import RedisHuey

    RedisHuey(name="danvan-bench", url=redis_url).flush()


def api_rows(api: dict[str, Any], *, threads: int, seconds: float, queue: str) -> list[str]:
    return [
        f"| API create `POST /api/petitions/`, gunicorn 2 sync workers, {threads} client threads, "
        f"task queue {queue} (req/s, {api['created']:,} created in {seconds:.0f} s) | | "
        f"**{api['requests_per_s']:.0f}** | | ≥ 200 req/s |",
        f"| API create latency (ms) | {api['created']} | {api['p50_ms']:.1f} | {api['p95_ms']:.1f} | |",
        f"| peak RSS per gunicorn worker (MiB, VmHWM, {api['workers']} workers) | | {api['peak_rss_mb']:.0f} | | |",
        f"| CPU per created petition (ms): gunicorn workers / PostgreSQL / the client threads | | "
        f"{api['cpu_workers_ms']:.1f} / {api['cpu_postgres_ms']:.1f} / {api['cpu_client_ms']:.1f} | | |",
    ]


API_ROW_PREFIXES = ("| API create", "| peak RSS per gunicorn worker", "| CPU per created petition")


def write_api_rows(rows: list[str], note: str) -> None:
    """Replace the API rows of the section's table (the inbox and case page rows stay as they are) and
    the sentence about API errors under it."""
    current = RESULTS.read_text(encoding="utf-8")
    start = current.find(SECTION)
    if start < 0:
        raise SystemExit(f"{SECTION!r} not found in {RESULTS}: run without --api-only first")
    end = current.find(NOTES, start)
    head, tail = current[start:end].split("\n"), current[end:]
    kept = [line for line in head if not line.startswith(API_ROW_PREFIXES)]
    at = next(i for i, line in enumerate(kept) if line.startswith("| peak RSS of this measuring process"))
    kept[at:at] = rows
    errors = re.compile(r" API errors during the runs?: .*$")
    kept = [errors.sub(" " + note, line) for line in kept]
    RESULTS.write_text(current[:start] + "\n".join(kept) + tail, encoding="utf-8")


def api_only(args: argparse.Namespace) -> None:
    """Only the API create run: ``--api-runs`` runs, reported one by one and as medians."""
    reception = User.objects.get(username="bench.reception_officer.0")
    runs = []
    load_start = load()
    for _ in range(args.api_runs):
        token = api_token_create(actor=reception, user=reception, name=f"bench-{time.time():.0f}").key
        api = api_throughput(
            token=token,
            organization=reception.memberships.get().organization,
            seconds=args.api_seconds,
            threads=args.threads,
            redis_url=args.redis_url,
        )
        if not args.keep_api_petitions:
            Petition.objects.filter(subject=API_SUBJECT).delete()
        if args.redis_url:
            flush_queue(args.redis_url)
        runs.append(api)
        print(json.dumps(api), flush=True)
    load_end = load()
    median = {
        key: statistics.median(run[key] for run in runs) for key in runs[0] if isinstance(runs[0][key], int | float)
    }
    median["created"] = round(median["created"])
    median["workers"] = round(median["workers"])
    rates = ", ".join(f"{run['requests_per_s']:.0f}" for run in runs)
    errors = sum(run["errors"] for run in runs)
    kinds = "; ".join(run["error_kinds"] for run in runs)
    rows = api_rows(
        median, threads=args.threads, seconds=args.api_seconds, queue="Redis" if args.redis_url else "SQLite file"
    )
    rows[0] = rows[0].replace("(req/s, ", f"(req/s, median of {len(runs)} runs: {rates}; ")
    note = (
        f"API errors during the runs: {errors} ({kinds}). API runs ({dt.date.today().isoformat()}): load average "
        f"{load_start} at the start, {load_end} at the end."
    )
    print("\n".join(rows))
    print(note)
    if args.write:
        write_api_rows(rows, note)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=200, help="measured requests per page")
    parser.add_argument("--warm", type=int, default=20)
    parser.add_argument("--baseline-runs", type=int, default=5)
    parser.add_argument("--api-seconds", type=float, default=20.0)
    parser.add_argument("--api-runs", type=int, default=3, help="API create runs with --api-only (medians)")
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--province", default="38")
    parser.add_argument("--skip-api", action="store_true")
    parser.add_argument(
        "--api-only",
        action="store_true",
        help="only the API create run; --write then replaces only the API rows of the section's table",
    )
    parser.add_argument("--keep-api-petitions", action="store_true", help="do not delete what the API run created")
    parser.add_argument(
        "--redis-url",
        default="",
        help="REDIS_URL for the gunicorn workers (a database of its own: the queued index tasks stay there)",
    )
    parser.add_argument("--write", action="store_true", help="replace the Petitions section of bench/RESULTS.md")
    args = parser.parse_args()
    if args.api_only:
        api_only(args)
        return

    load_start = load()
    count = Petition.objects.count()
    reception = User.objects.get(username="bench.reception_officer.0")
    head = User.objects.get(username="bench.unit_head.0")
    inspector = province_inspector(args.province)
    org = head.memberships.get().organization
    in_org = Petition.objects.filter(handling_organization=org).count()
    started = time.perf_counter()
    mismatches = earliest_due_mismatches().count()
    invariant_ms = (time.perf_counter() - started) * 1000
    in_verification = Petition.objects.filter(handling_organization=org, status="verification").order_by("-id")
    case = in_verification.filter(kind="complaint").first()
    denunciation = in_verification.filter(kind="denunciation").first()
    assert case is not None
    assert denunciation is not None

    results: list[tuple[str, list[float], str]] = []
    pages = [
        ("inbox first page, commune reception officer (own organisation)", reception, "/petitions/inbox/", "p95 < 50"),
        ("inbox first page, commune head (own organisation)", head, "/petitions/inbox/", "p95 < 50"),
        (
            "inbox first page, provincial inspector (whole province)",
            inspector,
            "/petitions/inbox/?scope=all",
            "p95 < 50",
        ),
        ("case page, a complaint (head of the handling organisation)", head, f"/petitions/{case.pk}/", "p95 < 50"),
        (
            "case page, a denunciation (the head reads the identity: one audit row per view)",
            head,
            f"/petitions/{denunciation.pk}/",
            "p95 < 50",
        ),
        ("inbox, head, text filter `q=duong` (accent-insensitive)", head, "/petitions/inbox/?q=duong", ""),
        ("inbox, head, overdue only", head, "/petitions/inbox/?due=overdue", ""),
        ("inbox, province, `q=duong`", inspector, "/petitions/inbox/?scope=all&q=duong", ""),
    ]
    for label, user, url, target in pages:
        client = officer_client(user)
        n = args.n if target else max(20, args.n // 4)
        results.append((label, timed(client, url, n, args.warm), target))
        print(row(*results[-1]), flush=True)
    baseline = timed_call(lambda: former_inbox(head, all_jurisdiction=False), args.baseline_runs)
    results.append(("baseline: the former inbox's queries, commune head (SQL only)", baseline, ""))
    print(row(*results[-1]), flush=True)
    baseline = timed_call(lambda: former_inbox(inspector, all_jurisdiction=True), 1, warm=0)
    results.append(("baseline: the former inbox's queries, whole province (SQL only)", baseline, ""))
    print(row(*results[-1]), flush=True)

    api: dict[str, Any] = {}
    if not args.skip_api:
        token = api_token_create(actor=reception, user=reception, name=f"bench-{time.time():.0f}").key
        api = api_throughput(
            token=token,
            organization=reception.memberships.get().organization,
            seconds=args.api_seconds,
            threads=args.threads,
            redis_url=args.redis_url,
        )
        print(api, flush=True)
        if not args.keep_api_petitions:  # keep the data set as generated for the next run
            Petition.objects.filter(subject=API_SUBJECT).delete()
        if args.redis_url:
            flush_queue(args.redis_url)
    maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    load_end = load()

    lines = [
        SECTION,
        "",
        f"`DATABASE_URL=… .venv/bin/python -m bench.cases_bench --write` ({dt.date.today().isoformat()}).",
        f"Data: {count:,} petitions of one province (`bench/generate.py`, 166 communes); the commune of the",
        f"measured officers handles {in_org:,}. Machine: " + "; ".join(machine()) + ".",
        f"Load average (1/5/15 min) at the start {load_start}, at the end {load_end} (2 cores, shared).",
        f"Server time in-process with Django's test client (middleware, view, template, every query); {args.n}",
        f"requests per page after {args.warm} warm-up requests (a quarter of that for the rows without a target).",
        "",
        "| measure | runs | median ms | p95 ms | target |",
        "|---|---|---|---|---|",
        *[row(label, values, target) for label, values, target in results],
    ]
    if api:
        lines += api_rows(
            api, threads=args.threads, seconds=args.api_seconds, queue="Redis" if args.redis_url else "SQLite file"
        )
    lines += [
        f"| peak RSS of this measuring process (MiB) | | {maxrss:.0f} | | |",
        "",
        f"`Petition.earliest_due_on` checked against a fresh computation over all {count:,} petitions: "
        f"{mismatches} mismatches ({invariant_ms:,.0f} ms, one query)."
        + (f" API errors during the run: {api['errors']} ({api['error_kinds']})." if api else ""),
        "",
    ]
    text = "\n".join(lines) + "\n"
    print(text)
    if args.write:
        write_section(text)


if __name__ == "__main__":
    main()
