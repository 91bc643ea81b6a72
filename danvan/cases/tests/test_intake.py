import datetime as dt
import io
import re
import zipfile

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile

from danvan.audit.models import AuditEvent
from danvan.audit.selectors import audit_chain_problems
from danvan.cases.models import Attachment, Party, Petition, Status, StepDeadline
from danvan.cases.selectors import petition_get_by_code
from danvan.cases.services.intake import PartyData, petition_submit
from danvan.core.errors import DomainError
from danvan.law.models import LegalFigure

from .conftest import petition_data

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def _docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def _nothing_saved():
    return (Petition.objects.count(), Party.objects.count(), Attachment.objects.count(), AuditEvent.objects.count())


def test_submission_gets_a_tracking_code_a_secret_and_a_legal_due_date(world, submit):
    submission = submit()
    petition = submission.petition
    assert re.fullmatch(r"DV-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}", petition.tracking_code)
    assert len(submission.secret) >= 20
    assert petition_get_by_code(tracking_code=petition.tracking_code, secret=submission.secret) == petition
    with pytest.raises(Petition.DoesNotExist):
        petition_get_by_code(tracking_code=petition.tracking_code, secret="wrong")
    assert petition.status == Status.RECEIVED
    deadline = StepDeadline.objects.get(petition=petition)
    # complaint.accept: 10 working days for petitions received before 2026-07-01, 7 from then (NĐ 155/2026).
    # Received Mon 2 Nov 2026 → 7 working days: 3,4,5,6,9,10,11 Nov → Wed 11 Nov 2026.
    assert (deadline.step, deadline.rule_code, deadline.due_on) == ("accept", "complaint.accept", dt.date(2026, 11, 11))
    assert list(audit_chain_problems()) == []


def test_invalid_input_saves_nothing_and_names_each_field(world):
    before = _nothing_saved()
    data = petition_data(
        world,
        subject="  ",
        decision_date=dt.date(2099, 1, 1),
        parties=[PartyData(full_name="Nguyễn Văn An", personal_id="123", birth_year=1985)],
    )
    with pytest.raises(DomainError) as caught:
        petition_submit(actor=None, data=data, receiving_organization=world.org_a)
    fields = caught.value.extra["fields"]
    assert set(fields) == {"subject", "decision_date", "parties.0.personal_id"}
    assert "12" in fields["parties.0.personal_id"][0]
    assert _nothing_saved() == before


def test_future_receipt_date_and_too_many_representatives(world):
    reps = [PartyData(full_name=f"Đại diện {i}", role="representative") for i in range(3)]
    data = petition_data(
        world,
        received_on=dt.date.today() + dt.timedelta(days=2),
        people_count=7,
        parties=[PartyData(full_name="Nguyễn Văn An"), *reps],
    )
    with pytest.raises(DomainError) as caught:
        petition_submit(actor=None, data=data, receiving_organization=world.org_a)
    assert set(caught.value.extra["fields"]) == {"received_on", "parties"}


def test_anonymous_needs_no_name(world):
    submission = petition_submit(
        actor=None,
        data=petition_data(world, kind="denunciation", complaint_round=None, is_anonymous=True, parties=[]),
        receiving_organization=world.org_a,
    )
    assert submission.petition.is_anonymous


@pytest.mark.parametrize(
    ("name", "data", "ok"),
    [
        ("don.pdf", PDF, True),
        ("anh.png", PNG, True),
        ("don.docx", _docx(), True),
        ("virus.pdf", b"MZ\x90\x00" + b"\x00" * 100, False),  # a Windows program named .pdf
        ("anh.pdf", PNG, False),  # a PNG disguised as a PDF
        ("trong.pdf", b"", False),
        ("giaz.docx", b"PK\x03\x04not really a zip", False),
    ],
)
def test_attachment_type_is_read_from_content(world, name, data, ok):
    upload = SimpleUploadedFile(name, data)
    before = _nothing_saved()
    if ok:
        petition = petition_submit(
            actor=None, data=petition_data(world, attachments=[upload]), receiving_organization=world.org_a
        ).petition
        attachment = petition.attachments.get()
        assert attachment.original_name == name
        assert attachment.size == len(data)
    else:
        with pytest.raises(DomainError) as caught:
            petition_submit(
                actor=None, data=petition_data(world, attachments=[upload]), receiving_organization=world.org_a
            )
        assert "attachments.0" in caught.value.extra["fields"]
        assert _nothing_saved() == before


