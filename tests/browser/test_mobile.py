"""A cheap phone (360 px wide): no page scrolls sideways."""

from __future__ import annotations

from pathlib import Path

from browser_support import PHONE, ContextFactory, assert_accessible, assert_no_horizontal_scroll, tr
from playwright.sync_api import expect
from pytest_django.live_server_helper import LiveServer

from danvan.accounts.models import User
from danvan.core.testing import World


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
