"""Hotspots: the list of the user's area, the evidence (petitions only, never a person), acknowledge, assign,
close; and the thresholds page of the system administrator."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from danvan.accounts.access import officer_required
from danvan.cases.selectors import subjects_for_user
from danvan.core.errors import DomainError
from danvan.reception import law, selectors
from danvan.reception.forms.complex import HotspotAssignForm, NoteForm
from danvan.reception.models import HOTSPOT_OPEN, Hotspot, HotspotStatus, Threshold
from danvan.reception.services.hotspots import hotspot_acknowledge, hotspot_assign, hotspot_close
from danvan.reception.services.thresholds import threshold_set
from danvan.reception.views.common import apply_error, current_user, found, require


@officer_required
def hotspot_list(request: HttpRequest) -> HttpResponse:
    user = current_user(request)
    show = request.GET.get("show", "open")
    hotspots = selectors.hotspot_list_for_user(user=user)
    hotspots = hotspots.filter(status__in=HOTSPOT_OPEN) if show == "open" else hotspots
    return render(request, "reception/hotspots.html", {"hotspots": hotspots[:200], "show": show})


def _detail(request: HttpRequest, hotspot: Hotspot, *, status: int = 200, **forms_: Any) -> HttpResponse:
    user = current_user(request)
    organizations = selectors.area_organizations(unit=hotspot.unit)
    evidence = selectors.hotspot_evidence_for_user(user=user, hotspot=hotspot)
    subjects = subjects_for_user(user=user, petitions=[p for p, _reason in evidence])
    context = {
        "hotspot": hotspot,
        "evidence": [(p, subjects[p.pk], reason, selectors.petition_url(p)) for p, reason in evidence],
        "is_open": hotspot.status in HOTSPOT_OPEN,
        "can_lead": user.has_perm("reception.lead_hotspot", hotspot),
        "assign_form": forms_.get("assign_form") or HotspotAssignForm(prefix="assign", organizations=organizations),
        "close_form": forms_.get("close_form") or NoteForm(prefix="close"),
        "facts": hotspot.facts,
    }
    return render(request, "reception/hotspot_detail.html", context, status=status)


@officer_required
def hotspot_detail(request: HttpRequest, hotspot_id: int) -> HttpResponse:
    return _detail(request, found(selectors.hotspot_get_for_user, user=current_user(request), hotspot_id=hotspot_id))


def _led(request: HttpRequest, hotspot_id: int) -> Hotspot:
    hotspot = found(selectors.hotspot_get_for_user, user=current_user(request), hotspot_id=hotspot_id)
    require(request, "reception.lead_hotspot", hotspot)
    return hotspot


@officer_required
@require_POST
def hotspot_acknowledge_view(request: HttpRequest, hotspot_id: int) -> HttpResponse:
    hotspot = _led(request, hotspot_id)
    try:
        hotspot_acknowledge(actor=current_user(request), hotspot=hotspot)
    except DomainError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("The hotspot is acknowledged."))
    return redirect("reception:hotspot_detail", hotspot_id=hotspot.pk)


@officer_required
@require_POST
def hotspot_assign_view(request: HttpRequest, hotspot_id: int) -> HttpResponse:
    hotspot = _led(request, hotspot_id)
    form = HotspotAssignForm(
        request.POST, prefix="assign", organizations=selectors.area_organizations(unit=hotspot.unit)
    )
    if form.is_valid():
        try:
            hotspot_assign(
                actor=current_user(request),
                hotspot=hotspot,
                organization=form.cleaned_data["organization"],
                assignee=form.cleaned_data["assignee"],
                note=form.cleaned_data["note"],
            )
        except DomainError as error:
            apply_error(form, error)
        else:
            messages.success(request, _("The hotspot is assigned."))
            return redirect("reception:hotspot_detail", hotspot_id=hotspot.pk)
    return _detail(request, hotspot, assign_form=form, status=400)


@officer_required
@require_POST
def hotspot_close_view(request: HttpRequest, hotspot_id: int) -> HttpResponse:
    hotspot = _led(request, hotspot_id)
    form = NoteForm(request.POST, prefix="close")
    if form.is_valid():
        try:
            hotspot_close(actor=current_user(request), hotspot=hotspot, note=form.cleaned_data["note"])
        except DomainError as error:
            apply_error(form, error)
        else:
            messages.success(request, _("The hotspot is closed."))
            return redirect("reception:hotspot_detail", hotspot_id=hotspot.pk)
    return _detail(request, hotspot, close_form=form, status=400)


class ThresholdForm(forms.Form):
    def __init__(self, *args: Any, thresholds: list[Threshold], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for t in thresholds:
            self.fields[t.code] = forms.FloatField(
                label=str(law.THRESHOLD_LABELS.get(t.code, t.code)),
                initial=t.value,
                min_value=t.minimum,
                help_text=t.description,
            )


@officer_required
@require_http_methods(["GET", "POST"])
def thresholds(request: HttpRequest) -> HttpResponse:
    require(request, "reception.manage_thresholds")
    rows = list(Threshold.objects.order_by("code"))
    form = ThresholdForm(request.POST or None, thresholds=rows)
    if request.method == "POST" and form.is_valid():
        try:
            for t in rows:
                if form.cleaned_data[t.code] != t.value:
                    threshold_set(actor=current_user(request), code=t.code, value=form.cleaned_data[t.code])
        except DomainError as error:
            apply_error(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("reception:thresholds")
    status = 400 if request.method == "POST" else 200
    return render(request, "reception/thresholds.html", {"form": form, "statuses": HotspotStatus}, status=status)
