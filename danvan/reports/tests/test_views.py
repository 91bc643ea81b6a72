"""The report pages as officers use them: scoping, links from every number, exports read back."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from openpyxl import load_workbook

from danvan.audit.models import AuditEvent
from danvan.documents.checks import assert_decree30_format
from danvan.reports.tests.factories import make_petition
from danvan.testing import login_client

Q1 = "period=2026-q1"


def test_province_leader_dashboard_counts_the_province(client, world, province_head, sample):
    login_client(client, province_head)
    response = client.get(f"/reports/?scope=p{world.province.pk}&{Q1}")
    assert response.status_code == 200
    board = response.context["board"]
    assert board.figures["received"] == 3  # a, b, c; d is in Hà Nội
    assert board.figures["resolved"] == 1
    assert [(s.value, s.count) for s in board.by_kind] == [("complaint", 1), ("denunciation", 1), ("feedback", 1)]
    assert board.handling.count == 1
    assert board.handling.p90 is not None
    assert board.on_time_rate == 100


def test_every_number_links_to_a_list_of_that_length(client, world, province_head, sample):
    login_client(client, province_head)
    page = client.get(f"/reports/?scope=p{world.province.pk}&{Q1}").content.decode()
    links = re.findall(r'href="(/reports/petitions/\?[^"]+)">(\d+)</a>', page)
    assert len(links) >= 10
    for href, number in links:
        listed = client.get(href.replace("&amp;", "&"))
        assert listed.status_code == 200, href
        assert listed.context["page"].paginator.count == int(number), href


def test_commune_officer_cannot_ask_for_another_commune(client, world, personas, sample):
    login_client(client, personas["officer_other"])
    assert client.get(f"/reports/?scope=c{world.commune_a.pk}&{Q1}").status_code == 404
    assert client.get(f"/reports/?scope=p{world.province.pk}&{Q1}").status_code == 404
    own = client.get(f"/reports/?scope=c{world.commune_b.pk}&{Q1}")
    assert own.status_code == 200
    assert own.context["board"].figures["received"] == 1


def test_htmx_filter_returns_the_fragment(client, world, province_head, sample):
    login_client(client, province_head)
    response = client.get(f"/reports/?scope=p{world.province.pk}&{Q1}", headers={"HX-Request": "true"})
    body = response.content.decode()
    assert response.status_code == 200
    assert body.lstrip().startswith('<div id="report-body"')
    assert "<html" not in body


@pytest.mark.parametrize("query", ["period=2026-q9", "period=custom&start=2026-03-01&end=2026-01-01", "period=custom"])
def test_bad_period_is_a_400_with_a_message(client, world, province_head, query):
    login_client(client, province_head)
    response = client.get(f"/reports/?scope=p{world.province.pk}&{query}")
    assert response.status_code == 400
    assert response.context["report"].form.errors


@pytest.mark.parametrize("query", ["measure=nothing", "measure=received&kind=bogus", "measure=received&row=x1"])
def test_unknown_list_is_a_400(client, world, province_head, query):
    login_client(client, province_head)
    assert client.get(f"/reports/petitions/?{Q1}&{query}").status_code == 400


def test_statistics_xlsx_reads_back(client, world, province_head, sample):
    login_client(client, province_head)
    response = client.get(f"/reports/statistics.xlsx?scope=p{world.province.pk}&{Q1}")
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.content))
    assert len(workbook.sheetnames) == 4  # reception, processing, complaints, denunciations
    sheet = workbook[workbook.sheetnames[0]]
    rows = list(sheet.iter_rows(values_only=True))
    header = next(r for r in rows if r[0] in ("Đơn vị", "Unit"))
    total_row = rows[-1]
    assert header[1] in ("Tổng số đơn", "Total petitions")
    assert total_row[1] == 3  # province total: a, b, c
    body = rows[rows.index(header) + 1 : -1]
    assert sum(r[1] for r in body) == total_row[1]
    assert any("01/2024/TT-TTCP" in str(cell) for r in rows[:6] for cell in r if cell)


def test_case_list_xlsx_masks_the_denouncer(client, world, personas, province_head, sample):
    # The inspector reads the whole province but does not handle commune B's denunciation.
    login_client(client, personas["province_inspector"])
    url = f"/reports/petitions.xlsx?scope=p{world.province.pk}&{Q1}&measure=received"
    response = client.get(url)
    assert response.status_code == 200
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    by_code = {r[0]: r for r in rows[2:]}
    assert by_code[sample["a"].tracking_code][8] == "Nguyễn Văn An"
    assert "Trần Thị Bình" not in str(rows)
    assert not AuditEvent.objects.filter(action="petition.identity_exported").exists()


def test_case_list_xlsx_shows_the_denouncer_to_the_head_and_audits_it(client, world, sample):
    from danvan.accounts.models import Role
    from danvan.testing import make_user

    head_b = make_user("head_b", org=world.org_b, role=Role.UNIT_HEAD)
    login_client(client, head_b)
    response = client.get(f"/reports/petitions.xlsx?scope=c{world.commune_b.pk}&{Q1}&measure=received")
    assert "Trần Thị Bình" in str(list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True)))
    event = AuditEvent.objects.get(action="petition.identity_exported")
    assert event.target_id == str(sample["b"].pk)


def test_narrative_draft_saved_then_exported_in_decree30_format(client, world, province_head, sample):
    login_client(client, province_head)
    url = f"/reports/narrative/?scope=p{world.province.pk}&{Q1}"
    form = {
        "results": "Tổ chức tiếp công dân định kỳ đầy đủ.",
        "shortcomings": "Một số vụ việc còn chậm.",
        "proposals": "Đề nghị tăng cường tập huấn.",
        "recipients": "Thanh tra Chính phủ\nThường trực Tỉnh ủy",
        "signer_name": "Lê Văn Chủ",
    }
    assert client.post(url, form).status_code == 302
    assert client.get(url).context["form"].initial["results"] == form["results"]
    response = client.post(url.replace("/narrative/", "/narrative.docx"), form)
    assert response.status_code == 200
    assert assert_decree30_format(response.content) == []
    from docx import Document

    text = "\n".join(p.text for p in Document(io.BytesIO(response.content)).paragraphs)
    assert "BÁO CÁO" in text
    assert "Tổng số đơn 3" in text
    assert "Một số vụ việc còn chậm." in text
    again = client.post(url.replace("/narrative/", "/narrative.docx"), form)
    assert again.status_code == 200  # the same number, no new one
    assert AuditEvent.objects.filter(action="reports.narrative_exported").count() == 2


def test_narrative_text_too_long_is_refused(client, world, province_head):
    login_client(client, province_head)
    url = f"/reports/narrative/?scope=p{world.province.pk}&{Q1}"
    assert client.post(url, {"results": "x" * 20_001}).status_code == 400


def test_open_data_has_no_personal_data(client, world, sample):
    response = client.get("/reports/open-data/statistics.json?period=2026-q1")
    assert response.status_code == 200
    data = response.json()
    text = response.content.decode()
    assert "Nguyễn Văn An" not in text
    assert "Trần Thị Bình" not in text
    assert sample["a"].tracking_code not in text
    assert set(data["rows"][0]) == set(data["fields"])
    received = sum(r["received"] for r in data["rows"])
    assert received == 4  # every organisation, both provinces
    csv_text = client.get("/reports/open-data/statistics.csv?period=2026-q1").content.decode("utf-8-sig")
    assert csv_text.splitlines()[0].split(",") == data["fields"]
    assert len(csv_text.splitlines()) == len(data["rows"]) + 1


def test_ratings_only_for_leaders(client, world, personas, head_a, province_head, sample):
    login_client(client, personas["officer_same"])
    assert client.get(f"/reports/satisfaction/?{Q1}").status_code == 403
    login_client(client, head_a)
    response = client.get(f"/reports/satisfaction/?{Q1}")
    assert response.status_code == 200
    assert [(r.name, r.count, r.average) for r in response.context["by_org"]] == [(world.org_a.name, 1, 5)]
    login_client(client, province_head)
    assert len(client.get(f"/reports/satisfaction/?scope=p{world.province.pk}&{Q1}").context["by_org"]) == 1


def test_exports_keep_formulas_as_text(client, world, province_head):
    make_petition(world.org_a, dt.date(2026, 1, 5), subject='=HYPERLINK("http://x","y")')
    world.org_a.name = "=cmd|' /C calc'!A0"
    world.org_a.save()
    login_client(client, province_head)
    response = client.get(f"/reports/petitions.xlsx?scope=p{world.province.pk}&{Q1}&measure=received")
    sheet = load_workbook(io.BytesIO(response.content)).active
    cells = [cell for row in sheet.iter_rows() for cell in row if str(cell.value).startswith("=")]
    assert cells
    assert all(cell.data_type == "s" for cell in cells)
    csv_text = client.get("/reports/open-data/statistics.csv?period=2026-q1").content.decode("utf-8-sig")
    assert "'=cmd" in csv_text
    assert "\n=" not in csv_text
    assert ",=" not in csv_text


def test_a_crowd_hotspot_on_the_dashboard_has_a_readable_link(client, world, province_head):
    from django.utils import timezone

    from danvan.reception.models import Hotspot

    today = timezone.localdate()
    hotspot = Hotspot.objects.create(
        unit=world.commune_a,
        signal="crowd",
        key="crowd",
        label="",  # crowd signals share no text: the link must still say what it is
        score=1.5,
        petition_count=1,
        people_count=15,
        window_start=today - dt.timedelta(days=13),
        window_end=today,
        last_scored_at=timezone.now(),
    )
    login_client(client, province_head)
    page = client.get("/reports/").content.decode()
    link = re.search(rf'<a href="/reception/hotspots/{hotspot.pk}/">(.*?)</a>', page, re.S)
    assert link is not None
    assert link.group(1).strip()
    assert "đơn đông người" in link.group(1).lower() or "đông người" in link.group(1).lower()
