"""Writes of response templates (mẫu trả lời), by an organisation's administrator or head, or by a system
administrator for the system-wide ones. The views check who may; the service validates and audits."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from danvan.accounts.models import Organization, User
from danvan.audit.services import audit_record
from danvan.cases.errors import CaseErrorCode, case_error
from danvan.cases.models import Kind, ResponseStep, ResponseTemplate
from danvan.cases.models.responses import BODY_MAX_LENGTH
from danvan.cases.services.notes import clean_note
from danvan.core.text import normalize


@dataclass
class TemplateData:
    organization: Organization | None
    title: str
    kind: str
    step: str
    body: str
    is_active: bool = True


def _validated(data: TemplateData) -> TemplateData:
    errors: dict[str, list[str]] = {}
    title, body = normalize(data.title), clean_note(data.body)
    if not title:
        errors["title"] = [_("Give the template a title.")]
    elif len(title) > 150:
        errors["title"] = [_("A title has at most %(limit)s characters.") % {"limit": 150}]
    if data.kind and data.kind not in Kind.values:
        errors["kind"] = [_("Choose the kind of petition.")]
    if data.step not in ResponseStep.values:
        errors["step"] = [_("Choose what the template is used for.")]
    if not body:
        errors["body"] = [_("Write the text of the template.")]
    elif len(body) > BODY_MAX_LENGTH:
        errors["body"] = [_("A template has at most %(limit)s characters.") % {"limit": BODY_MAX_LENGTH}]
    if errors:
        raise case_error(CaseErrorCode.INVALID, fields=errors)
    return TemplateData(data.organization, title, data.kind, data.step, body, data.is_active)


def _audit(actor: User, template: ResponseTemplate, action: str) -> None:
    audit_record(
        actor=actor,
        action=f"cases.response_template_{action}",
        target=template,
        organization_id=template.organization_id,
        data={"title": template.title, "step": template.step, "kind": template.kind, "active": template.is_active},
    )


@transaction.atomic
def response_template_create(*, actor: User, data: TemplateData) -> ResponseTemplate:
    clean = _validated(data)
    template = ResponseTemplate.objects.create(
        organization=clean.organization,
        title=clean.title,
        kind=clean.kind,
        step=clean.step,
        body=clean.body,
        is_active=clean.is_active,
        created_by=actor,
    )
    _audit(actor, template, "created")
    return template


@transaction.atomic
def response_template_update(*, actor: User, template: ResponseTemplate, data: TemplateData) -> ResponseTemplate:
    """Change the text or the use of a template; its organisation stays what it was."""
    clean = _validated(data)
    template = ResponseTemplate.objects.select_for_update().get(pk=template.pk)
    template.title, template.kind, template.step = clean.title, clean.kind, clean.step
    template.body, template.is_active = clean.body, clean.is_active
    template.save(update_fields=["title", "kind", "step", "body", "is_active", "updated_at"])
    _audit(actor, template, "updated")
    return template
