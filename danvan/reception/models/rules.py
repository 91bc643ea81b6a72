"""The platform's own thresholds of reception (not the law: the legal figures, duty rules and refusal grounds
are the law app's, ``danvan.law``)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Threshold(models.Model):
    """A number the platform decides (not the law): hotspot scoring, when a case counts as prolonged.
    Seeded with defaults; a system administrator changes them on the thresholds page."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    value = models.FloatField(_("value"))
    minimum = models.FloatField(_("smallest allowed value"), default=0)
    description = models.CharField(_("description"), max_length=300)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("threshold")
        verbose_name_plural = _("thresholds")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} = {self.value:g}"
