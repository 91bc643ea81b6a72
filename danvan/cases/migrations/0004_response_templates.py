"""Response templates (mẫu trả lời) and a few system-wide ones to start from.

``{citizen_name}`` appears only in the answers to complaints, recommendations and feedback and in the
guidance letter, which is addressed to the sender; for a denunciation the case page fills it only for
those who may see the denouncer's identity (the others get a placeholder).
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

GREETING = "Kính gửi: {citizen_name}\n\n"
RECEIVED = (
    "{organization} đã nhận được đơn của Ông/Bà ngày {received_on} (mã theo dõi {tracking_code}) "
    "về việc: {subject}.\n\n"
)

# title, kind ("" = any), step, body
TEMPLATES = [
    (
        "Hướng dẫn gửi đơn đến cơ quan có thẩm quyền",
        "",
        "guidance",
        GREETING
        + RECEIVED
        + "Sau khi xem xét, nội dung đơn không thuộc thẩm quyền giải quyết của {organization}. Căn cứ quy định "
        "của pháp luật về tiếp công dân, xử lý đơn, {organization} hướng dẫn Ông/Bà gửi đơn đến cơ quan có thẩm "
        "quyền nêu dưới đây để được xem xét, giải quyết theo quy định.\n\n"
        "Việc hướng dẫn chỉ thực hiện một lần đối với cùng một nội dung đơn.",
    ),
    (
        "Trả lời kiến nghị",
        "recommendation",
        "conclusion",
        GREETING + RECEIVED + "Sau khi kiểm tra, xem xét nội dung kiến nghị, {organization} trả lời Ông/Bà như sau:\n\n"
        "[Nội dung trả lời]\n\n"
        "{organization} cảm ơn Ông/Bà đã quan tâm, đóng góp ý kiến.",
    ),
    (
        "Trả lời phản ánh",
        "feedback",
        "conclusion",
        GREETING + RECEIVED + "Sau khi kiểm tra thực tế, {organization} thông tin đến Ông/Bà kết quả xử lý như sau:\n\n"
        "[Kết quả kiểm tra, xử lý]\n\n"
        "{organization} cảm ơn Ông/Bà đã phản ánh để chính quyền kịp thời xử lý.",
    ),
    (
        "Kết quả giải quyết khiếu nại",
        "complaint",
        "conclusion",
        GREETING + RECEIVED + "Căn cứ kết quả xác minh và đối thoại, {organization} kết luận: khiếu nại của Ông/Bà là "
        "[đúng / đúng một phần / sai].\n\n"
        "[Căn cứ pháp luật và nội dung giải quyết]\n\n"
        "Nếu không đồng ý với quyết định giải quyết khiếu nại lần đầu, Ông/Bà có quyền khiếu nại lần hai hoặc "
        "khởi kiện vụ án hành chính tại Tòa án theo quy định của Luật Khiếu nại.",
    ),
    (
        "Lý do không thụ lý (lưu đơn)",
        "",
        "refusal",
        "Đơn mã {tracking_code} nhận ngày {received_on} về việc: {subject}.\n\n"
        "Đơn không đủ điều kiện thụ lý giải quyết theo quy định (căn cứ pháp lý đã chọn ở trên). "
        "[Nêu cụ thể lý do: đơn đã được hướng dẫn một lần về cùng nội dung / hết thời hiệu / đã có quyết định "
        "giải quyết có hiệu lực pháp luật, không có tình tiết mới …]",
    ),
]


def seed(apps, schema_editor):
    ResponseTemplate = apps.get_model("cases", "ResponseTemplate")
    for title, kind, step, body in TEMPLATES:
        ResponseTemplate.objects.update_or_create(
            organization=None, title=title, defaults={"kind": kind, "step": step, "body": body}
        )


def unseed(apps, schema_editor):
    ResponseTemplate = apps.get_model("cases", "ResponseTemplate")
    ResponseTemplate.objects.filter(organization=None, title__in=[t[0] for t in TEMPLATES]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_apitoken"),
        ("cases", "0003_petition_next_due_on"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="ResponseTemplate",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="created at")),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="updated at")),
                ("title", models.CharField(max_length=150, verbose_name="title")),
                (
                    "kind",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("complaint", "complaint"),
                            ("denunciation", "denunciation"),
                            ("recommendation", "recommendation"),
                            ("feedback", "feedback"),
                        ],
                        help_text="Empty: any kind.",
                        max_length=20,
                        verbose_name="kind of petition",
                    ),
                ),
                (
                    "step",
                    models.CharField(
                        choices=[
                            ("guidance", "guidance to the competent body"),
                            ("conclusion", "conclusion or answer"),
                            ("refusal", "reason for not accepting (archiving)"),
                        ],
                        max_length=20,
                        verbose_name="used for",
                    ),
                ),
                ("body", models.TextField(verbose_name="text")),
                ("is_active", models.BooleanField(default=True, verbose_name="in use")),
                (
                    "created_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "organization",
                    models.ForeignKey(
                        blank=True,
                        help_text="Empty: offered to every organisation.",
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="accounts.organization",
                        verbose_name="organisation",
                    ),
                ),
            ],
            options={
                "verbose_name": "response template",
                "verbose_name_plural": "response templates",
                "ordering": ["step", "title", "id"],
                "indexes": [models.Index(fields=["organization", "step"], name="cases_respo_organiz_6748a5_idx")],
            },
        ),
        migrations.RunPython(seed, unseed),
    ]
