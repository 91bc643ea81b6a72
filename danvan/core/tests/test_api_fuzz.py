"""The whole JSON API fuzzed from its own OpenAPI description (schemathesis, issue #21 §4): every
operation, with generated valid and invalid input, as an officer holding an API token, through the
WSGI application. It fails on any 5xx, any status code the operation does not declare, a content
type or a body that does not match the declared schema.

Bounded to ``EXAMPLES`` examples per operation so that the whole run stays within a few minutes on a
small CI machine; ``DANVAN_FUZZ_EXAMPLES`` raises it for a longer local hunt."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from danvan.accounts.tokens import api_token_create
from danvan.cases.services.intake import petition_submit
from danvan.cases.tests.conftest import petition_data

EXAMPLES = int(os.environ.get("DANVAN_FUZZ_EXAMPLES", "25"))
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


# Read once at collection: the description needs no database.
schema = schemathesis.openapi.from_wsgi("/api/openapi.json", WSGIHandler())


@pytest.fixture
def same_connection() -> Iterator[None]:
    # The requests run in this thread, on the test's connection and inside its transaction: Django must
    # not close that connection at the end of each request (its test client does the same).
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@pytest.fixture
def officer_key(world, personas, same_connection) -> str:
    petition_submit(actor=None, data=petition_data(world), receiving_organization=world.org_a)
    officer = personas["officer_same"]
    return api_token_create(actor=officer, user=officer, name="schemathesis").key


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
)
def test_the_api_answers_every_generated_request_as_documented(case, officer_key):
    response = case.call(headers={"Authorization": f"Bearer {officer_key}"})
    case.validate_response(response, checks=CHECKS)
