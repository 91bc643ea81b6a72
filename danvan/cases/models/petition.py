from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from danvan.accounts.models import Organization
from danvan.cases.models.choices import CROWD_RULE, Channel, Complexity, Eligibility, Kind, Outcome, Status
from danvan.core.models import TimeStampedModel
from danvan.geography.models import AdministrativeUnit


class Category(models.Model):
    """Subject category of a petition (data, seeded by migration, editable by administrators)."""

    code = models.SlugField(_("code"), max_length=50, unique=True)
    name = models.CharField(_("name"), max_length=150)
    name_en = models.CharField(_("English name"), max_length=150)
    position = models.PositiveSmallIntegerField(default=0)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        ordering = ["position", "code"]

    def __str__(self) -> str:
        return self.name


class Petition(TimeStampedModel):
    """One petition (đơn): a complaint, a denunciation, a recommendation or feedback."""

    tracking_code = models.CharField(_("tracking code"), max_length=20, unique=True, editable=False)
    secret_hash = models.CharField(max_length=64, editable=False)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    complaint_round = models.PositiveSmallIntegerField(_("complaint round"), null=True, blank=True)
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.RECEIVED)
    receiving_organization = models.ForeignKey(
        Organization, verbose_name=_("receiving organisation"), on_delete=models.PROTECT, related_name="+"
    )
    handling_organization = models.ForeignKey(
        Organization, verbose_name=_("handling organisation"), on_delete=models.PROTECT, related_name="petitions"
    )
    unit = models.ForeignKey(
        AdministrativeUnit, verbose_name=_("commune"), on_delete=models.PROTECT, related_name="petitions"
    )
    location = models.CharField(_("location"), max_length=250, blank=True)
    latitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    subject = models.CharField(_("subject"), max_length=250)
    content = models.TextField(_("content"))
    category = models.ForeignKey(Category, verbose_name=_("category"), on_delete=models.PROTECT, null=True, blank=True)
    respondent_name = models.CharField(_("person or agency complained about"), max_length=250, blank=True)
    decision_reference = models.CharField(_("decision or act complained about"), max_length=250, blank=True)
    decision_date = models.DateField(_("date of the decision or act"), null=True, blank=True)
    people_count = models.PositiveIntegerField(_("number of people"), default=1)
    is_anonymous = models.BooleanField(_("anonymous"), default=False)
    received_on = models.DateField(_("received on"))
    eligibility = models.CharField(_("eligibility"), max_length=12, choices=Eligibility.choices, blank=True)
    within_competence = models.BooleanField(_("within competence"), null=True)
    complexity = models.CharField(_("complexity"), max_length=20, choices=Complexity.choices, default=Complexity.SIMPLE)
    is_remote = models.BooleanField(_("from a remote area"), default=False)
    accepted_on = models.DateField(_("accepted on"), null=True, blank=True)
    # The earliest due date among the running (open, not suspended) steps, null when none runs.
    # Denormalised from StepDeadline for the inbox's urgency order; kept by danvan.cases.deadlines.
    earliest_due_on = models.DateField(_("Due date"), null=True, blank=True, editable=False)
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("handler"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="handled_petitions",
    )
    suspended_from = models.CharField(max_length=20, choices=Status.choices, blank=True)
    extensions = models.PositiveSmallIntegerField(_("extensions"), default=0)
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices, blank=True)
    answer = models.TextField(_("answer to the citizen"), blank=True)
    concluded_on = models.DateField(_("concluded on"), null=True, blank=True)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    # Set and cleared by danvan.cases.services.common.set_status, the one place every status change goes through.
    ended_on = models.DateField(
        _("ended on"),
        null=True,
        blank=True,
        editable=False,
        help_text=_(
            "The day it ended without a resolution: guided, archived, withdrawn, duplicate, split, passed to "
            "inspection; empty otherwise."
        ),
    )
    canonical = models.ForeignKey(
        "self",
        verbose_name=_("duplicate of"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="duplicates",
    )
    split_from = models.ForeignKey(
        "self", verbose_name=_("split from"), null=True, blank=True, on_delete=models.PROTECT, related_name="parts"
    )
    previous_round = models.ForeignKey(
        "self",
        verbose_name=_("first complaint"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="next_rounds",
    )
    rating = models.PositiveSmallIntegerField(_("satisfaction (1–5)"), null=True, blank=True)
    rating_comment = models.TextField(_("comment on the handling"), blank=True)

    class Meta:
        verbose_name = _("petition")
        verbose_name_plural = _("petitions")
        ordering = ["-received_on", "-id"]
        indexes = [
            models.Index(fields=["handling_organization", "status", "received_on"]),
            models.Index(fields=["unit", "status"]),
            models.Index(fields=["handler", "status"]),
            # The inbox, most urgent first: one organisation's petitions, and a whole jurisdiction's.
            models.Index(
                fields=["handling_organization", "earliest_due_on", "-received_on", "-id"], name="cases_pet_inbox_idx"
            ),
            models.Index(fields=["earliest_due_on", "-received_on", "-id"], name="cases_pet_urgency_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(rating__isnull=True) | models.Q(rating__gte=1, rating__lte=5),
                name="cases_petition_rating_1_5",
            ),
        ]

    def __str__(self) -> str:
        return self.tracking_code

    @property
    def is_crowd(self) -> bool:
        from danvan.law.selectors import figure

        return self.people_count >= figure(CROWD_RULE, on=self.received_on)

    @property
    def is_denunciation(self) -> bool:
        return self.kind == Kind.DENUNCIATION


class PetitionLink(models.Model):
    """Two petitions confirmed by an officer as related (handled separately)."""

    from_petition = models.ForeignKey(Petition, on_delete=models.CASCADE, related_name="links_out")
    to_petition = models.ForeignKey(Petition, on_delete=models.CASCADE, related_name="links_in")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["from_petition", "to_petition"], name="cases_link_unique")]

    def __str__(self) -> str:
        return f"{self.from_petition_id}↔{self.to_petition_id}"


class IdempotencyKey(models.Model):
    """A create request's Idempotency-Key: a retry returns the petition made the first time."""

    key = models.CharField(max_length=100)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    request_hash = models.CharField(max_length=64)
    petition = models.ForeignKey(Petition, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "key"], name="cases_idempotency_unique")]

    def __str__(self) -> str:
        return self.key
