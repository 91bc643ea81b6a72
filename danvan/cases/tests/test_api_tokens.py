"""Officers' API tokens: made once, stored hashed, revocable, and only for active officers."""

import datetime as dt
import hashlib
import io
import json

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from danvan.accounts import tokens
from danvan.accounts.models import APIToken, Membership
from danvan.accounts.tokens import TOKEN_CACHE_SECONDS, api_token_create, api_token_revoke
from danvan.audit.models import AuditEvent
from danvan.audit.selectors import audit_chain_problems
from danvan.cases.models import Petition
from danvan.core.errors import DomainError

from .test_api import api_payload

URL = "/api/petitions/"


def bearer(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


@pytest.fixture
def issued(personas):
    return api_token_create(actor=personas["system_admin"], user=personas["officer_same"], name="Cổng tỉnh")


def test_the_key_is_shown_once_and_stored_hashed(personas, issued):
    token = APIToken.objects.get()
    assert issued.key.startswith("dv_")
    assert len(issued.key) > 40
    assert (token.prefix, token.key_hash) == (issued.key[:8], hashlib.sha256(issued.key.encode()).hexdigest())
    assert issued.key not in json.dumps(list(APIToken.objects.values()), default=str)
    event = AuditEvent.objects.get(action="accounts.api_token_created")
    assert (event.actor, event.target_id) == (personas["system_admin"], str(token.pk))
    assert event.data == {"user": "officer_same", "name": "Cổng tỉnh", "prefix": token.prefix}
    assert issued.key not in json.dumps(event.data)
    assert list(audit_chain_problems()) == []


def test_a_valid_token_reads_and_writes_without_session_or_csrf(world, issued):
    client = Client(enforce_csrf_checks=True)
    assert client.get(URL, headers=bearer(issued.key)).status_code == 200
    response = client.post(
        URL, json.dumps(api_payload(world)), content_type="application/json", headers=bearer(issued.key)
    )
    assert response.status_code == 201
    assert Petition.objects.get().events.get().actor.username == "officer_same"
    assert APIToken.objects.get().last_used_at is not None


def test_last_used_is_written_at_most_once_a_minute(world, issued):
    client = Client()
    with time_machine.travel(dt.datetime(2026, 11, 2, 9, 0, tzinfo=dt.UTC), tick=False):
        client.get(URL, headers=bearer(issued.key))
        first = APIToken.objects.get().last_used_at
        client.get(URL, headers=bearer(issued.key))
        assert APIToken.objects.get().last_used_at == first
    with time_machine.travel(dt.datetime(2026, 11, 2, 9, 2, tzinfo=dt.UTC), tick=False):
        client.get(URL, headers=bearer(issued.key))
        assert APIToken.objects.get().last_used_at == timezone.now()


@pytest.mark.parametrize(
    "header",
    [
        "Bearer dv_unknown-key-0000000000000000000000000000000",
        "Bearer not-even-our-format",
        "Bearer ",
        "Token dv_whatever",
    ],
)
def test_unknown_tokens_are_401(world, issued, header):
    response = Client().get(URL, headers={"Authorization": header})
    assert response.status_code == 401
    assert response.json()["code"] == "unauthenticated"


def test_a_revoked_token_is_401_and_changes_nothing(world, personas, issued):
    api_token_revoke(actor=personas["system_admin"], token=issued.token)
    before = Petition.objects.count(), AuditEvent.objects.count()
    client = Client()
    assert client.get(URL, headers=bearer(issued.key)).status_code == 401
    response = client.post(
        URL, json.dumps(api_payload(world)), content_type="application/json", headers=bearer(issued.key)
    )
    assert response.status_code == 401
    assert (Petition.objects.count(), AuditEvent.objects.count()) == before
    assert AuditEvent.objects.filter(action="accounts.api_token_revoked").count() == 1
    api_token_revoke(actor=None, token=issued.token)  # again: nothing more happens
    assert AuditEvent.objects.filter(action="accounts.api_token_revoked").count() == 1


def test_a_bad_bearer_key_does_not_fall_back_to_the_session(world, as_persona):
    client = as_persona("officer_same")
    assert client.get(URL).status_code == 200
    assert client.get(URL, headers=bearer("dv_revoked-or-wrong")).status_code == 401


def test_tokens_of_former_officers_stop_working(world, personas, issued):
    Membership.objects.filter(user=personas["officer_same"]).update(is_active=False)
    assert Client().get(URL, headers=bearer(issued.key)).status_code == 401
    Membership.objects.filter(user=personas["officer_same"]).update(is_active=True)
    assert Client().get(URL, headers=bearer(issued.key)).status_code == 200
    personas["officer_same"].is_active = False
    personas["officer_same"].save(update_fields=["is_active"])
    assert Client().get(URL, headers=bearer(issued.key)).status_code == 401


@pytest.fixture
def clock(monkeypatch):
    """The token cache's clock, moved by hand."""
    now = [1000.0]
    monkeypatch.setattr(tokens, "_clock", lambda: now[0])
    return now


def _token_reads(queries) -> list[str]:
    return [q["sql"] for q in queries if "accounts_apitoken" in q["sql"] or "accounts_membership" in q["sql"]]


def test_a_known_token_is_not_read_again_within_the_cache_window(world, issued, clock):
    client = Client()
    assert client.get(URL, headers=bearer(issued.key)).status_code == 200
    with CaptureQueriesContext(connection) as cached:
        assert client.get(URL, headers=bearer(issued.key)).status_code == 200
    assert _token_reads(cached.captured_queries) == []
    clock[0] += TOKEN_CACHE_SECONDS
    with CaptureQueriesContext(connection) as expired:
        assert client.get(URL, headers=bearer(issued.key)).status_code == 200
    assert len(_token_reads(expired.captured_queries)) == 2  # the token with its officer, the memberships


def test_a_token_revoked_in_this_process_is_refused_at_once(world, personas, issued, clock):
    client = Client()
    assert client.get(URL, headers=bearer(issued.key)).status_code == 200  # now in the cache
    api_token_revoke(actor=personas["system_admin"], token=issued.token)
    assert client.get(URL, headers=bearer(issued.key)).status_code == 401
    response = client.post(
        URL, json.dumps(api_payload(world)), content_type="application/json", headers=bearer(issued.key)
    )
    assert response.status_code == 401
    assert Petition.objects.count() == 0


def test_a_token_revoked_by_another_worker_stops_within_the_cache_window(world, issued, clock):
    """Another process's change sends no signal here (a plain UPDATE stands for it): the cached token
    works for at most TOKEN_CACHE_SECONDS more, then it is refused."""
    client = Client()
    assert client.get(URL, headers=bearer(issued.key)).status_code == 200
    APIToken.objects.filter(pk=issued.token.pk).update(revoked_at=timezone.now())
    clock[0] += TOKEN_CACHE_SECONDS - 0.5
    assert client.get(URL, headers=bearer(issued.key)).status_code == 200
    clock[0] += 0.5
    assert client.get(URL, headers=bearer(issued.key)).status_code == 401
    response = client.post(
        URL, json.dumps(api_payload(world)), content_type="application/json", headers=bearer(issued.key)
    )
    assert response.status_code == 401
    assert Petition.objects.count() == 0


def test_a_membership_ended_by_another_worker_stops_the_token_within_the_window(world, personas, issued, clock):
    client = Client()
    assert client.get(URL, headers=bearer(issued.key)).status_code == 200
    Membership.objects.filter(user=personas["officer_same"]).update(is_active=False)
    clock[0] += TOKEN_CACHE_SECONDS
    assert client.get(URL, headers=bearer(issued.key)).status_code == 401


def test_a_deactivated_officer_is_refused_at_once_in_this_process(world, personas, issued, clock):
    client = Client()
    assert client.get(URL, headers=bearer(issued.key)).status_code == 200
    personas["officer_same"].is_active = False
    personas["officer_same"].save(update_fields=["is_active"])
    assert client.get(URL, headers=bearer(issued.key)).status_code == 401


def test_each_request_gets_its_own_copy_of_the_cached_officer(world, personas, issued, clock):
    first = tokens.api_token_user(key=issued.key)
    second = tokens.api_token_user(key=issued.key)
    assert first is not None
    assert second is not None
    assert first is not second
    assert first.pk == second.pk == personas["officer_same"].pk
    first.is_verified = lambda: True  # what a request may hang on its user stays with that request
    assert not hasattr(second, "is_verified")


def test_only_active_officers_get_tokens(personas):
    with pytest.raises(DomainError) as caught:
        api_token_create(actor=None, user=personas["citizen"], name="Ứng dụng")
    assert caught.value.code == "not_an_officer"
    with pytest.raises(DomainError) as caught:
        api_token_create(actor=None, user=personas["officer_same"], name="   ")
    assert caught.value.code == "token_name_required"
    assert (APIToken.objects.count(), AuditEvent.objects.count()) == (0, 0)


def test_a_token_acts_with_its_officers_rights_only(world, personas):
    key = api_token_create(actor=None, user=personas["province_inspector"], name="Báo cáo").key
    response = Client().post(URL, json.dumps(api_payload(world)), content_type="application/json", headers=bearer(key))
    assert response.status_code == 403
    assert Petition.objects.count() == 0


def test_management_commands_create_and_revoke(personas):
    out, err = io.StringIO(), io.StringIO()
    call_command("api_token_create", "officer_same", "Cổng dữ liệu tỉnh", stdout=out, stderr=err)
    key = out.getvalue().strip()
    token = APIToken.objects.get()
    assert (token.name, token.prefix, token.key_hash) == (
        "Cổng dữ liệu tỉnh",
        key[:8],
        hashlib.sha256(key.encode()).hexdigest(),
    )
    assert key not in err.getvalue()
    with pytest.raises(CommandError):
        call_command("api_token_create", "nobody", "x")
    with pytest.raises(CommandError):
        call_command("api_token_create", "citizen", "x")
    call_command("api_token_revoke", "officer_same", token.prefix, stdout=io.StringIO())
    assert APIToken.objects.get().revoked_at is not None
    with pytest.raises(CommandError):
        call_command("api_token_revoke", "officer_same", token.prefix)
