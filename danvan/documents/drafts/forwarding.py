"""Forwarding slip (Phiếu chuyển đơn) and guidance letter (văn bản hướng dẫn, an official letter)."""

from __future__ import annotations

import datetime

from danvan.documents.docx_builder import OfficialDocument
from danvan.documents.drafts.common import (
    Issuer,
    Person,
    PetitionKind,
    TypeAbbreviation,
    capitalize,
    check_number,
    received_line,
    redact,
    sentence,
)
from danvan.documents.formats import NUMBER_RE

FORWARDING_SLIP = "PHIẾU CHUYỂN ĐƠN"
CONCEALED_DENOUNCER = "người tố cáo (thông tin được giữ bí mật theo Điều 47 Luật Tố cáo)"

_FORWARDING_BASIS = {
    PetitionKind.COMPLAINT: "quy định của pháp luật về khiếu nại",
    PetitionKind.DENUNCIATION: "khoản 2 Điều 24 Luật Tố cáo",
    PetitionKind.RECOMMENDATION: "điểm b khoản 2 Điều 26 Luật Tiếp công dân",
    PetitionKind.FEEDBACK: "điểm b khoản 2 Điều 26 Luật Tiếp công dân",
}
_GUIDANCE_BASIS = {
    PetitionKind.COMPLAINT: "điểm b khoản 1 Điều 26 Luật Tiếp công dân",
    PetitionKind.DENUNCIATION: "khoản 2 Điều 24 Luật Tố cáo",
    PetitionKind.RECOMMENDATION: "Điều 26 Luật Tiếp công dân",
    PetitionKind.FEEDBACK: "Điều 26 Luật Tiếp công dân",
}
# Luật Tố cáo art. 24(3); for other petitions the petition-processing rules say the same in substance.
_GUIDED_ONCE = {
    PetitionKind.DENUNCIATION: (
        "Theo quy định tại khoản 3 Điều 24 Luật Tố cáo, trường hợp đã hướng dẫn nhưng người tố cáo vẫn gửi tố "
        "cáo đến cơ quan, tổ chức, cá nhân không có thẩm quyền giải quyết thì cơ quan, tổ chức, cá nhân nhận được "
        "tố cáo không xử lý."
    ),
}
_GUIDED_ONCE_DEFAULT = (
    "Việc hướng dẫn chỉ thực hiện một lần; đơn có cùng nội dung gửi lại {agency} sẽ không được xử lý."
)


def forwarding_slip(
    *,
    issuer: Issuer,
    number: str,
    date: datetime.date,
    kind: PetitionKind,
    petitioner: Person,
    received_on: datetime.date,
    content_summary: str,
    target_organization: str,
    legal_basis: str | None = None,
    attachments: str = "",
    conceal_identity: bool | None = None,
) -> OfficialDocument:
    """Phiếu chuyển đơn to the competent agency (Luật TC art. 24(2) and TT 05/2021 form 03 for a
    denunciation; Luật TCD art. 26(2)(b) for a recommendation or feedback).

    ``conceal_identity`` (default: True for a denunciation, False otherwise) leaves out the petitioner's
    name, address and ID number, also where they appear in ``content_summary`` or ``attachments``, and
    names "người tố cáo (thông tin được giữ bí mật theo Điều 47 Luật Tố cáo)" instead. A denouncer's
    identity never appears on a slip (Luật TC art. 8(3), 47, 56): ``conceal_identity=False`` is refused.
    """
    denunciation = kind is PetitionKind.DENUNCIATION
    conceal = denunciation if conceal_identity is None else conceal_identity
    if denunciation and not conceal:
        raise ValueError("A forwarding slip never shows the denouncer's identity (Luật Tố cáo art. 8(3), 47, 56).")
    check_number(number, issuer.symbol(TypeAbbreviation.FORWARDING_SLIP))
    target = sentence(target_organization)
    if conceal:
        sender = CONCEALED_DENOUNCER if denunciation else f"người {kind.noun} (thông tin cá nhân được giữ bí mật)"
        summary = redact(sentence(content_summary), person=petitioner, placeholder=f"người {kind.noun}")
        attachments = redact(attachments, person=petitioner, placeholder=f"người {kind.noun}")
        identity: list[str] = []
    else:
        sender, summary = petitioner.called, sentence(content_summary)
        identity = [f"Địa chỉ: {sentence(petitioner.address)}."] if petitioner.address else []
    paragraphs = [
        received_line(issuer=issuer, received_on=received_on, kind=kind, sender=sender),
        *identity,
        f"Nội dung đơn: {summary}.",
        f"Sau khi xem xét nội dung đơn, căn cứ {legal_basis or _FORWARDING_BASIS[kind]}, {issuer.agency_name} "
        f"nhận thấy nội dung đơn không thuộc thẩm quyền giải quyết của {issuer.agency_name}.",
    ]
    if attachments.strip():
        paragraphs.append(f"Tài liệu kèm theo: {sentence(attachments)}.")
    if denunciation:
        paragraphs.append(
            f"Đề nghị {target} giữ bí mật họ tên, địa chỉ, bút tích và các thông tin cá nhân khác của người tố cáo "
            "theo quy định tại Điều 47 và Điều 56 Luật Tố cáo."
        )
    paragraphs.append(
        f"{capitalize(issuer.agency_name)} chuyển đơn {kind.noun} nêu trên đến {target} để xem xét, giải quyết "
        "theo thẩm quyền./."
    )
    copies = () if conceal else (f"{petitioner.addressed} (để biết)",)
    return OfficialDocument(
        parent_agency_lines=issuer.parent_agency_lines,
        issuer_lines=issuer.agency_lines,
        number=number,
        place=issuer.place,
        date=date,
        doc_type=FORWARDING_SLIP,
        addressees=(target,),
        paragraphs=tuple(paragraphs),
        signing_authority=issuer.signing_authority,
        signer_name=issuer.signer_name,
        recipients=("Như trên", *copies),
        archive=issuer.archive,
    )


