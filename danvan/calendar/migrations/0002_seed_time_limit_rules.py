"""Seed the legal time limits of LEGAL_BRIEF.md §2.3 (one row per variant and effective period).

The rows are data an administrator may later supersede with ``rule_version_add``. Citations name the
article; notes say where the text was read only in a third-party copy.
"""

import datetime as dt

from django.db import migrations

KN = dt.date(2012, 7, 1)  # Luật Khiếu nại 02/2011/QH13 in force
TCD = dt.date(2014, 7, 1)  # Luật Tiếp công dân 42/2013/QH13
TC = dt.date(2019, 1, 1)  # Luật Tố cáo 25/2018/QH14
DCCS = dt.date(2023, 7, 1)  # Luật Thực hiện dân chủ ở cơ sở 10/2022/QH15
ND155 = dt.date(2026, 7, 1)  # Nghị định 155/2026/NĐ-CP

WD, D = "working_days", "days"
NEEDS_CHECK = "Đọc từ bản sao của bên thứ ba (LEGAL_BRIEF.md [S]); cần đối chiếu văn bản chính thức."
ACCEPT_FROM = "ngày nhận được khiếu nại thuộc thẩm quyền giải quyết"
ACCEPT_NOTE = (
    "Luật ghi “10 ngày”; Nghị định 124/2020/NĐ-CP (trước đó Thông tư 07/2013/TT-TTCP) tính là ngày làm việc. "
    "Từ 01/07/2026 là 07 ngày làm việc (Nghị định 155/2026/NĐ-CP)."
)
ACCEPT_7_NOTE = "Áp dụng cho khiếu nại nhận được từ ngày 01/07/2026. " + NEEDS_CHECK
ACCEPTED = "ngày thụ lý"

