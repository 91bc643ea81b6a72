from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from tqdm import tqdm

from danvan.portal.demo import DEMO_STEPS, demo_is_loaded, demo_load


def _accounts_file() -> Path:
    return Path(settings.VAR_DIR) / "demo-accounts.txt"


class Command(BaseCommand):
    help = (
        "Load the demo data (one real province, its organisations, one account per role, demo petitions) "
        "and print the accounts."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--once", action="store_true", help="Do nothing but print the accounts if already loaded.")

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DANVAN_ALLOW_DEMO_DATA:
            raise CommandError(
                "Không nạp dữ liệu minh họa vào hệ thống thật / demo data is never loaded here "
                "(DANVAN_ALLOW_DEMO_DATA is off)."
            )
        path = _accounts_file()
        if demo_is_loaded():
            if not options["once"]:
                raise CommandError("Dữ liệu minh họa đã được nạp / demo data is already loaded.")
        else:
            translation.activate("vi")
            with tqdm(total=DEMO_STEPS, desc="demo_load", unit="step") as bar:

                def progress(label: str) -> None:
                    bar.set_postfix_str(label)
                    bar.update(1)

                credentials = demo_load(progress=progress)
            lines = [f"{c.username:<16} {c.password:<20} {c.full_name} — {c.description}" for c in credentials]
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text("\n".join(lines) + "\n", encoding="utf-8")
            path.chmod(0o600)
        self.stdout.write("Tài khoản minh họa / demo accounts (user name, password):")
        if path.exists():
            self.stdout.write(path.read_text(encoding="utf-8"))
        else:
            self.stdout.write(f"(the password list {path} is missing: reset a password with manage.py changepassword)")