def guidance_letter(
    *,
    issuer: Issuer,
    number: str,
    date: datetime.date,
    kind: PetitionKind,
    petitioner: Person,
    received_on: datetime.date,
    content_summary: str,
    competent_organization: str,
    legal_basis: str | None = None,
    returned_documents: str = "",
    warn_guided_once: bool = True,
) -> OfficialDocument:
    """Văn bản hướng dẫn: an official letter (no type abbreviation, "Số: 05/UBND-TCD", "V/v …") that tells
    the petitioner which agency is competent (Luật TCD art. 26(1)(b); Luật TC art. 24(2)–(3))."""
    match = NUMBER_RE.fullmatch(number)
    if match is None or not match["symbol"].startswith(f"{issuer.agency_code}-"):
        raise ValueError(f"An official letter is numbered like 05/{issuer.letter_symbol('TCD')}, not {number!r}.")
    competent = sentence(competent_organization)
    address = f", địa chỉ: {sentence(petitioner.address)}" if petitioner.address else ""
    paragraphs = [
        received_line(issuer=issuer, received_on=received_on, kind=kind, sender=petitioner.called + address),
        f"Nội dung đơn: {sentence(content_summary)}.",
        f"Sau khi xem xét nội dung đơn, căn cứ {legal_basis or _GUIDANCE_BASIS[kind]}, {issuer.agency_name} "
        f"nhận thấy nội dung đơn không thuộc thẩm quyền giải quyết của {issuer.agency_name}.",
        f"Đề nghị {petitioner.called} gửi đơn đến {competent} để được xem xét, giải quyết theo quy định của pháp luật.",
    ]
    if returned_documents.strip():
        paragraphs.append(
            f"{capitalize(issuer.agency_name)} gửi trả lại {petitioner.called} đơn và các giấy tờ, tài liệu gốc kèm "
            f"theo: {sentence(returned_documents)}."
        )
    if warn_guided_once:
        paragraphs.append(_GUIDED_ONCE.get(kind, _GUIDED_ONCE_DEFAULT).format(agency=issuer.agency_name))
    paragraphs.append(f"{capitalize(issuer.agency_name)} hướng dẫn để {petitioner.called} biết và thực hiện./.")
    return OfficialDocument(
        parent_agency_lines=issuer.parent_agency_lines,
        issuer_lines=issuer.agency_lines,
        number=number,
        place=issuer.place,
        date=date,
        abstract=f"V/v hướng dẫn gửi đơn {kind.noun} đến cơ quan có thẩm quyền",
        addressees=(petitioner.addressed,),
        paragraphs=tuple(paragraphs),
        signing_authority=issuer.signing_authority,
        signer_name=issuer.signer_name,
        recipients=("Như trên",),
        archive=issuer.archive,
    )
