"""The petitions JSON API: registering, listing and reading petitions."""

import datetime as dt
import json

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from danvan.audit.models import AuditEvent
from danvan.audit.selectors import audit_chain_problems
from danvan.cases.models import Party, Petition, StepDeadline
from danvan.testing import login_client

from .conftest import VALID_ID, petition_data

URL = "/api/petitions/"


def api_payload(world, **overrides) -> dict:
    today = timezone.localdate()
    payload = {
        "kind": "complaint",
        "complaint_round": 1,
        "subject": "Khiếu nại quyết định thu hồi đất",
        "content": "Tôi khiếu nại Quyết định số 15/QĐ-UBND về việc thu hồi đất nông nghiệp của gia đình tôi.",
        "category": "land",
        "unit_code": world.commune_a.code,
        "location": "Tổ 5, phường Tân Phong",
        "respondent_name": "Chủ tịch UBND phường Tân Phong",
        "decision_reference": "Quyết định số 15/QĐ-UBND",
        "decision_date": (today - dt.timedelta(days=60)).isoformat(),
        "people_count": 1,
        "is_anonymous": False,
        "channel": "in_person",
        "received_on": today.isoformat(),
        "parties": [
            {
                "full_name": "Nguyễn Văn An",
                "personal_id": VALID_ID,
                "birth_year": 1985,
                "address_unit_code": world.commune_a.code,
                "phone": "0912345678",
            }
        ],
        "receiving_organization_id": world.org_a.pk,
    }
    payload.update(overrides)
    return payload


def post(client: Client, payload: dict, **headers):
    return client.post(URL, json.dumps(payload), content_type="application/json", headers=headers)


@pytest.fixture
def officer(personas, as_persona) -> Client:
    return as_persona("officer_same")


def _saved():
    return Petition.objects.count(), Party.objects.count(), AuditEvent.objects.count()


CREATED_FIELDS = {
    "id",
    "tracking_code",
    "url",
    "kind",
    "status",
    "status_label",
    "handling_organization_id",
    "received_on",
    "next_due_on",
    "deadlines",
    "secret",
}


def test_create_registers_the_petition_through_the_intake_service(world, personas, officer):
    response = post(officer, api_payload(world))
    assert response.status_code == 201
    body = response.json()
    petition = Petition.objects.get()
    assert set(body) == CREATED_FIELDS  # the light answer: the whole petition is at body["url"]
    assert (body["id"], body["tracking_code"], body["status"]) == (petition.pk, petition.tracking_code, "received")
    assert (body["kind"], body["handling_organization_id"]) == ("complaint", world.org_a.pk)
    assert body["received_on"] == petition.received_on.isoformat()
    assert (petition.channel, petition.receiving_organization, petition.unit) == (
        "in_person",
        world.org_a,
        world.commune_a,
    )
    assert petition.category.code == "land"
    assert len(body["secret"]) >= 20
    step = StepDeadline.objects.get(petition=petition)
    assert body["deadlines"] == [
        {
            "step": "accept",
            "rule_code": step.rule_code,
            "starts_on": step.starts_on.isoformat(),
            "due_on": step.due_on.isoformat(),
            "citation": step.citation,
        }
    ]
    assert body["next_due_on"] == step.due_on.isoformat() == petition.earliest_due_on.isoformat()
    assert body["url"] == f"{URL}{petition.pk}" == response["Location"]
    detail = officer.get(body["url"]).json()
    assert [p["full_name"] for p in detail["parties"]] == ["Nguyễn Văn An"]
    assert detail["parties"][0]["address"] == "Phường Tân Phong, Tỉnh Lai Châu"
    assert [d["step"] for d in detail["deadlines"]] == ["accept"]
    assert detail["next_due_on"] == body["next_due_on"]
    assert [(e["action"], e["actor"]) for e in detail["events"]] == [("received", "Officer_Same")]


def test_create_writes_one_audit_row_and_one_event_in_a_fixed_number_of_queries(world, officer):
    post(officer, api_payload(world))  # warm the session, the memberships and the calendar
    with CaptureQueriesContext(connection) as one:
        assert post(officer, api_payload(world)).status_code == 201
    party = api_payload(world)["parties"][0]
    with CaptureQueriesContext(connection) as three:
        response = post(officer, api_payload(world, people_count=3, parties=[party, party | {"full_name": "B"}, party]))
        assert response.status_code == 201
    assert len(three.captured_queries) == len(one.captured_queries)
    petition = Petition.objects.get(pk=response.json()["id"])
    assert petition.parties.count() == 3
    assert AuditEvent.objects.filter(action="petition.received", target_id=str(petition.pk)).count() == 1
    assert petition.events.get().action == "received"
    assert list(audit_chain_problems()) == []


