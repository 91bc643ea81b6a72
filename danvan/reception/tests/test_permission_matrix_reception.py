"""Every reception URL for every persona. Allowed calls succeed; denied ones answer 302 (anonymous), 400, 403
or 404 and change nothing (no row, no audit event, no notification)."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import Any

import pytest
from django.apps import apps
from django.utils import timezone

from danvan.audit.models import AuditEvent
from danvan.cases.models import Petition
from danvan.notifications.models import Notification
from danvan.reception.models import Dialogue, DialogueParticipant, DialogueStatus, ReceptionSession, Threshold
from danvan.reception.services.visits import PersonData, VisitData, visit_record
from danvan.reception.slots import open_slots
from danvan.testing import PERSONAS
from danvan.testing.matrix import ALL, Endpoint, call_endpoint, officers

# Reading reception (sessions, register…): processing roles of the organisation, inspectors, system admins.
RECEPTION = officers(200, mttq_officer=403, org_admin=403)
# An object of commune A's reception.
OBJECT_A = officers(200, officer_other=404, mttq_officer=404, org_admin=404)
# Writing reception in commune A: only its reception officer; another commune's officer cannot pick A's objects.
# Writing reception in commune A: its reception officer, handler and head; another commune's officer cannot
# pick A's objects.
WRITE_A = officers(403, officer_same=302, officer_other=400, head_same=302, handler_same=302)
# An object of commune A's reception written by its head (head_same), not by the other officers.
HEAD_ONLY_A = officers(403, officer_other=404, mttq_officer=404, org_admin=404, head_same=302)
# Complex cases and hotspots of commune A: every officer covering it reads them.
AREA_A = officers(200, officer_other=404)
AREA_WRITE_A = officers(403, officer_same=302, officer_other=404, head_same=302, handler_same=302)
AREA_LEAD_A = officers(403, officer_other=404, head_same=302)


def _today() -> dt.date:
    return timezone.localdate()


def _book(w: Any) -> dict[str, Any]:
    slot = open_slots(organization=w.world.org_a, today=_today())[0]
    return {
        "organization": w.world.org_a.pk,
        "slot": slot.value,
        "full_name": "Phạm Thị Cúc",
        "phone": "0987654321",
        "kind": "feedback",
        "subject": "Đường ngập nước",
        "people_count": 1,
    }


def _visit(w: Any) -> dict[str, Any]:
    return {
        "kind": "feedback",
        "people_count": 1,
        "complainants": "Hoàng Văn Dũng; ; Tổ 3; 0911222333",
        "content_summary": "Phản ánh rác thải tồn đọng ở chợ phường.",
        "result": "guided",
        "guided_to": "Ban quản lý chợ",
        "complaint_round": 1,
    }


def _session(w: Any) -> dict[str, Any]:
    return {"place": w.rec.place.pk, "kind": "regular", "held_on": _today().isoformat()}


def _schedule(w: Any) -> dict[str, Any]:
    return {
        "place": w.rec.place.pk,
        "kind": "regular",
        "weekday": (_today().weekday() + 1) % 7,
        "week_of_month": 0,
        "start_time": "13:30",
        "end_time": "16:30",
        "starts_on": (_today() + dt.timedelta(days=1)).isoformat(),
        "slot_minutes": 30,
        "slot_capacity": 1,
    }


def _complex(w: Any) -> dict[str, Any]:
    return {
        "organization": w.world.org_a.pk,
        "title": "Khiếu kiện đông người về bồi thường",
        "summary": "Nhiều hộ dân khiếu nại mức bồi thường.",
        "criteria": ["several_agencies"],
        "leader": w.personas["officer_same"].pk,
        "petitions": w.rec.petition.tracking_code,
    }


ENDPOINTS = [
    Endpoint("reception:home", "get", lambda w: "/reception/", officers(200)),
    Endpoint("reception:schedule_list", "get", lambda w: "/reception/schedules/", RECEPTION),
    Endpoint("reception:schedule_add", "post", lambda w: "/reception/schedules/add/", WRITE_A, _schedule),
    Endpoint(
        "reception:place_add",
        "post",
        lambda w: "/reception/places/add/",
        WRITE_A,
        lambda w: {"organization": w.world.org_a.pk, "name": "Điểm tiếp tổ 9", "address": "Nhà văn hóa tổ 9"},
    ),
    Endpoint("reception:compliance", "get", lambda w: "/reception/compliance/", RECEPTION),
    Endpoint("reception:session_list", "get", lambda w: "/reception/sessions/", RECEPTION),
    Endpoint("reception:session_add", "post", lambda w: "/reception/sessions/add/", WRITE_A, _session),
    Endpoint("reception:session_detail", "get", lambda w: f"/reception/sessions/{w.rec.session.pk}/", OBJECT_A),
    Endpoint(
        "reception:visit_add",
        "get",
        lambda w: f"/reception/sessions/{w.rec.session.pk}/visits/add/",
        OBJECT_A | {"province_inspector": 403, "system_admin": 403},
    ),
    Endpoint(
        "reception:visit_add",
        "post",
        lambda w: f"/reception/sessions/{w.rec.session.pk}/visits/add/",
        WRITE_A | {"officer_other": 404, "mttq_officer": 404, "org_admin": 404},
        _visit,
    ),
    Endpoint(
        "reception:session_notice",
        "post",
        lambda w: f"/reception/sessions/{w.open.session.pk}/notice/",
        HEAD_ONLY_A,
        lambda w: {"conclusions": "Giao công an phường bảo đảm trật tự."},
    ),
    Endpoint(
        "reception:session_notice_download",
        "get",
        lambda w: f"/reception/sessions/{w.rec.session.pk}/notice.docx",
        OBJECT_A,
    ),
    Endpoint("reception:visit_detail", "get", lambda w: f"/reception/visits/{w.rec.visit_id}/", OBJECT_A),
    Endpoint(
        "reception:visit_link_complex",
        "post",
        lambda w: f"/reception/visits/{w.rec.visit_id}/complex/",
        HEAD_ONLY_A | {"officer_same": 302, "handler_same": 302},
        lambda w: {"case": w.rec.case.pk},
    ),
    Endpoint("reception:register", "get", lambda w: "/reception/register/", RECEPTION),
    Endpoint(
        "reception:register_xlsx",
        "get",
        lambda w: f"/reception/register.xlsx?organization={w.world.org_a.pk}",
        RECEPTION | {"officer_other": 404},
    ),
    Endpoint(
        "reception:register_docx",
        "get",
        lambda w: f"/reception/register.docx?organization={w.world.org_a.pk}",
        RECEPTION | {"officer_other": 404},
    ),
    Endpoint("reception:appointment_list", "get", lambda w: "/reception/appointments/", RECEPTION),
    Endpoint("reception:book", "get", lambda w: f"/reception/book/?organization={w.world.org_a.pk}", ALL),
    Endpoint("reception:book", "post", lambda w: "/reception/book/", ALL, _book),
    Endpoint("reception:public_roadmaps", "get", lambda w: "/reception/public/", ALL),
    Endpoint("reception:dialogue_list", "get", lambda w: "/reception/dialogues/", RECEPTION),
    Endpoint("reception:dialogue_add", "get", lambda w: "/reception/dialogues/add/", RECEPTION),
    Endpoint(
        "reception:dialogue_add",
        "post",
        lambda w: "/reception/dialogues/add/",
        officers(403, officer_other=400, mttq_officer=403, org_admin=403, head_same=302),
        lambda w: {
            "tracking_code": w.rec.petition.tracking_code,
            "held_on": (_today() + dt.timedelta(days=14)).isoformat(),
            "start_time": "09:00",
            "place": "Hội trường",
            "content": "Đối thoại",
            "chair": w.rec.head.pk,
            "p-TOTAL_FORMS": 1,
            "p-INITIAL_FORMS": 0,
            "p-0-role": "complainant",
            "p-0-full_name": "Nguyễn Văn An",
        },
    ),
    Endpoint("reception:dialogue_detail", "get", lambda w: f"/reception/dialogues/{w.rec.dialogue.pk}/", OBJECT_A),
    Endpoint(
        "reception:dialogue_notice",
        "post",
        lambda w: f"/reception/dialogues/{w.rec.dialogue.pk}/notice/",
        HEAD_ONLY_A,
        lambda w: {"sent_on": _today().isoformat(), "method": "Giấy mời"},
    ),
    Endpoint(
        "reception:dialogue_minutes",
        "post",
        lambda w: f"/reception/dialogues/{w.open.dialogue.pk}/minutes/",
        HEAD_ONLY_A,
        lambda w: (
            {"result": "Thống nhất."} | {f"signature_{p.pk}": "signed" for p in w.open.dialogue.participants.all()}
        ),
    ),
    Endpoint(
        "reception:dialogue_minutes_download",
        "get",
        lambda w: f"/reception/dialogues/{w.rec.held_dialogue.pk}/minutes.docx",
        OBJECT_A,
    ),
    Endpoint("reception:complex_list", "get", lambda w: "/reception/complex/", officers(200)),
    Endpoint(
        "reception:complex_add",
        "get",
        lambda w: "/reception/complex/add/",
        officers(403, officer_same=200, officer_other=200, head_same=200, handler_same=200),
    ),
    Endpoint(
        "reception:complex_add",
        "post",
        lambda w: "/reception/complex/add/",
        officers(403, officer_same=302, officer_other=400, head_same=302, handler_same=302),
        _complex,
    ),
    Endpoint("reception:resolution_levels", "get", lambda w: "/reception/complex/levels/", officers(200)),
    Endpoint("reception:complex_detail", "get", lambda w: f"/reception/complex/{w.rec.case.pk}/", AREA_A),
    Endpoint(
        "reception:complex_link_petition",
        "post",
        lambda w: f"/reception/complex/{w.rec.case.pk}/petitions/",
        AREA_WRITE_A,
        lambda w: {"tracking_code": w.rec.petition.tracking_code},
    ),
    Endpoint(
        "reception:roadmap_update",
        "post",
        lambda w: f"/reception/complex/{w.rec.case.pk}/roadmap/",
        AREA_WRITE_A,
        lambda w: {"leader": w.rec.head.pk, "progress": 20, "public_summary": ""},
    ),
    Endpoint(
        "reception:milestone_add",
        "post",
        lambda w: f"/reception/complex/{w.rec.case.pk}/milestones/",
        AREA_WRITE_A,
        lambda w: {
            "title": "Họp dân",
            "owner": w.world.org_a.pk,
            "due_on": (_today() + dt.timedelta(days=60)).isoformat(),
        },
    ),
    Endpoint(
        "reception:complex_resolve",
        "post",
        lambda w: f"/reception/complex/{w.rec.case.pk}/resolve/",
        AREA_WRITE_A,
        lambda w: {"resolved_on": _today().isoformat(), "resolved_by": w.world.org_a.pk, "resolution": "Đã đối thoại."},
    ),
    Endpoint(
        "reception:milestone_update",
        "post",
        lambda w: f"/reception/milestones/{w.rec.milestone.pk}/",
        AREA_WRITE_A,
        lambda w: {"status": "in_progress"},
    ),
    Endpoint("reception:plan_list", "get", lambda w: "/reception/plans/", officers(200)),
    Endpoint(
        "reception:plan_add",
        "post",
        lambda w: "/reception/plans/add/",
        officers(403, head_same=302),
        lambda w: {"organization": w.world.org_a.pk, "year": _today().year + 1, "q1": 0, "q2": 0, "q3": 0, "q4": 0},
    ),
    Endpoint("reception:plan_detail", "get", lambda w: f"/reception/plans/{w.rec.plan.pk}/", AREA_A),
    Endpoint("reception:hotspot_list", "get", lambda w: "/reception/hotspots/", officers(200)),
    Endpoint("reception:hotspot_detail", "get", lambda w: f"/reception/hotspots/{w.rec.hotspot.pk}/", AREA_A),
    Endpoint(
        "reception:hotspot_acknowledge",
        "post",
        lambda w: f"/reception/hotspots/{w.rec.hotspot.pk}/acknowledge/",
        AREA_LEAD_A,
    ),
    Endpoint(
        "reception:hotspot_assign",
        "post",
        lambda w: f"/reception/hotspots/{w.rec.hotspot.pk}/assign/",
        AREA_LEAD_A,
        lambda w: {"assign-organization": w.world.org_a.pk, "assign-note": "Nắm tình hình."},
    ),
    Endpoint(
        "reception:hotspot_close",
        "post",
        lambda w: f"/reception/hotspots/{w.rec.hotspot.pk}/close/",
        AREA_LEAD_A,
        lambda w: {"close-note": "Đã ổn định."},
    ),
    Endpoint("reception:thresholds", "get", lambda w: "/reception/thresholds/", officers(403, system_admin=200)),
    Endpoint(
        "reception:thresholds",
        "post",
        lambda w: "/reception/thresholds/",
        officers(403, system_admin=302),
        lambda w: dict(Threshold.objects.values_list("code", "value")) | {"hotspot-window-days": 21},
    ),
]


def snapshot() -> dict[str, int]:
    counts = {model.__name__: model.objects.count() for model in apps.get_app_config("reception").get_models()}
    counts["audit"] = AuditEvent.objects.count()
    counts["petitions"] = Petition.objects.count()
    counts["notifications"] = Notification.objects.count()
    return counts


def _still_open(rec) -> SimpleNamespace:
    """What the head writes once: a session of commune A held yesterday, with a visit, whose conclusions
    notice is still to be issued, and a dialogue held yesterday whose minutes are still to be recorded."""
    session = ReceptionSession.objects.create(
        organization=rec.session.organization,
        place=rec.session.place,
        kind=rec.session.kind,
        held_on=rec.session.held_on,
        head=rec.session.head,
        position=rec.session.position,
        received_by=rec.session.received_by,
        created_by=rec.session.created_by,
    )
    visit_record(
        actor=rec.session.created_by,
        session=session,
        data=VisitData(
            kind="feedback",
            content_summary="Phản ánh cống thoát nước tắc ở tổ dân phố 2.",
            result="guided",
            complainants=[PersonData("Lê Thị Hoa", address="Tổ dân phố 2")],
            guided_to="Công ty môi trường",
        ),
    )
    dialogue = Dialogue.objects.create(
        organization=rec.dialogue.organization,
        petition=rec.dialogue.petition,
        held_on=_today() - dt.timedelta(days=1),
        start_time=dt.time(9),
        place="Hội trường UBND phường",
        content="Đối thoại về việc thu hồi đất",
        chair=rec.dialogue.chair,
        status=DialogueStatus.NOTIFIED,
        notice_sent_on=_today() - dt.timedelta(days=8),
        notice_method="Giấy mời",
        created_by=rec.dialogue.created_by,
    )
    for participant in rec.dialogue.participants.all():
        DialogueParticipant.objects.create(dialogue=dialogue, role=participant.role, full_name=participant.full_name)
    return SimpleNamespace(session=session, dialogue=dialogue)


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=lambda e: f"{e.name} {e.method}")
def test_endpoint_for_persona(endpoint, persona, world, personas, rec, as_persona):
    context = SimpleNamespace(world=world, rec=rec, personas=personas, open=_still_open(rec))
    client = as_persona(persona)
    expected = endpoint.expected[persona]
    before = snapshot()
    response = call_endpoint(endpoint, client, context)
    assert response.status_code == expected, f"{endpoint.name} {endpoint.method} as {persona}: {response.status_code}"
    succeeded = expected == 200 or (expected == 302 and persona != "anonymous")
    if endpoint.method == "post" and not succeeded:
        assert snapshot() == before, f"denied {endpoint.name} as {persona} changed data"
    if endpoint.method == "post" and succeeded and endpoint.name != "reception:thresholds":
        assert snapshot() != before, f"{endpoint.name} as {persona} changed nothing"


def test_matrix_names_every_persona():
    for endpoint in ENDPOINTS:
        assert set(endpoint.expected) == set(PERSONAS), endpoint.name
