"""The permission matrix: every view and API operation × every persona.

Each app lists its endpoints in a test module named ``test_permission_matrix*.py`` as ``ENDPOINTS``;
``danvan/portal/tests/test_permission_matrix.py`` fails when a URL or API operation has no row anywhere.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from danvan.testing import PERSONAS

ALL = dict.fromkeys(PERSONAS, 200)
OFFICERS = [
    "officer_same",
    "officer_other",
    "province_inspector",
    "mttq_officer",
    "org_admin",
    "system_admin",
    "head_same",
    "handler_same",
]


def officers(code: int, **overrides: int) -> dict[str, int]:
    table = {"anonymous": 302, "citizen": 403} | dict.fromkeys(OFFICERS, code)
    return table | overrides


def api_officers(code: int, **overrides: int) -> dict[str, int]:
    return {"anonymous": 401, "citizen": 403} | dict.fromkeys(OFFICERS, code) | overrides


@dataclass
class Endpoint:
    name: str  # URL name (namespace:name) or "api:<method> <path>"
    method: str
    path: Callable[[Any], str]
    expected: dict[str, int]
    data: Callable[[Any], dict[str, Any]] = field(default=lambda w: {})
    json: bool = False


def call_endpoint(endpoint: Endpoint, client: Any, world: Any) -> Any:
    """Send the endpoint's request with ``client`` (a django.test.Client) and return the response."""
    url = endpoint.path(world)
    if endpoint.method == "get":
        return client.get(url)
    if endpoint.json:
        return client.post(url, endpoint.data(world), content_type="application/json")
    return client.post(url, endpoint.data(world))


def is_denied(expected: int, persona: str) -> bool:
    return expected in (401, 403, 404) or (expected == 302 and persona == "anonymous")
