"""The officer's "My deadlines" page (Hạn xử lý của tôi): every open deadline of the records they handle."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from danvan.accounts.access import officer_required
from danvan.accounts.models import User
from danvan.calendar.selectors_deadlines import SCOPE_MINE, SCOPE_UNIT, deadline_rows, my_deadlines

PAGE_SIZE = 50


@officer_required
def my_deadlines_view(request: HttpRequest) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    if not user.has_perm("legal_calendar.view_own_deadlines"):
        raise PermissionDenied
    can_see_unit = user.has_perm("legal_calendar.view_unit_deadlines")
    scope = SCOPE_UNIT if can_see_unit and request.GET.get("scope") == SCOPE_UNIT else SCOPE_MINE
    page = Paginator(my_deadlines(user=user, scope=scope), PAGE_SIZE).get_page(request.GET.get("page"))
    rows = deadline_rows(list(page.object_list), today=timezone.localdate())
    return render(
        request,
        "calendar/my_deadlines.html",
        {"page": page, "rows": rows, "scope": scope, "can_see_unit": can_see_unit},
    )
