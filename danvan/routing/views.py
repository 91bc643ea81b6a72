"""The suggestion panel of the case page (an htmx fragment in the slot ``#routing-suggestion``; a full page
without JavaScript) and the officer's decision about it. Thin adapters over the selectors and the service."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from danvan.accounts.access import officer_required
from danvan.accounts.models import User
from danvan.cases.models import Petition
from danvan.cases.selectors import petition_get_for_user, subjects_for_user
from danvan.core.errors import DomainError
from danvan.core.http import is_htmx
from danvan.routing.errors import RoutingErrorCode
from danvan.routing.forms import DecisionForm
from danvan.routing.selectors import is_at_intake, suggest_routing, suggestion_history
from danvan.routing.services import suggestion_decide

HISTORY_ROWS = 5


def _user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


def _petition(user: User, petition_id: int) -> Petition:
    try:
        petition = petition_get_for_user(user=user, petition_id=petition_id)
    except Petition.DoesNotExist:
        raise Http404 from None
    if not user.has_perm("routing.view_suggestion", petition):
        raise Http404
    return petition


def _context(
    user: User, petition: Petition, *, bound: DecisionForm | None = None, done: str = "", error: str = ""
) -> dict[str, Any]:
    suggestion = suggest_routing(petition)
    may_decide = is_at_intake(petition) and user.has_perm("routing.decide_suggestion", petition)
    correct = bound or DecisionForm.for_suggestion(suggestion, petition=petition, hidden=False)
    return {
        "petition": petition,
        "subject": subjects_for_user(user=user, petitions=[petition])[petition.pk],
        "suggestion": suggestion,
        "may_decide": may_decide,
        "accept_form": DecisionForm.for_suggestion(suggestion, petition=petition, hidden=True),
        "correct_form": correct,
        "history": list(suggestion_history(petition=petition)[:HISTORY_ROWS]),
        "done": done,
        "error": error,
    }


def _render(request: HttpRequest, context: dict[str, Any], status: int = 200) -> HttpResponse:
    template = "routing/suggestion_panel.html" if is_htmx(request) else "routing/suggestion_page.html"
    return render(request, template, context, status=status)


@never_cache
@officer_required
@require_GET
def petition_suggestion(request: HttpRequest, petition_id: int) -> HttpResponse:
    user = _user(request)
    petition = _petition(user, petition_id)
    return _render(request, _context(user, petition))


@officer_required
@require_POST
def petition_suggestion_accept(request: HttpRequest, petition_id: int) -> HttpResponse:
    """Record the officer's decision (accepted or corrected). The petition itself is not changed."""
    user = _user(request)
    petition = _petition(user, petition_id)
    if not user.has_perm("routing.decide_suggestion", petition):
        raise PermissionDenied
    form = DecisionForm(request.POST, petition=petition)
    status = 400
    if form.is_valid():
        try:
            suggestion_decide(
                actor=user,
                petition=petition,
                shown=form.shown(),
                category=form.cleaned_data["category"],
                organization=form.cleaned_data["organization"],
            )
        except DomainError as exc:
            if exc.code == RoutingErrorCode.SUGGESTION_CHANGED:
                # Show the new suggestion with fresh forms; the old values are not recorded.
                status = 200 if is_htmx(request) else exc.status
                return _render(request, _context(user, petition, error=str(exc.message)), status=status)
            for field, problems in (exc.extra.get("fields") or {}).items():
                for problem in problems:
                    form.add_error(field if field in form.fields else None, problem)
            if not exc.extra.get("fields"):
                form.add_error(None, str(exc.message))
            status = exc.status
        else:
            done = _("Your decision was recorded. It changes nothing by itself: classify or forward the petition.")
            if not is_htmx(request):
                messages.success(request, done)
                return redirect("cases:petition_detail", petition_id=petition.pk)
            return _render(request, _context(user, petition, done=done))
    # htmx swaps only 2xx answers: the panel comes back with the errors and a 200.
    return _render(request, _context(user, petition, bound=form), status=200 if is_htmx(request) else status)
