"""The search page and the duplicate-candidates panels (case page, officer entry). Parse, check, read, render."""

from __future__ import annotations

from dataclasses import dataclass
from math import ceil
from typing import Any
from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from danvan.accounts.access import officer_required
from danvan.accounts.models import User
from danvan.cases.models import Petition
from danvan.cases.selectors import petition_get_for_user, subjects_for_user
from danvan.cases.views.actions import BY_NAME
from danvan.core.http import is_htmx
from danvan.search.candidates import candidate_rows
from danvan.search.duplicates import duplicate_candidates
from danvan.search.forms import SearchForm, page_number, probe_data
from danvan.search.selectors import MAX_OFFSET, SearchResult, search_petitions

PAGE_SIZE = 50
MAX_PAGE = MAX_OFFSET // PAGE_SIZE + 1
# The panel's buttons post to these case actions: the panel is for who may take them.
PROCESS = BY_NAME["duplicate"].perm  # the same as "link" (test_candidates_views)


def _user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


@dataclass(frozen=True)
class Page:
    number: int
    num_pages: int

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number < self.num_pages

    @property
    def previous_page_number(self) -> int:
        return self.number - 1

    @property
    def next_page_number(self) -> int:
        return self.number + 1


def _search(user: User, query: str, number: int) -> tuple[SearchResult, Page]:
    number = min(number, MAX_PAGE)
    result = search_petitions(user=user, query=query, limit=PAGE_SIZE, offset=(number - 1) * PAGE_SIZE)
    last = min(max(1, ceil(result.total / PAGE_SIZE)), MAX_PAGE)
    if number > last:  # past the end (an old link, a hand-made URL): the last page instead
        number = last
        result = search_petitions(user=user, query=query, limit=PAGE_SIZE, offset=(number - 1) * PAGE_SIZE)
    return result, Page(number, last)


@never_cache
@officer_required
@require_GET
def petitions(request: HttpRequest) -> HttpResponse:
    """Full-text search over the petitions the user may see (the inbox's scope)."""
    user = _user(request)
    if not user.has_perm("cases.view_inbox"):
        raise PermissionDenied
    form = SearchForm(request.GET)
    query = form.cleaned_data["q"] if form.is_valid() else ""
    context: dict[str, Any] = {"form": form, "searched": bool(query.strip()), "query_string": urlencode({"q": query})}
    if context["searched"]:
        result, page = _search(user, query, page_number(request.GET.get("page")))
        subjects = subjects_for_user(user=user, petitions=result.items)  # a denouncer concealed
        rows = [(petition, subjects[petition.pk]) for petition in result.items]
        context |= {"result": result, "page": page, "rows": rows}
    template = "search/petitions.html#results" if is_htmx(request) else "search/petitions.html"
    return render(request, template, context)


@never_cache
@officer_required
@require_GET
def petition_candidates(request: HttpRequest, petition_id: int) -> HttpResponse:
    """The case page's panel: earlier petitions that may be the same matter, to mark or link."""
    user = _user(request)
    try:
        petition = petition_get_for_user(user=user, petition_id=petition_id)
    except Petition.DoesNotExist:
        raise Http404 from None
    if not user.has_perm(PROCESS, petition):
        raise PermissionDenied
    rows = candidate_rows(user=user, petition=petition)
    return render(request, "search/includes/candidates.html", {"petition": petition, "rows": rows})


@never_cache
@officer_required
@require_POST
def intake_candidates(request: HttpRequest) -> HttpResponse:
    """The officer entry form's panel, from whatever has been typed so far (htmx, on change)."""
    user = _user(request)
    if not user.has_perm("cases.register_petition"):
        raise PermissionDenied
    try:
        data = probe_data(request.POST, user)
    except ValidationError as error:  # a commune outside the user's jurisdiction: no lookup at all
        context = {"candidates": [], "probed": False, "error": error.messages[0]}
        return render(request, "search/includes/intake_candidates.html", context)
    candidates = duplicate_candidates(user=user, data=data) if data is not None else []
    subjects = subjects_for_user(user=user, petitions=[c.petition for c in candidates if c.petition is not None])
    rows = [(c, subjects.get(c.petition_id, "")) for c in candidates]
    context = {"candidates": candidates, "rows": rows, "probed": data is not None}
    return render(request, "search/includes/intake_candidates.html", context)
