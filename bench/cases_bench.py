"""Petitions benchmark on the generated data (PostgreSQL): inbox first page and case page server time,
API create throughput with 2 gunicorn workers, peak memory per worker.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/danvan_bench .venv/bin/python -m bench.cases_bench

Server time is measured in-process with Django's test client (the whole request: middleware, view,
template), 200 requests per page after 20 warm-up requests; the baseline in the same run is an
unindexed-style query (ORDER BY received_on over the whole jurisdiction without the urgency index).
Figures are printed and appended to bench/RESULTS.md.
"""

from __future__ import annotations

import json
import os
import platform
import resource
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")
os.environ.setdefault("DEBUG", "true")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django_otp import DEVICE_ID_SESSION_KEY  # noqa: E402
from django_otp.plugins.otp_totp.models import TOTPDevice  # noqa: E402

from danvan.accounts.models import User  # noqa: E402
from danvan.accounts.tokens import api_token_create  # noqa: E402
from danvan.cases.models import Petition  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "RESULTS.md"


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def timed(client: Client, url: str, n: int = 200, warm: int = 20) -> list[float]:
    for _ in range(warm):
        assert client.get(url).status_code == 200, url
    times = []
    for _ in range(n):
        started = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200
    return times


def row(label: str, values: list[float], target: str) -> str:
    return f"| {label} | {statistics.median(values):.1f} | {percentile(values, 95):.1f} | {target} |"


def officer_client(username: str) -> Client:
    user = User.objects.get(username=username)
    client = Client()
    client.force_login(user)
    device, _ = TOTPDevice.objects.get_or_create(user=user, name="bench", defaults={"confirmed": True})
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def machine() -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    mem = next(
        line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal")
    )
    with connection.cursor() as cursor:
        cursor.execute("SELECT version()")
        db = cursor.fetchone()[0].split(",")[0]
    return f"{os.cpu_count()} cores, {int(mem) // 1024 // 1024} GiB, {cpu}; {db}; Python {platform.python_version()}"


def api_throughput(*, token: str, seconds: float = 20.0, threads: int = 8) -> dict[str, float]:
    """POST /api/petitions/ against gunicorn with 2 sync workers, from `threads` client threads."""
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
    )
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
        for _ in range(100):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/api/geography/units?q=x", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        org = User.objects.get(username="bench.reception_officer.0").memberships.first().organization
        body = {
            "kind": "feedback",
            "subject": "Phản ánh đèn đường hỏng",
            "content": "Đèn chiếu sáng tổ 7 hỏng đã hai tuần.",
            "unit_code": org.unit.code,
            "channel": "hotline",
            "receiving_organization_id": org.pk,
            "parties": [{"full_name": "Nguyễn Văn Bình", "phone": "0912345678"}],
        }
        data = json.dumps(body).encode()
        stop = time.monotonic() + seconds
        latencies: list[float] = []
        errors = [0]
        lock = threading.Lock()

        def worker() -> None:
            while time.monotonic() < stop:
                request = urllib.request.Request(
                    f"http://127.0.0.1:{port}/api/petitions/",
                    data=data,
                    method="POST",
                    headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
                )
                started = time.perf_counter()
                try:
                    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
                        ok = response.status == 201
                except OSError:
                    ok = False
                with lock:
                    if ok:
                        latencies.append((time.perf_counter() - started) * 1000)
                    else:
                        errors[0] += 1

        pool = [threading.Thread(target=worker) for _ in range(threads)]
        for t in pool:
            t.start()
        for t in pool:
            t.join()
        rss = []
        for pid in subprocess.run(["pgrep", "-P", str(server.pid)], capture_output=True, text=True).stdout.split():  # noqa: S603,S607
            status = Path(f"/proc/{pid}/status").read_text()
            rss.append(int(next(row.split()[1] for row in status.splitlines() if row.startswith("VmHWM"))) / 1024)
        return {
            "requests_per_s": len(latencies) / seconds,
            "p50_ms": statistics.median(latencies),
            "p95_ms": percentile(latencies, 95),
            "errors": errors[0],
            "peak_rss_mb": max(rss) if rss else 0.0,
        }
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=10)


def main() -> None:
    count = Petition.objects.count()
    head = officer_client("bench.unit_head.0")
    inbox = timed(head, "/petitions/inbox/")
    jurisdiction = timed(head, "/petitions/inbox/?scope=all")
    petition = (
        Petition.objects.filter(handling_organization__memberships__user__username="bench.unit_head.0")
        .order_by("-id")
        .first()
    )
    assert petition is not None
    case = timed(head, f"/petitions/{petition.pk}/")
    # Baseline in the same run: a naive listing (substring match, ordered by date) over all petitions.
    naive = []
    for _ in range(50):
        started = time.perf_counter()
        list(Petition.objects.filter(subject__icontains="đường").order_by("-received_on")[:50])
        naive.append((time.perf_counter() - started) * 1000)
    user = User.objects.get(username="bench.reception_officer.0")
    token = api_token_create(actor=user, user=user, name=f"bench-{time.time():.0f}").key
    api = api_throughput(token=token)
    maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    lines = [
        "",
        f"## Petitions (issue 3) — {time.strftime('%Y-%m-%d %H:%M')} UTC",
        f"Machine: {machine()}. Data: {count:,} petitions in one province (generated by bench/generate.py).",
        "",
        "| measure | median | p95 | target |",
        "|---|---|---|---|",
        row("inbox first page, own organisation (ms)", inbox, "p95 < 50"),
        row("inbox first page, whole jurisdiction (ms)", jurisdiction, ""),
        row("case page (ms)", case, "p95 < 50"),
        row("baseline: naive icontains listing (ms)", naive, ""),
        f"| API create, 2 gunicorn workers, 8 client threads (req/s) | {api['requests_per_s']:.0f} | | ≥ 200 |",
        f"| API create latency (ms) | {api['p50_ms']:.1f} | {api['p95_ms']:.1f} | |",
        f"| peak RSS per gunicorn worker (MiB) | {api['peak_rss_mb']:.0f} | | |",
        f"| peak RSS of this measuring process (MiB) | {maxrss:.0f} | | |",
        "",
        f"API errors during the run: {api['errors']:.0f}. The client threads run on the same 2 cores as the server.",
    ]
    text = "\n".join(lines) + "\n"
    print(text)
    if not RESULTS.exists():
        RESULTS.write_text(
            "# Benchmark results\n\nEvery section says its machine and data; figures are medians and p95.\n"
        )
    with RESULTS.open("a", encoding="utf-8") as fh:
        fh.write(text)


if __name__ == "__main__":
    main()
