"""Petitions in a real browser: a citizen on a cheap phone sends one, officers handle it with htmx under the
site's real CSP, the citizen reads the answer and rates it; a forwarding between two communes; axe-core on
every page of the module."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from browser_support import (
    PHONE,
    ContextFactory,
    assert_no_horizontal_scroll,
    axe_failures,
    by_label,
    tr,
    vi,
    watch_console,
)
from playwright.sync_api import Page, expect

from danvan.accounts.models import Role, User
from danvan.cases.models import Petition, Status
from danvan.testing import World

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
ID = "001085012345"  # Hà Nội (001), male born 1985


pytestmark = pytest.mark.usefixtures("seeded_site")


def fill_petition(page: Page, site: World, *, subject: str, language: str = "vi") -> None:
    """The citizen's form: the province first, then htmx brings the communes of that province."""

    def label(msgid: str) -> str:
        return tr(msgid, language)

    by_label(page, label("Kind of petition")).select_option("complaint_1")
    by_label(page, label("Subject")).fill(subject)
    by_label(page, label("Content")).fill(
        "Tôi khiếu nại Quyết định số 15/QĐ-UBND về việc thu hồi đất nông nghiệp của gia đình tôi."
    )
    by_label(page, label("Decision or act complained about")).fill("Quyết định số 15/QĐ-UBND")
    by_label(page, label("Date of the decision or act")).fill("2026-09-01")
    commune = by_label(page, label("Commune, ward or special zone"))
    with page.expect_response(lambda r: "province=" in r.url and r.request.headers.get("hx-request") == "true"):
        by_label(page, label("Province or city")).select_option(str(site.province.pk))
    expect(commune.locator(f"option[value='{site.commune_a.pk}']")).to_have_count(1)
    commune.select_option(str(site.commune_a.pk))
    by_label(page, label("Street, hamlet or place")).fill("Tổ 5")
    by_label(page, label("Full name")).fill("Nguyễn Văn An")
    by_label(page, label("Personal ID number")).fill(ID)
    by_label(page, label("Year of birth")).fill("1985")
    by_label(page, label("Phone number")).fill("0912345678")
    by_label(page, label("Attachments")).set_input_files(
        [{"name": "quyet-dinh.pdf", "mimeType": "application/pdf", "buffer": PDF}]
    )


def do_action(page: Page, petition: Petition, action: str, done: str, **fields: str) -> None:
    """Open an action of the case page, fill it in and send it; htmx swaps the panels in place."""
    form = page.locator(f"form[action='/petitions/{petition.pk}/{action}/']")
    details = page.locator("details.action").filter(has=form)
    details.locator("summary").click()
    for label, value in fields.items():
        field = by_label(form, vi(label))
        if field.evaluate("e => e.tagName") == "SELECT":
            field.select_option(value)
        elif field.get_attribute("type") == "checkbox":
            field.check()
        else:
            field.fill(value)
    with page.expect_response(lambda r: r.request.method == "POST" and r.request.headers.get("hx-request") == "true"):
        form.locator("button[type=submit]").click()
    expect(page.locator("#case-actions [role=status]")).to_have_text(vi(done))


