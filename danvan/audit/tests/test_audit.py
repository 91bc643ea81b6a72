import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection, transaction

from danvan.audit.models import AuditChainHead, AuditEvent, AuditImmutableError
from danvan.audit.selectors import audit_chain_problems
from danvan.audit.services import audit_record


def _record(n: int, actor=None) -> list[AuditEvent]:
    events = []
    for i in range(n):
        with transaction.atomic():
            events.append(audit_record(actor=actor, action="test.event", data={"i": i, "text": "Đơn số ấy"}))
    return events


def _table() -> str:
    return connection.ops.quote_name(AuditEvent._meta.db_table)


@pytest.mark.django_db
def test_records_are_chained_with_gap_free_sequence(world):
    events = _record(3)
    assert [e.seq for e in events] == [1, 2, 3]
    assert events[1].prev_hash == events[0].hash
    assert events[2].prev_hash == events[1].hash
    head = AuditChainHead.objects.get()
    assert (head.seq, head.hash) == (3, events[2].hash)
    assert list(audit_chain_problems()) == []


@pytest.mark.django_db
def test_hash_survives_the_database_round_trip(personas):
    _record(2, actor=personas["officer_same"])
    for event in AuditEvent.objects.all():
        assert event.compute_hash() == event.hash


@pytest.mark.django_db(transaction=True)
def test_audit_record_must_run_inside_a_transaction():
    with pytest.raises(RuntimeError, match="transaction"):
        audit_record(actor=None, action="outside")


@pytest.mark.django_db
def test_rolled_back_transaction_leaves_no_row_and_no_gap():
    _record(1)

    def doomed() -> None:
        with transaction.atomic():
            audit_record(actor=None, action="test.doomed")
            raise ZeroDivisionError

    with pytest.raises(ZeroDivisionError):
        doomed()
    _record(1)
    assert list(AuditEvent.objects.values_list("seq", "action")) == [(1, "test.event"), (2, "test.event")]
    assert list(audit_chain_problems()) == []


@pytest.mark.django_db
def test_the_app_cannot_update_or_delete_audit_rows():
    event = _record(1)[0]
    event.action = "changed"
    with pytest.raises(AuditImmutableError):
        event.save()
    with pytest.raises(AuditImmutableError):
        event.delete()
    with pytest.raises(AuditImmutableError):
        AuditEvent.objects.filter(pk=event.pk).update(action="changed")
    with pytest.raises(AuditImmutableError):
        AuditEvent.objects.all().delete()
    assert AuditEvent.objects.get(pk=event.pk).action == "test.event"


@pytest.mark.django_db
def test_audit_verify_passes_on_intact_chain(capsys):
    _record(3)
    call_command("audit_verify")
    assert "Audit trail OK: 3 rows" in capsys.readouterr().out


@pytest.mark.django_db
def test_audit_verify_detects_a_row_altered_in_the_database():
    _record(5)
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {_table()} SET action = %s WHERE seq = %s", ["test.forged", 3])  # noqa: S608
    with pytest.raises(CommandError, match="first bad row is 3"):
        call_command("audit_verify")


@pytest.mark.django_db
def test_audit_verify_detects_altered_data_json():
    _record(4)
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {_table()} SET data = %s WHERE seq = %s", ['{"i": 99}', 2])  # noqa: S608
    with pytest.raises(CommandError, match="first bad row is 2"):
        call_command("audit_verify")


@pytest.mark.django_db
def test_audit_verify_detects_a_deleted_row():
    _record(5)
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {_table()} WHERE seq = %s", [2])  # noqa: S608
    with pytest.raises(CommandError, match="first bad row is 2"):
        call_command("audit_verify")
    problems = list(audit_chain_problems())
    assert problems[0].seq == 2
    assert "missing" in problems[0].reason


@pytest.mark.django_db
def test_audit_verify_detects_rows_cut_off_at_the_end():
    _record(4)
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {_table()} WHERE seq = %s", [4])  # noqa: S608
    with pytest.raises(CommandError, match="first bad row is 4"):
        call_command("audit_verify")


@pytest.mark.django_db
def test_audit_verify_detects_a_recomputed_forgery_by_the_next_link():
    """A forger who also recomputes the altered row's own hash still breaks the next row's link."""
    events = _record(3)
    forged = AuditEvent.objects.get(seq=2)
    forged.action = "test.forged"
    new_hash = forged.compute_hash()
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {_table()} SET action = %s, hash = %s WHERE seq = %s",  # noqa: S608
            ["test.forged", new_hash, 2],
        )
    problems = list(audit_chain_problems())
    assert [p.seq for p in problems] == [3]
    assert events[2].prev_hash != new_hash
