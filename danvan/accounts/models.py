from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from danvan.core.models import TimeStampedModel
from danvan.geography.models import AdministrativeUnit


class User(AbstractUser):
    """A person with an account: an officer (through memberships) or a citizen (no membership).

    Citizens need no account to submit or track a petition, but may open one.
    """

    full_name = models.CharField(_("full name"), max_length=150, blank=True)
    phone = models.CharField(_("phone number"), max_length=20, blank=True)
    is_demo = models.BooleanField(_("demo account"), default=False, editable=False)

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.full_name or self.get_username()

    def get_full_name(self) -> str:
        return self.full_name or super().get_full_name() or self.get_username()


class OrganizationKind(models.TextChoices):
    COMMUNE_COMMITTEE = "commune_committee", _("People's Committee of a commune, ward or special zone")
    PROVINCIAL_COMMITTEE = "provincial_committee", _("Provincial People's Committee")
    MASS_MOBILIZATION_BOARD = "mass_mobilization_board", _("Mass Mobilisation Board")
    FATHERLAND_FRONT = "fatherland_front", _("Fatherland Front committee")
    FARMERS_UNION = "farmers_union", _("Farmers' Union")
    WOMENS_UNION = "womens_union", _("Women's Union")
    YOUTH_UNION = "youth_union", _("Ho Chi Minh Communist Youth Union")
    VETERANS_ASSOCIATION = "veterans_association", _("Veterans' Association")
    TRADE_UNION = "trade_union", _("Trade Union")
    INSPECTORATE = "inspectorate", _("Inspectorate")
    DEPARTMENT = "department", _("Department or agency")
    POLICE = "police", _("Police")
    # The whole political system at each level (issue #11 §4). A member organisation of the Fatherland
    # Front points to its MTTQ committee through ``parent``; the Ban Tuyên giáo và Dân vận (kind
    # MASS_MOBILIZATION_BOARD) to its Party committee.
    PEOPLES_COUNCIL = "peoples_council", _("People's Council")
    PARTY_COMMITTEE = "party_committee", _("Party committee")
    NATIONAL_ASSEMBLY_DELEGATION = "national_assembly_delegation", _("National Assembly deputies' delegation")
    PEOPLES_INSPECTION_BOARD = "peoples_inspection_board", _("People's Inspection Board")
    COMMUNITY_INVESTMENT_BOARD = "community_investment_board", _("Community Investment Supervision Board")


class Role(models.TextChoices):
    RECEPTION_OFFICER = "reception_officer", _("Reception officer")
    CASE_HANDLER = "case_handler", _("Case handler")
    UNIT_HEAD = "unit_head", _("Head of unit")
    INSPECTOR = "inspector", _("Inspector")
    MASS_ORG_OFFICER = "mass_org_officer", _("Mass-organisation officer")
    ORG_ADMIN = "org_admin", _("Organisation administrator")
    SYSTEM_ADMIN = "system_admin", _("System administrator")
    # Office holders of an organisation (issue #11 §4); they carry no workflow permission of their own.
    CHAIRMAN = "chairman", _("Chairman")
    VICE_CHAIRMAN = "vice_chairman", _("Vice-chairman")
    PARTY_SECRETARY = "party_secretary", _("Secretary (Party committee, Youth Union)")
    SECRETARY = "secretary", _("Secretary (clerk)")


class Organization(TimeStampedModel):
    """An agency or organisation (cơ quan, tổ chức, đơn vị) with a jurisdiction (an administrative unit)."""

    name = models.CharField(_("name"), max_length=250)
    short_name = models.CharField(_("short name"), max_length=80, blank=True)
    kind = models.CharField(_("kind"), max_length=40, choices=OrganizationKind.choices)
    unit = models.ForeignKey(
        AdministrativeUnit,
        verbose_name=_("jurisdiction"),
        on_delete=models.PROTECT,
        related_name="organizations",
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone number"), max_length=20, blank=True)
    address = models.CharField(_("address"), max_length=250, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    is_demo = models.BooleanField(_("demo data"), default=False, editable=False)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["unit", "name"], name="accounts_org_unique_name_in_unit")]

    def __str__(self) -> str:
        return self.name


class Membership(TimeStampedModel):
    user = models.ForeignKey(User, verbose_name=_("user"), on_delete=models.CASCADE, related_name="memberships")
    organization = models.ForeignKey(
        Organization, verbose_name=_("organisation"), on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=30, choices=Role.choices)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["organization__name", "role"]
        constraints = [
            models.UniqueConstraint(fields=["user", "organization", "role"], name="accounts_membership_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} — {self.organization}"


from danvan.accounts.models_enrolment import OTPEnrolmentCode  # noqa: E402, F401 - in its own module
from danvan.accounts.models_tokens import APIToken  # noqa: E402, F401 - the token model lives in its own module
