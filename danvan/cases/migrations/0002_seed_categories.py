from django.db import migrations

CATEGORIES = [
    ("land", "Đất đai", "Land"),
    ("compensation", "Bồi thường, hỗ trợ, tái định cư, giải phóng mặt bằng", "Compensation and site clearance"),
    ("social_policy", "Chính sách xã hội, người có công", "Social policy"),
    ("corruption", "Tham nhũng, tiêu cực, vi phạm công vụ", "Corruption and official misconduct"),
    ("environment", "Môi trường, tài nguyên", "Environment"),
    ("public_order", "An ninh, trật tự, an toàn xã hội", "Public order"),
    ("justice", "Tư pháp, hộ tịch", "Justice and civil status"),
    ("construction", "Xây dựng, trật tự đô thị", "Construction and urban order"),
    ("administrative_procedure", "Thủ tục hành chính, thái độ phục vụ", "Administrative procedures"),
    ("infrastructure", "Hạ tầng, giao thông, điện, nước", "Infrastructure and utilities"),
    ("other", "Khác", "Other"),
]


def seed(apps, schema_editor):
    Category = apps.get_model("cases", "Category")
    for position, (code, name, name_en) in enumerate(CATEGORIES):
        Category.objects.update_or_create(code=code, defaults={"name": name, "name_en": name_en, "position": position})


class Migration(migrations.Migration):
    dependencies = [("cases", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
