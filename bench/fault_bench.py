"""Fault bench: petitions created through the API while PostgreSQL restarts, Redis is down and workers die.

    .venv/bin/python -m bench.fault_bench [--threads 2] [--write]

Starts its own PostgreSQL (initdb/pg_ctl from /usr/lib/postgresql/15/bin, in a temporary directory, on a
free port; as the ``postgres`` user when run as root) and its own Redis (``redis-server`` on a free port),
migrates, creates one reception officer with an API token, then runs gunicorn (2 sync workers) and one Huey
consumer on 127.0.0.1, with production settings (DEBUG off, cache and queue in Redis). A steady load of
``POST /api/petitions/`` with an ``Idempotency-Key`` per petition retries each petition (same key) until it
is acknowledged. Faults, in order: PostgreSQL restart ``-m fast``, restart ``-m immediate``, Redis stopped
for 30 s, a gunicorn worker and the Huey consumer killed (``SIGKILL``; gunicorn forks a new worker, the
consumer is started again). Then the load stops and the outbox is given ``--drain`` seconds to catch up.

Prints (and with ``--write`` puts in bench/RESULTS.md): petitions acknowledged vs stored, duplicates, 5xx
answers, connection failures, per fault the time to the next acknowledged create, the search index and
receipt e-mails against the stored petitions, the outbox's state, and ``audit_verify``. Loopback only;
everything it started is stopped and its directory removed.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import itertools
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "RESULTS.md"
SECTION = "## Faults: a request needs only the database"
PG_BIN = Path("/usr/lib/postgresql/15/bin")
LOG = ["--log-level", "error", "--timeout", "30"]
SUBJECT = "Phản ánh đèn đường hỏng (fault bench)"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Services:
    """PostgreSQL, Redis, gunicorn and a Huey consumer, all in ``self.dir``."""

    def __init__(self, base: Path) -> None:
        self.dir = base
        self.pg_port, self.redis_port, self.web_port = free_port(), free_port(), free_port()
        self.pg_data = base / "pg"
        self.as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        self.redis: subprocess.Popen[bytes] | None = None
        self.web: subprocess.Popen[bytes] | None = None
        self.huey: subprocess.Popen[bytes] | None = None
        self.env = dict(
            os.environ,
            DATABASE_URL=f"postgres://postgres@127.0.0.1:{self.pg_port}/danvan_fault",
            REDIS_URL=f"redis://127.0.0.1:{self.redis_port}/0",
            HUEY_NAME="danvan-fault",
            DEBUG="false",
            SECRET_KEY="fault-bench-" + "x" * 50,
            ALLOWED_HOSTS="127.0.0.1",
            SECURE_SSL_REDIRECT="false",
            DANVAN_VAR_DIR=str(base / "var"),
            EMAIL_URL=f"file://{base / 'mail'}",
            LOG_LEVEL="ERROR",
            DJANGO_SETTINGS_MODULE="config.settings.base",
        )

    def pg_ctl(self, *args: str) -> None:
        subprocess.run(  # noqa: S603
            [*self.as_postgres, str(PG_BIN / "pg_ctl"), "-D", str(self.pg_data), "-w", "-t", "60", *args],
            check=True,
            stdout=subprocess.DEVNULL,
        )

    def start_postgres(self) -> None:
        self.pg_data.mkdir()
        if self.as_postgres:
            shutil.chown(self.dir, "postgres")
            shutil.chown(self.pg_data, "postgres")
        subprocess.run(  # noqa: S603
            [*self.as_postgres, str(PG_BIN / "initdb"), "-D", str(self.pg_data), "-U", "postgres", "-A", "trust"],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        options = f"-p {self.pg_port} -c listen_addresses=127.0.0.1 -k {self.pg_data} -c fsync=on"
        self.pg_ctl("-o", options, "-l", str(self.pg_data / "log"), "start")
        subprocess.run(  # noqa: S603
            [str(PG_BIN / "createdb"), "-h", "127.0.0.1", "-p", str(self.pg_port), "-U", "postgres", "danvan_fault"],
            check=True,
        )

    def start_redis(self) -> None:
        self.redis = subprocess.Popen(  # noqa: S603
            ["redis-server", "--port", str(self.redis_port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],  # noqa: S607
            stdout=subprocess.DEVNULL,
            start_new_session=True,
        )
        for _ in range(50):
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", self.redis_port), timeout=0.2):
                return
            time.sleep(0.1)

    def stop_redis(self) -> None:
        if self.redis is not None:
            self.redis.terminate()
            self.redis.wait(timeout=10)
            self.redis = None

    def manage(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(  # noqa: S603
            [sys.executable, "manage.py", *args], cwd=ROOT, env=self.env, capture_output=True, text=True, check=False
        )

    def start_web(self) -> None:
        self.web = subprocess.Popen(  # noqa: S603
            [sys.executable, "-m", "gunicorn", "config.wsgi", "-w", "2", "-b", f"127.0.0.1:{self.web_port}", *LOG],
            cwd=ROOT,
            env=self.env,
            start_new_session=True,
        )

    def start_huey(self) -> None:
        self.huey = subprocess.Popen(
            [sys.executable, "manage.py", "run_huey", "--quiet"],
            cwd=ROOT,
            env=self.env,
            start_new_session=True,
            stderr=subprocess.DEVNULL,
        )

    def web_workers(self) -> list[int]:
        assert self.web is not None
        pgrep = ["pgrep", "-P", str(self.web.pid)]
        out = subprocess.run(pgrep, capture_output=True, text=True, check=False)  # noqa: S603
        return [int(pid) for pid in out.stdout.split()]

    def stop(self) -> None:
        for process in (self.web, self.huey):
            if process is not None and process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
                with contextlib.suppress(subprocess.TimeoutExpired):
                    process.wait(timeout=15)
        self.stop_redis()
        if (self.pg_data / "postmaster.pid").exists():
            with contextlib.suppress(subprocess.CalledProcessError):
                self.pg_ctl("-m", "fast", "stop")


SETUP = """
from danvan.accounts.models import Role
from danvan.accounts.tokens import api_token_create
from danvan.testing import build_world, make_user
world = build_world()
officer = make_user("fault.officer", org=world.org_a, role=Role.RECEPTION_OFFICER)
token = api_token_create(actor=officer, user=officer, name="fault-bench").key
print(token, world.org_a.pk, world.commune_a.code)
"""


class Load:
    """Client threads: each creates petitions one after the other, retrying one (same Idempotency-Key)
    until it is acknowledged or the load stops."""

    def __init__(self, port: int, token: str, org_id: int, unit_code: str) -> None:
        self.url = f"http://127.0.0.1:{port}/api/petitions/"
        self.token = token
        self.body = {
            "kind": "feedback",
            "subject": SUBJECT,
            "content": "Đèn chiếu sáng tổ 7 hỏng đã hai tuần.",
            "unit_code": unit_code,
            "channel": "hotline",
            "receiving_organization_id": org_id,
            "parties": [{"full_name": "Nguyễn Văn Bình", "phone": "0912345678", "email": "binh@example.vn"}],
        }
        self.lock = threading.Lock()
        self.acknowledged: dict[str, int] = {}  # key -> petition id
        self.unacknowledged: set[str] = set()
        self.outcomes: dict[str, int] = {}
        self.successes: list[float] = []  # monotonic times of acknowledged answers
        self.failures: list[tuple[float, str]] = []  # monotonic time and outcome of the other answers
        self.stop_at = float("inf")

    def post(self, key: str) -> tuple[str, int | None]:
        request = urllib.request.Request(  # noqa: S310
            self.url,
            data=json.dumps(self.body).encode(),
            method="POST",
            headers={
                "Authorization": f"Bearer {self.token}",
                "Content-Type": "application/json",
                "Idempotency-Key": key,
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
                return str(response.status), int(json.loads(response.read())["id"])
        except urllib.error.HTTPError as exc:
            return str(exc.code), None
        except OSError as exc:
            return type(exc).__name__, None

    def worker(self) -> None:
        while time.monotonic() < self.stop_at:
            key = uuid.uuid4().hex
            while True:
                outcome, petition_id = self.post(key)
                with self.lock:
                    self.outcomes[outcome] = self.outcomes.get(outcome, 0) + 1
                    if petition_id is not None:
                        self.acknowledged[key] = petition_id
                        self.successes.append(time.monotonic())
                    else:
                        self.failures.append((time.monotonic(), outcome))
                if petition_id is not None:
                    break
                if time.monotonic() >= self.stop_at:
                    with self.lock:
                        self.unacknowledged.add(key)
                    return
                time.sleep(0.2)

    def longest_gap(self, start: float, end: float) -> float:
        """The longest time without an acknowledged create between ``start`` and ``end``: the outage."""
        with self.lock:
            times = sorted(t for t in self.successes if start <= t < end)
        edges = [start, *times, end]
        return max(b - a for a, b in itertools.pairwise(edges))

    def errors_between(self, start: float, end: float) -> int:
        with self.lock:
            return sum(1 for t, outcome in self.failures if start <= t < end and outcome.startswith("5"))


def wait_http(port: int, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/geography/units?q=x", timeout=1)
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError("gunicorn did not answer")


REPORT = """
import itertools
import json
from django.db.models import Count
from danvan.cases.models import IdempotencyKey, Petition
from danvan.outbox.models import OutboxMessage
from danvan.search.models import PetitionDocument
stored = set(Petition.objects.filter(subject=%(subject)r).values_list("pk", flat=True))
keyed = set(IdempotencyKey.objects.values_list("petition_id", flat=True))
indexed = set(PetitionDocument.objects.filter(pk__in=stored).values_list("pk", flat=True))
receipts = {int(t.split(":")[0]) for t in OutboxMessage.objects.filter(kind="petition.receipt", status="done")
            .values_list("target", flat=True)}
