"""A provincial leader opens the dashboard, filters a quarter (htmx), follows a number to its list and
exports the quarterly report; axe finds no serious or critical problem on the report and survey pages."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

from browser_support import ContextFactory, axe_failures
from docx import Document
from openpyxl import load_workbook
from playwright.sync_api import ConsoleMessage, expect

from danvan.accounts.models import Role
from danvan.documents.checks import assert_decree30_format
from danvan.reports.tests.factories import make_petition
from danvan.testing import World, make_user


def _data(site: World) -> None:
    make_petition(
        site.org_a,
        dt.date(2026, 1, 5),
        kind="complaint",
        status="closed",
        accepted_on=dt.date(2026, 1, 8),
        concluded_on=dt.date(2026, 2, 20),
        outcome="right",
        resolve_due=dt.date(2026, 3, 1),
    )
    make_petition(
        site.org_b,
        dt.date(2026, 2, 1),
        kind="denunciation",
        status="verification",
        accepted_on=dt.date(2026, 2, 3),
        petitioner="Trần Thị Bình",
    )
    make_petition(site.province_committee, dt.date(2025, 12, 20), kind="feedback", status="received")
    make_petition(site.org_a, dt.date(2026, 4, 2), kind="recommendation", status="received")  # Q2: not counted


def test_provincial_leader_filters_follows_and_exports(
    site: World, new_context: ContextFactory, artifacts: Path
) -> None:
    _data(site)
    leader = make_user("chu_tich_tinh", org=site.province_committee, role=Role.UNIT_HEAD)
    page = new_context(user=leader).new_page()
    errors: list[str] = []

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error" and "favicon" not in (message.location or {}).get("url", ""):
            errors.append(message.text)

    page.on("console", on_console)
    page.goto("/reports/")
    page.wait_for_function("() => window.htmx !== undefined && window.Chart !== undefined")
    expect(page.locator("#id_scope")).to_have_value(f"p{site.province.pk}")
    page.evaluate("() => { window.__sameDocument = true; }")

    # Filter the first quarter: htmx swaps the figures in place and the address follows.
    page.locator("#id_period").select_option("2026-q1")
    with page.expect_request(lambda r: "period=2026-q1" in r.url and r.headers.get("hx-request") == "true"):
        page.locator(".report-filter button[type=submit]").click()
    received = page.locator("dl.figures a[href$='measure=received']")
    expect(received).to_have_text("3")
    expect(page).to_have_url(re.compile(r"period=2026-q1"))
    assert page.evaluate("() => window.__sameDocument === true"), "the page was reloaded"
    page.wait_for_function("() => document.querySelector('canvas[data-chart=months]').width > 0")
    page.screenshot(path=str(artifacts / "reports-dashboard.png"), full_page=True)

    # Follow the number to the list it counts.
    received.click()
    expect(page).to_have_url(re.compile(r"/reports/petitions/\?.*measure=received"))
    expect(page.locator("table.data-table tbody tr")).to_have_count(3)

    # The quarterly statistical tables, as XLSX.
    page.goto(f"/reports/statistics/?scope=p{site.province.pk}&period=2026-q1")
    with page.expect_download() as download:
        page.locator("a[href^='/reports/statistics.xlsx']").click()
    workbook = load_workbook(io.BytesIO(download.value.path().read_bytes()))
    first = list(workbook[workbook.sheetnames[0]].iter_rows(values_only=True))
    assert first[-1][1] == 3  # total petitions of the province in Q1

    # The narrative report: write the officer's sections, save and export the DOCX.
    page.goto(f"/reports/narrative/?scope=p{site.province.pk}&period=2026-q1")
    page.locator("#id_results").fill("Tổ chức tiếp công dân định kỳ đầy đủ theo quy định.")
    page.locator("#id_shortcomings").fill("Một số vụ việc giải quyết còn chậm.")
    page.locator("#id_signer_name").fill("Lê Văn Chủ")
    with page.expect_download() as download:
        page.locator("button[formaction^='/reports/narrative.docx']").click()
    content = download.value.path().read_bytes()
    assert assert_decree30_format(content) == []
    text = "\n".join(p.text for p in Document(io.BytesIO(content)).paragraphs)
    assert "Tổng số đơn 3" in text
    assert "Một số vụ việc giải quyết còn chậm." in text
    assert not errors, f"errors in the console (CSP?): {errors}"


def test_axe_on_report_and_survey_pages(site: World, new_context: ContextFactory) -> None:
    _data(site)
    leader = make_user("chu_tich_tinh", org=site.province_committee, role=Role.UNIT_HEAD)
    query = f"scope=p{site.province.pk}&period=2026-q1"
    pages = {
        "dashboard": f"/reports/?{query}",
        "list": f"/reports/petitions/?{query}&measure=received",
        "statistics": f"/reports/statistics/?{query}",
        "narrative": f"/reports/narrative/?{query}",
        "ratings": f"/reports/satisfaction/?{query}",
        "open data": "/reports/open-data/?period=2026-q1",
        "survey list": "/feedback/",
        "survey": f"/feedback/{site.org_a.pk}/",
        "survey results": "/feedback/results/",
        "organisation results": f"/feedback/results/{site.org_a.pk}/",
    }
    failures = []
    for language in ("vi", "en"):
        page = new_context(user=leader, bypass_csp=True, language=language).new_page()
        for label, path in pages.items():
            response = page.goto(path)
            assert response is not None, label
            assert response.status == 200, f"{label}: {response.status}"
            failures.append(axe_failures(page, f"{label} ({language})"))
    assert not any(failures), "\n".join(f for f in failures if f)
