from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from danvan.accounts.models import User
from danvan.accounts.tokens import api_token_create
from danvan.core.errors import DomainError


class Command(BaseCommand):
    help = (
        "Create an API token for an officer and print its key (shown only this once). "
        "Programs send it as `Authorization: Bearer <key>`."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("username")
        parser.add_argument("name", help="Where the token is used, e.g. 'provincial dashboard'")

    def handle(self, *args: Any, **options: Any) -> None:
        user = User.objects.filter(username=options["username"]).first()
        if user is None:
            raise CommandError(f"No user named {options['username']!r}.")
        try:
            issued = api_token_create(actor=None, user=user, name=options["name"])
        except DomainError as exc:
            raise CommandError(str(exc.message)) from None
        self.stderr.write(
            f"Token {issued.token.prefix}… ({issued.token.name}) for {user.username}. Keep the key secret:"
        )
        self.stdout.write(issued.key)
