"""Login, two-factor authentication, lock-out, password change and reset, CSRF and language."""

from __future__ import annotations

import base64
import re
import time

import pytest
import time_machine
from django.core import mail
from django.test import Client
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from danvan.accounts.enrolment import enrolment_code_issue
from danvan.accounts.models import Role, User
from danvan.audit.models import AuditEvent
from danvan.testing import PASSWORD, login_client, make_user


def _code(device: TOTPDevice, at: float | None = None) -> str:
    generator = TOTP(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)
    generator.time = at if at is not None else time.time()
    return f"{generator.token():0{device.digits}d}"


def _login(client: Client, username: str, password: str = PASSWORD, **extra: str):
    return client.post("/accounts/login/", {"username": username, "password": password, **extra})


@pytest.fixture
def officer(world) -> User:
    return make_user("canbo", org=world.org_a, role=Role.CASE_HANDLER)


def test_wrong_password_gives_a_vietnamese_message_and_no_session(client, officer):
    response = _login(client, "canbo", "wrong-password")
    assert response.status_code == 200
    assert "Vui lòng điền vào" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_citizen_logs_in_without_two_factor(client, world):
    make_user("congdan")
    response = _login(client, "congdan")
    assert response.status_code == 302
    assert response["Location"] == "/welcome/"
    assert client.get("/welcome/")["Location"] == "/"


def test_officer_enrols_totp_then_reaches_the_workspace(client, officer):
    response = _login(client, "canbo")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/2fa/setup/")
    # The workspace and the API stay closed until the second factor is done.
    assert client.get("/workspace/")["Location"].startswith("/accounts/2fa/setup/")
    assert client.get("/api/accounts/me").status_code == 401
    first = client.get(response["Location"])  # the administrator's one-time code comes first
    assert 'name="code"' in first.content.decode()
    assert not TOTPDevice.objects.filter(user=officer).exists()
    code = enrolment_code_issue(actor=None, user=officer)
    assert client.post("/accounts/2fa/setup/", {"code": code})["Location"].startswith("/accounts/2fa/setup/")
    page = client.get(response["Location"])
    assert page.status_code == 200
    device = TOTPDevice.objects.get(user=officer, confirmed=False)
    secret = re.search(r'data-testid="totp-secret">([A-Z2-7 ]+)<', page.content.decode()).group(1)
    assert secret.replace(" ", "") == base64.b32encode(device.bin_key).decode().rstrip("=")
    wrong = client.post("/accounts/2fa/setup/", {"token": "000000" if _code(device) != "000000" else "111111"})
    assert wrong.status_code == 200
    assert not TOTPDevice.objects.get(pk=device.pk).confirmed
    done = client.post("/accounts/2fa/setup/", {"token": _code(device), "next": "/workspace/"})
    assert done.status_code == 302
    assert done["Location"] == "/workspace/"
    assert TOTPDevice.objects.get(pk=device.pk).confirmed
    assert client.get("/workspace/").status_code == 200
    assert client.get("/api/accounts/me").json()["username"] == "canbo"
    assert AuditEvent.objects.filter(action="accounts.totp_enrolled", actor=officer).count() == 1


def test_officer_with_device_must_verify_and_expired_codes_fail(client, officer):
    device = TOTPDevice.objects.create(user=officer, name="phone", confirmed=True)
    response = _login(client, "canbo", next="/accounts/organizations/")
    assert response["Location"].startswith("/accounts/2fa/verify/")
    old = timezone.now().timestamp() - 10 * 60  # a code from ten minutes ago has expired
    expired = client.post("/accounts/2fa/verify/", {"token": _code(device, at=old)})
    assert expired.status_code == 200
    assert "Mã không đúng hoặc đã hết hạn" in expired.content.decode()
    assert client.get("/workspace/").status_code == 302
    malformed = client.post("/accounts/2fa/verify/", {"token": "12ab"})
    assert malformed.status_code == 200
    # django-otp throttles after a wrong code: even the right code waits a moment.
    throttled = client.post("/accounts/2fa/verify/", {"token": _code(device)})
    assert "Wait a few seconds" in throttled.content.decode() or "chờ" in throttled.content.decode()
    with time_machine.travel(timezone.now() + timezone.timedelta(seconds=10), tick=True):
        ok = client.post("/accounts/2fa/verify/", {"token": _code(device), "next": "/accounts/organizations/"})
        assert ok["Location"] == "/accounts/organizations/"
    assert client.get("/workspace/").status_code == 200
    assert AuditEvent.objects.filter(action="accounts.logged_in", actor=officer).count() == 2


