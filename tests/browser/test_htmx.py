"""The commune search updates its results in place through htmx, under the site's real CSP."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

from browser_support import ContextFactory, tr
from playwright.sync_api import ConsoleMessage, Request, expect

from danvan.testing import World


def test_htmx_unit_search(site: World, new_context: ContextFactory) -> None:
    page = new_context().new_page()
    console_errors: list[str] = []

    def on_console(message: ConsoleMessage) -> None:
        # A missing favicon is the only error a page may log (no favicon yet).
        if message.type == "error" and "favicon" not in (message.location or {}).get("url", ""):
            console_errors.append(message.text)

    page.on("console", on_console)

    # htmx is served from /static/vendor/ (var/vendor, through the live server's static files handler).
    with page.expect_response(lambda r: r.url.endswith("/static/vendor/htmx.min.js")) as htmx_file:
        page.goto("/geography/")
    assert htmx_file.value.status == 200, f"/static/vendor/htmx.min.js: HTTP {htmx_file.value.status}"
    assert "javascript" in htmx_file.value.headers["content-type"], htmx_file.value.headers
    page.wait_for_function("() => window.htmx !== undefined && document.readyState === 'complete'")
    results = page.locator("#unit-results")
    expect(results).to_be_empty()

    # A full page load would lose this marker; an htmx swap keeps it.
    page.evaluate("() => { window.__sameDocument = true; }")

    def is_search(request: Request) -> bool:
        url = urlsplit(request.url)
        return url.path == "/geography/" and parse_qs(url.query).get("q") == ["ha noi"]

    with page.expect_request(is_search) as search:
        page.get_by_label(tr("Name of a province, commune or ward", "vi")).press_sequentially("ha noi")
    assert search.value.headers.get("hx-request") == "true", "the search was not sent by htmx"
    assert search.value.resource_type == "xhr", search.value.resource_type

    hanoi = results.get_by_role("link", name="Thành phố Hà Nội")
    expect(hanoi).to_be_visible()
    expect(hanoi).to_have_attribute("href", f"/geography/{site.other_province.pk}/")
    expect(results.get_by_role("listitem")).to_have_count(1)
    expect(results).not_to_contain_text(site.province.name)
    # The result list is swapped into the live region, not nested inside it or around a whole page.
    expect(page.locator("#unit-results")).to_have_count(1)
    expect(page.get_by_role("heading", level=1)).to_have_count(1)
    assert page.evaluate("() => window.__sameDocument === true"), "the page was reloaded"
    # hx-push-url: the result has its own address.
    expect(page).to_have_url(re.compile(r"/geography/\?q=ha(\+|%20)noi&"))
    assert not console_errors, f"errors in the console (CSP?): {console_errors}"
