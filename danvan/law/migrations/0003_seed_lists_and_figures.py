"""Seed the legal lists and figures that were literals in code: the grounds for not accepting a complaint
(Complaint Law art. 11), a denunciation (Denunciation Law art. 29) or a petition (TT 05/2021), the criteria of a
complex case, the reopen window and the report month's first day. Certainty as LEGAL_BRIEF.md tags it."""

import datetime as dt

from django.db import migrations

KN = dt.date(2012, 7, 1)  # Luật Khiếu nại 02/2011/QH13 in force
TC = dt.date(2019, 1, 1)  # Luật Tố cáo 25/2018/QH14 in force
TT05 = dt.date(2021, 11, 15)  # Thông tư 05/2021/TT-TTCP in force
ND31 = dt.date(2019, 5, 28)  # Nghị định 31/2019/NĐ-CP in force
REPORTS = dt.date(2000, 1, 1)  # the 15th-to-14th month predates TT 01/2024 (TT 03/2013, TT 02/2021): see note
ART11 = "Luật Khiếu nại 2011, Điều 11 khoản {}"
ART29 = "Luật Tố cáo 2018, Điều 29 khoản 1{}"

# list, code, name (vi), name (en), citation, from, certainty, note
GROUNDS = [
    ("complaint.refusal", "kn11_1",
     "Điều 11 khoản 1: quyết định, hành vi hành chính trong nội bộ, có chứa quy phạm pháp luật hoặc thuộc bí mật "
     "nhà nước", "Art. 11(1): internal directive, normative act or state secret", ART11.format(1), KN, "C", ""),
    ("complaint.refusal", "kn11_2",
     "Điều 11 khoản 2: không liên quan trực tiếp đến quyền, lợi ích hợp pháp của người khiếu nại",
     "Art. 11(2): the complainant's own rights are not directly affected", ART11.format(2), KN, "C", ""),
    ("complaint.refusal", "kn11_3",
     "Điều 11 khoản 3: người khiếu nại không có năng lực hành vi dân sự đầy đủ mà không có người đại diện hợp pháp",
     "Art. 11(3): no full civil capacity and no legal representative", ART11.format(3), KN, "C", ""),
    ("complaint.refusal", "kn11_4", "Điều 11 khoản 4: người đại diện không hợp pháp thực hiện khiếu nại",
     "Art. 11(4): the representative is not lawful", ART11.format(4), KN, "C", ""),
    ("complaint.refusal", "kn11_5", "Điều 11 khoản 5: đơn khiếu nại không có chữ ký hoặc điểm chỉ của người khiếu nại",
     "Art. 11(5): the petition is not signed or fingerprinted", ART11.format(5), KN, "C", ""),
    ("complaint.refusal", "kn11_6",
     "Điều 11 khoản 6: thời hiệu, thời hạn khiếu nại đã hết mà không có lý do chính đáng",
     "Art. 11(6): the time limit for complaining has passed", ART11.format(6), KN, "C", ""),
    ("complaint.refusal", "kn11_7", "Điều 11 khoản 7: khiếu nại đã có quyết định giải quyết khiếu nại lần hai",
     "Art. 11(7): a second-time decision already exists", ART11.format(7), KN, "C", ""),
    ("complaint.refusal", "kn11_8",
     "Điều 11 khoản 8: có văn bản thông báo đình chỉ việc giải quyết khiếu nại mà người khiếu nại không tiếp tục "
     "khiếu nại trong thời hạn luật định",
     "Art. 11(8): not continued in time after a notice terminating the resolution", ART11.format(8), KN,
     "C", "Luật quy định 30 ngày kể từ văn bản thông báo đình chỉ."),
    ("complaint.refusal", "kn11_9",
     "Điều 11 khoản 9: việc khiếu nại đã được Tòa án thụ lý hoặc giải quyết bằng bản án, quyết định",
     "Art. 11(9): a court has accepted or decided the matter", ART11.format(9), KN, "C", ""),
    ("petition.not_processed", "tt05_guided", "Đã được hướng dẫn một lần về cùng nội dung (TT 05/2021)",
     "Already guided once on the same content (TT 05/2021)", "Thông tư 05/2021/TT-TTCP", TT05, "U",
     "LEGAL_BRIEF §2.1 mục 4: nội dung lấy từ TT 07/2014 (văn bản trước), giả định TT 05/2021 giữ nguyên [U]."),
    ("petition.not_processed", "tt05_copy",
     "Đơn gửi đồng thời đến cơ quan có thẩm quyền, đã được cơ quan đó giải quyết (TT 05/2021)",
     "Also sent to the competent body, which handles it (TT 05/2021)", "Thông tư 05/2021/TT-TTCP", TT05, "U",
     "LEGAL_BRIEF §2.1 mục 4 [U]."),
    ("petition.not_processed", "tt05_form", "Đơn không đủ điều kiện xử lý (TT 05/2021)",
     "Does not meet the conditions for processing (TT 05/2021)", "Thông tư 05/2021/TT-TTCP", TT05, "S",
     "LEGAL_BRIEF §2.1 mục 3 [S]."),
    ("denunciation.refusal", "tc29_a", "Tố cáo không được thực hiện theo quy định tại Điều 23 của Luật Tố cáo",
     "Art. 29(1)(a): the denunciation was not made as art. 23 requires", ART29.format(" điểm a"), TC,
     "C", ""),
    ("denunciation.refusal", "tc29_b",
     "Người tố cáo không có đủ năng lực hành vi dân sự và không có người đại diện theo quy định của pháp luật",
     "Art. 29(1)(b): no full civil capacity and no legal representative", ART29.format(" điểm b"), TC,
     "C", ""),
    ("denunciation.refusal", "tc29_c",
     "Vụ việc không thuộc thẩm quyền giải quyết tố cáo của cơ quan, tổ chức, cá nhân tiếp nhận tố cáo",
     "Art. 29(1)(c): not within the competence of the receiving body", ART29.format(" điểm c"), TC,
     "C", ""),
    ("denunciation.refusal", "tc29_d",
     "Nội dung tố cáo không có cơ sở để xác định người vi phạm, hành vi vi phạm pháp luật",
     "Art. 29(1)(d): no basis to identify the offender or the violation", ART29.format(" điểm d"), TC,
     "C", ""),
    ("denunciation.refusal", "tc29_complaint",
     "Tố cáo xuất phát từ vụ việc khiếu nại đã được giải quyết đúng pháp luật mà người tố cáo không cung cấp được "
     "thông tin, tài liệu, chứng cứ về vi phạm của người giải quyết khiếu nại",
     "Art. 29(1), last paragraph: a denunciation of a lawfully resolved complaint without evidence",
     ART29.format(", đoạn cuối"), TC, "C", ""),
    ("case.complexity_criteria", "several_places", "Cần xác minh ở hai địa điểm trở lên",
     "verification is needed at two or more places", "Nghị định 31/2019/NĐ-CP, Điều 3", ND31, "S",
     "Nội dung [C] (LEGAL_BRIEF §2.3); ngày hiệu lực cần đối chiếu. Từ 01/07/2026 áp dụng cả cho khiếu nại "
     "(Nghị định 155/2026/NĐ-CP, Điều 3a mới của Nghị định 124/2020/NĐ-CP) [S]."),
    ("case.complexity_criteria", "several_contents", "Có từ hai nội dung trở lên cần xác minh",
     "two or more contents to verify", "Nghị định 31/2019/NĐ-CP, Điều 3", ND31, "S", ""),
    ("case.complexity_criteria", "many_complainants",
     "Nhiều người cùng khiếu nại, tố cáo về một nội dung hoặc nội dung liên quan đến quyền, lợi ích của nhiều người",
     "many people complain about the same content or are affected", "Nghị định 31/2019/NĐ-CP, Điều 3", ND31,
     "S", ""),
    ("case.complexity_criteria", "foreign_element", "Có yếu tố nước ngoài", "a foreign element",
     "Nghị định 31/2019/NĐ-CP, Điều 3", ND31, "S", ""),
    ("case.complexity_criteria", "several_agencies", "Liên quan đến trách nhiệm quản lý của nhiều cơ quan",
     "several management agencies are involved", "Nghị định 31/2019/NĐ-CP, Điều 3", ND31, "S", ""),
    ("case.complexity_criteria", "agencies_disagree", "Các cơ quan có liên quan có ý kiến khác nhau",
     "the agencies involved disagree", "Nghị định 31/2019/NĐ-CP, Điều 3", ND31, "S", ""),
    ("case.complexity_criteria", "contradictory_evidence", "Có tình tiết, chứng cứ mâu thuẫn nhau",
     "the evidence is contradictory", "Nghị định 31/2019/NĐ-CP, Điều 3", ND31, "S", ""),
]

