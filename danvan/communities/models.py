"""Communities below a commune (thôn, bản, ấp, buôn, tổ dân phố), their history, their household register and
the people who hold a role there (Law 10/2022 on grassroots democracy works at this level).

A household's membership of a community is dated (``joined_on`` … ``left_on``): a household that moves leaves
one community and joins another, so the count of households on any past day (a vote's threshold) stays right.
"""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from django.db import models
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from danvan.accounts.models import User
from danvan.core.models import TimeStampedModel
from danvan.geography.models import AdministrativeUnit


class CommunityKind(models.Model):
    """A kind of residential community (thôn, bản, ấp, buôn, tổ dân phố...): data an administrator may extend
    without a code change (Law 10/2022 art. 2; Circular 04/2012/TT-BNV, now 05/2022/TT-BNV). The five kinds
    below are seeded by a migration; their codes are stored in ``Community.kind``."""

    THON = "thon"
    BAN = "ban"
    AP = "ap"
    BUON = "buon"
    RESIDENTIAL_GROUP = "residential_group"

    code = models.SlugField(_("code"), max_length=20, primary_key=True)
    name = models.CharField(_("Vietnamese name"), max_length=120)
    name_en = models.CharField(_("English name"), max_length=120)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    is_active = models.BooleanField(_("active"), default=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("kind of community")
        verbose_name_plural = _("kinds of community")
        ordering = ["position", "code"]

    def __str__(self) -> str:
        return self.label()

    def label(self, language: str | None = None) -> str:
        """The name in ``language`` (default: the active language); Vietnamese unless English is asked for."""
        language = language or get_language() or "vi"
        return self.name_en if language.startswith("en") else self.name


class CommunityQuerySet(models.QuerySet["Community"]):
    def current_on(self, day: dt.date) -> CommunityQuerySet:
        """The communities that exist on ``day`` (not yet dissolved or merged away)."""
        return self.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=day)).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=day)
        )


