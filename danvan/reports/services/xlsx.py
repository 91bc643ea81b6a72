"""XLSX files: the statistical tables of a report, and officers' case lists with the masking rules applied."""

from __future__ import annotations

import io
from collections.abc import Iterable

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from danvan.accounts.models import User
from danvan.audit.services import audit_record
from danvan.cases.models import Kind, Party, PartyRole, Petition
from danvan.cases.selectors import user_may_see_identity
from danvan.core.spreadsheet import xlsx_append
from danvan.reports.periods import Period
from danvan.reports.selectors.scope import ReportScope
from danvan.reports.selectors.tables import Table

EXPORT_LIMIT = 5000
BOLD = Font(bold=True)


def _sheet_title(text: str, used: set[str]) -> str:
    title = "".join(ch for ch in text if ch not in "[]:*?/\\")[:28] or "Sheet"
    base, n = title, 2
    while title in used:
        title, n = f"{base[:25]} {n}", n + 1
    used.add(title)
    return title


def _autosize(sheet: Worksheet, widths: Iterable[int]) -> None:
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = max(10, min(width, 60))


def statistics_xlsx(*, tables: list[Table], scope: ReportScope, period: Period) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    used: set[str] = set()
    for table in tables:
        sheet = workbook.create_sheet(_sheet_title(table.title, used))
        sheet.append([table.title])
        sheet["A1"].font = Font(bold=True, size=13)
        sheet.append([_("Scope"), scope.name])
        sheet.append([pgettext("reporting", "Period"), period.start, period.end])
        sheet.append([_("Columns"), f"{table.column_set.version} — {table.column_set.citation}"])
        if table.column_set.is_indicative:
            sheet.append(
                [_("Note"), _("Indicative columns, until the official forms of TT 01/2024/TT-TTCP are confirmed.")]
            )
        sheet.append([])
        header = [_("Unit"), *[column.label for column in table.columns]]
        sheet.append(header)
        header_row = sheet.max_row
        for cell in sheet[header_row]:
            cell.font = BOLD
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        for row in [*table.rows, table.total]:
            xlsx_append(sheet, [row.label, *[row.values.get(column.key) for column in table.columns]])
        for cell in sheet[sheet.max_row]:
            cell.font = BOLD
        for row_cells in sheet.iter_rows(min_row=3, max_row=3):
            for cell in row_cells[1:]:
                cell.number_format = "DD/MM/YYYY"
        sheet.freeze_panes = sheet.cell(row=header_row + 1, column=2)
        _autosize(sheet, [36, *[14] * len(table.columns)])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _petitioners(petitions: list[Petition]) -> dict[int, list[str]]:
    names: dict[int, list[str]] = {}
    parties = Party.objects.filter(
        petition__in=petitions, role__in=[PartyRole.PETITIONER, PartyRole.REPRESENTATIVE]
    ).order_by("petition_id", "role", "pk")
    for petition_id, name in parties.values_list("petition_id", "full_name"):
        names.setdefault(petition_id, []).append(name)
    return names


@transaction.atomic
def case_list_xlsx(*, actor: User, petitions: list[Petition], description: str) -> bytes:
    """The listed petitions as a spreadsheet. A denouncer's name is written only when ``actor`` may see the
    identity (Denunciation Law art. 47); each such petition gets an audit row, like reading it on screen."""
    petitions = petitions[:EXPORT_LIMIT]
    names = _petitioners(petitions)
    hidden = _("Kept confidential (Denunciation Law art. 47)")
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = _sheet_title(_("Petitions"), set())
    sheet.append([description])
    sheet["A1"].font = BOLD
    columns = [
        _("Tracking code"),
        _("Received on"),
        _("Kind"),
        _("Status"),
        _("Subject area"),
        _("Commune"),
        _("Handling organisation"),
        _("Handler"),
        _("Petitioner"),
        _("Subject"),
    ]
    sheet.append(columns)
    for cell in sheet[2]:
        cell.font = BOLD
    revealed = []
    for petition in petitions:
        confidential = petition.kind == Kind.DENUNCIATION
        allowed = not confidential or user_may_see_identity(user=actor, petition=petition)
        petitioner = "; ".join(names.get(petition.pk, [])) if allowed else hidden
        if confidential and allowed and names.get(petition.pk):
            revealed.append(petition)
        xlsx_append(
            sheet,
            [
                petition.tracking_code,
                petition.received_on,
                str(petition.get_kind_display()),
                str(petition.get_status_display()),
                petition.category.name if petition.category else "",
                petition.unit.name,
                petition.handling_organization.name,
                petition.handler.get_full_name() if petition.handler else "",
                petitioner,
                petition.subject,
            ],
        )
        sheet.cell(row=sheet.max_row, column=2).number_format = "DD/MM/YYYY"
    if len(petitions) == EXPORT_LIMIT:
        sheet.append([_("Only the first %(limit)s petitions are exported.") % {"limit": EXPORT_LIMIT}])
    _autosize(sheet, [16, 12, 14, 18, 20, 20, 30, 20, 28, 50])
    for petition in revealed:
        audit_record(
            actor=actor,
            action="petition.identity_exported",
            target=petition,
            organization_id=petition.handling_organization_id,
        )
    audit_record(actor=actor, action="reports.case_list_exported", data={"count": len(petitions)})
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
