"""Deployment checks of our own settings (``manage.py check --deploy``)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import CheckMessage, Tags, Warning, register

LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", "0.0.0.0"}  # noqa: S104 - names compared, nothing bound


@register(Tags.security, deploy=True)
def site_url_is_public(app_configs: Any, **kwargs: Any) -> list[CheckMessage]:
    """Links in e-mails and notifications (the citizen's tracking link) are built from DANVAN_SITE_URL."""
    url = urlsplit(settings.DANVAN_SITE_URL)
    if url.scheme == "https" and url.hostname and url.hostname not in LOCAL_HOSTS:
        return []
    return [
        Warning(
            f"DANVAN_SITE_URL is {settings.DANVAN_SITE_URL!r}: links in e-mails would point there.",
            hint="Set DANVAN_SITE_URL to the site's public https address, e.g. https://danvan.example.gov.vn.",
            id="danvan.W001",
        )
    ]
