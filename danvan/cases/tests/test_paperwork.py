"""Documents produced by transitions: Decree 30 format, numbering, and no denouncer identity on a slip."""

import io
import zipfile

from danvan.cases.models import IssuedDocument
from danvan.cases.services import workflow
from danvan.documents.checks import assert_decree30_format


def _docx_text(document: IssuedDocument) -> str:
    document.file.open("rb")
    data = document.file.read()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return " ".join(archive.read(name).decode("utf-8", "ignore") for name in archive.namelist())


def _bytes(document: IssuedDocument) -> bytes:
    document.file.open("rb")
    return document.file.read()


def test_acceptance_notice_is_numbered_and_in_decree_30_format(world, submit, head_a):
    petition = submit().petition
    workflow.petition_classify(actor=head_a, petition=petition, eligible=True, within_competence=True)
    workflow.petition_accept(actor=head_a, petition=petition)
    notice = IssuedDocument.objects.get(petition=petition, kind="acceptance_notice")
    assert notice.number == "01/TB-UBND"
    assert notice.for_citizen
    assert assert_decree30_format(_bytes(notice)) == []
    text = _docx_text(notice)
    assert "thụ lý giải quyết khiếu nại" in text
    assert "Nguyễn Văn An" in text  # a complainant's notice is addressed to him
    second = submit().petition
    workflow.petition_classify(actor=head_a, petition=second, eligible=True, within_competence=True)
    workflow.petition_accept(actor=head_a, petition=second)
    assert IssuedDocument.objects.get(petition=second, kind="acceptance_notice").number == "02/TB-UBND"


def test_forwarding_slip_of_a_denunciation_hides_the_denouncer(world, submit, head_a):
    petition = submit(kind="denunciation", complaint_round=None).petition
    workflow.petition_forward(actor=head_a, petition=petition, to_organization=world.org_b, reason="Thẩm quyền")
    slip = IssuedDocument.objects.get(petition=petition, kind="forwarding_slip")
    assert slip.number == "01/PC-UBND"
    assert not slip.for_citizen
    assert assert_decree30_format(_bytes(slip)) == []
    text = _docx_text(slip)
    assert "Nguyễn Văn An" not in text
    assert "001085012345" not in text
    assert "giữ bí mật" in text


def test_refusal_notice_cites_the_ground(world, submit, head_a):
    petition = submit().petition
    workflow.petition_classify(actor=head_a, petition=petition, eligible=False, within_competence=True)
    workflow.petition_archive(actor=head_a, petition=petition, ground="kn11_6", reason="Quá thời hiệu")
    notice = IssuedDocument.objects.get(petition=petition, kind="refusal_notice")
    assert assert_decree30_format(_bytes(notice)) == []
    assert "khoản 6" in _docx_text(notice)


def test_extension_decision_for_a_denunciation(world, submit, head_a):
    petition = submit(kind="denunciation", complaint_round=None).petition
    workflow.petition_classify(actor=head_a, petition=petition, eligible=True, within_competence=True)
    workflow.petition_accept(actor=head_a, petition=petition)
    workflow.petition_extend(actor=head_a, petition=petition, reason="Phức tạp")
    decision = IssuedDocument.objects.get(petition=petition, kind="extension_decision")
    assert decision.number == "01/QĐ-UBND"
    assert assert_decree30_format(_bytes(decision)) == []
    text = _docx_text(decision)
    assert "gia hạn" in text
    assert "Nguyễn Văn An" not in text  # sent to the denounced person too


def test_guidance_letter_is_a_cong_van(world, submit, head_a):
    petition = submit(kind="feedback", complaint_round=None).petition
    workflow.petition_guide(
        actor=head_a,
        petition=petition,
        guidance="Đề nghị gửi đơn đến Sở Xây dựng.",
        competent_body="Sở Xây dựng tỉnh Lai Châu",
    )
    letter = IssuedDocument.objects.get(petition=petition, kind="guidance_letter")
    assert letter.number == "01/UBND-TCD"
    assert assert_decree30_format(_bytes(letter)) == []
