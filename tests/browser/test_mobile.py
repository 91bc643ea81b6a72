"""A cheap phone (360 px wide): no page scrolls sideways."""

from __future__ import annotations

from pathlib import Path

from browser_support import PHONE, ContextFactory, assert_accessible, assert_no_horizontal_scroll, tr
from playwright.sync_api import expect
from pytest_django.live_server_helper import LiveServer

from danvan.accounts.models import User
from danvan.testing import World


def test_mobile_360(
    site: World,
    site_personas: dict[str, User | None],
    live_server: LiveServer,
    new_context: ContextFactory,
    artifacts: Path,
) -> None:
    # bypass_csp only so that axe can run at this width too (see browser_support.run_axe).
    citizen = new_context(viewport=PHONE, bypass_csp=True).new_page()
    citizen.goto("/")
    expect(citizen.get_by_role("heading", level=1)).to_have_text(tr("Your voice reaches the government", "vi"))
    assert_no_horizontal_scroll(citizen, "home page")
    assert_accessible(citizen, "home page at 360 px")
    citizen.screenshot(path=artifacts / "home-360.png", full_page=True)

    citizen.goto("/geography/?q=ha+noi")
    expect(citizen.get_by_role("link", name=site.other_province.name)).to_be_visible()
    assert_no_horizontal_scroll(citizen, "unit search results")

    officer = new_context(viewport=PHONE, user=site_personas["org_admin"], bypass_csp=True).new_page()
    response = officer.goto("/workspace/")
    assert response is not None
    assert (response.status, response.url) == (200, f"{live_server.url}/workspace/")
    expect(officer.get_by_role("heading", level=1)).to_have_text(tr("Workspace", "vi"))
    expect(officer.get_by_role("table")).to_contain_text(site.org_a.name)
    assert_no_horizontal_scroll(officer, "workspace")
    assert_accessible(officer, "workspace at 360 px")
    officer.screenshot(path=artifacts / "workspace-360.png", full_page=True)

    officer.goto(f"/accounts/organizations/{site.org_a.pk}/")
    expect(officer.locator("#member-form form")).to_be_visible()
    assert_no_horizontal_scroll(officer, "organisation detail with the member form")

    # A unit's page: the facts stack under their labels instead of running off the screen.
    officer.goto(f"/geography/{site.commune_a.pk}/")
    expect(officer.get_by_role("heading", level=1)).to_have_text(site.commune_a.name)
    assert_no_horizontal_scroll(officer, "unit detail")

    # The workspace menu is folded on the phone (the page's content comes first) and opens on a tap.
    officer.goto("/workspace/")
    menu = officer.locator(".workspace-nav details")
    expect(menu).not_to_have_attribute("open", "")
    expect(officer.get_by_role("link", name=tr("Petitions", "vi"), exact=True)).to_be_hidden()
    officer.locator(".workspace-nav summary").click()
    expect(menu).to_have_attribute("open", "")


def test_the_workspace_menu_stays_open_on_a_wide_screen(
    site: World, site_personas: dict[str, User | None], new_context: ContextFactory
) -> None:
    officer = new_context(viewport={"width": 1280, "height": 800}, user=site_personas["org_admin"]).new_page()
    officer.goto("/workspace/")
    expect(officer.locator(".workspace-nav details")).to_have_attribute("open", "")
