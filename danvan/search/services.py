"""Writes to the search and duplicate indexes. Idempotent: indexing a petition twice changes nothing.

Petition services call ``danvan.cases.services.common.schedule_index`` (an outbox message
"petition.changed", handled by ``danvan.search.apps.index_handler``) whenever they change indexed fields or
parties (see docs/search.md); ``search_reindex`` rebuilds everything.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any

from django.db import connection, transaction
from django.db.models import Model, Prefetch

from danvan.cases.models import Party, Petition
from danvan.search.documents import Built, Source, build
from danvan.search.minhash import DF_FLOOR, band_keys, lsh_set, signature, stats, unpack
from danvan.search.models import MinHashBand, PetitionDocument, PetitionKey, ShingleCorpus, ShingleFrequency


def index_petition(petition_id: int, *, force: bool = False) -> bool:
    """Index one petition (or drop it from the index if it no longer exists). True if anything changed."""
    return index_petitions([petition_id], force=force) > 0


def _petitions(ids: list[int]) -> Iterator[Petition]:
    parties = Prefetch("parties", queryset=Party.objects.order_by("pk"))
    yield from Petition.objects.filter(pk__in=ids).select_related("category", "unit").prefetch_related(parties)


@transaction.atomic
def index_petitions(petition_ids: Iterable[int], *, force: bool = False, bands: bool = True) -> int:
    """Upsert the documents, keys and LSH bands of the given petitions; returns how many changed.

    ``bands=False`` leaves the LSH bands out (``search_reindex`` makes them in a second pass).
    """
    ids = sorted(set(petition_ids))
    if not ids:
        return 0
    existing = dict(PetitionDocument.objects.filter(pk__in=ids).values_list("pk", "fingerprint"))
    built: dict[int, tuple[Petition, Built]] = {}
    seen: set[int] = set()
    for petition in _petitions(ids):
        seen.add(petition.pk)
        doc = build(Source.from_petition(petition, list(petition.parties.all())))
        if force or existing.get(petition.pk) != doc.fingerprint:
            built[petition.pk] = (petition, doc)
    gone = [pk for pk in ids if pk not in seen and pk in existing]
    changed = list(built)
    if gone:
        PetitionDocument.objects.filter(pk__in=gone).delete()
        PetitionKey.objects.filter(petition_id__in=gone).delete()
        MinHashBand.objects.filter(petition_id__in=gone).delete()
    if not changed:
        return len(gone)
    PetitionKey.objects.filter(petition_id__in=changed).delete()
    MinHashBand.objects.filter(petition_id__in=changed).delete()
    PetitionDocument.objects.bulk_create(
        [
            PetitionDocument(
                petition_id=pk,
                folded=doc.folded,
                exact=doc.exact,
                title=doc.title,
                shingles=doc.packed_shingles,
                fingerprint=doc.fingerprint,
            )
            for pk, (_, doc) in built.items()
        ],
        update_conflicts=True,
        unique_fields=["petition"],
        update_fields=["folded", "exact", "title", "shingles", "fingerprint", "updated_at"],
    )
    _insert(
        PetitionKey,
        ("petition_id", "kind", "value", "unit_id", "province_id", "confidential"),
        (
            (pk, kind, value, p.unit_id, p.unit.province_id or p.unit_id, confidential)
            for pk, (p, doc) in built.items()
            for kind, value, confidential in doc.keys
        ),
    )
    if not bands:
        return len(changed) + len(gone)
    _insert_bands((pk, doc.shingles) for pk, (_, doc) in built.items())
    return len(changed) + len(gone)


@transaction.atomic
def reband_petitions(petition_ids: Iterable[int]) -> int:
    """Recompute the LSH bands from the stored shingles (after the common-shingle list changed)."""
    rows = list(PetitionDocument.objects.filter(pk__in=list(petition_ids)).values_list("pk", "shingles"))
    MinHashBand.objects.filter(petition_id__in=[pk for pk, _ in rows]).delete()
    _insert_bands((pk, unpack(blob)) for pk, blob in rows)
    return len(rows)


def _insert(model: type[Model], columns: tuple[str, ...], rows: Iterable[tuple[Any, ...]]) -> None:
    """Plain multi-row insert of derived index rows (COPY on PostgreSQL): no model instances needed."""
    rows = list(rows)  # computed before COPY starts: nothing else may use the connection during it
    if not rows:
        return
    table = connection.ops.quote_name(model._meta.db_table)
    names = ", ".join(connection.ops.quote_name(c) for c in columns)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            marks = ", ".join(["%s"] * len(columns))
            cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)  # noqa: S608


def _insert_bands(rows: Iterable[tuple[int, Iterable[int]]]) -> None:
    _insert(
        MinHashBand,
        ("petition_id", "band", "hash"),
        ((pk, band, key) for pk, shingles in rows for band, key in enumerate(band_keys(signature(lsh_set(shingles))))),
    )


def refresh_statistics() -> None:
    """PostgreSQL: refresh the planner's statistics of the index tables during a bulk rebuild. A pass that
    starts on an emptied table otherwise plans every chunk's ``DELETE … IN`` as if the table were empty (a
    sequential scan of millions of rows: 13 s per chunk instead of 0.5 s at 1,000,000 petitions)."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for model in (PetitionDocument, PetitionKey, MinHashBand):
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")


def rebuild_fulltext() -> None:
    """SQLite: rebuild the FTS5 table from its content table (repairs it after any table rebuild).
    PostgreSQL: refresh the planner statistics and the visibility map of the index tables after a bulk
    rebuild (VACUUM lets a count of matches skip the table pages; it cannot run inside a transaction)."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("INSERT INTO search_petition_fts(search_petition_fts) VALUES ('rebuild')")
        elif connection.vendor == "postgresql":
            command = "ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE"
            for model in (PetitionDocument, PetitionKey, MinHashBand, ShingleFrequency):
                cursor.execute(f"{command} {connection.ops.quote_name(model._meta.db_table)}")


@transaction.atomic
def shingle_frequencies_refresh(*, sample: int = 200_000, floor: int = DF_FLOOR) -> int:
    """Recount in how many petitions each shingle occurs (on the newest ``sample`` indexed petitions).

    The LSH bands of already indexed petitions were made with the old counts: rebuild them with
    ``reband_petitions`` (``search_reindex`` does both).
    """
    counts: Counter[int] = Counter()
    docs = 0
    rows = PetitionDocument.objects.order_by("-pk").values_list("shingles", flat=True)[:sample]
    for blob in rows.iterator(chunk_size=2000):
        counts.update(unpack(blob))
        docs += 1
    ShingleFrequency.objects.all().delete()
    ShingleFrequency.objects.bulk_create(
        (ShingleFrequency(hash=h, documents=n) for h, n in counts.items() if n >= floor), batch_size=5000
    )
    ShingleCorpus.objects.all().delete()
    ShingleCorpus.objects.create(documents=docs)
    stats.reset()
    return sum(1 for n in counts.values() if n >= floor)
