"""Recording a visit in the reception register: who came, what they presented, and what came of it — a new
petition, an existing petition, guidance, or a refusal on a legal ground. Validated in full first: nothing is
half-saved."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from danvan.accounts.models import Organization, Role, User
from danvan.cases.models import Category, Channel, Kind, PartyRole, Petition
from danvan.cases.selectors import petition_list_for_user
from danvan.cases.services.intake import PartyData, PetitionData, petition_submit
from danvan.core.errors import DomainError
from danvan.core.text import fold, normalize
from danvan.law.models import LegalGround
from danvan.notifications.services import Message, notify
from danvan.reception import law
from danvan.reception.errors import ReceptionErrorCode, field_error, reception_error
from danvan.reception.models import (
    AdHocCondition,
    ReceptionKind,
    ReceptionSession,
    ReceptionVisit,
    VisitPerson,
    VisitResult,
)
from danvan.reception.services.common import audit, today

MIN_SUMMARY = 10


@dataclass
class PersonData:
    full_name: str
    personal_id: str = ""
    address: str = ""
    phone: str = ""


@dataclass
class VisitData:
    kind: str
    content_summary: str
    result: str
    people_count: int = 1
    complainants: list[PersonData] = field(default_factory=list)
    representative_names: list[str] = field(default_factory=list)
    requests: str = ""
    previous_handling: str = ""
    within_competence: bool | None = None
    ad_hoc_conditions: list[str] = field(default_factory=list)
    # A new petition
    subject: str = ""
    complaint_round: int = 1
    respondent_name: str = ""
    location: str = ""
    category: Category | None = None
    # An existing petition, guidance, refusal
    attach_code: str = ""
    refusal_ground: str = ""
    guided_to: str = ""
    guidance_reference: str = ""
    notes: str = ""


def _representatives(data: VisitData, session: ReceptionSession) -> set[int]:
    """Indexes of the complainants chosen as representatives; checks Luật Tiếp công dân art. 29."""
    names = {fold(p.full_name): i for i, p in enumerate(data.complainants)}
    chosen: set[int] = set()
    for name in data.representative_names:
        if not normalize(name):
            continue
        index = names.get(fold(name))
        if index is None:
            raise field_error(
                ReceptionErrorCode.REPRESENTATIVE_NOT_COMPLAINANT,
                "representatives",
                message=_("%(name)s is not among the complainants: a representative must be one of them.")
                % {"name": normalize(name)},
            )
        chosen.add(index)
    day = session.held_on
    if data.people_count >= law.crowd_min_people(day=day):
        limits = law.representative_limits(people=data.people_count, day=day)
        if limits.maximum is not None and len(chosen) > limits.maximum:
            raise field_error(
                ReceptionErrorCode.TOO_MANY_REPRESENTATIVES,
                "representatives",
                message=_("A group of %(people)s people may choose at most %(limit)s representatives (%(citation)s).")
                % {"people": data.people_count, "limit": limits.maximum, "citation": limits.citation},
            )
        if len(chosen) < limits.minimum:
            raise field_error(
                ReceptionErrorCode.INVALID,
                "representatives",
                message=_("A group of %(people)s people is received through its representatives: name at least %(n)s.")
                % {"people": data.people_count, "n": limits.minimum},
            )
    return chosen


def _validate(data: VisitData, session: ReceptionSession) -> set[int]:
    if session.held_on > today():
        raise reception_error(ReceptionErrorCode.SESSION_IN_FUTURE)
    if len(normalize(data.content_summary)) < MIN_SUMMARY:
        raise field_error(ReceptionErrorCode.VISIT_CONTENT_MISSING, "content_summary")
    if data.kind not in Kind.values:
        raise field_error(ReceptionErrorCode.INVALID, "kind")
    if data.result not in VisitResult.values:
        raise field_error(ReceptionErrorCode.INVALID, "result")
    if any(c not in AdHocCondition.values for c in data.ad_hoc_conditions):
        raise field_error(ReceptionErrorCode.INVALID, "ad_hoc_conditions")
    if data.result != VisitResult.REFUSED and not data.complainants:
        raise field_error(
            ReceptionErrorCode.INVALID, "complainants", message=_("Write the name of at least one citizen.")
        )
    if any(not normalize(p.full_name) for p in data.complainants):
        raise field_error(ReceptionErrorCode.INVALID, "complainants", message=_("Every line needs a full name."))
    if data.people_count < max(1, len(data.complainants)):
        raise field_error(
            ReceptionErrorCode.INVALID,
            "people_count",
            message=_("The number of people is smaller than the citizens listed."),
        )
    if data.result == VisitResult.GUIDED and not normalize(data.guided_to):
        raise field_error(ReceptionErrorCode.INVALID, "guided_to", message=_("Say which body is competent."))
    return _representatives(data, session)


def _petition_data(data: VisitData, session: ReceptionSession, chosen: set[int]) -> PetitionData:
    parties = [
        PartyData(full_name=p.full_name, personal_id=p.personal_id, address_street=p.address, phone=p.phone)
        for p in data.complainants
    ]
    parties += [
        PartyData(
            full_name=p.full_name,
            role=PartyRole.REPRESENTATIVE,
            personal_id=p.personal_id,
            address_street=p.address,
            phone=p.phone,
        )
        for i, p in enumerate(data.complainants)
        if i in chosen
    ]
    content = data.content_summary.strip()
    if normalize(data.requests):
        content += "\n\n" + _("Requests: %(requests)s") % {"requests": data.requests.strip()}
    return PetitionData(
        kind=data.kind,
        subject=normalize(data.subject) or normalize(data.content_summary)[:120],
        content=content,
        unit=session.organization.unit,
        channel=Channel.IN_PERSON,
        complaint_round=data.complaint_round if data.kind == Kind.COMPLAINT else None,
        category=data.category,
        location=data.location,
        respondent_name=data.respondent_name,
        people_count=data.people_count,
        received_on=session.held_on,
        parties=parties,
    )


def _case_fields(error: DomainError) -> DomainError:
    """A refusal of ``petition_submit`` with its field keys moved to the visit form's fields."""
    moved: dict[str, list[str]] = {}
    for key, problems in (error.extra.get("fields") or {}).items():
        name = "complainants" if key.startswith("parties") else {"content": "content_summary"}.get(key, key)
        moved.setdefault(name, []).extend(problems)
    return reception_error(ReceptionErrorCode.INVALID, fields=moved or None)