def test_a_citizen_petition_from_the_phone_to_the_rating(
    site: World,
    site_personas: dict[str, User | None],
    make_officer: Callable[..., User],
    new_context: ContextFactory,
    artifacts: Path,
) -> None:
    citizen = new_context(viewport=PHONE).new_page()
    console = watch_console(citizen)
    citizen.goto("/")
    citizen.get_by_role("link", name=vi("Send a petition")).click()
    expect(citizen.get_by_role("heading", level=1)).to_have_text(vi("Send a petition"))
    citizen.wait_for_function("() => window.htmx !== undefined")
    fill_petition(citizen, site, subject="Khiếu nại quyết định thu hồi đất")
    assert_no_horizontal_scroll(citizen, "petition form")
    citizen.screenshot(path=artifacts / "petition-form-360.png", full_page=True)
    citizen.get_by_role("button", name=vi("Send the petition")).click()
    expect(citizen.get_by_role("heading", level=1)).to_have_text(vi("Your petition was sent"))
    assert_no_horizontal_scroll(citizen, "receipt")
    citizen.screenshot(path=artifacts / "petition-receipt-360.png", full_page=True)
    link = citizen.locator("a.secret").get_attribute("href")
    assert link is not None
    petition = Petition.objects.get()
    assert re.fullmatch(rf"http://[^/]+/petitions/track/{petition.tracking_code}/\?s=[\w-]+", link), link
    assert (petition.unit, petition.handling_organization, petition.attachments.count()) == (
        site.commune_a,
        site.org_a,
        1,
    )

    reception = new_context(user=site_personas["officer_same"]).new_page()
    officer_console = watch_console(reception)
    reception.goto("/petitions/inbox/")
    reception.get_by_role("link", name=petition.tracking_code).click()
    expect(reception.get_by_role("heading", level=1)).to_have_text("Khiếu nại quyết định thu hồi đất")
    reception.wait_for_function("() => window.htmx !== undefined")
    reception.evaluate("() => { window.__sameDocument = true; }")
    do_action(
        reception,
        petition,
        "classify",
        "The petition was classified.",
        **{
            "Eligible for processing (form and content meet the conditions)": "on",
            "Within this organisation's competence": "on",
        },
    )
    expect(reception.locator("#case-header .badge-status")).to_have_text(vi("classified"))
    assert reception.evaluate("() => window.__sameDocument === true"), "the page was reloaded"
    # A reception officer does not decide: no acceptance form.
    expect(reception.locator(f"form[action='/petitions/{petition.pk}/accept/']")).to_have_count(0)

    head = new_context(user=make_officer("head_a", role=Role.UNIT_HEAD)).new_page()
    head_console = watch_console(head)
    head.goto(f"/petitions/{petition.pk}/")
    head.wait_for_function("() => window.htmx !== undefined")
    do_action(head, petition, "accept", "The petition was accepted for resolution.")
    expect(head.locator("#case-deadlines")).to_contain_text(vi("Resolve the petition"))
    do_action(head, petition, "extend", "The time limit was extended.", Reason="Vụ việc phức tạp, nhiều nơi")
    expect(head.locator("#case-timeline")).to_contain_text(vi("Time limit extended"))
    do_action(
        head,
        petition,
        "conclude",
        "The conclusion was recorded.",
        Outcome="partly_right",
        **{"Answer to the citizen": "Khiếu nại đúng một phần: gia đình được bồi thường bổ sung."},
    )
    do_action(head, petition, "close", "The case was closed.")
    head.screenshot(path=artifacts / "petition-case-page.png", full_page=True)
    petition.refresh_from_db()
    assert (petition.status, petition.complexity) == (Status.CLOSED, "complex")

    citizen.goto(link)
    expect(citizen).to_have_url(re.compile(rf"/petitions/track/{petition.tracking_code}/$"))
    expect(citizen.locator(".answer")).to_contain_text("gia đình được bồi thường bổ sung")
    expect(citizen.locator(".timeline")).to_contain_text(vi("The case was closed."))
    expect(citizen.locator("main")).not_to_contain_text("Head_A")
    assert_no_horizontal_scroll(citizen, "tracking page")
    citizen.screenshot(path=artifacts / "petition-tracking-360.png", full_page=True)
    by_label(citizen, vi("How satisfied are you with the handling?")).select_option("5")
    by_label(citizen, vi("Comment")).fill("Cán bộ nhiệt tình")
    citizen.get_by_role("button", name=vi("Send my rating")).click()
    expect(citizen.get_by_role("status")).to_contain_text(vi("Thank you. Your rating helps the agency improve."))
    petition.refresh_from_db()
    assert (petition.rating, petition.rating_comment) == (5, "Cán bộ nhiệt tình")
    assert not console + officer_console + head_console, "errors in the console (CSP?)"


