"""Every report URL × every persona. Commune A's figures are asked for explicitly: officer_other (commune B)
gets 404, as for a petition it may not see; citizens get 403 on officer pages; open data is public."""

from __future__ import annotations

import pytest

from danvan.testing import PERSONAS
from danvan.testing.matrix import ALL, Endpoint, call_endpoint, officers

SCOPE_A = "scope=c{pk}&period=2026-q1"
OWN_COMMUNE = officers(200, officer_other=404)
DRAFT = {"results": "Kết quả.", "shortcomings": "", "proposals": "", "recipients": "Thanh tra tỉnh", "signer_name": ""}


def _a(w) -> str:
    return SCOPE_A.format(pk=w.commune_a.pk)


ENDPOINTS = [
    Endpoint("reports:dashboard", "get", lambda w: f"/reports/?{_a(w)}", OWN_COMMUNE),
    Endpoint("reports:petition_list", "get", lambda w: f"/reports/petitions/?{_a(w)}&measure=received", OWN_COMMUNE),
    Endpoint(
        "reports:petition_list_xlsx", "get", lambda w: f"/reports/petitions.xlsx?{_a(w)}&measure=received", OWN_COMMUNE
    ),
    Endpoint("reports:statistics", "get", lambda w: f"/reports/statistics/?{_a(w)}", OWN_COMMUNE),
    Endpoint("reports:statistics_xlsx", "get", lambda w: f"/reports/statistics.xlsx?{_a(w)}", OWN_COMMUNE),
    Endpoint("reports:narrative", "get", lambda w: f"/reports/narrative/?{_a(w)}", OWN_COMMUNE),
    Endpoint(
        "reports:narrative",
        "post",
        lambda w: f"/reports/narrative/?{_a(w)}",
        officers(302, officer_other=404),
        lambda w: DRAFT,
    ),
    Endpoint(
        "reports:narrative_docx", "post", lambda w: f"/reports/narrative.docx?{_a(w)}", OWN_COMMUNE, lambda w: DRAFT
    ),
    Endpoint("reports:satisfaction", "get", lambda w: "/reports/satisfaction/", officers(403, head_same=200)),
    Endpoint("reports:open_data", "get", lambda w: "/reports/open-data/", ALL),
    Endpoint("reports:open_data_csv", "get", lambda w: "/reports/open-data/statistics.csv?period=2026-q1", ALL),
    Endpoint("reports:open_data_json", "get", lambda w: "/reports/open-data/statistics.json?period=2026-q1", ALL),
]


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=lambda e: f"{e.method} {e.name}")
def test_endpoint_for_persona(endpoint, persona, world, personas, as_persona):
    from danvan.reports.models import ReportDraft

    before = ReportDraft.objects.count()
    response = call_endpoint(endpoint, as_persona(persona), world)
    expected = endpoint.expected[persona]
    assert response.status_code == expected, f"{endpoint.name} as {persona}: {response.status_code}"
    if endpoint.method == "post" and expected not in (200, 302):
        assert ReportDraft.objects.count() == before, f"denied {endpoint.name} as {persona} changed data"
