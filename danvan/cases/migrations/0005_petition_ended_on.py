"""``Petition.ended_on``: the day a petition ended without a resolution (guided, archived, withdrawn, duplicate,
split, passed to inspection), kept by ``danvan.cases.services.common.set_status``.

The reports used to take the local date of the last change (``updated_at``) for those petitions; the existing
rows are filled from it by one set-based UPDATE, so that no report figure changes at the migration.
"""

from django.db import migrations, models
from django.db.models.functions import TruncDate
from django.utils import timezone

# Frozen here: the statuses of danvan.cases.models.ENDED_WITHOUT_RESOLUTION when this migration was written.
ENDED_WITHOUT_RESOLUTION = ["guided", "archived", "withdrawn", "duplicate", "split", "inspection_lead"]


def fill_ended_on(apps, schema_editor):
    Petition = apps.get_model("cases", "Petition")
    Petition.objects.using(schema_editor.connection.alias).filter(
        status__in=ENDED_WITHOUT_RESOLUTION, ended_on__isnull=True
    ).update(ended_on=TruncDate("updated_at", tzinfo=timezone.get_default_timezone()))


class Migration(migrations.Migration):

    dependencies = [
        ("cases", "0004_response_templates"),
    ]

    operations = [
        migrations.AddField(
            model_name="petition",
            name="ended_on",
            field=models.DateField(
                blank=True,
                editable=False,
                help_text=(
                    "The day it ended without a resolution: guided, archived, withdrawn, duplicate, split, passed "
                    "to inspection; empty otherwise."
                ),
                null=True,
                verbose_name="ended on",
            ),
        ),
        migrations.RunPython(fill_ended_on, migrations.RunPython.noop, elidable=True),
    ]
