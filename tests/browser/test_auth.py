"""An officer logs in with two-factor authentication: enrolment on the first login, a code afterwards."""

from __future__ import annotations

import re
from collections.abc import Callable

from browser_support import (
    ContextFactory,
    log_in,
    log_out,
    secret_to_key,
    totp_code,
    tr,
    wait_until_not_throttled,
    wrong_totp_code,
)
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from danvan.accounts.enrolment import enrolment_code_issue
from danvan.accounts.models import User
from danvan.testing import PASSWORD


def test_login_with_2fa(new_context: ContextFactory, make_officer: Callable[..., User]) -> None:
    officer = make_officer("fresh_officer")
    enrolment = enrolment_code_issue(actor=None, user=officer)  # what the administrator hands over
    page = new_context().new_page()

    # First login: password, then the administrator's one-time code, then enrolment of an authenticator app.
    page.goto("/accounts/login/")
    log_in(page, officer.username, PASSWORD)
    expect(page).to_have_url(re.compile(r"/accounts/2fa/setup/\?next=%2Fwelcome%2F$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(tr("Set up two-factor authentication", "vi"))
    assert not TOTPDevice.objects.filter(user=officer).exists()  # no key is shown before the code
    code_field = page.get_by_label(tr("Enrolment code from your administrator", "vi"))
    code_field.fill("WRONG-CODE1")
    page.locator("main button[type=submit]").click()
    expect(page.locator("#id_code_error")).to_have_text(
        tr("This enrolment code is wrong, expired or already used. Ask your administrator for a new one.", "vi")
    )
    page.get_by_label(tr("Enrolment code from your administrator", "vi")).fill(enrolment.lower())
    page.locator("main button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/accounts/2fa/setup/\?next=%2Fwelcome%2F$"))

    expect(page.get_by_role("img", name=tr("QR code for your authenticator app", "vi"))).to_be_visible()
    secret = page.get_by_test_id("totp-secret").inner_text()
    assert re.fullmatch(r"[A-Z2-7]{4}( [A-Z2-7]{1,4})+", secret), secret
    device = TOTPDevice.objects.get(user=officer, confirmed=False)
    key = secret_to_key(secret)
    assert key == device.bin_key, "the secret shown is not the device's key"
    # What the officer's authenticator app shows, knowing only the secret on the page.
    code = totp(key, step=device.step, t0=device.t0, digits=device.digits)
    page.get_by_label(tr("6-digit code from your authenticator app", "vi")).fill(f"{code:0{device.digits}d}")
    page.locator("main button[type=submit]").click()

    expect(page).to_have_url(re.compile(r"/workspace/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(tr("Workspace", "vi"))
    expect(page.get_by_role("status")).to_have_text(tr("Two-factor authentication is on.", "vi"))
    device.refresh_from_db()
    assert device.confirmed

    # Second login: the code from the app, after a wrong one.
    log_out(page)
    page.goto("/accounts/login/")
    log_in(page, officer.username, PASSWORD)
    expect(page).to_have_url(re.compile(r"/accounts/2fa/verify/\?next=%2Fwelcome%2F$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(tr("Two-factor authentication", "vi"))

    code_field = page.get_by_label(tr("6-digit code from your authenticator app", "vi"))
    code_field.fill(wrong_totp_code(device))
    page.locator("main button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/accounts/2fa/verify/"))
    error = page.locator("#id_token_error")
    expect(error).to_have_text(tr("The code is wrong or has expired. Enter the 6 digits your app shows now.", "vi"))
    expect(error).to_contain_text("Mã")  # the Vietnamese message, not the English msgid
    expect(page.locator("html")).to_have_attribute("lang", "vi")

    wait_until_not_throttled(device)
    code_field.fill(totp_code(device))
    page.locator("main button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/workspace/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(tr("Workspace", "vi"))
    expect(page.get_by_role("main")).to_contain_text(officer.get_full_name())
