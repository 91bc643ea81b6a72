"""Shared fixtures: a small real geography and the personas every permission test uses.
The helpers live in ``danvan.testing`` so that every test module can import them."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.test import Client

from danvan.accounts.models import User
from danvan.calendar.workdays import calendar_cache_clear
from danvan.testing import SEED_CONTENTS, World, build_personas, build_world, login_client


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: None, django_db_blocker: Any) -> None:
    """Right after the test database is created, keep what the migrations seeded (``SEED_CONTENTS``): the
    browser tests put it back after each flush of the live server's database."""
    from django.db import connections

    with django_db_blocker.unblock():
        for alias in connections:
            SEED_CONTENTS[alias] = connections[alias].creation.serialize_db_to_string()


@pytest.fixture
def world(db: None) -> World:
    return build_world()


@pytest.fixture
def personas(world: World) -> dict[str, User | None]:
    return build_personas(world)


@pytest.fixture
def as_persona(personas: dict[str, User | None]) -> Callable[[str], Client]:
    def _client(name: str) -> Client:
        return login_client(Client(), personas[name])

    return _client


@pytest.fixture(autouse=True)
def _fresh_calendar_cache() -> Iterator[None]:
    # A test's transaction is rolled back at its end; the cached calendar overrides and rules must be too.
    calendar_cache_clear(announce=False)
    yield
    calendar_cache_clear(announce=False)
