"""Labelled evaluation of duplicate detection over the generated data (issue 4 §2, acceptance).

    DJANGO_SETTINGS_MODULE=bench.search_settings DATABASE_URL=postgres://postgres@127.0.0.1:5432/danvan_bench \
        .venv/bin/python -m bench.dupes_eval --originals 1000

It adds (and first removes) its own petitions, tracking codes ``DV-E…``, to whatever corpus is indexed:
* originals, each with a person (name, personal ID, phone) in a commune of the province;
* hard negatives saved beside them: same commune and category (same letter template) but another matter
  and another person; and the same person writing about another matter (related, not a duplicate);
then asks ``duplicate_candidates`` about
* one re-sent copy of every original (re-typed, diacritics dropped, typos, sentences reordered,
  shortened, forwarded by an agency quoting it, and combinations), expecting the original;
* fresh hard negatives of the same kinds, expecting no likely duplicate.
Precision and recall are counted over the candidates whose score reaches the threshold.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import time
from types import SimpleNamespace

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.search_settings")

from bench.dupes_variants import TRANSFORMS, strip_diacritics, variant
from bench.generate import ensure_world, synthetic_personal_id
from bench.search_report import append_results, machine, percentile
from bench.textgen import TEMPLATES, fill, person_name
from danvan.accounts.models import Membership, Role, User
from danvan.cases.models import Category, Party, Petition
from danvan.cases.services.intake import PartyData, hash_secret
from danvan.geography.models import AdministrativeUnit
from danvan.search import duplicates
from danvan.search.documents import Source, build
from danvan.search.minhash import band_keys, lsh_set, signature
from danvan.search.services import index_petitions

THRESHOLDS = [0.3, 0.4, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.9]


def phone_for(rng: random.Random) -> str:
    return f"09{rng.randint(10_000_000, 99_999_999)}"


def phone_variant(phone: str, rng: random.Random) -> str:
    return rng.choice([phone, "+84 " + phone[1:4] + " " + phone[4:7] + " " + phone[7:], "84" + phone[1:], phone])


def letter(template_index: int, rng: random.Random) -> tuple[str, str]:
    template = TEMPLATES[template_index]
    body = [fill(s, rng) for s in template.body]
    if rng.random() < 0.3:
        body.append("Rất mong nhận được sự quan tâm giải quyết của các cấp chính quyền.")
    return fill(template.subject, rng), " ".join(body)


class Builder:
    def __init__(self, rng: random.Random, communes: list, orgs: dict) -> None:
        self.rng, self.communes, self.orgs = rng, communes, orgs
        self.categories = {c.code: c for c in Category.objects.all()}
        self.rows: list[tuple[Petition, dict]] = []

    def add(self, *, template: int, unit: AdministrativeUnit, person: dict, subject: str, content: str) -> Petition:
        t = TEMPLATES[template]
        org = self.orgs[unit.pk]
        p = Petition(
            tracking_code=f"DV-E{len(self.rows):03d}-{self.rng.randrange(32**4):05d}"[:20],
            secret_hash=hash_secret("eval"),
            kind=t.kind,
            complaint_round=1 if t.kind == "complaint" else None,
            channel="web",
            receiving_organization=org,
            handling_organization=org,
            unit=unit,
            subject=subject[:250],
            content=content,
            category=self.categories.get(t.category),
            received_on="2026-06-01",
        )
        self.rows.append((p, person))
        return p

    def save(self) -> list[int]:
        created = Petition.objects.bulk_create([p for p, _ in self.rows], batch_size=2000)
        Party.objects.bulk_create(
            [Party(petition=p, full_name=x["name"], personal_id=x["pid"], phone=x["phone"]) for p, x in self.rows],
            batch_size=2000,
        )
        return [p.pk for p in created]


def person(rng: random.Random) -> dict:
    return {"name": person_name(rng), "pid": synthetic_personal_id(rng), "phone": phone_for(rng)}


def query(
    unit: AdministrativeUnit, template: int, subject: str, content: str, who: dict, rng: random.Random, *, typed: bool
) -> SimpleNamespace:
    name = strip_diacritics(who["name"]) if typed and rng.random() < 0.3 else who["name"]
    party = PartyData(
        full_name=name,
        personal_id=who["pid"] if rng.random() < 0.5 else "",
        phone=phone_variant(who["phone"], rng) if rng.random() < 0.6 else "",
    )
    return SimpleNamespace(
        kind=TEMPLATES[template].kind,
        subject=subject,
        content=content,
        unit=unit,
        category=None,
        location="",
        respondent_name="",
        decision_reference="",
        parties=[party],
    )


def viewer_for(viewer: str, orgs: dict) -> User:
    """``admin``: a system administrator, who may not see denouncers' identities (so their identity keys
    are not used); ``head``: head of every organisation, who may (measures the detector itself)."""
    user, _ = User.objects.get_or_create(username=f"bench.search_{viewer}", defaults={"full_name": viewer})
    first = next(iter(orgs.values()))
    Membership.objects.get_or_create(user=user, organization=first, role=Role.SYSTEM_ADMIN)
    if viewer == "head":
        have = set(Membership.objects.filter(user=user, role=Role.UNIT_HEAD).values_list("organization_id", flat=True))
        Membership.objects.bulk_create(
            Membership(user=user, organization=org, role=Role.UNIT_HEAD) for org in orgs.values() if org.pk not in have
        )
    return User.objects.get(pk=user.pk)


def build_eval(
    originals: int, province: str, seed: int, viewer: str = "admin"
) -> tuple[User, list, list, list[int], float]:
    """Save the evaluation petitions (originals and hard negatives) and make the queries."""
    rng = random.Random(seed)
    communes, orgs, _ = ensure_world(province)
    admin = viewer_for(viewer, orgs)
    Petition.objects.filter(tracking_code__startswith="DV-E").delete()

    b = Builder(rng, communes, orgs)
    positives, negatives = [], []
    for i in range(originals):
        t = rng.randrange(len(TEMPLATES))
        unit, who = rng.choice(communes), person(rng)
        subject, content = letter(t, rng)
        original = b.add(template=t, unit=unit, person=who, subject=subject, content=content)
        kind = TRANSFORMS[i % len(TRANSFORMS)]
        vs, vc = variant(kind, subject, content, who["name"], rng)
        positives.append((kind, original, query(unit, t, vs, vc, who, rng, typed=True)))
        # Hard negatives saved in the index: same commune and template, another matter and person …
        b.add(template=t, unit=unit, person=person(rng), subject=letter(t, rng)[0], content=letter(t, rng)[1])
        # … and the same person about another matter (related, not a duplicate).
        other = (t + rng.randrange(1, len(TEMPLATES))) % len(TEMPLATES)
        b.add(template=other, unit=unit, person=who, subject=letter(other, rng)[0], content=letter(other, rng)[1])
        # Fresh hard negatives asked about, expecting no likely duplicate.
        if i % 2 == 0:
            s2, c2 = letter(t, rng)
            negatives.append(("same_template", query(unit, t, s2, c2, person(rng), rng, typed=False)))
        else:
            o2 = (t + rng.randrange(1, len(TEMPLATES))) % len(TEMPLATES)
            s2, c2 = letter(o2, rng)
            negatives.append(("same_person_other_matter", query(unit, o2, s2, c2, who, rng, typed=False)))
    started = time.monotonic()
    ids = b.save()
    for chunk in range(0, len(ids), 1000):
        index_petitions(ids[chunk : chunk + 1000])
    eval_index_s = time.monotonic() - started

    return admin, positives, negatives, ids, eval_index_s


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--originals", type=int, default=1000)
    parser.add_argument("--province", default="38")
    parser.add_argument("--seed", type=int, default=4)
    parser.add_argument("--label", default="")
    parser.add_argument("--viewer", choices=["admin", "head"], default="admin", help="see viewer_for()")
    parser.add_argument("--write", action="store_true", help="append the figures to bench/RESULTS.md")
    args = parser.parse_args()
    admin, positives, negatives, ids, eval_index_s = build_eval(args.originals, args.province, args.seed, args.viewer)
    results, lsh_times, full_times = [], [], []
    for label, original, q in [(k, o, q) for k, o, q in positives] + [(k, None, q) for k, q in negatives]:
        t0 = time.perf_counter()
        source = Source.from_data(q)
        bands = band_keys(signature(lsh_set(build(source).shingles)))
        duplicates._gather(source, [], bands, identity=False)
        lsh_times.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        cands = duplicates.duplicate_candidates(user=admin, data=q, limit=10)
        full_times.append(time.perf_counter() - t0)
        results.append((label, original.pk if original else None, [(c.petition_id, c.score) for c in cands]))

    title = f"### Duplicate detection{' — ' + args.label if args.label else ''} (viewer: {args.viewer})"
    lines = [title, "", machine(), ""]
    corpus = Petition.objects.count()
    lines += [
        f"Corpus: {corpus:,} petitions indexed; evaluation: {len(positives)} duplicate queries "
        f"({len(TRANSFORMS)} transformations), {len(negatives)} hard-negative queries, "
        f"{len(ids):,} evaluation petitions added (indexed in {eval_index_s:.1f} s).",
        "",
        "| threshold | precision | recall | TP | FP |",
        "|---|---|---|---|---|",
    ]
    summary = {}
    for tau in THRESHOLDS:
        tp = sum(1 for _, o, c in results if o and any(pid == o and s >= tau for pid, s in c))
        fp = sum(1 for _, o, c in results for pid, s in c if s >= tau and pid != o)
        precision, recall = tp / max(1, tp + fp), tp / max(1, len(positives))
        summary[tau] = (precision, recall)
        mark = " ← `LIKELY_DUPLICATE`" if abs(tau - duplicates.LIKELY_DUPLICATE) < 1e-9 else ""
        lines.append(f"| {tau:.2f}{mark} | {precision:.3f} | {recall:.3f} | {tp} | {fp} |")
    tau = duplicates.LIKELY_DUPLICATE
    listed = sum(1 for _, o, c in results if o and any(pid == o for pid, _ in c))
    lines += ["", f"Original listed at any score (candidate recall): {listed / len(positives):.3f}", ""]
    lines += ["| transformation | recall at threshold |", "|---|---|"]
    for kind in TRANSFORMS:
        rows = [(o, c) for k, o, c in results if k == kind]
        hit = sum(1 for o, c in rows if any(pid == o and s >= tau for pid, s in c))
        lines.append(f"| {kind} | {hit / max(1, len(rows)):.3f} ({hit}/{len(rows)}) |")
    for kind in ("same_template", "same_person_other_matter"):
        lists = [c for k, _, c in results if k == kind]
        flagged = sum(1 for c in lists if any(s >= tau for _, s in c))
        lines.append(f"| negative: {kind} | flagged {flagged}/{len(lists)} |")
    lines += [
        "",
        f"Lookup latency (ms) — LSH band lookup: p50 {percentile(lsh_times, 50):.1f}, "
        f"p95 {percentile(lsh_times, 95):.1f}; full `duplicate_candidates` (keys + names + LSH + re-rank): "
        f"p50 {percentile(full_times, 50):.1f}, p95 {percentile(full_times, 95):.1f}, "
        f"mean {statistics.mean(full_times) * 1000:.1f}.",
        f"Peak RSS of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB.",
        "",
    ]
    text = "\n".join(lines)
    print(text)
    if args.write:
        append_results(text)


if __name__ == "__main__":
    main()
