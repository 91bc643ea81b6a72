"""Open311 GeoReport v2: services, public requests (no denunciation, no party data), citizen reports."""

import datetime as dt
import xml.etree.ElementTree as ET

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from danvan.accounts.models import Organization
from danvan.cases.models import Category, Party, Petition, StepDeadline
from danvan.cases.selectors import petition_get_by_code

BASE = "/open311/v2"
SERVICE_FIELDS = ["service_code", "service_name", "description", "metadata", "type", "keywords", "group"]
REQUEST_FIELDS = [
    "service_request_id",
    "status",
    "status_notes",
    "service_name",
    "service_code",
    "description",
    "agency_responsible",
    "service_notice",
    "requested_datetime",
    "updated_datetime",
    "expected_datetime",
    "address",
    "address_id",
    "lat",
    "long",
    "media_url",
]


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


def report(world, **overrides) -> dict:
    form = {
        "service_code": "infrastructure",
        "description": "Đèn đường trước số 12 đường Trần Phú hỏng đã một tuần, buổi tối rất tối.",
        "address_id": world.commune_a.code,
        "address_string": "Trước số 12 đường Trần Phú",
        "lat": "22.396428",
        "long": "103.458481",
        "first_name": "An",
        "last_name": "Nguyễn Văn",
        "email": "an@example.vn",
        "phone": "0912345678",
        "api_key": "anything",
    }
    form.update(overrides)
    return {k: v for k, v in form.items() if v is not None}


def xml_items(response, root: str, item: str) -> list[dict[str, str | None]]:
    assert response["Content-Type"] == "text/xml; charset=utf-8"
    assert response.content.startswith(b'<?xml version="1.0" encoding="UTF-8"?>')
    tree = ET.fromstring(response.content)  # noqa: S314 - our own response
    assert tree.tag == root
    return [{child.tag: child.text for child in element} for element in tree if element.tag == item]


def test_services_json_and_xml(world):
    body = Client().get(f"{BASE}/services.json")
    assert body["Content-Type"] == "application/json; charset=utf-8"
    services = body.json()
    assert len(services) == Category.objects.filter(is_active=True).count() == 11
    land = next(s for s in services if s["service_code"] == "land")
    assert list(land) == SERVICE_FIELDS
    assert (land["service_name"], land["metadata"], land["type"]) == ("Đất đai", False, "realtime")
    rows = xml_items(Client().get(f"{BASE}/services.xml"), "services", "service")
    assert [r["service_code"] for r in rows] == [s["service_code"] for s in services]
    assert rows[0]["metadata"] == "false"
    assert list(rows[0]) == SERVICE_FIELDS


def test_unsupported_format_is_404(world):
    assert Client().get(f"{BASE}/services.csv").status_code == 404


def test_post_creates_a_feedback_petition_and_get_shows_it(world):
    response = Client().post(f"{BASE}/requests.json", report(world))
    assert response.status_code == 201
    [created] = response.json()
    assert list(created) == ["service_request_id", "service_notice", "account_id", "token"]
    assert created["account_id"] is None
    petition = Petition.objects.get()
    assert (petition.kind, petition.channel, petition.receiving_organization) == ("feedback", "open311", world.org_a)
    assert (petition.subject, petition.category.code, petition.unit) == (
        "Hạ tầng, giao thông, điện, nước",
        "infrastructure",
        world.commune_a,
    )
    assert str(petition.latitude) == "22.396428"
    assert petition.location == "Trước số 12 đường Trần Phú"
    party = Party.objects.get()
    assert (party.full_name, party.email, party.phone) == ("Nguyễn Văn An", "an@example.vn", "0912345678")
    assert petition_get_by_code(tracking_code=created["service_request_id"], secret=created["token"]) == petition
    assert world.org_a.name in created["service_notice"]

    [shown] = Client().get(f"{BASE}/requests/{petition.tracking_code}.json").json()
    assert list(shown) == REQUEST_FIELDS
    due = StepDeadline.objects.get(petition=petition).due_on
    assert shown == shown | {
        "service_request_id": petition.tracking_code,
        "status": "open",
        "service_code": "infrastructure",
        "description": "Hạ tầng, giao thông, điện, nước",
        "agency_responsible": world.org_a.name,
        "address": "Phường Tân Phong, Tỉnh Lai Châu",
        "address_id": world.commune_a.code,
        "lat": 22.396428,
        "long": 103.458481,
        "expected_datetime": f"{due.isoformat()}T23:59:59+07:00",
    }
    assert shown["requested_datetime"] == timezone.localtime(petition.created_at).isoformat(timespec="seconds")
    [row] = xml_items(
        Client().get(f"{BASE}/requests/{petition.tracking_code.lower()}.xml"), "service_requests", "request"
    )
    assert (row["service_request_id"], row["lat"], row["media_url"]) == (petition.tracking_code, "22.396428", None)


