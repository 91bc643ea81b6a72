from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    COMPLAINT = "complaint", _("complaint")
    DENUNCIATION = "denunciation", _("denunciation")
    RECOMMENDATION = "recommendation", _("recommendation")
    FEEDBACK = "feedback", _("feedback")


class Channel(models.TextChoices):
    WEB = "web", _("online form")
    IN_PERSON = "in_person", _("in person at the reception office")
    POST = "post", _("by post")
    SUGGESTION_BOX = "suggestion_box", _("suggestion box")
    HOTLINE = "hotline", _("hotline")
    EMAIL = "email", _("e-mail")
    AGENCY = "agency", _("transferred by another agency")
    DEPUTY = "deputy", _("transferred by a deputy")
    FATHERLAND_FRONT = "fatherland_front", _("transferred by the Fatherland Front")
    PRESS = "press", _("transferred by the press")
    API = "api", _("API")
    OPEN311 = "open311", _("Open311 application")


class Status(models.TextChoices):
    RECEIVED = "received", _("received")
    CLASSIFIED = "classified", _("classified")
    ACCEPTED = "accepted", _("accepted for resolution")
    FORWARDED = "forwarded", _("forwarded")
    GUIDED = "guided", _("guidance sent")
    ARCHIVED = "archived", _("archived (not accepted)")
    VERIFICATION = "verification", _("under verification")
    DIALOGUE = "dialogue", _("dialogue")
    SUSPENDED = "suspended", _("suspended")
    CONCLUDED = "concluded", _("concluded")
    CLOSED = "closed", _("closed")
    WITHDRAWN = "withdrawn", _("withdrawn")
    DUPLICATE = "duplicate", _("duplicate of another petition")
    SPLIT = "split", _("split into separate petitions")
    INSPECTION_LEAD = "inspection_lead", _("anonymous information for inspection")


OPEN_STATUSES = frozenset(
    {
        Status.RECEIVED,
        Status.CLASSIFIED,
        Status.ACCEPTED,
        Status.VERIFICATION,
        Status.DIALOGUE,
        Status.SUSPENDED,
        Status.CONCLUDED,
    }
)
# A crowd (đông người): the law app's figure "reception.crowd_min_people" (TT 07/2014/TT-TTCP art. 6(4)(b)),
# read for the day the petition came.
CROWD_RULE = "reception.crowd_min_people"
# Ended without a resolution (no decision, no conclusion): the day is kept in ``Petition.ended_on``.
ENDED_WITHOUT_RESOLUTION = frozenset(
    {
        Status.GUIDED,
        Status.ARCHIVED,
        Status.WITHDRAWN,
        Status.DUPLICATE,
        Status.SPLIT,
        Status.INSPECTION_LEAD,
    }
)


class Eligibility(models.TextChoices):
    ELIGIBLE = "eligible", _("eligible for processing")
    INELIGIBLE = "ineligible", _("not eligible for processing")


class Complexity(models.TextChoices):
    SIMPLE = "simple", _("simple")
    COMPLEX = "complex", _("complex")
    ESPECIALLY_COMPLEX = "especially_complex", _("especially complex")


class Outcome(models.TextChoices):
    RIGHT = "right", _("right")
    PARTLY_RIGHT = "partly_right", _("partly right")
    WRONG = "wrong", _("wrong")
    ANSWERED = "answered", _("answered")


class PartyRole(models.TextChoices):
    PETITIONER = "petitioner", _("petitioner")
    REPRESENTATIVE = "representative", _("representative")
    RESPONDENT = "respondent", _("respondent")
