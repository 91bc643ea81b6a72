"""Hotspots (điểm nóng): emerging clusters of petitions a periodic scan scores (see docs/hotspots.md)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from danvan.accounts.models import Organization
from danvan.cases.models import Petition
from danvan.geography.models import AdministrativeUnit
from danvan.reception.models.choices import HotspotSignal, HotspotStatus


class Hotspot(models.Model):
    """One signal in one commune. ``key`` says what the petitions share (a category code, a folded name or
    place, or a keyed hash of a petitioner's ID — never the ID or a name of a petitioner)."""

    unit = models.ForeignKey(AdministrativeUnit, verbose_name=_("commune"), on_delete=models.PROTECT, related_name="+")
    signal = models.CharField(_("signal"), max_length=20, choices=HotspotSignal.choices)
    key = models.CharField(max_length=120)
    label = models.CharField(_("what the petitions share"), max_length=250)
    score = models.FloatField(_("score"))
    petition_count = models.PositiveIntegerField(_("petitions"))
    people_count = models.PositiveIntegerField(_("people"))
    facts = models.JSONField(_("how the score was reached"), default=dict)
    window_start = models.DateField()
    window_end = models.DateField()
    status = models.CharField(_("status"), max_length=14, choices=HotspotStatus.choices, default=HotspotStatus.NEW)
    first_detected_at = models.DateTimeField(auto_now_add=True)
    last_scored_at = models.DateTimeField()
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    assigned_to = models.ForeignKey(
        Organization,
        verbose_name=_("assigned to"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("officer in charge"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    assignment_note = models.TextField(_("instructions"), blank=True)
    evidence = models.ManyToManyField(Petition, through="HotspotEvidence", related_name="+")

    class Meta:
        verbose_name = _("hotspot")
        verbose_name_plural = _("hotspots")
        ordering = ["-score", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "signal", "key"],
                condition=Q(status__in=["new", "acknowledged", "assigned"]),
                name="reception_hotspot_one_open",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_signal_display()}: {self.label}"


class HotspotEvidence(models.Model):
    hotspot = models.ForeignKey(Hotspot, on_delete=models.CASCADE, related_name="evidence_rows")
    petition = models.ForeignKey(Petition, on_delete=models.CASCADE, related_name="+")
    reason = models.CharField(max_length=250)

    class Meta:
        ordering = ["hotspot", "petition__received_on", "petition_id"]
        constraints = [
            models.UniqueConstraint(fields=["hotspot", "petition"], name="reception_hotspot_evidence_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.hotspot_id}: {self.petition_id}"
