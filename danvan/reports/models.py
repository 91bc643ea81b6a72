"""Report configuration as data (periods, column sets, each with its legal citation) and saved narrative
drafts. The reports app reads every other app and writes only these tables.

* :class:`ReportPeriodRule`: how a period's data cut-off dates are computed (TT 01/2024/TT-TTCP: from the
  15th of the last month of the previous period to the 14th of the period's last month). Dates are always
  computed from these rows, never typed.
* :class:`ColumnSet`: the columns of one statistical table, each naming a measure computed in
  ``danvan.reports.selectors.measures``. Indicative until the official TT 01/2024 appendix forms are
  confirmed (LEGAL_BRIEF §9), so an administrator can correct a column without a code change.
* :class:`ReportDraft`: the narrative report (BÁO CÁO) an officer edits before exporting it.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from danvan.accounts.models import Organization
from danvan.core.models import TimeStampedModel
from danvan.law.models import VersionedRule


class ReportPeriodRule(VersionedRule):
    """One kind of reporting period and its cut-off rule, e.g. Q1: 15 Dec of the previous year – 14 Mar."""

    code = models.SlugField(_("code"), max_length=10, unique=True)
    name = models.CharField(_("name"), max_length=80)
    name_en = models.CharField(_("English name"), max_length=80)
    start_year_offset = models.SmallIntegerField(_("start year offset"), default=0)
    start_month = models.PositiveSmallIntegerField(_("start month"))
    start_day = models.PositiveSmallIntegerField(_("start day"))
    end_month = models.PositiveSmallIntegerField(_("end month"))
    end_day = models.PositiveSmallIntegerField(_("end day"))
    statistical_only = models.BooleanField(
        _("statistical tables only"), default=False, help_text=_("Q2, Q3 and Q4 reports are tables, no narrative.")
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("report period rule")
        verbose_name_plural = _("report period rules")
        ordering = ["position", "code"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(start_month__gte=1, start_month__lte=12, end_month__gte=1, end_month__lte=12)
                & models.Q(start_day__gte=1, start_day__lte=28, end_day__gte=1, end_day__lte=28),
                name="reports_period_rule_valid_days",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class TableKind(models.TextChoices):
    PROCESSING = "processing", _("Petition processing")
    COMPLAINTS = "complaints", _("Complaint resolution")
    DENUNCIATIONS = "denunciations", _("Denunciation resolution")
    RECEPTION = "reception", _("Citizen reception")


class ColumnSet(models.Model):
    """The columns of one statistical table, versioned, with the form they follow.

    ``columns`` is a list of ``{"key", "label", "label_en", "measure"}`` or, for a percentage,
    ``{"key", "label", "label_en", "ratio": [numerator_key, denominator_key]}``.
    """

    table = models.CharField(_("table"), max_length=20, choices=TableKind.choices)
    version = models.CharField(_("version"), max_length=20)
    title = models.CharField(_("title"), max_length=250)
    title_en = models.CharField(_("English title"), max_length=250)
    form_reference = models.CharField(_("form"), max_length=120, blank=True)
    citation = models.CharField(_("legal citation"), max_length=300)
    is_indicative = models.BooleanField(
        _("indicative"), default=True, help_text=_("Indicative until the official appendix forms are confirmed.")
    )
    effective_from = models.DateField(_("effective from"))
    columns = models.JSONField(_("columns"))

    class Meta:
        verbose_name = _("column set")
        verbose_name_plural = _("column sets")
        ordering = ["table", "-effective_from"]
        constraints = [models.UniqueConstraint(fields=["table", "version"], name="reports_columnset_unique_version")]

    def __str__(self) -> str:
        return f"{self.title} ({self.version})"


class ReportDraft(TimeStampedModel):
    """A narrative report being prepared: the figures come from the selectors at export time; the officer
    writes the results, shortcomings and proposals. One draft per scope and period; ``organization`` issues it."""

    organization = models.ForeignKey(
        Organization, verbose_name=_("issuing organisation"), on_delete=models.PROTECT, related_name="report_drafts"
    )
    scope = models.CharField(_("scope"), max_length=20)
    period = models.CharField(_("period"), max_length=30)
    results = models.TextField(_("results"), blank=True)
    shortcomings = models.TextField(_("shortcomings and limitations"), blank=True)
    proposals = models.TextField(_("proposals and recommendations"), blank=True)
    recipients = models.TextField(_("recipients"), blank=True)
    signer_name = models.CharField(_("signer"), max_length=150, blank=True)
    number = models.CharField(_("document number"), max_length=40, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("updated by"), on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("report draft")
        verbose_name_plural = _("report drafts")
        constraints = [models.UniqueConstraint(fields=["scope", "period"], name="reports_draft_unique_scope_period")]

    def __str__(self) -> str:
        return f"{self.organization} — {self.period}"


class CubeBuild(models.Model):
    """One build of the dashboard's pre-aggregation, a consistent snapshot of every petition at ``built_at``."""

    built_at = models.DateTimeField(_("built at"))
    seconds = models.FloatField(_("build time (s)"), default=0)
    petitions = models.PositiveIntegerField(_("petitions counted"), default=0)
    cells = models.PositiveIntegerField(_("cells"), default=0)
    is_complete = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("dashboard snapshot")
        verbose_name_plural = _("dashboard snapshots")
        ordering = ["-built_at"]

    def __str__(self) -> str:
        return f"{self.built_at:%Y-%m-%d %H:%M}"


class CubePart(models.TextChoices):
    FLOW = "flow", _("received, ended, resolved")
    KIND = "kind", _("by kind")
    STATUS = "status", _("by status")
    CATEGORY = "category", _("by subject area")
    UNIT = "unit", _("by commune concerned")
    HANDLING = "handling", _("handling time")
    DUE = "due", _("next due date of open petitions")


class CubeCell(models.Model):
    """Petition counts per organisation and report month (the 15th to the 14th: ``year * 12 + month - 1`` of
    the month the report month ends in). Exact for any period made of whole report months; see
    ``danvan.reports.services.cube``."""

    build = models.ForeignKey(CubeBuild, on_delete=models.CASCADE, related_name="+")
    part = models.CharField(max_length=10, choices=CubePart.choices)
    organization_id = models.IntegerField()
    received_month = models.IntegerField(null=True)
    ended_month = models.IntegerField(null=True)
    resolved_month = models.IntegerField(null=True)
    on_time = models.BooleanField(null=True)
    value = models.CharField(max_length=40, blank=True)
    days = models.IntegerField(null=True)
    due_on = models.DateField(null=True)
    n = models.IntegerField()

    class Meta:
        indexes = [models.Index(fields=["build", "part", "organization_id"])]

    def __str__(self) -> str:
        return f"{self.part} {self.organization_id}: {self.n}"
