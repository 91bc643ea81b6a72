"""Every HTML view of the petitions module × every persona, against a petition received by commune A's
People's Committee (org_a) and brought to the step the endpoint needs. Denied POSTs change nothing.

Who is who (danvan.testing): officer_same is a reception officer of org_a (processes, never decides),
head_same heads org_a (processes and decides), handler_same is a case handler of org_a assigned to the
petition under verification (processes and handles), officer_other a reception officer of org_b (commune
B), province_inspector reads the whole province, mttq_officer and org_admin see commune A without a
processing role, system_admin sees everything but decides nothing.

The workflow actions' rows come from their declaration (danvan/cases/actions.py): the expected answers
follow each action's permission, an allowed action changes the petition, a refused one changes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from danvan.accounts.models import Role
from danvan.audit.models import AuditEvent
from danvan.cases.actions import ACTIONS, DECIDE, HANDLE, PROCESS, Action
from danvan.cases.models import CaseEvent, Petition, ResponseStep, ResponseTemplate
from danvan.cases.services import workflow
from danvan.cases.services.intake import PartyData, PetitionData, petition_submit
from danvan.cases.views.intake import issue_form_token
from danvan.testing import PERSONAS, World, make_user
from danvan.testing.matrix import ALL, Endpoint, call_endpoint, is_denied, officers

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@dataclass
class CaseEndpoint(Endpoint):
    state: str = "received"  # the step the petition is brought to before the request


def case(action: str, expected: dict[str, int], data=lambda w: {}, state: str = "received") -> CaseEndpoint:
    slug = action.replace("_", "-")
    return CaseEndpoint(
        f"cases:{action}", "post", lambda w: f"/petitions/{w.petition.pk}/{slug}/", expected, data, state=state
    )


def prefixed(prefix: str, **values) -> dict[str, object]:
    return {f"{prefix}-{key}": value for key, value in values.items()}


def citizen_form(w) -> dict[str, object]:
    return {
        "form_token": issue_form_token(),
        "kind": "recommendation",
        "province": w.province.pk,
        "unit": w.commune_a.pk,
        "subject": "Đèn đường hỏng",
        "content": "Đèn đường tổ 3 hỏng đã hai tuần, đề nghị sửa chữa.",
        "people_count": 1,
        "full_name": "Trần Thị Bình",
    }


def officer_form(w) -> dict[str, object]:
    return citizen_form(w) | {"channel": "post", "received_on": timezone.localdate().isoformat()}


PUBLIC = {
    "cases:submit",
    "cases:submitted",
    "cases:track_lookup",
    "cases:track_detail",
    "cases:track_rate",
    "cases:track_reopen",
}
# Processing by org_a's staff: its reception officer, handler and head.
PROCESS_ONLY_SAME = officers(403, officer_other=404, officer_same=302, head_same=302, handler_same=302)
DECISION = officers(403, officer_other=404, head_same=302)  # only org_a's head decides
HANDLING = officers(403, officer_other=404, head_same=302, handler_same=302)  # the assigned handler or the head
BY_PERMISSION = {PROCESS: PROCESS_ONLY_SAME, DECIDE: DECISION, HANDLE: HANDLING}
# A template of org_a: its members see it, its administrator manages it; outsiders get a 404.
TEMPLATE_OF_ORG_A = officers(404, officer_same=403, org_admin=200, system_admin=403, head_same=200, handler_same=403)
BODY = "Kính gửi: {citizen_name}\n\n{organization} đã nhận được đơn ngày {received_on}."
today = timezone.localdate

# Each declared action: (the step its petition is brought to, the form's data, the answers that differ from
# those of its permission because of that step).
ACTION_ROWS: dict[str, tuple[str, Callable[[World], dict[str, object]], dict[str, int]]] = {
    "classify": ("received", lambda w: prefixed("classify", eligible="on", within_competence="on"), {}),
    "accept": ("classified", lambda w: {}, {}),
    "forward": ("received", lambda w: prefixed("forward", to_organization=w.org_b.pk), {}),
    # Forwarded to org_b: org_b's reception acknowledges; org_a still sees what it forwarded; the MTTQ
    # of commune A no longer sees it.
    "acknowledge": (
        "forwarded",
        lambda w: {},
        {"officer_other": 302, "officer_same": 403, "head_same": 403, "handler_same": 403, "mttq_officer": 404},
    ),
    "guide": (
        "received",
        lambda w: prefixed("guide", competent_body="Tòa án nhân dân khu vực 1", guidance="Gửi đơn đến Tòa án."),
        {},
    ),
    "archive": ("received", lambda w: prefixed("archive", ground="kn11_6"), {}),
    "inspection_lead": ("anonymous_denunciation", lambda w: {}, {}),
    "start_verification": (
        "accepted",
        lambda w: prefixed("start_verification", handler=w.head.pk, complexity="simple"),
        {},
    ),
    "assign": ("accepted", lambda w: prefixed("assign", handler=w.head.pk), {}),
    "dialogue": (
        "verification",
        lambda w: prefixed(
            "dialogue",
            notified_on=(today() - dt.timedelta(days=8)).isoformat(),
            held_on=(today() - dt.timedelta(days=1)).isoformat(),
            minutes="Hai bên trình bày ý kiến.",
        ),
        {},
    ),
    "extend": ("accepted", lambda w: prefixed("extend", reason="Vụ việc phức tạp"), {}),
    "suspend": ("accepted", lambda w: prefixed("suspend", reason="Chờ kết quả giám định"), {}),
    "resume": ("suspended", lambda w: {}, {}),
    "withdraw": ("received", lambda w: prefixed("withdraw", scope="full", content="Rút toàn bộ đơn"), {}),
    "conclude": ("accepted", lambda w: prefixed("conclude", outcome="right", answer="Khiếu nại đúng."), {}),
    "close": ("concluded", lambda w: {}, {}),
    "duplicate": ("received", lambda w: prefixed("duplicate", code=w.other.tracking_code), {}),
    "link": ("received", lambda w: prefixed("link", code=w.other.tracking_code), {}),
    "split": (
        "received",
        lambda w: prefixed(
            "split",
            kind_1="complaint_1",
            subject_1="Khiếu nại thu hồi đất",
            content_1="Khiếu nại quyết định thu hồi đất.",
            kind_2="denunciation",
            subject_2="Tố cáo cán bộ địa chính",
            content_2="Tố cáo cán bộ địa chính nhận tiền.",
        ),
        {},
    ),
}


def action_row(action: Action) -> CaseEndpoint:
    """The row of a declared action: its URL, and the answers its permission gives at its row's step."""
    state, data, differences = ACTION_ROWS[action.name]
    return case(action.name, BY_PERMISSION[action.perm] | differences, data, state)


