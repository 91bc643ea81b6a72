"""Rebuild the search and duplicate indexes: ``manage.py search_reindex [--force] [--chunk 2000]``."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db.models import Exists, OuterRef
from tqdm import tqdm

from danvan.cases.models import Petition
from danvan.search.models import PetitionDocument
from danvan.search.services import (
    index_petitions,
    reband_petitions,
    rebuild_fulltext,
    refresh_statistics,
    shingle_frequencies_refresh,
)

STATISTICS_EVERY = 50  # chunks between two ANALYZE of the index tables (100,000 petitions by default)


class Command(BaseCommand):
    help = "Rebuild the petition search index and the duplicate-detection index (chunked, resumable)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--chunk", type=int, default=2000, help="petitions per transaction")
        parser.add_argument("--force", action="store_true", help="rewrite every document, even unchanged ones")
        parser.add_argument("--from-id", type=int, default=0, help="resume after this petition id")
        parser.add_argument(
            "--bands-only",
            action="store_true",
            help="keep the documents; recount shingle frequencies and rebuild the LSH bands (after big imports)",
        )
        parser.add_argument(
            "--no-common", action="store_true", help="do not recount shingle frequencies (and skip the second pass)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.monotonic()
        changed = 0
        if not options["bands_only"]:
            changed = self._pass(
                options["chunk"], options["force"], options["from_id"], "index", bands=options["no_common"]
            )
        petitions = Petition.objects.filter(pk=OuterRef("pk"))
        stale = PetitionDocument.objects.filter(~Exists(petitions)).values_list("pk", flat=True)
        removed = index_petitions(list(stale))
        if not options["no_common"]:
            common = shingle_frequencies_refresh()
            self.stdout.write(f"shingle frequencies: {common}")
            # Second pass: the LSH bands depend on the common-shingle list just computed.
            self._pass(options["chunk"], False, 0, "bands", bands_only=True)
        rebuild_fulltext()
        elapsed = time.monotonic() - started
        self.stdout.write(f"indexed {changed} petitions, removed {removed}, in {elapsed:.1f} s")

    def _pass(
        self, chunk: int, force: bool, from_id: int, label: str, *, bands_only: bool = False, bands: bool = True
    ) -> int:
        ids = Petition.objects.filter(pk__gt=from_id).order_by("pk").values_list("pk", flat=True)
        total = ids.count()
        changed = 0
        last = from_id
        with tqdm(total=total, desc=label, unit="petition", disable=None) as bar:
            chunks = 0
            while True:
                batch = list(ids.filter(pk__gt=last)[:chunk])
                if not batch:
                    break
                changed += reband_petitions(batch) if bands_only else index_petitions(batch, force=force, bands=bands)
                last = batch[-1]
                bar.update(len(batch))
                chunks += 1
                if chunks in (1, 10) or chunks % STATISTICS_EVERY == 0:  # the tables grow from empty
                    refresh_statistics()
        return changed
