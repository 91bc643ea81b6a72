"""Corrections to the ``holidays`` package (0.109) for days the Government decided and the package lacks.

Only what could be checked is seeded; see docs in ``danvan/calendar/workdays.py`` and the report of the
calendar work for what the package already provides (Tết, Giỗ Tổ, 30/4–1/5, 2/9 and its adjacent day,
compensatory days, the 2025-04-26 and 2026-08-22 make-up Saturdays).

New Year 2026: the Deputy Prime Minister approved the Ministry of Home Affairs' plan (Văn phòng Chính phủ,
công văn 12729/VPCP-KGVX, 25/12/2025): civil servants off Thursday 1 to Sunday 4 January 2026, the working
day of Friday 2 January swapped to Saturday 10 January 2026 (reported by baohiemxahoi.gov.vn, 25/12/2025).
"""

import datetime as dt

from django.db import migrations

BASIS_2026_NEW_YEAR = (
    "Công văn số 12729/VPCP-KGVX ngày 25/12/2025 của Văn phòng Chính phủ về việc nghỉ Tết Dương lịch năm 2026"
)

OVERRIDES = [
    (dt.date(2026, 1, 2), "day_off", "Nghỉ Tết Dương lịch 2026: hoán đổi ngày làm việc thứ Sáu 02/01/2026 "
     "sang thứ Bảy 10/01/2026", BASIS_2026_NEW_YEAR),
    (dt.date(2026, 1, 10), "working_day", "Làm bù cho thứ Sáu 02/01/2026 (nghỉ Tết Dương lịch 2026)",
     BASIS_2026_NEW_YEAR),
]


def seed(apps, schema_editor):
    CalendarOverride = apps.get_model("legal_calendar", "CalendarOverride")
    for day, kind, reason, basis in OVERRIDES:
        CalendarOverride.objects.update_or_create(
            date=day, defaults={"kind": kind, "reason": reason, "legal_basis": basis}
        )


def unseed(apps, schema_editor):
    CalendarOverride = apps.get_model("legal_calendar", "CalendarOverride")
    CalendarOverride.objects.filter(date__in=[day for day, *_rest in OVERRIDES]).delete()


class Migration(migrations.Migration):
    dependencies = [("legal_calendar", "0002_seed_time_limit_rules")]

    operations = [migrations.RunPython(seed, unseed)]
