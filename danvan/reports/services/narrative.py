"""The narrative report (BÁO CÁO) in the format of Decree 30/2020: the figures are filled in from the
statistical tables at export time; the officer writes the results, shortcomings and proposals in a saved
draft. The first export gives the draft its number (gap-free, ``danvan.documents``); later exports reuse it."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from danvan.accounts.models import Organization, OrganizationKind, User
from danvan.audit.services import audit_record
from danvan.cases.paperwork import issuer_for
from danvan.documents.docx_builder import OfficialDocument, Paragraph
from danvan.documents.drafts.common import Issuer
from danvan.documents.services import document_number_next
from danvan.geography.models import Level
from danvan.reports.models import ReportDraft
from danvan.reports.periods import CUSTOM, Period
from danvan.reports.selectors.scope import COMMUNE, PROVINCE, ReportScope, scope_organizations
from danvan.reports.selectors.tables import Table

CIRCULAR = "Thông tư số 01/2024/TT-TTCP ngày 20/01/2024 của Thanh tra Chính phủ"
DEFAULT_RECIPIENTS = {PROVINCE: "Thanh tra Chính phủ;\nThường trực Tỉnh ủy;\nThường trực HĐND tỉnh"}


@dataclass(frozen=True)
class DraftData:
    results: str
    shortcomings: str
    proposals: str
    recipients: str
    signer_name: str


def issuing_organization(*, user: User, scope: ReportScope) -> Organization | None:
    """Who issues the report: the People's Committee of the province or commune, else the organisation."""
    if scope.organization is not None:
        return scope.organization
    wanted = OrganizationKind.PROVINCIAL_COMMITTEE if scope.kind == PROVINCE else OrganizationKind.COMMUNE_COMMITTEE
    orgs = scope_organizations(user=user, scope=scope)
    unit_level = Level.PROVINCE if scope.kind == PROVINCE else Level.COMMUNE
    return orgs.filter(kind=wanted, unit__level=unit_level).first() or orgs.first()


def draft_for(*, scope: ReportScope, period: Period) -> ReportDraft | None:
    return ReportDraft.objects.filter(scope=scope.code, period=period.code).first()


@transaction.atomic
def draft_save(
    *, actor: User, scope: ReportScope, period: Period, organization: Organization, data: DraftData
) -> ReportDraft:
    draft, created = ReportDraft.objects.select_for_update().get_or_create(
        scope=scope.code,
        period=period.code,
        defaults={"organization": organization, "updated_by": actor},
    )
    for name, value in dataclasses.asdict(data).items():
        setattr(draft, name, value.strip())
    draft.organization, draft.updated_by = organization, actor
    draft.save()
    audit_record(
        actor=actor,
        action="reports.draft_created" if created else "reports.draft_saved",
        target=draft,
        organization_id=organization.pk,
        data={"scope": scope.code, "period": period.code},
    )
    return draft


def period_phrase(period: Period) -> str:
    dates = f"từ ngày {period.start:%d/%m/%Y} đến ngày {period.end:%d/%m/%Y}"
    return dates if period.kind == CUSTOM else f"{period.name.lower()} năm {period.year} ({dates})"


def _value(table: Table, key: str) -> str:
    value = table.total.values.get(key)
    return "—" if value is None else str(value).replace(".", ",")