def test_code_travels_with_time(officer):
    device = TOTPDevice.objects.create(user=officer, name="phone", confirmed=True)
    with time_machine.travel(timezone.now(), tick=False):
        code = _code(device)
        assert device.verify_token(code)
    with time_machine.travel(timezone.now() + timezone.timedelta(minutes=5), tick=False):
        fresh = TOTPDevice.objects.get(pk=device.pk)
        assert not fresh.verify_token(code)


def test_lockout_after_repeated_failures_with_a_vietnamese_message(client, officer):
    for _ in range(5):
        assert _login(client, "canbo", "wrong").status_code in (200, 429)
    response = _login(client, "canbo", PASSWORD)
    assert response.status_code == 429
    body = response.content.decode()
    assert "tạm khóa" in body.lower()
    assert "_auth_user_id" not in client.session
    # Another account from the same address is not locked.
    make_user("other")
    assert _login(Client(), "other").status_code == 302


def test_missing_csrf_token_gives_a_clear_vietnamese_page(officer):
    client = Client(enforce_csrf_checks=True)
    response = _login(client, "canbo")
    assert response.status_code == 403
    assert "Biểu mẫu đã hết hạn" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_unknown_language_code_keeps_vietnamese_and_says_so(client):
    response = client.post("/language/", {"language": "xx", "next": "/"}, follow=True)
    body = response.content.decode()
    assert '<html lang="vi">' in body
    assert "Ngôn ngữ này chưa được hỗ trợ" in body


def test_language_switch_to_english_and_back(client):
    response = client.post("/language/", {"language": "en", "next": "/"}, follow=True)
    assert '<html lang="en">' in response.content.decode()
    assert "Your voice reaches the government" in response.content.decode()
    response = client.post("/language/", {"language": "vi", "next": "/"}, follow=True)
    assert '<html lang="vi">' in response.content.decode()


def test_language_switch_ignores_foreign_redirects(client):
    response = client.post("/language/", {"language": "en", "next": "https://evil.example/"})
    assert response["Location"] == "/"


def test_password_change_requires_two_factor_for_officers(client, officer):
    client.force_login(officer)
    assert client.get("/accounts/password/change/")["Location"].startswith("/accounts/2fa/setup/")
    login_client(client, officer)
    response = client.post(
        "/accounts/password/change/",
        {
            "old_password": PASSWORD,
            "new_password1": "a-new-long-passphrase-42",
            "new_password2": "a-new-long-passphrase-42",
        },
    )
    assert response.status_code == 302
    officer.refresh_from_db()
    assert officer.check_password("a-new-long-passphrase-42")
    assert AuditEvent.objects.filter(action="accounts.password_changed", actor=officer).exists()


def test_password_change_rejects_a_weak_password_in_vietnamese(client, world):
    user = make_user("congdan")
    login_client(client, user)
    response = client.post(
        "/accounts/password/change/",
        {"old_password": PASSWORD, "new_password1": "123", "new_password2": "123"},
    )
    assert response.status_code == 200
    assert "quá ngắn" in response.content.decode()
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_password_reset_by_email(client, officer):
    response = client.post("/accounts/password/reset/", {"email": officer.email})
    assert response["Location"] == "/accounts/password/reset/sent/"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [officer.email]
    link = re.search(r"http://testserver(/accounts/password/reset/\S+/)", message.body).group(1)
    form = client.get(link, follow=True)
    assert form.status_code == 200
    set_url = form.redirect_chain[-1][0]
    done = client.post(set_url, {"new_password1": "reset-passphrase-2026", "new_password2": "reset-passphrase-2026"})
    assert done["Location"] == "/accounts/password/reset/complete/"
    officer.refresh_from_db()
    assert officer.check_password("reset-passphrase-2026")


def test_password_reset_for_unknown_address_reveals_nothing(client, world):
    response = client.post("/accounts/password/reset/", {"email": "nobody@example.vn"})
    assert response["Location"] == "/accounts/password/reset/sent/"
    assert mail.outbox == []


def test_vietnamese_even_for_an_english_browser(client):
    response = client.get("/", headers={"accept-language": "en-US,en;q=0.9"})
    assert '<html lang="vi">' in response.content.decode()


def test_next_survives_the_two_factor_step_whole(client, officer):
    client.force_login(officer)
    response = client.get("/workspace/audit/?page=2&foo=1")
    assert response["Location"] == "/accounts/2fa/setup/?next=%2Fworkspace%2Faudit%2F%3Fpage%3D2%26foo%3D1"
