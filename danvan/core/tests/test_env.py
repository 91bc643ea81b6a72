"""Bad settings stop start-up with a message that names the variable — never a stack trace."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from config import env

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.parametrize(
    "url",
    ["mysql://u@h/db", "not a url", "postgres://", ""],
)
def test_malformed_database_url_names_the_variable(monkeypatch, url):
    monkeypatch.setenv("DATABASE_URL", url or " ")
    with pytest.raises(ImproperlyConfigured, match="DATABASE_URL"):
        env.env_database("DATABASE_URL", "sqlite:////tmp/x.sqlite3")


def test_database_url_postgres_and_sqlite(monkeypatch, tmp_path):
    monkeypatch.setenv("DATABASE_URL", "postgres://app:pw@db.example:5433/danvan")
    config = env.env_database("DATABASE_URL", "")
    assert (config["ENGINE"], config["HOST"], config["PORT"], config["NAME"]) == (
        "django.db.backends.postgresql",
        "db.example",
        5433,
        "danvan",
    )
    monkeypatch.delenv("DATABASE_URL")
    config = env.env_database("DATABASE_URL", f"sqlite:///{tmp_path}/danvan.sqlite3")
    assert config["ENGINE"] == "django.db.backends.sqlite3"
    assert config["NAME"] == f"{tmp_path}/danvan.sqlite3"


def test_postgres_server_side_binding_is_on_by_default_and_can_be_turned_off(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgres://app:pw@db.example:5432/danvan?sslmode=require")
    monkeypatch.delenv("DATABASE_SERVER_SIDE_BINDING", raising=False)
    config = env.env_database("DATABASE_URL", "")
    assert config["OPTIONS"] == {
        "sslmode": "require",  # options from the URL are kept
        "server_side_binding": True,
        "prepare_threshold": env.PREPARE_THRESHOLD,
    }
    assert (config["CONN_MAX_AGE"], config["CONN_HEALTH_CHECKS"]) == (60, True)
    monkeypatch.setenv("DATABASE_SERVER_SIDE_BINDING", "false")
    assert env.env_database("DATABASE_URL", "")["OPTIONS"] == {"sslmode": "require"}
    monkeypatch.setenv("DATABASE_SERVER_SIDE_BINDING", "maybe")
    with pytest.raises(ImproperlyConfigured, match="DATABASE_SERVER_SIDE_BINDING"):
        env.env_database("DATABASE_URL", "")


def test_sqlite_ignores_server_side_binding(monkeypatch, tmp_path):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setenv("DATABASE_SERVER_SIDE_BINDING", "true")
    config = env.env_database("DATABASE_URL", f"sqlite:///{tmp_path}/danvan.sqlite3")
    assert "server_side_binding" not in config["OPTIONS"]


@pytest.mark.parametrize("url", ["http://localhost", "redis://", "redis:6379"])
def test_malformed_redis_url(monkeypatch, url):
    monkeypatch.setenv("REDIS_URL", url)
    with pytest.raises(ImproperlyConfigured, match="REDIS_URL"):
        env.env_redis_url("REDIS_URL")


def test_email_url_forms(monkeypatch):
    monkeypatch.setenv("EMAIL_URL", "smtp://user%40x:p%3Ass@mail.example:587?tls=1")
    config = env.env_email("EMAIL_URL", "console://")
    assert config["BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    options = config["OPTIONS"]
    assert (options["host"], options["port"], options["username"], options["password"]) == (
        "mail.example",
        587,
        "user@x",
        "p:ss",
    )
    assert options["use_tls"] is True
    assert options["use_ssl"] is False
    monkeypatch.setenv("EMAIL_URL", "console://")
    assert env.env_email("EMAIL_URL", "")["BACKEND"].endswith("console.EmailBackend")
    monkeypatch.setenv("EMAIL_URL", "pigeon://coop")
    with pytest.raises(ImproperlyConfigured, match="EMAIL_URL"):
        env.env_email("EMAIL_URL", "")


def test_bool_and_int(monkeypatch):
    monkeypatch.setenv("X_FLAG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="X_FLAG"):
        env.env_bool("X_FLAG", default=False)
    monkeypatch.setenv("X_NUM", "ten")
    with pytest.raises(ImproperlyConfigured, match="X_NUM"):
        env.env_int("X_NUM", 1)


def _manage(*args: str, **extra_env: str) -> subprocess.CompletedProcess[str]:
    dropped = {"DJANGO_SETTINGS_MODULE", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    environ = {k: v for k, v in os.environ.items() if k not in dropped}
    environ.update(extra_env)
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environ,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_start_up_without_secret_key_in_production_names_the_variable():
    result = _manage("check", DEBUG="false")
    assert result.returncode == 2
    assert "SECRET_KEY" in result.stderr
    assert "Traceback" not in result.stderr


def test_start_up_with_malformed_database_url_names_the_variable():
    result = _manage("check", DEBUG="true", DATABASE_URL="postgres//oops")
    assert result.returncode == 2
    assert "DATABASE_URL" in result.stderr
    assert "Traceback" not in result.stderr


def test_check_deploy_is_clean_with_production_settings(tmp_path):
    result = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="false",
        SECRET_KEY="x" * 20 + "-production-secret-key-with-enough-entropy-1234567890",
        ALLOWED_HOSTS="danvan.example.gov.vn",
        DANVAN_SITE_URL="https://danvan.example.gov.vn",
        DANVAN_VAR_DIR=str(tmp_path),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_warns_when_links_would_point_at_a_development_address(tmp_path):
    result = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="false",
        SECRET_KEY="x" * 20 + "-production-secret-key-with-enough-entropy-1234567890",
        ALLOWED_HOSTS="danvan.example.gov.vn",
        DANVAN_VAR_DIR=str(tmp_path),
    )
    assert result.returncode != 0
    assert "danvan.W001" in result.stdout + result.stderr
