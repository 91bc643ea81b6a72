"""Seed the citizen reception column set (added to ``data/column_sets.json`` after 0002 ran)."""

import importlib

from django.db import migrations


def seed(apps, schema_editor):
    importlib.import_module("danvan.reports.migrations.0002_seed_periods_and_columns").seed(apps, schema_editor)


class Migration(migrations.Migration):
    dependencies = [("reports", "0003_dashboard_cube")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