# code, length, unit, complex, remote, effective_from, effective_to, max_ext, ext_len, counts_from, citation, note
RULES = [
    ("complaint.file", 90, D, False, False, KN, None, 0, 0,
     "ngày nhận được hoặc biết được quyết định hành chính, hành vi hành chính",
     "Luật Khiếu nại 2011, Điều 9",
     "Thời gian có trở ngại (ốm đau, thiên tai, địch họa, đi công tác, học tập ở nơi xa…) không tính vào "
     "thời hiệu: khi đó người xử lý tính lại ngày bắt đầu."),
    ("complaint.accept", 10, WD, False, False, KN, ND155, 0, 0, ACCEPT_FROM,
     "Luật Khiếu nại 2011, Điều 27; Nghị định 124/2020/NĐ-CP, Điều 16 khoản 1", ACCEPT_NOTE),
    ("complaint.accept", 7, WD, False, False, ND155, None, 0, 0, ACCEPT_FROM,
     "Nghị định 155/2026/NĐ-CP, Điều 10 (sửa đổi khoản 1 Điều 16 Nghị định 124/2020/NĐ-CP)", ACCEPT_7_NOTE),
    ("complaint.first.resolve", 30, D, False, False, KN, None, 0, 0, ACCEPTED, "Luật Khiếu nại 2011, Điều 28", ""),
    ("complaint.first.resolve", 45, D, True, False, KN, None, 0, 0, ACCEPTED, "Luật Khiếu nại 2011, Điều 28",
     "Vụ việc phức tạp: không quá 45 ngày."),
    ("complaint.first.resolve", 45, D, False, True, KN, None, 0, 0, ACCEPTED, "Luật Khiếu nại 2011, Điều 28",
     "Vùng sâu, vùng xa đi lại khó khăn: không quá 45 ngày."),
    ("complaint.first.resolve", 60, D, True, True, KN, None, 0, 0, ACCEPTED, "Luật Khiếu nại 2011, Điều 28",
     "Vùng sâu, vùng xa, vụ việc phức tạp: không quá 60 ngày."),
    ("complaint.decision.send", 3, WD, False, False, KN, None, 0, 0,
     "ngày có quyết định giải quyết khiếu nại lần đầu", "Luật Khiếu nại 2011, Điều 32", ""),
    ("complaint.second.file", 30, D, False, False, KN, None, 0, 0,
     "ngày nhận được quyết định giải quyết khiếu nại lần đầu, hoặc ngày hết thời hạn giải quyết lần đầu mà "
     "khiếu nại không được giải quyết",
     "Luật Khiếu nại 2011, Điều 33 khoản 1", ""),
    ("complaint.second.file", 45, D, False, True, KN, None, 0, 0,
     "ngày nhận được quyết định giải quyết khiếu nại lần đầu, hoặc ngày hết thời hạn giải quyết lần đầu mà "
     "khiếu nại không được giải quyết",
     "Luật Khiếu nại 2011, Điều 33 khoản 1", "Vùng sâu, vùng xa đi lại khó khăn: không quá 45 ngày."),
    ("complaint.second.accept", 10, WD, False, False, KN, ND155, 0, 0, ACCEPT_FROM,
     "Luật Khiếu nại 2011, Điều 36 khoản 1; Nghị định 124/2020/NĐ-CP, Điều 16 khoản 1", ACCEPT_NOTE),
    ("complaint.second.accept", 7, WD, False, False, ND155, None, 0, 0, ACCEPT_FROM,
     "Nghị định 155/2026/NĐ-CP, Điều 10 (sửa đổi khoản 1 Điều 16 Nghị định 124/2020/NĐ-CP)", ACCEPT_7_NOTE),
    ("complaint.second.resolve", 45, D, False, False, KN, None, 0, 0, ACCEPTED, "Luật Khiếu nại 2011, Điều 37", ""),
    ("complaint.second.resolve", 60, D, True, False, KN, None, 0, 0, ACCEPTED, "Luật Khiếu nại 2011, Điều 37",
     "Vụ việc phức tạp: không quá 60 ngày."),
    ("complaint.second.resolve", 60, D, False, True, KN, None, 0, 0, ACCEPTED, "Luật Khiếu nại 2011, Điều 37",
     "Vùng sâu, vùng xa đi lại khó khăn: không quá 60 ngày."),
    ("complaint.second.resolve", 70, D, True, True, KN, None, 0, 0, ACCEPTED, "Luật Khiếu nại 2011, Điều 37",
     "Vùng sâu, vùng xa, vụ việc phức tạp: không quá 70 ngày."),
    ("complaint.second.decision.send", 7, D, False, False, KN, None, 0, 0,
     "ngày có quyết định giải quyết khiếu nại lần hai", "Luật Khiếu nại 2011, Điều 41 khoản 1", ""),
    ("complaint.decision.final", 30, D, False, False, KN, None, 0, 0,
     "ngày ban hành quyết định giải quyết khiếu nại", "Luật Khiếu nại 2011, Điều 44 khoản 1, 2",
     "Quyết định lần đầu có hiệu lực pháp luật sau thời hạn này nếu không có khiếu nại lần hai."),
    ("complaint.decision.final", 45, D, False, True, KN, None, 0, 0,
     "ngày ban hành quyết định giải quyết khiếu nại", "Luật Khiếu nại 2011, Điều 44 khoản 1, 2",
     "Vùng sâu, vùng xa đi lại khó khăn: không quá 45 ngày."),
    ("complaint.suspension.send", 3, WD, False, False, ND155, None, 0, 0,
     "ngày ban hành quyết định tạm đình chỉ, đình chỉ hoặc tiếp tục giải quyết khiếu nại",
     "Nghị định 155/2026/NĐ-CP (Điều 28b mới của Nghị định 124/2020/NĐ-CP)",
     "Thời hạn giải quyết tính lại từ ngày ban hành quyết định tiếp tục giải quyết. " + NEEDS_CHECK),
    ("denunciation.initial", 7, WD, False, False, TC, None, 0, 0,
     "ngày nhận được tố cáo", "Luật Tố cáo 2018, Điều 24 khoản 1", ""),
    ("denunciation.initial", 10, WD, True, False, TC, None, 0, 0,
     "ngày nhận được tố cáo", "Luật Tố cáo 2018, Điều 24 khoản 1",
     "“Phức tạp” ở bước này: phải kiểm tra, xác minh tại nhiều địa điểm hoặc phải ủy quyền kiểm tra, xác minh."),
    ("denunciation.forward", 5, WD, False, False, TC, None, 0, 0,
     "ngày nhận được đơn tố cáo không thuộc thẩm quyền", "Luật Tố cáo 2018, Điều 24 khoản 2", ""),
    ("denunciation.resolve", 30, D, False, False, TC, None, 2, 30,
     "ngày thụ lý tố cáo", "Luật Tố cáo 2018, Điều 30; Nghị định 31/2019/NĐ-CP, Điều 3",
     "Vụ việc phức tạp: gia hạn một lần; đặc biệt phức tạp: gia hạn hai lần; mỗi lần không quá 30 ngày, "
     "bằng quyết định gia hạn gửi các bên."),
    ("denunciation.continued.review", 20, D, False, False, TC, None, 0, 0,
     "ngày nhận được tố cáo tiếp", "Luật Tố cáo 2018, Điều 37 khoản 2", ""),
    ("denunciation.conclusion.publish", 7, WD, False, False, TC, None, 0, 0,
     "ngày ra kết luận nội dung tố cáo, quyết định xử lý hành vi vi phạm bị tố cáo",
     "Luật Tố cáo 2018, Điều 40 khoản 1", ""),
    ("reception.notify", 10, WD, False, False, TCD, None, 0, 0,
     "ngày tiếp nhận nội dung khiếu nại, tố cáo, kiến nghị, phản ánh",
     "Luật Tiếp công dân 2013, Điều 28 khoản 1", ""),
    ("disclosure.publish", 5, WD, False, False, DCCS, None, 0, 0,
     "ngày có quyết định, văn bản của cơ quan có thẩm quyền về nội dung cần công khai",
     "Luật Thực hiện dân chủ ở cơ sở 2022, Điều 12 khoản 3",
     "Chỉ khi pháp luật chuyên ngành không quy định thời điểm công khai khác."),
]


def seed(apps, schema_editor):
    TimeLimitRule = apps.get_model("legal_calendar", "TimeLimitRule")
    for code, length, unit, complex_, remote, start, end, max_ext, ext_len, counts_from, citation, note in RULES:
        TimeLimitRule.objects.update_or_create(
            code=code,
            complex=complex_,
            remote=remote,
            effective_from=start,
            defaults={
                "length": length,
                "unit": unit,
                "effective_to": end,
                "max_extensions": max_ext,
                "extension_length": ext_len,
                "counts_from": counts_from,
                "citation": citation,
                "note": note,
            },
        )


def unseed(apps, schema_editor):
    TimeLimitRule = apps.get_model("legal_calendar", "TimeLimitRule")
    for code, _length, _unit, complex_, remote, start, *_rest in RULES:
        TimeLimitRule.objects.filter(code=code, complex=complex_, remote=remote, effective_from=start).delete()


class Migration(migrations.Migration):
    dependencies = [("legal_calendar", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
