"""Sending a petition form once: a one-time form token, the service call, the receipt shown once.

* Each rendered form carries a signed one-time token. The first valid POST claims it atomically in the
  shared cache (``cache.add``); a second POST of the same form (double click, back button, reload)
  finds it claimed and is sent to the receipt page instead of creating a second petition.
* The secret is never put in a URL of ours, in a log or in the cache: POST → redirect → receipt page,
  with the secret kept in the server-side session only until that one display (then popped). A reload
  of the receipt page shows the tracking code without the secret.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from typing import Any

from django.core import signing
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from danvan.accounts.models import Organization, User
from danvan.cases.forms.petition import PetitionForm
from danvan.cases.services.intake import petition_submit
from danvan.core.errors import DomainError

from .common import apply_domain_error

TOKEN_SALT = "danvan.cases.petition-form"  # noqa: S105 - a signing salt, not a password
TOKEN_MAX_AGE = 2 * 24 * 60 * 60
PENDING = "pending"
RECEIPT_KEY = "cases_receipt"  # {"code", "secret", "petition_id", "officer"}: popped when shown
LAST_CODE_KEY = "cases_last_code"
TRACKING_KEY = "cases_tracking"  # {tracking code: sha256 of the secret} this browser has opened (re-checked)
MAX_TRACKED = 20


def issue_form_token() -> str:
    return signing.dumps(secrets.token_urlsafe(16), salt=TOKEN_SALT)


def _claim_key(token: str) -> str | None:
    try:
        raw = signing.loads(token, salt=TOKEN_SALT, max_age=TOKEN_MAX_AGE)
    except signing.BadSignature:
        return None
    return f"cases:petition-form:{raw}"


def form_initial(data: Any) -> dict[str, Any]:
    """The entries of a POST as a form's initial values (to redraw the form without errors)."""
    return {key: data.get(key) for key in data if key not in ("csrfmiddlewaretoken", "step")}


def send_once(
    request: HttpRequest,
    form: PetitionForm,
    *,
    actor: User | None,
    organization_for: Callable[[PetitionForm], Organization | None],
    petition_data_kwargs: Callable[[PetitionForm], dict[str, Any]],
) -> HttpResponse | None:
    """Submit ``form`` once. A redirect to the receipt on success or on a repeated POST; ``None`` when
    the form must be shown again (its errors are on it; nothing was saved)."""
    key = _claim_key(form.data.get("form_token", ""))
    if key is None:
        form.add_error(None, _("This form has expired. Check your entries and send them again."))
        return None
    if cache.get(key) not in (None, PENDING):
        return redirect("cases:submitted")
    if not form.is_valid():
        return None
    organization = organization_for(form)
    if organization is None:
        form.add_error(
            "unit",
            _(
                "This commune's People's Committee is not on DânVận yet. Send your petition by post or hand it "
                "in at the commune's citizen reception office."
            ),
        )
        return None
    if not cache.add(key, PENDING, TOKEN_MAX_AGE):
        return redirect("cases:submitted")
    try:
        submission = petition_submit(
            actor=actor,
            data=form.petition_data(**petition_data_kwargs(form)),
            receiving_organization=organization,
        )
    except DomainError as exc:
        cache.delete(key)
        apply_domain_error(form, exc)
        return None
    except BaseException:
        cache.delete(key)
        raise
    petition = submission.petition
    cache.set(key, petition.tracking_code, TOKEN_MAX_AGE)
    request.session[RECEIPT_KEY] = {
        "code": petition.tracking_code,
        "secret": submission.secret,
        "petition_id": petition.pk,
        "officer": actor is not None and petition.channel != "web",
    }
    request.session[LAST_CODE_KEY] = petition.tracking_code
    if petition.channel == "web":
        remember_tracking(request, petition.tracking_code, petition.secret_hash)
    return redirect("cases:submitted")


def remember_tracking(request: HttpRequest, code: str, secret_hash: str) -> None:
    """This browser may open ``code`` again. The session (a database row) keeps only the secret's hash."""
    tracked: dict[str, str] = dict(request.session.get(TRACKING_KEY) or {})
    tracked.pop(code, None)
    tracked[code] = secret_hash
    request.session[TRACKING_KEY] = dict(list(tracked.items())[-MAX_TRACKED:])


def remembered_secret_hash(request: HttpRequest, code: str) -> str:
    return str((request.session.get(TRACKING_KEY) or {}).get(code, ""))
