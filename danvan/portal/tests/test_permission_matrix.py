"""Every view and API operation, for every persona: allowed ones succeed, denied ones get 302/401/403/404
and change nothing. A new URL without a row here fails ``test_every_endpoint_is_in_the_matrix``."""

from __future__ import annotations

import importlib
import pkgutil

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from danvan.accounts.models import Membership, Organization
from danvan.audit.models import AuditEvent
from danvan.geography.models import AdministrativeUnit
from danvan.testing import PERSONAS, make_user
from danvan.testing.matrix import ALL, OFFICERS, Endpoint, api_officers, call_endpoint, is_denied, officers

ENDPOINTS = [
    Endpoint("portal:home", "get", lambda w: "/", ALL),
    Endpoint("portal:after_login", "get", lambda w: "/welcome/", dict.fromkeys(PERSONAS, 302)),
    Endpoint("portal:workspace", "get", lambda w: "/workspace/", officers(200)),
    Endpoint(
        "portal:set_language",
        "post",
        lambda w: "/language/",
        dict.fromkeys(PERSONAS, 302),
        lambda w: {"language": "en"},
    ),
    Endpoint("geography:unit_search", "get", lambda w: "/geography/?q=tan+phong", ALL),
    Endpoint("geography:unit_detail", "get", lambda w: f"/geography/{w.commune_a.pk}/", ALL),
    Endpoint(
        "geography:unit_remote_flag",
        "post",
        lambda w: f"/geography/{w.commune_a.pk}/remote/",
        officers(403, system_admin=302),
        lambda w: {"is_remote": "on", "basis": "Quyết định 861/QĐ-TTg"},
    ),
    Endpoint(
        "accounts:login",
        "get",
        lambda w: "/accounts/login/",
        dict.fromkeys(PERSONAS, 200) | officers(302, anonymous=200, citizen=302),
    ),
    Endpoint("accounts:logout", "post", lambda w: "/accounts/logout/", dict.fromkeys(PERSONAS, 302)),
    Endpoint(
        "accounts:otp_verify",
        "get",
        lambda w: "/accounts/2fa/verify/",
        {"anonymous": 302, "citizen": 302} | dict.fromkeys(OFFICERS, 200),
    ),
    Endpoint(
        "accounts:otp_setup",
        "get",
        lambda w: "/accounts/2fa/setup/",
        dict.fromkeys(PERSONAS, 200) | {"anonymous": 302},
    ),
    Endpoint(
        "accounts:password_change",
        "get",
        lambda w: "/accounts/password/change/",
        dict.fromkeys(PERSONAS, 200) | {"anonymous": 302},
    ),
    Endpoint(
        "accounts:password_change_done",
        "get",
        lambda w: "/accounts/password/change/done/",
        dict.fromkeys(PERSONAS, 200) | {"anonymous": 302},
    ),
    Endpoint("accounts:password_reset", "get", lambda w: "/accounts/password/reset/", ALL),
    Endpoint("accounts:password_reset_done", "get", lambda w: "/accounts/password/reset/sent/", ALL),
    Endpoint("accounts:password_reset_confirm", "get", lambda w: "/accounts/password/reset/MQ/bad-token/", ALL),
    Endpoint("accounts:password_reset_complete", "get", lambda w: "/accounts/password/reset/complete/", ALL),
    Endpoint("accounts:organization_list", "get", lambda w: "/accounts/organizations/", officers(200)),
    Endpoint(
        "accounts:organization_detail",
        "get",
        lambda w: f"/accounts/organizations/{w.org_a.pk}/",
        officers(200, officer_other=404),
    ),
    Endpoint(
        "accounts:member_add",
        "post",
        lambda w: f"/accounts/organizations/{w.org_a.pk}/members/",
        officers(403, officer_other=404, org_admin=302, system_admin=302),
        lambda w: {"username": "newcomer", "role": "org_admin"},
    ),
    Endpoint(
        "accounts:enrolment_code_issue",
        "post",
        lambda w: f"/accounts/organizations/{w.org_a.pk}/members/{_member_id(w.org_a, 'officer_same')}/enrolment-code/",
        officers(403, officer_other=404, org_admin=200, system_admin=200),
    ),
    Endpoint(
        "audit:event_list",
        "get",
        lambda w: "/workspace/audit/",
        officers(403, province_inspector=200, system_admin=200),
    ),
    # --- API -----------------------------------------------------------------------------------------
    Endpoint("api:GET /api/geography/units", "get", lambda w: "/api/geography/units?q=tan%20phong", ALL),
    Endpoint(
        "api:GET /api/geography/units/{unit_id}",
        "get",
        lambda w: f"/api/geography/units/{w.commune_a.pk}",
        ALL,
    ),
    Endpoint("api:GET /api/accounts/me", "get", lambda w: "/api/accounts/me", api_officers(200, citizen=200)),
    Endpoint(
        "api:GET /api/accounts/organizations",
        "get",
        lambda w: "/api/accounts/organizations",
        api_officers(200),
    ),
    Endpoint(
        "api:GET /api/accounts/organizations/{organization_id}",
        "get",
        lambda w: f"/api/accounts/organizations/{w.org_a.pk}",
        api_officers(200, citizen=404, officer_other=404),
    ),
    Endpoint(
        "api:GET /api/accounts/organizations/{organization_id}/members",
        "get",
        lambda w: f"/api/accounts/organizations/{w.org_a.pk}/members",
        api_officers(200, citizen=404, officer_other=404),
    ),
    Endpoint(
        "api:POST /api/accounts/organizations/{organization_id}/members",
        "post",
        lambda w: f"/api/accounts/organizations/{w.org_a.pk}/members",
        api_officers(403, citizen=404, officer_other=404, org_admin=201, system_admin=201),
        lambda w: {"username": "newcomer", "role": "org_admin"},
        json=True,
    ),
    Endpoint(
        "api:GET /api/audit/events",
        "get",
        lambda w: "/api/audit/events",
        api_officers(403, province_inspector=200, system_admin=200),
    ),
]


