"""Helpers shared by the browser tests: axe-core, TOTP codes, logging in through the UI, translations."""

from __future__ import annotations

import base64
import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypedDict

from django.core.cache import cache
from django.utils import translation
from django_otp.oath import hotp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import BrowserContext, ConsoleMessage, Locator, Page, ViewportSize, expect

from danvan.calendar.workdays import calendar_cache_clear

AXE_JS = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
BLOCKING_IMPACTS = {"serious", "critical"}
PHONE: ViewportSize = {"width": 360, "height": 780}
# Letters only Vietnamese uses (ă â đ ê ô ơ ư) and the precomposed tone marks (U+1EA0–U+1EF9).
VIETNAMESE_LETTERS = re.compile(r"[ăâđêôơưĂÂĐÊÔƠƯ\u1ea0-\u1ef9]")

# new_context(language=…, user=…, verified=…, bypass_csp=…, viewport=…, locale=…), see conftest.py.
ContextFactory = Callable[..., BrowserContext]


class AxeViolation(TypedDict):
    id: str
    impact: str | None
    help: str
    helpUrl: str
    nodes: list[dict[str, Any]]


def forget_caches() -> None:
    """No rate-limit counter or cached calendar from another test."""
    cache.clear()
    calendar_cache_clear()


def by_label(scope: Page | Locator, text: str) -> Locator:
    """The field labelled ``text`` (a required field's label ends with an asterisk hidden from screen readers)."""
    return scope.get_by_label(re.compile(r"^\s*" + re.escape(text) + r"(\s*\*)?\s*$"))


def watch_console(page: Page) -> list[str]:
    errors: list[str] = []

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error" and "favicon" not in (message.location or {}).get("url", ""):
            errors.append(message.text)

    page.on("console", on_console)
    return errors


def assert_no_horizontal_scroll(page: Page, label: str) -> None:
    widths = page.evaluate(
        "() => ({scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth})"
    )
    assert widths["scroll"] <= PHONE["width"], f"{label} scrolls sideways at {PHONE['width']} px: {widths}"


def tr(msgid: str, language: str) -> str:
    """``msgid`` as the site renders it in ``language`` (from the same compiled catalogue)."""
    with translation.override(language):
        return str(translation.gettext(msgid))


def vi(msgid: str) -> str:
    return tr(msgid, "vi")


def vietnamese(msgid: str) -> str:
    """The Vietnamese text of ``msgid``, failing when the catalogue leaves it in English."""
    text = tr(msgid, "vi")
    assert text != msgid, f"no Vietnamese translation of {msgid!r}"
    assert VIETNAMESE_LETTERS.search(text), f"the translation of {msgid!r} is not Vietnamese: {text!r}"
    return text


def run_axe(page: Page) -> list[AxeViolation]:
    """Run axe-core on the page as it is now and return its violations.

    axe is injected as an inline script, so the page's context must bypass the Content-Security-Policy
    (``new_context(bypass_csp=True)``); under the real CSP the browser refuses the script.
    """
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_JS))
    result: dict[str, Any] = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
    )
    return result["violations"]


def blocking(violations: list[AxeViolation]) -> list[AxeViolation]:
    return [v for v in violations if v["impact"] in BLOCKING_IMPACTS]


def describe_violations(label: str, violations: list[AxeViolation]) -> str:
    lines = []
    for violation in violations:
        targets = [", ".join(node["target"]) for node in violation["nodes"]]
        lines.append(
            f"{label}: [{violation['impact']}] {violation['id']} — {violation['help']} "
            f"({violation['helpUrl']}) on {targets}"
        )
    return "\n".join(lines)


