"""Notice to the citizen of the result of processing what was presented at a reception (Luật Tiếp công dân
art. 28(1): within 10 working days, one of four answers)."""

from __future__ import annotations

import datetime
from enum import StrEnum

from danvan.documents.docx_builder import OfficialDocument
from danvan.documents.drafts.common import (
    Issuer,
    Person,
    PetitionKind,
    TypeAbbreviation,
    capitalize,
    check_number,
    sentence,
)
from danvan.documents.formats import vietnamese_date


class ReceptionOutcome(StrEnum):
    ACCEPTED = "accepted"  # art. 28(1)(a): đã được thụ lý để giải quyết
    NEEDS_MORE_TIME = "needs_more_time"  # (b): cần kéo dài thời gian do cần xác minh thêm
    REFUSED = "refused"  # (c): từ chối thụ lý
    TRANSFERRED = "transferred"  # (d): đã được chuyển đến cơ quan có thẩm quyền


_COMPLAINT_OR_DENUNCIATION_ONLY = {ReceptionOutcome.NEEDS_MORE_TIME, ReceptionOutcome.REFUSED}


def reception_result_notice(
    *,
    issuer: Issuer,
    number: str,
    date: datetime.date,
    kind: PetitionKind,
    citizen: Person,
    received_on: datetime.date,
    content_summary: str,
    outcome: ReceptionOutcome,
    reason: str = "",
    target_organization: str = "",
    transfer_reference: str = "",
    answer_by: datetime.date | None = None,
) -> OfficialDocument:
    """Thông báo về kết quả xử lý khiếu nại, tố cáo, kiến nghị, phản ánh (Luật TCD art. 28(1)).

    ``reason``: why more time is needed, or why acceptance is refused (required then: "không thuộc thẩm quyền
    giải quyết của …" or "không đủ điều kiện thụ lý …"); ``target_organization``: where it was transferred
    (required for TRANSFERRED; for REFUSED, where to turn instead); ``transfer_reference``: the slip or letter
    that transferred it; ``answer_by``: when the citizen will hear more (NEEDS_MORE_TIME).
    """
    check_number(number, issuer.symbol(TypeAbbreviation.NOTICE))
    if outcome in _COMPLAINT_OR_DENUNCIATION_ONLY and kind not in (PetitionKind.COMPLAINT, PetitionKind.DENUNCIATION):
        raise ValueError("Only a complaint or a denunciation can need more time before acceptance or be refused.")
    if outcome is ReceptionOutcome.REFUSED and not reason.strip():
        raise ValueError("A refusal states its reason.")
    if outcome is ReceptionOutcome.TRANSFERRED and not target_organization.strip():
        raise ValueError("A transfer names the competent agency.")
    noun, agency, citizen_called = kind.noun, issuer.agency_name, citizen.called
    address = f" (địa chỉ: {sentence(citizen.address)})" if citizen.address else ""
    target = sentence(target_organization)
    paragraphs = [
        f"{capitalize(vietnamese_date(received_on))}, {agency} đã tiếp {citizen_called}{address} đến {noun} về "
        f"việc: {sentence(content_summary)}.",
        f"Căn cứ Điều 28 Luật Tiếp công dân, {agency} thông báo kết quả xử lý {noun} như sau:",
    ]
    if outcome is ReceptionOutcome.ACCEPTED:
        paragraphs.append(f"{capitalize(noun)} của {citizen_called} đã được thụ lý để giải quyết.")
    elif outcome is ReceptionOutcome.NEEDS_MORE_TIME:
        because = f" ({sentence(reason)})" if reason.strip() else ""
        paragraphs.append(
            f"Việc xem xét {noun} để thụ lý cần kéo dài thời gian do cần xác minh thêm theo quy định của "
            f"{kind.law}{because}."
        )
        if answer_by is not None:
            paragraphs.append(
                f"{capitalize(agency)} sẽ thông báo kết quả cho {citizen_called} trước {vietnamese_date(answer_by)}."
            )
    elif outcome is ReceptionOutcome.REFUSED:
        paragraphs.append(f"{capitalize(agency)} từ chối thụ lý {noun} của {citizen_called} vì {sentence(reason)}.")
        if target:
            paragraphs.append(
                f"Đề nghị {citizen_called} gửi {noun} đến {target} để được xem xét, giải quyết theo quy định của "
                "pháp luật."
            )
    else:
        reference = f" theo {sentence(transfer_reference)}" if transfer_reference.strip() else ""
        paragraphs.append(
            f"Nội dung {noun} của {citizen_called} đã được chuyển đến {target} là cơ quan có thẩm quyền giải "
            f"quyết{reference}."
        )
    paragraphs.append(f"Vậy thông báo để {citizen_called} được biết./.")
    return OfficialDocument(
        parent_agency_lines=issuer.parent_agency_lines,
        issuer_lines=issuer.agency_lines,
        number=number,
        place=issuer.place,
        date=date,
        doc_type="THÔNG BÁO",
        abstract=f"Về kết quả xử lý {noun}",
        addressees=(citizen.addressed,),
        paragraphs=tuple(paragraphs),
        signing_authority=issuer.signing_authority,
        signer_name=issuer.signer_name,
        recipients=("Như trên",),
        archive=issuer.archive,
    )