def _member_id(organization: Organization, username: str) -> int:
    return Membership.objects.get(organization=organization, user__username=username).user_id


# Framework pages that are not ours to test per persona (Django admin, OpenAPI docs).
EXEMPT_PREFIXES = ("admin:", "api:openapi", "api-1:", "api:api-root")


def _snapshot() -> tuple[int, int, list[tuple[int, bool, str]]]:
    units = list(AdministrativeUnit.objects.order_by("pk").values_list("pk", "is_remote", "remote_basis"))
    return Membership.objects.count(), AuditEvent.objects.count(), units


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=lambda e: e.name)
def test_endpoint_for_persona(endpoint: Endpoint, persona: str, world, personas, as_persona):
    make_user("newcomer")
    client: Client = as_persona(persona)
    expected = endpoint.expected[persona]
    before = _snapshot()
    response = call_endpoint(endpoint, client, world)
    assert response.status_code == expected, f"{endpoint.name} as {persona}: {response.status_code}"
    if endpoint.method == "post" and is_denied(expected, persona):
        assert _snapshot() == before, f"denied {endpoint.name} as {persona} changed data"


def _url_names(resolver: URLResolver, prefix: str = "") -> set[str]:
    names: set[str] = set()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            ns = f"{prefix}{pattern.namespace}:" if pattern.namespace else prefix
            names |= _url_names(pattern, ns)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names.add(f"{prefix}{pattern.name}")
    return names


def _api_operations() -> set[str]:
    from config.api import api

    schema = api.get_openapi_schema()
    return {f"api:{method.upper()} {path}" for path, ops in schema["paths"].items() for method in ops}


def all_matrix_endpoints() -> list[Endpoint]:
    """Every ``ENDPOINTS`` list of every ``test_permission_matrix*`` module under ``danvan``."""
    import danvan

    endpoints: list[Endpoint] = []
    for module in pkgutil.walk_packages(danvan.__path__, "danvan."):
        if module.name.rsplit(".", 1)[-1].startswith("test_permission_matrix"):
            endpoints += getattr(importlib.import_module(module.name), "ENDPOINTS", [])
    return endpoints


def test_every_endpoint_is_in_the_matrix():
    html_names = {
        n for n in _url_names(get_resolver()) if not n.startswith(EXEMPT_PREFIXES) and not n.startswith("api:")
    }
    covered = {e.name for e in all_matrix_endpoints()}
    assert html_names - covered == set(), "views without a permission row"
    assert _api_operations() - covered == set(), "API operations without a permission row"


def test_matrix_names_every_persona():
    for endpoint in all_matrix_endpoints():
        assert set(endpoint.expected) == set(PERSONAS), endpoint.name


def test_allowed_member_add_changes_exactly_one_thing(world, personas, as_persona):
    newcomer = make_user("newcomer")
    before_members, before_audit, _ = _snapshot()
    response = as_persona("org_admin").post(
        f"/accounts/organizations/{world.org_a.pk}/members/", {"username": "newcomer", "role": "org_admin"}
    )
    assert response.status_code == 302
    assert Membership.objects.count() == before_members + 1
    assert Membership.objects.filter(user=newcomer, organization=world.org_a, role="org_admin").exists()
    event = AuditEvent.objects.order_by("-seq").first()
    assert AuditEvent.objects.count() == before_audit + 1
    assert (event.action, event.actor, event.organization_id) == (
        "accounts.membership_added",
        personas["org_admin"],
        world.org_a.pk,
    )
