"""The six templates: statutory wording, inputs checked, the denouncer's identity protected."""

import dataclasses
import datetime

import pytest

from danvan.documents.checks import assert_decree30_format
from danvan.documents.docx_builder import Paragraph, build_docx
from danvan.documents.drafts import (
    CONCEALED_DENOUNCER,
    ComplaintRefusalGround,
    Complexity,
    DenunciationRefusalGround,
    PetitionKind,
    ReceptionOutcome,
    TypeAbbreviation,
)
from danvan.documents.services import document_number_next
from danvan.documents.tests.samples import (
    CITIZEN,
    DAY,
    ISSUER,
    acceptance,
    extension,
    guidance,
    package_text,
    reception,
    refusal,
    slip,
    texts,
)


def _body(model):
    return [p.text if isinstance(p, Paragraph) else p for p in model.paragraphs]


def test_notice_of_acceptance_of_a_complaint():
    model = acceptance()
    assert (model.doc_type, model.abstract, model.number) == (
        "THÔNG BÁO",
        "Về việc thụ lý giải quyết khiếu nại",
        "05/TB-UBND",
    )
    assert model.addressees == ("Bà Nguyễn Thị Hoa",)
    assert _body(model) == [
        "Ngày 29 tháng 12 năm 2025, Ủy ban nhân dân phường Tân Phong nhận được đơn khiếu nại của bà Nguyễn Thị Hoa.",
        "Địa chỉ: Tổ dân phố 7, phường Tân Phong, tỉnh Lai Châu.",
        "Số căn cước/định danh cá nhân/giấy chứng nhận căn cước/hộ chiếu: 012345678901, ngày cấp 12/04/2021, nơi "
        "cấp Cục Cảnh sát quản lý hành chính về trật tự xã hội.",
        "Khiếu nại về việc: Quyết định thu hồi đất số 112/QĐ-UBND ngày 01 tháng 12 năm 2025.",
        "Sau khi xem xét nội dung đơn khiếu nại, căn cứ quy định của pháp luật về khiếu nại, Ủy ban nhân dân phường "
        "Tân Phong nhận thấy đơn khiếu nại đủ điều kiện thụ lý.",
        "Căn cứ Điều 27 Luật Khiếu nại, Chủ tịch Ủy ban nhân dân phường Tân Phong thụ lý giải quyết khiếu nại kể từ "
        "ngày 05 tháng 01 năm 2026.",
        "Theo quy định tại Điều 28 Luật Khiếu nại, thời hạn giải quyết khiếu nại là đến hết ngày 04 tháng 02 năm 2026.",
        "Vậy thông báo để bà Nguyễn Thị Hoa và Thanh tra tỉnh Lai Châu được biết./.",
    ]
    assert model.recipients == ("Như trên", "Thanh tra tỉnh Lai Châu")
    assert model.archive == "VT, TCD, hồ sơ"


def test_a_second_complaint_cites_article_36_and_names_the_forwarding_agency():
    model = acceptance(
        legal_article="Điều 36 Luật Khiếu nại",
        deadline_article="Điều 37 Luật Khiếu nại",
        forwarded_by="Ban Tiếp công dân tỉnh Lai Châu",
    )
    body = _body(model)
    assert body[0].endswith("của bà Nguyễn Thị Hoa do Ban Tiếp công dân tỉnh Lai Châu chuyển đến.")
    assert body[5].startswith("Căn cứ Điều 36 Luật Khiếu nại, ")
    assert body[6].startswith("Theo quy định tại Điều 37 Luật Khiếu nại, ")
    assert body[-1] == (
        "Vậy thông báo để bà Nguyễn Thị Hoa, Ban Tiếp công dân tỉnh Lai Châu và Thanh tra tỉnh Lai Châu được biết./."
    )
    assert model.recipients == ("Như trên", "Ban Tiếp công dân tỉnh Lai Châu", "Thanh tra tỉnh Lai Châu")


