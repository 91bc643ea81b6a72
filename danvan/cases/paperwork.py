"""The official documents a transition produces (Decree 30/2020 DOCX), numbered per organisation and year.

Called inside the workflow services' transactions: the number, the file and the audit row commit together.
"""

from __future__ import annotations

import datetime as dt

from django.core.files.base import ContentFile

from danvan.accounts.models import Organization, OrganizationKind, User
from danvan.cases.models import IssuedDocument, Kind, Party, PartyRole, Petition, StepDeadline
from danvan.documents.docx_builder import OfficialDocument
from danvan.documents.drafts.common import Issuer, Person, PetitionKind, TypeAbbreviation
from danvan.documents.drafts.decisions import Complexity as DocComplexity
from danvan.documents.drafts.decisions import extension_decision
from danvan.documents.drafts.forwarding import forwarding_slip, guidance_letter
from danvan.documents.drafts.notices import (
    ComplaintRefusalGround,
    DenunciationRefusalGround,
    notice_of_acceptance,
    notice_of_refusal,
)
from danvan.documents.services import document_number_next

_CODES = {
    OrganizationKind.COMMUNE_COMMITTEE: "UBND",
    OrganizationKind.PROVINCIAL_COMMITTEE: "UBND",
    OrganizationKind.INSPECTORATE: "TTr",
    OrganizationKind.FATHERLAND_FRONT: "MTTQ",
    OrganizationKind.POLICE: "CA",
}
_COLLECTIVE = {OrganizationKind.COMMUNE_COMMITTEE, OrganizationKind.PROVINCIAL_COMMITTEE}
_PREFIXES = ("Ủy ban nhân dân ", "Thanh tra ", "Công an ")


def issuer_for(*, organization: Organization, signer: User) -> Issuer:
    name = organization.name
    head, _, place_part = next(
        ((p.strip(), " ", name[len(p) :]) for p in _PREFIXES if name.startswith(p)), (name, "", "")
    )
    lines = (head.upper(), place_part.upper()) if place_part else (name.upper(),)
    place = organization.unit.name
    for prefix in ("Thành phố ", "Tỉnh ", "Phường ", "Xã ", "Đặc khu "):
        place = place.removeprefix(prefix)
    collective = organization.kind in _COLLECTIVE
    return Issuer(
        agency_lines=lines,
        agency_name=name,
        agency_code=_CODES.get(OrganizationKind(organization.kind), "UBND"),
        place=place,
        resolver_title=(f"Chủ tịch {name}" if collective else f"Thủ trưởng {name}"),
        signing_authority=("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH") if collective else ("THỦ TRƯỞNG",),
        signer_name=signer.get_full_name(),
        archive_unit="TCD",
    )


def _person(petition: Petition) -> Person | None:
    party = Party.objects.filter(petition=petition, role=PartyRole.PETITIONER).select_related("address_unit").first()
    if party is None:
        return None
    address = ", ".join(
        x for x in [party.address_street, party.address_unit.full_name() if party.address_unit else ""] if x
    )
    return Person(name=party.full_name, address=address, id_number=party.personal_id)


def _save(
    *, petition: Petition, kind: str, actor: User, document: OfficialDocument, for_citizen: bool
) -> IssuedDocument:
    issued = IssuedDocument(
        petition=petition,
        kind=kind,
        number=document.number,
        title=document.abstract or kind,
        for_citizen=for_citizen,
        issued_by=actor,
    )
    issued.file.save(f"{petition.tracking_code}-{kind}.docx", ContentFile(document.to_docx()), save=False)
    issued.save()
    return issued


def _number(organization: Organization, day: dt.date, symbol: str) -> str:
    return document_number_next(organization=organization, year=day.year, symbol=symbol)


def _legal_kind(petition: Petition) -> PetitionKind:
    return PetitionKind(petition.kind)


def issue_acceptance_notice(*, petition: Petition, actor: User, day: dt.date) -> IssuedDocument | None:
    person = _person(petition)
    if person is None or petition.kind not in (Kind.COMPLAINT, Kind.DENUNCIATION):
        return None
    issuer = issuer_for(organization=petition.handling_organization, signer=actor)
    resolve = StepDeadline.objects.filter(petition=petition, step="resolve").first()
    document = notice_of_acceptance(
        issuer=issuer,
        number=_number(petition.handling_organization, day, issuer.symbol(TypeAbbreviation.NOTICE)),
        date=day,
        kind=_legal_kind(petition),
        petitioner=person,
        received_on=petition.received_on,
        content_summary=petition.subject,
        accepted_on=petition.accepted_on or day,
        due_date=resolve.due_on if resolve else None,
        legal_article="Điều 36 Luật Khiếu nại" if petition.complaint_round == 2 else None,
    )
    return _save(petition=petition, kind="acceptance_notice", actor=actor, document=document, for_citizen=True)


