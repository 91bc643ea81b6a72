"""Response templates (mẫu trả lời): the list and form for those who manage them, and the htmx fill of an
answer box on the case page."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRedirect

from danvan.accounts.access import officer_required
from danvan.accounts.models import User
from danvan.cases.forms.responses import ResponseTemplateForm
from danvan.cases.models import ResponseTemplate
from danvan.cases.selectors_case import (
    response_template_get_for_user,
    response_templates_for_petition,
    response_templates_for_user,
    response_text,
    template_organizations,
    template_scope,
    user_manages_system_templates,
    user_may_manage_template,
    user_may_manage_templates,
)
from danvan.cases.services.responses import response_template_create, response_template_update
from danvan.core.errors import DomainError
from danvan.core.http import is_htmx

from .actions import BY_RESPONSE_STEP, action_form
from .common import apply_domain_error, current_user, petition_or_404

LIST = "cases:response_templates"


def _form(user: User, data: Any = None, **kwargs: Any) -> ResponseTemplateForm:
    return ResponseTemplateForm(
        data,
        organizations=template_organizations(user=user),
        system_wide=user_manages_system_templates(user=user),
        **kwargs,
    )


def _list_context(user: User, form: ResponseTemplateForm | None = None) -> dict[str, Any]:
    templates = response_templates_for_user(user=user).order_by("organization__name", "step", "title", "id")
    scope = template_scope(user=user)
    return {
        "rows": [(template, scope.manages(template)) for template in templates],
        "form": (form or _form(user)) if scope else None,
    }


@officer_required
@require_GET
def template_list(request: HttpRequest) -> HttpResponse:
    return render(request, "cases/response_templates.html", _list_context(current_user(request)))


@officer_required
@require_POST
def template_create(request: HttpRequest) -> HttpResponse:
    user = current_user(request)
    if not user_may_manage_templates(user=user):
        raise PermissionDenied
    form = _form(user, request.POST)
    status = 400
    if form.is_valid():
        try:
            response_template_create(actor=user, data=form.template_data())
        except DomainError as exc:
            apply_domain_error(form, exc)
            status = exc.status
        else:
            messages.success(request, _("The response template was saved."))
            return HttpResponseClientRedirect(reverse(LIST)) if is_htmx(request) else redirect(LIST)
    if is_htmx(request):
        return render(request, "cases/response_templates.html#template-form", {"form": form})
    return render(request, "cases/response_templates.html", _list_context(user, form), status=status)


def _managed_template(user: User, template_id: int) -> ResponseTemplate:
    """A template the user may see (else 404) and manage (else 403)."""
    try:
        template = response_template_get_for_user(user=user, template_id=template_id)
    except ResponseTemplate.DoesNotExist:
        raise Http404 from None
    if not user_may_manage_template(user=user, template=template):
        raise PermissionDenied
    return template


@officer_required
@require_http_methods(["GET", "POST"])
def template_edit(request: HttpRequest, template_id: int) -> HttpResponse:
    user = current_user(request)
    template = _managed_template(user, template_id)
    initial = {
        "organization": template.organization_id,
        "title": template.title,
        "kind": template.kind,
        "step": template.step,
        "body": template.body,
        "is_active": template.is_active,
    }
    form = _form(user, request.POST if request.method == "POST" else None, initial=initial, editing=True)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                response_template_update(actor=user, template=template, data=form.template_data())
            except DomainError as exc:
                apply_domain_error(form, exc)
                status = exc.status
            else:
                messages.success(request, _("The response template was saved."))
                return redirect(LIST)
    return render(request, "cases/response_template_edit.html", {"template": template, "form": form}, status=status)


@officer_required
@require_GET
def response_fill(request: HttpRequest, petition_id: int) -> HttpResponse:
    """The answer box of the matching action, filled from the chosen template (an htmx swap)."""
    user = current_user(request)
    petition = petition_or_404(user=user, petition_id=petition_id)
    raw = request.GET.get("template", "")
    if not raw:
        return HttpResponse(status=204)  # "Choose…" again: leave the text as it is
    if not raw.isdigit():
        raise Http404
    template = ResponseTemplate.objects.filter(pk=int(raw)).first()
    action = BY_RESPONSE_STEP.get(template.step) if template is not None else None
    if template is None or action is None or action.response is None:
        raise Http404
    if not user.has_perm(action.perm, petition):
        raise PermissionDenied
    if template not in response_templates_for_petition(petition=petition, step=template.step):
        raise Http404
    field = action.response[1]
    text = response_text(user=user, petition=petition, template=template)
    form = action_form(action, user=user, petition=petition, initial={field: text})
    return render(request, "cases/includes/response_field.html", {"field": form[field]})
