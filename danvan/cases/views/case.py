"""The case page and its actions. Each action is one POST URL; htmx swaps in only the panels that change."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django_htmx.http import HttpResponseClientRedirect

from danvan.accounts.access import officer_required
from danvan.accounts.models import User
from danvan.cases.filing import filing_late
from danvan.cases.forms.actions import ActionForm, NoteForm
from danvan.cases.models import Petition, Status
from danvan.cases.selectors import (
    attachments_for_user,
    deadline_rows,
    issued_document_for_user,
    party_views,
    texts_for_user,
)
from danvan.cases.selectors_case import (
    documents,
    officer_events,
    open_attachment,
    related_for_user,
    response_templates_for_petition,
    user_may_add_note,
)
from danvan.cases.services.notes import petition_add_note
from danvan.core.errors import DomainError
from danvan.core.http import is_htmx

from .actions import BY_NAME, action_form, available_actions
from .common import apply_domain_error, current_user, docx_download, file_download, petition_or_404
from .display import deadline_view, kind_label, officer_details, officer_label


def timeline_context(
    user: User, petition: Petition, *, note_form: NoteForm | None = None, note_done: str = ""
) -> dict[str, Any]:
    """The timeline panel: every event, internal notes included, and the note form for those who may write."""
    may_note = user_may_add_note(user=user, petition=petition)
    events = officer_events(petition=petition)
    reasons = texts_for_user(user=user, petition=petition, texts=[event.reason for event in events])
    return {
        "petition": petition,
        "events": [
            (event, officer_label(event.action), officer_details(event), reason)
            for event, reason in zip(events, reasons, strict=True)
        ],
        "note_form": (note_form or NoteForm()) if may_note else None,
        "note_done": note_done,
    }


def _offered_forms(user: User, petition: Petition, bound: ActionForm | None) -> list[tuple[Any, ActionForm, list]]:
    """(action, its form, the response templates it offers) for each action open to the user now."""
    offered = available_actions(user=user, petition=petition)
    if bound is not None and all(action.name != bound.prefix for action in offered):
        offered.append(BY_NAME[str(bound.prefix)])
    return [
        (
            action,
            bound
            if bound is not None and bound.prefix == action.name
            else action_form(action, user=user, petition=petition),
            response_templates_for_petition(petition=petition, step=action.response[0]) if action.response else [],
        )
        for action in offered
    ]


def case_context(
    user: User,
    petition: Petition,
    *,
    bound: ActionForm | None = None,
    done: str = "",
    full: bool = True,
    note_form: NoteForm | None = None,
) -> dict[str, Any]:
    """Everything the case page shows. ``full=False`` leaves out the parties and attachments panels (an
    htmx swap does not re-render them, so reading the identity is not audited again)."""
    today = timezone.localdate()
    context: dict[str, Any] = {
        **timeline_context(user, petition, note_form=note_form),
        "kind": kind_label(petition),
        "deadlines": deadline_view(deadline_rows(petition=petition, today=today), today=today),
        "documents": documents(petition=petition, for_citizen=False),
        "related": related_for_user(user=user, petition=petition),
        "texts": dict(
            zip(
                ("subject", "content", "location"),
                texts_for_user(
                    user=user, petition=petition, texts=(petition.subject, petition.content, petition.location)
                ),
                strict=True,
            )
        ),
        "action_forms": _offered_forms(user, petition, bound),
        "may_process": user.has_perm("cases.process_petition", petition),
        "filing_late": filing_late(petition) if petition.status in (Status.RECEIVED, Status.CLASSIFIED) else None,
        "done": done,
    }
    if full:
        context["parties"] = party_views(user=user, petition=petition)
        context["attachments"] = list(attachments_for_user(user=user, petition=petition))
    return context


@officer_required
def petition_detail(request: HttpRequest, petition_id: int) -> HttpResponse:
    user = current_user(request)
    petition = petition_or_404(user=user, petition_id=petition_id)
    if not user.has_perm("cases.view_petition", petition):
        raise Http404
    return render(request, "cases/petition_detail.html", case_context(user, petition))


@officer_required
@require_POST
def case_action(request: HttpRequest, petition_id: int, action: str) -> HttpResponse:
    spec = BY_NAME.get(action)
    if spec is None:
        raise Http404
    user = current_user(request)
    petition = petition_or_404(user=user, petition_id=petition_id)
    if not user.has_perm(spec.perm, petition):
        raise PermissionDenied
    form = action_form(spec, user=user, petition=petition, data=request.POST)
    status = 400
    if form.is_valid():
        try:
            spec.run_web(user, petition, form.cleaned_data)
        except DomainError as exc:
            apply_domain_error(form, exc)
            status = exc.status
        else:
            if not is_htmx(request):
                messages.success(request, str(spec.done))
                return redirect("cases:petition_detail", petition_id=petition.pk)
            try:
                petition = petition_or_404(user=user, petition_id=petition_id)
            except Http404:
                return HttpResponseClientRedirect(reverse("cases:inbox"))
            context = case_context(user, petition, done=str(spec.done), full=False)
            return render(request, "cases/petition_detail.html#refresh", context)
    if is_htmx(request):
        # htmx swaps only 2xx answers: the form comes back with its errors and a 200.
        return render(
            request, "cases/petition_detail.html#actions", case_context(user, petition, bound=form, full=False)
        )
    return render(request, "cases/petition_detail.html", case_context(user, petition, bound=form), status=status)


@never_cache
@officer_required
def document_download(request: HttpRequest, petition_id: int, document_id: int) -> HttpResponse:
    user = current_user(request)
    petition = petition_or_404(user=user, petition_id=petition_id)
    document = issued_document_for_user(user=user, petition=petition, document_id=document_id)
    if document is None:
        raise Http404
    return docx_download(document)


@never_cache
@officer_required
def attachment_download(request: HttpRequest, petition_id: int, attachment_id: int) -> HttpResponse:
    user = current_user(request)
    petition = petition_or_404(user=user, petition_id=petition_id)
    attachment = open_attachment(user=user, petition=petition, attachment_id=attachment_id)
    if attachment is None:
        raise Http404
    return file_download(attachment.file, filename=attachment.original_name, content_type=attachment.content_type)


@officer_required
@require_POST
def note_add(request: HttpRequest, petition_id: int) -> HttpResponse:
    """Add an internal note; htmx gets the timeline panel back, a plain form post a redirect."""
    user = current_user(request)
    petition = petition_or_404(user=user, petition_id=petition_id)
    if not user_may_add_note(user=user, petition=petition):
        raise PermissionDenied
    form = NoteForm(request.POST)
    status = 400
    if form.is_valid():
        try:
            petition_add_note(actor=user, petition=petition, text=form.cleaned_data["text"])
        except DomainError as exc:
            apply_domain_error(form, exc)
            status = exc.status
        else:
            if not is_htmx(request):
                messages.success(request, _("The note was added."))
                return redirect("cases:petition_detail", petition_id=petition.pk)
            context = timeline_context(user, petition, note_done=_("The note was added."))
            return render(request, "cases/petition_detail.html#timeline", context)
    if is_htmx(request):
        # htmx swaps only 2xx answers: the form comes back with its errors and a 200.
        return render(request, "cases/petition_detail.html#timeline", timeline_context(user, petition, note_form=form))
    return render(request, "cases/petition_detail.html", case_context(user, petition, note_form=form), status=status)
