"""Official documents of reception in the Decree 30/2020 format (danvan.documents): the notice of conclusions
after a head's reception (NĐ 154/2026 art. 25(2)) and the minutes of a dialogue (NĐ 155/2026, form 14).

Plain inputs in, an ``OfficialDocument`` out; the services number and store them. A denouncer is never named.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from danvan.accounts.models import Organization, OrganizationKind
from danvan.documents.docx_builder import OfficialDocument, Paragraph
from danvan.documents.drafts.common import Issuer, capitalize, join_vi, sentence
from danvan.documents.drafts.forwarding import CONCEALED_DENOUNCER
from danvan.documents.formats import vietnamese_date
from danvan.geography.models import Level

COMMITTEES = {OrganizationKind.COMMUNE_COMMITTEE, OrganizationKind.PROVINCIAL_COMMITTEE}
AGENCY_CODES = {
    OrganizationKind.COMMUNE_COMMITTEE: "UBND",
    OrganizationKind.PROVINCIAL_COMMITTEE: "UBND",
    OrganizationKind.FATHERLAND_FRONT: "MTTQ",
    OrganizationKind.MASS_MOBILIZATION_BOARD: "BDV",
    OrganizationKind.INSPECTORATE: "TTr",
}
_PREFIXES = ("Thành phố ", "Tỉnh ", "Phường ", "Xã ", "Đặc khu ", "Thị trấn ")
NOUNS = {"complaint": "khiếu nại", "denunciation": "tố cáo", "recommendation": "kiến nghị", "feedback": "phản ánh"}
# Roles in a dialogue, in the wording of the complaint rules (the minutes are Vietnamese whatever the UI language).
ROLE_NAMES = {
    "chair": "người chủ trì",
    "minute_taker": "người ghi biên bản",
    "complainant": "người khiếu nại",
    "representative": "người đại diện",
    "respondent": "người bị khiếu nại",
    "related": "người có quyền, nghĩa vụ liên quan",
    "agency": "đại diện cơ quan, tổ chức",
}


def place_name(unit_name: str) -> str:
    """ "Phường Tân Phong" → "Tân Phong" (the place on the date line)."""
    for prefix in _PREFIXES:
        if unit_name.startswith(prefix):
            return unit_name[len(prefix) :].replace(",", "")
    return unit_name.replace(",", "")


def issuer_for(organization: Organization, *, signer_name: str) -> Issuer:
    unit = organization.unit
    committee = organization.kind in COMMITTEES
    if committee:
        agency_lines: tuple[str, ...] = ("ỦY BAN NHÂN DÂN", unit.name.upper())
        authority: tuple[str, ...] = ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH")
    else:
        agency_lines, authority = (organization.name.upper(),), ("THỦ TRƯỞNG",)
    parent: tuple[str, ...] = ()
    if committee and unit.level != Level.PROVINCE and unit.province is not None:
        parent = (f"UBND {unit.province.name.upper()}",)
    return Issuer(
        agency_lines=agency_lines,
        agency_name=organization.name,
        agency_code=AGENCY_CODES.get(OrganizationKind(organization.kind), "CQ"),
        place=place_name(unit.name),
        resolver_title=f"Chủ tịch {organization.name}" if committee else f"Thủ trưởng {organization.name}",
        signing_authority=authority,
        signer_name=signer_name,
        parent_agency_lines=parent,
        archive_unit="TCD",
    )


@dataclass(frozen=True)
class ConclusionItem:
    kind: str
    who: str  # "ông (bà) Nguyễn Văn An", "đoàn 7 công dân do … đại diện"; empty for a denunciation
    summary: str
    direction: str


def conclusions_notice(
    *,
    issuer: Issuer,
    number: str,
    date: dt.date,
    held_on: dt.date,
    kind_label: str,
    place: str,
    host: str,
    host_title: str,
    delegated: bool,
    participants: str,
    items: list[ConclusionItem],
    people: int,
    crowds: int,
    conclusions: str,
) -> OfficialDocument:
    """Thông báo kết luận việc tiếp công dân (NĐ 154/2026 art. 25(2))."""
    role = "được ủy quyền, đã tiếp công dân" if delegated else "đã chủ trì tiếp công dân"
    paragraphs: list[Paragraph | str] = [
        f"{capitalize(vietnamese_date(held_on))}, tại {sentence(place)}, {host}, {host_title}, {role} {kind_label}.",
    ]
    if participants.strip():
        paragraphs.append(f"Tham dự buổi tiếp công dân có: {sentence(participants)}.")
    paragraphs.append(
        f"Tại buổi tiếp, đã tiếp {len(items)} lượt công dân với {people} người"
        + (f", trong đó có {crowds} đoàn đông người." if crowds else ".")
    )
    paragraphs.append(
        "Sau khi nghe công dân trình bày và ý kiến của các cơ quan, đơn vị có liên quan, "
        f"{issuer.resolver_title} kết luận như sau:"
    )
    for index, item in enumerate(items, start=1):
        noun = NOUNS.get(item.kind, "kiến nghị")
        who = CONCEALED_DENOUNCER if item.kind == "denunciation" else item.who
        direction = sentence(item.direction) or "giao cơ quan chuyên môn xem xét, giải quyết theo quy định"
        paragraphs.append(
            Paragraph(
                f"Về nội dung {noun} của {who}: {sentence(item.summary)}. Ý kiến chỉ đạo: {direction}.", f"{index}."
            )
        )
    if conclusions.strip():
        paragraphs.extend(sentence(line) + "." for line in conclusions.strip().splitlines() if line.strip())
    paragraphs.append(
        f"{capitalize(issuer.agency_name)} thông báo để các cơ quan, đơn vị và công dân có liên quan biết, thực hiện./."
    )
    return OfficialDocument(
        parent_agency_lines=issuer.parent_agency_lines,
        issuer_lines=issuer.agency_lines,
        number=number,
        place=issuer.place,
        date=date,
        doc_type="THÔNG BÁO",
        abstract=f"Kết luận của {host_title} tại buổi tiếp công dân ngày {held_on:%d/%m/%Y}",
        paragraphs=tuple(paragraphs),
        signing_authority=issuer.signing_authority,
        signer_name=issuer.signer_name,
        recipients=("Các cơ quan, đơn vị có liên quan", "Công dân có liên quan"),
        archive=issuer.archive,
    )


@dataclass(frozen=True)
class MinutesParticipant:
    role: str
    name: str
    organization: str
    opinion: str
    signature: str  # "signed", "refused", "absent"
    refusal_reason: str = ""


def dialogue_minutes(
    *,
    issuer: Issuer,
    number: str,
    held_on: dt.date,
    start_time: dt.time,
    place: str,
    chair_title: str,
    subject: str,
    content: str,
    participants: list[MinutesParticipant],
    result: str,
    copies: int | None,
) -> OfficialDocument:
    """Biên bản đối thoại: who took part, each party's opinion, the result, and each signature or the reason it
    was refused (Luật Khiếu nại art. 30(3), 39(3))."""
    present = [p for p in participants if p.signature != "absent"]
    absent = [p for p in participants if p.signature == "absent"]
    paragraphs: list[Paragraph | str] = [
        f"Vào hồi {start_time:%H} giờ {start_time:%M} {vietnamese_date(held_on)}, tại {sentence(place)}, "
        f"{chair_title} tổ chức đối thoại về việc: {sentence(subject)}.",
        Paragraph("Thành phần tham gia đối thoại:", "I."),
    ]
    paragraphs += [
        f"- {capitalize(p.role)}: {p.name}{f' ({p.organization})' if p.organization else ''}." for p in present
    ]
    if absent:
        names = join_vi([f"{p.name} ({p.role})" for p in absent])
        paragraphs.append(f"Vắng mặt: {names}.")
    paragraphs.append(Paragraph(sentence(content) + ".", "II. Nội dung đối thoại:"))
    paragraphs.append(Paragraph("Ý kiến của những người tham gia đối thoại:", "III."))
    paragraphs += [f"- {capitalize(p.role)} {p.name}: {sentence(p.opinion)}." for p in present if p.opinion.strip()]
    paragraphs.append(Paragraph(sentence(result) + ".", "IV. Kết quả đối thoại:"))
    paragraphs.append(Paragraph("Xác nhận của những người tham gia đối thoại:", "V."))
    for p in present:
        state = f"từ chối ký, lý do: {sentence(p.refusal_reason)}" if p.signature == "refused" else "đã ký"
        paragraphs.append(f"- {p.name} ({p.role}): {state}.")
    copies_text = f"thành {copies:02d} bản, " if copies else ""
    paragraphs.append(f"Biên bản được lập {copies_text}đã được đọc lại cho những người tham gia đối thoại cùng nghe./.")
    return OfficialDocument(
        parent_agency_lines=issuer.parent_agency_lines,
        issuer_lines=issuer.agency_lines,
        number=number,
        place=issuer.place,
        date=held_on,
        doc_type="BIÊN BẢN",
        abstract="Đối thoại trong giải quyết khiếu nại",
        paragraphs=tuple(paragraphs),
        signing_authority=("NGƯỜI CHỦ TRÌ ĐỐI THOẠI",),
        signer_name=issuer.signer_name,
        recipients=("Người khiếu nại", "Các bên tham gia đối thoại"),
        archive=issuer.archive,
    )
