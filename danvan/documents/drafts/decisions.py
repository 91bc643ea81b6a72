"""Decision to extend the time for resolving a denunciation (Luật Tố cáo art. 30; Decree 31/2019 art. 3 and
form 01)."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from enum import StrEnum

from danvan.documents.docx_builder import OfficialDocument, Paragraph
from danvan.documents.drafts.common import Issuer, TypeAbbreviation, capitalize, check_number, sentence
from danvan.documents.formats import vietnamese_date

DECISION = "QUYẾT ĐỊNH"
# The statutes cited in every extension decision; pass ``legal_bases`` to cite amended texts instead.
DENUNCIATION_LAW_BASES = (
    "Căn cứ Luật Tố cáo ngày 12 tháng 6 năm 2018",
    "Căn cứ Nghị định số 31/2019/NĐ-CP ngày 10 tháng 4 năm 2019 của Chính phủ quy định chi tiết một số điều và "
    "biện pháp tổ chức thi hành Luật Tố cáo",
)


class Complexity(StrEnum):
    """Decree 31/2019 art. 3(2)–(3): a complex case meets one criterion, an especially complex one two."""

    COMPLEX = "complex"
    ESPECIALLY_COMPLEX = "especially_complex"

    @property
    def wording(self) -> str:
        return "phức tạp" if self is Complexity.COMPLEX else "đặc biệt phức tạp"

    @property
    def clause(self) -> str:
        return "khoản 2" if self is Complexity.COMPLEX else "khoản 3"

    @property
    def max_extensions(self) -> int:
        return 1 if self is Complexity.COMPLEX else 2


_ROUNDS = {1: "lần thứ nhất", 2: "lần thứ hai"}


def extension_decision(
    *,
    issuer: Issuer,
    number: str,
    date: datetime.date,
    acceptance_decision: str,
    content_summary: str,
    complexity: Complexity,
    extension_round: int,
    extension_days: int,
    extended_until: datetime.date,
    competence_basis: str = "",
    proposed_by: str = "",
    denounced: str = "",
    responsible: Sequence[str] = (),
    copies: Sequence[str] = (),
    legal_bases: Sequence[str] = DENUNCIATION_LAW_BASES,
) -> OfficialDocument:
    """Quyết định về việc gia hạn giải quyết tố cáo, with Điều 1 (the extension), 2 (entry into force) and
    3 (who carries it out).

    The decision is sent to the denouncer and the denounced person alike (art. 30(4)), so it takes no
    denouncer's identity at all: the case is named by its acceptance decision ("Quyết định số 15/QĐ-UBND
    ngày 05 tháng 01 năm 2026 của Chủ tịch … về việc thụ lý tố cáo") and the content. The length of the
    extension comes from the caller (the time-limit rules are data, not code).
    """
    check_number(number, issuer.symbol(TypeAbbreviation.DECISION))
    if extension_round not in _ROUNDS or extension_round > complexity.max_extensions:
        raise ValueError(f"A {complexity.wording} case can be extended at most {complexity.max_extensions} time(s).")
    if extension_days < 1 or extended_until <= date:
        raise ValueError("The extension must run for at least one day after the decision.")
    acceptance = sentence(acceptance_decision)
    bases = [*legal_bases]
    if competence_basis.strip():
        bases.append(f"Căn cứ {sentence(competence_basis)}")
    bases.append(f"Căn cứ {acceptance}")
    if proposed_by.strip():
        bases.append(f"Xét đề nghị của {sentence(proposed_by)}")
    against = f" (người bị tố cáo: {sentence(denounced)})" if denounced.strip() else ""
    article_1 = (
        f"Gia hạn giải quyết tố cáo {_ROUNDS[extension_round]} đối với vụ việc tố cáo{against} về nội dung: "
        f"{sentence(content_summary)}, đã được thụ lý theo {acceptance}. Vụ việc thuộc trường hợp "
        f"{complexity.wording} theo quy định tại {complexity.clause} Điều 30 Luật Tố cáo và Điều 3 Nghị định số "
        f"31/2019/NĐ-CP. Thời gian gia hạn là {extension_days:02d} ngày; thời hạn giải quyết tố cáo được kéo dài "
        f"đến hết {vietnamese_date(extended_until)}."
    )
    carrying_out = ", ".join([*[sentence(who) for who in responsible], "người bị tố cáo"])
    article_3 = (
        f"{capitalize(carrying_out)} và các cơ quan, tổ chức, cá nhân có liên quan chịu trách "
        "nhiệm thi hành Quyết định này./."
    )
    return OfficialDocument(
        parent_agency_lines=issuer.parent_agency_lines,
        issuer_lines=issuer.agency_lines,
        number=number,
        place=issuer.place,
        date=date,
        doc_type=DECISION,
        abstract="Về việc gia hạn giải quyết tố cáo",
        issuing_authority=issuer.resolver_title.upper(),
        bases=tuple(bases),
        enacting_line="QUYẾT ĐỊNH:",
        paragraphs=(
            Paragraph(article_1, lead="Điều 1."),
            Paragraph("Quyết định này có hiệu lực thi hành kể từ ngày ký.", lead="Điều 2."),
            Paragraph(article_3, lead="Điều 3."),
        ),
        signing_authority=issuer.signing_authority,
        signer_name=issuer.signer_name,
        # The denouncer receives the decision too (art. 30(4)), under the protection of art. 47: unnamed here.
        recipients=("Như Điều 3", "Người tố cáo", *[sentence(copy) for copy in copies]),
        archive=issuer.archive,
    )
