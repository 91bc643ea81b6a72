"""The case page and its actions. Each action is one POST URL; htmx swaps in only the panels that change."""

from __future__ import annotations

from typing import Any, cast

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django_htmx.http import HttpResponseClientRedirect

from danvan.accounts.access import officer_required
from danvan.accounts.models import User
from danvan.cases.forms.actions import ActionForm
from danvan.cases.models import IssuedDocument, Petition
from danvan.cases.selectors import attachments_for_user, deadline_rows, issued_document_for_user, party_views
from danvan.core.errors import DomainError
from danvan.core.http import is_htmx

from .actions import BY_NAME, action_form, available_actions
from .common import apply_domain_error, current_user, petition_or_404
from .display import deadline_view, kind_label, officer_details, officer_label
from .reads import documents, officer_events, open_attachment, related_for_user


def case_context(
    user: User, petition: Petition, *, bound: ActionForm | None = None, done: str = "", full: bool = True
) -> dict[str, Any]:
    """Everything the case page shows. ``full=False`` leaves out the parties and attachments panels (an
    htmx swap does not re-render them, so reading the identity is not audited again)."""
    today = timezone.localdate()
    offered = available_actions(user=user, petition=petition)
    if bound is not None and all(action.name != bound.prefix for action in offered):
        offered.append(BY_NAME[str(bound.prefix)])
    context: dict[str, Any] = {
        "petition": petition,
        "kind": kind_label(petition),
        "deadlines": deadline_view(deadline_rows(petition=petition, today=today), today=today),
        "events": [
            (event, officer_label(event.action), officer_details(event)) for event in officer_events(petition=petition)
        ],
        "documents": documents(petition=petition, for_citizen=False),
        "related": related_for_user(user=user, petition=petition),
        "action_forms": [
            (
                action,
                bound
                if bound is not None and bound.prefix == action.name
                else action_form(action, user=user, petition=petition),
            )
            for action in offered
        ],
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
            spec.run(user, petition, form.cleaned_data)
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


def _docx_response(document: IssuedDocument) -> HttpResponse:
    response = FileResponse(
        document.file.open("rb"),
        as_attachment=True,
        filename=f"{document.number.replace('/', '-')}.docx",
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    response["X-Content-Type-Options"] = "nosniff"
    return cast(HttpResponse, response)


@never_cache
@officer_required
def document_download(request: HttpRequest, petition_id: int, document_id: int) -> HttpResponse:
    user = current_user(request)
    petition = petition_or_404(user=user, petition_id=petition_id)
    document = issued_document_for_user(user=user, petition=petition, document_id=document_id)
    if document is None:
        raise Http404
    return _docx_response(document)


@never_cache
@officer_required
def attachment_download(request: HttpRequest, petition_id: int, attachment_id: int) -> HttpResponse:
    user = current_user(request)
    petition = petition_or_404(user=user, petition_id=petition_id)
    attachment = open_attachment(user=user, petition=petition, attachment_id=attachment_id)
    if attachment is None:
        raise Http404
    response = FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.original_name,
        content_type=attachment.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return cast(HttpResponse, response)  # streamed; officer_required is typed for plain responses
