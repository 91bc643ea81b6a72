"""The verification dossier: the denunciation file handed to verifiers with the denouncer's identity
stripped (Denunciation Law art. 56: name, address and handwriting removed; identity-bearing scans left out).
"""

from __future__ import annotations

import io
import zipfile

from django.db import transaction
from docx import Document

from danvan.accounts.models import User
from danvan.audit.services import audit_record
from danvan.cases.models import Attachment, CaseEvent, Kind, Party, PartyRole, Petition
from danvan.cases.selectors import identity_of
from danvan.core.masking import conceal

PLACEHOLDER = "[người tố cáo — thông tin được giữ bí mật]"


def _strip(text: str, parties: list[Party]) -> str:
    return conceal(text, [identity_of(p) for p in parties], PLACEHOLDER)


def verification_dossier(*, actor: User, petition: Petition) -> bytes:
    """A ZIP with a DOCX summary and the attachments that do not reveal the petitioner. For a
    denunciation, every trace of the denouncer is removed; for other kinds the file is handed as it is."""
    concealed = petition.kind == Kind.DENUNCIATION
    parties = list(Party.objects.filter(petition=petition))
    secret = [p for p in parties if p.role in (PartyRole.PETITIONER, PartyRole.REPRESENTATIVE)] if concealed else []

    summary = Document()
    summary.add_heading(f"Hồ sơ {petition.tracking_code}", level=1)
    summary.add_paragraph(f"Loại đơn: {petition.get_kind_display()} — tiếp nhận ngày {petition.received_on:%d/%m/%Y}")
    summary.add_paragraph(f"Nội dung chính: {_strip(petition.subject, secret)}")
    summary.add_paragraph(_strip(petition.content, secret))
    if petition.respondent_name:
        summary.add_paragraph(f"Người bị khiếu nại/tố cáo: {petition.respondent_name}")
    if concealed:
        summary.add_paragraph(f"Người tố cáo: {PLACEHOLDER}")
    else:
        for party in parties:
            summary.add_paragraph(f"{party.get_role_display()}: {party.full_name}")
    summary.add_heading("Diễn biến", level=2)
    for event in CaseEvent.objects.filter(petition=petition).order_by("created_at"):
        summary.add_paragraph(f"{event.created_at:%d/%m/%Y}: {event.action} {_strip(event.reason, secret)}".strip())
    summary.core_properties.title = f"Hồ sơ {petition.tracking_code}"
    summary.core_properties.author = ""
    buffer = io.BytesIO()
    summary.save(buffer)

    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("ho-so.docx", buffer.getvalue())
        attachments = Attachment.objects.filter(petition=petition)
        if concealed:
            attachments = attachments.filter(reveals_identity=False)
        for index, attachment in enumerate(attachments, start=1):
            attachment.file.open("rb")
            extension = attachment.original_name.rsplit(".", 1)[-1] if "." in attachment.original_name else "bin"
            # Original file names can carry a name: number the files instead.
            z.writestr(f"tai-lieu-{index:02d}.{extension}", attachment.file.read())
    with transaction.atomic():
        audit_record(
            actor=actor,
            action="petition.dossier_exported",
            target=petition,
            organization_id=petition.handling_organization_id,
            data={"concealed": concealed},
        )
    return archive.getvalue()
