"""The citizen sends a petition: the form, every way it can go wrong, the receipt shown once."""

from __future__ import annotations

import datetime as dt
import re

import pytest
import time_machine
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import translation
from django.utils.html import escape

from danvan.audit.models import AuditEvent
from danvan.cases.models import Attachment, Party, Petition, Status
from danvan.cases.selectors import petition_get_by_code
from danvan.cases.views.intake import issue_form_token
from danvan.geography.models import Kind, Level

from .conftest import VALID_ID

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
NOW = dt.datetime(2026, 11, 2, 9, 0)
NOT_FOUND = "No petition matches this tracking code and secret key. Check both and try again."
pytestmark = pytest.mark.usefixtures("_fresh_cache")


@pytest.fixture
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


def vi(msgid: str) -> str:
    """The text the (Vietnamese by default) page shows for ``msgid``: the translation once there is one."""
    with translation.override("vi"):
        return translation.gettext(msgid)


def shown(msgid: str, **params: object) -> str:
    """``msgid`` as the page renders it: translated, filled in, HTML-escaped."""
    text = vi(msgid)
    return escape(text % params if params else text)


def form_data(world, **overrides) -> dict[str, object]:
    data: dict[str, object] = {
        "form_token": issue_form_token(),
        "kind": "complaint_1",
        "province": world.province.pk,
        "unit": world.commune_a.pk,
        "location": "Tổ 5",
        "subject": "Khiếu nại quyết định thu hồi đất",
        "content": "Tôi khiếu nại Quyết định số 15/QĐ-UBND về việc thu hồi đất nông nghiệp của gia đình tôi.",
        "respondent_name": "Chủ tịch UBND phường Tân Phong",
        "decision_reference": "Quyết định số 15/QĐ-UBND",
        "decision_date": "2026-09-01",
        "people_count": "1",
        "full_name": "Nguyễn Văn An",
        "personal_id": VALID_ID,
        "birth_year": "1985",
        "phone": "0912 345 678",
        "email": "an@example.vn",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def counts() -> tuple[int, int, int, int]:
    return Petition.objects.count(), Party.objects.count(), Attachment.objects.count(), AuditEvent.objects.count()


@time_machine.travel(NOW, tick=False)
def test_send_a_petition_get_the_receipt_once_and_follow_it(world):
    client = Client()
    page = client.get("/petitions/new/")
    assert page.status_code == 200
    assert 'name="form_token"' in page.content.decode()
    files = [SimpleUploadedFile("don.pdf", PDF), SimpleUploadedFile("anh.png", PNG)]
    response = client.post("/petitions/new/", form_data(world, attachments=files))
    assert (response.status_code, response["Location"]) == (302, "/petitions/new/done/")
    petition = Petition.objects.get()
    assert (petition.kind, petition.complaint_round, petition.channel, petition.status) == (
        "complaint",
        1,
        "web",
        Status.RECEIVED,
    )
    assert (petition.unit, petition.receiving_organization, petition.handling_organization) == (
        world.commune_a,
        world.org_a,
        world.org_a,
    )
    assert (petition.decision_date, petition.location) == (dt.date(2026, 9, 1), "Tổ 5")
    party = Party.objects.get()
    assert (party.full_name, party.personal_id, party.birth_year, party.phone) == (
        "Nguyễn Văn An",
        VALID_ID,
        1985,
        "0912 345 678",
    )
    assert sorted(Attachment.objects.values_list("original_name", flat=True)) == ["anh.png", "don.pdf"]

    receipt = client.get("/petitions/new/done/")
    text = receipt.content.decode()
    assert receipt["Cache-Control"].startswith("max-age=0")
    assert petition.tracking_code in text
    secret = re.search(rf"/petitions/track/{petition.tracking_code}/\?s=([\w-]+)", text).group(1)
    assert petition_get_by_code(tracking_code=petition.tracking_code, secret=secret) == petition
    # Shown once: a reload gives the code, never the secret again.
    again = client.get("/petitions/new/done/").content.decode()
    assert petition.tracking_code in again
    assert secret not in again

    # The session remembers the petition it sent: its page opens without the secret in the address.
    detail = client.get(f"/petitions/track/{petition.tracking_code}/")
    assert detail.status_code == 200
    assert shown("Your petition was received.") in detail.content.decode()


def test_the_province_shows_its_communes_without_javascript(world):
    client = Client()
    response = client.post("/petitions/new/", form_data(world, step="communes", unit=None))
    text = response.content.decode()
    assert response.status_code == 200
    assert f'<option value="{world.commune_a.pk}">{world.commune_a.name}</option>' in text
    assert f'<option value="{world.commune_b.pk}">{world.commune_b.name}</option>' in text
    assert world.other_commune.name not in text
    assert 'class="field-error"' not in text
    assert "Khiếu nại quyết định thu hồi đất" in text  # what was typed is kept
    assert Petition.objects.count() == 0


def test_htmx_gets_only_the_commune_select(world):
    response = Client().get(f"/petitions/new/?province={world.province.pk}", headers={"HX-Request": "true"})
    text = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in text
    assert text.count("<select") == 1
    assert f'value="{world.commune_b.pk}"' in text


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize(
    ("_case", "overrides", "field", "message"),
    [
        ("bad ID", {"personal_id": "123"}, "personal_id", ("The personal ID number has exactly 12 digits.", {})),
        (
            "ID vs year",
            {"birth_year": "1990"},
            "personal_id",
            ("Digits 4–6 of the ID give the birth year %(id_year)s, not %(year)s.", {"id_year": 1985, "year": 1990}),
        ),
        ("no subject", {"subject": ""}, "subject", ("This field is required.", {})),
        ("no content", {"content": ""}, "content", ("This field is required.", {})),
        ("no kind", {"kind": ""}, "kind", ("This field is required.", {})),
        ("no commune", {"unit": ""}, "unit", ("This field is required.", {})),
        ("commune elsewhere", {"unit": "999999"}, "unit", ("Choose a commune of the province you chose.", {})),
        (
            "future decision",
            {"decision_date": "2027-01-05"},
            "decision_date",
            ("The date of the decision cannot be in the future.", {}),
        ),
        ("no name", {"full_name": ""}, "full_name", ("Write the full name.", {})),
        ("bad phone", {"phone": "call me"}, "phone", ("Enter a phone number, e.g. 0912 345 678.", {})),
    ],
)
def test_bad_input_is_refused_field_by_field_and_nothing_is_saved(world, _case, overrides, field, message):
    before = counts()
    response = Client().post("/petitions/new/", form_data(world, **overrides))
    assert response.status_code == 400
    text = response.content.decode()
    error = re.search(rf'<div class="field-error" id="id_{field}_error">(.*?)</div>', text, re.S)
    assert error is not None, f"no error on {field}"
    msgid, params = message
    assert shown(msgid, **params) in error.group(1)
    assert counts() == before


@time_machine.travel(NOW, tick=False)
def test_a_disguised_attachment_is_refused_and_nothing_is_saved(world):
    before = counts()
    disguised = SimpleUploadedFile("giay-to.pdf", PNG, content_type="application/pdf")
    response = Client().post("/petitions/new/", form_data(world, attachments=[disguised]))
    text = response.content.decode()
    assert response.status_code == 400
    assert (
        shown("%(name)s does not match its content (it is really a %(kind)s file).", name="giay-to.pdf", kind="PNG")
        in text
    )
    assert (
        shown("The files you chose were not kept because the form has errors: choose them again before sending.")
        in text
    )
    assert counts() == before


@time_machine.travel(NOW, tick=False)
def test_html_in_the_petition_is_shown_as_text(world, personas, as_persona):
    script = "<script>alert('x')</script>"
    client = Client()
    client.post("/petitions/new/", form_data(world, subject=f"<b>Lấn chiếm</b> {script}", content=f"Nội dung {script}"))
    petition = Petition.objects.get()
    for page in (
        client.get(f"/petitions/track/{petition.tracking_code}/"),
        as_persona("officer_same").get(f"/petitions/{petition.pk}/"),
    ):
        text = page.content.decode()
        assert page.status_code == 200
        assert script not in text
        assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in text
        assert "<b>Lấn chiếm</b>" not in text


@time_machine.travel(NOW, tick=False)
def test_sending_the_same_form_twice_makes_one_petition(world):
    client = Client()
    data = form_data(world)
    first = client.post("/petitions/new/", data)
    second = client.post("/petitions/new/", data)
    assert (first.status_code, second.status_code) == (302, 302)
    assert second["Location"] == "/petitions/new/done/"
    assert Petition.objects.count() == 1
    # Another browser replaying the form gets nowhere either.
    assert Client().post("/petitions/new/", data).status_code == 302
    assert Petition.objects.count() == 1


@time_machine.travel(NOW, tick=False)
def test_a_forged_or_missing_form_token_is_refused(world):
    for token in ("forged", ""):
        response = Client().post("/petitions/new/", form_data(world, form_token=token))
        assert response.status_code == 400
        assert shown("This form has expired. Check your entries and send them again.") in response.content.decode()
    assert Petition.objects.count() == 0


@time_machine.travel(NOW, tick=False)
def test_a_commune_not_on_the_platform_is_explained(world):
    from danvan.testing import make_unit

    hoan_kiem = make_unit("00070", "Phường Hoàn Kiếm", Level.COMMUNE, Kind.WARD, world.other_province)
    response = Client().post("/petitions/new/", form_data(world, province=world.other_province.pk, unit=hoan_kiem.pk))
    assert response.status_code == 400
    assert (
        shown(
            "This commune's People's Committee is not on DânVận yet. Send your petition by post or hand it "
            "in at the commune's citizen reception office."
        )
        in response.content.decode()
    )
    assert Petition.objects.count() == 0


@time_machine.travel(NOW, tick=False)
def test_submissions_are_rate_limited_per_address(world):
    client = Client()
    for _ in range(10):
        assert client.post("/petitions/new/", form_data(world, subject="")).status_code == 400
    blocked = client.post("/petitions/new/", form_data(world))
    assert blocked.status_code == 429
    assert (
        shown(
            "Too many requests came from your network in the last hour. Wait an hour and try again, or bring "
            "your petition to the citizen reception office of your commune."
        )
        in blocked.content.decode()
    )
    assert Petition.objects.count() == 0
    # Another address is not blocked.
    other = Client(REMOTE_ADDR="10.0.0.9").post("/petitions/new/", form_data(world))
    assert other.status_code == 302


def test_the_home_page_links_to_sending_and_following(world):
    text = Client().get("/").content.decode()
    assert 'href="/petitions/new/"' in text
    assert 'href="/petitions/track/"' in text


@time_machine.travel(NOW, tick=False)
def test_anonymous_with_a_name_typed_is_refused_not_silently_emptied(world):
    before = counts()
    data = form_data(world, kind="denunciation", is_anonymous="on", personal_id=None, birth_year=None)
    response = Client().post("/petitions/new/", data)
    assert response.status_code == 400
    text = response.content.decode()
    error = re.search(r'<div class="field-error" id="id_is_anonymous_error">(.*?)</div>', text, re.S)
    assert error is not None
    assert escape(vi("Full name")) in error.group(1)
    assert escape(vi("Phone number")) in error.group(1)
    assert counts() == before
    # The summary at the top lists it, with a link to the box.
    summary = re.search(r'<div class="error-summary"[^>]*>(.*?)</div>', text, re.S)
    assert summary is not None
    assert 'href="#id_is_anonymous"' in summary.group(1)


@time_machine.travel(NOW, tick=False)
def test_anonymous_without_identity_is_accepted(world):
    identity = dict.fromkeys(("full_name", "personal_id", "birth_year", "phone", "email"))
    response = Client().post("/petitions/new/", form_data(world, kind="denunciation", is_anonymous="on", **identity))
    assert response.status_code == 302
    petition = Petition.objects.get()
    assert petition.is_anonymous
    assert not petition.parties.exists()


def test_a_failed_submit_shows_a_summary_linking_each_field(world):
    response = Client().post("/petitions/new/", form_data(world, subject="", phone="call me"))
    text = response.content.decode()
    summary = re.search(r'<div class="error-summary"[^>]*>(.*?)</div>', text, re.S)
    assert summary is not None
    assert 'href="#id_subject"' in summary.group(1)
    assert 'href="#id_phone"' in summary.group(1)
