"""Every workflow action on a petition, declared once: its name, label, the statuses it may be taken from
(``danvan.cases.states.ALLOWED_FROM``, which the services check), the permission (a django-rules
permission of danvan/cases/rules.py), the web form, the API body schema and the service it calls.

The case page's action URLs (danvan/cases/urls.py, ``views.case.case_action``) and the API operation
``POST /api/petitions/{id}/transitions/{action}`` are both driven from ``ACTIONS``, so the two cannot
apply different permissions or states (danvan/cases/tests/test_actions_parity.py).

Who may do what (Luật Khiếu nại 2011, Luật Tố cáo 2018, docs/LEGAL_BRIEF): the handling organisation's
reception staff, handlers and head take the intake steps (``PROCESS``); its head signs the decisions —
acceptance (thụ lý), starting the verification and naming the handler, extension, suspension, resumption,
the termination on a withdrawal, the conclusion and closing (``DECIDE``); the assigned handler (or the
head) does the verification work — the dialogue (``HANDLE``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext as _g
from django.utils.translation import gettext_lazy as _
from ninja import Schema
from pydantic import ValidationError

from danvan.accounts.models import Organization, User
from danvan.cases import schemas_actions as s
from danvan.cases.errors import CaseErrorCode, case_error
from danvan.cases.forms import actions as f
from danvan.cases.models import Category, Complexity, Kind, Petition, ResponseStep
from danvan.cases.services import links, workflow
from danvan.cases.states import ALLOWED_FROM
from danvan.core.errors import DomainError

PROCESS, DECIDE, HANDLE = "cases.process_petition", "cases.decide_petition", "cases.handle_petition"

Args = Callable[[Any], dict[str, Any]]


def _always(petition: Petition) -> bool:
    return True


def _no_args(data: Any) -> dict[str, Any]:
    return {}


@dataclass(frozen=True)
class Action:
    name: str
    label: str | Promise
    perm: str
    form: type[f.ActionForm]
    service: Callable[..., object]
    web_args: Args  # the form's cleaned_data → the service's keyword arguments
    done: str | Promise
    # The API body and its reading into the service's arguments; ``None``: a web-only action.
    schema: type[Schema] | None = None
    api_args: Args = _no_args
    applies: Callable[[Petition], bool] = _always  # the page offers it only where it applies
    # The response templates this action offers: (template step, the text field they fill).
    response: tuple[str, str] | None = None

    @property
    def slug(self) -> str:
        return self.name.replace("_", "-")

    @property
    def statuses(self) -> frozenset[str]:
        return ALLOWED_FROM[self.name]

    def run_web(self, user: User, petition: Petition, data: dict[str, Any]) -> object:
        return self.service(actor=user, petition=petition, **self.web_args(data))

    def run_api(self, user: User, petition: Petition, body: Schema) -> object:
        return self.service(actor=user, petition=petition, **self.api_args(body))


# --- Reading an API body ----------------------------------------------------------------------------


def invalid(fields: dict[str, list[str]]) -> DomainError:
    return case_error(CaseErrorCode.INVALID, fields=fields)  # config.api answers "invalid" with 422


def api_body(action: Action, values: dict[str, Any]) -> Schema:
    """``values`` read through the action's schema; a missing, null or empty required field is a 422."""
    assert action.schema is not None
    try:
        return action.schema.model_validate(values)
    except ValidationError as exc:
        fields: dict[str, list[str]] = {}
        for error in exc.errors():
            name = ".".join(str(part) for part in error["loc"]) or "body"
            blank = error["type"] == "missing" or error.get("input") in (None, "")
            fields.setdefault(name, []).append(_g("This field is required.") if blank else str(error["msg"]))
        raise invalid(fields) from None


def _organization(organization_id: int) -> Organization:
    organization = Organization.objects.filter(pk=organization_id, is_active=True).first()
    if organization is None:
        raise invalid({"to_organization_id": [_g("No active organisation has this id.")]})
    return organization


def _handler(user_id: int) -> User:
    handler = User.objects.filter(pk=user_id, is_active=True).first()
    if handler is None:
        raise invalid({"handler_id": [_g("No active user has this id.")]})
    return handler


