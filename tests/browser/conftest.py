"""Browser tests: Playwright (sync API) drives Debian's Chromium against pytest-django's live server.

Every test in this folder is marked ``browser`` (``make test-browser`` / ``pytest -m "not browser"``).
Without /usr/bin/chromium the tests are skipped, unless ``DANVAN_REQUIRE_BROWSER=1`` (CI), where a
missing browser is an error. Screenshots go to test-artifacts/ (git-ignored).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from browser_support import ContextFactory, forget_caches
from django.conf import settings
from django.db import connection
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from danvan.accounts.models import Organization, Role, User
from danvan.testing import World, login_client, make_user, restore_seed_data

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, ViewportSize
    from pytest_django.live_server_helper import LiveServer

# On SQLite the test database lives in memory and the live server's threads share the test's one
# connection: two requests at once (the case page loads several htmx panels together) then use it
# concurrently, which SQLite answers with "bad parameter or other API misuse" or a missing session row
# (a stray login page or 403). Serve one request at a time there; Django closes each connection after
# its response when the server is not threaded. PostgreSQL keeps the threaded server.
SERVER_BUSY = threading.RLock()
if settings.DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    from django.core.servers.basehttp import WSGIServer
    from django.test.testcases import LiveServerThread

    class SerialWSGIServer(WSGIServer):
        """One request at a time, in the server thread (which already uses the shared connection)."""

        def __init__(self, *args: object, connections_override: object = None, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)  # type: ignore[arg-type]

        def process_request(self, request: Any, client_address: Any) -> None:
            with SERVER_BUSY:  # the test thread's statements wait for the request to end (see below)
                super().process_request(request, client_address)

    LiveServerThread.server_class = SerialWSGIServer  # type: ignore[assignment]

# Playwright's sync API runs an asyncio event loop in the test thread; Django refuses ORM calls from a
# thread with a running loop unless told this is safe (it is: the loop only talks to the browser).
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
ARTIFACTS = ROOT / "test-artifacts"


def _compile_translations() -> None:
    """Compile locale/*/django.po into .mo when missing or stale, as ``make compilemessages`` does.

    The .mo files are build output (git-ignored); without them every page falls back to the English
    msgids. This runs when pytest loads this file, before Django reads any catalogue.
    """
    for po_path in sorted((ROOT / "locale").glob("*/LC_MESSAGES/django.po")):
        mo_path = po_path.with_suffix(".mo")
        if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
            continue
        with po_path.open("rb") as po_file:
            catalog = read_po(po_file, locale=po_path.parent.parent.name)
        with mo_path.open("wb") as mo_file:
            write_mo(mo_file, catalog, use_fuzzy=True)


_compile_translations()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if item.path.is_relative_to(HERE):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        message = "Chromium not installed: apt-get install chromium"
        if os.environ.get("DANVAN_REQUIRE_BROWSER") == "1":
            pytest.fail(f"DANVAN_REQUIRE_BROWSER=1 but {CHROMIUM} is missing. {message}", pytrace=False)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture
def site(transactional_db: None, live_server: LiveServer, world: World) -> World:
    """The root conftest's ``world`` in a transactional database, so the live server's thread sees it.

    ``transactional_db`` comes first: once ``db`` (which ``world`` needs) is set up, pytest-django
    refuses to switch to a transactional database for the same test. The database is emptied after each
    test, the migrations' seed data with it (legal rules and figures, calendar, categories, templates…):
    what the root conftest serialized right after migrating is put back here (rows saved by primary key,
    so restoring twice changes nothing).
    """
    _restore_seeds()
    return world


def _restore_seeds() -> None:
    with SERVER_BUSY:
        restore_seed_data(connection.alias)


@pytest.fixture
def seeded_site(site: World) -> Iterator[World]:
    """``site`` (with the migrations' seed data back in place) and no cache left from another test."""
    forget_caches()
    yield site
    forget_caches()


@pytest.fixture
def site_personas(site: World, personas: dict[str, User | None]) -> dict[str, User | None]:
    return personas


def session_cookie(user: User, *, verified: bool = True) -> str:
    """The session cookie of ``user``, logged in with Django's test client.

    ``verified=True`` is ``login_client``: officers are past 2FA. ``verified=False`` is the password
    step only: officers still have to set up or enter their second factor.
    """
    client = Client()
    if verified:
        login_client(client, user)
    else:
        client.force_login(user)
    return client.cookies[settings.SESSION_COOKIE_NAME].value


@pytest.fixture
def new_context(browser: Browser, live_server: LiveServer) -> Iterator[ContextFactory]:
    """Make browser contexts on the live server (closed after the test).

    ``locale`` is the browser's language (Accept-Language): a Vietnamese phone by default, since
    Django's LocaleMiddleware gives an ``en-US`` browser (Chromium's default) the English site.
    ``language`` sets the site's language cookie; ``user`` logs that user in (``verified`` as in
    ``session_cookie``). ``bypass_csp`` is for the axe runs only: axe-core is injected as an inline
    script, which the site's Content-Security-Policy (``script-src 'self' 'nonce-…'``) rightly
    blocks. Every other test runs under the real CSP.
    """
    contexts: list[BrowserContext] = []

    def _new_context(
        *,
        language: str | None = None,
        user: User | None = None,
        verified: bool = True,
        bypass_csp: bool = False,
        viewport: ViewportSize | None = None,
        locale: str = "vi-VN",
    ) -> BrowserContext:
        context = browser.new_context(
            base_url=live_server.url,
            bypass_csp=bypass_csp,
            viewport=viewport or {"width": 1280, "height": 900},
            locale=locale,
        )
        context.set_default_timeout(10_000)
        if language is not None:
            context.add_cookies([{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": live_server.url}])
        if user is not None:
            cookie = session_cookie(user, verified=verified)
            context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}])
        contexts.append(context)
        return context

    yield _new_context
    for context in contexts:
        context.close()


@pytest.fixture
def make_officer(site: World) -> Callable[..., User]:
    """A new officer of ``org`` (default: commune A's People's Committee), with no TOTP device."""

    def _make_officer(username: str, *, org: Organization | None = None, role: str = Role.RECEPTION_OFFICER) -> User:
        user = make_user(username, org=org or site.org_a, role=role)
        assert not TOTPDevice.objects.filter(user=user).exists()
        return user

    return _make_officer


def _after_the_request(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
    with SERVER_BUSY:
        return execute(sql, params, many, context)


@pytest.fixture(autouse=True)
def _test_thread_waits_for_the_server_on_sqlite() -> Iterator[None]:
    """On SQLite the test thread shares the server's connection: a write from the test (a new officer)
    while a request still reads fails with "database table is locked". Its statements wait for the
    request in progress (``SERVER_BUSY``, re-entrant: the server thread's own statements pass)."""
    if connection.vendor != "sqlite":
        yield
        return
    connection.execute_wrappers.append(_after_the_request)
    yield
    connection.execute_wrappers.remove(_after_the_request)
