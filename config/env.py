"""Typed helpers that read settings from environment variables and fail loudly.

Every setting of DânVận comes from the environment (see README.md). A bad value stops start-up with
an ``ImproperlyConfigured`` error that names the variable, never a stack trace shown to a user.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(
        f"{name}={raw!r} không hợp lệ / is not a boolean: dùng true hoặc false (use true or false)."
    )


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={raw!r} không phải số nguyên / is not an integer.") from None


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_secret(name: str) -> str | None:
    """Read ``NAME`` or, for container secrets, the file named by ``NAME_FILE``."""
    path = os.environ.get(f"{name}_FILE")
    if path:
        try:
            return Path(path).read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise ImproperlyConfigured(f"{name}_FILE={path!r} không đọc được / cannot be read: {exc}") from None
    return os.environ.get(name) or None


def development_secret_key(path: Path) -> str:
    """Return a random key kept in a git-ignored file, created on first use (development only)."""
    if path.exists():
        return path.read_text(encoding="utf-8").strip()
    key = secrets.token_urlsafe(50)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(key, encoding="utf-8")
    path.chmod(0o600)
    return key


# psycopg's default: a statement is prepared on its connection the fifth time it runs there.
PREPARE_THRESHOLD = 5


def env_database(name: str, default: str) -> dict[str, Any]:
    raw = os.environ.get(name) or default
    scheme = urlsplit(raw).scheme
    if scheme not in {"sqlite", "postgres", "postgresql", "pgsql"}:
        raise ImproperlyConfigured(
            f"{name} không hợp lệ / is malformed: cần dạng sqlite:///path hoặc postgres://user@host:5432/db "
            f"(expected sqlite:///path or postgres://user@host:5432/db), got scheme {scheme!r}."
        )
    try:
        config: dict[str, Any] = dict(dj_database_url.parse(raw, conn_max_age=60, conn_health_checks=True))
    except (ValueError, KeyError) as exc:
        raise ImproperlyConfigured(f"{name} không hợp lệ / is malformed: {exc}") from None
    if not config.get("NAME"):
        raise ImproperlyConfigured(f"{name} không hợp lệ / is malformed: thiếu tên CSDL (no database name).")
    if config["ENGINE"] == "django.db.backends.postgresql" and env_bool("DATABASE_SERVER_SIDE_BINDING", default=True):
        # Parameters sent apart from the SQL, and a statement run PREPARE_THRESHOLD times on a kept
        # connection prepared once (parse and plan skipped after that). Off behind a pooler that cannot
        # follow prepared statements (PgBouncer in transaction mode before 1.21). See ADR 0012.
        config["OPTIONS"] = {
            **config.get("OPTIONS", {}),
            "server_side_binding": True,
            "prepare_threshold": PREPARE_THRESHOLD,
        }
    if config["ENGINE"] == "django.db.backends.sqlite3":
        config["CONN_MAX_AGE"] = 0
        config["OPTIONS"] = {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;",
            "transaction_mode": "IMMEDIATE",
        }
    return config


def env_redis_url(name: str) -> str | None:
    raw = os.environ.get(name)
    if not raw:
        return None
    parts = urlsplit(raw)
    if parts.scheme not in {"redis", "rediss", "unix"} or (parts.scheme != "unix" and not parts.hostname):
        raise ImproperlyConfigured(f"{name} không hợp lệ / is malformed: cần dạng redis://host:6379/0.")
    return raw


def env_email(name: str, default: str) -> dict[str, Any]:
    """Parse ``EMAIL_URL`` into a ``MAILERS`` entry.

    Forms: smtp://user:pass@host:587?tls=1, smtps://user:pass@host:465, console://, locmem://, file:///dir.
    """
    raw = os.environ.get(name) or default
    parts = urlsplit(raw)
    query = {key: values[-1] for key, values in parse_qs(parts.query).items()}
    backends = "django.core.mail.backends."
    if parts.scheme == "console":
        return {"BACKEND": backends + "console.EmailBackend"}
    if parts.scheme == "locmem":
        return {"BACKEND": backends + "locmem.EmailBackend"}
    if parts.scheme == "file" and parts.path:
        return {"BACKEND": backends + "filebased.EmailBackend", "OPTIONS": {"file_path": parts.path}}
    if parts.scheme in {"smtp", "smtps"} and parts.hostname:
        return {
            "BACKEND": backends + "smtp.EmailBackend",
            "OPTIONS": {
                "host": parts.hostname,
                "port": parts.port or (465 if parts.scheme == "smtps" else 25),
                "username": unquote(parts.username or ""),
                "password": unquote(parts.password or ""),
                "use_ssl": parts.scheme == "smtps",
                "use_tls": query.get("tls", "") in _TRUE,
                "timeout": 20,
            },
        }
    raise ImproperlyConfigured(
        f"{name} không hợp lệ / is malformed: dùng smtp://user:pass@host:587?tls=1, console://, locmem:// "
        "hoặc file:///thu-muc."
    )
