from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from danvan.accounts.access import officer_required
from danvan.accounts.models import User
from danvan.notifications.forms import PreferenceForm
from danvan.notifications.models import Notification
from danvan.notifications.services import delivery_of, mark_read, preference_set


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


@officer_required
def notification_list(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    page = Paginator(Notification.objects.filter(user=user), 30).get_page(request.GET.get("page"))
    form = PreferenceForm(initial={"delivery": delivery_of(user)})
    return render(request, "notifications/list.html", {"page": page, "form": form})


@officer_required
@require_POST
def notification_mark_read(request: HttpRequest) -> HttpResponse:
    mark_read(user=_user(request))
    return redirect("notifications:list")


@officer_required
@require_POST
def preference_update(request: HttpRequest) -> HttpResponse:
    form = PreferenceForm(request.POST)
    if form.is_valid():
        preference_set(user=_user(request), delivery=form.cleaned_data["delivery"])
        messages.success(request, _("Saved."))
        return redirect("notifications:list")
    page = Paginator(Notification.objects.filter(user=_user(request)), 30).get_page(1)
    return render(request, "notifications/list.html", {"page": page, "form": form}, status=400)
