"""Seed the competence rules as data (LEGAL_BRIEF.md §2.4–§2.6; statute extracts in /work/shared/domain/sources).

Each row names the article. Certainty follows LEGAL_BRIEF §0: "C" read in the law's text, "S" secondary,
"U" interpretation or memory, to be checked (the panel shows the tag). Since 1 July 2025 there is no
district level: the rows that pointed to the district chairman end that day and a "U" version points to
the provincial chairman (LEGAL_BRIEF §2.4, open item 1 of §12). A correction is a new version in a new
migration (close the row with ``effective_to`` and add the next one), never an edit of a row in place.
"""

import datetime as dt

from django.db import migrations

KN = dt.date(2012, 7, 1)  # Luật Khiếu nại 02/2011/QH13 in force
TC = dt.date(2019, 1, 1)  # Luật Tố cáo 25/2018/QH14 in force
TCD = dt.date(2014, 7, 1)  # Luật Tiếp công dân 42/2013/QH13 in force
TT05 = dt.date(2021, 11, 15)  # Thông tư 05/2021/TT-TTCP in force
TWO_LEVEL = dt.date(2025, 7, 1)  # no district level from this day

CHAIRMAN = "Chủ tịch UBND"
DIRECTOR = "Giám đốc"
NO_DISTRICT = (
    "Không còn cấp huyện từ 01/7/2025; Nghị định 155/2026/NĐ-CP (Điều 14) cho thấy Chủ tịch UBND cấp tỉnh giám sát "
    "việc giải quyết của Chủ tịch UBND cấp xã. [U] Cần đối chiếu Luật 81/2025/QH15, 84/2025/QH15 và văn bản hợp nhất."
)

