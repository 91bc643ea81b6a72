"""``manage.py law_rules``: the rules in force on a day as plain text, with the changes of 1 July 2026."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def _run(*args: str) -> dict[str, str]:
    out = StringIO()
    call_command("law_rules", *args, stdout=out)
    lines = out.getvalue().splitlines()[1:]
    return {line[2:].split(" | ")[0]: line for line in lines}


def test_the_rules_on_30_june_and_1_july_2026():
    before, after = _run("--on", "2026-06-30"), _run("--on", "2026-07-01")
    assert before["complaint.accept"] == (
        "  complaint.accept | 10 ngày làm việc | 2012-07-01 → 2026-07-01 | [C] | "
        "Luật Khiếu nại 2011, Điều 27; Nghị định 124/2020/NĐ-CP, Điều 16 khoản 1"
    )
    assert after["complaint.accept"] == (
        "* complaint.accept | 7 ngày làm việc | 2026-07-01 → … | [S] | "
        "Nghị định 155/2026/NĐ-CP, Điều 10 (sửa đổi khoản 1 Điều 16 Nghị định 124/2020/NĐ-CP)"
    )
    assert before["reception.refusal"].startswith("  reception.refusal | 4 căn cứ | 2014-07-01 → … | [C] | ")
    assert after["reception.refusal"].startswith("* reception.refusal | 14 căn cứ | 2026-07-01 → … | [S] | ")
    assert "dialogue.notice_days" not in before
    assert after["dialogue.notice_days"].startswith("* dialogue.notice_days | 5 ngày | 2026-07-01 → … | [S] | ")
    assert before["complaint.refusal"].startswith("  complaint.refusal | 9 căn cứ | 2012-07-01 → … | [C] | ")
    assert after["complaint.refusal"].startswith("  complaint.refusal")  # unchanged on 1 July: no mark
    assert before["reception.crowd_min_people"] == (
        "  reception.crowd_min_people | 5 người | 2014-07-01 → … | [C] | "
        "Thông tư 07/2014/TT-TTCP, Điều 6 khoản 4 điểm b"
    )


def test_a_code_prefix_and_a_changes_since_day():
    rows = _run("--on", "2026-07-01", "--code", "reception.duty", "--changes-since", "2026-01-01")
    assert sorted(rows) == [
        "reception.duty.commune_chairman",
        "reception.duty.commune_party_secretary",
        "reception.duty.department_head",
        "reception.duty.provincial_chairman",
        "reception.duty.provincial_party_secretary",
    ]
    assert rows["reception.duty.commune_chairman"].startswith("* reception.duty.commune_chairman | 2 ngày mỗi tháng")
    assert rows["reception.duty.commune_party_secretary"].startswith("  ")


def test_a_bad_date_is_refused():
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("law_rules", "--on", "30/06/2026", stdout=StringIO())
