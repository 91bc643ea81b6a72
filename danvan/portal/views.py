from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import activate
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from danvan.accounts.access import officer_required
from danvan.accounts.models import User
from danvan.accounts.selectors import user_is_officer, user_memberships


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/home.html")


def after_login(request: HttpRequest) -> HttpResponse:
    user = request.user
    if isinstance(user, User) and user_is_officer(user=user):
        return redirect("portal:workspace")
    return redirect("portal:home")


@officer_required
def workspace(request: HttpRequest) -> HttpResponse:
    assert isinstance(request.user, User)
    return render(request, "portal/workspace.html", {"memberships": user_memberships(user=request.user)})


def _safe_next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.headers.get("referer") or "/"
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return reverse("portal:home")


@require_POST
def set_language(request: HttpRequest) -> HttpResponse:
    """Switch the interface language. An unknown code keeps the current language and says so."""
    code = request.POST.get("language", "")
    response: HttpResponseRedirect = HttpResponseRedirect(_safe_next(request))
    if code not in dict(settings.LANGUAGES):
        messages.error(request, _("This language is not available. Choose Vietnamese or English."))
        return response
    activate(code)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=365 * 24 * 60 * 60,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite="Lax",
    )
    return response
