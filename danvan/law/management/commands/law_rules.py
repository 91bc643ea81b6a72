"""Print every legal rule in force on a day, one row per rule: code, value and unit (or the number of grounds of
a list), effective dates, certainty and citation. A "*" marks a rule whose version in force began after
``--changes-since`` (default: the day before ``--on``): what changed on the way to that day."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from danvan.law.selectors import rules_in_force, summary_rows


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise CommandError(f"Not a date (YYYY-MM-DD): {text}") from exc


class Command(BaseCommand):
    help = "List the legal rules in force on a day, with their citation and certainty."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--on", type=str, help="the day (YYYY-MM-DD; default: today)")
        parser.add_argument("--code", type=str, default="", help="only codes starting with this prefix")
        parser.add_argument(
            "--changes-since", type=str, help="mark rules whose version began after this day (default: the day before)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        day = _day(options["on"]) if options["on"] else timezone.localdate()
        since = _day(options["changes_since"]) if options["changes_since"] else None
        listing = rules_in_force(on=day, code_prefix=options["code"], since=since)
        lines = summary_rows(listing)
        self.stdout.write(f"# {day.isoformat()}: {len(lines)}")
        for line in lines:
            code = f"{line.code} [{line.name}]" if line.name else line.code
            until = line.effective_to.isoformat() if line.effective_to else "…"
            mark = "*" if line.changed else " "
            self.stdout.write(
                f"{mark} {code} | {line.value} | {line.effective_from.isoformat()} → {until} | "
                f"[{line.certainty}] | {line.citation}"
            )