class Community(TimeStampedModel):
    """A village or residential group (cộng đồng dân cư ở thôn, tổ dân phố) of a commune."""

    commune = models.ForeignKey(
        AdministrativeUnit, verbose_name=_("commune"), on_delete=models.PROTECT, related_name="communities"
    )
    kind = models.ForeignKey(
        CommunityKind, verbose_name=_("kind"), on_delete=models.PROTECT, related_name="communities", db_column="kind"
    )
    name = models.CharField(_("name"), max_length=120)
    name_folded = models.CharField(max_length=120, editable=False, db_index=True)
    cluster = models.CharField(_("cluster (cụm dân cư)"), max_length=120, blank=True)
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    successor = models.ForeignKey(
        "self",
        verbose_name=_("merged into"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="predecessors",
    )
    is_demo = models.BooleanField(_("demo data"), default=False, editable=False)

    objects: ClassVar[CommunityQuerySet] = CommunityQuerySet.as_manager()  # type: ignore[assignment]

    class Meta:
        verbose_name = _("village or residential group")
        verbose_name_plural = _("villages and residential groups")
        ordering = ["commune__name", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["commune", "name_folded"],
                condition=Q(valid_to__isnull=True),
                name="communities_unique_current_name",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def exists_on(self, day: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (self.valid_to is None or day <= self.valid_to)


class ChangeKind(models.TextChoices):
    ESTABLISHED = "established", _("established")
    RENAMED = "renamed", _("renamed")
    MERGED = "merged", _("merged into another")
    DISSOLVED = "dissolved", _("dissolved")


class CommunityChange(models.Model):
    """One dated event in a community's history: established, renamed, merged into another, dissolved."""

    community = models.ForeignKey(
        Community, verbose_name=_("village or residential group"), on_delete=models.CASCADE, related_name="changes"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=ChangeKind.choices)
    effective_date = models.DateField(_("effective date"))
    old_name = models.CharField(_("former name"), max_length=120, blank=True)
    new_name = models.CharField(_("new name"), max_length=120, blank=True)
    other = models.ForeignKey(
        Community,
        verbose_name=_("merged into"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    basis = models.CharField(_("decision (number, date, issuer)"), max_length=250, blank=True)
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("change of a village or residential group")
        verbose_name_plural = _("changes of villages and residential groups")
        ordering = ["effective_date", "pk"]

    def __str__(self) -> str:
        return f"{self.community_id} {self.kind} {self.effective_date}"


class HouseholdQuerySet(models.QuerySet["Household"]):
    def on(self, day: dt.date) -> HouseholdQuerySet:
        """Households that belong to their community on ``day``: joined on or before it, not yet left."""
        return self.filter(joined_on__lte=day).filter(Q(left_on__isnull=True) | Q(left_on__gt=day))


class Household(TimeStampedModel):
    """A household (hộ gia đình) in a community's register, with its representative (Law 10/2022 art. 4, 6)."""

    community = models.ForeignKey(
        Community, verbose_name=_("village or residential group"), on_delete=models.PROTECT, related_name="households"
    )
    code = models.CharField(_("household code"), max_length=30)
    representative_name = models.CharField(_("household representative"), max_length=150)
    representative_folded = models.CharField(max_length=150, editable=False, db_index=True)
    representative_personal_id = models.CharField(_("personal ID number"), max_length=12, blank=True)
    representative_birth_year = models.PositiveSmallIntegerField(_("year of birth"), null=True, blank=True)
    members = models.PositiveSmallIntegerField(_("number of members"))
    address = models.CharField(_("address"), max_length=250, blank=True)
    phone = models.CharField(_("phone number"), max_length=20, blank=True)
    joined_on = models.DateField(_("joined on"))
    left_on = models.DateField(_("left on"), null=True, blank=True)
    moved_to = models.ForeignKey(
        "self",
        verbose_name=_("moved to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects: ClassVar[HouseholdQuerySet] = HouseholdQuerySet.as_manager()  # type: ignore[assignment]

    class Meta:
        verbose_name = _("household")
        verbose_name_plural = _("households")
        ordering = ["code"]
        constraints = [
            models.UniqueConstraint(fields=["community", "code"], name="communities_household_unique_code"),
            models.CheckConstraint(condition=Q(members__gte=1), name="communities_household_members_positive"),
            models.CheckConstraint(
                condition=Q(left_on__isnull=True) | Q(left_on__gte=models.F("joined_on")),
                name="communities_household_left_after_joined",
            ),
        ]
        indexes = [models.Index(fields=["community", "joined_on", "left_on"])]

    def __str__(self) -> str:
        return f"{self.code} — {self.representative_name}"


class CommunityRoleKind(models.TextChoices):
    COMMUNITY_HEAD = "community_head", _("Village head (Trưởng thôn, Tổ trưởng tổ dân phố)")
    DEPUTY_HEAD = "deputy_head", _("Deputy village head")
    FRONT_WORK_COMMITTEE_HEAD = "front_work_committee_head", _("Head of the village Front work committee")
    FRONT_WORK_COMMITTEE_MEMBER = "front_work_committee_member", _("Member of the village Front work committee")


class CommunityRoleQuerySet(models.QuerySet["CommunityRole"]):
    def active_on(self, day: dt.date) -> CommunityRoleQuerySet:
        return self.filter(valid_from__lte=day).filter(Q(valid_to__isnull=True) | Q(valid_to__gte=day))


class CommunityRole(TimeStampedModel):
    """A person's role in a community for a period (valid_from … valid_to, both included)."""

    user = models.ForeignKey(User, verbose_name=_("user"), on_delete=models.CASCADE, related_name="community_roles")
    community = models.ForeignKey(
        Community, verbose_name=_("village or residential group"), on_delete=models.CASCADE, related_name="roles"
    )
    role = models.CharField(_("role"), max_length=30, choices=CommunityRoleKind.choices)
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(_("valid to"), null=True, blank=True)

    objects: ClassVar[CommunityRoleQuerySet] = CommunityRoleQuerySet.as_manager()  # type: ignore[assignment]

    class Meta:
        verbose_name = _("role in a village or residential group")
        verbose_name_plural = _("roles in villages and residential groups")
        ordering = ["community", "role", "valid_from"]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} — {self.community}"