def figure_paragraphs(tables: list[Table]) -> list[Paragraph]:
    by_kind = {table.kind: table for table in tables}
    paragraphs: list[Paragraph] = []
    if t := by_kind.get("processing"):
        paragraphs.append(
            Paragraph(
                f"Tổng số đơn {_value(t, 'total')} (kỳ trước chuyển sang {_value(t, 'carried_over')}, tiếp nhận "
                f"trong kỳ {_value(t, 'received')}); khiếu nại {_value(t, 'complaints')}, tố cáo "
                f"{_value(t, 'denunciations')}, kiến nghị, phản ánh {_value(t, 'recommendations')}. Đã xử lý xong "
                f"{_value(t, 'processed')} đơn (tỷ lệ {_value(t, 'processed_rate')}%), trong đó hướng dẫn "
                f"{_value(t, 'guided')}, chuyển cơ quan có thẩm quyền {_value(t, 'forwarded')}, lưu đơn "
                f"{_value(t, 'archived')}; chưa xử lý xong cuối kỳ {_value(t, 'pending')} đơn.",
                lead="1. Xử lý đơn:",
            )
        )
    for number, (kind, noun) in enumerate((("complaints", "khiếu nại"), ("denunciations", "tố cáo")), start=2):
        if t := by_kind.get(kind):
            paragraphs.append(
                Paragraph(
                    f"Tổng số vụ việc {noun} thuộc thẩm quyền {_value(t, 'total')} (kỳ trước chuyển sang "
                    f"{_value(t, 'carried_over')}, thụ lý mới {_value(t, 'accepted')}). Đã giải quyết "
                    f"{_value(t, 'resolved')} vụ việc (tỷ lệ {_value(t, 'rate')}%), trong đó đúng thời hạn "
                    f"{_value(t, 'on_time')}, quá thời hạn {_value(t, 'overdue')}; {noun} đúng {_value(t, 'right')}, "
                    f"có đúng có sai {_value(t, 'partly_right')}, sai {_value(t, 'wrong')}, "
                    f"rút {_value(t, 'withdrawn')}. "
                    f"Đang giải quyết cuối kỳ {_value(t, 'pending')} vụ việc.",
                    lead=f"{number}. Giải quyết {noun}:",
                )
            )
    if t := by_kind.get("reception"):
        paragraphs.insert(
            0,
            Paragraph(
                f"Tổng số {_value(t, 'visits')} lượt tiếp, {_value(t, 'people')} người; tiếp thường xuyên "
                f"{_value(t, 'regular_visits')} lượt, {_value(t, 'regular_people')} người; thủ trưởng tiếp định kỳ, "
                f"đột xuất {_value(t, 'head_sessions')} kỳ, {_value(t, 'head_visits')} lượt, "
                f"{_value(t, 'head_people')} người; đoàn đông người {_value(t, 'crowd_groups')} đoàn, "
                f"{_value(t, 'crowd_people')} người.",
                lead="Tiếp công dân:",
            ),
        )
    # Number the sections in the order they stand: "1. Tiếp công dân:", "2. Xử lý đơn:" …
    return [Paragraph(p.text, lead=f"{i}. {p.lead.split('. ', 1)[-1]}") for i, p in enumerate(paragraphs, start=1)]


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def narrative_document(
    *, draft: ReportDraft, issuer: Issuer, period: Period, tables: list[Table], number: str
) -> OfficialDocument:
    today = timezone.localdate()
    intro = (
        f"Thực hiện chế độ báo cáo theo {CIRCULAR}, {issuer.agency_name} báo cáo kết quả công tác tiếp công dân, "
        f"xử lý đơn, giải quyết khiếu nại, tố cáo {period_phrase(period)} như sau:"
    )
    body: list[Paragraph | str] = [intro, Paragraph("KẾT QUẢ ĐẠT ĐƯỢC", lead="I.")]
    body += figure_paragraphs(tables)
    body += _lines(draft.results)
    body.append(Paragraph("TỒN TẠI, HẠN CHẾ", lead="II."))
    body += _lines(draft.shortcomings) or ["Không có."]
    body.append(Paragraph("ĐỀ XUẤT, KIẾN NGHỊ", lead="III."))
    body += _lines(draft.proposals) or ["Không có."]
    body.append(f"Trên đây là báo cáo của {issuer.agency_name} (kèm theo các biểu số liệu thống kê)./.")
    recipients = tuple(f"- {line.rstrip(';.')};" for line in _lines(draft.recipients))
    return OfficialDocument(
        issuer_lines=issuer.agency_lines,
        parent_agency_lines=issuer.parent_agency_lines,
        number=number,
        place=issuer.place,
        date=today,
        doc_type="BÁO CÁO",
        abstract=(
            "Kết quả công tác tiếp công dân, xử lý đơn, giải quyết khiếu nại, tố cáo "
            + (f"{period.name.lower()} năm {period.year}" if period.kind != CUSTOM else period_phrase(period))
        ),
        paragraphs=tuple(body),
        signing_authority=issuer.signing_authority,
        signer_name=issuer.signer_name,
        recipients=recipients,
        archive=", ".join(part for part in ("VT", issuer.archive_unit) if part),
    )


@transaction.atomic
def narrative_export(*, actor: User, draft: ReportDraft, period: Period, tables: list[Table]) -> bytes:
    draft = ReportDraft.objects.select_for_update().select_related("organization__unit").get(pk=draft.pk)
    issuer = issuer_for(organization=draft.organization, signer=actor)
    issuer = dataclasses.replace(issuer, signer_name=draft.signer_name or issuer.signer_name, archive_unit="")
    if not draft.number:
        draft.number = document_number_next(
            organization=draft.organization, year=timezone.localdate().year, symbol=f"BC-{issuer.agency_code}"
        )
        draft.save(update_fields=["number", "updated_at"])
    document = narrative_document(draft=draft, issuer=issuer, period=period, tables=tables, number=draft.number)
    content = document.to_docx()
    audit_record(
        actor=actor,
        action="reports.narrative_exported",
        target=draft,
        organization_id=draft.organization_id,
        data={"number": draft.number, "period": period.code},
    )
    return content


def default_recipients(scope: ReportScope) -> str:
    if scope.kind == COMMUNE:
        return "Thanh tra tỉnh;\nThường trực Đảng ủy, HĐND xã"
    return DEFAULT_RECIPIENTS.get(scope.kind, "Thanh tra tỉnh")
