from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from danvan.accounts.enrolment import enrolment_code_issue
from danvan.accounts.models import User


class Command(BaseCommand):
    help = (
        "Issue a one-time code with which an officer enrols an authenticator app (two-factor authentication). "
        "Earlier unused codes of that officer stop working. Give the code to the officer in person."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("username")

    def handle(self, *args: Any, **options: Any) -> None:
        user = User.objects.filter(username=options["username"], is_active=True).first()
        if user is None:
            raise CommandError(f"No active account named {options['username']!r}.")
        code = enrolment_code_issue(actor=None, user=user)
        self.stdout.write(f"{user.username}: {code}")