def test_notice_of_acceptance_of_a_denunciation_goes_to_the_denouncer_alone():
    model = acceptance(kind=PetitionKind.DENUNCIATION, inspectorate="", acceptance_decision="Quyết định số 02/QĐ-UBND")
    assert model.abstract == "Về việc thụ lý tố cáo"
    body = _body(model)
    assert body[1] == (
        "Sau khi kiểm tra, xác minh thông tin về người tố cáo và điều kiện thụ lý tố cáo, căn cứ Điều 29 Luật Tố cáo, "
        "ngày 05 tháng 01 năm 2026, Chủ tịch Ủy ban nhân dân phường Tân Phong đã ban hành Quyết định số 02/QĐ-UBND "
        "thụ lý tố cáo đối với nội dung: Quyết định thu hồi đất số 112/QĐ-UBND ngày 01 tháng 12 năm 2025."
    )
    assert "Theo quy định tại Điều 30 Luật Tố cáo, thời hạn giải quyết tố cáo" in body[2]
    assert "Điều 47 Luật Tố cáo" in body[3]
    assert model.recipients == ("Như trên",)
    with pytest.raises(ValueError, match="denouncer alone"):
        acceptance(kind=PetitionKind.DENUNCIATION, inspectorate="Thanh tra tỉnh Lai Châu")


@pytest.mark.parametrize("kind", [PetitionKind.RECOMMENDATION, PetitionKind.FEEDBACK])
def test_only_complaints_and_denunciations_are_accepted_by_notice(kind):
    with pytest.raises(ValueError, match="Only complaints and denunciations"):
        acceptance(kind=kind, inspectorate="")


def test_the_number_must_carry_the_template_symbol():
    with pytest.raises(ValueError, match="'TB-UBND'"):
        acceptance(number="05/QĐ-UBND")
    with pytest.raises(ValueError, match="'PC-UBND'"):
        slip(number="05/TB-UBND")
    with pytest.raises(ValueError, match="official letter"):
        guidance(number="05/TB-UBND")


def test_notice_of_refusal_lists_the_grounds_of_article_11():
    model = refusal()
    assert model.abstract == "Về việc không thụ lý giải quyết khiếu nại"
    body = _body(model)
    assert body[2] == (
        "Sau khi xem xét nội dung đơn khiếu nại, căn cứ Điều 11 của Luật Khiếu nại, Ủy ban nhân dân phường Tân Phong "
        "nhận thấy, đơn khiếu nại của bà Nguyễn Thị Hoa không đủ điều kiện để thụ lý giải quyết vì:"
    )
    assert body[3:6] == [
        "- quyết định hành chính, hành vi hành chính bị khiếu nại không liên quan trực tiếp đến quyền, lợi ích hợp "
        "pháp của người khiếu nại (khoản 2 Điều 11 Luật Khiếu nại);",
        "- đơn khiếu nại không có chữ ký hoặc điểm chỉ của người khiếu nại (khoản 5 Điều 11 Luật Khiếu nại).",
        "Đơn không có chữ ký của người khiếu nại.",
    ]
    assert body[-1] == "Vậy thông báo để bà Nguyễn Thị Hoa được biết./."


def test_every_ground_of_article_11_has_its_clause():
    assert [ground.text.rsplit("(", 1)[1] for ground in ComplaintRefusalGround] == [
        f"khoản {n} Điều 11 Luật Khiếu nại)" for n in range(1, 10)
    ]
    assert ComplaintRefusalGround.OUT_OF_TIME.text.startswith("thời hiệu, thời hạn khiếu nại đã hết")


def test_notice_of_refusal_of_a_denunciation_uses_article_29():
    model = refusal(
        kind=PetitionKind.DENUNCIATION,
        grounds=[DenunciationRefusalGround.NO_BASIS],
        explanation="",
    )
    assert model.abstract == "Về việc không thụ lý tố cáo"
    body = _body(model)
    assert body[3] == (
        "- nội dung tố cáo không có cơ sở để xác định người vi phạm, hành vi vi phạm pháp luật (điểm d khoản 1 "
        "Điều 29 Luật Tố cáo)."
    )
    assert "Điều 47 Luật Tố cáo" in body[4]
    with pytest.raises(ValueError, match="DenunciationRefusalGround"):
        refusal(kind=PetitionKind.DENUNCIATION, grounds=[ComplaintRefusalGround.NOT_SIGNED])
    with pytest.raises(ValueError, match="at least one ground"):
        refusal(grounds=[])


