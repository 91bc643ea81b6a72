"""The reception register (sổ tiếp công dân) in the 13 columns of form 03/TCD (NĐ 154/2026; Luật Tiếp công dân
art. 25(2)), on screen and exported to XLSX and DOCX. A denouncer's identity is masked for whoever may not see it."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from danvan.accounts.models import Organization, User
from danvan.audit.services import audit_record
from danvan.core.spreadsheet import xlsx_append
from danvan.reception.documents import NOUNS
from danvan.reception.models import ReceptionVisit, VisitResult
from danvan.reception.selectors import visit_may_see_identity

# The column headings of form 03/TCD, in the form's own Vietnamese wording.
COLUMNS = (
    "STT",
    "Ngày tiếp",
    "Họ tên, địa chỉ",
    "Số CCCD/Hộ chiếu",
    "Nội dung vụ việc",
    "Phân loại đơn/vụ việc",
    "Số người cùng nội dung",
    "Cơ quan đã giải quyết",
    "Thuộc thẩm quyền",
    "Hướng dẫn, trả lời (cơ quan, số văn bản)",
    "Chuyển đơn (cơ quan tiếp nhận, số văn bản)",
    "Theo dõi kết quả giải quyết",
    "Ghi chú",
)
FONT = "Times New Roman"


@dataclass(frozen=True)
class RegisterRow:
    visit_id: int
    serial: int
    received_on: dt.date
    name_address: str
    personal_ids: str
    summary: str
    kind: str
    people: int
    previous_handling: str
    within_competence: str
    guidance: str
    transfer: str
    follow_up: str
    notes: str
    masked: bool

    def cells(self) -> tuple[str | int, ...]:
        return (
            self.serial,
            self.received_on.strftime("%d/%m/%Y"),
            self.name_address,
            self.personal_ids,
            self.summary,
            self.kind,
            self.people,
            self.previous_handling,
            self.within_competence,
            self.guidance,
            self.transfer,
            self.follow_up,
            self.notes,
        )


def _follow_up(visit: ReceptionVisit) -> str:
    if visit.result == VisitResult.REFUSED and visit.refusal_ground is not None:
        return _("Refused: %(ground)s (%(citation)s)") % {
            "ground": visit.refusal_ground.name,
            "citation": visit.refusal_ground.citation,
        }
    if visit.petition is not None:
        prefix = _("Added to") if visit.result == VisitResult.ATTACHED else _("Registered as")
        return f"{prefix} {visit.petition.tracking_code}: {visit.petition.get_status_display()}"
    return str(visit.get_result_display())


def _running_number(
    running: dict[int, int], *, organization: Organization, visit: ReceptionVisit, start: dt.date
) -> int:
    """Column (1) of form 03/TCD: the register's running number for the year, in date order, whatever the order in
    which the visits were typed in (a visit entered a day late keeps its place by date). An extract that starts
    mid-year continues the year's numbering."""
    year = visit.received_on.year
    if year not in running:
        running[year] = ReceptionVisit.objects.filter(
            organization=organization, received_on__year=year, received_on__lt=start
        ).count()
    running[year] += 1
    return running[year]


