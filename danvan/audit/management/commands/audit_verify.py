from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from danvan.audit.models import AuditEvent
from danvan.audit.selectors import audit_chain_problems


class Command(BaseCommand):
    help = "Verify the hash chain of the audit trail and report the first tampered or missing row."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--all", action="store_true", help="List every problem, not only the first.")

    def handle(self, *args: Any, **options: Any) -> None:
        total = AuditEvent.objects.count()
        problems = []
        with tqdm(total=total, desc="audit_verify", unit="row", disable=total < 10_000) as bar:
            for problem in audit_chain_problems(on_row=lambda: bar.update(1)):
                problems.append(problem)
                if not options["all"]:
                    break
        if problems:
            for problem in problems:
                self.stderr.write(f"Audit chain broken at row {problem.seq}: {problem.reason}")
            raise CommandError(f"Audit trail TAMPERED: first bad row is {problems[0].seq}.")
        self.stdout.write(self.style.SUCCESS(f"Audit trail OK: {total} rows, chain intact."))