def test_oversized_attachment_is_refused(world, settings):
    settings.DANVAN_ATTACHMENT_MAX_BYTES = 1000
    upload = SimpleUploadedFile("don.pdf", PDF + b" " * 2000)
    with pytest.raises(DomainError) as caught:
        petition_submit(actor=None, data=petition_data(world, attachments=[upload]), receiving_organization=world.org_a)
    assert "MB" in caught.value.extra["fields"]["attachments.0"][0]
    assert Petition.objects.count() == 0


def test_idempotency_key_returns_the_first_petition(world, personas):
    officer = personas["officer_same"]
    first = petition_submit(
        actor=officer,
        data=petition_data(world),
        receiving_organization=world.org_a,
        idempotency_key="abc-1",
        request_fingerprint="f1",
    )
    again = petition_submit(
        actor=officer,
        data=petition_data(world),
        receiving_organization=world.org_a,
        idempotency_key="abc-1",
        request_fingerprint="f1",
    )
    assert (again.petition.pk, again.created) == (first.petition.pk, False)
    assert Petition.objects.count() == 1
    with pytest.raises(DomainError) as caught:
        petition_submit(
            actor=officer,
            data=petition_data(world),
            receiving_organization=world.org_a,
            idempotency_key="abc-1",
            request_fingerprint="different",
        )
    assert caught.value.code == "idempotency_conflict"
    assert Petition.objects.count() == 1


def test_html_in_text_is_stored_as_text(world, submit):
    petition = submit(content="<script>alert('x')</script> Đất của tôi bị lấn chiếm").petition
    assert petition.content.startswith("<script>")  # stored verbatim, escaped whenever shown


def test_receipt_is_e_mailed_after_commit(world, django_capture_on_commit_callbacks):
    from django.core import mail

    data = petition_data(world, parties=[PartyData(full_name="Nguyễn Văn An", email="an@example.vn")])
    with django_capture_on_commit_callbacks(execute=True):
        submission = petition_submit(actor=None, data=data, receiving_organization=world.org_a)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["an@example.vn"]
    assert submission.petition.tracking_code in message.subject
    assert f"/petitions/track/{submission.petition.tracking_code}/?s={submission.secret}" in message.body


@time_machine.travel(dt.datetime(2026, 11, 2, 9, 0), tick=False)
def test_representative_limits_come_from_the_reception_rules(world):

    def submit_with(people: int, representatives: int):
        reps = [PartyData(full_name=f"Đại diện {i}", role="representative") for i in range(representatives)]
        data = petition_data(
            world, people_count=people, parties=[PartyData(full_name="Nguyễn Văn An"), *reps], received_on=None
        )
        return petition_submit(actor=None, data=data, receiving_organization=world.org_a)

    with pytest.raises(DomainError) as caught:
        submit_with(12, 6)  # more than 10 people: at most 5 representatives
    assert "Luật Tiếp công dân 2013, Điều 29" in caught.value.extra["fields"]["parties"][0]
    assert submit_with(12, 5).created
    assert submit_with(4, 3).created  # a small group: no limit
    # A new version of the rule is data: it applies to petitions received from its date.
    LegalFigure.objects.create(
        code="reception.representatives_max",
        people_from=11,
        value=3,
        effective_from=dt.date(2026, 1, 1),
        citation="Văn bản thử nghiệm",
    )
    with pytest.raises(DomainError) as caught:
        submit_with(12, 4)
    assert "Văn bản thử nghiệm" in caught.value.extra["fields"]["parties"][0]
