import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile

from danvan.audit.models import AuditEvent
from danvan.cases.dossier import PLACEHOLDER, verification_dossier

from .conftest import petition_data

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_denunciation_dossier_strips_the_denouncer(world, head_a):
    from danvan.cases.services.intake import PartyData, petition_submit

    data = petition_data(
        world,
        kind="denunciation",
        complaint_round=None,
        content="Tôi là Nguyễn Văn An, số điện thoại 0912345678, tố cáo cán bộ địa chính nhận tiền.",
        parties=[PartyData(full_name="Nguyễn Văn An", personal_id="001085012345", phone="0912345678")],
        attachments=[SimpleUploadedFile("don-nguyen-van-an.pdf", PDF)],
    )
    petition = petition_submit(actor=None, data=data, receiving_organization=world.org_a).petition
    blob = verification_dossier(actor=head_a, petition=petition)
    with zipfile.ZipFile(io.BytesIO(blob)) as archive:
        names = archive.namelist()
        everything = " ".join(archive.read(n).decode("utf-8", "ignore") for n in names if n.endswith(".docx") is False)
        docx = zipfile.ZipFile(io.BytesIO(archive.read("ho-so.docx")))
        xml = " ".join(docx.read(n).decode("utf-8", "ignore") for n in docx.namelist())
    assert names == ["ho-so.docx"]  # the handwritten letter is left out: it reveals the denouncer
    assert "Nguyễn Văn An" not in xml + everything
    assert "0912345678" not in xml
    assert "001085012345" not in xml
    assert PLACEHOLDER in xml
    assert "cán bộ địa chính nhận tiền" in xml
    assert AuditEvent.objects.filter(action="petition.dossier_exported", actor=head_a).count() == 1