def test_a_commune_saved_since_the_last_create_is_read_afresh(world, officer):
    """Communes are remembered per process for a minute; saving one empties that memory at once."""
    assert post(officer, api_payload(world)).status_code == 201  # commune A is now remembered
    world.commune_a.is_remote = True  # remote areas get longer time limits
    world.commune_a.save(update_fields=["is_remote"])
    response = post(officer, api_payload(world))
    assert Petition.objects.get(pk=response.json()["id"]).is_remote is True


def test_same_idempotency_key_and_body_gives_one_petition(world, officer):
    first = post(officer, api_payload(world), **{"Idempotency-Key": "dv-2026-0001"})
    before = _saved()
    again = post(officer, api_payload(world), **{"Idempotency-Key": "dv-2026-0001"})
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json()["id"] == first.json()["id"]
    assert again.json()["secret"] is None  # only its hash is kept: the first answer was the only chance
    assert again.json() == first.json() | {"secret": None}  # otherwise the same answer
    assert again["Location"] == first["Location"]
    assert _saved() == before
    assert Petition.objects.count() == 1


def test_same_idempotency_key_with_another_body_is_a_conflict(world, officer):
    post(officer, api_payload(world), **{"Idempotency-Key": "dv-2026-0002"})
    before = _saved()
    response = post(officer, api_payload(world, subject="Một nội dung khác"), **{"Idempotency-Key": "dv-2026-0002"})
    assert response.status_code == 409
    assert response.json()["code"] == "idempotency_conflict"
    assert _saved() == before


def test_idempotency_key_is_per_user(world, officer, head_a):
    post(officer, api_payload(world), **{"Idempotency-Key": "shared"})
    response = post(login_client(Client(), head_a), api_payload(world), **{"Idempotency-Key": "shared"})
    assert response.status_code == 201
    assert Petition.objects.count() == 2


def test_overlong_idempotency_key_is_refused(world, officer):
    response = post(officer, api_payload(world), **{"Idempotency-Key": "k" * 101})
    assert response.status_code == 422
    assert set(response.json()["extra"]["fields"]) == {"Idempotency-Key"}
    assert Petition.objects.count() == 0


def test_invalid_personal_id_names_the_field_in_vietnamese(world, officer):
    party = api_payload(world)["parties"][0] | {"personal_id": "123"}
    before = _saved()
    response = post(officer, api_payload(world, parties=[party]))
    assert response.status_code == 422
    body = response.json()
    assert (body["code"], body["message"]) == ("invalid", "Một số trường thông tin còn thiếu hoặc không hợp lệ.")
    with translation.override("vi"):
        expected = [translation.gettext("The personal ID number has exactly 12 digits.")]
    assert body["extra"]["fields"] == {"parties.0.personal_id": expected}
    assert _saved() == before


def test_future_dates_are_refused(world, officer):
    tomorrow = (timezone.localdate() + dt.timedelta(days=1)).isoformat()
    response = post(officer, api_payload(world, received_on=tomorrow, decision_date=tomorrow))
    assert response.status_code == 422
    assert set(response.json()["extra"]["fields"]) == {"received_on", "decision_date"}
    assert Petition.objects.count() == 0


@pytest.mark.parametrize("missing", ["kind", "subject", "content", "unit_code", "channel", "receiving_organization_id"])
def test_missing_fields_are_refused(world, officer, missing):
    payload = api_payload(world)
    del payload[missing]
    response = post(officer, payload)
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "invalid"
    assert [e["loc"][-1] for e in body["extra"]["errors"]] == [missing]
    assert Petition.objects.count() == 0


def test_unknown_codes_and_foreign_organisation_are_field_errors(world, officer):
    party = api_payload(world)["parties"][0] | {"address_unit_code": "99999"}
    payload = api_payload(world, unit_code="99999", category="no-such", receiving_organization_id=world.org_b.pk)
    response = post(officer, payload | {"parties": [party]})
    assert response.status_code == 422
    assert set(response.json()["extra"]["fields"]) == {
        "unit_code",
        "category",
        "receiving_organization_id",
        "parties.0.address_unit_code",
    }
    assert Petition.objects.count() == 0


