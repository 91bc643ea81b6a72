"""Sample inputs and one document of each template, shared by the tests of this app."""

from __future__ import annotations

import datetime
import io
import zipfile

from docx import Document
from docx.oxml.ns import qn

from danvan.documents.docx_builder import OfficialDocument
from danvan.documents.drafts import (
    ComplaintRefusalGround,
    Complexity,
    Issuer,
    Person,
    PetitionKind,
    ReceptionOutcome,
    extension_decision,
    forwarding_slip,
    guidance_letter,
    notice_of_acceptance,
    notice_of_refusal,
    reception_result_notice,
)

DAY = datetime.date(2026, 1, 5)

ISSUER = Issuer(
    parent_agency_lines=("UBND TỈNH LAI CHÂU",),
    agency_lines=("ỦY BAN NHÂN DÂN", "PHƯỜNG TÂN PHONG"),
    agency_name="Ủy ban nhân dân phường Tân Phong",
    agency_code="UBND",
    place="Tân Phong",
    resolver_title="Chủ tịch Ủy ban nhân dân phường Tân Phong",
    signing_authority=("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"),
    signer_name="Lò Văn Minh",
    archive_unit="TCD",
)

CITIZEN = Person(
    name="Nguyễn Thị Hoa",
    address="Tổ dân phố 7, phường Tân Phong, tỉnh Lai Châu",
    salutation="bà",
    id_number="012345678901",
    id_issued_on=datetime.date(2021, 4, 12),
    id_issued_by="Cục Cảnh sát quản lý hành chính về trật tự xã hội",
)


def acceptance(**overrides: object) -> OfficialDocument:
    arguments: dict[str, object] = {
        "issuer": ISSUER,
        "number": "05/TB-UBND",
        "date": DAY,
        "kind": PetitionKind.COMPLAINT,
        "petitioner": CITIZEN,
        "received_on": datetime.date(2025, 12, 29),
        "content_summary": "Quyết định thu hồi đất số 112/QĐ-UBND ngày 01 tháng 12 năm 2025",
        "accepted_on": DAY,
        "due_date": datetime.date(2026, 2, 4),
        "inspectorate": "Thanh tra tỉnh Lai Châu",
    } | overrides
    return notice_of_acceptance(**arguments)


def refusal(**overrides: object) -> OfficialDocument:
    arguments: dict[str, object] = {
        "issuer": ISSUER,
        "number": "06/TB-UBND",
        "date": DAY,
        "kind": PetitionKind.COMPLAINT,
        "petitioner": CITIZEN,
        "received_on": datetime.date(2025, 12, 29),
        "content_summary": "Việc cấp giấy phép xây dựng cho hộ liền kề",
        "grounds": (ComplaintRefusalGround.NOT_DIRECTLY_CONCERNED, ComplaintRefusalGround.NOT_SIGNED),
        "explanation": "đơn không có chữ ký của người khiếu nại",
    } | overrides
    return notice_of_refusal(**arguments)


def slip(**overrides: object) -> OfficialDocument:
    arguments: dict[str, object] = {
        "issuer": ISSUER,
        "number": "07/PC-UBND",
        "date": DAY,
        "kind": PetitionKind.DENUNCIATION,
        "petitioner": CITIZEN,
        "received_on": datetime.date(2026, 1, 2),
        "content_summary": "Tố cáo cán bộ địa chính nhận tiền của bà Nguyễn Thị Hoa khi làm thủ tục đất đai",
        "target_organization": "Chủ tịch Ủy ban nhân dân tỉnh Lai Châu",
        "attachments": "01 đơn tố cáo (bản chụp)",
    } | overrides
    return forwarding_slip(**arguments)


def guidance(**overrides: object) -> OfficialDocument:
    arguments: dict[str, object] = {
        "issuer": ISSUER,
        "number": "08/UBND-TCD",
        "date": DAY,
        "kind": PetitionKind.COMPLAINT,
        "petitioner": CITIZEN,
        "received_on": datetime.date(2026, 1, 2),
        "content_summary": "Khiếu nại quyết định xử phạt vi phạm hành chính của Sở Xây dựng",
        "competent_organization": "Giám đốc Sở Xây dựng tỉnh Lai Châu",
    } | overrides
    return guidance_letter(**arguments)


def extension(**overrides: object) -> OfficialDocument:
    arguments: dict[str, object] = {
        "issuer": ISSUER,
        "number": "09/QĐ-UBND",
        "date": DAY,
        "acceptance_decision": "Quyết định số 02/QĐ-UBND ngày 02 tháng 12 năm 2025 của Chủ tịch Ủy ban nhân dân "
        "phường Tân Phong về việc thụ lý tố cáo",
        "content_summary": "cán bộ địa chính phường nhận tiền khi làm thủ tục đất đai",
        "complexity": Complexity.ESPECIALLY_COMPLEX,
        "extension_round": 1,
        "extension_days": 30,
        "extended_until": datetime.date(2026, 2, 6),
        "competence_basis": "Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025",
        "proposed_by": "Chánh Văn phòng Hội đồng nhân dân và Ủy ban nhân dân phường",
        "denounced": "ông Vàng A Sử, công chức địa chính - xây dựng",
        "responsible": ("Chánh Văn phòng Hội đồng nhân dân và Ủy ban nhân dân phường",),
    } | overrides
    return extension_decision(**arguments)


def reception(**overrides: object) -> OfficialDocument:
    arguments: dict[str, object] = {
        "issuer": ISSUER,
        "number": "10/TB-UBND",
        "date": DAY,
        "kind": PetitionKind.FEEDBACK,
        "citizen": CITIZEN,
        "received_on": datetime.date(2025, 12, 30),
        "content_summary": "Đường điện chiếu sáng tổ dân phố 7 hư hỏng kéo dài",
        "outcome": ReceptionOutcome.TRANSFERRED,
        "target_organization": "Công ty Điện lực Lai Châu",
        "transfer_reference": "Phiếu chuyển số 04/PC-UBND ngày 02 tháng 01 năm 2026",
    } | overrides
    return reception_result_notice(**arguments)


TEMPLATES = {
    "acceptance": acceptance,
    "refusal": refusal,
    "forwarding_slip": slip,
    "guidance_letter": guidance,
    "extension_decision": extension,
    "reception_notice": reception,
}


def texts(docx_bytes: bytes) -> list[str]:
    """Every paragraph's text, header and signature tables included, in document order."""
    body = Document(io.BytesIO(docx_bytes)).element.body
    return ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in body.iter(qn("w:p"))]


def package_text(docx_bytes: bytes) -> str:
    """All the XML of the package (document, headers, properties …): where a name must not appear."""
    with zipfile.ZipFile(io.BytesIO(docx_bytes)) as archive:
        return "\n".join(archive.read(name).decode("utf-8", "replace") for name in archive.namelist())
