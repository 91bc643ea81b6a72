"""Suggested category and handling organisation (issue #4 §3).

* :class:`CompetenceRule`: who is competent for a petition, as data with its legal citation and effective
  period (LEGAL_BRIEF §2.4, §2.5, §2.6). Seeded by migrations; a change of the law adds a version.
* :class:`ClassifierModel`: one trained text classifier (category from the letter's text), with its
  held-out macro-F1. The blob is written only by our own training and checked with an HMAC before loading.
* :class:`RoutingSuggestion`: what was suggested to an officer and what the officer decided (accepted or
  corrected), plus what the petition finally got (filled at retraining). Corrections are kept.

Nothing here acts on a petition: the officer still classifies or forwards it through the petitions module.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from danvan.accounts.models import Organization, OrganizationKind
from danvan.cases.models import Category, Kind, Petition
from danvan.law.models import Certainty as Certainty
from danvan.law.models import VersionedRule


class Respondent(models.TextChoices):
    """Whose decision, act or conduct the petition is about: the level that decides competence."""

    COMMUNE_LEADER = "commune_leader", _("the commune People's Committee or its chairman or vice-chairman")
    COMMUNE_OFFICIAL = "commune_official", _("a commune civil servant or a person on duty in the commune")
    DEPARTMENT_HEAD = "department_head", _("the head or a deputy head of a provincial department")
    DEPARTMENT_OFFICIAL = "department_official", _("a provincial department or one of its officials")
    PROVINCE_LEADER = "province_leader", _("the provincial People's Committee or its chairman or vice-chairman")
    PARTY_MEMBER = "party_member", _("a Party member (breach of Party rules)")
    UNKNOWN = "unknown", _("a person or body not recognised in the petition")


ANY_RESPONDENT = "any"


class Target(models.TextChoices):
    """Where the competent person sits, relative to the petition's commune."""

    COMMUNE = "commune", _("an organisation of the petition's commune")
    PROVINCE = "province", _("an organisation of the petition's province")
    DEPARTMENT = "department", _("the provincial department named in the petition")
    DISTRICT = "district", _("the district level (abolished on 1 July 2025)")
    OUTSIDE = "outside", _("a body outside the platform")


