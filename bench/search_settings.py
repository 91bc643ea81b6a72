"""Settings for the search benchmarks: the project's settings plus the search app (until it is wired)."""

import os

os.environ.setdefault("DEBUG", "true")

from config.settings.base import *  # noqa: F403
from config.settings.base import INSTALLED_APPS

if "danvan.search" not in INSTALLED_APPS:
    INSTALLED_APPS = [*INSTALLED_APPS, "danvan.search"]
LOGGING = {"version": 1, "disable_existing_loggers": False}