def test_empty_subject_and_no_petitioner_are_service_field_errors(world, officer):
    response = post(officer, api_payload(world, subject="   ", parties=[]))
    assert response.status_code == 422
    assert set(response.json()["extra"]["fields"]) == {"subject", "parties"}


def test_malformed_json_is_refused(world, officer):
    response = officer.post(URL, "{not json", content_type="application/json")
    assert response.status_code in (400, 422)
    assert Petition.objects.count() == 0


def test_html_is_stored_verbatim_and_escaped_in_json(world, officer):
    script = "<script>alert('x')</script> Đất của tôi bị lấn chiếm & rào lại"
    response = post(officer, api_payload(world, content=script, subject="<b>Lấn chiếm</b>"))
    assert response.status_code == 201
    petition = Petition.objects.get()
    assert (petition.content, petition.subject) == (script, "<b>Lấn chiếm</b>")
    detail = officer.get(response.json()["url"])
    assert detail.json()["content"] == script
    assert b"<" not in detail.content
    assert b"&" not in detail.content
    assert b"\\u003Cscript\\u003E" in detail.content
    assert (response["X-Content-Type-Options"], detail["X-Content-Type-Options"]) == ("nosniff", "nosniff")


def test_list_is_scoped_filtered_and_paginated(world, personas, as_persona, submit, head_b):
    from danvan.cases.services.intake import petition_submit

    complaint = submit().petition
    feedback = submit(kind="feedback", complaint_round=None, subject="Đèn đường hỏng").petition
    petition_submit(actor=None, data=petition_data(world, unit=world.commune_b), receiving_organization=world.org_b)
    client = as_persona("officer_same")
    body = client.get(URL).json()
    assert body["count"] == 2
    assert {p["id"] for p in body["items"]} == {complaint.pk, feedback.pk}
    assert client.get(URL, {"kind": "feedback"}).json()["items"][0]["id"] == feedback.pk
    assert client.get(URL, {"status": "closed"}).json()["count"] == 0
    assert client.get(URL, {"unit_code": world.commune_a.code}).json()["count"] == 2
    assert client.get(URL, {"unit_code": world.commune_b.code}).json()["count"] == 0
    page = client.get(URL, {"limit": 1, "offset": 1}).json()
    assert (page["count"], len(page["items"])) == (2, 1)
    assert as_persona("province_inspector").get(URL).json()["count"] == 3
    assert as_persona("citizen").get(URL).status_code == 403
    assert Client().get(URL).status_code == 401


def test_overdue_filter(world, as_persona, submit):
    late, on_time = submit().petition, submit().petition
    today = timezone.localdate()
    StepDeadline.objects.filter(petition=late).update(due_on=today - dt.timedelta(days=1))
    StepDeadline.objects.filter(petition=on_time).update(due_on=today)
    client = as_persona("officer_same")
    assert [p["id"] for p in client.get(URL, {"overdue": "true"}).json()["items"]] == [late.pk]
    assert [p["id"] for p in client.get(URL, {"overdue": "false"}).json()["items"]] == [on_time.pk]
    StepDeadline.objects.filter(petition=late).update(paused_on=today)  # suspended: the clock stands still
    assert client.get(URL, {"overdue": "true"}).json()["count"] == 0


def test_list_query_count_does_not_grow_with_rows(world, as_persona, submit):
    client = as_persona("officer_same")
    submit()
    client.get(URL)  # warm the session and the memberships
    with CaptureQueriesContext(connection) as one:
        assert client.get(URL).json()["count"] == 1
    for _ in range(5):
        submit(kind="feedback", complaint_round=None)
    with CaptureQueriesContext(connection) as six:
        assert client.get(URL).json()["count"] == 6
    assert len(six.captured_queries) == len(one.captured_queries)


def test_detail_is_404_outside_the_jurisdiction(world, as_persona, submit):
    petition = submit().petition
    url = f"{URL}{petition.pk}"
    assert as_persona("officer_same").get(url).status_code == 200
    assert as_persona("officer_other").get(url).status_code == 404
    assert as_persona("citizen").get(url).status_code == 404
    assert as_persona("officer_same").get(f"{URL}999999").status_code == 404


