"""The petitions API (``/api/petitions/``): officers' programs register petitions, read them and move
them through the workflow. A thin adapter: parse → check the rule → call the same service as the HTML
views → render. Session (past TOTP) or ``Authorization: Bearer <API token>``."""

import hashlib
import json
import time
from dataclasses import asdict

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, QuerySet
from django.db.models.signals import post_delete, post_save
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Header, Query, Router, Status
from ninja.pagination import paginate

from danvan.accounts.access import user_auth
from danvan.accounts.models import User
from danvan.accounts.selectors import user_memberships
from danvan.accounts.tokens import token_auth
from danvan.cases.actions import API_ACTIONS, api_body, api_fields_doc, invalid
from danvan.cases.models import CaseEvent, Category, Petition, StepDeadline
from danvan.cases.rules import PROCESSING_ROLES
from danvan.cases.schemas import (
    DeadlineOut,
    EventOut,
    PartyIn,
    PartyOut,
    PetitionCreatedOut,
    PetitionFilter,
    PetitionIn,
    PetitionListOut,
    PetitionOut,
    TransitionAction,
    TransitionIn,
)
from danvan.cases.selectors import (
    deadline_rows,
    next_due_subquery,
    party_views,
    petition_get_for_user,
    petition_list_for_user,
    texts_for_user,
)
from danvan.cases.services.intake import PartyData, PetitionData, petition_submit
from danvan.core.api import AUTH_ERRORS, BoundedLimitOffsetPagination, ErrorOut
from danvan.geography.models import AdministrativeUnit, Era

# Token first: a program sends no CSRF token, and the session check would refuse its POST before the
# token is looked at. Browsers send no Authorization header, so they reach the session check.
router = Router(tags=["petitions"], auth=[token_auth, user_auth])

IDEMPOTENCY_KEY_MAX = 100


def _user(request: HttpRequest) -> User:
    user = request.auth  # type: ignore[attr-defined]
    assert isinstance(user, User)
    return user


# Communes by code, per process: the same few codes come with every create. A unit is reference data
# changed only by a geography load; a change saved through the ORM empties the cache at once in that
# process, any other (a bulk load) shows within UNIT_CACHE_SECONDS.
UNIT_CACHE_SECONDS = 60.0
_communes: dict[str, tuple[float, AdministrativeUnit]] = {}


def _forget_communes(**_kwargs: object) -> None:
    _communes.clear()


post_save.connect(_forget_communes, sender=AdministrativeUnit, dispatch_uid="danvan.cases.api.communes")
post_delete.connect(_forget_communes, sender=AdministrativeUnit, dispatch_uid="danvan.cases.api.communes_d")


def _commune(code: str) -> AdministrativeUnit | None:
    """The current commune with this code (and its province), or ``None``. Units are shared read-only
    between requests: only assigned to foreign keys, never changed."""
    now = time.monotonic()
    hit = _communes.get(code)
    if hit is not None and hit[0] > now:
        return hit[1]
    unit = AdministrativeUnit.objects.current().communes().filter(code=code).select_related("province").first()
    if unit is not None:
        if len(_communes) >= 5000:
            _communes.clear()
        _communes[code] = (now + UNIT_CACHE_SECONDS, unit)
    return unit


# --- Rendering --------------------------------------------------------------------------------------


def petition_out(*, user: User, petition: Petition) -> PetitionOut:
    """The detail as ``user`` may see it: parties through ``party_views`` (masked where the law says)."""
    today = timezone.localdate()
    rows = deadline_rows(petition=petition, today=today)
    next_due_on = min((d.due_on for d, _left, _s in rows if d.paused_on is None), default=None)
    summary = PetitionListOut.from_orm(petition, context={"user": user}).model_dump() | {"next_due_on": next_due_on}
    events = list(
        CaseEvent.objects.filter(petition=petition).select_related("actor", "organization").order_by("created_at", "id")
    )
    # Free texts as this officer may read them: a denouncer named in the letter or an answer is hidden.
    location, content, answer, *reasons = texts_for_user(
        user=user,
        petition=petition,
        texts=[petition.location, petition.content, petition.answer, *(e.reason for e in events)],
    )
    return PetitionOut(
        **summary,
        complaint_round=petition.complaint_round,
        channel=petition.channel,
        location=location,
        latitude=petition.latitude,
        longitude=petition.longitude,
        content=content,
        respondent_name=petition.respondent_name,
        decision_reference=petition.decision_reference,
        decision_date=petition.decision_date,
        eligibility=petition.eligibility,
        within_competence=petition.within_competence,
        complexity=petition.complexity,
        accepted_on=petition.accepted_on,
        extensions=petition.extensions,
        outcome=petition.outcome,
        answer=answer,
        concluded_on=petition.concluded_on,
        closed_on=petition.closed_on,
        parties=[PartyOut(**asdict(view)) for view in party_views(user=user, petition=petition)],
        deadlines=[
            DeadlineOut(
                step=d.step,
                rule_code=d.rule_code,
                starts_on=d.starts_on,
                due_on=d.due_on,
                citation=d.citation,
                paused=d.paused_on is not None,
                working_days_left=left,
                status=status,
            )
            for d, left, status in rows
        ],
        events=[
            EventOut(
                action=e.action,
                from_status=e.from_status,
                to_status=e.to_status,
                actor=str(e.actor) if e.actor else None,
                organization=e.organization.name if e.organization else None,
                reason=reason,
                data=e.data,
                created_at=e.created_at,
            )
            for e, reason in zip(events, reasons, strict=True)
        ],
    )


