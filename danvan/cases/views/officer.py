"""The officer's inbox (most urgent first), bulk assignment, and entering a petition received on paper."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import F, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from danvan.accounts.access import officer_required
from danvan.accounts.models import User
from danvan.calendar.selectors import DUE_SOON_THRESHOLD, add_working_days
from danvan.cases.forms.inbox import BulkAssignForm, InboxFilterForm
from danvan.cases.forms.petition import OfficerEntryForm
from danvan.cases.models import Channel, Petition
from danvan.cases.selectors import next_due_subquery, petition_inbox_for_user, petition_list_for_user
from danvan.cases.services.workflow import petition_assign
from danvan.core.errors import DomainError
from danvan.core.http import is_htmx
from danvan.core.text import fold
from danvan.geography.models import AdministrativeUnit

from .common import current_user
from .display import Badge, badge, kind_label
from .intake import form_initial, issue_form_token, send_once
from .reads import assignable_handlers, receiving_organizations

PAGE_SIZE = 25
CROWD_SIZE = 5  # Citizen Reception Law art. 29: a crowd is five people or more (Petition.is_crowd)


@dataclass(frozen=True)
class InboxRow:
    petition: Petition
    kind: str
    badge: Badge | None
    may_assign: bool


def _search(petitions: QuerySet[Petition], query: str) -> QuerySet[Petition]:
    """Tracking code or subject, accent-insensitive on both sides. Never party names (a denouncer's
    identity must not be findable). Interim: folded in Python until the search engine arrives."""
    folded, code = fold(query), query.strip().upper()
    matches = [
        pk
        for pk, subject, tracking_code in petitions.values_list("pk", "subject", "tracking_code")
        if code in tracking_code or folded in fold(subject)
    ]
    return petitions.filter(pk__in=matches)


def _filtered(petitions: QuerySet[Petition], data: dict[str, Any], today: dt.date) -> QuerySet[Petition]:
    for name in ("kind", "status", "category", "unit", "handler"):
        if data.get(name):
            petitions = petitions.filter(**{name: data[name]})
    if data.get("crowd"):
        petitions = petitions.filter(people_count__gte=CROWD_SIZE)
    if data.get("q"):
        petitions = _search(petitions, data["q"])
    # The earliest due date of the running steps (one subquery per row, no join: no N+1, no GROUP BY).
    petitions = petitions.annotate(next_due_on=next_due_subquery())
    if data.get("due") == "overdue":
        petitions = petitions.filter(next_due_on__lt=today)
    elif data.get("due") == "due_soon":
        soon = add_working_days(today, DUE_SOON_THRESHOLD)
        petitions = petitions.filter(next_due_on__gte=today, next_due_on__lte=soon)
    return petitions.order_by(F("next_due_on").asc(nulls_last=True), "-received_on", "-pk")


def _inbox_context(request: HttpRequest, user: User, bulk_form: BulkAssignForm | None = None) -> dict[str, Any]:
    today = timezone.localdate()
    everything = petition_list_for_user(user=user)
    form = InboxFilterForm(
        request.GET or None,
        units=AdministrativeUnit.objects.filter(pk__in=everything.values("unit_id")).order_by("name"),
        handlers=User.objects.filter(pk__in=everything.values("handler_id")).order_by("full_name"),
    )
    data = form.cleaned_data if form.is_valid() else {}
    scope = data.get("scope") or "mine"
    petitions = _filtered(everything if scope == "all" else petition_inbox_for_user(user=user), data, today)
    page = Paginator(petitions, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [
        InboxRow(
            petition,
            kind_label(petition),
            badge(due=petition.next_due_on, today=today) if petition.next_due_on else None,  # type: ignore[attr-defined]
            user.has_perm("cases.decide_petition", petition),
        )
        for petition in page
    ]
    candidates = assignable_handlers(user=user)
    if bulk_form is None and any(row.may_assign for row in rows):
        bulk_form = BulkAssignForm(candidates=candidates)
    query = request.GET.copy()
    query.pop("page", None)
    return {
        "form": form,
        "scope": scope,
        "page": page,
        "rows": rows,
        "bulk_form": bulk_form,
        "query": query.urlencode(),
    }


@officer_required
def inbox(request: HttpRequest) -> HttpResponse:
    user = current_user(request)
    if not user.has_perm("cases.view_inbox"):
        raise PermissionDenied
    template = "cases/inbox.html#results" if is_htmx(request) else "cases/inbox.html"
    return render(request, template, _inbox_context(request, user))


@officer_required
@require_POST
def bulk_assign(request: HttpRequest) -> HttpResponse:
    """Assign one handler to several petitions, all or nothing (one transaction)."""
    user = current_user(request)
    candidates = assignable_handlers(user=user)
    form = BulkAssignForm(request.POST, candidates=candidates)
    if not form.is_valid():
        if not candidates.exists():
            raise PermissionDenied
        return render(request, "cases/inbox.html", _inbox_context(request, user, form), status=400)
    ids = form.cleaned_data["petitions"]
    petitions = list(petition_list_for_user(user=user).filter(pk__in=ids))
    if len(petitions) != len(ids):
        raise Http404
    if not all(user.has_perm("cases.decide_petition", petition) for petition in petitions):
        raise PermissionDenied
    handler = form.cleaned_data["handler"]
    try:
        with transaction.atomic():
            for petition in petitions:
                petition_assign(actor=user, petition=petition, handler=handler)
    except DomainError as exc:
        form.add_error(None, _("%(code)s: %(message)s") % {"code": petition.tracking_code, "message": exc.message})
        return render(request, "cases/inbox.html", _inbox_context(request, user, form), status=exc.status)
    messages.success(
        request,
        ngettext(
            "%(count)s petition was assigned to %(name)s.", "%(count)s petitions were assigned to %(name)s.", len(ids)
        )
        % {"count": len(ids), "name": handler.get_full_name()},
    )
    return redirect("cases:inbox")


@officer_required
@require_http_methods(["GET", "POST"])
def officer_entry(request: HttpRequest) -> HttpResponse:
    """A petition received in person, by post, in the suggestion box, by phone or e-mail, or transferred."""
    user = current_user(request)
    if not user.has_perm("cases.register_petition"):
        raise PermissionDenied
    organizations = receiving_organizations(user=user)
    if request.method == "GET":
        first = organizations.first()
        initial = {
            "province": request.GET.get("province") or (first.unit.province_id if first else None),
            "form_token": issue_form_token(),
            "received_on": timezone.localdate(),
            "channel": Channel.IN_PERSON,
            "receiving_organization": first,
        }
        form = OfficerEntryForm(initial=initial, organizations=organizations)
        if is_htmx(request) and "province" in request.GET:
            return render(request, "cases/includes/commune_field.html", {"form": form})
        return render(request, "cases/officer_entry.html", {"form": form})
    if request.POST.get("step") == "communes":
        form = OfficerEntryForm(initial=form_initial(request.POST), organizations=organizations)
        return render(request, "cases/officer_entry.html", {"form": form, "communes_shown": True})
    form = OfficerEntryForm(request.POST, request.FILES, organizations=organizations)
    response = send_once(
        request,
        form,
        actor=user,
        organization_for=lambda f: f.cleaned_data["receiving_organization"],
        petition_data_kwargs=lambda f: {
            "channel": f.cleaned_data["channel"],
            "received_on": f.cleaned_data["received_on"],
        },
    )
    if response is not None:
        return response
    context = {"form": form, "files_dropped": bool(request.FILES)}
    return render(request, "cases/officer_entry.html", context, status=400)