def test_forwarding_slip_for_a_denunciation_never_shows_the_denouncer():
    model = slip()
    docx_bytes = build_docx(model)
    everything = package_text(docx_bytes)
    for secret in (CITIZEN.name, CITIZEN.address, CITIZEN.id_number, "Hoa"):
        assert secret not in everything
    lines = texts(docx_bytes)
    assert "PHIẾU CHUYỂN ĐƠN" in lines
    assert "Số: 07/PC-UBND" in lines
    assert "Kính gửi: Chủ tịch Ủy ban nhân dân tỉnh Lai Châu" in lines
    assert (
        "Ngày 02 tháng 01 năm 2026, Ủy ban nhân dân phường Tân Phong nhận được đơn tố cáo của người tố cáo "
        "(thông tin được giữ bí mật theo Điều 47 Luật Tố cáo)." in lines
    )
    # The name inside the summary is struck out too.
    assert "Nội dung đơn: Tố cáo cán bộ địa chính nhận tiền của người tố cáo khi làm thủ tục đất đai." in lines
    assert any("Điều 47 và Điều 56 Luật Tố cáo" in line for line in lines)
    assert model.recipients == ("Như trên",)
    assert assert_decree30_format(docx_bytes) == []


def test_conceal_identity_cannot_be_switched_off_for_a_denunciation():
    assert slip(conceal_identity=True) == slip()
    with pytest.raises(ValueError, match="never shows the denouncer"):
        slip(conceal_identity=False)


def test_conceal_identity_is_a_choice_for_other_petitions():
    shown = slip(kind=PetitionKind.COMPLAINT, content_summary="Khiếu nại quyết định xử phạt")
    shown_text = package_text(build_docx(shown))
    assert CITIZEN.name in shown_text
    assert "Địa chỉ: Tổ dân phố 7, phường Tân Phong, tỉnh Lai Châu." in _body(shown)
    assert shown.recipients == ("Như trên", "Bà Nguyễn Thị Hoa (để biết)")
    hidden = slip(kind=PetitionKind.COMPLAINT, content_summary="Khiếu nại của Nguyễn Thị Hoa", conceal_identity=True)
    hidden_text = package_text(build_docx(hidden))
    assert CITIZEN.name not in hidden_text
    assert CITIZEN.address not in hidden_text
    assert _body(hidden)[0].endswith("của người khiếu nại (thông tin cá nhân được giữ bí mật).")
    assert _body(hidden)[1] == "Nội dung đơn: Khiếu nại của người khiếu nại."


def test_forwarding_recommendations_cites_the_reception_law():
    body = _body(slip(kind=PetitionKind.FEEDBACK, content_summary="Đèn chiếu sáng hỏng"))
    assert "căn cứ điểm b khoản 2 Điều 26 Luật Tiếp công dân" in body[3]
    assert body[-1] == (
        "Ủy ban nhân dân phường Tân Phong chuyển đơn phản ánh nêu trên đến Chủ tịch Ủy ban nhân dân tỉnh Lai Châu để "
        "xem xét, giải quyết theo thẩm quyền./."
    )
    assert CONCEALED_DENOUNCER not in " ".join(body)


def test_guidance_letter_is_an_official_letter():
    model = guidance(returned_documents="01 bản chính quyết định xử phạt")
    assert (model.doc_type, model.number) == ("", "08/UBND-TCD")
    assert model.abstract == "V/v hướng dẫn gửi đơn khiếu nại đến cơ quan có thẩm quyền"
    assert _body(model) == [
        "Ngày 02 tháng 01 năm 2026, Ủy ban nhân dân phường Tân Phong nhận được đơn khiếu nại của bà Nguyễn Thị Hoa, "
        "địa chỉ: Tổ dân phố 7, phường Tân Phong, tỉnh Lai Châu.",
        "Nội dung đơn: Khiếu nại quyết định xử phạt vi phạm hành chính của Sở Xây dựng.",
        "Sau khi xem xét nội dung đơn, căn cứ điểm b khoản 1 Điều 26 Luật Tiếp công dân, Ủy ban nhân dân phường Tân "
        "Phong nhận thấy nội dung đơn không thuộc thẩm quyền giải quyết của Ủy ban nhân dân phường Tân Phong.",
        "Đề nghị bà Nguyễn Thị Hoa gửi đơn đến Giám đốc Sở Xây dựng tỉnh Lai Châu để được xem xét, giải quyết theo "
        "quy định của pháp luật.",
        "Ủy ban nhân dân phường Tân Phong gửi trả lại bà Nguyễn Thị Hoa đơn và các giấy tờ, tài liệu gốc kèm theo: "
        "01 bản chính quyết định xử phạt.",
        "Việc hướng dẫn chỉ thực hiện một lần; đơn có cùng nội dung gửi lại Ủy ban nhân dân phường Tân Phong sẽ không "
        "được xử lý.",
        "Ủy ban nhân dân phường Tân Phong hướng dẫn để bà Nguyễn Thị Hoa biết và thực hiện./.",
    ]
    denunciation = _body(guidance(kind=PetitionKind.DENUNCIATION))
    assert "căn cứ khoản 2 Điều 24 Luật Tố cáo" in denunciation[2]
    assert denunciation[4].startswith("Theo quy định tại khoản 3 Điều 24 Luật Tố cáo, trường hợp đã hướng dẫn")
    assert len(_body(guidance(warn_guided_once=False))) == 5


