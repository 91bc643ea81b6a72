"""The open steps of existing petitions into the deadline engine (danvan.calendar), with their reminder flags:
from now on the engine's one scan reminds of them (no step is announced twice)."""

from django.db import migrations

BATCH = 2000


def forwards(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    StepDeadline = apps.get_model("cases", "StepDeadline")
    Deadline = apps.get_model("legal_calendar", "Deadline")
    steps = StepDeadline.objects.filter(completed_on__isnull=True).select_related("petition").order_by("pk")
    if not steps.exists():
        return
    petition_type, _created = ContentType.objects.get_or_create(app_label="cases", model="petition")
    batch = []
    for step in steps.iterator(chunk_size=BATCH):
        petition = step.petition
        batch.append(
            Deadline(
                content_type_id=petition_type.pk,
                object_id=petition.pk,
                key=step.step,
                organization_id=petition.handling_organization_id,
                responsible_id=petition.handler_id,
                rule_code=step.rule_code,
                complex=petition.complexity != "simple",
                remote=petition.is_remote,
                extensions=petition.extensions if step.rule_code == "denunciation.resolve" else 0,
                citation=step.citation,
                opened_on=step.starts_on,
                starts_on=step.starts_on,
                due_on=step.due_on,
                state="open",
                paused_on=step.paused_on,
                notified_soon=step.notified_soon,
                notified_overdue=step.notified_overdue,
            )
        )
        if len(batch) >= BATCH:
            Deadline.objects.bulk_create(batch, ignore_conflicts=True)
            batch = []
    Deadline.objects.bulk_create(batch, ignore_conflicts=True)


def backwards(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Deadline = apps.get_model("legal_calendar", "Deadline")
    petition_type = ContentType.objects.filter(app_label="cases", model="petition").first()
    if petition_type is not None:
        Deadline.objects.filter(content_type_id=petition_type.pk).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0005_petition_ended_on"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("legal_calendar", "0004_deadline"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