ENDPOINTS: list[Endpoint] = [
    Endpoint("cases:submit", "get", lambda w: "/petitions/new/", ALL),
    Endpoint("cases:submit", "post", lambda w: "/petitions/new/", dict.fromkeys(PERSONAS, 302), citizen_form),
    Endpoint("cases:submitted", "get", lambda w: "/petitions/new/done/", ALL),
    Endpoint("cases:track_lookup", "get", lambda w: "/petitions/track/", ALL),
    Endpoint(
        "cases:track_lookup",
        "post",
        lambda w: "/petitions/track/",
        dict.fromkeys(PERSONAS, 302),
        lambda w: {"code": w.petition.tracking_code, "secret": w.secret},
    ),
    Endpoint(
        "cases:track_detail",
        "get",
        lambda w: f"/petitions/track/{w.petition.tracking_code}/?s={w.secret}",
        dict.fromkeys(PERSONAS, 302),
    ),
    CaseEndpoint(
        "cases:track_rate",
        "post",
        lambda w: f"/petitions/track/{w.petition.tracking_code}/rate/",
        dict.fromkeys(PERSONAS, 302),
        lambda w: {"s": w.secret, "rating": 5, "comment": "Cảm ơn"},
        state="closed",
    ),
    CaseEndpoint(
        "cases:track_reopen",
        "post",
        lambda w: f"/petitions/track/{w.petition.tracking_code}/reopen/",
        dict.fromkeys(PERSONAS, 302),
        lambda w: {"s": w.secret, "reason": "Chưa sửa xong"},
        state="closed",
    ),
    Endpoint("cases:inbox", "get", lambda w: "/petitions/inbox/", officers(200)),
    Endpoint(
        "cases:bulk_assign",
        "post",
        lambda w: "/petitions/inbox/assign/",
        officers(403, head_same=302),
        lambda w: {"bulk-petitions": [w.petition.pk], "bulk-handler": w.head.pk},
    ),
    Endpoint(
        "cases:officer_entry",
        "get",
        lambda w: "/petitions/new-entry/",
        officers(403, officer_same=200, officer_other=200, head_same=200, handler_same=200),
    ),
    Endpoint(
        "cases:officer_entry",
        "post",
        lambda w: "/petitions/new-entry/",
        officers(403, officer_same=302, officer_other=302, head_same=302, handler_same=302),
        officer_form,
    ),
    Endpoint(
        "cases:petition_detail", "get", lambda w: f"/petitions/{w.petition.pk}/", officers(200, officer_other=404)
    ),
    Endpoint(
        "cases:attachment_download",
        "get",
        lambda w: f"/petitions/{w.petition.pk}/attachments/{w.attachment.pk}/",
        officers(200, officer_other=404),
    ),
    CaseEndpoint(
        "cases:document_download",
        "get",
        lambda w: f"/petitions/{w.petition.pk}/documents/{w.document.pk}/",
        officers(200, officer_other=404),
        state="accepted",
    ),
    # Only a browser that opened the petition with its secret downloads its documents: no persona did.
    CaseEndpoint(
        "cases:track_document",
        "get",
        lambda w: f"/petitions/track/{w.petition.tracking_code}/documents/{w.document.pk}/",
        dict.fromkeys(PERSONAS, 404),
        state="accepted",
    ),
    # Internal notes: the handling organisation's processing staff, its head and the assigned handler.
    Endpoint(
        "cases:note_add",
        "post",
        lambda w: f"/petitions/{w.petition.pk}/notes/",
        PROCESS_ONLY_SAME,
        lambda w: {"note-text": "Đã gọi điện cho tổ trưởng tổ dân phố."},
    ),
    # A guidance template fills the guidance form: those who may guide (org_a's reception).
    Endpoint(
        "cases:response_fill",
        "get",
        lambda w: f"/petitions/{w.petition.pk}/response-text/?template={w.system_template.pk}",
        officers(403, officer_other=404, officer_same=200, head_same=200, handler_same=200),
    ),
    Endpoint("cases:response_templates", "get", lambda w: "/petitions/response-templates/", officers(200)),
    # org_a's administrator writes org_a's templates; the system administrator the system-wide ones.
    Endpoint(
        "cases:response_template_create",
        "post",
        lambda w: "/petitions/response-templates/new/",
        officers(403, org_admin=302, system_admin=302, head_same=302),
        lambda w: {"title": "Trả lời phản ánh đèn đường", "step": "conclusion", "kind": "feedback", "body": BODY},
    ),
    Endpoint(
        "cases:response_template_edit",
        "get",
        lambda w: f"/petitions/response-templates/{w.template.pk}/",
        TEMPLATE_OF_ORG_A,
    ),
    Endpoint(
        "cases:response_template_edit",
        "post",
        lambda w: f"/petitions/response-templates/{w.template.pk}/",
        TEMPLATE_OF_ORG_A | {"org_admin": 302, "head_same": 302},
        lambda w: {"title": "Hướng dẫn (sửa)", "step": "guidance", "body": BODY, "is_active": "on"},
    ),
    Endpoint(
        "cases:response_template_edit",
        "post",
        lambda w: f"/petitions/response-templates/{w.system_template.pk}/",
        officers(403, system_admin=302),
        lambda w: {"title": "Hướng dẫn chung (sửa)", "step": "guidance", "body": BODY, "is_active": "on"},
    ),
    *[action_row(action) for action in ACTIONS],
]


