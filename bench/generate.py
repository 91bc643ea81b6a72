"""Generate a large, realistic data set: one province's communes, their organisations and officers, and
N petitions with varied Vietnamese text, parties, open deadlines and a timeline event each.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/danvan_bench \
        .venv/bin/python -m bench.generate --petitions 1000000

Bench rows are written in bulk (no audit rows: they are synthetic, not anyone's action).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")
os.environ.setdefault("DEBUG", "true")
django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import transaction  # noqa: E402
from tqdm import tqdm  # noqa: E402

from bench.textgen import person_name, petition_text  # noqa: E402
from danvan.accounts.models import Membership, Organization, OrganizationKind, Role, User  # noqa: E402
from danvan.cases.models import CaseEvent, Category, Party, Petition, StepDeadline  # noqa: E402
from danvan.cases.services.intake import hash_secret  # noqa: E402
from danvan.geography.models import AdministrativeUnit, Era, Level  # noqa: E402

BENCH_PASSWORD = "bench-password-2026"  # noqa: S105 - synthetic accounts on a throwaway database
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
STATUS_MIX = [
    ("closed", 55),
    ("concluded", 5),
    ("verification", 12),
    ("accepted", 8),
    ("received", 8),
    ("classified", 4),
    ("forwarded", 3),
    ("guided", 3),
    ("archived", 2),
]


def code_for(index: int) -> str:
    digits = []
    for _ in range(7):
        index, rem = divmod(index, 32)
        digits.append(ALPHABET[rem])
    raw = "B" + "".join(reversed(digits))
    return f"DV-{raw[:4]}-{raw[4:]}"


def ensure_world(province_code: str) -> tuple[list[AdministrativeUnit], dict[int, Organization], list[User]]:
    if not AdministrativeUnit.objects.filter(era=Era.CURRENT, level=Level.COMMUNE).exists():
        call_command("geography_load")
    province = AdministrativeUnit.objects.get(era=Era.CURRENT, level=Level.PROVINCE, code=province_code)
    communes = list(AdministrativeUnit.objects.filter(era=Era.CURRENT, level=Level.COMMUNE, province=province))
    orgs: dict[int, Organization] = {}
    for unit in communes:
        org, _ = Organization.objects.get_or_create(
            unit=unit,
            name=f"Ủy ban nhân dân {unit.name[:1].lower()}{unit.name[1:]}",
            defaults={"kind": OrganizationKind.COMMUNE_COMMITTEE},
        )
        orgs[unit.pk] = org
    officers = []
    for index, unit in enumerate(communes[:5]):
        for role in (Role.RECEPTION_OFFICER, Role.UNIT_HEAD, Role.CASE_HANDLER):
            username = f"bench.{role}.{index}"
            user, created = User.objects.get_or_create(username=username, defaults={"full_name": username})
            if created:
                user.set_password(BENCH_PASSWORD)
                user.save()
            Membership.objects.get_or_create(user=user, organization=orgs[unit.pk], role=role)
            officers.append(user)
    return communes, orgs, officers


def synthetic_personal_id(rng: random.Random) -> str:
    province = rng.choice(["001", "012", "038", "079"])
    return f"{province}{rng.randint(0, 3)}{rng.randint(40, 99)}{rng.randint(0, 999_999):06d}"


def weighted_status(rng: random.Random) -> str:
    pick = rng.randint(1, 100)
    total = 0
    for status, weight in STATUS_MIX:
        total += weight
        if pick <= total:
            return status
    return "received"


def generate(*, count: int, province_code: str, seed: int, batch: int) -> None:
    rng = random.Random(seed)
    communes, orgs, officers = ensure_world(province_code)
    categories = {c.code: c for c in Category.objects.all()}
    handlers = [u for u in officers if u.username.startswith("bench.case_handler")]
    start_index = Petition.objects.filter(tracking_code__startswith="DV-B").count()
    today = dt.date(2026, 11, 25)
    secret_hash = hash_secret("bench-secret")
    started = time.monotonic()
    with tqdm(total=count, desc="petitions", unit="row", smoothing=0.05) as bar:
        for offset in range(0, count, batch):
            size = min(batch, count - offset)
            petitions, texts = [], []
            for i in range(size):
                template, subject, content = petition_text(rng)
                unit = rng.choice(communes)
                org = orgs[unit.pk]
                received = today - dt.timedelta(days=rng.randint(0, 730))
                status = weighted_status(rng)
                if received > today - dt.timedelta(days=20) and status in ("closed", "concluded"):
                    status = "verification"
                people = 1 if rng.random() < 0.93 else rng.randint(5, 40)
                petitions.append(
                    Petition(
                        tracking_code=code_for(start_index + offset + i),
                        secret_hash=secret_hash,
                        kind=template.kind,
                        complaint_round=1 if template.kind == "complaint" else None,
                        channel=rng.choice(["web", "in_person", "post", "hotline", "suggestion_box", "agency"]),
                        status=status,
                        receiving_organization=org,
                        handling_organization=org,
                        unit=unit,
                        subject=subject[:250],
                        content=content,
                        category=categories.get(template.category),
                        people_count=people,
                        received_on=received,
                        accepted_on=received + dt.timedelta(days=5)
                        if status in ("accepted", "verification", "concluded", "closed")
                        else None,
                        handler=rng.choice(handlers) if status == "verification" and handlers else None,
                        closed_on=received + dt.timedelta(days=40) if status == "closed" else None,
                        # Guided or archived within the 10-day intake step (no draw: the seed's data is unchanged).
                        ended_on=min(received + dt.timedelta(days=10), today)
                        if status in ("guided", "archived")
                        else None,
                        outcome="answered" if status == "closed" else "",
                        rating=rng.randint(1, 5) if status == "closed" and rng.random() < 0.4 else None,
                    )
                )
                texts.append(person_name(rng))
            with transaction.atomic():
                created = Petition.objects.bulk_create(petitions, batch_size=batch)
                if created and created[0].pk is None:  # SQLite older than 3.35: fetch the ids back
                    ids = dict(
                        Petition.objects.filter(tracking_code__in=[p.tracking_code for p in petitions]).values_list(
                            "tracking_code", "id"
                        )
                    )
                    for p in created:
                        p.pk = p.id = ids[p.tracking_code]
                Party.objects.bulk_create(
                    [
                        Party(
                            petition=p,
                            full_name=name,
                            phone=f"09{rng.randint(10_000_000, 99_999_999)}",
                            personal_id=synthetic_personal_id(rng),
                            address_unit=p.unit,
                        )
                        for p, name in zip(created, texts, strict=True)
                    ],
                    batch_size=batch,
                )
                StepDeadline.objects.bulk_create(
                    [
                        StepDeadline(
                            petition=p,
                            step="resolve" if p.accepted_on else "accept",
                            rule_code="complaint.first.resolve" if p.accepted_on else "complaint.accept",
                            starts_on=p.accepted_on or p.received_on,
                            due_on=(p.accepted_on or p.received_on) + dt.timedelta(days=30 if p.accepted_on else 10),
                        )
                        for p in created
                        if p.status in ("received", "classified", "accepted", "verification")
                    ],
                    batch_size=batch,
                )
                CaseEvent.objects.bulk_create(
                    [
                        CaseEvent(
                            petition=p,
                            action="received",
                            to_status="received",
                            organization_id=p.handling_organization_id,
                        )
                        for p in created
                    ],
                    batch_size=batch,
                )
            bar.update(size)
    elapsed = time.monotonic() - started
    print(f"generated {count} petitions in {elapsed:.0f} s ({count / max(elapsed, 1e-9):.0f}/s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--petitions", type=int, default=100_000)
    parser.add_argument("--province", default="38", help="official code of the province (38 = Thanh Hóa)")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--batch", type=int, default=5000)
    args = parser.parse_args()
    generate(count=args.petitions, province_code=args.province, seed=args.seed, batch=args.batch)


if __name__ == "__main__":
    main()
