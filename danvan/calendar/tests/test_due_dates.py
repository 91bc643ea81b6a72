"""Due dates computed by hand, day by day, against the civil servants' calendar.

The calendar used below (weekdays that are NOT worked, and Saturdays that ARE worked):

2025  Wed 01-01 New Year · Mon 01-27 – Fri 01-31 Tết Ất Tỵ (off Sat 25 Jan – Sun 2 Feb) · Mon 04-07 Giỗ Tổ ·
      Wed 04-30, Thu 05-01 · Fri 05-02 swapped, Sat 04-26 worked · Mon 09-01, Tue 09-02 Quốc khánh.
2026  Thu 01-01 New Year · Fri 01-02 swapped, Sat 01-10 worked (seeded override, công văn 12729/VPCP-KGVX) ·
      Mon 02-16 – Fri 02-20 Tết Bính Ngọ (off Sat 14 – Sun 22 Feb) · Sun 04-26 Giỗ Tổ → Mon 04-27 compensatory ·
      Thu 04-30, Fri 05-01 · Mon 08-31 swapped, Sat 08-22 worked · Tue 09-01, Wed 09-02 Quốc khánh.

"wd" = working day; the start day is never counted; (n) = the n-th working day counted.
"""

import datetime as dt

import pytest
from django.utils import translation

from danvan.calendar.errors import CalendarErrorCode
from danvan.calendar.selectors import due_date
from danvan.core.errors import DomainError

D = dt.date.fromisoformat