def _submit(world: World, **overrides) -> tuple[Petition, str]:
    values = {
        "kind": "complaint",
        "complaint_round": 1,
        "subject": "Khiếu nại quyết định thu hồi đất",
        "content": "Tôi khiếu nại Quyết định số 15/QĐ-UBND về việc thu hồi đất nông nghiệp.",
        "unit": world.commune_a,
        "decision_date": today() - dt.timedelta(days=60),
        "parties": [PartyData(full_name="Nguyễn Văn An", personal_id="001085012345", birth_year=1985)],
        "attachments": [SimpleUploadedFile("don.pdf", PDF, content_type="application/pdf")],
    }
    values.update(overrides)
    submission = petition_submit(actor=None, data=PetitionData(**values), receiving_organization=world.org_a)
    return submission.petition, submission.secret


def prepare(world: World, state: str, personas) -> None:
    """Bring a petition of org_a to ``state`` through the services, as org_a's head would."""
    head = make_user("head_a", org=world.org_a, role=Role.UNIT_HEAD)
    if state == "anonymous_denunciation":
        petition, secret = _submit(world, kind="denunciation", complaint_round=None, is_anonymous=True, parties=[])
    else:
        petition, secret = _submit(world)
    other, _ = _submit(world, subject="Khiếu nại về bồi thường", attachments=[])
    if state == "forwarded":
        petition = workflow.petition_forward(actor=head, petition=petition, to_organization=world.org_b)
    if state in ("classified", "accepted", "verification", "suspended", "concluded", "closed"):
        petition = workflow.petition_classify(actor=head, petition=petition, eligible=True, within_competence=True)
    if state in ("accepted", "verification", "suspended", "concluded", "closed"):
        petition = workflow.petition_accept(actor=head, petition=petition)
    if state == "verification":
        petition = workflow.petition_start_verification(actor=head, petition=petition, handler=personas["handler_same"])
    if state == "suspended":
        petition = workflow.petition_suspend(actor=head, petition=petition, reason="Chờ giám định")
    if state in ("concluded", "closed"):
        petition = workflow.petition_conclude(actor=head, petition=petition, outcome="right", answer="Đúng.")
    if state == "closed":
        petition = workflow.petition_close(actor=head, petition=petition)
    world.petition, world.secret, world.other, world.head = petition, secret, other, head
    world.attachment = petition.attachments.first()
    world.document = petition.documents.first()
    world.template = ResponseTemplate.objects.create(
        organization=world.org_a, title="Hướng dẫn của phường", step=ResponseStep.GUIDANCE, body=BODY
    )
    world.system_template = ResponseTemplate.objects.filter(organization=None, step=ResponseStep.GUIDANCE).first()


