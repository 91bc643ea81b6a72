"""``Petition.earliest_due_on``: the earliest due date of a petition's running steps, denormalised for the
inbox's urgency order (kept by ``danvan.cases.deadlines``), with the two indexes the inbox reads.

The existing rows are filled by one set-based UPDATE (no loop over rows), before the indexes are built.
"""

from django.db import migrations, models

# UPDATE … FROM: PostgreSQL, and SQLite from 3.33.
FILL_FROM = """
UPDATE cases_petition SET earliest_due_on = running.due
FROM (SELECT petition_id, MIN(due_on) AS due FROM cases_stepdeadline WHERE completed_on IS NULL AND paused_on IS NULL
      GROUP BY petition_id) AS running
WHERE cases_petition.id = running.petition_id
"""

# Any other database: the same with a correlated subquery.
FILL_CORRELATED = """
UPDATE cases_petition SET earliest_due_on = (
    SELECT MIN(d.due_on) FROM cases_stepdeadline d WHERE d.petition_id = cases_petition.id
      AND d.completed_on IS NULL AND d.paused_on IS NULL
)
WHERE id IN (SELECT petition_id FROM cases_stepdeadline WHERE completed_on IS NULL AND paused_on IS NULL)
"""


def fill_earliest_due(apps, schema_editor):
    connection = schema_editor.connection
    update_from = connection.vendor == "postgresql" or (
        connection.vendor == "sqlite" and connection.Database.sqlite_version_info >= (3, 33)
    )
    with connection.cursor() as cursor:
        cursor.execute(FILL_FROM if update_from else FILL_CORRELATED)


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0002_seed_categories"),
    ]

    operations = [
        migrations.AddField(
            model_name="petition",
            name="earliest_due_on",
            field=models.DateField(blank=True, editable=False, null=True, verbose_name="Due date"),
        ),
        migrations.RunPython(fill_earliest_due, migrations.RunPython.noop, elidable=True),
        migrations.AddIndex(
            model_name="petition",
            index=models.Index(
                fields=["handling_organization", "earliest_due_on", "-received_on", "-id"], name="cases_pet_inbox_idx"
            ),
        ),
        migrations.AddIndex(
            model_name="petition",
            index=models.Index(fields=["earliest_due_on", "-received_on", "-id"], name="cases_pet_urgency_idx"),
        ),
    ]
