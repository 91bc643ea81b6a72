"""The notice of conclusions after a head's reception (thông báo kết luận tiếp công dân, NĐ 154/2026 art. 25(2))."""

from __future__ import annotations

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.accounts.models import User
from danvan.core.text import normalize
from danvan.documents.docx_builder import build_docx
from danvan.documents.drafts.common import TypeAbbreviation
from danvan.documents.services import document_number_next
from danvan.reception import law
from danvan.reception.documents import ConclusionItem, conclusions_notice, issuer_for
from danvan.reception.errors import ReceptionErrorCode, field_error, reception_error
from danvan.reception.models import ReceptionKind, ReceptionSession, ReceptionVisit, VisitPerson
from danvan.reception.services.common import audit, today

KIND_LABELS = {ReceptionKind.PERIODIC: "định kỳ", ReceptionKind.AD_HOC: "đột xuất"}


def _who(visit: ReceptionVisit, people: list[VisitPerson]) -> str:
    if visit.is_denunciation or not people:
        return "công dân"
    representatives = [p.full_name for p in people if p.is_representative]
    if len(people) > 1 or visit.people_count > 1:
        names = ", ".join(representatives or [people[0].full_name])
        return f"đoàn {visit.people_count} công dân do ông (bà) {names} đại diện"
    return f"ông (bà) {people[0].full_name}"


@transaction.atomic
def session_notice_issue(
    *, actor: User, session: ReceptionSession, conclusions: str, directions: dict[int, str]
) -> ReceptionSession:
    """Record the head's directions on each visit and issue the notice (numbered, DOCX, stored)."""
    session = (
        ReceptionSession.objects.select_for_update(of=("self",))
        .select_related("organization__unit__province")
        .get(pk=session.pk)
    )
    if session.kind not in (ReceptionKind.PERIODIC, ReceptionKind.AD_HOC) or session.head is None:
        raise reception_error(ReceptionErrorCode.CONCLUSIONS_NOT_PERIODIC, status=409)
    if session.notice_number:
        raise reception_error(ReceptionErrorCode.NOTICE_ALREADY_ISSUED, status=409)
    visits = list(session.visits.prefetch_related("people").order_by("serial"))
    if not visits:
        raise field_error(
            ReceptionErrorCode.INVALID, "conclusions", message=_("No visit was recorded in this session.")
        )
    if not normalize(conclusions) and not any(normalize(directions.get(v.pk, "")) for v in visits):
        raise field_error(ReceptionErrorCode.INVALID, "conclusions", message=_("Write the head's conclusions."))
    for visit in visits:
        visit.direction = directions.get(visit.pk, "").strip()
        visit.save(update_fields=["direction"])
    organization = session.organization
    issuer = issuer_for(organization, signer_name=session.head.get_full_name())
    issued_on = today()
    number = document_number_next(
        organization=organization, year=issued_on.year, symbol=issuer.symbol(TypeAbbreviation.NOTICE)
    )
    host = session.received_by
    host_title = issuer.resolver_title if not session.is_delegated else f"người được {issuer.resolver_title} ủy quyền"
    document = conclusions_notice(
        issuer=issuer,
        number=number,
        date=issued_on,
        held_on=session.held_on,
        kind_label=KIND_LABELS[ReceptionKind(session.kind)],
        place=f"{session.place.name} ({session.place.address})",
        host=f"ông (bà) {host.get_full_name()}",
        host_title=host_title,
        delegated=session.is_delegated,
        participants=session.participants,
        items=[
            ConclusionItem(
                kind=v.kind, who=_who(v, list(v.people.all())), summary=v.content_summary, direction=v.direction
            )
            for v in visits
        ],
        people=sum(v.people_count for v in visits),
        crowds=sum(1 for v in visits if v.people_count >= law.crowd_min_people(day=session.held_on)),
        conclusions=conclusions,
    )
    session.conclusions = conclusions.strip()
    session.notice_number = number
    session.notice_issued_at = timezone.now()
    session.notice_file.save(f"thong-bao-ket-luan-{session.pk}.docx", ContentFile(build_docx(document)), save=False)
    session.save(update_fields=["conclusions", "notice_number", "notice_file", "notice_issued_at", "updated_at"])
    audit(actor=actor, action="conclusions_issued", target=session, organization_id=organization.pk, number=number)
    return session
