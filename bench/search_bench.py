"""Search latency against a naive ``icontains`` baseline, measured in the same run (issue 4 acceptance).

    DJANGO_SETTINGS_MODULE=bench.search_settings DATABASE_URL=postgres://postgres@127.0.0.1:5432/danvan_bench \
        .venv/bin/python -m bench.search_bench --rounds 3 --write

Needs the petitions indexed (``manage.py search_reindex``). Each query runs as a system administrator
(scope: everything) and as a commune reception officer (scope: one commune); each is timed as the
full call, list and total. The baseline is ``subject__icontains OR content__icontains`` on the same
scope, newest first, with its count: it cannot fold diacritics, so it finds less.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.search_settings")

from django.db import connection
from django.db.models import Q

from bench.generate import ensure_world
from bench.search_report import append_results, index_sizes, machine, percentile
from bench.textgen import HAMLETS, OFFICIALS, PROJECTS, person_name
from danvan.accounts.models import Membership, Role, User
from danvan.cases.models import Petition
from danvan.cases.selectors import petition_list_for_user
from danvan.search.selectors import search_petitions

FIXED = [
    "đất đai",
    "dat dai",
    "thu hồi đất",
    '"thu hoi dat"',
    "bồi thường giải phóng mặt bằng",
    "khai thác cát",
    "ô nhiễm chăn nuôi",
    "chieu sa*",
    "trợ cấp xã hội",
    "hộ nghèo",
    "Quyết định 15/QĐ-UBND",
    "nhận tiền",
    "khong co bien lai",
    "đường giao thông nông thôn",
    "karaoke",  # no match
]


def queries(rng: random.Random, count: int) -> list[str]:
    picks = list(FIXED)
    while len(picks) < count:
        kind = rng.randrange(5)
        if kind == 0:
            picks.append(person_name(rng))
        elif kind == 1:
            picks.append(rng.choice(HAMLETS))
        elif kind == 2:
            picks.append(rng.choice(PROJECTS))
        elif kind == 3:
            picks.append(rng.choice(OFFICIALS))
        else:
            picks.append(f"thửa đất số {rng.randint(1, 400)}")
    return picks[:count]


def officer(orgs: dict) -> User:
    org = next(iter(orgs.values()))
    user, _ = User.objects.get_or_create(username="bench.search_officer", defaults={"full_name": "Bench officer"})
    Membership.objects.get_or_create(user=user, organization=org, role=Role.RECEPTION_OFFICER)
    return User.objects.get(pk=user.pk)


def admin(orgs: dict) -> User:
    user, _ = User.objects.get_or_create(username="bench.search_admin", defaults={"full_name": "Bench admin"})
    Membership.objects.get_or_create(user=user, organization=next(iter(orgs.values())), role=Role.SYSTEM_ADMIN)
    return User.objects.get(pk=user.pk)


def baseline(user: User, query: str) -> tuple[list[int], int]:
    qs = petition_list_for_user(user=user).filter(Q(subject__icontains=query) | Q(content__icontains=query))
    return list(qs.order_by("-received_on", "-id").values_list("pk", flat=True)[:20]), qs.count()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--queries", type=int, default=40)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--province", default="38")
    parser.add_argument("--seed", type=int, default=9)
    parser.add_argument("--label", default="")
    parser.add_argument("--build", default="", help="index build figures to print with the results")
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    _, orgs, _ = ensure_world(args.province)
    with connection.cursor() as cursor:  # fresh planner statistics, as autovacuum keeps them in production
        for table in ("cases_petition", "cases_forwarding", "accounts_organization", "search_petitiondocument"):
            cursor.execute(f"ANALYZE {table}")
    users = {"system admin (all)": admin(orgs), "commune officer (one commune)": officer(orgs)}
    picks = queries(random.Random(args.seed), args.queries)
    corpus = Petition.objects.count()
    lines = [f"### Search{' — ' + args.label if args.label else ''}", "", machine(), ""]
    lines += [
        f"Corpus: {corpus:,} petitions. {len(picks)} queries × {args.rounds} rounds per scope "
        "(words, phrases, a prefix, names, places, decision numbers, one with no match); "
        "first round discarded as warm-up when rounds > 1.",
        "",
        "| scope | search p50 ms | search p95 ms | `icontains` p50 ms | `icontains` p95 ms "
        "| mean hits (search / icontains) |",
        "|---|---|---|---|---|---|",
    ]
    for label, user in users.items():
        s_times, b_times, s_hits, b_hits = [], [], [], []
        for rnd in range(args.rounds):
            for q in picks:
                t0 = time.perf_counter()
                result = search_petitions(user=user, query=q, limit=20)
                t1 = time.perf_counter()
                _, count = baseline(user, q)
                t2 = time.perf_counter()
                if rnd == 0 and args.rounds > 1:
                    continue
                s_times.append(t1 - t0)
                b_times.append(t2 - t1)
                s_hits.append(result.total)
                b_hits.append(count)
        lines.append(
            f"| {label} | {percentile(s_times, 50):.1f} | {percentile(s_times, 95):.1f} | "
            f"{percentile(b_times, 50):.1f} | {percentile(b_times, 95):.1f} | "
            f"{sum(s_hits) / len(s_hits):,.0f} / {sum(b_hits) / len(b_hits):,.0f} |"
        )
    sizes = index_sizes()
    if sizes:
        lines += ["", "| index table | rows (estimate) | size incl. indexes |", "|---|---|---|"]
        lines += [f"| `{t}` | {rows:,} | {size / 2**20:,.0f} MiB |" for t, rows, size in sizes]
    if args.build:
        lines += ["", f"Index build: {args.build}"]
    lines += ["", f"Peak RSS of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB.", ""]
    text = "\n".join(lines)
    print(text)
    if args.write:
        append_results(text)


if __name__ == "__main__":
    main()
