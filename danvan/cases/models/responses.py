"""Response templates (mẫu trả lời): standard wording an officer starts the answer to the citizen from.

A template belongs to one organisation, or to none (system-wide, seeded by migration). Its body may hold
placeholders such as ``{citizen_name}``: they are filled by ``fill_placeholders`` with plain strings only.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from danvan.accounts.models import Organization
from danvan.cases.models.choices import Kind
from danvan.core.models import TimeStampedModel


class ResponseStep(models.TextChoices):
    """The answer a template is for; each fills the text box of one action of the case page."""

    GUIDANCE = "guidance", _("guidance to the competent body")
    CONCLUSION = "conclusion", _("conclusion or answer")
    REFUSAL = "refusal", _("reason for not accepting (archiving)")


# The placeholders a template may use. Any other ``{word}`` is left as it is.
PLACEHOLDERS = ("citizen_name", "tracking_code", "received_on", "organization", "subject")
BODY_MAX_LENGTH = 4000

# Only ``{name}`` made of lower-case letters and underscores: no attribute access (``{a.b}``), no index
# (``{a[0]}``), no conversion (``{a!r}``) or format specification (``{a:>999}``) is ever interpreted.
# As in ``str.format``, ``{{`` and ``}}`` write a brace.
_TOKEN = re.compile(r"\{\{|\}\}|\{([a-z_]+)\}")


def fill_placeholders(body: str, values: Mapping[str, str]) -> str:
    """``body`` with each known ``{placeholder}`` replaced by its value; unknown ones stay as written.

    ``str.format_map`` on a restricted mapping, minus its dangers: it would also interpret
    ``{subject.__class__}``, ``{x[0]}`` and format specifications, and fail on a lone brace an
    administrator typed. Values are inserted once and never read as placeholders themselves.
    """

    def replace(match: re.Match[str]) -> str:
        token, name = match.group(0), match.group(1)
        if name is None:
            return token[0]
        return str(values[name]) if name in values else token

    return _TOKEN.sub(replace, body)


class ResponseTemplate(TimeStampedModel):
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Empty: offered to every organisation."),
    )
    title = models.CharField(_("title"), max_length=150)
    kind = models.CharField(
        _("kind of petition"), max_length=20, choices=Kind.choices, blank=True, help_text=_("Empty: any kind.")
    )
    step = models.CharField(_("used for"), max_length=20, choices=ResponseStep.choices)
    body = models.TextField(_("text"))
    is_active = models.BooleanField(_("in use"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("response template")
        verbose_name_plural = _("response templates")
        ordering = ["step", "title", "id"]
        indexes = [models.Index(fields=["organization", "step"])]

    def __str__(self) -> str:
        return self.title