# code, value, unit, applies to, citation, from, certainty, note
FIGURES = [
    ("petition.reopen_window", 30, "days", "kiến nghị, phản ánh, khiếu nại đã đóng",
     "Luật Khiếu nại 2011, Điều 33 khoản 1 (tham chiếu)", KN, "U",
     "Quy định của nền tảng: người dân báo chưa được giải quyết trong thời hạn này sau khi đóng hồ sơ; lấy theo "
     "thời hạn khiếu nại lần hai (30 ngày). Không phải con số do luật quy định trực tiếp cho việc mở lại [U]."),
    ("report.month_start_day", 15, "day_of_month", "kỳ số liệu báo cáo (từ ngày 15 tháng trước đến ngày 14)",
     "Thông tư 01/2024/TT-TTCP", REPORTS, "S",
     "Kỳ số liệu: từ ngày 15 của tháng cuối kỳ trước đến ngày 14 của tháng cuối kỳ báo cáo (LEGAL_BRIEF §9) [S]. "
     "Các thông tư trước (TT 03/2013, TT 02/2021) dùng cùng mốc; ngày hiệu lực ghi từ 2000 để các kỳ cũ vẫn "
     "tính được [U]."),
]


def seed(apps, schema_editor):
    Ground = apps.get_model("law", "LegalGround")
    Figure = apps.get_model("law", "LegalFigure")
    positions: dict[str, int] = {}
    for list_code, code, name, name_en, citation, start, certainty, note in GROUNDS:
        positions[list_code] = positions.get(list_code, 0) + 1
        Ground.objects.update_or_create(
            code=code,
            effective_from=start,
            defaults={"list_code": list_code, "name": name, "name_en": name_en, "citation": citation,
                      "certainty": certainty, "note": note, "position": positions[list_code]},
        )
    for code, value, unit, applies_to, citation, start, certainty, note in FIGURES:
        Figure.objects.update_or_create(
            code=code,
            people_from=0,
            effective_from=start,
            defaults={"value": value, "unit": unit, "applies_to": applies_to, "citation": citation,
                      "certainty": certainty, "note": note},
        )


def unseed(apps, schema_editor):
    apps.get_model("law", "LegalGround").objects.filter(code__in=[row[1] for row in GROUNDS]).delete()
    apps.get_model("law", "LegalFigure").objects.filter(code__in=[row[0] for row in FIGURES]).delete()


class Migration(migrations.Migration):
    dependencies = [("law", "0002_tables_and_certainty")]

    operations = [migrations.RunPython(seed, unseed)]
