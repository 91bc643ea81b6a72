"""The citizen follows a petition with its tracking code and secret: the plain-language timeline, the
duplicate's handling case, the rating and the reopening; wrong codes and secrets tell nothing."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.core.cache import cache
from django.test import Client
from django.utils import translation
from django.utils.html import escape

from danvan.cases.models import Status
from danvan.cases.services import links, workflow
from danvan.cases.services.intake import PartyData

PARTY_A = PartyData(full_name="Nguyễn Văn An", personal_id="001085012345", birth_year=1985, phone="0912345678")
PARTY_B = PartyData(full_name="Trần Thị Bình", personal_id="079190000123", birth_year=1990)

NOW = dt.datetime(2026, 11, 2, 9, 0)
NOT_FOUND = "No petition matches this tracking code and secret key. Check both and try again."
pytestmark = pytest.mark.usefixtures("_fresh_cache")


@pytest.fixture
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


def shown(msgid: str, **params: object) -> str:
    """``msgid`` as the page renders it: translated, filled in, HTML-escaped."""
    with translation.override("vi"):
        text = translation.gettext(msgid)
    return escape(text % params if params else text)


@pytest.fixture
def sent(world, submit):
    with time_machine.travel(NOW, tick=False):
        return submit()


@time_machine.travel(NOW, tick=False)
def test_the_private_link_opens_the_petition_and_leaves_the_address_bar(world, sent):
    code, secret = sent.petition.tracking_code, sent.secret
    client = Client()
    response = client.get(f"/petitions/track/{code}/?s={secret}")
    assert (response.status_code, response["Location"]) == (302, f"/petitions/track/{code}/")
    page = client.get(response["Location"])
    text = page.content.decode()
    assert page.status_code == 200
    assert secret not in text
    assert shown("Your petition was received.") in text
    assert shown("Decide whether to accept the petition for resolution") in text
    assert "11/11/2026" in text  # complaint.accept: 7 working days from Mon 2 Nov 2026


@time_machine.travel(NOW, tick=False)
def test_a_wrong_code_or_secret_gives_the_same_not_found(world, sent):
    code = sent.petition.tracking_code
    wrong_secret = Client().get(f"/petitions/track/{code}/?s=not-the-secret")
    wrong_code = Client().get(f"/petitions/track/DV-0000-0000/?s={sent.secret}")
    by_form = Client().post("/petitions/track/", {"code": "DV-0000-0000", "secret": sent.secret})
    for response in (wrong_secret, wrong_code, by_form):
        assert response.status_code == 404
        assert shown(NOT_FOUND) in response.content.decode()
    assert sent.petition.subject not in wrong_secret.content.decode()
    # Without a secret the page only asks for it.
    asks = Client().get(f"/petitions/track/{code}/")
    assert asks.status_code == 200
    assert sent.petition.subject not in asks.content.decode()


@time_machine.travel(NOW, tick=False)
def test_lookups_are_rate_limited(world, sent):
    client = Client()
    for _ in range(30):
        assert client.post("/petitions/track/", {"code": "DV-0000-0000", "secret": "x"}).status_code == 404
    response = client.post("/petitions/track/", {"code": sent.petition.tracking_code, "secret": sent.secret})
    assert response.status_code == 429


@time_machine.travel(NOW, tick=False)
def test_the_citizen_sees_only_public_events_never_officers(world, sent, head_a):
    petition = workflow.petition_classify(
        actor=head_a, petition=sent.petition, eligible=True, within_competence=True, reason="Ghi chú nội bộ"
    )
    workflow.petition_accept(actor=head_a, petition=petition)
    client = Client()
    client.post("/petitions/track/", {"code": petition.tracking_code, "secret": sent.secret})
    text = client.get(f"/petitions/track/{petition.tracking_code}/").content.decode()
    assert shown("The petition was accepted for resolution.") in text
    assert shown("Resolve the petition") in text
    for hidden in ("Ghi chú nội bộ", head_a.get_full_name(), "head_a", shown("Classified")):
        assert hidden not in text


@time_machine.travel(NOW, tick=False)
def test_a_duplicate_shows_the_handling_case(world, submit, sent, head_a):
    copy = submit(subject="Bản sao đơn khiếu nại")
    links.petition_mark_duplicate(actor=head_a, petition=copy.petition, canonical=sent.petition)
    petition = workflow.petition_classify(actor=head_a, petition=sent.petition, eligible=True, within_competence=True)
    petition = workflow.petition_accept(actor=head_a, petition=petition)
    workflow.petition_conclude(actor=head_a, petition=petition, outcome="right", answer="Khiếu nại là đúng.")
    client = Client()
    client.get(f"/petitions/track/{copy.petition.tracking_code}/?s={copy.secret}")
    text = client.get(f"/petitions/track/{copy.petition.tracking_code}/").content.decode()
    notice = (
        "Your petition is handled together with petition %(code)s on the same matter: the status, due dates and "
        "answer below are those of that case."
    )
    assert shown(notice, code=sent.petition.tracking_code) in text
    assert "Khiếu nại là đúng." in text
    assert shown("The decision or answer was issued.") in text
    assert shown("Send my rating") not in text


def _closed(sent, head_a):
    petition = workflow.petition_classify(actor=head_a, petition=sent.petition, eligible=True, within_competence=True)
    petition = workflow.petition_accept(actor=head_a, petition=petition)
    petition = workflow.petition_conclude(actor=head_a, petition=petition, outcome="wrong", answer="Không có cơ sở.")
    return workflow.petition_close(actor=head_a, petition=petition)


@time_machine.travel(NOW, tick=False)
def test_rate_then_reopen_after_closing(world, sent, head_a):
    petition = _closed(sent, head_a)
    client = Client()
    client.get(f"/petitions/track/{petition.tracking_code}/?s={sent.secret}")
    page = client.get(f"/petitions/track/{petition.tracking_code}/").content.decode()
    assert "Không có cơ sở." in page
    assert shown("Send my rating") in page
    bad = client.post(f"/petitions/track/{petition.tracking_code}/rate/", {"rating": "9"})
    assert bad.status_code == 400
    rated = client.post(
        f"/petitions/track/{petition.tracking_code}/rate/", {"rating": "2", "comment": "Chưa thỏa đáng"}
    )
    assert rated.status_code == 302
    petition.refresh_from_db()
    assert (petition.rating, petition.rating_comment) == (2, "Chưa thỏa đáng")
    reopened = client.post(f"/petitions/track/{petition.tracking_code}/reopen/", {"reason": "Chưa được giải quyết"})
    assert reopened.status_code == 302
    petition.refresh_from_db()
    assert petition.status == Status.VERIFICATION


def test_reopening_after_30_days_is_refused_with_a_message(world, sent, head_a):
    with time_machine.travel(NOW, tick=False):
        petition = _closed(sent, head_a)
    with time_machine.travel(NOW + dt.timedelta(days=45), tick=False):
        response = Client().post(
            f"/petitions/track/{petition.tracking_code}/reopen/", {"s": sent.secret, "reason": "Chưa giải quyết"}
        )
    assert response.status_code == 409
    message = shown("A closed petition can be reopened only within %(days)s days of closing.", days=30)
    assert message in response.content.decode()
    petition.refresh_from_db()
    assert petition.status == Status.CLOSED


def test_follow_up_forms_need_the_secret(world, sent, head_a):
    with time_machine.travel(NOW, tick=False):
        petition = _closed(sent, head_a)
        for path in ("rate", "reopen"):
            response = Client().post(
                f"/petitions/track/{petition.tracking_code}/{path}/", {"rating": "5", "reason": "x"}
            )
            assert response.status_code == 404
            wrong = Client().post(
                f"/petitions/track/{petition.tracking_code}/{path}/", {"s": "wrong", "rating": "5", "reason": "x"}
            )
            assert wrong.status_code == 404
    petition.refresh_from_db()
    assert (petition.rating, petition.status) == (None, Status.CLOSED)


def test_citizen_downloads_the_notice_addressed_to_him(world):
    import io

    from django.test import Client
    from docx import Document

    from danvan.accounts.models import Role
    from danvan.cases.services import workflow
    from danvan.cases.services.intake import PartyData, PetitionData, petition_submit
    from danvan.testing import make_user

    head = make_user("head_a", org=world.org_a, role=Role.UNIT_HEAD)
    submission = petition_submit(
        actor=None,
        data=PetitionData(
            kind="complaint",
            complaint_round=1,
            subject="Khiếu nại thu hồi đất",
            content="Khiếu nại Quyết định số 15/QĐ-UBND thu hồi đất.",
            unit=world.commune_a,
            parties=[PartyData(full_name="Nguyễn Văn An")],
        ),
        receiving_organization=world.org_a,
    )
    petition = submission.petition
    workflow.petition_classify(actor=head, petition=petition, eligible=True, within_competence=True)
    workflow.petition_accept(actor=head, petition=petition)
    notice = petition.documents.get(kind="acceptance_notice")
    client = Client()
    url = f"/petitions/track/{petition.tracking_code}/documents/{notice.pk}/"
    assert client.get(url).status_code == 404  # not before the secret was given
    client.get(f"/petitions/track/{petition.tracking_code}/?s={submission.secret}")
    response = client.get(url)
    assert response.status_code == 200
    text = "\n".join(p.text for p in Document(io.BytesIO(b"".join(response.streaming_content))).paragraphs)
    assert "thụ lý" in text


@time_machine.travel(NOW, tick=False)
def test_another_persons_copy_never_shows_the_case_petitioners_identity_or_documents(world, submit, sent, head_a):
    """A copy sent by someone else sees the handling case's status and answer, but not the documents
    addressed to that case's petitioner, and the answer without that petitioner's name and contacts."""
    other = submit(
        subject="Đơn của người khác cùng nội dung",
        parties=[PARTY_B],
    )
    same = submit(subject="Đơn gửi lại của cùng người")
    for copy in (other, same):
        links.petition_mark_duplicate(actor=head_a, petition=copy.petition, canonical=sent.petition)
    petition = workflow.petition_classify(actor=head_a, petition=sent.petition, eligible=True, within_competence=True)
    petition = workflow.petition_accept(actor=head_a, petition=petition)
    answer = "Kính gửi ông Nguyễn Văn An (điện thoại 0912 345 678; NGUYEN VAN AN): khiếu nại của ông là đúng."
    workflow.petition_conclude(actor=head_a, petition=petition, outcome="right", answer=answer)
    notice = petition.documents.get(kind="acceptance_notice")
    assert notice.for_citizen

    client = Client()
    client.get(f"/petitions/track/{other.petition.tracking_code}/?s={other.secret}")
    text = client.get(f"/petitions/track/{other.petition.tracking_code}/").content.decode()
    assert "khiếu nại của ông là đúng." in text
    for hidden in ("Nguyễn Văn An", "NGUYEN VAN AN", "0912 345 678"):
        assert hidden not in text
    assert shown("[the petitioner]") in text
    assert notice.number not in text
    url = f"/petitions/track/{other.petition.tracking_code}/documents/{notice.pk}/"
    assert client.get(url).status_code == 404

    client = Client()
    client.get(f"/petitions/track/{same.petition.tracking_code}/?s={same.secret}")
    text = client.get(f"/petitions/track/{same.petition.tracking_code}/").content.decode()
    assert escape(answer) in text
    assert notice.number in text
    assert client.get(f"/petitions/track/{same.petition.tracking_code}/documents/{notice.pk}/").status_code == 200


@time_machine.travel(NOW, tick=False)
def test_a_shared_representative_does_not_make_two_petitioners_the_same_person(world, submit, head_a):
    lawyer = PartyData(
        full_name="Luật sư Phạm Minh", personal_id="001080000777", birth_year=1980, role="representative"
    )
    canonical = submit(subject="Đơn có luật sư", parties=[PARTY_A, lawyer])
    other = submit(subject="Đơn khác cùng luật sư", parties=[PARTY_B, lawyer])
    links.petition_mark_duplicate(actor=head_a, petition=other.petition, canonical=canonical.petition)
    petition = workflow.petition_classify(
        actor=head_a, petition=canonical.petition, eligible=True, within_competence=True
    )
    petition = workflow.petition_accept(actor=head_a, petition=petition)
    notice = petition.documents.get(kind="acceptance_notice")
    client = Client()
    client.get(f"/petitions/track/{other.petition.tracking_code}/?s={other.secret}")
    text = client.get(f"/petitions/track/{other.petition.tracking_code}/").content.decode()
    assert notice.number not in text
    assert client.get(f"/petitions/track/{other.petition.tracking_code}/documents/{notice.pk}/").status_code == 404


@time_machine.travel(NOW, tick=False)
def test_another_persons_copy_of_a_denunciation_never_reads_its_answer(world, submit, head_a):
    denunciation = submit(kind="denunciation", complaint_round=None, subject="Tố cáo cán bộ địa chính")
    copy = submit(kind="denunciation", complaint_round=None, subject="Tố cáo cán bộ địa chính", parties=[PARTY_B])
    links.petition_mark_duplicate(actor=head_a, petition=copy.petition, canonical=denunciation.petition)
    petition = workflow.petition_classify(
        actor=head_a, petition=denunciation.petition, eligible=True, within_competence=True
    )
    petition = workflow.petition_accept(actor=head_a, petition=petition)
    workflow.petition_conclude(actor=head_a, petition=petition, outcome="right", answer="Tố cáo đúng; đã xử lý.")
    client = Client()
    client.get(f"/petitions/track/{copy.petition.tracking_code}/?s={copy.secret}")
    text = client.get(f"/petitions/track/{copy.petition.tracking_code}/").content.decode()
    assert "Tố cáo đúng; đã xử lý." not in text
    assert shown("The answer was sent to the person who made the denunciation handled in this case.") in text


@time_machine.travel(NOW, tick=False)
def test_the_session_table_never_holds_the_secret(world, sent, submit):
    from django.contrib.sessions.models import Session

    code, secret = sent.petition.tracking_code, sent.secret
    client = Client()
    client.get(f"/petitions/track/{code}/?s={secret}")
    client.post("/petitions/track/", {"code": code, "secret": secret})
    stored = [str(row.get_decoded()) for row in Session.objects.all()]
    assert stored
    assert not any(secret in data for data in stored)
    # The browser still opens the petition again from its session (it keeps the hash only).
    page = client.get(f"/petitions/track/{code}/")
    assert shown("Your petition was received.") in page.content.decode()
    # A session carrying a wrong hash opens nothing.
    session = client.session
    session["cases_tracking"] = {code: "0" * 64}
    session.save()
    assert shown("Your petition was received.") not in client.get(f"/petitions/track/{code}/").content.decode()
