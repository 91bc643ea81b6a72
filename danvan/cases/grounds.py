"""Enumerated legal grounds, as data with their citation."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class ArchiveGround(models.TextChoices):
    # Complaint Law 2011 art. 11: complaints that are not accepted.
    INTERNAL_OR_SECRET = "kn11_1", _("Art. 11(1): internal directive, normative act or state secret")
    RIGHTS_NOT_AFFECTED = "kn11_2", _("Art. 11(2): the complainant's own rights are not directly affected")
    NO_CAPACITY = "kn11_3", _("Art. 11(3): no full civil capacity and no legal representative")
    UNLAWFUL_REPRESENTATIVE = "kn11_4", _("Art. 11(4): the representative is not lawful")
    NOT_SIGNED = "kn11_5", _("Art. 11(5): the petition is not signed or fingerprinted")
    OUT_OF_TIME = "kn11_6", _("Art. 11(6): the time limit for complaining has passed")
    SECOND_DECISION_EXISTS = "kn11_7", _("Art. 11(7): a second-time decision already exists")
    NOT_CONTINUED = "kn11_8", _("Art. 11(8): not continued within 30 days after a termination notice")
    COURT = "kn11_9", _("Art. 11(9): a court has accepted or decided the matter")
    # TT 05/2021/TT-TTCP: petitions that are not processed.
    ALREADY_GUIDED = "tt05_guided", _("Already guided once on the same content (TT 05/2021)")
    SENT_TO_COMPETENT = "tt05_copy", _("Also sent to the competent body, which handles it (TT 05/2021)")
    INELIGIBLE_FORM = "tt05_form", _("Does not meet the conditions for processing (TT 05/2021)")
    # Denunciation Law 2018 art. 29.
    TC_NOT_ACCEPTED = "tc29", _("Denunciation Law art. 29: the conditions for acceptance are not met")