CASES = [
    # --- Tết 2025 ---------------------------------------------------------------------------------
    # complaint.accept, 10 wd (received before 2026-07-01). Fri 24 Jan; skip Sat 25–Sun 26, Tết Mon 27–Fri 31,
    # Sat 1–Sun 2 Feb; Feb 3(1) 4(2) 5(3) 6(4) 7(5), skip 8–9, 10(6) 11(7) 12(8) 13(9) 14(10).
    pytest.param("complaint.accept", "2025-01-24", {}, "2025-02-14", id="tet2025-accept-10wd"),
    # denunciation.initial, 7 wd. Wed 22 Jan: Thu 23(1) Fri 24(2); skip 25 Jan–2 Feb; Feb 3(3) 4(4) 5(5) 6(6) 7(7).
    pytest.param("denunciation.initial", "2025-01-22", {}, "2025-02-07", id="tet2025-denunciation-initial"),
    # complaint.first.resolve, 30 days. 1 Jan + 30 = Fri 31 Jan (Tết) → Sat 1, Sun 2 Feb → Mon 3 Feb.
    pytest.param("complaint.first.resolve", "2025-01-01", {}, "2025-02-03", id="tet2025-days-roll"),
    # complaint.second.file, 30 days. Sat 28 Dec 2024 + 30 = Mon 27 Jan 2025 (Tết, 29 tháng Chạp) → Tết to
    # Fri 31, Sat 1, Sun 2 Feb → Mon 3 Feb.
    pytest.param("complaint.second.file", "2024-12-28", {}, "2025-02-03", id="tet2025-second-file-roll"),
    # --- New Year 2025 ----------------------------------------------------------------------------
    # complaint.decision.send, 3 wd. Tue 31 Dec 2024: skip Wed 1 Jan; Thu 2(1) Fri 3(2); skip 4–5; Mon 6(3).
    pytest.param("complaint.decision.send", "2024-12-31", {}, "2025-01-06", id="newyear2025-send"),
    # --- Giỗ Tổ 2025 (Mon 7 April) ----------------------------------------------------------------
    # complaint.decision.send, 3 wd. Thu 3 Apr: Fri 4(1); skip Sat 5, Sun 6, Giỗ Tổ Mon 7; Tue 8(2) Wed 9(3).
    pytest.param("complaint.decision.send", "2025-04-03", {}, "2025-04-09", id="giotohv2025-send"),
    # --- 30/4–1/5 2025 with the swapped Saturday 26 April -----------------------------------------
    # disclosure.publish, 5 wd. Thu 24 Apr: Fri 25(1), Sat 26 worked(2), skip Sun 27; Mon 28(3) Tue 29(4);
    # skip Wed 30, Thu 1 May, Fri 2 (swapped), Sat 3, Sun 4; Mon 5(5).
    pytest.param("disclosure.publish", "2025-04-24", {}, "2025-05-05", id="apr2025-swapped-saturday"),
    # complaint.accept, 10 wd. Fri 25 Apr: Sat 26(1), Mon 28(2), Tue 29(3); skip 30 Apr–4 May; May 5(4) 6(5)
    # 7(6) 8(7) 9(8); skip 10–11; 12(9) 13(10).
    pytest.param("complaint.accept", "2025-04-25", {}, "2025-05-13", id="apr2025-accept-over-holiday"),
    # complaint.first.resolve complex, 45 days. Sun 16 Mar + 45 = Wed 30 Apr (holiday) → Thu 1 May (holiday) →
    # Fri 2 May (swapped) → Sat 3, Sun 4 → Mon 5 May.
    pytest.param("complaint.first.resolve", "2025-03-16", {"complex": True}, "2025-05-05", id="apr2025-complex-45"),
    # complaint.second.file remote, 45 days. Sun 23 Mar + 45 = Wed 7 May, a working day: no roll.
    pytest.param("complaint.second.file", "2025-03-23", {"remote": True}, "2025-05-07", id="remote-45-no-roll"),
    # --- Quốc khánh 2025 (Mon 1 + Tue 2 Sep) ------------------------------------------------------
    # denunciation.forward, 5 wd. Thu 28 Aug: Fri 29(1); skip Sat 30, Sun 31, Mon 1, Tue 2 Sep; Wed 3(2)
    # Thu 4(3) Fri 5(4); skip 6–7; Mon 8(5).
    pytest.param("denunciation.forward", "2025-08-28", {}, "2025-09-08", id="sep2025-forward"),
    # complaint.second.file, 30 days. Sat 2 Aug + 30 = Mon 1 Sep (adjacent day) → Tue 2 Sep → Wed 3 Sep.
    pytest.param("complaint.second.file", "2025-08-02", {}, "2025-09-03", id="sep2025-adjacent-day-roll"),
    # complaint.second.resolve remote + complex, 70 days. Tue 24 Jun + 70 = Tue 2 Sep (holiday) → Wed 3 Sep.
    pytest.param(
        "complaint.second.resolve",
        "2025-06-24",
        {"complex": True, "remote": True},
        "2025-09-03",
        id="remote-complex-70",
    ),
    # denunciation.resolve + 1 extension: 30 + 30 = 60 days. Fri 4 Jul + 60 = Tue 2 Sep (holiday) → Wed 3 Sep.
    pytest.param("denunciation.resolve", "2025-07-04", {"extensions": 1}, "2025-09-03", id="denunciation-1-extension"),
    # --- New Year 2026 with the swap Fri 2 Jan → Sat 10 Jan ---------------------------------------
    # reception.notify, 10 wd. Mon 29 Dec: Tue 30(1) Wed 31(2); skip Thu 1, Fri 2 (swapped), Sat 3, Sun 4 Jan;
    # Mon 5(3) 6(4) 7(5) 8(6) Fri 9(7), Sat 10 worked(8), skip Sun 11; Mon 12(9) Tue 13(10).
    pytest.param("reception.notify", "2025-12-29", {}, "2026-01-13", id="newyear2026-swap"),
    # denunciation.conclusion.publish, 7 wd. Tue 30 Dec: Wed 31(1); skip 1–4 Jan; Mon 5(2) .. Fri 9(6);
    # Sat 10 worked(7): a due date on a Saturday that is worked.
    pytest.param(
        "denunciation.conclusion.publish", "2025-12-30", {}, "2026-01-10", id="newyear2026-due-on-worked-saturday"
    ),
    # complaint.first.resolve, 30 days. Tue 2 Dec + 30 = Thu 1 Jan (holiday) → Fri 2 (swapped) → Sat 3, Sun 4
    # → Mon 5 Jan.
    pytest.param("complaint.first.resolve", "2025-12-02", {}, "2026-01-05", id="newyear2026-days-roll"),
    # complaint.file, 90 days. Sat 4 Oct + 90: Oct 31 is +27, Nov 30 +57, Dec 31 +88, Fri 2 Jan 2026 +90
    # (swapped day off) → Sat 3, Sun 4 → Mon 5 Jan.
    pytest.param("complaint.file", "2025-10-04", {}, "2026-01-05", id="complaint-file-90"),
    # denunciation.resolve + 2 extensions: 90 days. Fri 3 Oct + 90 = Thu 1 Jan 2026 (holiday) → Fri 2 → Sat 3,
    # Sun 4 → Mon 5 Jan.
    pytest.param("denunciation.resolve", "2025-10-03", {"extensions": 2}, "2026-01-05", id="denunciation-2-extensions"),
    # denunciation.resolve, no extension: Thu 1 Jan + 30 = Sat 31 Jan → Sun 1 Feb → Mon 2 Feb (plain weekend).
    pytest.param("denunciation.resolve", "2026-01-01", {}, "2026-02-02", id="days-end-on-saturday"),
    # complaint.second.resolve remote, 60 days. Wed 3 Dec + 60 = Sun 1 Feb 2026 → Mon 2 Feb.
    pytest.param("complaint.second.resolve", "2025-12-03", {"remote": True}, "2026-02-02", id="days-end-on-sunday"),
    # --- Tết 2026 (Mon 16 – Fri 20 Feb) -----------------------------------------------------------
    # denunciation.forward, 5 wd. Wed 11 Feb: Thu 12(1) Fri 13(2); skip Sat 14 – Sun 22; Mon 23(3) Tue 24(4)
    # Wed 25(5).
    pytest.param("denunciation.forward", "2026-02-11", {}, "2026-02-25", id="tet2026-forward"),
    # complaint.accept, 10 wd. Fri 13 Feb: skip 14–22; Feb 23(1) .. 27(5); skip Sat 28, Sun 1 Mar; Mar 2(6) ..
    # Fri 6(10).
    pytest.param("complaint.accept", "2026-02-13", {}, "2026-03-06", id="tet2026-accept"),
    # denunciation.initial complex (several places), 10 wd. Thu 12 Feb: Fri 13(1); skip 14–22; Feb 23(2) ..
    # 27(6); Mar 2(7) 3(8) 4(9) 5(10).
    pytest.param("denunciation.initial", "2026-02-12", {"complex": True}, "2026-03-05", id="tet2026-initial-complex"),
    # denunciation.resolve, 30 days. Sat 17 Jan + 30 = Mon 16 Feb (Tết) → Tết to Fri 20, Sat 21, Sun 22 → Mon 23.
    pytest.param("denunciation.resolve", "2026-01-17", {}, "2026-02-23", id="tet2026-days-roll"),
    # complaint.second.resolve, 45 days from a day off (Fri 2 Jan): + 45 = Mon 16 Feb (Tết) → Mon 23 Feb.
    pytest.param("complaint.second.resolve", "2026-01-02", {}, "2026-02-23", id="tet2026-start-on-day-off"),
    # --- Giỗ Tổ 2026 on Sunday 26 April: compensatory Monday 27 -----------------------------------
    # complaint.decision.send, 3 wd. Thu 23 Apr: Fri 24(1); skip Sat 25, Sun 26, Mon 27 (compensatory);
    # Tue 28(2) Wed 29(3).
    pytest.param("complaint.decision.send", "2026-04-23", {}, "2026-04-29", id="giotohv2026-compensatory"),
    # complaint.second.file, 30 days. Fri 27 Mar + 30 = Sun 26 Apr (Giỗ Tổ) → Mon 27 (compensatory) → Tue 28.
    pytest.param("complaint.second.file", "2026-03-27", {}, "2026-04-28", id="giotohv2026-days-roll"),
    # --- 30/4–1/5 2026 (Thu + Fri) ----------------------------------------------------------------
    # disclosure.publish, 5 wd. Tue 28 Apr: Wed 29(1); skip Thu 30, Fri 1, Sat 2, Sun 3; Mon 4(2) Tue 5(3)
    # Wed 6(4) Thu 7(5).
    pytest.param("disclosure.publish", "2026-04-28", {}, "2026-05-07", id="apr2026-publish"),
    # --- 1 July 2026: complaint acceptance goes from 10 to 7 working days (NĐ 155/2026) ---------------
    # Received Tue 30 Jun (old rule, 10 wd): Jul 1(1) 2(2) 3(3); Jul 6(4) .. 10(8); Jul 13(9) 14(10).
    pytest.param("complaint.accept", "2026-06-30", {}, "2026-07-14", id="accept-before-2026-07-01"),
    # Received Wed 1 Jul (new rule, 7 wd): Thu 2(1) Fri 3(2); Mon 6(3) .. Fri 10(7).
    pytest.param("complaint.accept", "2026-07-01", {}, "2026-07-10", id="accept-from-2026-07-01"),
    # Second-time acceptance received Fri 26 Jun: old rule though the period runs past 1 July. Jun 29(1)
    # 30(2); Jul 1(3) 2(4) 3(5); 6(6) 7(7) 8(8) 9(9) 10(10).
    pytest.param("complaint.second.accept", "2026-06-26", {}, "2026-07-10", id="second-accept-old-rule"),
    # Second-time acceptance received Wed 1 Jul: 7 wd → Fri 10 Jul.
    pytest.param("complaint.second.accept", "2026-07-01", {}, "2026-07-10", id="second-accept-new-rule"),
    # --- Quốc khánh 2026: Mon 31 Aug swapped (Sat 22 Aug worked), Tue 1 + Wed 2 Sep -------------------
    # complaint.decision.send, 3 wd. Thu 20 Aug: Fri 21(1), Sat 22 worked(2); skip Sun 23; Mon 24(3).
    pytest.param("complaint.decision.send", "2026-08-20", {}, "2026-08-24", id="aug2026-swapped-saturday"),
    # reception.notify, 10 wd. Wed 26 Aug: Thu 27(1) Fri 28(2); skip Sat 29 – Wed 2 Sep; Thu 3(3) Fri 4(4);
    # Mon 7(5) .. Fri 11(9); Mon 14(10).
    pytest.param("reception.notify", "2026-08-26", {}, "2026-09-14", id="sep2026-notify"),
    # complaint.first.resolve remote + complex, 60 days. Fri 3 Jul + 60 = Tue 1 Sep (holiday) → Wed 2 → Thu 3.
    pytest.param(
        "complaint.first.resolve", "2026-07-03", {"complex": True, "remote": True}, "2026-09-03", id="remote-complex-60"
    ),
    # complaint.first.resolve remote only, 45 days. Fri 3 Jul + 45 = Mon 17 Aug, a working day.
    pytest.param("complaint.first.resolve", "2026-07-03", {"remote": True}, "2026-08-17", id="remote-45"),
    # --- Variants the law gives no separate figure for fall back (selectors.py) -------------------
    # complaint.accept has no complex/remote figure: same as the first case, 2025-02-14.
    pytest.param(
        "complaint.accept", "2025-01-24", {"complex": True, "remote": True}, "2025-02-14", id="fallback-to-base"
    ),
    # complaint.second.file complex + remote → the remote row (45). Sun 23 Mar + 45 = Wed 7 May.
    pytest.param(
        "complaint.second.file", "2025-03-23", {"complex": True, "remote": True}, "2025-05-07", id="fallback-to-remote"
    ),
    # denunciation.initial remote + complex → the complex row (10 wd): as tet2026-initial-complex.
    pytest.param(
        "denunciation.initial", "2026-02-12", {"complex": True, "remote": True}, "2026-03-05", id="fallback-to-complex"
    ),
]


