"""The actions on a case page: one POST URL each, its form, its permission, and the service it calls.

``statuses`` only decides which forms the page offers now; the service is what refuses a transition
that is not allowed (409), so the two cannot disagree in a harmful way.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from danvan.accounts.models import User
from danvan.cases.forms import actions as f
from danvan.cases.models import Kind, Petition, ResponseStep, Status
from danvan.cases.models.choices import OPEN_STATUSES
from danvan.cases.services import links, workflow

PROCESS, DECIDE, HANDLE = "cases.process_petition", "cases.decide_petition", "cases.handle_petition"
INTAKE = frozenset({Status.RECEIVED, Status.CLASSIFIED})
RESOLVING = frozenset(workflow.RESOLVING)

Run = Callable[[User, Petition, dict[str, Any]], object]


@dataclass(frozen=True)
class Action:
    name: str
    label: str | Promise
    perm: str
    statuses: frozenset[str]
    form: type[f.ActionForm]
    run: Run
    done: str | Promise
    applies: Callable[[Petition], bool] = lambda petition: True
    # The response templates this action offers: (template step, the text field they fill).
    response: tuple[str, str] | None = None

    @property
    def slug(self) -> str:
        return self.name.replace("_", "-")


def _category_id(data: dict[str, Any]) -> int | None:
    return data["category"].pk if data.get("category") else None


ACTIONS: list[Action] = [
    Action(
        "classify",
        _("Classify"),
        PROCESS,
        INTAKE,
        f.ClassifyForm,
        lambda u, p, d: workflow.petition_classify(
            actor=u,
            petition=p,
            eligible=d["eligible"],
            within_competence=d["within_competence"],
            category_id=_category_id(d),
            reason=d["reason"],
        ),
        _("The petition was classified."),
    ),
    Action(
        "accept",
        _("Accept for resolution"),
        DECIDE,
        frozenset({Status.CLASSIFIED}),
        f.AcceptForm,
        lambda u, p, d: workflow.petition_accept(actor=u, petition=p, on=d["accepted_on"]),
        _("The petition was accepted for resolution."),
    ),
    Action(
        "forward",
        _("Forward to the competent organisation"),
        PROCESS,
        INTAKE,
        f.ForwardForm,
        lambda u, p, d: workflow.petition_forward(
            actor=u, petition=p, to_organization=d["to_organization"], reason=d["reason"]
        ),
        _("The petition was forwarded."),
    ),
    Action(
        "acknowledge",
        _("Acknowledge the forwarded petition"),
        PROCESS,
        frozenset({Status.FORWARDED}),
        f.EmptyForm,
        lambda u, p, d: workflow.petition_acknowledge(actor=u, petition=p),
        _("The forwarded petition was acknowledged."),
    ),
    Action(
        "guide",
        _("Guide the citizen to the competent body"),
        PROCESS,
        INTAKE,
        f.GuideForm,
        lambda u, p, d: workflow.petition_guide(
            actor=u, petition=p, guidance=d["guidance"], competent_body=d["competent_body"]
        ),
        _("The guidance was recorded."),
        response=(ResponseStep.GUIDANCE, "guidance"),
    ),
    Action(
        "archive",
        _("Archive (not accepted)"),
        PROCESS,
        INTAKE,
        f.ArchiveForm,
        lambda u, p, d: workflow.petition_archive(actor=u, petition=p, ground=d["ground"], reason=d["reason"]),
        _("The petition was archived."),
        response=(ResponseStep.REFUSAL, "reason"),
    ),
    Action(
        "inspection_lead",
        _("Record as information for inspection"),
        PROCESS,
        INTAKE,
        f.OptionalReasonForm,
        lambda u, p, d: workflow.petition_mark_inspection_lead(actor=u, petition=p, reason=d["reason"]),
        _("The information was recorded for inspection."),
        applies=lambda p: p.kind == Kind.DENUNCIATION and p.is_anonymous,
    ),
    Action(
        "start_verification",
        _("Start verification"),
        DECIDE,
        frozenset({Status.ACCEPTED, Status.VERIFICATION}),
        f.VerificationForm,
        lambda u, p, d: workflow.petition_start_verification(
            actor=u, petition=p, handler=d["handler"], complexity=d["complexity"]
        ),
        _("Verification started."),
    ),
    Action(
        "assign",
        _("Assign a handler"),
        DECIDE,
        OPEN_STATUSES,
        f.HandlerForm,
        lambda u, p, d: workflow.petition_assign(actor=u, petition=p, handler=d["handler"]),
        _("The handler was assigned."),
    ),
    Action(
        "dialogue",
        _("Record a dialogue"),
        HANDLE,
        frozenset({Status.VERIFICATION, Status.DIALOGUE}),
        f.DialogueForm,
        lambda u, p, d: workflow.petition_record_dialogue(
            actor=u, petition=p, notified_on=d["notified_on"], held_on=d["held_on"], minutes=d["minutes"]
        ),
        _("The dialogue was recorded."),
    ),
    Action(
        "extend",
        _("Extend the time limit"),
        DECIDE,
        RESOLVING,
        f.ReasonForm,
        lambda u, p, d: workflow.petition_extend(actor=u, petition=p, reason=d["reason"]),
        _("The time limit was extended."),
        applies=lambda p: p.kind in (Kind.COMPLAINT, Kind.DENUNCIATION),
    ),
    Action(
        "suspend",
        _("Suspend"),
        DECIDE,
        RESOLVING,
        f.ReasonForm,
        lambda u, p, d: workflow.petition_suspend(actor=u, petition=p, reason=d["reason"]),
        _("The resolution was suspended."),
    ),
    Action(
        "resume",
        _("Resume"),
        DECIDE,
        frozenset({Status.SUSPENDED}),
        f.OptionalReasonForm,
        lambda u, p, d: workflow.petition_resume(actor=u, petition=p, reason=d["reason"]),
        _("The resolution was resumed."),
    ),
    Action(
        "withdraw",
        _("Record a withdrawal"),
        PROCESS,
        OPEN_STATUSES,
        f.WithdrawForm,
        lambda u, p, d: workflow.petition_withdraw(
            actor=u, petition=p, full=d["scope"] == "full", content=d["content"]
        ),
        _("The withdrawal was recorded."),
    ),
    Action(
        "conclude",
        _("Conclude and answer"),
        DECIDE,
        frozenset({Status.ACCEPTED, Status.VERIFICATION, Status.DIALOGUE}),
        f.ConcludeForm,
        lambda u, p, d: workflow.petition_conclude(actor=u, petition=p, outcome=d["outcome"], answer=d["answer"]),
        _("The conclusion was recorded."),
        response=(ResponseStep.CONCLUSION, "answer"),
    ),
    Action(
        "close",
        _("Close the case"),
        DECIDE,
        frozenset({Status.CONCLUDED}),
        f.EmptyForm,
        lambda u, p, d: workflow.petition_close(actor=u, petition=p),
        _("The case was closed."),
    ),
    Action(
        "duplicate",
        _("Mark as a duplicate"),
        PROCESS,
        OPEN_STATUSES | {Status.FORWARDED},
        f.TrackingCodeForm,
        lambda u, p, d: links.petition_mark_duplicate(actor=u, petition=p, canonical=d["code"]),
        _("The petition was marked as a duplicate."),
    ),
    Action(
        "link",
        _("Link a related petition"),
        PROCESS,
        frozenset(Status.values),
        f.TrackingCodeForm,
        lambda u, p, d: links.petition_link_related(actor=u, petition=p, other=d["code"]),
        _("The petitions were linked."),
    ),
    Action(
        "split",
        _("Split into separate petitions"),
        PROCESS,
        INTAKE,
        f.SplitForm,
        lambda u, p, d: links.petition_split(actor=u, petition=p, parts=d["parts"]),
        _("The petition was split."),
    ),
]
BY_NAME = {action.name: action for action in ACTIONS}
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
