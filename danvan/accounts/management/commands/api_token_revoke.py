from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from danvan.accounts.models import APIToken
from danvan.accounts.tokens import api_token_revoke


class Command(BaseCommand):
    help = "Revoke an officer's API token, named by its 8-character prefix (or every token of the user with --all)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("username")
        parser.add_argument("prefix", nargs="?", default="")
        parser.add_argument("--all", action="store_true", help="Revoke every active token of the user")

    def handle(self, *args: Any, **options: Any) -> None:
        tokens = APIToken.objects.filter(user__username=options["username"], revoked_at__isnull=True)
        if not options["all"]:
            if not options["prefix"]:
                raise CommandError("Name the token's prefix, or pass --all.")
            tokens = tokens.filter(prefix=options["prefix"])
        found = list(tokens)
        if not found:
            raise CommandError("No active token matches.")
        for token in found:
            api_token_revoke(actor=None, token=token)
            self.stdout.write(f"Revoked {token.prefix}… ({token.name}).")
