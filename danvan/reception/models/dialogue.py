"""Dialogue (đối thoại) in complaint resolution: schedule, notice, minutes with each party's opinion and
signature (Luật Khiếu nại art. 30, 39; NĐ 155/2026, new art. 28 of NĐ 124/2020)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from danvan.accounts.models import Organization
from danvan.cases.models import Petition
from danvan.core.models import TimeStampedModel
from danvan.reception.models.choices import DialogueStatus, ParticipantRole, Signature


class Dialogue(TimeStampedModel):
    organization = models.ForeignKey(
        Organization, verbose_name=_("organisation"), on_delete=models.PROTECT, related_name="+"
    )
    petition = models.ForeignKey(
        Petition, verbose_name=_("petition"), on_delete=models.PROTECT, related_name="dialogues"
    )
    held_on = models.DateField(_("date of the dialogue"))
    start_time = models.TimeField(_("time"))
    place = models.CharField(_("place"), max_length=250)
    content = models.TextField(_("content of the dialogue"))
    chair = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("chaired by"), on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(
        _("status"), max_length=12, choices=DialogueStatus.choices, default=DialogueStatus.SCHEDULED
    )
    notice_sent_on = models.DateField(_("notice sent on"), null=True, blank=True)
    notice_method = models.CharField(_("how the notice was sent"), max_length=150, blank=True)
    result = models.TextField(_("result of the dialogue"), blank=True)
    minutes_number = models.CharField(_("number of the minutes"), max_length=40, blank=True)
    minutes_recorded_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("dialogue")
        verbose_name_plural = _("dialogues")
        ordering = ["-held_on", "-id"]

    def __str__(self) -> str:
        return f"{self.petition} {self.held_on:%d/%m/%Y}"


class DialogueParticipant(models.Model):
    dialogue = models.ForeignKey(Dialogue, on_delete=models.CASCADE, related_name="participants")
    role = models.CharField(_("role"), max_length=20, choices=ParticipantRole.choices)
    full_name = models.CharField(_("full name"), max_length=150)
    organization_name = models.CharField(_("agency or position"), max_length=250, blank=True)
    notified_on = models.DateField(_("notified on"), null=True, blank=True)
    opinion = models.TextField(_("opinion"), blank=True)
    signature = models.CharField(_("signature"), max_length=10, choices=Signature.choices, blank=True)
    refusal_reason = models.CharField(_("reason for refusing to sign"), max_length=300, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["dialogue", "position", "id"]

    def __str__(self) -> str:
        return f"{self.get_role_display()} #{self.pk}"
