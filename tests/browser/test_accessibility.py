"""axe-core on every page, in Vietnamese and in English: no serious or critical violation."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from browser_support import ContextFactory, axe_failures, log_in, tr
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Page, expect

from danvan.accounts.models import User
from danvan.testing import World


@dataclass(frozen=True)
class Visit:
    label: str
    path: str
    who: str  # a key of the ``browsers`` in the test
    status: int = 200
    title: str | None = None  # msgid of the page's <h1>: axe must check the intended page, not a redirect
    shows: str | None = None  # a selector that must be visible too


def visits(site: World) -> list[Visit]:
    return [
        Visit("home", "/", "anonymous", title="Your voice reaches the government"),
        Visit("unit search", "/geography/", "anonymous", title="Find a commune"),
        Visit("unit search results", "/geography/?q=ha+noi", "anonymous", shows="#unit-results li"),
        Visit("unit detail", f"/geography/{site.other_province.pk}/", "anonymous", shows=".facts"),
        Visit("login", "/accounts/login/", "anonymous", title="Log in"),
        Visit("password reset", "/accounts/password/reset/", "anonymous", title="Reset your password"),
        Visit("password reset sent", "/accounts/password/reset/sent/", "anonymous", title="Check your e-mail"),
        Visit("password reset, bad link", "/accounts/password/reset/MQ/x-y/", "anonymous", shows="[role=alert]"),
        Visit("2FA setup", "/accounts/2fa/setup/", "enrolling", title="Set up two-factor authentication"),
        Visit("2FA verify", "/accounts/2fa/verify/", "unverified", title="Two-factor authentication"),
        Visit("workspace", "/workspace/", "officer", title="Workspace"),
        Visit("organisations", "/accounts/organizations/", "org_admin", title="Organisations"),
        Visit("organisation", f"/accounts/organizations/{site.org_a.pk}/", "org_admin", shows="#member-form form"),
        Visit("password change", "/accounts/password/change/", "officer", title="Change password"),
        Visit("audit trail", "/workspace/audit/", "system_admin", title="Audit trail"),
        Visit("legal basis", "/law/?q=khieu+nai", "officer", title="Legal basis", shows="table"),
        Visit("404", "/no-such-page/", "anonymous", status=404, title="Page not found"),
        Visit("403", "/workspace/", "citizen", status=403, title="Access denied"),
    ]


@pytest.mark.parametrize("language", ["vi", "en"])
def test_axe_every_page(
    language: str,
    site: World,
    site_personas: dict[str, User | None],
    make_officer: Callable[..., User],
    new_context: ContextFactory,
) -> None:
    unverified = site_personas["officer_other"]
    assert unverified is not None
    TOTPDevice.objects.create(user=unverified, name="app", confirmed=True)
    # Who is logged in, and whether past the second factor.
    logins: dict[str, tuple[User | None, bool]] = {
        "anonymous": (None, True),
        "citizen": (site_personas["citizen"], True),
        "officer": (site_personas["officer_same"], True),
        "org_admin": (site_personas["org_admin"], True),
        "system_admin": (site_personas["system_admin"], True),
        "enrolling": (make_officer("enrolling_officer"), False),  # no TOTP device yet
        "unverified": (unverified, False),  # a device, but only the password step done
    }
    browsers: dict[str, Page] = {}

    def browser_of(who: str) -> Page:
        if who not in browsers:
            user, verified = logins[who]
            # bypass_csp: axe-core is injected as an inline script (see browser_support.run_axe).
            context = new_context(language=language, user=user, verified=verified, bypass_csp=True)
            browsers[who] = context.new_page()
        return browsers[who]

    failures: list[str] = []
    for visit in visits(site):
        label = f"{visit.label} ({language}, {visit.path})"
        page = browser_of(visit.who)
        response = page.goto(visit.path)
        assert response is not None
        assert response.status == visit.status, f"{label}: HTTP {response.status}"
        assert response.url.endswith(visit.path), f"{label}: redirected to {response.url}"
        expect(page.locator("html")).to_have_attribute("lang", language)
        if visit.title is not None:
            expect(page.get_by_role("heading", level=1)).to_have_text(tr(visit.title, language))
        if visit.shows is not None:
            expect(page.locator(visit.shows).first).to_be_visible()
        failures.append(axe_failures(page, label))

    # The one-time enrolment code an organisation administrator issues to an officer (shown once).
    admin = browser_of("org_admin")
    admin.goto(f"/accounts/organizations/{site.org_a.pk}/")
    admin.get_by_role("button", name=tr("Issue an enrolment code", language)).first.click()
    expect(admin.get_by_test_id("enrolment-code")).to_have_text(re.compile(r"^[A-Z2-9]{5}-[A-Z2-9]{5}$"))
    failures.append(axe_failures(admin, f"enrolment code ({language})"))

    # The search results once htmx has swapped them in.
    search = browser_of("anonymous")
    search.goto("/geography/")
    search.wait_for_function("() => window.htmx !== undefined")
    with search.expect_response(lambda r: r.request.headers.get("hx-request") == "true"):
        search.get_by_label(tr("Name of a province, commune or ward", language)).press_sequentially("ha noi")
    expect(search.locator("#unit-results").get_by_role("link", name=site.other_province.name)).to_be_visible()
    failures.append(axe_failures(search, f"unit search after an htmx swap ({language})"))

    # Forms showing their errors: a wrong password, a wrong code, several errors on one field, and
    # the member form's errors swapped in by htmx.
    login = browser_of("anonymous")
    login.goto("/accounts/login/")
    log_in(login, "citizen", "not-the-password")
    expect(login.locator(".form-errors[role=alert]")).to_be_visible()
    failures.append(axe_failures(login, f"login error ({language})"))

    verify = browser_of("unverified")
    verify.goto("/accounts/2fa/verify/")
    verify.locator("#id_token").fill("000000")
    verify.locator("main button[type=submit]").click()
    expect(verify.locator("#id_token_error")).to_be_visible()
    failures.append(axe_failures(verify, f"2FA verify error ({language})"))

    password = browser_of("officer")
    password.goto("/accounts/password/change/")
    password.locator("#id_old_password").fill("not-the-password")
    password.locator("#id_new_password1").fill("12345678")
    password.locator("#id_new_password2").fill("12345678")
    password.locator("main button[type=submit]").click()
    # Three errors on one field: too short, too common, entirely numeric.
    expect(password.locator("#id_new_password2")).to_have_attribute("aria-invalid", "true")
    expect(password.locator(".field-invalid").last).to_contain_text(tr("This password is too common.", language))
    failures.append(axe_failures(password, f"password change errors ({language})"))

    members = browser_of("org_admin")
    members.goto(f"/accounts/organizations/{site.org_a.pk}/")
    members.wait_for_function("() => window.htmx !== undefined")
    members.locator("#id_username").fill("no-such-user")
    with members.expect_response(lambda r: r.request.headers.get("hx-request") == "true"):
        members.locator("#member-form button[type=submit]").click()
    expect(members.locator("#id_username_error")).to_have_text(tr("No account has this user name.", language))
    failures.append(axe_failures(members, f"member form error after an htmx swap ({language})"))

    # Five failed logins for one username lock it out (AXES_FAILURE_LIMIT = 5).
    lockout = browser_of("anonymous")
    for attempt in range(1, 6):
        lockout.goto("/accounts/login/")
        with lockout.expect_response(lambda r: r.request.method == "POST") as posted:
            log_in(lockout, "nobody", f"wrong-password-{attempt}")
        assert posted.value.status == (429 if attempt == 5 else 200), f"login attempt {attempt}"
    expect(lockout.get_by_role("heading", level=1)).to_have_text(tr("Login temporarily locked", language))
    failures.append(axe_failures(lockout, f"lockout ({language})"))

    failures = [failure for failure in failures if failure]
    assert not failures, "accessibility problems:\n" + "\n".join(failures)