def _category_id(code: str | None) -> int | None:
    if not code:
        return None
    category = Category.objects.filter(code=code, is_active=True).first()
    if category is None:
        raise invalid({"category": [_g("No category has this code.")]})
    return category.pk


def _reason(data: Any) -> dict[str, Any]:
    return {"reason": data["reason"] if isinstance(data, dict) else data.reason}


# --- The actions ------------------------------------------------------------------------------------

ACTIONS: list[Action] = [
    Action(
        "classify",
        _("Classify"),
        PROCESS,
        f.ClassifyForm,
        workflow.petition_classify,
        lambda d: {
            "eligible": d["eligible"],
            "within_competence": d["within_competence"],
            "category_id": d["category"].pk if d.get("category") else None,
            "reason": d["reason"],
        },
        _("The petition was classified."),
        s.ClassifyIn,
        lambda b: {
            "eligible": b.eligible,
            "within_competence": b.within_competence,
            "category_id": _category_id(b.category),
            "reason": b.reason,
        },
    ),
    Action(
        "accept",
        _("Accept for resolution"),
        DECIDE,
        f.AcceptForm,
        workflow.petition_accept,
        lambda d: {"on": d["accepted_on"]},
        _("The petition was accepted for resolution."),
        s.AcceptIn,
        lambda b: {"on": b.on},
    ),
    Action(
        "forward",
        _("Forward to the competent organisation"),
        PROCESS,
        f.ForwardForm,
        workflow.petition_forward,
        lambda d: {"to_organization": d["to_organization"], "reason": d["reason"]},
        _("The petition was forwarded."),
        s.ForwardIn,
        lambda b: {"to_organization": _organization(b.to_organization_id), "reason": b.reason},
    ),
    Action(
        "acknowledge",
        _("Acknowledge the forwarded petition"),
        PROCESS,
        f.EmptyForm,
        workflow.petition_acknowledge,
        _no_args,
        _("The forwarded petition was acknowledged."),
        s.NoBodyIn,
    ),
    Action(
        "guide",
        _("Guide the citizen to the competent body"),
        PROCESS,
        f.GuideForm,
        workflow.petition_guide,
        lambda d: {"guidance": d["guidance"], "competent_body": d["competent_body"]},
        _("The guidance was recorded."),
        s.GuideIn,
        lambda b: {"guidance": b.guidance, "competent_body": b.competent_body},
        response=(ResponseStep.GUIDANCE, "guidance"),
    ),
    Action(
        "archive",
        _("Archive (not accepted)"),
        PROCESS,
        f.ArchiveForm,
        workflow.petition_archive,
        lambda d: {"ground": d["ground"], "reason": d["reason"]},
        _("The petition was archived."),
        s.ArchiveIn,
        lambda b: {"ground": b.ground, "reason": b.reason},
        response=(ResponseStep.REFUSAL, "reason"),
    ),
    Action(
        "inspection_lead",
        _("Record as information for inspection"),
        PROCESS,
        f.OptionalReasonForm,
        workflow.petition_mark_inspection_lead,
        _reason,
        _("The information was recorded for inspection."),
        s.OptionalReasonIn,
        _reason,
        applies=lambda p: p.kind == Kind.DENUNCIATION and p.is_anonymous,
    ),
    Action(
        "start_verification",
        _("Start verification"),
        DECIDE,
        f.VerificationForm,
        workflow.petition_start_verification,
        lambda d: {"handler": d["handler"], "complexity": d["complexity"]},
        _("Verification started."),
        s.StartVerificationIn,
        lambda b: {
            "handler": _handler(b.handler_id),
            "complexity": b.complexity or Complexity.SIMPLE,
            "criteria": b.criteria,
        },
    ),
    Action(
        "assign",
        _("Assign a handler"),
        DECIDE,
        f.HandlerForm,
        workflow.petition_assign,
        lambda d: {"handler": d["handler"]},
        _("The handler was assigned."),
        s.AssignIn,
        lambda b: {"handler": _handler(b.handler_id)},
    ),
    Action(
        "dialogue",
        _("Record a dialogue"),
        HANDLE,
        f.DialogueForm,
        workflow.petition_record_dialogue,
        lambda d: {"notified_on": d["notified_on"], "held_on": d["held_on"], "minutes": d["minutes"]},
        _("The dialogue was recorded."),
        s.DialogueIn,
        lambda b: {"notified_on": b.notified_on, "held_on": b.held_on, "minutes": b.minutes},
    ),
    Action(
        "extend",
        _("Extend the time limit"),
        DECIDE,
        f.ReasonForm,
        workflow.petition_extend,
        _reason,
        _("The time limit was extended."),
        s.ReasonIn,
        _reason,
        applies=lambda p: p.kind in (Kind.COMPLAINT, Kind.DENUNCIATION),
    ),
    Action(
        "suspend",
        _("Suspend"),
        DECIDE,
        f.ReasonForm,
        workflow.petition_suspend,
        _reason,
        _("The resolution was suspended."),
        s.ReasonIn,
        _reason,
    ),
    Action(
        "resume",
        _("Resume"),
        DECIDE,
        f.OptionalReasonForm,
        workflow.petition_resume,
        _reason,
        _("The resolution was resumed."),
        s.OptionalReasonIn,
        _reason,
    ),
    Action(
        "withdraw",
        _("Record a withdrawal"),
        DECIDE,
        f.WithdrawForm,
        workflow.petition_withdraw,
        lambda d: {"full": d["scope"] == "full", "content": d["content"]},
        _("The withdrawal was recorded."),
        s.WithdrawIn,
        lambda b: {"full": b.full, "content": b.content},
    ),
    Action(
        "conclude",
        _("Conclude and answer"),
        DECIDE,
        f.ConcludeForm,
        workflow.petition_conclude,
        lambda d: {"outcome": d["outcome"], "answer": d["answer"]},
        _("The conclusion was recorded."),
        s.ConcludeIn,
        lambda b: {"outcome": b.outcome, "answer": b.answer, "on": b.on},
        response=(ResponseStep.CONCLUSION, "answer"),
    ),
    Action(
        "close",
        _("Close the case"),
        DECIDE,
        f.EmptyForm,
        workflow.petition_close,
        _no_args,
        _("The case was closed."),
        s.NoBodyIn,
    ),
    # Web only: the other petition is found by tracking code through the user's scope and the duplicate
    # detector (forms.actions.TrackingCodeForm), the parts of a split through their sub-forms.
    Action(
        "duplicate",
        _("Mark as a duplicate"),
        PROCESS,
        f.TrackingCodeForm,
        links.petition_mark_duplicate,
        lambda d: {"canonical": d["code"]},
        _("The petition was marked as a duplicate."),
    ),
    Action(
        "link",
        _("Link a related petition"),
        PROCESS,
        f.TrackingCodeForm,
        links.petition_link_related,
        lambda d: {"other": d["code"]},
        _("The petitions were linked."),
    ),
    Action(
        "split",
        _("Split into separate petitions"),
        PROCESS,
        f.SplitForm,
        links.petition_split,
        lambda d: {"parts": d["parts"]},
        _("The petition was split."),
    ),
]
BY_NAME = {action.name: action for action in ACTIONS}
API_ACTIONS = {action.name: action for action in ACTIONS if action.schema is not None}
BY_RESPONSE_STEP = {action.response[0]: action for action in ACTIONS if action.response is not None}


def available_actions(*, user: User, petition: Petition) -> list[Action]:
    """The actions this user may take on the petition at its current step (what the page offers)."""
    return [
        action
        for action in ACTIONS
        if petition.status in action.statuses and action.applies(petition) and user.has_perm(action.perm, petition)
    ]


def action_form(
    action: Action, *, user: User, petition: Petition, data: Any = None, initial: dict[str, Any] | None = None
) -> f.ActionForm:
    return action.form(data, petition=petition, user=user, prefix=action.name, initial=initial)


def api_fields_doc() -> str:
    """One line per API action: the fields its body reads (* required)."""

    def fields(schema: type[Schema]) -> str:
        names = [f"{n}*" if info.is_required() else n for n, info in schema.model_fields.items()]
        return ", ".join(names) or "—"

    return " · ".join(f"{name}: {fields(a.schema)}" for name, a in API_ACTIONS.items() if a.schema is not None)
