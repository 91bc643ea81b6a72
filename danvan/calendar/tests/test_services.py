"""Services write with an audit row and refuse bad data; the Django admin goes through them."""

import datetime as dt

import pytest
from django.urls import reverse

from danvan.audit.models import AuditEvent
from danvan.calendar.errors import CalendarErrorCode
from danvan.calendar.models import CalendarOverride, OverrideKind, RuleUnit, TimeLimitRule
from danvan.calendar.selectors import due_date, rule_in_force, rules_in_force
from danvan.calendar.services import override_add, rule_version_add
from danvan.core.errors import DomainError

D = dt.date.fromisoformat


def _rule(**overrides):
    values = {
        "code": "denunciation.forward",
        "length": 4,
        "unit": RuleUnit.WORKING_DAYS,
        "counts_from": "ngày nhận được đơn tố cáo không thuộc thẩm quyền",
        "citation": "Luật sửa đổi (kiểm thử), Điều 1",
        "effective_from": D("2027-01-01"),
    }
    return values | overrides


def test_seeded_rules_have_a_citation_and_one_version_per_day(db):
    rules = list(TimeLimitRule.objects.all())
    assert len(rules) == 28
    assert all(rule.citation and rule.counts_from for rule in rules)
    in_force = rules_in_force(on=D("2026-07-01"))
    keys = [(r.code, r.complex, r.remote) for r in in_force]
    assert len(keys) == len(set(keys))
    assert {r.code for r in in_force} >= {
        "complaint.file",
        "complaint.accept",
        "complaint.second.accept",
        "complaint.first.resolve",
        "complaint.second.file",
        "complaint.second.resolve",
        "complaint.decision.send",
        "denunciation.initial",
        "denunciation.forward",
        "denunciation.resolve",
        "denunciation.conclusion.publish",
        "reception.notify",
        "disclosure.publish",
    }


def test_rule_version_add_closes_the_version_in_force(db, personas):
    actor = personas["system_admin"]
    old = rule_in_force(rule_code="denunciation.forward", start=D("2026-12-31"))
    new = rule_version_add(actor=actor, **_rule())
    old.refresh_from_db()
    assert old.effective_to == D("2027-01-01")
    assert new.created_by == actor
    # The version in force on the start date applies.
    assert due_date(rule_code="denunciation.forward", start=D("2026-12-31")).rule.pk == old.pk
    assert due_date(rule_code="denunciation.forward", start=D("2027-01-01")).rule.pk == new.pk
    # Fri 1 Jan 2027 (New Year): Mon 4(1) Tue 5(2) Wed 6(3) Thu 7(4).
    assert due_date(rule_code="denunciation.forward", start=D("2027-01-01")).date == D("2027-01-07")
    actions = list(AuditEvent.objects.order_by("seq").values_list("action", "target_id", "actor_label"))
    assert actions == [
        ("legal_calendar.rule_version_closed", str(old.pk), "sysadmin"),
        ("legal_calendar.rule_version_added", str(new.pk), "sysadmin"),
    ]


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"effective_from": D("2019-01-01")}, CalendarErrorCode.RULE_VERSION_OVERLAP),  # same start
        ({"effective_from": D("2018-01-01"), "effective_to": D("2019-06-01")}, CalendarErrorCode.RULE_VERSION_OVERLAP),
        ({"citation": "  "}, CalendarErrorCode.CITATION_REQUIRED),
        ({"length": 0}, CalendarErrorCode.RULE_INVALID),
        ({"max_extensions": 1, "extension_length": 0}, CalendarErrorCode.RULE_INVALID),
        ({"effective_to": D("2026-12-31")}, CalendarErrorCode.RULE_INVALID),
    ],
)
def test_rule_version_add_refuses_bad_versions_and_changes_nothing(db, changes, code):
    before = list(TimeLimitRule.objects.order_by("pk").values())
    with pytest.raises(DomainError) as raised:
        rule_version_add(actor=None, **_rule(**changes))
    assert raised.value.code == code
    assert list(TimeLimitRule.objects.order_by("pk").values()) == before
    assert not AuditEvent.objects.exists()


def test_an_older_gap_can_be_filled(db):
    # Before the Denunciation Law 2018 there is no version; a historical one may be added without overlap.
    rule = rule_version_add(actor=None, **_rule(effective_from=D("2012-07-01"), effective_to=D("2019-01-01")))
    assert due_date(rule_code="denunciation.forward", start=D("2018-12-28")).rule.pk == rule.pk


def test_override_add_records_who_and_why(db, personas):
    actor = personas["system_admin"]
    override = override_add(
        actor=actor,
        day=D("2027-02-05"),
        kind=OverrideKind.DAY_OFF,
        reason="  Nghỉ Tết   Đinh Mùi  ",
        legal_basis="Thông báo số 1/TB-BNV (kiểm thử)",
    )
    assert (override.reason, override.created_by) == ("Nghỉ Tết Đinh Mùi", actor)
    event = AuditEvent.objects.get()
    assert (event.action, event.target_id) == ("legal_calendar.override_added", str(override.pk))
    assert event.data == {
        "date": "2027-02-05",
        "kind": "day_off",
        "reason": "Nghỉ Tết Đinh Mùi",
        "legal_basis": "Thông báo số 1/TB-BNV (kiểm thử)",
    }


@pytest.mark.parametrize(
    ("day", "reason", "basis", "code"),
    [
        ("2026-01-02", "r", "b", CalendarErrorCode.OVERRIDE_EXISTS),  # seeded already
        ("2027-02-05", " ", "b", CalendarErrorCode.REASON_REQUIRED),
        ("2027-02-05", "r", "", CalendarErrorCode.CITATION_REQUIRED),
    ],
)
def test_override_add_refuses_and_changes_nothing(db, day, reason, basis, code):
    count = CalendarOverride.objects.count()
    with pytest.raises(DomainError) as raised:
        override_add(actor=None, day=D(day), kind=OverrideKind.DAY_OFF, reason=reason, legal_basis=basis)
    assert raised.value.code == code
    assert CalendarOverride.objects.count() == count
    assert not AuditEvent.objects.exists()


def test_admin_adds_an_override_through_the_service(db, personas, as_persona):
    admin_user = personas["system_admin"]
    admin_user.is_staff = True
    admin_user.save(update_fields=["is_staff"])
    client = as_persona("system_admin")
    url = reverse("admin:legal_calendar_calendaroverride_add")
    data = {"date": "2027-02-08", "kind": "day_off", "reason": "Nghỉ bù", "legal_basis": "Thông báo 2/TB (kiểm thử)"}
    response = client.post(url, data)
    assert response.status_code == 302
    override = CalendarOverride.objects.get(date=D("2027-02-08"))
    assert override.created_by == admin_user
    assert AuditEvent.objects.filter(action="legal_calendar.override_added").count() == 1
    # The same date again: the service's message, nothing written.
    response = client.post(url, data)
    assert response.status_code == 200
    assert CalendarOverride.objects.filter(date=D("2027-02-08")).count() == 1
    assert AuditEvent.objects.filter(action="legal_calendar.override_added").count() == 1


def test_admin_pages_are_for_system_administrators_only(db, personas, as_persona):
    officer = personas["officer_same"]
    officer.is_staff = True
    officer.save(update_fields=["is_staff"])
    response = as_persona("officer_same").get(reverse("admin:legal_calendar_timelimitrule_changelist"))
    assert response.status_code == 403
