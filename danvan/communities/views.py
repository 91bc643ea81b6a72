"""Officer pages of the villages and residential groups: the list, a community's household register
(paginated, accent-insensitive search), the import with its row-by-row report, and the export."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from danvan.accounts.access import two_factor_needed, two_factor_redirect
from danvan.accounts.models import User
from danvan.accounts.selectors import user_is_officer
from danvan.communities.forms import CommunityForm, HouseholdImportForm
from danvan.communities.models import Community
from danvan.communities.selectors import (
    communes_for_new_community,
    community_get_for_user,
    community_list_for_user,
    community_roles,
    household_count,
    household_list,
    user_has_community_access,
)
from danvan.communities.services import community_create, household_import, households_export
from danvan.communities.tables import COLUMNS
from danvan.core.errors import DomainError
from danvan.core.http import is_htmx
from danvan.core.text import fold

PAGE_SIZE = 25


def community_access_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Logged in; an officer or a person holding a role in a community; past two-factor authentication."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        user = request.user
        if not user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        assert isinstance(user, User)
        if not user_has_community_access(user=user):
            raise PermissionDenied
        if two_factor_needed(user):
            return two_factor_redirect(request)
        return view(request, *args, **kwargs)

    return wrapper


def _community_or_404(request: HttpRequest, community_id: int) -> Community:
    assert isinstance(request.user, User)
    try:
        return community_get_for_user(user=request.user, community_id=community_id)
    except Community.DoesNotExist:
        raise Http404 from None


@community_access_required
@require_GET
def community_list(request: HttpRequest) -> HttpResponse:
    assert isinstance(request.user, User)
    communities = list(community_list_for_user(user=request.user)[:1000])
    can_add = user_is_officer(user=request.user) and communes_for_new_community(user=request.user).exists()
    context = {"communities": communities, "can_add": can_add}
    return render(request, "communities/community_list.html", context)


@community_access_required
@require_http_methods(["GET", "POST"])
def community_new(request: HttpRequest) -> HttpResponse:
    assert isinstance(request.user, User)
    communes = communes_for_new_community(user=request.user)
    if not communes.exists():
        raise PermissionDenied
    form = CommunityForm(request.POST if request.method == "POST" else None, communes=communes)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            commune = form.cleaned_data["commune"]
            if not request.user.has_perm("communities.add_community", commune):
                raise PermissionDenied
            try:
                community = community_create(
                    actor=request.user,
                    commune=commune,
                    kind=form.cleaned_data["kind"],
                    name=form.cleaned_data["name"],
                    cluster=form.cleaned_data["cluster"],
                    valid_from=form.cleaned_data["valid_from"],
                    basis=form.cleaned_data["basis"],
                )
            except DomainError as exc:
                form.add_error(None, str(exc.message))
                status = exc.status
            else:
                messages.success(request, _("The village or residential group was added."))
                return redirect("communities:detail", community_id=community.pk)
    return render(request, "communities/community_form.html", {"form": form}, status=status)


@community_access_required
@require_GET
def community_detail(request: HttpRequest, community_id: int) -> HttpResponse:
    community = _community_or_404(request, community_id)
    query = request.GET.get("q", "")[:100]
    today = timezone.localdate()
    assert isinstance(request.user, User)
    households = household_list(user=request.user, community=community, query=query)
    page = Paginator(households, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "community": community,
        "page": page,
        "q": query,
        "today": today,
        "count_today": household_count(community, on=today),
        "roles": community_roles(community=community),
        "changes": community.changes.select_related("other").all(),
        "can_manage": request.user.has_perm("communities.manage_households", community),
    }
    if is_htmx(request) and request.headers.get("HX-Target") == "households":
        return render(request, "communities/community_detail.html#households", context)
    return render(request, "communities/community_detail.html", context)


@community_access_required
@require_http_methods(["GET", "POST"])
def household_import_view(request: HttpRequest, community_id: int) -> HttpResponse:
    community = _community_or_404(request, community_id)
    assert isinstance(request.user, User)
    if not request.user.has_perm("communities.manage_households", community):
        raise PermissionDenied
    form = HouseholdImportForm(request.POST, request.FILES) if request.method == "POST" else HouseholdImportForm()
    context: dict[str, Any] = {"community": community, "form": form, "columns": COLUMNS, "result": None}
    if request.method == "GET":
        return render(request, "communities/household_import.html", context)
    status = 400
    if form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            result = household_import(
                actor=request.user,
                community=community,
                filename=upload.name or "",
                data=upload.read(),
                valid_rows_only=form.cleaned_data["valid_rows_only"],
            )
        except DomainError as exc:
            form.add_error("file", str(exc.message))
        else:
            context["result"] = result
            status = 200 if result.saved else 400
    return render(request, "communities/household_import.html", context, status=status)


@community_access_required
@require_POST
def household_export_view(request: HttpRequest, community_id: int) -> HttpResponse:
    community = _community_or_404(request, community_id)
    assert isinstance(request.user, User)
    if not request.user.has_perm("communities.manage_households", community):
        raise PermissionDenied
    content = households_export(actor=request.user, community=community)
    name = re.sub(r"[^a-z0-9]+", "-", fold(community.name)).strip("-") or "households"
    filename = f"ho-gia-dinh-{name}-{timezone.localdate():%Y%m%d}.xlsx"
    response = HttpResponse(content, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