# --- Create -----------------------------------------------------------------------------------------


def _fingerprint(payload: PetitionIn) -> str:
    canonical = json.dumps(payload.model_dump(mode="json"), sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _petition_data(payload: PetitionIn, errors: dict[str, list[str]]) -> PetitionData | None:
    """Resolve codes to rows; unknown ones become field errors (the service checks the rest)."""
    unit = _commune(payload.unit_code)
    if unit is None:
        errors["unit_code"] = [_("No current commune has this code.")]
    category = None
    if payload.category:
        category = Category.objects.filter(code=payload.category, is_active=True).first()
        if category is None:
            errors["category"] = [_("No category has this code.")]
    parties = [_party_data(index, party, errors) for index, party in enumerate(payload.parties)]
    if unit is None:
        return None
    return PetitionData(
        kind=payload.kind,
        subject=payload.subject,
        content=payload.content,
        unit=unit,
        channel=payload.channel,
        complaint_round=payload.complaint_round,
        category=category,
        location=payload.location,
        latitude=float(payload.latitude) if payload.latitude is not None else None,
        longitude=float(payload.longitude) if payload.longitude is not None else None,
        respondent_name=payload.respondent_name,
        decision_reference=payload.decision_reference,
        decision_date=payload.decision_date,
        people_count=payload.people_count,
        is_anonymous=payload.is_anonymous,
        received_on=payload.received_on,
        parties=parties,
    )


def _party_data(index: int, party: PartyIn, errors: dict[str, list[str]]) -> PartyData:
    address_unit = None
    if party.address_unit_code:
        address_unit = _commune(party.address_unit_code)
        if address_unit is None:
            errors[f"parties.{index}.address_unit_code"] = [_("No current commune has this code.")]
    return PartyData(
        full_name=party.full_name,
        role=party.role,
        personal_id=party.personal_id,
        birth_year=party.birth_year,
        address_unit=address_unit,
        address_street=party.address_street,
        phone=party.phone,
        email=party.email,
    )


def _created_body(
    *, petition: Petition, url: str, deadlines: list[StepDeadline], secret: str | None
) -> dict[str, object]:
    """The light answer to a create (``PetitionCreatedOut``): from the rows the intake service has in hand,
    without reading the petition back. No party, no text: nothing here can reveal a denouncer."""
    return {
        "id": petition.pk,
        "tracking_code": petition.tracking_code,
        "url": url,
        "kind": petition.kind,
        "status": petition.status,
        "status_label": str(petition.get_status_display()),
        "handling_organization_id": petition.handling_organization_id,
        "received_on": petition.received_on,
        "next_due_on": petition.earliest_due_on,
        "deadlines": [
            {
                "step": d.step,
                "rule_code": d.rule_code,
                "starts_on": d.starts_on,
                "due_on": d.due_on,
                "citation": d.citation,
            }
            for d in deadlines
        ],
        "secret": secret or None,
    }


@router.post(
    "/",
    response={200: PetitionCreatedOut, 201: PetitionCreatedOut, **AUTH_ERRORS, 409: ErrorOut},
    summary="Register a petition (officer entry)",
    description=(
        "Answers 201 with the new petition's id, tracking code, status, date of receipt, open steps with "
        "their due dates, the citizen's `secret` (shown once) and `url`, the petition's resource: `GET` it "
        "for the parties (masked where the law says), deadlines and timeline. The `Location` header carries "
        "the same URL.\n\n"
        "Send an `Idempotency-Key` header to make retries safe: the same key with the same body answers 200 "
        "with the same fields for the petition made the first time (as it is now, `secret` null); with a "
        "different body, 409 `idempotency_conflict`."
    ),
)
def petition_create(
    request: HttpRequest,
    response: HttpResponse,
    payload: PetitionIn,
    idempotency_key: str | None = Header(None, alias="Idempotency-Key"),
) -> Status:
    user = _user(request)
    if not user.has_perm("cases.register_petition"):
        raise PermissionDenied
    errors: dict[str, list[str]] = {}
    key = (idempotency_key or "").strip() or None
    if key is not None and len(key) > IDEMPOTENCY_KEY_MAX:
        errors["Idempotency-Key"] = [_("The Idempotency-Key has at most 100 characters.")]
    organizations = {
        m.organization_id: m.organization for m in user_memberships(user=user) if m.role in PROCESSING_ROLES
    }
    organization = organizations.get(payload.receiving_organization_id)
    if organization is None:
        errors["receiving_organization_id"] = [_("Choose an organisation you register petitions for.")]
    data = _petition_data(payload, errors)
    if errors or data is None or organization is None:
        raise invalid(errors)
    submission = petition_submit(
        actor=user,
        data=data,
        receiving_organization=organization,
        idempotency_key=key,
        request_fingerprint=_fingerprint(payload) if key is not None else "",
    )
    petition = submission.petition
    if submission.created and submission.deadline is not None:
        steps = [submission.deadline]
    else:  # a retry: the petition's open steps as they are now
        steps = list(StepDeadline.objects.filter(petition=petition, completed_on__isnull=True).order_by("due_on"))
    url = reverse("api:petition_detail", kwargs={"petition_id": petition.pk})
    response["Location"] = url
    body = _created_body(petition=petition, url=url, deadlines=steps, secret=submission.secret)
    return Status(201 if submission.created else 200, body)


# --- Read -------------------------------------------------------------------------------------------


@router.get("/", response={200: list[PetitionListOut], **AUTH_ERRORS}, summary="Petitions in the user's jurisdiction")
@paginate(BoundedLimitOffsetPagination, max_limit=200)
def petition_list(request: HttpRequest, filters: Query[PetitionFilter]) -> QuerySet[Petition]:
    user = _user(request)
    if not user.has_perm("cases.view_inbox"):
        raise PermissionDenied
    petitions = petition_list_for_user(user=user)
    if filters.kind:
        petitions = petitions.filter(kind=filters.kind)
    if filters.status:
        petitions = petitions.filter(status=filters.status)
    if filters.unit_code:
        petitions = petitions.filter(unit__code=filters.unit_code, unit__era=Era.CURRENT)
    if filters.overdue is not None:
        late = StepDeadline.objects.filter(
            petition=OuterRef("pk"),
            completed_on__isnull=True,
            paused_on__isnull=True,
            due_on__lt=timezone.localdate(),
        )
        petitions = petitions.filter(Exists(late) if filters.overdue else ~Exists(late))
    return petitions.annotate(next_due_on=next_due_subquery())


@router.get(
    "/{petition_id}",
    response={200: PetitionOut, **AUTH_ERRORS},
    summary="One petition with its parties, deadlines and timeline",
)
def petition_detail(request: HttpRequest, petition_id: int) -> PetitionOut:
    user = _user(request)
    return petition_out(user=user, petition=petition_get_for_user(user=user, petition_id=petition_id))


# --- Workflow ---------------------------------------------------------------------------------------


@router.post(
    "/{petition_id}/transitions/{action}",
    response={200: PetitionOut, **AUTH_ERRORS, 409: ErrorOut},
    summary="Move a petition to its next step",
    description=(TransitionIn.__doc__ or "")
    + "\n\n"
    + api_fields_doc()
    + " (* required)\n\nAn action the petition's current step does not allow answers 409 `transition_not_allowed`.",
)
def petition_transition(
    request: HttpRequest, petition_id: int, action: TransitionAction, payload: TransitionIn | None = None
) -> PetitionOut:
    """The action's declaration (danvan/cases/actions.py) gives the permission, the body and the service:
    the same as the case page's form for this action."""
    user = _user(request)
    petition = petition_get_for_user(user=user, petition_id=petition_id)
    spec = API_ACTIONS[action]
    if not user.has_perm(spec.perm, petition):
        raise PermissionDenied
    body = api_body(spec, payload.model_dump(exclude_unset=True) if payload is not None else {})
    result = spec.run_api(user, petition, body)
    assert isinstance(result, Petition)
    return petition_out(user=user, petition=result)