@pytest.mark.parametrize(("rule", "start", "flags", "expected"), CASES)
def test_due_date_by_hand(db, rule, start, flags, expected):
    result = due_date(rule_code=rule, start=D(start), **flags)
    assert result.date == D(expected)
    assert result.rule.code == rule
    assert result.rule.citation


def test_due_date_carries_the_rule_version_and_length(db):
    result = due_date(rule_code="denunciation.resolve", start=D("2025-07-04"), extensions=2)
    assert (result.length, result.extensions) == (90, 2)
    assert result.rule.citation == "Luật Tố cáo 2018, Điều 30; Nghị định 31/2019/NĐ-CP, Điều 3"
    old = due_date(rule_code="complaint.accept", start=D("2026-06-30")).rule
    new = due_date(rule_code="complaint.accept", start=D("2026-07-01")).rule
    assert (old.length, old.effective_to, new.length, new.effective_from) == (10, D("2026-07-01"), 7, D("2026-07-01"))
    assert new.citation.startswith("Nghị định 155/2026/NĐ-CP, Điều 10")
    remote_complex = due_date(rule_code="complaint.first.resolve", start=D("2026-07-03"), complex=True, remote=True)
    assert (remote_complex.rule.length, remote_complex.rule.complex, remote_complex.rule.remote) == (60, True, True)


