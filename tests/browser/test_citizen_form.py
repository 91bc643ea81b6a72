"""The citizen's form: ticking "send without giving my name" greys out the name and contact fields."""

from __future__ import annotations

from browser_support import ContextFactory, tr
from playwright.sync_api import expect

from danvan.testing import World


def test_the_anonymous_box_greys_out_the_identity_fields(site: World, new_context: ContextFactory) -> None:
    page = new_context().new_page()
    page.goto("/petitions/new/")
    name = page.get_by_label(tr("Full name", "vi"), exact=True)
    phone = page.locator("#id_phone")
    name.fill("Nguyễn Văn An")
    page.get_by_label(tr("Send without giving my name", "vi")).check()
    expect(name).to_be_disabled()
    expect(phone).to_be_disabled()
    page.get_by_label(tr("Send without giving my name", "vi")).uncheck()
    expect(name).to_be_enabled()
    expect(name).to_have_value("Nguyễn Văn An")
