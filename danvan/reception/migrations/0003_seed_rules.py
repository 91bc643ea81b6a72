"""Seed the law of citizen reception as data (LEGAL_BRIEF.md §2.4, §2.7, §3) and the platform's thresholds.

Citations name the article; notes say where the text was read only in a third-party copy ([S]) or is
an interpretation ([U]). An administrator supersedes a row by adding a version, never by editing it.
"""

import datetime as dt

from django.db import migrations

TCD = dt.date(2014, 7, 1)  # Luật Tiếp công dân 42/2013/QH13 in force
QDI11 = dt.date(2019, 2, 18)  # Quy định 11-QĐi/TW
NEW_LAW = dt.date(2026, 7, 1)  # Luật 136/2025/QH15; Nghị định 154/155/2026/NĐ-CP
CHECK = "Đọc từ bản sao của bên thứ ba (LEGAL_BRIEF.md [S]); cần đối chiếu văn bản chính thức."
DELEGATION_BEFORE = (
    "Trước 01/07/2026 người đứng đầu vắng mặt có thể ủy quyền cho cấp phó (biểu mẫu báo cáo tách “trực tiếp "
    "tiếp” và “ủy quyền tiếp”). [U] cần đối chiếu."
)
NO_DELEGATION = "Luật sửa đổi không giữ việc ủy quyền tiếp công dân định kỳ cho cấp phó. " + CHECK
PARTY = "Quy định 11-QĐi/TW ngày 18/02/2019 của Bộ Chính trị (sửa đổi theo Kết luận 215-KL/TW năm 2025)"

# position, days, period, delegation allowed, from, to, citation, note
DUTY_RULES = [
    ("provincial_chairman", 1, "month", True, TCD, NEW_LAW, "Luật Tiếp công dân 2013, Điều 12 khoản 5",
     DELEGATION_BEFORE),
    ("provincial_chairman", 1, "month", False, NEW_LAW, None,
     "Luật Tiếp công dân 2013, Điều 12 khoản 5, sửa đổi bởi Luật 136/2025/QH15", NO_DELEGATION),
    ("commune_chairman", 1, "week", True, TCD, NEW_LAW, "Luật Tiếp công dân 2013, Điều 15 khoản 2 điểm d",
     DELEGATION_BEFORE),
    ("commune_chairman", 2, "month", False, NEW_LAW, None,
     "Luật 136/2025/QH15 (sửa đổi Điều 15 Luật Tiếp công dân)",
     "Ít nhất 02 ngày trong 01 tháng tại trụ sở hoặc địa điểm do Chủ tịch quyết định. " + NO_DELEGATION),
    ("department_head", 1, "month", True, TCD, NEW_LAW, "Luật Tiếp công dân 2013, Điều 18 khoản 2",
     DELEGATION_BEFORE),
    ("department_head", 1, "month", False, NEW_LAW, None,
     "Luật Tiếp công dân 2013, Điều 18 khoản 2; Nghị định 154/2026/NĐ-CP", NO_DELEGATION),
    ("provincial_party_secretary", 1, "month", False, QDI11, None, PARTY, CHECK),
    ("commune_party_secretary", 2, "month", False, QDI11, None, PARTY, CHECK),
]

# code, people_from, people_to, value, from, to, citation, note
RECEPTION_RULES = [
    ("crowd.min_people", 0, None, 5, TCD, None, "Thông tư 07/2014/TT-TTCP, Điều 6 khoản 4 điểm b",
     "Đơn, đoàn “đông người”: từ 05 người trở lên."),
    ("representatives.min", 5, None, 1, TCD, None, "Luật Tiếp công dân 2013, Điều 29", ""),
    ("representatives.max", 5, 10, 2, TCD, None, "Luật Tiếp công dân 2013, Điều 29",
     "Từ 05 đến 10 người: cử 01 hoặc 02 người đại diện."),
    ("representatives.max", 11, None, 5, TCD, None, "Luật Tiếp công dân 2013, Điều 29",
     "Trên 10 người: có thể cử thêm người đại diện nhưng không quá 05 người."),
    ("online.booking", 0, None, None, NEW_LAW, None,
     "Luật 136/2025/QH15 (Điều 3a mới của Luật Tiếp công dân); Nghị định 154/2026/NĐ-CP, Chương V", CHECK),
    ("dialogue.notice_days", 0, None, 5, NEW_LAW, None,
     "Nghị định 155/2026/NĐ-CP, Điều 11 (Điều 28 mới của Nghị định 124/2020/NĐ-CP)",
     "Thông báo cho các bên ít nhất 05 ngày trước ngày đối thoại. " + CHECK),
    ("dialogue.minutes_copies", 0, None, 3, NEW_LAW, None,
     "Nghị định 155/2026/NĐ-CP (Điều 28 mới của Nghị định 124/2020/NĐ-CP, Mẫu số 14)", CHECK),
]

