"""The reception rules (duty rules, legal figures, refusal grounds) move to the law app with their rows: only
reception's state forgets them here; the tables are the law app's since ``law.0001`` and renamed by ``law.0002``."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("reception", "0003_seed_rules"),
        ("law", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="receptionvisit",
                    name="refusal_ground",
                    field=models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="law.legalground",
                        verbose_name="ground for refusal",
                    ),
                ),
                migrations.DeleteModel(name="ReceptionDutyRule"),
                migrations.DeleteModel(name="ReceptionRule"),
                migrations.DeleteModel(name="RefusalGround"),
            ],
            database_operations=[],
        ),
    ]