def test_post_xml_answers_in_xml(world):
    response = Client().post(
        f"{BASE}/requests.xml", report(world, first_name=None, last_name=None, email=None, phone=None)
    )
    assert response.status_code == 201
    [row] = xml_items(response, "service_requests", "request")
    assert list(row) == ["service_request_id", "service_notice", "account_id", "token"]
    assert row["account_id"] is None
    petition = Petition.objects.get(tracking_code=row["service_request_id"])
    assert petition.is_anonymous
    assert not petition.parties.exists()


def test_public_requests_never_show_content_parties_complaints_or_denunciations(world, submit):
    feedback = submit(
        kind="feedback",
        complaint_round=None,
        content="Tôi, Nguyễn Văn An (0912345678), phản ánh thu hồi đất nông nghiệp của gia đình tôi.",
    ).petition
    complaint = submit().petition
    denunciation = submit(kind="denunciation", complaint_round=None, subject="Tố cáo cán bộ địa chính").petition
    for fmt in ("json", "xml"):
        text = Client().get(f"{BASE}/requests.{fmt}").content.decode("utf-8")
        assert feedback.tracking_code in text
        assert complaint.tracking_code not in text
        assert denunciation.tracking_code not in text
        assert "Tố cáo cán bộ" not in text
        for private in ("Nguyễn Văn An", "001085012345", "0912345678", "thu hồi đất nông nghiệp của gia đình tôi"):
            assert private not in text
    response = Client().get(f"{BASE}/requests/{denunciation.tracking_code}.json")
    [error] = response.json()
    assert (response.status_code, error["code"]) == (404, 404)
    assert error["description"].startswith("service_request_id")
    assert Client().get(f"{BASE}/requests.json", {"service_request_id": denunciation.tracking_code}).json() == []


def test_requests_xml_parses_with_every_field(world, submit):
    petition = submit(kind="recommendation", complaint_round=None).petition
    rows = xml_items(Client().get(f"{BASE}/requests.xml"), "service_requests", "request")
    assert [r["service_request_id"] for r in rows] == [petition.tracking_code]
    assert list(rows[0]) == REQUEST_FIELDS
    assert (rows[0]["status"], rows[0]["description"], rows[0]["lat"]) == ("open", petition.subject, None)


def test_request_filters(world, submit):
    open_one = submit(kind="feedback", complaint_round=None).petition
    closed = submit(kind="feedback", complaint_round=None).petition
    Petition.objects.filter(pk=closed.pk).update(status="guided")
    Petition.objects.filter(pk=open_one.pk).update(category=Category.objects.get(code="environment"))

    def ids(**params):
        return {r["service_request_id"] for r in Client().get(f"{BASE}/requests.json", params).json()}

    assert ids() == {open_one.tracking_code, closed.tracking_code}
    assert ids(status="open") == {open_one.tracking_code}
    assert ids(status="closed") == {closed.tracking_code}
    assert ids(status="open,closed") == ids()
    assert ids(service_code="environment") == {open_one.tracking_code}
    assert ids(service_code="land,environment") == {open_one.tracking_code}
    now = timezone.now()
    assert ids(start_date=(now - dt.timedelta(days=1)).isoformat()) == ids()
    assert ids(start_date=(now + dt.timedelta(hours=1)).isoformat()) == set()
    assert ids(end_date=(now - dt.timedelta(hours=1)).isoformat()) == set()
    assert ids(service_request_id=f"{closed.tracking_code.lower()}, x", status="open") == {closed.tracking_code}


def test_requests_older_than_90_days_need_a_date_range(world, submit):
    old = submit(kind="feedback", complaint_round=None).petition
    Petition.objects.filter(pk=old.pk).update(created_at=timezone.now() - dt.timedelta(days=100))
    assert Client().get(f"{BASE}/requests.json").json() == []
    start = (timezone.now() - dt.timedelta(days=120)).strftime("%Y-%m-%dT%H:%M:%SZ")
    rows = Client().get(f"{BASE}/requests.json", {"start_date": start}).json()
    assert [r["service_request_id"] for r in rows] == [old.tracking_code]


