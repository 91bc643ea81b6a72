"""Seed the reporting period rules and the indicative column sets from the versioned data files in
``danvan/reports/data/`` (TT 01/2024/TT-TTCP). Administrators correct them later; nothing is hard-coded."""

import datetime
import json
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "data"


def seed(apps, schema_editor):
    ReportPeriodRule = apps.get_model("reports", "ReportPeriodRule")
    ColumnSet = apps.get_model("reports", "ColumnSet")
    periods = json.loads((DATA / "period_rules.json").read_text(encoding="utf-8"))
    effective = datetime.date.fromisoformat(periods["effective_from"])
    for position, rule in enumerate(periods["rules"]):
        ReportPeriodRule.objects.update_or_create(
            code=rule["code"],
            defaults={
                **{k: v for k, v in rule.items() if k != "code"},
                "citation": periods["citation"],
                "effective_from": effective,
                "position": position,
            },
        )
    columns = json.loads((DATA / "column_sets.json").read_text(encoding="utf-8"))
    for table in columns["tables"]:
        ColumnSet.objects.update_or_create(
            table=table["table"],
            version=columns["version"],
            defaults={
                "title": table["title"],
                "title_en": table["title_en"],
                "form_reference": table["form_reference"],
                "citation": columns["citation"],
                "is_indicative": True,
                "effective_from": datetime.date.fromisoformat(columns["effective_from"]),
                "columns": table["columns"],
            },
        )


def unseed(apps, schema_editor):
    apps.get_model("reports", "ReportPeriodRule").objects.all().delete()
    apps.get_model("reports", "ColumnSet").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("reports", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
