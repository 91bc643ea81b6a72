"""Duplicates across organisations in a real browser (issue 4 §2): a reception officer of commune A enters a
paper petition, sees the earlier petition of the same person handled by the province's People's Committee
(a stub: another organisation's), registers it and marks it as a duplicate on its case page; the citizen's
tracking page of the copy then shows the handling case's status. axe-core on the search page, the entry
form's panel and the case page's panel."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from browser_support import (
    PHONE,
    ContextFactory,
    assert_no_horizontal_scroll,
    axe_failures,
    by_label,
    vi,
    watch_console,
)
from playwright.sync_api import expect

from danvan.accounts.models import Role, User
from danvan.cases.models import Petition, Status
from danvan.cases.services import workflow
from danvan.cases.services.intake import PartyData, PetitionData, petition_submit
from danvan.testing import World, make_user

ID = "001085012345"
LETTER = (
    "Gia đình tôi ở tổ 5 có thửa đất số 112, tờ bản đồ số 7. Ngày 03/04/2026 UBND phường ban hành "
    "Quyết định số 415/QĐ-UBND thu hồi 230 m² để làm trường mầm non mà không đo đạc có mặt gia đình tôi."
)


pytestmark = pytest.mark.usefixtures("seeded_site")


def earlier_petition(site: World) -> Petition:
    """Person X's complaint, received and accepted by the province's People's Committee (indexed on commit)."""
    petition = petition_submit(
        actor=None,
        data=PetitionData(
            kind="complaint",
            complaint_round=1,
            subject="Khiếu nại việc thu hồi đất làm trường mầm non",
            content=LETTER,
            unit=site.commune_a,
            parties=[PartyData(full_name="Nguyễn Văn An", personal_id=ID, phone="0912345678")],
        ),
        receiving_organization=site.province_committee,
    ).petition
    head = make_user("head_province", org=site.province_committee, role=Role.UNIT_HEAD)
    workflow.petition_classify(actor=head, petition=petition, eligible=True, within_competence=True)
    return workflow.petition_accept(actor=head, petition=petition)


