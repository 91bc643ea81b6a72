"""Two-factor enrolment needs a one-time code from an administrator: whoever learns an officer's password cannot
link their own phone first. Codes are stored hashed, expire, work once, and are spent by a few wrong tries."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from danvan.accounts.enrolment import enrolment_code_issue, enrolment_code_redeem
from danvan.accounts.models import OTPEnrolmentCode, Role
from danvan.audit.models import AuditEvent
from danvan.core.errors import DomainError
from danvan.testing import PASSWORD, make_user

SETUP = "/accounts/2fa/setup/"


@pytest.fixture
def newcomer(world):
    return make_user("canbo_moi", org=world.org_a, role=Role.RECEPTION_OFFICER)


def _logged_in(user) -> Client:
    client = Client()
    client.post("/accounts/login/", {"username": user.username, "password": PASSWORD})
    return client


def test_no_key_is_shown_without_a_code(newcomer):
    client = _logged_in(newcomer)
    page = client.get(SETUP)
    assert page.status_code == 200
    assert 'name="code"' in page.content.decode()
    assert 'data-testid="totp-secret"' not in page.content.decode()
    assert client.post(SETUP, {"token": "123456"}).status_code == 200  # the code step again, nothing enrolled
    assert not TOTPDevice.objects.filter(user=newcomer).exists()


def test_the_code_is_stored_hashed_and_works_once(newcomer):
    code = enrolment_code_issue(actor=None, user=newcomer)
    row = OTPEnrolmentCode.objects.get(user=newcomer)
    assert code.replace("-", "") not in row.code_hash
    assert len(row.code_hash) == 64
    client = _logged_in(newcomer)
    assert client.post(SETUP, {"code": f"  {code.lower()} "}).status_code == 302
    assert 'data-testid="totp-secret"' in client.get(SETUP).content.decode()
    other = _logged_in(newcomer)  # a second browser with the same password
    response = other.post(SETUP, {"code": code})
    assert response.status_code == 400
    assert "Mã kích hoạt không đúng" in response.content.decode()
    assert AuditEvent.objects.filter(action="accounts.otp_enrolment_code_used").count() == 1


def test_an_expired_code_is_refused(newcomer):
    with time_machine.travel(dt.datetime(2026, 11, 2, 9, 0, tzinfo=dt.UTC), tick=False):
        code = enrolment_code_issue(actor=None, user=newcomer)
    later = time_machine.travel(dt.datetime(2026, 11, 5, 9, 1, tzinfo=dt.UTC), tick=False)  # 72 h and a minute
    with later, pytest.raises(DomainError):
        enrolment_code_redeem(user=newcomer, code=code)


def test_wrong_tries_spend_the_code(newcomer):
    code = enrolment_code_issue(actor=None, user=newcomer)
    for _ in range(5):
        with pytest.raises(DomainError):
            enrolment_code_redeem(user=newcomer, code="AAAAA-AAAAA")
    assert OTPEnrolmentCode.objects.get(user=newcomer).failed_attempts == 5
    with pytest.raises(DomainError):
        enrolment_code_redeem(user=newcomer, code=code)  # the right code no longer works


def test_a_new_code_replaces_the_old_one(newcomer, personas):
    old = enrolment_code_issue(actor=personas["org_admin"], user=newcomer)
    new = enrolment_code_issue(actor=personas["org_admin"], user=newcomer)
    with pytest.raises(DomainError):
        enrolment_code_redeem(user=newcomer, code=old)
    enrolment_code_redeem(user=newcomer, code=new)
    issued = AuditEvent.objects.filter(action="accounts.otp_enrolment_code_issued")
    assert issued.count() == 2
    assert all(event.actor == personas["org_admin"] for event in issued)
    assert all(old.replace("-", "") not in str(event.data) for event in issued)


def test_the_org_admin_issues_a_code_from_the_organisation_page(world, newcomer, as_persona):
    client = as_persona("org_admin")
    page = client.get(f"/accounts/organizations/{world.org_a.pk}/")
    url = f"/accounts/organizations/{world.org_a.pk}/members/{newcomer.pk}/enrolment-code/"
    assert url in page.content.decode()
    response = client.post(url)
    assert response.status_code == 200
    shown = response.context["code"]
    enrolment_code_redeem(user=newcomer, code=shown)


def test_nobody_issues_a_code_to_themselves(world, personas, as_persona):
    admin = personas["org_admin"]
    before = (OTPEnrolmentCode.objects.count(), AuditEvent.objects.count())
    response = as_persona("org_admin").post(
        f"/accounts/organizations/{world.org_a.pk}/members/{admin.pk}/enrolment-code/"
    )
    assert response.status_code == 302
    assert (OTPEnrolmentCode.objects.count(), AuditEvent.objects.count()) == before


def test_a_code_only_for_a_member_of_that_organisation(world, personas, as_persona):
    outsider = personas["officer_other"]  # commune B
    before = OTPEnrolmentCode.objects.count()
    response = as_persona("org_admin").post(
        f"/accounts/organizations/{world.org_a.pk}/members/{outsider.pk}/enrolment-code/"
    )
    assert response.status_code == 404
    assert OTPEnrolmentCode.objects.count() == before


def test_the_command_prints_a_code(newcomer):
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("otp_enrolment_code", newcomer.username, stdout=out)
    code = out.getvalue().strip().split(": ")[1]
    enrolment_code_redeem(user=newcomer, code=code)
