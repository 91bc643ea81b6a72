from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from danvan.accounts.models import Organization
from danvan.cases.models.choices import PartyRole
from danvan.cases.models.petition import Petition
from danvan.geography.models import AdministrativeUnit


class Party(models.Model):
    """A person on a petition: petitioner (complainant/denouncer), representative or respondent.

    For a denunciation, the petitioners' identity is confidential (Denunciation Law art. 8(3), 47):
    read it only through ``danvan.cases.selectors.party_identity`` which checks and audits the access.
    """

    petition = models.ForeignKey(Petition, on_delete=models.CASCADE, related_name="parties")
    role = models.CharField(_("role"), max_length=20, choices=PartyRole.choices, default=PartyRole.PETITIONER)
    full_name = models.CharField(_("full name"), max_length=150)
    personal_id = models.CharField(_("personal ID number"), max_length=12, blank=True)
    birth_year = models.PositiveSmallIntegerField(_("year of birth"), null=True, blank=True)
    address_unit = models.ForeignKey(
        AdministrativeUnit,
        verbose_name=_("commune of residence"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    address_street = models.CharField(_("street address"), max_length=250, blank=True)
    phone = models.CharField(_("phone number"), max_length=20, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)

    class Meta:
        verbose_name = _("party")
        verbose_name_plural = _("parties")
        ordering = ["petition", "role", "id"]
        indexes = [models.Index(fields=["personal_id"]), models.Index(fields=["phone"])]

    def __str__(self) -> str:
        return f"{self.get_role_display()} #{self.pk}"


def attachment_path(instance: Attachment, filename: str) -> str:
    return f"petitions/{instance.petition_id}/{instance.sha256[:16]}"


class Attachment(models.Model):
    petition = models.ForeignKey(Petition, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to=attachment_path)
    original_name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    reveals_identity = models.BooleanField(
        _("reveals the petitioner's identity"),
        default=False,
        help_text=_("Handwriting scans and ID copies of a denouncer are confidential."),
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self) -> str:
        return self.original_name


class CaseEvent(models.Model):
    """The timeline of a petition: every transition with actor, reason and the documents it produced."""

    petition = models.ForeignKey(Petition, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(max_length=40)
    from_status = models.CharField(max_length=20, blank=True)
    to_status = models.CharField(max_length=20, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    organization = models.ForeignKey(Organization, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    reason = models.TextField(blank=True)
    data = models.JSONField(default=dict, blank=True)
    citizen_visible = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.petition_id}: {self.action}"


class Forwarding(models.Model):
    """A petition forwarded (chuyển đơn) from one organisation to the competent one."""

    petition = models.ForeignKey(Petition, on_delete=models.CASCADE, related_name="forwardings")
    from_organization = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="+")
    to_organization = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="+")
    reason = models.TextField(blank=True)
    forwarded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    forwarded_at = models.DateTimeField(auto_now_add=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    acknowledged_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["forwarded_at", "id"]

    def __str__(self) -> str:
        return f"{self.petition_id}: {self.from_organization_id}→{self.to_organization_id}"


class StepDeadline(models.Model):
    """The legal due date of one open step of a petition (accept, resolve, publish …)."""

    petition = models.ForeignKey(Petition, on_delete=models.CASCADE, related_name="deadlines")
    step = models.CharField(max_length=40)
    rule_code = models.CharField(max_length=60)
    starts_on = models.DateField()
    due_on = models.DateField()
    citation = models.CharField(max_length=250, blank=True)
    completed_on = models.DateField(null=True, blank=True)
    paused_on = models.DateField(null=True, blank=True)
    notified_soon = models.BooleanField(default=False)
    notified_overdue = models.BooleanField(default=False)

    class Meta:
        ordering = ["due_on"]
        indexes = [models.Index(fields=["completed_on", "due_on"])]
        constraints = [models.UniqueConstraint(fields=["petition", "step"], name="cases_deadline_unique_step")]

    def __str__(self) -> str:
        return f"{self.petition_id}: {self.step} → {self.due_on}"


class IssuedDocument(models.Model):
    """An official document the case produced (notice, forwarding slip, decision …)."""

    petition = models.ForeignKey(Petition, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(max_length=40)
    number = models.CharField(max_length=40)
    title = models.CharField(max_length=250)
    file = models.FileField(upload_to="documents/%Y/")
    for_citizen = models.BooleanField(default=False)
    issued_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    issued_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["issued_at", "id"]

    def __str__(self) -> str:
        return f"{self.number} {self.title}"