def test_three_extensions_are_refused(db):
    with translation.override("en"), pytest.raises(DomainError) as raised:
        due_date(rule_code="denunciation.resolve", start=D("2025-07-04"), extensions=3)
    assert raised.value.code == CalendarErrorCode.TOO_MANY_EXTENSIONS
    assert raised.value.extra == {"rule": "denunciation.resolve", "max": 2, "requested": 3}
    assert str(raised.value.message) == (
        "The time limit “denunciation.resolve” can be extended at most 2 times; 3 extensions were asked for."
    )


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [
        ({"rule_code": "complaint.accept", "start": D("2026-03-02"), "extensions": 1}, "TOO_MANY_EXTENSIONS"),
        ({"rule_code": "denunciation.resolve", "start": D("2026-03-02"), "extensions": -1}, "EXTENSIONS_NEGATIVE"),
        ({"rule_code": "complaint.nonsense", "start": D("2026-03-02")}, "RULE_UNKNOWN"),
        ({"rule_code": "complaint.file", "start": D("2012-06-30")}, "RULE_NOT_IN_FORCE"),
        ({"rule_code": "complaint.suspension.send", "start": D("2026-06-30")}, "RULE_NOT_IN_FORCE"),
    ],
)
def test_bad_requests_raise_stable_codes(db, kwargs, code):
    with pytest.raises(DomainError) as raised:
        due_date(**kwargs)
    assert raised.value.code == CalendarErrorCode[code]
    assert raised.value.status == 400
