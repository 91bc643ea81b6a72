"""Workflow transitions through the API: the same services and rules as the HTML views."""

import datetime as dt
import json

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from danvan.audit.models import AuditEvent
from danvan.cases.models import CaseEvent, Forwarding, Petition, Status
from danvan.cases.services import workflow
from danvan.testing import login_client


def act(client: Client, petition: Petition, action: str, body: dict | None = None):
    url = f"/api/petitions/{petition.pk}/transitions/{action}"
    return client.post(url, json.dumps(body or {}), content_type="application/json")


def _state(petition: Petition):
    petition.refresh_from_db()
    return petition.status, CaseEvent.objects.filter(petition=petition).count(), AuditEvent.objects.count()


@time_machine.travel(dt.datetime(2026, 11, 2, 9, 0), tick=False)
def test_complaint_through_the_api_from_receipt_to_closing(world, submit, personas, head_a, handler_a):
    petition = submit().petition
    officer, head = login_client(Client(), personas["officer_same"]), login_client(Client(), head_a)
    response = act(officer, petition, "classify", {"eligible": True, "within_competence": True, "category": "land"})
    assert (response.status_code, response.json()["status"]) == (200, "classified")
    assert response.json()["category"] == "land"
    assert act(head, petition, "accept").json()["status"] == "accepted"
    body = act(head, petition, "start_verification", {"handler_id": handler_a.pk, "complexity": "complex"}).json()
    assert (body["status"], body["handler_id"], body["complexity"]) == ("verification", handler_a.pk, "complex")
    # complaint.first.resolve, complex: 45 days from 2 Nov → Thu 17 Dec 2026.
    assert [(d["step"], d["due_on"]) for d in body["deadlines"]] == [("resolve", "2026-12-17")]
    body = act(head, petition, "conclude", {"outcome": "partly_right", "answer": "Khiếu nại đúng một phần."}).json()
    assert (body["status"], body["outcome"]) == ("concluded", "partly_right")
    body = act(head, petition, "close").json()
    assert (body["status"], body["closed_on"], body["deadlines"]) == ("closed", "2026-11-02", [])
    actions = [e["action"] for e in body["events"]]
    assert actions == ["received", "classified", "accepted", "verification_started", "concluded", "closed"]


def test_transition_not_allowed_is_409_and_changes_nothing(world, submit, head_a):
    petition = submit().petition
    before = _state(petition)
    response = act(login_client(Client(), head_a), petition, "close")
    assert response.status_code == 409
    assert response.json()["code"] == "transition_not_allowed"
    assert _state(petition) == before == (Status.RECEIVED, 1, before[2])


def test_permissions_follow_the_rules(world, submit, personas, as_persona, head_a):
    petition = submit().petition
    before = _state(petition)
    # A reception officer processes but does not decide; an inspector only reads; another commune sees nothing.
    assert act(as_persona("officer_same"), petition, "accept").status_code == 403
    assert (
        act(
            as_persona("province_inspector"), petition, "classify", {"eligible": True, "within_competence": True}
        ).status_code
        == 403
    )
    assert act(as_persona("officer_other"), petition, "classify").status_code == 404
    assert act(as_persona("citizen"), petition, "classify").status_code == 404
    assert act(Client(), petition, "classify").status_code == 401
    assert _state(petition) == before


def test_required_fields_per_action(world, submit, as_persona):
    petition = submit().petition
    before = _state(petition)
    response = act(as_persona("officer_same"), petition, "classify", {"eligible": True})
    assert response.status_code == 422
    assert set(response.json()["extra"]["fields"]) == {"within_competence"}
    response = act(as_persona("officer_same"), petition, "guide", {"guidance": "Gửi Tòa án"})
    assert set(response.json()["extra"]["fields"]) == {"competent_body"}
    response = act(as_persona("officer_same"), petition, "forward", {"to_organization_id": 999999})
    assert (response.status_code, set(response.json()["extra"]["fields"])) == (422, {"to_organization_id"})
    assert _state(petition) == before


def test_unknown_action_is_refused(world, submit, as_persona):
    petition = submit().petition
    assert act(as_persona("officer_same"), petition, "delete").status_code == 422
    assert Petition.objects.get().status == Status.RECEIVED


def test_archive_needs_a_legal_ground(world, submit, as_persona):
    petition = submit().petition
    officer = as_persona("officer_same")
    response = act(officer, petition, "archive", {"ground": "made-up"})
    assert (response.status_code, set(response.json()["extra"]["fields"])) == (422, {"ground"})
    response = act(officer, petition, "archive", {"ground": "kn11_6", "reason": "Quá thời hiệu"})
    assert (response.status_code, response.json()["status"]) == (200, "archived")


