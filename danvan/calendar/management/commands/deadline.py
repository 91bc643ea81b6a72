"""``manage.py deadline RULE START_DATE [--complex] [--remote] [--extensions N]``

Prints the due date as ``YYYY-MM-DD`` and nothing else, so scripts can use it. Bad input gives a message on
stderr and exit status 1 (argparse errors: 2), without a traceback.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from danvan.calendar.selectors import due_date
from danvan.core.errors import DomainError

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class Command(BaseCommand):
    help = "Print the due date (YYYY-MM-DD) of a legal time limit that starts on START_DATE."
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("rule", help="rule code, for example complaint.accept")
        parser.add_argument("start", help="start date as YYYY-MM-DD (the day of receipt, acceptance, decision…)")
        parser.add_argument("--complex", action="store_true", help="a complex case (vụ việc phức tạp)")
        parser.add_argument("--remote", action="store_true", help="a remote area (vùng sâu, vùng xa)")
        parser.add_argument("--extensions", type=int, default=0, help="number of extensions granted")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            if not ISO_DATE.fullmatch(options["start"]):
                raise ValueError(options["start"])
            start = dt.date.fromisoformat(options["start"])
        except ValueError:
            raise CommandError(
                _("“%(value)s” is not a date: give it as YYYY-MM-DD, for example 2026-02-11.")
                % {"value": options["start"]}
            ) from None
        try:
            result = due_date(
                rule_code=options["rule"],
                start=start,
                complex=options["complex"],
                remote=options["remote"],
                extensions=options["extensions"],
            )
        except DomainError as error:
            raise CommandError(str(error.message)) from None
        self.stdout.write(result.date.isoformat())
