"""Tiny overrides for the test suite. DATABASE_URL and REDIS_URL still choose the backends."""

import os

os.environ.setdefault("DEBUG", "true")
os.environ.setdefault("DANVAN_OFFICER_2FA_REQUIRED", "true")

from config.settings.base import *  # noqa: F403
from config.settings.base import HUEY

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
# Tasks run inline unless a test switches the queue back on (see danvan/core/tests/test_tasks.py).
HUEY = HUEY | {"immediate": True, "name": os.environ.get("HUEY_NAME", "danvan-test")}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DANVAN_ALLOW_DEMO_DATA = True
LOGGING = {"version": 1, "disable_existing_loggers": False}
