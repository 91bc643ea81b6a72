"""Complex prolonged cases (vụ việc phức tạp, kéo dài), their roadmap of milestones, and each organisation's
yearly plan to reduce them."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from danvan.accounts.models import Organization
from danvan.cases.models import Petition
from danvan.core.models import TimeStampedModel
from danvan.geography.models import AdministrativeUnit
from danvan.reception.models.choices import ComplexStatus, MilestoneStatus, ResolutionLevel
from danvan.reception.models.reception import ReceptionVisit


class ComplexCase(TimeStampedModel):
    organization = models.ForeignKey(
        Organization, verbose_name=_("responsible organisation"), on_delete=models.PROTECT, related_name="+"
    )
    unit = models.ForeignKey(AdministrativeUnit, verbose_name=_("area"), on_delete=models.PROTECT, related_name="+")
    title = models.CharField(_("title"), max_length=250)
    summary = models.TextField(_("summary (internal)"))
    criteria = models.JSONField(_("criteria"), default=list)
    opened_on = models.DateField(_("arose on"))
    status = models.CharField(_("status"), max_length=10, choices=ComplexStatus.choices, default=ComplexStatus.OPEN)
    resolved_on = models.DateField(_("resolved on"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        Organization,
        verbose_name=_("resolved by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    resolution_level = models.CharField(
        _("level that first resolved it"), max_length=10, choices=ResolutionLevel.choices, blank=True
    )
    resolution = models.TextField(_("how it was resolved"), blank=True)
    petitions = models.ManyToManyField(Petition, through="ComplexCasePetition", related_name="complex_cases")
    visits = models.ManyToManyField(ReceptionVisit, blank=True, related_name="complex_cases")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("complex prolonged case")
        verbose_name_plural = _("complex prolonged cases")
        ordering = ["status", "opened_on", "id"]
        indexes = [models.Index(fields=["organization", "status"]), models.Index(fields=["unit", "status"])]

    def __str__(self) -> str:
        return self.title


class ComplexCasePetition(models.Model):
    case = models.ForeignKey(ComplexCase, on_delete=models.CASCADE, related_name="petition_links")
    petition = models.ForeignKey(Petition, on_delete=models.PROTECT, related_name="+")
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["case", "petition"], name="reception_case_petition_unique")]

    def __str__(self) -> str:
        return f"{self.case_id}→{self.petition_id}"


class Roadmap(TimeStampedModel):
    """The roadmap (lộ trình) that settles one case step by step."""

    case = models.OneToOneField(ComplexCase, on_delete=models.CASCADE, related_name="roadmap")
    leader = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("leader in charge"), on_delete=models.PROTECT, related_name="+"
    )
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    public_summary = models.TextField(_("public summary"), blank=True)
    is_public = models.BooleanField(_("publish the summary"), default=False)

    class Meta:
        verbose_name = _("roadmap")
        verbose_name_plural = _("roadmaps")
        constraints = [models.CheckConstraint(condition=Q(progress__lte=100), name="reception_roadmap_progress")]

    def __str__(self) -> str:
        return f"{self.case} ({self.progress}%)"


class Milestone(TimeStampedModel):
    roadmap = models.ForeignKey(Roadmap, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(_("milestone"), max_length=250)
    owner = models.ForeignKey(
        Organization, verbose_name=_("owner organisation"), on_delete=models.PROTECT, related_name="+"
    )
    due_on = models.DateField(_("due on"))
    status = models.CharField(
        _("status"), max_length=12, choices=MilestoneStatus.choices, default=MilestoneStatus.PLANNED
    )
    evidence = models.TextField(_("evidence"), blank=True)
    done_on = models.DateField(_("done on"), null=True, blank=True)
    overdue_notified = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["due_on", "id"]
        indexes = [models.Index(fields=["status", "due_on"])]

    def __str__(self) -> str:
        return self.title


class ReductionPlan(TimeStampedModel):
    """An organisation's plan for a year: how many complex cases may still be open at each quarter's end."""

    organization = models.ForeignKey(
        Organization, verbose_name=_("organisation"), on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    baseline = models.PositiveIntegerField(_("open complex cases at the start of the year"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("reduction plan")
        verbose_name_plural = _("reduction plans")
        ordering = ["-year", "organization"]
        constraints = [models.UniqueConstraint(fields=["organization", "year"], name="reception_plan_unique")]

    def __str__(self) -> str:
        return f"{self.organization} {self.year}"


class ReductionTarget(models.Model):
    plan = models.ForeignKey(ReductionPlan, on_delete=models.CASCADE, related_name="targets")
    quarter = models.PositiveSmallIntegerField(_("quarter"))
    target_open = models.PositiveIntegerField(_("target number of open cases"))

    class Meta:
        ordering = ["plan", "quarter"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "quarter"], name="reception_target_unique"),
            models.CheckConstraint(condition=Q(quarter__gte=1, quarter__lte=4), name="reception_target_quarter"),
        ]

    def __str__(self) -> str:
        return f"Q{self.quarter}: {self.target_open}"
