from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from danvan.core.access import officer_required
from danvan.core.errors import DomainError
from danvan.core.http import is_htmx
from danvan.geography.forms import RemoteFlagForm, UnitSearchForm
from danvan.geography.models import AdministrativeUnit, Era
from danvan.geography.selectors import unit_get, unit_search, unit_successors
from danvan.geography.services import unit_set_remote


def unit_search_view(request: HttpRequest) -> HttpResponse:
    """Public search; htmx requests get only the result list."""
    form = UnitSearchForm(request.GET or None)
    units: list[AdministrativeUnit] = []
    if form.is_valid():
        units = list(
            unit_search(
                query=form.cleaned_data["q"],
                era=form.cleaned_data["era"] or Era.CURRENT,
                level=form.cleaned_data["level"] or None,
            )
        )
    template = "geography/unit_search.html#results" if is_htmx(request) else "geography/unit_search.html"
    return render(request, template, {"form": form, "units": units})


def unit_detail(request: HttpRequest, unit_id: int) -> HttpResponse:
    try:
        unit = unit_get(unit_id=unit_id)
    except AdministrativeUnit.DoesNotExist:
        raise Http404 from None
    can_flag = request.user.has_perm("geography.set_remote", unit)
    context = {
        "unit": unit,
        "successors": unit_successors(unit=unit),
        "predecessors": unit.predecessors.select_related("province").order_by("code"),
        "children_count": unit.children.count(),
        "can_flag": can_flag,
        "form": RemoteFlagForm(initial={"is_remote": unit.is_remote, "basis": unit.remote_basis}) if can_flag else None,
    }
    return render(request, "geography/unit_detail.html", context)


@officer_required
@require_POST
def unit_remote_flag(request: HttpRequest, unit_id: int) -> HttpResponse:
    try:
        unit = unit_get(unit_id=unit_id)
    except AdministrativeUnit.DoesNotExist:
        raise Http404 from None
    if not request.user.has_perm("geography.set_remote", unit):
        raise PermissionDenied
    assert isinstance(request.user, AbstractBaseUser)
    form = RemoteFlagForm(request.POST)
    if form.is_valid():
        try:
            unit_set_remote(
                actor=request.user,
                unit=unit,
                is_remote=form.cleaned_data["is_remote"],
                basis=form.cleaned_data["basis"],
            )
        except DomainError as exc:
            form.add_error("basis", str(exc.message))
        else:
            messages.success(request, _("Saved."))
            return redirect("geography:unit_detail", unit_id=unit.pk)
    context = {
        "unit": unit,
        "successors": unit_successors(unit=unit),
        "predecessors": unit.predecessors.all(),
        "children_count": unit.children.count(),
        "can_flag": True,
        "form": form,
    }
    return render(request, "geography/unit_detail.html", context, status=400)