def test_guide_answers_the_citizen(world, submit, as_persona):
    petition = submit(kind="feedback", complaint_round=None).petition
    body = act(
        as_persona("officer_same"),
        petition,
        "guide",
        {"guidance": "Gửi đơn đến Tòa án nhân dân khu vực.", "competent_body": "Tòa án nhân dân khu vực 1"},
    ).json()
    assert (body["status"], body["answer"]) == ("guided", "Gửi đơn đến Tòa án nhân dân khu vực.")


def test_forward_and_acknowledge(world, submit, personas, as_persona, head_b):
    petition = submit().petition
    body = act(
        as_persona("officer_same"),
        petition,
        "forward",
        {"to_organization_id": world.org_b.pk, "reason": "Thuộc thẩm quyền xã Phong Thổ"},
    ).json()
    assert (body["status"], body["handling_organization_id"]) == ("forwarded", world.org_b.pk)
    assert as_persona("officer_same").get(f"/api/petitions/{petition.pk}").status_code == 200  # forwarded by us
    assert act(as_persona("officer_same"), petition, "acknowledge").status_code == 403
    body = act(as_persona("officer_other"), petition, "acknowledge").json()
    assert body["status"] == "received"
    assert Forwarding.objects.get(petition=petition).acknowledged_by == personas["officer_other"]


def test_assign_suspend_resume_extend_withdraw(world, submit, head_a, handler_a):
    petition = submit().petition
    workflow.petition_classify(actor=head_a, petition=petition, eligible=True, within_competence=True)
    workflow.petition_accept(actor=head_a, petition=petition)
    head = login_client(Client(), head_a)
    assert act(head, petition, "assign", {"handler_id": handler_a.pk}).json()["handler_id"] == handler_a.pk
    response = act(head, petition, "suspend", {})
    assert (response.status_code, set(response.json()["extra"]["fields"])) == (422, {"reason"})
    assert act(head, petition, "suspend", {"reason": "Chờ kết quả giám định"}).json()["status"] == "suspended"
    body = act(head, petition, "resume").json()
    assert (body["status"], [(d["step"], d["paused"]) for d in body["deadlines"]]) == ("accepted", [("resolve", False)])
    assert act(head, petition, "extend", {"reason": "Vụ việc phức tạp"}).json()["complexity"] == "complex"
    assert act(head, petition, "extend", {"reason": "Lần hai"}).status_code == 409
    assert (
        act(head, petition, "withdraw", {"full": True, "content": "Công dân rút đơn"}).json()["status"] == "withdrawn"
    )


@pytest.mark.parametrize("persona", ["officer_same", "mttq_officer", "province_inspector"])
def test_assigned_handler_only_handles(world, submit, as_persona, head_a, handler_a, persona):
    """The head starts the verification (a decision); the assigned handler records the dialogue, and
    neither another officer nor the handler may take the head's decision."""
    petition = submit().petition
    workflow.petition_classify(actor=head_a, petition=petition, eligible=True, within_competence=True)
    workflow.petition_accept(actor=head_a, petition=petition)
    workflow.petition_assign(actor=head_a, petition=petition, handler=handler_a)
    handler = login_client(Client(), handler_a)
    before = _state(petition)
    assert act(as_persona(persona), petition, "start_verification", {"handler_id": handler_a.pk}).status_code == 403
    assert act(handler, petition, "start_verification", {"handler_id": handler_a.pk}).status_code == 403
    assert _state(petition) == before
    body = act(login_client(Client(), head_a), petition, "start_verification", {"handler_id": handler_a.pk}).json()
    assert body["status"] == "verification"
    dialogue = {
        "notified_on": (timezone.localdate() - dt.timedelta(days=8)).isoformat(),
        "held_on": (timezone.localdate() - dt.timedelta(days=1)).isoformat(),
        "minutes": "Hai bên trình bày ý kiến.",
    }
    assert act(as_persona(persona), petition, "dialogue", dialogue).status_code == 403
    response = act(handler, petition, "dialogue", dialogue)
    assert (response.status_code, response.json()["status"]) == (200, "dialogue")


def test_dialogue_needs_its_fields(world, submit, head_a):
    petition = submit().petition
    workflow.petition_classify(actor=head_a, petition=petition, eligible=True, within_competence=True)
    workflow.petition_accept(actor=head_a, petition=petition)
    workflow.petition_start_verification(actor=head_a, petition=petition, handler=head_a)
    before = _state(petition)
    response = act(login_client(Client(), head_a), petition, "dialogue", {"minutes": "", "held_on": None})
    assert response.status_code == 422
    assert set(response.json()["extra"]["fields"]) == {"notified_on", "held_on", "minutes"}
    assert _state(petition) == before