@pytest.mark.parametrize(
    ("params", "needle"),
    [
        ({"status": "pending"}, "status"),
        ({"start_date": "yesterday"}, "start_date"),
        ({"start_date": "2026-01-01T00:00:00Z", "end_date": "2026-06-01T00:00:00Z"}, "90"),
        ({"start_date": "2026-02-01T00:00:00Z", "end_date": "2026-01-01T00:00:00Z"}, "end_date"),
    ],
)
def test_bad_request_parameters_are_open311_errors(world, params, needle):
    for fmt in ("json", "xml"):
        response = Client().get(f"{BASE}/requests.{fmt}", params)
        assert response.status_code == 400
        if fmt == "json":
            [error] = response.json()
        else:
            [error] = xml_items(response, "errors", "error")
        assert str(error["code"]) == "400"
        assert needle in error["description"]


@pytest.mark.parametrize(
    ("overrides", "status", "needle"),
    [
        ({"service_code": None}, 400, "service_code"),
        ({"service_code": "no-such"}, 404, "service_code"),
        ({"description": None}, 400, "description"),
        ({"description": "Hỏng"}, 400, "description"),
        ({"description": "x" * 4001}, 400, "description"),
        ({"address_id": None}, 400, "address_id"),
        ({"address_id": "99999"}, 400, "address_id"),
        ({"address_id": "12"}, 400, "address_id"),
        ({"lat": "north"}, 400, "lat"),
        ({"lat": "91"}, 400, "lat"),
        ({"long": None}, 400, "lat, long"),
        ({"email": "not-an-email"}, 400, "email"),
        ({"phone": "<script>"}, 400, "phone"),
        ({"first_name": None, "last_name": None}, 400, "last_name"),
    ],
)
def test_bad_reports_are_refused_and_save_nothing(world, overrides, status, needle):
    response = Client().post(f"{BASE}/requests.json", report(world, **overrides))
    assert response.status_code == status
    [error] = response.json()
    assert error["code"] == status
    assert error["description"].startswith(needle)
    assert Petition.objects.count() == 0


def test_no_receiving_organisation_is_a_400(world):
    Organization.objects.filter(pk__in=[world.org_a.pk, world.province_committee.pk]).update(is_active=False)
    response = Client().post(f"{BASE}/requests.json", report(world))
    assert response.status_code == 400
    assert Petition.objects.count() == 0


def test_html_is_stored_verbatim_and_escaped(world, submit):
    text = "<img src=x onerror=alert(1)> Cống thoát nước bị tắc & tràn ra đường"
    assert Client().post(f"{BASE}/requests.json", report(world, description=text)).status_code == 201
    assert Petition.objects.get().content == text
    subject = "<b>Đèn đường</b> & cột điện"
    submit(kind="feedback", complaint_round=None, subject=subject)
    response = Client().get(f"{BASE}/requests.json")
    assert b"<b>" not in response.content
    assert b"&" not in response.content
    assert subject in [r["description"] for r in response.json()]
    response = Client().get(f"{BASE}/requests.xml")
    assert b"<b>" not in response.content
    assert b"&lt;b&gt;" in response.content
    assert subject in [r["description"] for r in xml_items(response, "service_requests", "request")]


def test_posting_is_rate_limited_per_address(world, settings):
    settings.DANVAN_OPEN311_POST_RATE = "2/h"
    client = Client()
    assert [client.post(f"{BASE}/requests.json", report(world)).status_code for _ in range(3)] == [201, 201, 429]
    assert client.post(f"{BASE}/requests.json", report(world), REMOTE_ADDR="198.51.100.7").status_code == 201
    assert Petition.objects.count() == 3
    response = client.post(f"{BASE}/requests.xml", report(world))
    [error] = xml_items(response, "errors", "error")
    assert (response.status_code, error["code"]) == (429, "429")


def test_other_methods_are_refused(world):
    assert Client().delete(f"{BASE}/requests.json").status_code == 405
    assert Client().post(f"{BASE}/services.json").status_code == 405


def test_requests_query_count_does_not_grow_with_rows(world, submit):
    submit(kind="feedback", complaint_round=None)
    with CaptureQueriesContext(connection) as one:
        assert len(Client().get(f"{BASE}/requests.json").json()) == 1
    for _ in range(4):
        submit(kind="feedback", complaint_round=None)
    with CaptureQueriesContext(connection) as five:
        assert len(Client().get(f"{BASE}/requests.xml").content.split(b"<request>")) == 6
    assert len(five.captured_queries) == len(one.captured_queries) == 1
