"""The legal grounds for archiving a petition without accepting it, read from the law app (dated rows with their
citation): Complaint Law art. 11, Denunciation Law art. 29, TT 05/2021's petitions that are not processed."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import get_language

from danvan.law import selectors as law
from danvan.law.models import LegalGround

# The lists an officer chooses an archive ground from (every kind may be archived on any of them, as before).
ARCHIVE_LISTS = ("complaint.refusal", "denunciation.refusal", "petition.not_processed")


def archive_grounds(*, on: dt.date) -> list[LegalGround]:
    return [ground for list_code in ARCHIVE_LISTS for ground in law.grounds(list_code, on=on)]


def archive_ground_codes(*, on: dt.date) -> set[str]:
    return {ground.code for ground in archive_grounds(on=on)}


def archive_ground_choices(*, on: dt.date) -> list[tuple[str, str]]:
    language = get_language() or "vi"
    return [(ground.code, ground.label(language)) for ground in archive_grounds(on=on)]


def archive_ground_label(code: object) -> str:
    """The name of a ground recorded on an event (any version: a ground no longer in force keeps its name)."""
    if not code:
        return ""
    return law.ground_label(str(code), language=get_language() or "vi")
