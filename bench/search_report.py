"""Shared helpers of the search benchmarks: machine description, percentiles, index sizes, RESULTS.md."""

from __future__ import annotations

import os
import platform
from pathlib import Path

from django.db import connection

RESULTS = Path(__file__).with_name("RESULTS.md")
HEADING = "## Search and duplicates"


def percentile(seconds: list[float], p: float) -> float:
    """The p-th percentile in milliseconds (nearest rank)."""
    if not seconds:
        return 0.0
    ordered = sorted(seconds)
    rank = max(0, min(len(ordered) - 1, round(p / 100 * len(ordered) + 0.5) - 1))
    return ordered[rank] * 1000


def machine() -> str:
    cpu = platform.processor() or "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem = next(
            int(line.split()[1]) // (1024 * 1024)
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal")
        )
    except (OSError, StopIteration):
        mem = 0
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SHOW server_version")
            db = f"PostgreSQL {cursor.fetchone()[0]}"
        else:
            cursor.execute("SELECT sqlite_version()")
            db = f"SQLite {cursor.fetchone()[0]}"
    return f"Machine: {os.cpu_count()} CPUs ({cpu}), {mem} GiB RAM, {db}, Python {platform.python_version()}."


def index_sizes() -> list[tuple[str, int, int]]:
    """(table, rows, bytes incl. indexes and TOAST) of the search tables, PostgreSQL only."""
    if connection.vendor != "postgresql":
        return []
    out = []
    with connection.cursor() as cursor:
        for table in ("search_petitiondocument", "search_petitionkey", "search_minhashband", "search_shinglefrequency"):
            cursor.execute(
                "SELECT pg_total_relation_size(%s::regclass), (SELECT reltuples FROM pg_class WHERE relname = %s)",
                [table, table],
            )
            size, rows = cursor.fetchone()
            out.append((table, int(rows or 0), int(size)))
    return out


def append_results(text: str) -> None:
    current = RESULTS.read_text() if RESULTS.exists() else "# Benchmark results\n"
    if HEADING not in current:
        current = current.rstrip() + f"\n\n{HEADING}\n\nSee docs/search.md for how to run these. Newest runs last.\n"
    RESULTS.write_text(current.rstrip() + "\n\n" + text.strip() + "\n")
