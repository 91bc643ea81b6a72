from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from danvan.accounts.models import OrganizationKind
from danvan.accounts.services import organization_create
from danvan.geography.models import AdministrativeUnit, Era


class Command(BaseCommand):
    help = "Create an organisation with its jurisdiction (the official code of a current province or commune)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("name")
        parser.add_argument("--kind", choices=OrganizationKind.values, required=True)
        parser.add_argument("--unit-code", required=True, help="Official code: 2 digits (province), 5 (commune)")
        parser.add_argument("--short-name", default="")

    def handle(self, *args: Any, **options: Any) -> None:
        code = options["unit_code"]
        level = "province" if len(code) <= 2 else "commune"
        unit = AdministrativeUnit.objects.filter(
            era=Era.CURRENT, level=level, code=code.zfill(2 if level == "province" else 5)
        ).first()
        if unit is None:
            raise CommandError(f"No current administrative unit has code {code} (run manage.py geography_load first).")
        try:
            org = organization_create(
                actor=None, name=options["name"], kind=options["kind"], unit=unit, short_name=options["short_name"]
            )
        except ValidationError as exc:
            raise CommandError("; ".join(exc.messages)) from None
        self.stdout.write(self.style.SUCCESS(f"Organisation {org.pk}: {org.name} ({unit.name})."))
