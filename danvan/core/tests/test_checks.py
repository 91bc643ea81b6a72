"""``check --deploy`` warns when e-mailed links would point at a development address."""

from __future__ import annotations

import pytest
from django.test import override_settings

from danvan.core.checks import site_url_is_public


@pytest.mark.parametrize(
    "url",
    ["http://127.0.0.1:8000", "http://danvan.example.gov.vn", "https://localhost", "https://0.0.0.0:8080", "danvan"],
)
def test_a_development_or_plain_http_address_is_flagged(url):
    with override_settings(DANVAN_SITE_URL=url):
        assert [m.id for m in site_url_is_public(None)] == ["danvan.W001"]


def test_a_public_https_address_passes():
    with override_settings(DANVAN_SITE_URL="https://danvan.laichau.gov.vn"):
        assert site_url_is_public(None) == []