ART9 = "Luật Tiếp công dân 2013, Điều 9 khoản {}"
ND154 = "Nghị định 154/2026/NĐ-CP, Điều 4"
# code, name (vi), name (en), citation, from, note
GROUNDS = [
    ("tcd9-1",
     "Người trong tình trạng say do dùng chất kích thích, người mắc bệnh tâm thần hoặc bệnh khác làm mất khả "
     "năng nhận thức hoặc khả năng điều khiển hành vi",
     "Intoxicated, or mentally unable to understand or control their behaviour", ART9.format(1), TCD, ""),
    ("tcd9-2",
     "Người có hành vi đe dọa, xúc phạm cơ quan, người tiếp công dân, người thi hành công vụ hoặc vi phạm nội "
     "quy nơi tiếp công dân",
     "Threatening or insulting behaviour, or breaking the rules of the reception place", ART9.format(2), TCD, ""),
    ("tcd9-3",
     "Khiếu nại, tố cáo về vụ việc đã được giải quyết đúng chính sách, pháp luật, đã được kiểm tra, rà soát, "
     "thông báo bằng văn bản, đã được tiếp, giải thích, hướng dẫn nhưng vẫn cố tình khiếu nại, tố cáo kéo dài",
     "A matter already resolved correctly, reviewed, answered in writing and explained, raised again and again",
     ART9.format(3), TCD, ""),
    ("tcd9-4", "Những trường hợp khác theo quy định của pháp luật", "Other cases provided by law",
     ART9.format(4), TCD, ""),
    ("nd154-weapons", "Mang theo vũ khí, vật liệu nổ, công cụ hỗ trợ hoặc vật dụng nguy hiểm",
     "Carrying weapons, explosives or other dangerous objects", ND154, NEW_LAW, CHECK),
    ("nd154-security", "Không chấp hành việc kiểm tra an ninh tại nơi tiếp công dân",
     "Refusing the security check at the reception place", ND154, NEW_LAW, CHECK),
    ("nd154-recording", "Ghi âm, ghi hình, phát trực tiếp tại nơi tiếp công dân khi chưa được phép",
     "Recording or livestreaming at the reception place without permission", ND154, NEW_LAW, CHECK),
    ("nd154-incitement", "Kích động, lôi kéo người khác gây rối trật tự tại nơi tiếp công dân",
     "Inciting others to disorder at the reception place", ND154, NEW_LAW, CHECK),
    ("nd154-capacity", "Không có năng lực hành vi dân sự đầy đủ mà không có người đại diện hợp pháp",
     "Lacking full civil capacity without a lawful representative", ND154, NEW_LAW, CHECK),
    ("nd154-representative", "Người đại diện, người được ủy quyền không chứng minh được tư cách hợp pháp",
     "A representative or authorised person who cannot prove the authorisation", ND154, NEW_LAW, CHECK),
    ("nd154-scope", "Nội dung trình bày không phải là khiếu nại, tố cáo, kiến nghị, phản ánh",
     "The content is not a complaint, denunciation, recommendation or feedback", ND154, NEW_LAW, CHECK),
    ("nd154-repeat", "Kiến nghị, phản ánh đã được trả lời bằng văn bản mà không có thông tin, tình tiết mới",
     "A recommendation or feedback already answered in writing, with nothing new", ND154, NEW_LAW, CHECK),
    ("nd154-court", "Vụ việc đã được Tòa án giải quyết bằng bản án, quyết định có hiệu lực pháp luật",
     "A matter already decided by a final court judgment or decision", ND154, NEW_LAW, CHECK),
    ("nd154-other-body", "Vụ việc đang được cơ quan có thẩm quyền khác thụ lý, giải quyết",
     "A matter being handled by another competent body", ND154, NEW_LAW, CHECK),
]

# code, value, minimum, description
THRESHOLDS = [
    ("hotspot-window-days", 14, 1, "Số ngày gần nhất được xem xét khi chấm điểm nóng."),
    ("hotspot-baseline-days", 90, 7, "Số ngày trước đó dùng làm mức nền để so sánh."),
    ("hotspot-surge-min-petitions", 5, 2, "Số đơn tối thiểu cùng một nội dung trong khoảng gần nhất."),
    ("hotspot-surge-ratio", 3, 1, "Số lần vượt mức nền (đã quy đổi theo độ dài khoảng) để coi là tăng đột biến."),
    ("hotspot-crowd-people", 10, 5, "Một đơn đông người có từ chừng này người trở lên là điểm nóng."),
    ("hotspot-crowd-petitions", 2, 1, "Chừng này đơn đông người trong khoảng gần nhất là điểm nóng."),
    ("hotspot-repeat-petitions", 2, 1, "Số đơn gửi lại của cùng một người sau khi đã được trả lời."),
    ("hotspot-overdue-crowd-cases", 1, 1, "Số vụ việc đông người quá hạn giải quyết."),
    ("complex-prolonged-days", 365, 30, "Vụ việc mở quá số ngày này được coi là kéo dài."),
]


def seed(apps, schema_editor):
    DutyRule = apps.get_model("reception", "ReceptionDutyRule")
    Rule = apps.get_model("reception", "ReceptionRule")
    Ground = apps.get_model("reception", "RefusalGround")
    Threshold = apps.get_model("reception", "Threshold")
    for position, days, period, delegation, start, end, citation, note in DUTY_RULES:
        DutyRule.objects.update_or_create(
            position=position,
            effective_from=start,
            defaults={"days_required": days, "period": period, "delegation_allowed": delegation,
                      "effective_to": end, "citation": citation, "note": note},
        )
    for code, people_from, people_to, value, start, end, citation, note in RECEPTION_RULES:
        Rule.objects.update_or_create(
            code=code,
            people_from=people_from,
            effective_from=start,
            defaults={"people_to": people_to, "value": value, "effective_to": end, "citation": citation,
                      "note": note},
        )
    for position, (code, name, name_en, citation, start, note) in enumerate(GROUNDS, start=1):
        Ground.objects.update_or_create(
            code=code,
            defaults={"name": name, "name_en": name_en, "citation": citation, "effective_from": start,
                      "note": note, "position": position},
        )
    for code, value, minimum, description in THRESHOLDS:
        Threshold.objects.get_or_create(
            code=code, defaults={"value": value, "minimum": minimum, "description": description}
        )


def unseed(apps, schema_editor):
    for model in ("ReceptionDutyRule", "ReceptionRule", "RefusalGround", "Threshold"):
        apps.get_model("reception", model).objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("reception", "0002_dialogue_complex_hotspot")]

    operations = [migrations.RunPython(seed, unseed)]
