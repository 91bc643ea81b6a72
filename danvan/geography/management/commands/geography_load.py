from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from tqdm import tqdm

from danvan.geography.services import geography_load


class Command(BaseCommand):
    help = "Load or refresh every Vietnamese administrative unit (current and historical) and the old→new mapping."

    def handle(self, *args: Any, **options: Any) -> None:
        with tqdm(total=6, desc="geography_load", unit="step") as bar:

            def progress(label: str, count: int) -> None:
                bar.set_postfix_str(f"{label}: {count}")
                bar.update(1)

            result = geography_load(progress=progress)
        self.stdout.write(
            self.style.SUCCESS(
                f"Loaded {result.current_provinces} provinces and {result.current_communes} communes (current); "
                f"{result.legacy_provinces} provinces, {result.legacy_districts} districts and "
                f"{result.legacy_communes} communes (before 1 July 2025); {result.successions} old→new links "
                f"({result.unmatched_successions} links name units missing from the historical list)."
            )
        )
