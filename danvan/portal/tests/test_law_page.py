"""The officer page "Căn cứ pháp lý" (who reads it: test_permission_matrix_law): the rules in force on the
chosen day, searched without accents, and the versions of a code."""

from __future__ import annotations

import pytest
from django.utils.html import escape

pytestmark = pytest.mark.django_db


def test_the_rules_of_a_day_searched_without_accents(as_persona):
    client = as_persona("officer_same")
    before = client.get("/law/", {"on": "2026-06-30", "q": "VU KHI"}).content.decode()
    after = client.get("/law/", {"on": "2026-07-01", "q": "vu khi"}).content.decode()
    assert "reception.refusal.nd154-weapons" not in before  # "vũ khí": a ground from 1 July 2026
    assert "reception.refusal.nd154-weapons" in after
    assert escape("Nghị định 154/2026/NĐ-CP, Điều 4") in after
    assert "complaint.first.resolve" not in after  # not about weapons
    assert "reception.refusal.tcd9-2" in client.get("/law/", {"q": "đe dọa"}).content.decode()


def test_the_versions_of_a_code(as_persona):
    page = as_persona("officer_same").get("/law/", {"code": "complaint.accept"}).content.decode()
    history = page.split('id="history"')[1]
    assert "Luật Khiếu nại 2011, Điều 27" in history
    assert "Nghị định 155/2026/NĐ-CP, Điều 10" in history


def test_a_bad_day_is_refused_with_a_message(as_persona):
    response = as_persona("officer_same").get("/law/", {"on": "30/06/2026"})
    assert response.status_code == 400
    assert "reception.crowd_min_people" in response.content.decode()  # today's rules still listed


def test_the_page_is_in_the_officer_navigation(as_persona):
    assert 'href="/law/"' in as_persona("officer_same").get("/workspace/").content.decode()