# What axe only lists as "needs review": duplicate ids, and aria-describedby/-labelledby or label[for]
# pointing at no element or at an empty one (e.g. a help text id that does not match the input's).
ID_PROBLEMS_JS = """() => {
  const problems = [];
  const seen = new Map();
  for (const el of document.querySelectorAll('[id]')) seen.set(el.id, (seen.get(el.id) || 0) + 1);
  for (const [id, count] of seen) if (count > 1) problems.push(`id "${id}" is used ${count} times`);
  const refs = [['aria-describedby', true], ['aria-labelledby', true], ['for', false]];
  for (const [attr, isList] of refs) {
    for (const el of document.querySelectorAll(`[${attr}]`)) {
      const ids = isList ? el.getAttribute(attr).split(/\\s+/).filter(Boolean) : [el.getAttribute(attr)];
      for (const id of ids) {
        const target = document.getElementById(id);
        if (!target) problems.push(`${el.tagName.toLowerCase()}#${el.id} ${attr}="${id}": no such element`);
        else if (isList && !target.textContent.trim()) problems.push(`${attr}="${id}" points at an empty element`);
      }
    }
  }
  return problems;
}"""


def axe_failures(page: Page, label: str) -> str:
    """Serious and critical axe violations, and broken id references, described ("" when none)."""
    lines = [describe_violations(label, blocking(run_axe(page)))]
    lines += [f"{label}: {problem}" for problem in page.evaluate(ID_PROBLEMS_JS)]
    return "\n".join(line for line in lines if line)


def assert_accessible(page: Page, label: str) -> None:
    """No serious or critical axe violation on the page, and no broken id reference."""
    failures = axe_failures(page, label)
    assert not failures, "accessibility problems:\n" + failures


def _current_step(device: TOTPDevice, now: float) -> int:
    return int((now - device.t0) // device.step) + device.drift


def _code_for_step(device: TOTPDevice, step: int) -> str:
    # The TOTP code of absolute time step ``step`` is the HOTP code of counter ``step``.
    return f"{hotp(device.bin_key, step, digits=device.digits):0{device.digits}d}"


def totp_code(device: TOTPDevice) -> str:
    """The code the user's authenticator app shows now, from the device row's key, t0, step and digits.

    django-otp refuses a code for a time step already used (``last_t``): after enrolment at step T, a
    new login within the same 30 s needs the code of step T + 1, which the device's tolerance accepts.
    """
    device.refresh_from_db()
    now_step = _current_step(device, time.time())
    step = max(now_step, device.last_t + 1)
    assert step - now_step <= device.tolerance, f"step {step} is outside the tolerance around {now_step}"
    return _code_for_step(device, step)


def wrong_totp_code(device: TOTPDevice) -> str:
    """A well-formed code that no time step near now accepts."""
    device.refresh_from_db()
    now_step = _current_step(device, time.time())
    window = range(now_step - device.tolerance - 1, now_step + device.tolerance + 2)
    valid = {_code_for_step(device, step) for step in window}
    return next(code for code in ("000000", "123456", "999999", "424242") if code not in valid)


def secret_to_key(secret: str) -> bytes:
    """The key behind the base32 secret shown on the set-up page ("ABCD EFGH …", no padding)."""
    raw = secret.replace(" ", "").upper()
    return base64.b32decode(raw + "=" * (-len(raw) % 8))


def wait_until_not_throttled(device: TOTPDevice) -> None:
    """Wait out django-otp's throttle after a wrong code (1 s, then 2 s, 4 s … after each failure).

    Until then a right code is refused exactly like a wrong one. No page event marks the end of the
    delay, so this is a deliberate wait, bounded by the ``locked_until`` django-otp computes.
    """
    device.refresh_from_db()
    allowed, data = device.verify_is_allowed()
    if not allowed:
        assert data is not None
        time.sleep(max(0.0, data["locked_until"].timestamp() - time.time()) + 0.05)


def log_in(page: Page, username: str, password: str) -> None:
    """Fill in and send the login form (the page must be on /accounts/login/)."""
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(password)
    page.locator("main button[type=submit]").click()


def log_out(page: Page) -> None:
    page.locator("header form[action='/accounts/logout/'] button").click()
    expect(page.locator("header a[href='/accounts/login/']")).to_be_visible()