def register_rows(
    *, user: User, organization: Organization, start: dt.date, end: dt.date, official: bool = False
) -> list[RegisterRow]:
    """The register between two dates, in order. Unmasked denunciation rows are audited (one row per read).
    ``official``: the kind in the form's own Vietnamese words (for the exported register)."""
    visits = (
        ReceptionVisit.objects.filter(organization=organization, received_on__gte=start, received_on__lte=end)
        .select_related("petition__handling_organization", "refusal_ground", "organization")
        .prefetch_related("people")
        .order_by("received_on", "serial")
    )
    rows, revealed = [], []
    running: dict[int, int] = {}
    for visit in visits:
        number = _running_number(running, organization=organization, visit=visit, start=start)
        people = list(visit.people.all())
        allowed = visit_may_see_identity(user=user, visit=visit)
        if visit.is_denunciation and allowed and people:
            revealed.append(visit.pk)
        if allowed:
            names = "; ".join(", ".join(x for x in (p.full_name, p.address) if x) for p in people)
            ids = "; ".join(p.personal_id for p in people if p.personal_id)
        else:
            names, ids = _("Denouncer — kept confidential (Denunciation Law art. 47)"), ""
        petition = visit.petition
        transfer = ""
        if petition is not None and petition.handling_organization_id != visit.organization_id:
            transfer = petition.handling_organization.name
        notes = [visit.notes] if visit.notes else []
        if any(p.is_representative for p in people) and allowed:
            notes.append(
                _("Representatives: %(names)s")
                % {"names": ", ".join(p.full_name for p in people if p.is_representative)}
            )
        rows.append(
            RegisterRow(
                visit_id=visit.pk,
                serial=number,
                received_on=visit.received_on,
                name_address=names,
                personal_ids=ids,
                summary=visit.content_summary,
                kind=NOUNS[visit.kind] if official else str(visit.get_kind_display()),
                people=visit.people_count,
                previous_handling=visit.previous_handling,
                within_competence="x" if visit.within_competence else "",
                guidance=", ".join(x for x in (visit.guided_to, visit.guidance_reference) if x),
                transfer=transfer,
                follow_up=_follow_up(visit),
                notes="; ".join(notes),
                masked=not allowed,
            )
        )
    if revealed:
        with transaction.atomic():
            audit_record(
                actor=user,
                action="reception.register_identity_viewed",
                target=organization,
                organization_id=organization.pk,
                data={"visits": revealed},
            )
    return rows


def _title(organization: Organization, start: dt.date, end: dt.date) -> tuple[str, str]:
    return (
        f"SỔ TIẾP CÔNG DÂN — {organization.name.upper()}",
        f"Từ ngày {start:%d/%m/%Y} đến ngày {end:%d/%m/%Y}",
    )


def register_xlsx(*, rows: list[RegisterRow], organization: Organization, start: dt.date, end: dt.date) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "So tiep cong dan"
    title, period = _title(organization, start, end)
    sheet.append([title])
    sheet.append([period])
    sheet.append(list(COLUMNS))
    sheet.append([f"({n})" for n in range(1, len(COLUMNS) + 1)])
    for row in rows:
        xlsx_append(sheet, row.cells())
    bold = Font(name=FONT, bold=True)
    for cell in (*sheet[1], *sheet[3]):
        cell.font = bold
    for line in sheet.iter_rows(min_row=3):
        for cell in line:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    for index, width in enumerate((6, 11, 30, 16, 40, 14, 10, 20, 10, 24, 24, 28, 20), start=1):
        sheet.column_dimensions[sheet.cell(row=3, column=index).column_letter].width = width
    sheet.freeze_panes = "A5"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def register_docx(*, rows: list[RegisterRow], organization: Organization, start: dt.date, end: dt.date) -> bytes:
    """The register as a landscape A4 table (a register is a form, not an official document)."""
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    section.left_margin, section.right_margin = Mm(20), Mm(15)
    section.top_margin = section.bottom_margin = Mm(20)
    style = document.styles["Normal"]
    style.font.name, style.font.size = FONT, Pt(10)
    title, period = _title(organization, start, end)
    for text, size, bold in ((title, 14, True), (period, 12, False)):
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(text)
        run.font.size, run.font.bold, run.font.name = Pt(size), bold, FONT
    table = document.add_table(rows=2, cols=len(COLUMNS))
    table.style = "Table Grid"
    for index, heading in enumerate(COLUMNS):
        table.rows[0].cells[index].text = heading
        table.rows[1].cells[index].text = f"({index + 1})"
    for cell in table.rows[0].cells:
        for run in cell.paragraphs[0].runs:
            run.font.bold = True
    for row in rows:
        cells = table.add_row().cells
        for index, value in enumerate(row.cells()):
            cells[index].text = str(value)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