def test_forwarding_to_the_competent_commune(
    site: World, site_personas: dict[str, User | None], new_context: ContextFactory
) -> None:
    from danvan.cases.services.intake import PartyData, PetitionData, petition_submit

    petition = petition_submit(
        actor=None,
        data=PetitionData(
            kind="recommendation",
            subject="Kiến nghị sửa cầu treo",
            content="Cầu treo bản Nậm Cấu xuống cấp, đề nghị sửa chữa.",
            unit=site.commune_b,
            parties=[PartyData(full_name="Lò Văn Páo")],
        ),
        receiving_organization=site.org_a,
    ).petition
    sender = new_context(user=site_personas["officer_same"]).new_page()
    sender.goto(f"/petitions/{petition.pk}/")
    sender.wait_for_function("() => window.htmx !== undefined")
    do_action(
        sender,
        petition,
        "forward",
        "The petition was forwarded.",
        **{"Competent organisation": str(site.org_b.pk), "Reason": "Thuộc thẩm quyền xã Phong Thổ"},
    )
    expect(sender.locator("#case-header")).to_contain_text(site.org_b.name)

    receiver = new_context(user=site_personas["officer_other"]).new_page()
    receiver.goto("/petitions/inbox/")
    receiver.get_by_role("link", name=petition.tracking_code).click()
    receiver.wait_for_function("() => window.htmx !== undefined")
    do_action(receiver, petition, "acknowledge", "The forwarded petition was acknowledged.")
    expect(receiver.locator("#case-header .badge-status")).to_have_text(vi("received"))
    receiver.goto("/petitions/inbox/")
    expect(receiver.get_by_role("link", name=petition.tracking_code)).to_be_visible()
    petition.refresh_from_db()
    assert (petition.status, petition.forwardings.get().acknowledged_by) == (
        Status.RECEIVED,
        site_personas["officer_other"],
    )


@pytest.mark.parametrize("language", ["vi", "en"])
def test_axe_on_the_petition_pages(
    language: str,
    site: World,
    site_personas: dict[str, User | None],
    make_officer: Callable[..., User],
    new_context: ContextFactory,
) -> None:
    # bypass_csp: axe-core is injected as an inline script (see browser_support.run_axe).
    citizen = new_context(language=language, bypass_csp=True, viewport=PHONE).new_page()
    failures: list[str] = []

    citizen.goto("/petitions/new/")
    failures.append(axe_failures(citizen, f"petition form ({language})"))
    citizen.locator("#id_province").select_option(str(site.province.pk))
    expect(citizen.locator(f"#id_unit option[value='{site.commune_a.pk}']")).to_have_count(1)
    citizen.locator("main form button[type=submit]:not([name])").click()
    expect(citizen.locator("#id_subject_error")).to_be_visible()
    failures.append(axe_failures(citizen, f"petition form with errors ({language})"))

    fill_petition(citizen, site, subject="Kiểm tra khả năng tiếp cận", language=language)
    citizen.locator("main form button[type=submit]:not([name])").click()
    expect(citizen.locator("a.secret")).to_be_visible()
    failures.append(axe_failures(citizen, f"receipt ({language})"))
    link = citizen.locator("a.secret").get_attribute("href")
    assert link is not None
    citizen.goto(link)
    expect(citizen.locator(".timeline li")).to_have_count(1)
    failures.append(axe_failures(citizen, f"tracking page ({language})"))
    lookup = new_context(language=language, bypass_csp=True).new_page()
    lookup.goto("/petitions/track/")
    failures.append(axe_failures(lookup, f"tracking lookup ({language})"))
    lookup.locator("#id_code").fill("DV-0000-0000")
    lookup.locator("#id_secret").fill("wrong")
    lookup.locator("main form button[type=submit]").click()
    expect(lookup.locator("[role=alert]")).to_be_visible()
    failures.append(axe_failures(lookup, f"tracking not found ({language})"))

    petition = Petition.objects.get()
    head = new_context(language=language, bypass_csp=True, user=make_officer("head_a", role=Role.UNIT_HEAD)).new_page()
    head.goto("/petitions/inbox/")
    expect(head.locator(".case-card")).to_have_count(1)
    failures.append(axe_failures(head, f"inbox ({language})"))
    head.goto(f"/petitions/{petition.pk}/")
    for summary in head.locator("details.action summary").all():
        summary.click()
    failures.append(axe_failures(head, f"case page with every form open ({language})"))
    head.goto("/petitions/new-entry/")
    failures.append(axe_failures(head, f"paper entry ({language})"))
    head.goto(f"/routing/petitions/{petition.pk}/suggestion/")
    failures.append(axe_failures(head, f"suggested classification ({language})"))
    head.goto("/petitions/response-templates/")  # the list and, for a head, the form of a new template
    failures.append(axe_failures(head, f"response templates ({language})"))

    failures = [failure for failure in failures if failure]
    assert not failures, "accessibility problems:\n" + "\n".join(failures)