def test_officer_session_without_two_factor_is_refused(world, personas, submit):
    petition = submit().petition
    client = Client()
    client.force_login(personas["officer_same"])  # password only, no TOTP step
    assert client.get(URL).status_code == 401
    assert client.get(f"{URL}{petition.pk}").status_code == 401
    assert post(client, api_payload(world)).status_code == 401
    assert Petition.objects.count() == 1


def _denunciation_payload(world) -> dict:
    denouncer = "Trần Thị Bích Ngọc"
    party = {
        "full_name": denouncer,
        "personal_id": "001190012345",
        "birth_year": 1990,
        "address_street": "Số 7 ngõ 12",
        "phone": "0987654321",
        "email": "ngoc@example.vn",
    }
    return api_payload(
        world,
        kind="denunciation",
        complaint_round=None,
        # The letter names its author again, as letters do: written differently each time.
        subject="Tố cáo cán bộ địa chính nhận tiền (Tran Thi Bich Ngoc)",
        content=(
            "Tôi là Trần Thị Bích Ngọc, điện thoại 0987 654 321. Cán bộ địa chính phường nhận tiền để làm "
            "nhanh hồ sơ cấp giấy chứng nhận."
        ),
        location="Trước nhà số 7 ngõ 12",
        respondent_name="Cán bộ địa chính phường Tân Phong",
        parties=[party],
    )


def _denunciation(world, officer_client) -> tuple[Petition, str]:
    response = post(officer_client, _denunciation_payload(world))
    assert response.status_code == 201
    return Petition.objects.get(kind="denunciation"), "Trần Thị Bích Ngọc"


DENOUNCER_PARTICULARS = ("Trần Thị Bích Ngọc", "001190012345", "0987654321", "ngoc@example.vn", "Số 7 ngõ 12")


@pytest.mark.parametrize("who", ["officer_same", "head_a"])
def test_the_create_answer_never_carries_a_denouncers_identity(world, as_persona, head_a, who):
    """Whoever registers a denunciation, the answer names no party: not even the head, who may read the
    identity on the petition's page (and whose every read there is audited), gets it back from a create."""
    client = as_persona("officer_same") if who == "officer_same" else login_client(Client(), head_a)
    for status in (201, 200):  # the first answer and an idempotent retry
        response = post(client, _denunciation_payload(world), **{"Idempotency-Key": "to-cao-1"})
        assert response.status_code == status
        assert set(response.json()) == CREATED_FIELDS
        text = response.content.decode("utf-8")
        for secret in DENOUNCER_PARTICULARS:
            assert secret not in text
            assert json.dumps(secret) not in text
    assert not AuditEvent.objects.filter(action="petition.identity_viewed").exists()


@pytest.mark.parametrize("persona", ["officer_same", "province_inspector", "mttq_officer"])
def test_denouncer_identity_never_appears_in_the_api(world, as_persona, persona):
    petition, _denouncer = _denunciation(world, as_persona("officer_same"))
    client = as_persona(persona)
    detail = client.get(f"{URL}{petition.pk}")
    listing = client.get(URL)
    assert (detail.status_code, listing.status_code) == (200, 200)
    assert detail.json()["parties"][0]["masked"] is True
    for response in (detail, listing):
        text = response.content.decode("utf-8")
        for secret in (*DENOUNCER_PARTICULARS, "Tran Thi Bich Ngoc", "0987 654 321", "số 7 ngõ 12"):
            assert secret not in text
            assert json.dumps(secret) not in text
    assert not AuditEvent.objects.filter(action="petition.identity_viewed").exists()


def test_the_head_sees_the_denouncer_and_the_read_is_audited(world, as_persona, head_a):
    petition, denouncer = _denunciation(world, as_persona("officer_same"))
    response = login_client(Client(), head_a).get(f"{URL}{petition.pk}")
    assert response.json()["parties"][0]["full_name"] == denouncer
    assert response.json()["content"].startswith("Tôi là Trần Thị Bích Ngọc, điện thoại 0987 654 321.")
    assert response.json()["subject"].endswith("(Tran Thi Bich Ngoc)")
    event = AuditEvent.objects.get(action="petition.identity_viewed")
    assert (event.actor, event.target_id) == (head_a, str(petition.pk))
