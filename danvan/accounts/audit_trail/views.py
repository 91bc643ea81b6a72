from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from danvan.accounts.access import officer_required
from danvan.accounts.models import User
from danvan.accounts.selectors import audit_event_list_for_user


@officer_required
def event_list(request: HttpRequest) -> HttpResponse:
    assert isinstance(request.user, User)
    if not request.user.has_perm("audit.view_events"):
        raise PermissionDenied
    page = Paginator(audit_event_list_for_user(user=request.user), 50).get_page(request.GET.get("page"))
    return render(request, "audit/event_list.html", {"page": page})
