"""Vietnamese by default; one click switches to English and back, and the choice is remembered."""

from __future__ import annotations

from browser_support import ContextFactory, tr, vietnamese
from django.conf import settings
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from danvan.testing import World

HOME_TITLE = "Your voice reaches the government"
SEARCH_TITLE = "Find a commune"


def expect_language(page: Page, language: str, title_msgid: str) -> None:
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.get_by_role("heading", level=1)).to_have_text(tr(title_msgid, language))


def test_language_switch(site: World, live_server: LiveServer, new_context: ContextFactory) -> None:
    page = new_context().new_page()

    page.goto("/")
    expect_language(page, "vi", HOME_TITLE)
    # Vietnamese text, not the English msgids the templates are written in.
    expect(page.get_by_role("heading", level=1)).to_have_text(vietnamese(HOME_TITLE))
    expect(page.get_by_role("navigation", name=vietnamese("Main"))).to_contain_text(vietnamese(SEARCH_TITLE))
    expect(page.get_by_role("button", name="Tiếng Việt")).to_have_count(0)

    page.get_by_role("button", name="English").click()
    expect(page).to_have_url(f"{live_server.url}/")
    expect_language(page, "en", HOME_TITLE)
    expect(page.get_by_role("heading", level=1)).to_have_text(HOME_TITLE)
    expect(page.get_by_role("button", name="English")).to_have_count(0)
    expect(page.get_by_role("button", name="Tiếng Việt")).to_have_attribute("lang", "vi")

    # The choice persists on the next page (language cookie).
    page.get_by_role("navigation", name="Main").get_by_role("link", name=SEARCH_TITLE).click()
    expect(page).to_have_url(f"{live_server.url}/geography/")
    expect_language(page, "en", SEARCH_TITLE)
    cookie = next(c for c in page.context.cookies() if c["name"] == settings.LANGUAGE_COOKIE_NAME)
    assert (cookie["value"], cookie["httpOnly"], cookie["sameSite"]) == ("en", True, "Lax")

    # Back to Vietnamese, staying on the same page, and on the next one.
    page.get_by_role("button", name="Tiếng Việt").click()
    expect(page).to_have_url(f"{live_server.url}/geography/")
    expect_language(page, "vi", SEARCH_TITLE)
    expect(page.get_by_role("heading", level=1)).to_have_text(vietnamese(SEARCH_TITLE))
    page.goto("/")
    expect_language(page, "vi", HOME_TITLE)
    expect(page.get_by_role("button", name="English")).to_have_attribute("lang", "en")


def test_vietnamese_is_the_default_language(site: World, new_context: ContextFactory) -> None:
    """A browser that asks for neither Vietnamese nor English gets the Vietnamese site."""
    page = new_context(locale="fr-FR").new_page()
    page.goto("/")
    expect_language(page, "vi", HOME_TITLE)
    expect(page.get_by_role("heading", level=1)).to_have_text(vietnamese(HOME_TITLE))
