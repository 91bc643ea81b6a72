"""What each workflow action of the API needs: the permission (rules.py), the required body fields and
the service it calls — the same services as the HTML views."""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext as _

from danvan.accounts.models import Organization, User
from danvan.cases.errors import CaseErrorCode, case_error
from danvan.cases.models import Category, Complexity, Petition
from danvan.cases.schemas import TransitionAction, TransitionIn
from danvan.cases.services import workflow
from danvan.core.errors import DomainError


def invalid(fields: dict[str, list[str]]) -> DomainError:
    return case_error(CaseErrorCode.INVALID, fields=fields)  # config.api answers "invalid" with 422


# Intake steps: the handling organisation's reception officers, handlers and head. Decisions: its head.
# Verification: the assigned handler or the head (danvan/cases/rules.py).
PROCESS, DECIDE, HANDLE = "cases.process_petition", "cases.decide_petition", "cases.handle_petition"


@dataclass(frozen=True)
class Transition:
    perm: str
    required: tuple[str, ...]
    run: Callable[[User, Petition, TransitionIn], Petition]


def _organization(organization_id: int | None) -> Organization:
    organization = None
    if organization_id is not None:
        organization = Organization.objects.filter(pk=organization_id, is_active=True).first()
    if organization is None:
        raise invalid({"to_organization_id": [_("No active organisation has this id.")]})
    return organization


def _handler(user_id: int | None) -> User:
    handler = None
    if user_id is not None:
        handler = User.objects.filter(pk=user_id, is_active=True).first()
    if handler is None:
        raise invalid({"handler_id": [_("No active user has this id.")]})
    return handler


def _category_id(code: str | None) -> int | None:
    if not code:
        return None
    category = Category.objects.filter(code=code, is_active=True).first()
    if category is None:
        raise invalid({"category": [_("No category has this code.")]})
    return category.pk


TRANSITIONS: dict[TransitionAction, Transition] = {
    TransitionAction.CLASSIFY: Transition(
        PROCESS,
        ("eligible", "within_competence"),
        lambda u, p, b: workflow.petition_classify(
            actor=u,
            petition=p,
            eligible=bool(b.eligible),
            within_competence=bool(b.within_competence),
            category_id=_category_id(b.category),
            reason=b.reason,
        ),
    ),
    TransitionAction.ACCEPT: Transition(
        DECIDE, (), lambda u, p, b: workflow.petition_accept(actor=u, petition=p, on=b.on)
    ),
    TransitionAction.FORWARD: Transition(
        PROCESS,
        ("to_organization_id",),
        lambda u, p, b: workflow.petition_forward(
            actor=u, petition=p, to_organization=_organization(b.to_organization_id), reason=b.reason
        ),
    ),
    TransitionAction.ACKNOWLEDGE: Transition(
        PROCESS, (), lambda u, p, b: workflow.petition_acknowledge(actor=u, petition=p)
    ),
    TransitionAction.GUIDE: Transition(
        PROCESS,
        ("guidance", "competent_body"),
        lambda u, p, b: workflow.petition_guide(
            actor=u, petition=p, guidance=b.guidance, competent_body=b.competent_body
        ),
    ),
    TransitionAction.ARCHIVE: Transition(
        PROCESS,
        ("ground",),
        lambda u, p, b: workflow.petition_archive(actor=u, petition=p, ground=b.ground, reason=b.reason),
    ),
    TransitionAction.START_VERIFICATION: Transition(
        HANDLE,
        ("handler_id",),
        lambda u, p, b: workflow.petition_start_verification(
            actor=u,
            petition=p,
            handler=_handler(b.handler_id),
            complexity=b.complexity or Complexity.SIMPLE,
            criteria=b.criteria,
        ),
    ),
    TransitionAction.ASSIGN: Transition(
        DECIDE,
        ("handler_id",),
        lambda u, p, b: workflow.petition_assign(actor=u, petition=p, handler=_handler(b.handler_id)),
    ),
    TransitionAction.EXTEND: Transition(
        DECIDE, ("reason",), lambda u, p, b: workflow.petition_extend(actor=u, petition=p, reason=b.reason)
    ),
    TransitionAction.SUSPEND: Transition(
        DECIDE, ("reason",), lambda u, p, b: workflow.petition_suspend(actor=u, petition=p, reason=b.reason)
    ),
    TransitionAction.RESUME: Transition(
        DECIDE, (), lambda u, p, b: workflow.petition_resume(actor=u, petition=p, reason=b.reason)
    ),
    TransitionAction.WITHDRAW: Transition(
        DECIDE,
        ("full",),
        lambda u, p, b: workflow.petition_withdraw(actor=u, petition=p, full=bool(b.full), content=b.content),
    ),
    TransitionAction.CONCLUDE: Transition(
        DECIDE,
        ("outcome", "answer"),
        lambda u, p, b: workflow.petition_conclude(actor=u, petition=p, outcome=b.outcome, answer=b.answer, on=b.on),
    ),
    TransitionAction.CLOSE: Transition(DECIDE, (), lambda u, p, b: workflow.petition_close(actor=u, petition=p)),
}