def test_extension_decision_articles_and_no_denouncer():
    model = extension()
    assert (model.doc_type, model.abstract, model.number, model.enacting_line) == (
        "QUYẾT ĐỊNH",
        "Về việc gia hạn giải quyết tố cáo",
        "09/QĐ-UBND",
        "QUYẾT ĐỊNH:",
    )
    assert model.issuing_authority == "CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG TÂN PHONG"
    assert model.bases[:2] == (
        "Căn cứ Luật Tố cáo ngày 12 tháng 6 năm 2018",
        "Căn cứ Nghị định số 31/2019/NĐ-CP ngày 10 tháng 4 năm 2019 của Chính phủ quy định chi tiết một số điều và "
        "biện pháp tổ chức thi hành Luật Tố cáo",
    )
    assert model.bases[3].startswith("Căn cứ Quyết định số 02/QĐ-UBND ngày 02 tháng 12 năm 2025")
    assert [p.lead for p in model.paragraphs] == ["Điều 1.", "Điều 2.", "Điều 3."]
    article_1, article_2, article_3 = _body(model)
    assert article_1.startswith(
        "Gia hạn giải quyết tố cáo lần thứ nhất đối với vụ việc tố cáo (người bị tố cáo: ông Vàng A Sử, công chức "
        "địa chính - xây dựng) về nội dung: cán bộ địa chính phường nhận tiền khi làm thủ tục đất đai, đã được "
        "thụ lý theo Quyết định số 02/QĐ-UBND"
    )
    assert "thuộc trường hợp đặc biệt phức tạp theo quy định tại khoản 3 Điều 30 Luật Tố cáo" in article_1
    assert article_1.endswith(
        "Thời gian gia hạn là 30 ngày; thời hạn giải quyết tố cáo được kéo dài đến hết ngày 06 tháng 02 năm 2026."
    )
    assert article_2 == "Quyết định này có hiệu lực thi hành kể từ ngày ký."
    assert article_3 == (
        "Chánh Văn phòng Hội đồng nhân dân và Ủy ban nhân dân phường, người bị tố cáo và các cơ quan, tổ chức, cá "
        "nhân có liên quan chịu trách nhiệm thi hành Quyết định này./."
    )
    assert model.recipients == ("Như Điều 3", "Người tố cáo")
    assert "denouncer" not in extension.__code__.co_varnames  # the template cannot take the identity at all


def test_extension_respects_the_number_of_extensions():
    assert extension(complexity=Complexity.ESPECIALLY_COMPLEX, extension_round=2)
    with pytest.raises(ValueError, match="at most 1"):
        extension(complexity=Complexity.COMPLEX, extension_round=2)
    with pytest.raises(ValueError, match="at most 2"):
        extension(extension_round=3)
    with pytest.raises(ValueError, match="at least one day"):
        extension(extended_until=DAY)


