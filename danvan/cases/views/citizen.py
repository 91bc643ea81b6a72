"""The citizen's pages: no account needed. Send a petition, then follow it with the code and the secret."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from danvan.accounts.models import User
from danvan.cases.forms.petition import PetitionForm, RateForm, ReopenForm, TrackForm
from danvan.cases.models import Petition, Status
from danvan.cases.models.choices import OPEN_STATUSES
from danvan.cases.selectors import (
    deadline_rows,
    intake_organization_for,
    petition_get_by_code,
)
from danvan.cases.selectors_case import citizen_events, split_part_codes
from danvan.cases.selectors_citizen import citizen_answer, citizen_document, citizen_documents
from danvan.cases.services.citizen import REOPEN_WINDOW, may_reopen, petition_rate, petition_reopen
from danvan.core.errors import DomainError
from danvan.core.http import is_htmx
from danvan.law.selectors import figure

from .common import LOOKUP_RATE, SUBMIT_RATE, apply_domain_error, docx_download, rate_limited, too_many_requests
from .display import citizen_text, deadline_view, kind_label
from .intake import (
    LAST_CODE_KEY,
    RECEIPT_KEY,
    form_initial,
    issue_form_token,
    remember_tracking,
    remembered_secret_hash,
    send_once,
)


def _actor(request: HttpRequest) -> User | None:
    return request.user if isinstance(request.user, User) else None


@require_http_methods(["GET", "POST"])
def submit(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        form = PetitionForm(initial={"province": request.GET.get("province"), "form_token": issue_form_token()})
        if is_htmx(request) and "province" in request.GET:
            return render(request, "cases/includes/commune_field.html", {"form": form})
        return render(request, "cases/submit.html", {"form": form})
    if request.POST.get("step") == "communes":
        # Without JavaScript: the province was chosen, now show its communes (nothing is checked yet).
        form = PetitionForm(initial=form_initial(request.POST))
        return render(request, "cases/submit.html", {"form": form, "communes_shown": True})
    if rate_limited(request, group="cases.submit", rate=SUBMIT_RATE):
        return too_many_requests(request)
    form = PetitionForm(request.POST, request.FILES)
    response = send_once(
        request,
        form,
        actor=_actor(request),
        organization_for=lambda f: intake_organization_for(unit=f.cleaned_data["unit"]),
        petition_data_kwargs=lambda f: {},
    )
    if response is not None:
        return response
    context = {"form": form, "files_dropped": bool(request.FILES)}
    return render(request, "cases/submit.html", context, status=400)


@never_cache
def submitted(request: HttpRequest) -> HttpResponse:
    """The receipt, shown once: the tracking code and the private link (the secret is then forgotten)."""
    receipt: dict[str, Any] | None = request.session.pop(RECEIPT_KEY, None)
    context: dict[str, Any] = {"receipt": receipt, "last_code": request.session.get(LAST_CODE_KEY, "")}
    if receipt is not None:
        path = reverse("cases:track_detail", args=[receipt["code"]])
        context["link"] = request.build_absolute_uri(path) + "?" + urlencode({"s": receipt["secret"]})
    return render(request, "cases/submitted.html", context)


def _check(request: HttpRequest, code: str, secret: str) -> Petition | None:
    try:
        return petition_get_by_code(tracking_code=code, secret=secret)
    except Petition.DoesNotExist:
        return None


def _not_found(request: HttpRequest, code: str = "") -> HttpResponse:
    """Wrong code or wrong secret: the same answer, so codes cannot be guessed one by one."""
    form = TrackForm(initial={"code": code})
    context = {"form": form, "not_found": True}
    return render(request, "cases/track_lookup.html", context, status=404)


@never_cache
@require_http_methods(["GET", "POST"])
def track_lookup(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        return render(request, "cases/track_lookup.html", {"form": TrackForm()})
    form = TrackForm(request.POST)
    if not form.is_valid():
        return render(request, "cases/track_lookup.html", {"form": form}, status=400)
    if rate_limited(request, group="cases.track", rate=LOOKUP_RATE):
        return too_many_requests(request)
    petition = _check(request, form.cleaned_data["code"], form.cleaned_data["secret"])
    if petition is None:
        return _not_found(request, form.cleaned_data["code"])
    remember_tracking(request, petition.tracking_code, petition.secret_hash)
    return redirect("cases:track_detail", code=petition.tracking_code)


def _followed(request: HttpRequest, code: str) -> Petition | None:
    """The petition this browser opened before (the hash its session keeps is re-checked), or ``None``."""
    secret_hash = remembered_secret_hash(request, code)
    if not secret_hash:
        return None
    try:
        return petition_get_by_code(tracking_code=code, secret_hash=secret_hash)
    except Petition.DoesNotExist:
        return None


def track_context(request: HttpRequest, petition: Petition, **forms: Any) -> dict[str, Any]:
    # A duplicate shows the case that handles it: its status, its due dates, its answer.
    case = petition.canonical or petition
    today = timezone.localdate()
    closed_recently = petition.status == Status.CLOSED and may_reopen(petition=petition, on=today)
    parts = split_part_codes(petition=petition)
    secret_hash = remembered_secret_hash(request, petition.tracking_code)
    for part in parts:  # the parts of a split petition open with the same secret
        remember_tracking(request, part, secret_hash)
    return {
        "petition": petition,
        "case": case,
        "kind": kind_label(petition),
        "is_duplicate": petition.canonical_id is not None,
        "events": [(event.created_at, citizen_text(event)) for event in citizen_events(case=case)],
        "deadlines": deadline_view(deadline_rows(petition=case, today=today), today=today)
        if case.status in OPEN_STATUSES
        else [],
        "documents": citizen_documents(petition=petition),
        "answer": citizen_answer(petition=petition),
        "parts": parts,
        "rate_form": forms.get("rate_form")
        or (RateForm() if petition.status == Status.CLOSED and petition.rating is None else None),
        "reopen_form": forms.get("reopen_form") or (ReopenForm() if closed_recently else None),
        "reopen_days": figure(REOPEN_WINDOW, on=petition.closed_on) if closed_recently and petition.closed_on else None,
    }


@never_cache
@require_http_methods(["GET", "POST"])
def track_detail(request: HttpRequest, code: str) -> HttpResponse:
    secret = request.GET.get("s", "") if request.method == "GET" else request.POST.get("secret", "")
    if secret:
        if rate_limited(request, group="cases.track", rate=LOOKUP_RATE):
            return too_many_requests(request)
        petition = _check(request, code, secret)
        if petition is None:
            return _not_found(request, code)
        remember_tracking(request, petition.tracking_code, petition.secret_hash)
        # Take the secret out of the address bar, the history and any later Referer.
        return redirect("cases:track_detail", code=petition.tracking_code)
    petition = _followed(request, code)
    if petition is None:
        return render(request, "cases/track_lookup.html", {"form": TrackForm(initial={"code": code})})
    return render(request, "cases/track_detail.html", track_context(request, petition))


def _authorised(request: HttpRequest, code: str) -> Petition | HttpResponse:
    """A follow-up POST: this browser opened the petition before, or the form carries the secret."""
    petition = _followed(request, code)
    if petition is not None:
        return petition
    secret = request.POST.get("s", "")
    if not secret:
        raise Http404
    if rate_limited(request, group="cases.track", rate=LOOKUP_RATE):
        return too_many_requests(request)
    petition = _check(request, code, secret)
    if petition is None:
        raise Http404
    remember_tracking(request, petition.tracking_code, petition.secret_hash)
    return petition


@never_cache
@require_POST
def track_rate(request: HttpRequest, code: str) -> HttpResponse:
    petition = _authorised(request, code)
    if isinstance(petition, HttpResponse):
        return petition
    form = RateForm(request.POST)
    status = 400
    if form.is_valid():
        try:
            petition_rate(petition=petition, rating=form.cleaned_data["rating"], comment=form.cleaned_data["comment"])
        except DomainError as exc:
            apply_domain_error(form, exc)
            status = exc.status
        else:
            messages.success(request, _("Thank you. Your rating helps the agency improve."))
            return redirect("cases:track_detail", code=petition.tracking_code)
    return render(request, "cases/track_detail.html", track_context(request, petition, rate_form=form), status=status)


@never_cache
@require_POST
def track_reopen(request: HttpRequest, code: str) -> HttpResponse:
    petition = _authorised(request, code)
    if isinstance(petition, HttpResponse):
        return petition
    form = ReopenForm(request.POST)
    status = 400
    if form.is_valid():
        try:
            petition_reopen(petition=petition, reason=form.cleaned_data["reason"])
        except DomainError as exc:
            apply_domain_error(form, exc)
            status = exc.status
        else:
            messages.success(request, _("The case was reopened. The agency will handle it again."))
            return redirect("cases:track_detail", code=petition.tracking_code)
    context = track_context(request, petition, reopen_form=form)
    return render(request, "cases/track_detail.html", context, status=status)


@never_cache
def track_document(request: HttpRequest, code: str, document_id: int) -> HttpResponse:
    """A document addressed to the citizen, for the browser that opened the petition with its secret."""
    petition = _followed(request, code)
    if petition is None:
        raise Http404
    document = citizen_document(petition=petition, document_id=document_id)
    if document is None:
        raise Http404
    return docx_download(document)