# code, kind, round, respondent, category code, target, target kind, resolver, from, to, citation, certainty, note
RULES = [
    # --- Complaints (Luật Khiếu nại 2011) ---------------------------------------------------------------
    ("kn-lan-dau-lanh-dao-xa", "complaint", 1, "commune_leader", None, "commune", "", CHAIRMAN, KN, None,
     "Luật Khiếu nại 2011, Điều 17", "C",
     "Khiếu nại lần đầu quyết định, hành vi hành chính của Chủ tịch UBND cấp xã (kể cả quyết định của UBND xã)."),
    ("kn-lan-dau-cong-chuc-xa", "complaint", 1, "commune_official", None, "commune", "", CHAIRMAN, KN, None,
     "Luật Khiếu nại 2011, Điều 17", "C",
     "Quyết định, hành vi hành chính của người có trách nhiệm do Chủ tịch UBND cấp xã quản lý trực tiếp."),
    ("kn-lan-dau-chua-ro", "complaint", 1, "any", None, "commune", "", CHAIRMAN, KN, None,
     "Luật Khiếu nại 2011, Điều 17", "U",
     "Không nhận ra người ra quyết định trong đơn: giả định quyết định của cấp xã nơi có vụ việc; cán bộ kiểm tra lại."),
    ("kn-lan-hai", "complaint", 2, "any", None, "district", "", "Chủ tịch UBND cấp huyện", KN, TWO_LEVEL,
     "Luật Khiếu nại 2011, Điều 18 khoản 2", "C",
     "Khiếu nại lần hai quyết định, hành vi hành chính của Chủ tịch UBND cấp xã."),
    ("kn-lan-hai", "complaint", 2, "any", None, "province", "", CHAIRMAN, TWO_LEVEL, None,
     "Luật Khiếu nại 2011, Điều 18 khoản 2 và Điều 21 khoản 2; Nghị định 155/2026/NĐ-CP, Điều 14", "U", NO_DISTRICT),
    ("kn-lan-dau-lanh-dao-so", "complaint", 1, "department_head", None, "department", "", DIRECTOR, KN, None,
     "Luật Khiếu nại 2011, Điều 20 khoản 1", "C",
     "Giám đốc sở giải quyết lần đầu quyết định, hành vi hành chính của mình."),
    ("kn-lan-dau-don-vi-so", "complaint", 1, "department_official", None, "department", "", DIRECTOR, KN, None,
     "Luật Khiếu nại 2011, Điều 20 khoản 1", "C",
     "Quyết định, hành vi hành chính của người do Giám đốc sở quản lý trực tiếp."),
    ("kn-lan-hai-don-vi-so", "complaint", 2, "department_official", None, "department", "", DIRECTOR, KN, None,
     "Luật Khiếu nại 2011, Điều 20 khoản 2", "C",
     "Khiếu nại lần hai đối với quyết định của thủ trưởng cơ quan thuộc sở đã giải quyết lần đầu."),
    ("kn-lan-hai-lanh-dao-so", "complaint", 2, "department_head", None, "province", "", CHAIRMAN, KN, None,
     "Luật Khiếu nại 2011, Điều 21 khoản 2", "C",
     "Khiếu nại lần hai đối với quyết định của Giám đốc sở đã giải quyết lần đầu."),
    ("kn-lan-dau-lanh-dao-tinh", "complaint", 1, "province_leader", None, "province", "", CHAIRMAN, KN, None,
     "Luật Khiếu nại 2011, Điều 21 khoản 1", "C",
     "Chủ tịch UBND cấp tỉnh giải quyết lần đầu quyết định, hành vi hành chính của mình."),
    ("kn-lan-hai-lanh-dao-tinh", "complaint", 2, "province_leader", None, "outside", "",
     "Bộ trưởng quản lý ngành, lĩnh vực", KN, None, "Luật Khiếu nại 2011, Điều 25 khoản 2", "U",
     "Điều khoản ghi theo trí nhớ, chưa đọc trong văn bản: cần kiểm tra."),
    # --- Denunciations (Luật Tố cáo 2018) ---------------------------------------------------------------
    ("tc-cong-chuc-xa", "denunciation", None, "commune_official", None, "commune", "", CHAIRMAN, TC, None,
     "Luật Tố cáo 2018, Điều 13 khoản 1; Điều 21", "C",
     "Công chức do Chủ tịch UBND cấp xã quản lý trực tiếp; người được giao nhiệm vụ, công vụ không phải cán bộ, "
     "công chức (trưởng thôn…) do người đứng đầu cơ quan quản lý trực tiếp giải quyết."),
    ("tc-lanh-dao-xa", "denunciation", None, "commune_leader", None, "district", "", "Chủ tịch UBND cấp huyện", TC,
     TWO_LEVEL, "Luật Tố cáo 2018, Điều 13 khoản 2 điểm a", "C",
     "Tố cáo Chủ tịch, Phó Chủ tịch UBND cấp xã."),
    ("tc-lanh-dao-xa", "denunciation", None, "commune_leader", None, "province", "", CHAIRMAN, TWO_LEVEL, None,
     "Luật Tố cáo 2018, Điều 13 khoản 2 điểm a (cấp huyện không còn từ 01/7/2025)", "U", NO_DISTRICT),
    ("tc-cong-chuc-so", "denunciation", None, "department_official", None, "department", "", DIRECTOR, TC, None,
     "Luật Tố cáo 2018, Điều 13 khoản 3", "C",
     "Người đứng đầu cơ quan chuyên môn thuộc UBND cấp tỉnh: công chức, viên chức, đơn vị do mình quản lý."),
    ("tc-lanh-dao-so", "denunciation", None, "department_head", None, "province", "", CHAIRMAN, TC, None,
     "Luật Tố cáo 2018, Điều 13 khoản 4 điểm a", "C",
     "Người đứng đầu, cấp phó của người đứng đầu cơ quan chuyên môn thuộc UBND cấp tỉnh."),
    ("tc-lanh-dao-tinh", "denunciation", None, "province_leader", None, "outside", "", "Thủ tướng Chính phủ", TC,
     None, "Luật Tố cáo 2018, Điều 13 khoản 8", "U", "Khoản ghi theo trí nhớ, chưa đọc trong văn bản: cần kiểm tra."),
    ("tc-dang-vien", "denunciation", None, "party_member", None, "outside", "",
     "Cơ quan có thẩm quyền của Đảng (Ủy ban kiểm tra cấp ủy)", TT05, None,
     "Thông tư 05/2021/TT-TTCP, Điều 15", "C",
     "Đơn tố cáo đảng viên vi phạm Điều lệ Đảng, chủ trương, quy định của Đảng được chuyển đến cơ quan có thẩm "
     "quyền của Đảng."),
    ("tc-chua-ro", "denunciation", None, "any", None, "commune", "", CHAIRMAN, TC, None,
     "Luật Tố cáo 2018, Điều 2 khoản 1 điểm b", "U",
     "Không nhận ra người vi phạm là cán bộ, công chức: coi là vi phạm quy định quản lý nhà nước trong lĩnh vực tại "
     "địa bàn xã; cán bộ xác định cơ quan quản lý nhà nước có thẩm quyền."),
    # --- Recommendations and feedback (Luật Tiếp công dân 2013) -----------------------------------------
    ("kien-nghi", "recommendation", None, "any", None, "commune", "", CHAIRMAN, TCD, None,
     "Luật Tiếp công dân 2013, Điều 26 khoản 2", "U",
     "Kiến nghị về việc ở địa bàn xã: UBND cấp xã xem xét; nếu nội dung thuộc ngành khác thì chuyển cơ quan có "
     "thẩm quyền. Việc chọn UBND xã là cách hiểu, cần kiểm tra theo từng lĩnh vực."),
    ("phan-anh", "feedback", None, "any", None, "commune", "", CHAIRMAN, TCD, None,
     "Luật Tiếp công dân 2013, Điều 26 khoản 2", "U",
     "Phản ánh về việc ở địa bàn xã: UBND cấp xã xem xét; nếu nội dung thuộc ngành khác thì chuyển cơ quan có "
     "thẩm quyền. Việc chọn UBND xã là cách hiểu, cần kiểm tra theo từng lĩnh vực."),
    ("phan-anh-trat-tu", "feedback", None, "any", "public_order", "commune", "police", "Trưởng", TCD, None,
     "Luật Tiếp công dân 2013, Điều 26 khoản 2", "U",
     "An ninh, trật tự tại địa bàn: Công an cấp xã (nếu có trên nền tảng, nếu không thì UBND cấp xã)."),
    ("kien-nghi-trat-tu", "recommendation", None, "any", "public_order", "commune", "police", "Trưởng", TCD, None,
     "Luật Tiếp công dân 2013, Điều 26 khoản 2", "U",
     "An ninh, trật tự tại địa bàn: Công an cấp xã (nếu có trên nền tảng, nếu không thì UBND cấp xã)."),
]


def seed(apps, schema_editor):
    CompetenceRule = apps.get_model("routing", "CompetenceRule")
    Category = apps.get_model("cases", "Category")
    for (code, kind, round_, respondent, category, target, target_kind, resolver, start, end, citation, certainty,
         note) in RULES:  # fmt: skip
        CompetenceRule.objects.update_or_create(
            code=code,
            effective_from=start,
            defaults={
                "kind": kind,
                "complaint_round": round_,
                "respondent": respondent,
                "category": Category.objects.filter(code=category).first() if category else None,
                "target": target,
                "target_kind": target_kind,
                "resolver": resolver,
                "effective_to": end,
                "citation": citation,
                "certainty": certainty,
                "note": note,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("routing", "0001_initial"), ("cases", "0002_seed_categories")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
