"""Dialogues: schedule with the parties from the petition (no retyping), record the notice, the minutes, the DOCX."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from danvan.accounts.access import officer_required
from danvan.cases.models import Kind, Party, PartyRole, Petition
from danvan.core.errors import DomainError
from danvan.reception import selectors
from danvan.reception.errors import ReceptionErrorCode, field_error
from danvan.reception.forms.dialogue import (
    DialogueForm,
    MinutesForm,
    NoticeRecordForm,
    ParticipantFormSet,
    participants_of,
)
from danvan.reception.models import Dialogue, DialogueStatus, ParticipantRole
from danvan.reception.services.dialogue import (
    dialogue_minutes_docx,
    dialogue_record_minutes,
    dialogue_record_notice,
    dialogue_schedule,
)
from danvan.reception.views.common import apply_error, current_user, docx_response, found, require, today_local


@officer_required
def dialogue_list(request: HttpRequest) -> HttpResponse:
    require(request, "reception.access_reception")
    dialogues = selectors.dialogue_list_for_user(user=current_user(request)).order_by("-held_on", "-pk")[:100]
    return render(request, "reception/dialogues.html", {"dialogues": dialogues})


def _parties_initial(petition: Petition | None) -> list[dict[str, Any]]:
    """The complainants, representatives and respondent of the petition, so nobody retypes them."""
    if petition is None or petition.kind != Kind.COMPLAINT:
        return []
    roles: dict[str, str] = {
        PartyRole.PETITIONER: ParticipantRole.COMPLAINANT,
        PartyRole.REPRESENTATIVE: ParticipantRole.REPRESENTATIVE,
    }
    initial = [
        {"role": roles[p.role], "full_name": p.full_name}
        for p in Party.objects.filter(petition=petition, role__in=list(roles)).order_by("role", "pk")
    ]
    if petition.respondent_name:
        initial.append({"role": ParticipantRole.RESPONDENT, "full_name": petition.respondent_name})
    return initial


@officer_required
@require_http_methods(["GET", "POST"])
def dialogue_add(request: HttpRequest) -> HttpResponse:
    require(request, "reception.access_reception")
    user = current_user(request)
    code = request.POST.get("tracking_code") or request.GET.get("petition", "")
    petition = selectors.petition_by_code_for_user(user=user, tracking_code=code)
    organizations = selectors.managed_organizations(user=user)
    form = DialogueForm(
        request.POST or None,
        organizations=organizations,
        initial={"tracking_code": code, "chair": user.pk, "content": petition.subject if petition else ""},
    )
    formset = ParticipantFormSet(
        request.POST or None, prefix="p", initial=None if request.POST else _parties_initial(petition)
    )
    if request.method == "POST" and petition is not None and not user.has_perm("reception.hold_dialogue", petition):
        raise PermissionDenied
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        if petition is None:
            apply_error(form, field_error(ReceptionErrorCode.PETITION_NOT_FOUND, "tracking_code"))
        else:
            data = form.cleaned_data
            try:
                dialogue = dialogue_schedule(
                    actor=user,
                    petition=petition,
                    held_on=data["held_on"],
                    start_time=data["start_time"],
                    place=data["place"],
                    content=data["content"],
                    chair=data["chair"],
                    participants=participants_of(formset),
                    notice_sent_on=data["notice_sent_on"],
                    notice_method=data["notice_method"],
                )
            except DomainError as error:
                apply_error(form, error)
            else:
                messages.success(request, _("The dialogue is scheduled."))
                return redirect("reception:dialogue_detail", dialogue_id=dialogue.pk)
    status = 400 if request.method == "POST" else 200
    return render(
        request, "reception/dialogue_form.html", {"form": form, "formset": formset, "petition": petition}, status=status
    )


def _detail(
    request: HttpRequest,
    dialogue: Dialogue,
    *,
    notice_form: NoticeRecordForm | None = None,
    minutes_form: MinutesForm | None = None,
    status: int = 200,
) -> HttpResponse:
    user = current_user(request)
    participants = list(dialogue.participants.all())
    can_hold = user.has_perm("reception.hold_dialogue", dialogue.petition)
    context = {
        "dialogue": dialogue,
        "participants": participants,
        "petition_url": selectors.petition_url(dialogue.petition),
        "can_hold": can_hold,
        "notice_form": notice_form or NoticeRecordForm(initial={"sent_on": today_local()}),
        "minutes_form": minutes_form or MinutesForm(participants=participants),
        "held": dialogue.status == DialogueStatus.HELD,
    }
    return render(request, "reception/dialogue_detail.html", context, status=status)


@officer_required
def dialogue_detail(request: HttpRequest, dialogue_id: int) -> HttpResponse:
    dialogue = found(selectors.dialogue_get_for_user, user=current_user(request), dialogue_id=dialogue_id)
    return _detail(request, dialogue)


@officer_required
@require_POST
def dialogue_notice(request: HttpRequest, dialogue_id: int) -> HttpResponse:
    user = current_user(request)
    dialogue = found(selectors.dialogue_get_for_user, user=user, dialogue_id=dialogue_id)
    require(request, "reception.hold_dialogue", dialogue.petition)
    form = NoticeRecordForm(request.POST)
    if form.is_valid():
        try:
            dialogue_record_notice(
                actor=user, dialogue=dialogue, sent_on=form.cleaned_data["sent_on"], method=form.cleaned_data["method"]
            )
        except DomainError as error:
            apply_error(form, error)
        else:
            messages.success(request, _("The notice to the parties is recorded."))
            return redirect("reception:dialogue_detail", dialogue_id=dialogue.pk)
    return _detail(request, dialogue, notice_form=form, status=400)


@officer_required
@require_POST
def dialogue_minutes(request: HttpRequest, dialogue_id: int) -> HttpResponse:
    user = current_user(request)
    dialogue = found(selectors.dialogue_get_for_user, user=user, dialogue_id=dialogue_id)
    require(request, "reception.hold_dialogue", dialogue.petition)
    form = MinutesForm(request.POST, participants=list(dialogue.participants.all()))
    if form.is_valid():
        try:
            dialogue_record_minutes(
                actor=user, dialogue=dialogue, entries=form.entries(), result=form.cleaned_data["result"]
            )
        except DomainError as error:
            apply_error(form, error)
        else:
            messages.success(request, _("The minutes are recorded and the result is attached to the petition."))
            return redirect("reception:dialogue_detail", dialogue_id=dialogue.pk)
    return _detail(request, dialogue, minutes_form=form, status=400)


@officer_required
def dialogue_minutes_download(request: HttpRequest, dialogue_id: int) -> HttpResponse:
    dialogue = found(selectors.dialogue_get_for_user, user=current_user(request), dialogue_id=dialogue_id)
    if dialogue.status != DialogueStatus.HELD:
        raise Http404
    with translation.override("vi"):
        content = dialogue_minutes_docx(dialogue=dialogue)
    return docx_response(content, f"bien-ban-doi-thoai-{dialogue.held_on:%Y%m%d}.docx")