@pytest.fixture(autouse=True)
def _no_rate_limits_left_over():
    cache.clear()
    yield
    cache.clear()


def _snapshot(world) -> tuple[object, ...]:
    world.petition.refresh_from_db()
    return (
        world.petition.status,
        world.petition.handler_id,
        Petition.objects.count(),
        CaseEvent.objects.count(),
        AuditEvent.objects.count(),
        sorted(ResponseTemplate.objects.values_list("pk", "title", "body", "is_active")),
    )


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=lambda e: f"{e.method} {e.name}")
def test_endpoint_for_persona(endpoint: Endpoint, persona: str, world, personas, as_persona):
    prepare(world, getattr(endpoint, "state", "received"), personas)
    client = as_persona(persona)
    expected = endpoint.expected[persona]
    before = _snapshot(world)
    response = call_endpoint(endpoint, client, world)
    assert response.status_code == expected, f"{endpoint.method} {endpoint.name} as {persona}: {response.status_code}"
    # A citizen page answers anonymous visitors with a 302 on success, not a redirect to the login.
    denied = is_denied(expected, persona) and endpoint.name not in PUBLIC
    if endpoint.method == "post" and denied:
        assert _snapshot(world) == before, f"denied {endpoint.name} as {persona} changed data"
    if isinstance(endpoint, CaseEndpoint) and endpoint.name.removeprefix("cases:") in ACTION_ROWS and not denied:
        assert _snapshot(world) != before, f"allowed {endpoint.name} as {persona} changed nothing"


def test_every_case_action_has_a_row():
    assert set(ACTION_ROWS) == {a.name for a in ACTIONS}
    assert {f"cases:{a.name}" for a in ACTIONS} <= {e.name for e in ENDPOINTS}


def test_every_declared_action_is_allowed_to_some_persona():
    """No declared action is tested only for its refusals."""
    for action in ACTIONS:
        row = BY_PERMISSION[action.perm] | ACTION_ROWS[action.name][2]
        assert 302 in row.values(), action.name