def _next_serial(organization: Organization, year: int) -> int:
    Organization.objects.select_for_update().filter(pk=organization.pk).first()  # one writer per register
    last = ReceptionVisit.objects.filter(organization=organization, year=year).aggregate(n=Max("serial"))["n"]
    return (last or 0) + 1


@transaction.atomic
def visit_record(*, actor: User, session: ReceptionSession, data: VisitData) -> ReceptionVisit:
    """Record one visit (một lượt tiếp) and its result."""
    chosen = _validate(data, session)
    petition: Petition | None = None
    ground: LegalGround | None = None
    if data.result == VisitResult.ATTACHED:
        code = normalize(data.attach_code).upper()
        petition = petition_list_for_user(user=actor).filter(tracking_code=code).first() if code else None
        if petition is None:
            raise field_error(ReceptionErrorCode.PETITION_NOT_FOUND, "attach_code")
    elif data.result == VisitResult.REFUSED:
        ground = law.refusal_grounds(day=session.held_on).filter(code=data.refusal_ground).first()
        if ground is None:
            raise field_error(ReceptionErrorCode.REFUSAL_GROUND_MISSING, "refusal_ground")
    elif data.result == VisitResult.NEW_PETITION:
        try:
            petition = petition_submit(
                actor=actor,
                data=_petition_data(data, session, chosen),
                receiving_organization=session.organization,
            ).petition
        except DomainError as error:
            raise _case_fields(error) from error
    conditions = list(dict.fromkeys(data.ad_hoc_conditions))
    if data.people_count >= law.crowd_min_people(day=session.held_on) and AdHocCondition.MANY_PEOPLE not in conditions:
        conditions.append(AdHocCondition.MANY_PEOPLE)
    visit = ReceptionVisit.objects.create(
        session=session,
        organization=session.organization,
        received_on=session.held_on,
        year=session.held_on.year,
        serial=_next_serial(session.organization, session.held_on.year),
        kind=data.kind,
        people_count=data.people_count,
        content_summary=data.content_summary.strip(),
        requests=data.requests.strip(),
        previous_handling=normalize(data.previous_handling)[:300],
        within_competence=data.within_competence,
        ad_hoc_conditions=conditions,
        result=data.result,
        petition=petition,
        refusal_ground=ground,
        guided_to=normalize(data.guided_to)[:250],
        guidance_reference=normalize(data.guidance_reference)[:60],
        notes=normalize(data.notes)[:300],
        recorded_by=actor,
    )
    VisitPerson.objects.bulk_create(
        VisitPerson(
            visit=visit,
            full_name=normalize(p.full_name),
            personal_id=normalize(p.personal_id).replace(" ", ""),
            address=normalize(p.address),
            phone=normalize(p.phone),
            is_representative=i in chosen,
            position=i,
        )
        for i, p in enumerate(data.complainants)
    )
    audit(
        actor=actor,
        action="visit_recorded",
        target=visit,
        organization_id=visit.organization_id,
        result=visit.result,
        kind=visit.kind,
        people=visit.people_count,
        petition=petition.tracking_code if petition else None,
    )
    if needs_ad_hoc_reception(visit, session):
        _prompt_heads(visit)  # in this transaction: the notifications commit with the visit (e-mails via the outbox)
    return visit


def needs_ad_hoc_reception(visit: ReceptionVisit, session: ReceptionSession) -> bool:
    """Art. 18(3): a matter received by officers that meets a condition calls for the head, at once."""
    return session.kind == ReceptionKind.REGULAR and bool(visit.ad_hoc_conditions)


def _prompt_heads(visit: ReceptionVisit) -> None:
    heads = User.objects.filter(
        memberships__organization_id=visit.organization_id,
        memberships__role=Role.UNIT_HEAD,
        memberships__is_active=True,
        is_active=True,
    ).distinct()
    with translation.override(settings.LANGUAGE_CODE):
        title = _("Ad hoc reception needed (Citizen Reception Law art. 18(3))")
        body = _("Visit no. %(serial)s on %(day)s: %(people)s people.") % {
            "serial": visit.serial,
            "day": visit.received_on.strftime("%d/%m/%Y"),
            "people": visit.people_count,
        }
    message = Message(
        key=f"reception-adhoc:{visit.pk}",
        title=title,
        body=body,
        url=reverse("reception:visit_detail", args=[visit.pk]),
    )
    with transaction.atomic():
        for head in heads:
            notify(user=head, message=message)
