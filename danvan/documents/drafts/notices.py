"""Notices of acceptance and of non-acceptance of a complaint (Luật Khiếu nại art. 11, 27; Decree 124/2020
forms 03 and 04 as replaced by Decree 155/2026) or of a denunciation (Luật Tố cáo art. 24, 29)."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from enum import IntEnum, StrEnum

from danvan.documents.docx_builder import OfficialDocument
from danvan.documents.drafts.common import (
    Issuer,
    Person,
    PetitionKind,
    TypeAbbreviation,
    capitalize,
    check_number,
    join_vi,
    received_line,
    sentence,
)
from danvan.documents.formats import vietnamese_date

NOTICE = "THÔNG BÁO"
CONFIDENTIALITY = (
    "Người tố cáo được bảo đảm bí mật họ tên, địa chỉ, bút tích và thông tin cá nhân khác theo quy định "
    "tại Điều 9 và Điều 47 Luật Tố cáo."
)


class ComplaintRefusalGround(IntEnum):
    """The clauses of Luật Khiếu nại art. 11: complaints that are not accepted."""

    INTERNAL_OR_NORMATIVE = 1
    NOT_DIRECTLY_CONCERNED = 2
    NO_CAPACITY = 3
    UNLAWFUL_REPRESENTATIVE = 4
    NOT_SIGNED = 5
    OUT_OF_TIME = 6
    SECOND_DECISION_EXISTS = 7
    NOT_CONTINUED_AFTER_TERMINATION = 8
    BEFORE_COURT = 9

    @property
    def text(self) -> str:
        return f"{_COMPLAINT_GROUNDS[self]} (khoản {self.value} Điều 11 Luật Khiếu nại)"


_COMPLAINT_GROUNDS = {
    ComplaintRefusalGround.INTERNAL_OR_NORMATIVE: (
        "quyết định hành chính, hành vi hành chính trong nội bộ cơ quan nhà nước để chỉ đạo, tổ chức thực hiện "
        "nhiệm vụ, công vụ; quyết định hành chính, hành vi hành chính trong chỉ đạo điều hành của cơ quan hành "
        "chính cấp trên với cơ quan hành chính cấp dưới; quyết định hành chính có chứa đựng các quy phạm pháp "
        "luật do cơ quan, tổ chức, cá nhân có thẩm quyền ban hành theo trình tự, thủ tục của pháp luật về ban "
        "hành văn bản quy phạm pháp luật; quyết định hành chính, hành vi hành chính thuộc phạm vi bí mật nhà "
        "nước trong các lĩnh vực quốc phòng, an ninh, ngoại giao theo danh mục do Chính phủ quy định"
    ),
    ComplaintRefusalGround.NOT_DIRECTLY_CONCERNED: (
        "quyết định hành chính, hành vi hành chính bị khiếu nại không liên quan trực tiếp đến quyền, lợi ích "
        "hợp pháp của người khiếu nại"
    ),
    ComplaintRefusalGround.NO_CAPACITY: (
        "người khiếu nại không có năng lực hành vi dân sự đầy đủ mà không có người đại diện hợp pháp"
    ),
    ComplaintRefusalGround.UNLAWFUL_REPRESENTATIVE: "người đại diện không hợp pháp thực hiện khiếu nại",
    ComplaintRefusalGround.NOT_SIGNED: "đơn khiếu nại không có chữ ký hoặc điểm chỉ của người khiếu nại",
    ComplaintRefusalGround.OUT_OF_TIME: "thời hiệu, thời hạn khiếu nại đã hết mà không có lý do chính đáng",
    ComplaintRefusalGround.SECOND_DECISION_EXISTS: "khiếu nại đã có quyết định giải quyết khiếu nại lần hai",
    ComplaintRefusalGround.NOT_CONTINUED_AFTER_TERMINATION: (
        "có văn bản thông báo đình chỉ việc giải quyết khiếu nại mà sau 30 ngày người khiếu nại không tiếp tục "
        "khiếu nại"
    ),
    ComplaintRefusalGround.BEFORE_COURT: (
        "việc khiếu nại đã được Tòa án thụ lý hoặc đã được giải quyết bằng bản án, quyết định của Tòa án, trừ "
        "quyết định đình chỉ giải quyết vụ án hành chính của Tòa án"
    ),
}


class DenunciationRefusalGround(StrEnum):
    """A condition of Luật Tố cáo art. 29(1) that the denunciation does not meet."""

    FORM = "a"
    CAPACITY = "b"
    COMPETENCE = "c"
    NO_BASIS = "d"
    RESOLVED_COMPLAINT = "resolved_complaint"

    @property
    def text(self) -> str:
        where = "khoản 1" if self is DenunciationRefusalGround.RESOLVED_COMPLAINT else f"điểm {self.value} khoản 1"
        return f"{_DENUNCIATION_GROUNDS[self]} ({where} Điều 29 Luật Tố cáo)"


_DENUNCIATION_GROUNDS = {
    DenunciationRefusalGround.FORM: "tố cáo không được thực hiện theo quy định tại Điều 23 của Luật Tố cáo",
    DenunciationRefusalGround.CAPACITY: (
        "người tố cáo không có đủ năng lực hành vi dân sự và không có người đại diện theo quy định của pháp luật"
    ),
    DenunciationRefusalGround.COMPETENCE: (
        "vụ việc không thuộc thẩm quyền giải quyết tố cáo của cơ quan, tổ chức, cá nhân tiếp nhận tố cáo"
    ),
    DenunciationRefusalGround.NO_BASIS: (
        "nội dung tố cáo không có cơ sở để xác định người vi phạm, hành vi vi phạm pháp luật"
    ),
    DenunciationRefusalGround.RESOLVED_COMPLAINT: (
        "tố cáo xuất phát từ vụ việc khiếu nại đã được giải quyết đúng thẩm quyền, trình tự, thủ tục theo quy "
        "định của pháp luật nhưng người tố cáo không cung cấp được thông tin, tài liệu, chứng cứ để xác định "
        "người giải quyết khiếu nại có hành vi vi phạm pháp luật"
    ),
}


def _check_kind(kind: PetitionKind, *, forwarded_by: str, inspectorate: str) -> None:
    if kind not in (PetitionKind.COMPLAINT, PetitionKind.DENUNCIATION):
        raise ValueError("Only complaints and denunciations are accepted or refused by notice.")
    if kind is PetitionKind.DENUNCIATION and (forwarded_by or inspectorate):
        # The notice names the denouncer: a copy to anyone else would disclose the identity (art. 8(3), 47).
        raise ValueError("A notice on a denunciation goes to the denouncer alone.")


def _identity_lines(person: Person) -> list[str]:
    lines = [f"Địa chỉ: {sentence(person.address)}."] if person.address else []
    if person.id_number:
        issued = f", ngày cấp {person.id_issued_on:%d/%m/%Y}" if person.id_issued_on else ""
        issued += f", nơi cấp {person.id_issued_by}" if person.id_issued_by else ""
        lines.append(f"Số căn cước/định danh cá nhân/giấy chứng nhận căn cước/hộ chiếu: {person.id_number}{issued}.")
    return lines


def _document(
    *,
    issuer: Issuer,
    number: str,
    date: datetime.date,
    abstract: str,
    person: Person,
    paragraphs: list[str],
    copies: Sequence[str] = (),
) -> OfficialDocument:
    return OfficialDocument(
        parent_agency_lines=issuer.parent_agency_lines,
        issuer_lines=issuer.agency_lines,
        number=number,
        place=issuer.place,
        date=date,
        doc_type=NOTICE,
        abstract=abstract,
        addressees=(person.addressed,),
        paragraphs=tuple(paragraphs),
        signing_authority=issuer.signing_authority,
        signer_name=issuer.signer_name,
        recipients=("Như trên", *[copy for copy in copies if copy]),
        archive=issuer.archive,
    )


def notice_of_acceptance(
    *,
    issuer: Issuer,
    number: str,
    date: datetime.date,
    kind: PetitionKind,
    petitioner: Person,
    received_on: datetime.date,
    content_summary: str,
    accepted_on: datetime.date,
    due_date: datetime.date | None = None,
    legal_article: str | None = None,
    deadline_article: str | None = None,
    acceptance_decision: str = "",
    forwarded_by: str = "",
    inspectorate: str = "",
) -> OfficialDocument:
    """Thông báo về việc thụ lý giải quyết khiếu nại (Luật KN art. 27, to the complainant, the agency that
    forwarded the complaint and the state inspectorate at the same level) or về việc thụ lý tố cáo (Luật TC
    art. 29(3), to the denouncer). ``legal_article`` defaults to art. 27 (first complaint; pass "Điều 36 Luật
    Khiếu nại" for a second one) or art. 29; ``acceptance_decision`` names a denunciation's decision
    ("Quyết định số 15/QĐ-UBND")."""
    _check_kind(kind, forwarded_by=forwarded_by, inspectorate=inspectorate)
    check_number(number, issuer.symbol(TypeAbbreviation.NOTICE))
    summary = sentence(content_summary)
    if kind is PetitionKind.COMPLAINT:
        sender = petitioner.called + (f" do {forwarded_by} chuyển đến" if forwarded_by else "")
        paragraphs = [
            received_line(issuer=issuer, received_on=received_on, kind=kind, sender=sender),
            *_identity_lines(petitioner),
            f"Khiếu nại về việc: {summary}.",
            "Sau khi xem xét nội dung đơn khiếu nại, căn cứ quy định của pháp luật về khiếu nại, "
            f"{issuer.agency_name} nhận thấy đơn khiếu nại đủ điều kiện thụ lý.",
            f"Căn cứ {legal_article or 'Điều 27 Luật Khiếu nại'}, {issuer.resolver_title} thụ lý giải quyết "
            f"khiếu nại kể từ {vietnamese_date(accepted_on)}.",
        ]
        deadline = deadline_article or "Điều 28 Luật Khiếu nại"
        abstract = "Về việc thụ lý giải quyết khiếu nại"
    else:
        decision = f"ban hành {acceptance_decision}" if acceptance_decision else "ra quyết định"
        paragraphs = [
            received_line(issuer=issuer, received_on=received_on, kind=kind, sender=petitioner.called),
            "Sau khi kiểm tra, xác minh thông tin về người tố cáo và điều kiện thụ lý tố cáo, căn cứ "
            f"{legal_article or 'Điều 29 Luật Tố cáo'}, {vietnamese_date(accepted_on)}, {issuer.resolver_title} "
            f"đã {decision} thụ lý tố cáo đối với nội dung: {summary}.",
        ]
        deadline = deadline_article or "Điều 30 Luật Tố cáo"
        abstract = "Về việc thụ lý tố cáo"
    if due_date is not None:
        paragraphs.append(
            f"Theo quy định tại {deadline}, thời hạn giải quyết {kind.noun} là đến hết {vietnamese_date(due_date)}."
        )
    if kind is PetitionKind.DENUNCIATION:
        paragraphs.append(CONFIDENTIALITY)
    paragraphs.append(f"Vậy thông báo để {join_vi([petitioner.called, forwarded_by, inspectorate])} được biết./.")
    return _document(
        issuer=issuer,
        number=number,
        date=date,
        abstract=abstract,
        person=petitioner,
        paragraphs=paragraphs,
        copies=(forwarded_by, inspectorate),
    )


def notice_of_refusal(
    *,
    issuer: Issuer,
    number: str,
    date: datetime.date,
    kind: PetitionKind,
    petitioner: Person,
    received_on: datetime.date,
    content_summary: str,
    grounds: Sequence[ComplaintRefusalGround] | Sequence[DenunciationRefusalGround],
    explanation: str = "",
    forwarded_by: str = "",
    inspectorate: str = "",
) -> OfficialDocument:
    """Thông báo về việc không thụ lý giải quyết khiếu nại, with the grounds of Luật KN art. 11 (form 04), or
    về việc không thụ lý tố cáo, with the unmet conditions of Luật TC art. 29(1) (art. 24(1): the denouncer
    is told the reason at once). ``explanation`` states the facts behind the grounds."""
    _check_kind(kind, forwarded_by=forwarded_by, inspectorate=inspectorate)
    check_number(number, issuer.symbol(TypeAbbreviation.NOTICE))
    expected = ComplaintRefusalGround if kind is PetitionKind.COMPLAINT else DenunciationRefusalGround
    if not grounds or not all(isinstance(ground, expected) for ground in grounds):
        raise ValueError(f"Give at least one ground, each a {expected.__name__}.")
    summary = sentence(content_summary)
    if kind is PetitionKind.COMPLAINT:
        sender = petitioner.called + (f" do {forwarded_by} chuyển đến" if forwarded_by else "")
        abstract = "Về việc không thụ lý giải quyết khiếu nại"
        finding = (
            "Sau khi xem xét nội dung đơn khiếu nại, căn cứ Điều 11 của Luật Khiếu nại, "
            f"{issuer.agency_name} nhận thấy, đơn khiếu nại của {petitioner.called} không đủ điều kiện để thụ lý "
            "giải quyết vì:"
        )
    else:
        sender = petitioner.called
        abstract = "Về việc không thụ lý tố cáo"
        finding = (
            "Sau khi kiểm tra, xác minh thông tin về người tố cáo và điều kiện thụ lý tố cáo, căn cứ khoản 1 "
            f"Điều 24 và Điều 29 Luật Tố cáo, {issuer.agency_name} không thụ lý tố cáo của {petitioner.called} vì:"
        )
    paragraphs = [
        received_line(issuer=issuer, received_on=received_on, kind=kind, sender=sender),
        f"Nội dung đơn: {summary}.",
        finding,
    ]
    unique: list[ComplaintRefusalGround | DenunciationRefusalGround] = list(dict.fromkeys(grounds))
    paragraphs += [f"- {ground.text}{'.' if i == len(unique) - 1 else ';'}" for i, ground in enumerate(unique)]
    if explanation.strip():
        paragraphs.append(f"{capitalize(sentence(explanation))}.")
    if kind is PetitionKind.DENUNCIATION:
        paragraphs.append(CONFIDENTIALITY)
    paragraphs.append(f"Vậy thông báo để {join_vi([petitioner.called, forwarded_by, inspectorate])} được biết./.")
    return _document(
        issuer=issuer,
        number=number,
        date=date,
        abstract=abstract,
        person=petitioner,
        paragraphs=paragraphs,
        copies=(forwarded_by, inspectorate),
    )