# The law app's art. 29 grounds and the points of the notice (Mẫu) that cite them.
DENUNCIATION_GROUNDS = {
    "tc29_a": DenunciationRefusalGround.FORM,
    "tc29_b": DenunciationRefusalGround.CAPACITY,
    "tc29_c": DenunciationRefusalGround.COMPETENCE,
    "tc29_d": DenunciationRefusalGround.NO_BASIS,
    "tc29_complaint": DenunciationRefusalGround.RESOLVED_COMPLAINT,
}


def issue_refusal_notice(*, petition: Petition, actor: User, day: dt.date, ground: str) -> IssuedDocument | None:
    person = _person(petition)
    if person is None or petition.kind not in (Kind.COMPLAINT, Kind.DENUNCIATION):
        return None
    complaint_points = {f"kn11_{point.value}": point for point in ComplaintRefusalGround}
    if petition.kind == Kind.COMPLAINT and ground in complaint_points:
        grounds: list[ComplaintRefusalGround] | list[DenunciationRefusalGround] = [complaint_points[ground]]
    elif petition.kind == Kind.DENUNCIATION and ground in DENUNCIATION_GROUNDS:
        grounds = [DENUNCIATION_GROUNDS[ground]]
    else:
        return None
    issuer = issuer_for(organization=petition.handling_organization, signer=actor)
    document = notice_of_refusal(
        issuer=issuer,
        number=_number(petition.handling_organization, day, issuer.symbol(TypeAbbreviation.NOTICE)),
        date=day,
        kind=_legal_kind(petition),
        petitioner=person,
        received_on=petition.received_on,
        content_summary=petition.subject,
        grounds=grounds,
    )
    return _save(petition=petition, kind="refusal_notice", actor=actor, document=document, for_citizen=True)


def issue_forwarding_slip(
    *, petition: Petition, actor: User, day: dt.date, from_organization: Organization, to_organization: Organization
) -> IssuedDocument | None:
    person = _person(petition) or Person(name="người gửi đơn không ghi tên")
    issuer = issuer_for(organization=from_organization, signer=actor)
    document = forwarding_slip(
        issuer=issuer,
        number=_number(from_organization, day, issuer.symbol(TypeAbbreviation.FORWARDING_SLIP)),
        date=day,
        kind=_legal_kind(petition),
        petitioner=person,
        received_on=petition.received_on,
        content_summary=petition.subject,
        target_organization=to_organization.name,
    )
    # The slip goes to the competent agency; the citizen is told by the notice, not by the slip.
    return _save(petition=petition, kind="forwarding_slip", actor=actor, document=document, for_citizen=False)


def issue_guidance_letter(
    *, petition: Petition, actor: User, day: dt.date, competent_body: str
) -> IssuedDocument | None:
    person = _person(petition)
    if person is None:
        return None
    issuer = issuer_for(organization=petition.handling_organization, signer=actor)
    document = guidance_letter(
        issuer=issuer,
        number=_number(petition.handling_organization, day, issuer.letter_symbol("TCD")),
        date=day,
        kind=_legal_kind(petition),
        petitioner=person,
        received_on=petition.received_on,
        content_summary=petition.subject,
        competent_organization=competent_body,
    )
    return _save(petition=petition, kind="guidance_letter", actor=actor, document=document, for_citizen=True)


def issue_extension_decision(
    *, petition: Petition, actor: User, day: dt.date, extension_days: int, extended_until: dt.date
) -> IssuedDocument | None:
    if petition.kind != Kind.DENUNCIATION:
        return None
    issuer = issuer_for(organization=petition.handling_organization, signer=actor)
    acceptance = IssuedDocument.objects.filter(petition=petition, kind="acceptance_notice").first()
    document = extension_decision(
        issuer=issuer,
        number=_number(petition.handling_organization, day, issuer.symbol(TypeAbbreviation.DECISION)),
        date=day,
        acceptance_decision=(
            f"Thông báo số {acceptance.number} về việc thụ lý tố cáo" if acceptance else "quyết định thụ lý tố cáo"
        ),
        content_summary=petition.subject,
        complexity=DocComplexity.COMPLEX if petition.extensions <= 1 else DocComplexity.ESPECIALLY_COMPLEX,
        extension_round=petition.extensions,
        extension_days=extension_days,
        extended_until=extended_until,
    )
    return _save(petition=petition, kind="extension_decision", actor=actor, document=document, for_citizen=True)
