"""Enumerations of the reception app. Legal figures (days, people, dates) are data, not here."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

# The law app owns them (its duty rules use them); re-exported for reception.
from danvan.law.models import DutyPeriod as DutyPeriod
from danvan.law.models import HeadPosition as HeadPosition


class ReceptionKind(models.TextChoices):
    REGULAR = "regular", _("regular reception")
    PERIODIC = "periodic", _("periodic reception by the head")
    AD_HOC = "ad_hoc", _("ad hoc reception")


class AdHocCondition(models.TextChoices):
    """Citizen Reception Law 2013 art. 18(3): when the head must receive at once."""

    HEATED = "heated", _("the matter is heated or complicated")
    MANY_PEOPLE = "many_people", _("many people take part")
    SEVERAL_AGENCIES = "several_agencies", _("several agencies are involved")
    AGENCIES_DISAGREE = "agencies_disagree", _("the agencies concerned disagree")
    SERIOUS_CONSEQUENCES = (
        "serious_consequences",
        _("delay could cause serious damage to property, lives, security or public order"),
    )


class VisitResult(models.TextChoices):
    NEW_PETITION = "new_petition", _("new petition registered")
    ATTACHED = "attached", _("added to an existing petition")
    GUIDED = "guided", _("guided to the competent body")
    REFUSED = "refused", _("reception refused")


class ParticipantRole(models.TextChoices):
    CHAIR = "chair", _("chair of the dialogue")
    MINUTE_TAKER = "minute_taker", _("minute taker")
    COMPLAINANT = "complainant", _("complainant")
    REPRESENTATIVE = "representative", _("representative")
    RESPONDENT = "respondent", _("person or agency complained about")
    RELATED = "related", _("person with related rights and obligations")
    AGENCY = "agency", _("agency or organisation concerned")


class Signature(models.TextChoices):
    SIGNED = "signed", _("signed")
    REFUSED = "refused", _("refused to sign")
    ABSENT = "absent", _("absent")


class DialogueStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("scheduled")
    NOTIFIED = "notified", _("parties notified")
    HELD = "held", _("held")
    CANCELLED = "cancelled", _("cancelled")


class ComplexCriterion(models.TextChoices):
    """The platform's own "prolonged" criterion (open longer than a configurable number of days). The legal
    criteria (LEGAL_BRIEF §2.3: NĐ 31/2019 art. 3; NĐ 155/2026, new art. 3a of NĐ 124/2020) are the law app's
    list ``case.complexity_criteria``; ``MANY_COMPLAINANTS`` names the one a crowd petition meets."""

    PROLONGED = "prolonged", _("open longer than the threshold")


MANY_COMPLAINANTS = "many_complainants"  # a code of the law list "case.complexity_criteria"


class ComplexStatus(models.TextChoices):
    OPEN = "open", _("open")
    RESOLVED = "resolved", _("resolved")


class ResolutionLevel(models.TextChoices):
    COMMUNE = "commune", _("commune level")
    PROVINCE = "province", _("province level")
    CENTRAL = "central", _("central level")


class MilestoneStatus(models.TextChoices):
    PLANNED = "planned", _("planned")
    IN_PROGRESS = "in_progress", _("in progress")
    DONE = "done", _("done")
    CANCELLED = "cancelled", _("cancelled")


MILESTONE_OPEN = (MilestoneStatus.PLANNED, MilestoneStatus.IN_PROGRESS)


class HotspotSignal(models.TextChoices):
    SUBJECT = "subject", _("many petitions on the same subject")
    RESPONDENT = "respondent", _("many petitions about the same person, agency or project")
    LOCATION = "location", _("many petitions about the same place")
    CROWD = "crowd", _("crowd petitions")
    REPEAT = "repeat", _("the same people petition again after an answer")
    OVERDUE_CROWD = "overdue_crowd", _("overdue cases involving crowds")


class HotspotStatus(models.TextChoices):
    NEW = "new", _("new")
    ACKNOWLEDGED = "acknowledged", _("acknowledged")
    ASSIGNED = "assigned", _("assigned")
    CLOSED = "closed", _("closed")


HOTSPOT_OPEN = (HotspotStatus.NEW, HotspotStatus.ACKNOWLEDGED, HotspotStatus.ASSIGNED)


class AppointmentStatus(models.TextChoices):
    BOOKED = "booked", _("booked")
    CANCELLED = "cancelled", _("cancelled")
    ATTENDED = "attended", _("attended")


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


class WeekOfMonth(models.IntegerChoices):
    EVERY = 0, _("every week")
    FIRST = 1, _("first week of the month")
    SECOND = 2, _("second week of the month")
    THIRD = 3, _("third week of the month")
    FOURTH = 4, _("fourth week of the month")
    LAST = 5, _("last week of the month")