def test_an_officer_links_the_earlier_petition_of_another_organisation_as_a_duplicate(
    site: World, site_personas: dict[str, User | None], new_context: ContextFactory, artifacts: Path
) -> None:
    earlier = earlier_petition(site)
    officer = new_context(user=site_personas["officer_same"], viewport=PHONE).new_page()
    console = watch_console(officer)
    officer.goto("/petitions/new-entry/")
    officer.wait_for_function("() => window.htmx !== undefined")
    panel = officer.locator("#intake-candidates")
    hint = (
        "As you type the personal ID, phone, name, subject or content, "
        "earlier petitions on the same matter appear here."
    )
    expect(panel).to_contain_text(vi(hint))

    by_label(officer, vi("Received through")).select_option("post")
    by_label(officer, vi("Kind of petition")).select_option("complaint_1")
    by_label(officer, vi("Subject")).fill("Đơn khiếu nại thu hồi đất (gửi lần hai)")
    by_label(officer, vi("Content")).fill(LETTER)
    commune = by_label(officer, vi("Commune, ward or special zone"))
    with officer.expect_response(lambda r: "province=" in r.url):
        by_label(officer, vi("Province or city")).select_option(str(site.province.pk))
    expect(commune.locator(f"option[value='{site.commune_a.pk}']")).to_have_count(1)
    commune.select_option(str(site.commune_a.pk))
    by_label(officer, vi("Full name")).fill("Nguyễn Văn An")
    with officer.expect_response(lambda r: r.url.endswith("/search/intake/candidates/") and r.status == 200):
        by_label(officer, vi("Personal ID number")).fill(ID)
    expect(panel).to_contain_text(earlier.tracking_code)
    expect(panel).to_contain_text(site.province_committee.name)
    expect(panel).to_contain_text(vi("Same personal ID number"))
    expect(panel).not_to_contain_text(earlier.subject)  # another organisation's petition: a stub
    expect(panel.locator("a[href^='/petitions/']")).to_have_count(0)
    assert_no_horizontal_scroll(officer, "entry form with candidates")
    panel.screenshot(path=artifacts / "duplicates-entry-panel-360.png")

    officer.get_by_role("button", name=vi("Register the petition")).click()
    expect(officer.get_by_role("heading", level=1)).to_have_text(vi("Your petition was sent"))
    link = officer.locator("a.secret").get_attribute("href")
    assert link is not None
    copy = Petition.objects.exclude(pk=earlier.pk).get()
    assert (copy.handling_organization, copy.status) == (site.org_a, Status.RECEIVED)

    officer.get_by_role("link", name=vi("Open the case")).click()
    candidates = officer.locator("#duplicate-candidates")
    expect(candidates).to_contain_text(earlier.tracking_code)
    expect(candidates).to_contain_text(vi("likely duplicate"))
    expect(candidates).not_to_contain_text(earlier.subject)
    assert_no_horizontal_scroll(officer, "case page with candidates")
    candidates.screenshot(path=artifacts / "duplicates-case-panel-360.png")
    button = candidates.get_by_role(
        "button", name=vi("Mark as a duplicate of %(code)s") % {"code": earlier.tracking_code}
    )
    button.click()
    expect(officer.locator(".messages")).to_contain_text(vi("The petition was marked as a duplicate."))
    expect(officer.locator("#case-header .badge-status")).to_have_text(vi("duplicate of another petition"))
    copy.refresh_from_db()
    earlier.refresh_from_db()
    assert (copy.status, copy.canonical, earlier.status) == (Status.DUPLICATE, earlier, Status.ACCEPTED)
    assert not console, f"errors in the console (CSP?): {console}"

    citizen = new_context().new_page()
    citizen.goto(link)
    expect(citizen).to_have_url(re.compile(rf"/petitions/track/{copy.tracking_code}/$"))
    facts = citizen.locator(".facts")
    expect(facts).to_contain_text(vi("accepted for resolution"))
    expect(facts).to_contain_text(site.province_committee.name)
    expect(citizen.locator(".notice")).to_contain_text(earlier.tracking_code)


@pytest.mark.parametrize("language", ["vi", "en"])
def test_axe_on_the_search_page_and_the_candidates_panels(
    language: str, site: World, site_personas: dict[str, User | None], new_context: ContextFactory
) -> None:
    earlier = earlier_petition(site)
    mine = petition_submit(
        actor=None,
        data=PetitionData(
            kind="complaint",
            complaint_round=1,
            subject="Khiếu nại thu hồi đất",
            content=LETTER,
            unit=site.commune_a,
            parties=[PartyData(full_name="Nguyễn Văn An", personal_id=ID)],
        ),
        receiving_organization=site.org_a,
    ).petition
    page = new_context(language=language, bypass_csp=True, user=site_personas["officer_same"]).new_page()
    failures: list[str] = []

    page.goto("/search/")
    failures.append(axe_failures(page, f"search page ({language})"))
    page.locator("#id_q").fill("thu hồi đất")
    page.locator("main form[role=search] button[type=submit]").click()
    expect(page.locator("#search-results .case-card")).to_have_count(1)
    expect(page.locator("#search-results")).to_contain_text(mine.tracking_code)
    failures.append(axe_failures(page, f"search results ({language})"))

    page.goto(f"/petitions/{mine.pk}/")
    expect(page.locator("#duplicate-candidates")).to_contain_text(earlier.tracking_code)
    failures.append(axe_failures(page, f"case page with its candidates ({language})"))

    page.goto("/petitions/new-entry/")
    page.wait_for_function("() => window.htmx !== undefined")
    with page.expect_response(lambda r: r.url.endswith("/search/intake/candidates/")):
        page.locator("#id_personal_id").fill(ID)
    expect(page.locator("#intake-candidates")).to_contain_text(earlier.tracking_code)
    failures.append(axe_failures(page, f"entry form with candidates ({language})"))

    failures = [failure for failure in failures if failure]
    assert not failures, "accessibility problems:\n" + "\n".join(failures)
