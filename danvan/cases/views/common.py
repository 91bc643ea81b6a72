"""Helpers shared by the petition views: the user, the petition or 404, rate limits, domain errors on forms,
file downloads."""

from __future__ import annotations

from typing import cast

from django import forms
from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django_ratelimit.core import is_ratelimited

from danvan.accounts.models import User
from danvan.cases.models import IssuedDocument, Petition
from danvan.cases.selectors import petition_get_for_user
from danvan.core.errors import DomainError
from danvan.core.middleware import client_ip

# Per client address (behind PROXY_COUNT trusted proxies, the address the first proxy saw).
SUBMIT_RATE = "10/h"
LOOKUP_RATE = "30/h"


def current_user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


def petition_or_404(*, user: User, petition_id: int) -> Petition:
    """The petition if the user may see it. "Not found" and "not allowed" are the same 404."""
    try:
        return petition_get_for_user(user=user, petition_id=petition_id)
    except Petition.DoesNotExist:
        raise Http404 from None


def _ip_key(group: str, request: HttpRequest) -> str:
    return client_ip(request) or "unknown"


def rate_limited(request: HttpRequest, *, group: str, rate: str) -> bool:
    """Count one attempt for the client's address; True once the address is over ``rate``."""
    return bool(is_ratelimited(request=request, group=group, key=_ip_key, rate=rate, increment=True))


def too_many_requests(request: HttpRequest) -> HttpResponse:
    return render(request, "cases/rate_limited.html", status=429)


def _field_for(key: str, form: forms.Form) -> str | None:
    """The form field behind a service's error key (``parties.0.personal_id`` → ``personal_id``)."""
    if key in form.fields:
        return key
    if key == "complaint_round":
        return "kind"
    if key == "parties":
        return "full_name" if "full_name" in form.fields else None
    if key.startswith("parties."):
        name = key.rsplit(".", 1)[-1]
        return name if name in form.fields else None
    if key.startswith("attachments") and "attachments" in form.fields:
        return "attachments"
    return None


def apply_domain_error(form: forms.Form, exc: DomainError) -> None:
    """Put a service's refusal on the form: field errors where they belong, the message on top."""
    fields: dict[str, list[str]] = exc.extra.get("fields") or {}
    unplaced = not fields
    for key, problems in fields.items():
        name = _field_for(key, form)
        for problem in problems:
            # Some workflow services give a bare token ("required", "1–5") instead of a sentence.
            if problem == "required":
                text = _("This field is required.")
            else:
                text = problem if " " in problem else _("Check this field.")
            if name is None:
                unplaced = True
            else:
                form.add_error(name, text)
    if unplaced:
        form.add_error(None, str(exc.message))


DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def file_download(file: FieldFile, *, filename: str, content_type: str) -> HttpResponse:
    """A stored file as a download; the browser must not guess another type from its content."""
    response = FileResponse(file.open("rb"), as_attachment=True, filename=filename, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    return cast(HttpResponse, response)  # streamed; the view decorators are typed for plain responses


def docx_download(document: IssuedDocument) -> HttpResponse:
    """An issued document, named after its number (``12/TB-UBND`` → ``12-TB-UBND.docx``)."""
    return file_download(document.file, filename=f"{document.number.replace('/', '-')}.docx", content_type=DOCX)
