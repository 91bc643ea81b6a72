"""The officer's inbox (most urgent first), bulk assignment, and entering a petition received on paper."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from danvan.accounts.access import officer_required
from danvan.accounts.models import User
from danvan.cases.forms.inbox import BulkAssignForm, InboxFilterForm
from danvan.cases.forms.petition import OfficerEntryForm
from danvan.cases.models import CROWD_RULE, Channel, Petition
from danvan.cases.selectors import (
    inbox_filter,
    inbox_handlers,
    inbox_units,
    petition_inbox_for_user,
    petition_list_for_user,
    subjects_for_user,
)
from danvan.cases.selectors_case import assignable_handlers, receiving_organizations
from danvan.cases.services.workflow import petition_assign
from danvan.core.errors import DomainError
from danvan.core.http import is_htmx
from danvan.law.selectors import figure_versions

from .common import current_user
from .display import Badge, badge, kind_label
from .intake import form_initial, issue_form_token, send_once

PAGE_SIZE = 25
COUNT_CAP = 10_000  # past this, "10,000+": counting a whole province's petitions costs more than it tells


class CappedPaginator(Paginator):
    """Counts at most ``COUNT_CAP`` + 1 rows (one cheap bounded query) and says when it stopped there."""

    capped = False

    @cached_property
    def count(self) -> int:
        petitions = self.object_list
        assert isinstance(petitions, QuerySet)
        counted = petitions.order_by()[: COUNT_CAP + 1].count()  # unordered: any index will do
        self.capped = counted > COUNT_CAP
        return min(counted, COUNT_CAP)


@dataclass(frozen=True)
class InboxRow:
    petition: Petition
    kind: str
    badge: Badge | None
    may_assign: bool
    subject: str
    crowd: bool = False


def _inbox_context(request: HttpRequest, user: User, bulk_form: BulkAssignForm | None = None) -> dict[str, Any]:
    today = timezone.localdate()
    all_jurisdiction = request.GET.get("scope") == "all"
    form = InboxFilterForm(
        request.GET or None,
        units=inbox_units(user=user),
        handlers=inbox_handlers(user=user, all_jurisdiction=all_jurisdiction),
    )
    form.is_valid()  # a filter that does not validate is dropped (and says why); the others still apply
    filters = getattr(form, "cleaned_data", {})
    scope = "all" if all_jurisdiction else "mine"
    listed = petition_list_for_user(user=user) if all_jurisdiction else petition_inbox_for_user(user=user)
    paginator = CappedPaginator(inbox_filter(listed, filters=filters, today=today), PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    badges: dict[dt.date, Badge] = {}  # a long-overdue date costs a walk over the calendar: once per date
    rows = []
    subjects = subjects_for_user(user=user, petitions=list(page))
    crowd = figure_versions(CROWD_RULE)  # one read for the page, each petition with the law of its day
    for petition in page:
        due = petition.earliest_due_on
        if due is not None and due not in badges:
            badges[due] = badge(due=due, today=today)
        rows.append(
            InboxRow(
                petition,
                kind_label(petition),
                badges[due] if due is not None else None,
                user.has_perm("cases.decide_petition", petition),
                subjects[petition.pk],
                petition.people_count >= crowd.value_on(petition.received_on),
            )
        )
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
        "capped": paginator.capped,
        "total_pages": f"{paginator.num_pages}+" if paginator.capped else paginator.num_pages,
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
