"""Train the suggested-category classifier now: ``manage.py routing_train`` (the weekly task does the same)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from tqdm import tqdm

from danvan.routing.services import classifier_train


class Command(BaseCommand):
    help = "Train the category classifier from officers' confirmed classifications and report its macro-F1."

    def handle(self, *args: Any, **options: Any) -> None:
        with tqdm(desc="routing_train", unit="step", disable=None) as bar:

            def progress(label: str, n: int) -> None:
                bar.set_postfix_str(label)
                bar.update(n)

            result = classifier_train(progress=progress)
        self.stdout.write(f"suggestions with an observed outcome: {result.observed}")
        if result.model is None:
            self.stdout.write(self.style.WARNING(str(result.reason)))
            return
        model = result.model
        state = "in use" if model.is_active else "NOT in use (macro-F1 below ROUTING_MIN_MACRO_F1)"
        self.stdout.write(
            self.style.SUCCESS(
                f"classifier v{model.version}: {model.n_samples} samples ({model.n_train} train / {model.n_test} "
                f"held out), macro-F1 {model.macro_f1:.3f}, accuracy {model.accuracy:.3f}, "
                f"{model.training_seconds:.1f} s, {model.size_bytes / 1024:.0f} KiB — {state}"
            )
        )