class CompetenceRule(VersionedRule):
    """One version of one competence rule. Empty conditions match anything; the most specific row in force
    on the petition's date of receipt wins (category, then respondent, then round, then ``priority``)."""

    code = models.SlugField(_("code"), max_length=60)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    complaint_round = models.PositiveSmallIntegerField(_("complaint round"), null=True, blank=True)
    respondent = models.CharField(
        _("respondent"),
        max_length=30,
        choices=[(ANY_RESPONDENT, _("any")), *Respondent.choices],
        default=ANY_RESPONDENT,
    )
    category = models.ForeignKey(
        Category, verbose_name=_("category"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    target = models.CharField(_("competent level"), max_length=20, choices=Target.choices)
    target_kind = models.CharField(
        _("kind of the competent organisation"),
        max_length=40,
        choices=OrganizationKind.choices,
        blank=True,
        help_text=_("Empty: the People's Committee of that level."),
    )
    resolver = models.CharField(
        _("competent person"), max_length=200, help_text=_("As the law names the position, in Vietnamese.")
    )
    priority = models.SmallIntegerField(_("priority"), default=0)

    class Meta:
        verbose_name = _("competence rule")
        verbose_name_plural = _("competence rules")
        ordering = ["kind", "code", "effective_from"]
        constraints = [
            models.UniqueConstraint(fields=["code", "effective_from"], name="routing_rule_unique_version"),
            models.CheckConstraint(
                condition=Q(effective_to__isnull=True) | Q(effective_to__gt=F("effective_from")),
                name="routing_rule_period_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} ({self.effective_from.isoformat()})"

    @property
    def specificity(self) -> tuple[int, int, int, int]:
        return (
            self.category_id is not None,
            self.respondent != ANY_RESPONDENT,
            self.complaint_round is not None,
            self.priority,
        )


class ClassifierModel(models.Model):
    """A trained category classifier. Only the newest active row is used; older blobs are dropped."""

    version = models.PositiveIntegerField(_("version"), unique=True)
    trained_at = models.DateTimeField(_("trained at"))
    algorithm = models.CharField(_("algorithm"), max_length=200)
    n_samples = models.PositiveIntegerField(_("confirmed samples"))
    n_train = models.PositiveIntegerField(_("training samples"))
    n_test = models.PositiveIntegerField(_("held-out samples"))
    macro_f1 = models.FloatField(_("macro-F1 on the held-out split"), null=True, blank=True)
    accuracy = models.FloatField(_("accuracy on the held-out split"), null=True, blank=True)
    per_class = models.JSONField(_("per-class figures"), default=dict, blank=True)
    labels = models.JSONField(_("category codes"), default=list)
    training_seconds = models.FloatField(_("training time (s)"), default=0)
    size_bytes = models.PositiveIntegerField(_("size (bytes)"), default=0)
    blob = models.BinaryField(_("model"), null=True, blank=True, editable=False)
    digest = models.CharField(max_length=64, blank=True, editable=False)
    is_active = models.BooleanField(_("in use"), default=False)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("classifier model")
        verbose_name_plural = _("classifier models")
        ordering = ["-version"]

    def __str__(self) -> str:
        return f"v{self.version}"


class Decision(models.TextChoices):
    ACCEPTED = "accepted", _("accepted")
    CORRECTED = "corrected", _("corrected")


class Source(models.TextChoices):
    """Where the suggested category came from (the organisation always comes from the competence rules)."""

    CLASSIFIER = "classifier", _("text classifier")
    NONE = "none", _("no confident suggestion")


class RoutingSuggestion(models.Model):
    """A suggestion as the officer saw it, and the officer's decision about it."""

    petition = models.ForeignKey(Petition, on_delete=models.CASCADE, related_name="routing_suggestions")
    suggested_category = models.ForeignKey(
        Category,
        verbose_name=_("suggested category"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    suggested_organization = models.ForeignKey(
        Organization,
        verbose_name=_("suggested organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    rule = models.ForeignKey(
        CompetenceRule, verbose_name=_("competence rule"), null=True, blank=True, on_delete=models.PROTECT
    )
    respondent = models.CharField(_("respondent"), max_length=30, choices=Respondent.choices)
    explanation = models.CharField(_("explanation"), max_length=500)
    source = models.CharField(_("source of the category"), max_length=20, choices=Source.choices)
    confidence = models.FloatField(_("confidence"), null=True, blank=True)
    model_version = models.PositiveIntegerField(_("model version"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    decision = models.CharField(_("decision"), max_length=12, choices=Decision.choices)
    final_category = models.ForeignKey(
        Category, verbose_name=_("category chosen"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    final_organization = models.ForeignKey(
        Organization,
        verbose_name=_("organisation chosen"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("decided by"), on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided at"))
    # What the petition finally got (category on classification, organisation after forwarding), copied at
    # retraining: a suggestion accepted here and classified otherwise later still counts as corrected.
    observed_category = models.ForeignKey(
        Category,
        verbose_name=_("category finally given"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    observed_organization = models.ForeignKey(
        Organization,
        verbose_name=_("organisation finally handling"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    observed_at = models.DateTimeField(_("observed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("routing suggestion")
        verbose_name_plural = _("routing suggestions")
        ordering = ["-decided_at", "-id"]
        indexes = [models.Index(fields=["petition", "decided_at"])]

    def __str__(self) -> str:
        return f"{self.petition_id}: {self.decision}"

    @property
    def category_agreed(self) -> bool | None:
        """Did the category the petition finally got match the suggestion? ``None``: not known yet."""
        if self.observed_at is None or self.observed_category_id is None:
            return None
        return self.observed_category_id == self.suggested_category_id