states = dict(OutboxMessage.objects.values_list("status").annotate(n=Count("pk")))
print(json.dumps({"stored": sorted(stored), "keyed": len(keyed & stored), "indexed": len(indexed),
                  "receipts": len(receipts & stored), "outbox": states}))
"""


def outbox_settled(services: Services) -> bool:
    script = (
        "from danvan.outbox.models import OutboxMessage as M; "
        "print(M.objects.exclude(status__in=['done', 'failed']).count())"
    )
    out = services.manage("shell", "-c", script)
    return out.returncode == 0 and out.stdout.strip() == "0"


def run(args: argparse.Namespace) -> tuple[list[str], dict[str, Any]]:
    base = Path(tempfile.mkdtemp(prefix="danvan-fault-"))
    services = Services(base)
    faults: list[tuple[str, float]] = []
    try:
        services.start_postgres()
        services.start_redis()
        migrated = services.manage("migrate", "--no-input")
        assert migrated.returncode == 0, migrated.stderr[-2000:]
        setup = services.manage("shell", "-c", SETUP)
        assert setup.returncode == 0, setup.stderr[-2000:]
        token, org_id, unit_code = setup.stdout.split()[-3:]
        services.start_web()
        services.start_huey()
        wait_http(services.web_port)
        load = Load(services.web_port, token, int(org_id), unit_code)
        warm = {load.post(uuid.uuid4().hex)[1] for _ in range(6)}  # warm both workers
        load.acknowledged.clear()
        load.outcomes.clear()
        load.successes.clear()
        started = time.monotonic()
        load.stop_at = float("inf")
        threads = [threading.Thread(target=load.worker) for _ in range(args.threads)]
        for t in threads:
            t.start()

        def at(second: float) -> None:
            time.sleep(max(0.0, started + second - time.monotonic()))

        at(10)
        faults.append(("PostgreSQL restart -m fast", time.monotonic()))
        services.pg_ctl("-m", "fast", "restart")
        at(25)
        faults.append(("PostgreSQL restart -m immediate", time.monotonic()))
        services.pg_ctl("-m", "immediate", "restart")
        at(40)
        down = time.monotonic()
        faults.append(("Redis stopped for 30 s", down))
        services.stop_redis()
        at(70)
        faults.append(("Redis started again (empty: queued tasks lost)", time.monotonic()))
        services.start_redis()
        at(85)
        faults.append(("a gunicorn worker and the Huey consumer killed (SIGKILL)", time.monotonic()))
        os.kill(services.web_workers()[0], signal.SIGKILL)
        assert services.huey is not None
        os.killpg(services.huey.pid, signal.SIGKILL)
        services.huey.wait()
        services.start_huey()
        at(100)
        load.stop_at = time.monotonic()
        for t in threads:
            t.join(timeout=30)
        duration = time.monotonic() - started
        with load.lock:
            during_redis_down = sum(1 for t in load.successes if down <= t < down + 30)
        drain_start = time.monotonic()
        while time.monotonic() - drain_start < args.drain and not outbox_settled(services):
            time.sleep(15)
        drained_in = time.monotonic() - drain_start
        report = services.manage("shell", "-c", REPORT % {"subject": SUBJECT})
        assert report.returncode == 0, report.stderr[-2000:]
        state = json.loads(report.stdout.strip().splitlines()[-1])
        audit = services.manage("audit_verify")
    finally:
        services.stop()
        shutil.rmtree(base, ignore_errors=True)

    stored = set(state["stored"]) - warm
    everything = len(state["stored"])
    acked = set(load.acknowledged.values())
    errors_5xx = sum(n for k, n in load.outcomes.items() if k.startswith("5"))
    failures = sum(n for k, n in load.outcomes.items() if not k[0].isdigit())
    kinds_5xx = ", ".join(f"{k}×{n}" for k, n in sorted(load.outcomes.items()) if k.startswith("5")) or "none"
    kinds_failed = ", ".join(f"{k}×{n}" for k, n in sorted(load.outcomes.items()) if not k[0].isdigit()) or "none"
    lines = [
        "| measurement | value |",
        "|---|---|",
        f"| load | {args.threads} client threads, {duration:.0f} s, 2 gunicorn sync workers, 1 Huey consumer |",
        f"| petitions acknowledged (201/200 with an id) | {len(acked)} |",
        f"| petitions stored | {len(stored)} |",
        f"| acknowledged but not stored (lost) | **{len(acked - stored)}** |",
        f"| stored but never acknowledged (client gave up at the end) | {len(stored - acked)} |",
        f"| duplicates (stored petitions without their own Idempotency-Key row) | **{everything - state['keyed']}** |",
        f"| 5xx answers | **{errors_5xx}** ({kinds_5xx}) |",
        f"| connection failures / time-outs (retried) | {failures} ({kinds_failed}) |",
        f"| creates acknowledged while Redis was down (30 s) | **{during_redis_down}** |",
    ]
    for name, moment in faults:
        lines.append(
            f"| {name}: longest time without an acknowledged create in the next 15 s / 5xx in those 15 s "
            f"| {load.longest_gap(moment, moment + 15):.1f} s / {load.errors_between(moment, moment + 15)} |"
        )
    lines += [
        f"| outbox settled (nothing pending or running) after the load | {drained_in:.0f} s (limit {args.drain} s) |",
        f"| outbox rows by status | {', '.join(f'{k} {v}' for k, v in sorted(state['outbox'].items()))} |",
        f"| all stored petitions (with the 6 warm-up ones) in the search index | {state['indexed']} / {everything} |",
        f"| all stored petitions whose receipt e-mail went out | {state['receipts']} / {everything} |",
        f"| `audit_verify` | exit {audit.returncode}: {(audit.stdout.strip().splitlines() or [''])[-1][:120]} |",
    ]
    return lines, state


def write_section(lines: list[str], note: str) -> None:
    text = RESULTS.read_text() if RESULTS.exists() else ""
    block = f"{SECTION}\n\n{note}\n\n" + "\n".join(lines) + "\n"
    if SECTION in text:
        head, _, rest = text.partition(SECTION)
        tail = rest[rest.find("\n## ") :] if "\n## " in rest else ""
        text = head + block + tail
    else:
        text = text.rstrip("\n") + "\n\n" + block
    RESULTS.write_text(text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--drain", type=int, default=420, help="seconds to wait for the outbox after the load")
    parser.add_argument("--write", action="store_true", help="put the table in bench/RESULTS.md")
    args = parser.parse_args()
    load_start = os.getloadavg()[0]
    lines, _state = run(args)
    note = (
        f"`.venv/bin/python -m bench.fault_bench --write` ({dt.date.today().isoformat()}): own PostgreSQL 15 and "
        f"Redis on loopback, fresh database, production settings. Machine shared with other engineers' runs "
        f"(load average {load_start:.1f} at the start, {os.getloadavg()[0]:.1f} at the end on 2 cores). Faults at "
        "10 s (PostgreSQL restart -m fast), 25 s (-m immediate), 40–70 s (Redis stopped), 85 s (a gunicorn "
        "worker and the Huey consumer killed); load stops at 100 s. The outbox relay runs every minute; a message "
        "handed to a Redis that then lost it, or claimed by a worker that died, is handed again after 5 minutes "
        "(`HAND_AGAIN_AFTER`, `LEASE`), so the index and the receipts are complete about 6 minutes after the faults."
    )
    print(note)
    print("\n".join(lines))
    if args.write:
        write_section(lines, note)


if __name__ == "__main__":
    main()