@pytest.mark.parametrize(
    ("outcome", "extra", "expected"),
    [
        (ReceptionOutcome.ACCEPTED, {}, ["Khiếu nại của bà Nguyễn Thị Hoa đã được thụ lý để giải quyết."]),
        (
            ReceptionOutcome.NEEDS_MORE_TIME,
            {"answer_by": datetime.date(2026, 1, 20)},
            [
                "Việc xem xét khiếu nại để thụ lý cần kéo dài thời gian do cần xác minh thêm theo quy định của Luật "
                "Khiếu nại.",
                "Ủy ban nhân dân phường Tân Phong sẽ thông báo kết quả cho bà Nguyễn Thị Hoa trước ngày 20 tháng 01 "
                "năm 2026.",
            ],
        ),
        (
            ReceptionOutcome.REFUSED,
            {
                "reason": "nội dung khiếu nại không thuộc thẩm quyền giải quyết của Ủy ban nhân dân phường Tân Phong",
                "target_organization": "Giám đốc Sở Xây dựng tỉnh Lai Châu",
            },
            [
                "Ủy ban nhân dân phường Tân Phong từ chối thụ lý khiếu nại của bà Nguyễn Thị Hoa vì nội dung khiếu nại "
                "không thuộc thẩm quyền giải quyết của Ủy ban nhân dân phường Tân Phong.",
                "Đề nghị bà Nguyễn Thị Hoa gửi khiếu nại đến Giám đốc Sở Xây dựng tỉnh Lai Châu để được xem xét, giải "
                "quyết theo quy định của pháp luật.",
            ],
        ),
        (
            ReceptionOutcome.TRANSFERRED,
            {
                "target_organization": "Giám đốc Sở Xây dựng tỉnh Lai Châu",
                "transfer_reference": "Phiếu chuyển số 04/PC-UBND ngày 02 tháng 01 năm 2026",
            },
            [
                "Nội dung khiếu nại của bà Nguyễn Thị Hoa đã được chuyển đến Giám đốc Sở Xây dựng tỉnh Lai Châu là cơ "
                "quan có thẩm quyền giải quyết theo Phiếu chuyển số 04/PC-UBND ngày 02 tháng 01 năm 2026.",
            ],
        ),
    ],
)
def test_reception_notice_gives_one_of_the_four_answers_of_article_28(outcome, extra, expected):
    model = reception(
        **(
            {"kind": PetitionKind.COMPLAINT, "outcome": outcome, "target_organization": "", "transfer_reference": ""}
            | extra
        )
    )
    assert model.abstract == "Về kết quả xử lý khiếu nại"
    body = _body(model)
    assert body[0] == (
        "Ngày 30 tháng 12 năm 2025, Ủy ban nhân dân phường Tân Phong đã tiếp bà Nguyễn Thị Hoa (địa chỉ: Tổ dân phố 7, "
        "phường Tân Phong, tỉnh Lai Châu) đến khiếu nại về việc: Đường điện chiếu sáng tổ dân phố 7 hư hỏng kéo dài."
    )
    assert (
        body[1]
        == "Căn cứ Điều 28 Luật Tiếp công dân, Ủy ban nhân dân phường Tân Phong thông báo kết quả xử lý khiếu nại "
        "như sau:"
    )
    assert body[2:-1] == expected
    assert body[-1] == "Vậy thông báo để bà Nguyễn Thị Hoa được biết./."
    assert assert_decree30_format(build_docx(model)) == []


def test_reception_notice_inputs_are_checked():
    with pytest.raises(ValueError, match="Only a complaint or a denunciation"):
        reception(outcome=ReceptionOutcome.NEEDS_MORE_TIME)
    with pytest.raises(ValueError, match="Only a complaint or a denunciation"):
        reception(outcome=ReceptionOutcome.REFUSED, reason="không đủ điều kiện")
    with pytest.raises(ValueError, match="states its reason"):
        reception(kind=PetitionKind.DENUNCIATION, outcome=ReceptionOutcome.REFUSED)
    with pytest.raises(ValueError, match="names the competent agency"):
        reception(target_organization=" ")
    assert _body(reception())[2].startswith("Nội dung phản ánh của bà Nguyễn Thị Hoa đã được chuyển đến Công ty")


@pytest.mark.django_db
def test_a_numbered_notice_end_to_end(world):
    symbol = ISSUER.symbol(TypeAbbreviation.NOTICE)
    numbers = [document_number_next(organization=world.org_a, year=DAY.year, symbol=symbol) for _ in range(2)]
    model = acceptance(number=numbers[-1])
    docx_bytes = build_docx(model)
    assert "Số: 02/TB-UBND" in texts(docx_bytes)
    assert assert_decree30_format(docx_bytes) == []
    assert dataclasses.replace(model, number="03/TB-UBND").number == "03/TB-UBND"


def test_forwarding_slip_hides_the_denouncer_however_the_summary_writes_them():
    summary = "Ông NGUYEN THI HOA (CCCD 012 345 678 901) tố cáo cán bộ địa chính xã"
    lines = texts(build_docx(slip(content_summary=summary)))
    assert not any("NGUYEN THI HOA" in line or "012 345 678 901" in line for line in lines)
    assert any("người tố cáo (CCCD người tố cáo) tố cáo cán bộ địa chính" in line for line in lines)
