"""No server error on any input (issue #21 §4): NUL characters, bodies over the limit, numbers out of
range and unknown paths answer a clear 4xx in the channel's documented error body; nothing is saved."""

from __future__ import annotations

import json

import pytest
import time_machine
from django.conf import settings
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import translation
from django.utils.html import escape

from danvan.audit.models import AuditEvent
from danvan.cases.models import Attachment, Party, Petition
from danvan.cases.tests.test_api import api_payload
from danvan.cases.tests.test_views_citizen import NOW, PDF, form_data

BIG = settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1
ERROR_KEYS = {"code", "message", "extra"}


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()  # the citizens' form and Open311 are rate-limited per address
    yield
    cache.clear()


def saved() -> tuple[int, int, int, int]:
    return Petition.objects.count(), Party.objects.count(), Attachment.objects.count(), AuditEvent.objects.count()


def vi(msgid: str) -> str:
    with translation.override("vi"):
        return translation.gettext(msgid)


def api_error(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert set(body) == ERROR_KEYS
    assert body["code"] == code
    return body


def open311_error(response, status: int) -> str:
    assert response.status_code == status, response.content[:300]
    [error] = response.json()
    assert error["code"] == status
    return error["description"]


def open311_report(world, **overrides) -> dict:
    form = {
        "service_code": "infrastructure",
        "description": "Đèn đường trước số 12 đường Trần Phú hỏng đã một tuần, buổi tối rất tối.",
        "address_id": world.commune_a.code,
    }
    form.update(overrides)
    return {key: value for key, value in form.items() if value is not None}


# --- NUL characters -----------------------------------------------------------------------------------


def test_nul_in_an_api_json_field_is_400_invalid_naming_the_field(world, as_persona):
    before = saved()
    payload = api_payload(world)
    payload["parties"][0]["full_name"] = "Nguyễn\x00Văn An"
    response = as_persona("officer_same").post("/api/petitions/", json.dumps(payload), content_type="application/json")
    body = api_error(response, 400, "invalid")
    assert list(body["extra"]["fields"]) == ["parties.0.full_name"]
    assert body["message"].startswith("parties.0.full_name:")
    assert saved() == before


def test_nul_in_an_api_query_parameter_is_400_invalid(world):
    body = api_error(Client().get("/api/geography/units", {"q": "Tân\x00Phong"}), 400, "invalid")
    assert list(body["extra"]["fields"]) == ["q"]


def test_nul_in_a_header_stored_by_the_api_is_400_invalid(world, as_persona):
    before = saved()
    response = as_persona("officer_same").post(
        "/api/petitions/",
        json.dumps(api_payload(world)),
        content_type="application/json",
        headers={"Idempotency-Key": "retry\x001"},
    )
    assert list(api_error(response, 400, "invalid")["extra"]["fields"]) == ["Idempotency-Key"]
    assert saved() == before


def test_nul_in_an_open311_report_is_an_open311_400(world):
    before = saved()
    description = "Đường hỏng nặng ở đầu ngõ \x00 nhà văn hoá tổ 5, xe máy đi qua rất nguy hiểm."
    response = Client().post("/open311/v2/requests.json", open311_report(world, description=description))
    assert open311_error(response, 400).startswith("description:")
    assert saved() == before


@time_machine.travel(NOW, tick=False)
def test_nul_in_the_citizens_form_is_a_400_page_in_vietnamese_naming_the_field(world):
    before = saved()
    response = Client().post("/petitions/new/", form_data(world, subject="Khiếu nại\x00 quyết định"))
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    text = response.content.decode()
    assert vi("Bad request") in text
    message = vi("%(field)s: the NUL character (\\0) is not allowed in text. Remove it and send again.")
    assert escape(message % {"field": "subject"}) in text
    assert saved() == before


# --- Bodies over the limit ----------------------------------------------------------------------------


def test_an_api_body_over_the_limit_is_413_with_the_json_body(world, as_persona):
    before = saved()
    payload = api_payload(world, content="x" * BIG)
    response = as_persona("officer_same").post("/api/petitions/", json.dumps(payload), content_type="application/json")
    body = api_error(response, 413, "too_large")
    assert body["extra"]["limit_bytes"] == settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    assert saved() == before


@time_machine.travel(NOW, tick=False)
def test_a_form_body_over_the_limit_is_a_friendly_413_page(world):
    before = saved()
    response = Client().post("/petitions/new/", form_data(world, content="x" * BIG))
    assert response.status_code == 413
    assert response["Content-Type"].startswith("text/html")
    assert vi("Too large to send") in response.content.decode()
    assert saved() == before


def test_an_open311_body_over_the_limit_is_an_open311_413(world):
    response = Client().post("/open311/v2/requests.xml", open311_report(world, description="x" * BIG))
    assert response.status_code == 413
    assert response["Content-Type"].startswith("text/xml")
    assert b"<errors><error><code>413</code>" in response.content


@time_machine.travel(NOW, tick=False)
def test_a_multipart_form_whose_text_fields_are_over_the_limit_is_413(world):
    # Within the multipart length (files are allowed on top), but its text fields alone exceed
    # DATA_UPLOAD_MAX_MEMORY_SIZE: Django finds it while parsing, and the guard answers 413.
    before = saved()
    small = SimpleUploadedFile("giay-to.pdf", PDF)
    response = Client().post("/petitions/new/", form_data(world, content="x" * BIG, attachments=[small]))
    assert response.status_code == 413
    assert vi("Too large to send") in response.content.decode()
    assert saved() == before


@time_machine.travel(NOW, tick=False)
def test_a_multipart_petition_with_attachments_of_the_allowed_size_is_accepted(world):
    # DATA_UPLOAD_MAX_MEMORY_SIZE (2.5 MB) counts only a multipart form's fields, not its files.
    size = settings.DANVAN_ATTACHMENT_MAX_BYTES - 1024
    files = [SimpleUploadedFile(f"giay-to-{n}.pdf", PDF + b" " * (size - len(PDF))) for n in range(2)]
    response = Client().post("/petitions/new/", form_data(world, attachments=files))
    assert response.status_code == 302, response.content.decode()[:500]
    assert Attachment.objects.count() == 2


# --- Numbers out of range, unknown paths ----------------------------------------------------------------


def test_a_30_digit_id_in_the_api_is_404(world, as_persona):
    api_error(as_persona("officer_same").get("/api/petitions/" + "9" * 30), 404, "not_found")


def test_a_30_digit_id_in_a_page_is_404(world, as_persona):
    assert as_persona("officer_same").get("/petitions/" + "9" * 30 + "/").status_code == 404


def test_a_huge_api_offset_is_422(world, as_persona):
    body = api_error(as_persona("officer_same").get("/api/petitions/", {"offset": "9" * 30}), 422, "invalid")
    assert body["extra"]["errors"]


@pytest.mark.parametrize("url", ["/reception/compliance/", "/reception/complex/levels/"])
@pytest.mark.parametrize("year", ["0", "-1", "99999", "9" * 30])
def test_a_year_out_of_range_is_400(world, personas, url, year):
    from danvan.accounts.models import Role
    from danvan.testing import login_client, make_user

    head = make_user("head_guard", org=world.org_a, role=Role.UNIT_HEAD)
    response = login_client(Client(), head).get(url, {"year": year})
    assert response.status_code == 400


def test_an_unknown_api_path_is_the_json_404(world):
    api_error(Client().get("/api/no-such-thing"), 404, "not_found")


def test_an_unknown_open311_service_is_an_open311_404(world):
    assert open311_error(Client().get("/open311/v2/services/no-such-service.json"), 404).startswith("service_code")
    response = Client().get("/open311/v2/services/no-such-service.xml")
    assert response.status_code == 404
    assert b"<errors><error><code>404</code>" in response.content


def test_a_known_open311_service_has_an_empty_definition(world):
    response = Client().get("/open311/v2/services/infrastructure.json")
    assert response.json() == {"service_code": "infrastructure", "attributes": []}


def test_an_unknown_open311_path_is_an_open311_404(world):
    assert open311_error(Client().get("/open311/v2/nothing.json"), 404)


# --- Authentication and the error shape ---------------------------------------------------------------


def test_a_post_without_credentials_is_401_not_a_csrf_403(world):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/api/petitions/", json.dumps(api_payload(world)), content_type="application/json")
    api_error(response, 401, "unauthenticated")


def test_a_logged_in_post_without_the_csrf_token_is_403_in_the_error_shape(world, personas):
    from danvan.testing import login_client

    client = login_client(Client(enforce_csrf_checks=True), personas["officer_same"])
    before = saved()
    response = client.post("/api/petitions/", json.dumps(api_payload(world)), content_type="application/json")
    assert "CSRF" in api_error(response, 403, "forbidden")["message"]
    assert saved() == before


def test_a_body_that_is_not_json_is_400_in_the_error_shape(world, as_persona):
    response = as_persona("officer_same").post("/api/petitions/", "{not json", content_type="application/json")
    api_error(response, 400, "bad_request")


@pytest.mark.parametrize("path", ["/api/accounts/me", "/api/audit/events"])
def test_accounts_and_audit_accept_a_bearer_token(world, personas, path):
    from danvan.accounts.tokens import api_token_create

    officer = personas["province_inspector"]
    key = api_token_create(actor=officer, user=officer, name="robot").key
    response = Client().get(path, headers={"Authorization": f"Bearer {key}"})
    assert response.status_code == 200, response.content[:300]


def test_the_500_page_no_longer_claims_nothing_was_changed():
    from django.template.loader import render_to_string

    page = render_to_string("errors/500.html")
    assert "Nothing was changed" not in page
    assert "không bị thay đổi" not in page
    assert "not to send it twice" in page


def test_a_server_error_under_the_api_is_the_json_body(rf):
    from danvan.core.views import server_error

    response = server_error(rf.get("/api/petitions/1"))
    assert response.status_code == 500
    assert set(json.loads(response.content)) == ERROR_KEYS
    assert json.loads(response.content)["code"] == "server_error"


def test_an_exception_in_an_api_operation_is_the_json_500(rf):
    from config.api import server_error

    response = server_error(rf.get("/api/petitions/1"), RuntimeError("a bug"))
    assert response.status_code == 500
    assert json.loads(response.content)["code"] == "server_error"


def test_a_server_error_under_open311_is_the_open311_body(rf):
    from danvan.core.views import server_error

    response = server_error(rf.get("/open311/v2/requests.xml"))
    assert response.status_code == 500
    assert b"<errors><error><code>500</code>" in response.content


def test_a_server_error_on_a_page_is_the_honest_500_page(rf):
    from danvan.core.views import server_error

    response = server_error(rf.get("/petitions/new/"))
    assert response.status_code == 500
    assert "Chúng tôi không chắc" in response.content.decode()


def test_a_content_length_that_is_not_a_number_is_400(world, as_persona):
    response = as_persona("officer_same").post(
        "/api/petitions/", json.dumps(api_payload(world)), content_type="application/json", CONTENT_LENGTH="abc"
    )
    api_error(response, 400, "bad_request")
