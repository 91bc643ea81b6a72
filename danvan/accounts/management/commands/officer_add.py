from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from danvan.accounts.enrolment import enrolment_code_issue
from danvan.accounts.models import Organization, Role, User
from danvan.accounts.services import membership_add, user_create
from danvan.core.errors import DomainError


class Command(BaseCommand):
    help = (
        "Give a person a role in an organisation, creating the account if needed "
        "(e.g. the first system administrator). Set the password with `manage.py changepassword`."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("username")
        parser.add_argument("--organization", type=int, required=True, help="Organisation id")
        parser.add_argument("--role", choices=Role.values, required=True)
        parser.add_argument("--full-name", default="")
        parser.add_argument("--email", default="")

    def handle(self, *args: Any, **options: Any) -> None:
        org = Organization.objects.filter(pk=options["organization"]).first()
        if org is None:
            raise CommandError(f"No organisation with id {options['organization']}.")
        try:
            with transaction.atomic():
                user = User.objects.filter(username=options["username"]).first()
                created = user is None
                if user is None:
                    user = user_create(
                        actor=None,
                        username=options["username"],
                        password=None,
                        full_name=options["full_name"],
                        email=options["email"],
                    )
                membership_add(actor=None, organization=org, user=user, role=options["role"])
        except DomainError as exc:
            raise CommandError(str(exc.message)) from None
        self.stdout.write(self.style.SUCCESS(f"{user.username}: {Role(options['role']).label} — {org.name}."))
        if created:
            self.stdout.write(f"Set a password now: manage.py changepassword {user.username}")
            self.stdout.write(f"Two-factor enrolment code (once): {enrolment_code_issue(actor=None, user=user)}")
