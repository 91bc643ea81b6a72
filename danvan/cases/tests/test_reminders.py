import datetime as dt

from django.core import mail

from danvan.cases.reminders import scan_deadlines
from danvan.cases.services import workflow
from danvan.notifications.models import Delivery, Notification
from danvan.notifications.services import email_digest, preference_set


def test_due_soon_then_overdue_once_each(world, submit, head_a, handler_a, django_capture_on_commit_callbacks):
    petition = submit(kind="denunciation", complaint_round=None).petition  # received Mon 2 Nov 2026
    # denunciation.initial: 7 working days → Wed 11 Nov 2026.
    with django_capture_on_commit_callbacks(execute=True):
        quiet = scan_deadlines(today=dt.date(2026, 11, 3))
    assert (quiet.due_soon, quiet.overdue, quiet.notifications) == (0, 0, 0)
    with django_capture_on_commit_callbacks(execute=True):
        soon = scan_deadlines(today=dt.date(2026, 11, 9))  # 2 working days left
    assert (soon.due_soon, soon.overdue, soon.notifications) == (1, 0, 1)  # the head (no handler yet)
    note = Notification.objects.get(user=head_a)
    assert petition.tracking_code in note.title
    assert note.url == f"/petitions/{petition.pk}/"
    assert "2" in note.title
    with django_capture_on_commit_callbacks(execute=True):
        again = scan_deadlines(today=dt.date(2026, 11, 10))
    assert again.notifications == 0
    with django_capture_on_commit_callbacks(execute=True):
        late = scan_deadlines(today=dt.date(2026, 11, 12))
    assert (late.overdue, late.notifications) == (1, 1)
    assert Notification.objects.filter(user=head_a).count() == 2
    assert len(mail.outbox) == 2
    with django_capture_on_commit_callbacks(execute=True):
        assert scan_deadlines(today=dt.date(2026, 11, 20)).notifications == 0


def test_notifications_never_carry_the_denouncer_or_the_content(world, submit, head_a):
    petition = submit(kind="denunciation", complaint_round=None).petition
    scan_deadlines(today=dt.date(2026, 11, 12))
    for note in Notification.objects.all():
        text = note.title + note.body + note.url
        assert "Nguyễn Văn An" not in text
        assert "001085012345" not in text
        assert petition.content[:20] not in text


def test_assigned_handler_is_told_too_and_paused_steps_are_quiet(world, submit, head_a, handler_a):
    petition = submit().petition
    workflow.petition_classify(actor=head_a, petition=petition, eligible=True, within_competence=True)
    workflow.petition_accept(actor=head_a, petition=petition, on=dt.date(2026, 11, 2))
    workflow.petition_start_verification(actor=head_a, petition=petition, handler=handler_a)
    # complaint.first.resolve: 30 days from 2 Nov → 2 Dec 2026; 1 Dec is 1 working day before.
    scan_deadlines(today=dt.date(2026, 12, 1))
    assert set(Notification.objects.values_list("user__username", flat=True)) == {"head_a", "handler_a"}


def test_daily_digest_instead_of_one_mail_each(world, submit, head_a, django_capture_on_commit_callbacks):
    preference_set(user=head_a, delivery=Delivery.DAILY_DIGEST)
    submit(kind="denunciation", complaint_round=None)
    submit(kind="denunciation", complaint_round=None)
    with django_capture_on_commit_callbacks(execute=True):
        scan_deadlines(today=dt.date(2026, 11, 12))
    assert mail.outbox == []
    assert email_digest(user=head_a) == 2
    assert len(mail.outbox) == 1
    assert email_digest(user=head_a) == 0
