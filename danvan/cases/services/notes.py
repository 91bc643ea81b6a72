"""Internal notes on a case: officers' working remarks, in the timeline, never shown to the citizen."""

from __future__ import annotations

import re
import unicodedata

from django.db import transaction
from django.utils.translation import gettext as _

from danvan.accounts.models import User
from danvan.cases.errors import CaseErrorCode, case_error
from danvan.cases.models import CaseEvent, Kind, Party, PartyRole, Petition
from danvan.cases.selectors import user_may_see_identity
from danvan.cases.services.common import record
from danvan.core.text import fold

NOTE_ACTION = "note"
NOTE_MAX_LENGTH = 4000
_SEPARATORS_IN_NUMBERS = re.compile(r"(?<=\d)[\s.\-](?=\d)")
_NUMBERS = re.compile(r"\d+")


def clean_note(text: str) -> str:
    """NFC, one kind of line break, no trailing blanks; line breaks are kept (they are the note's layout)."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip() for line in text.strip().split("\n"))


def _reveals_denouncer(text: str, petition: Petition) -> bool:
    """Whether ``text`` names the denouncer or a representative, or gives their ID, phone or e-mail."""
    folded = fold(text)
    numbers = set(_NUMBERS.findall(_SEPARATORS_IN_NUMBERS.sub("", text)))
    parties = Party.objects.filter(petition=petition, role__in=[PartyRole.PETITIONER, PartyRole.REPRESENTATIVE])
    for party in parties:
        name = fold(party.full_name)
        if len(name.split()) >= 2 and re.search(rf"\b{re.escape(name)}\b", folded):
            return True
        for value in (party.personal_id, party.phone):
            digits = re.sub(r"\D", "", value)
            if len(digits) >= 6 and any(digits in number for number in numbers):
                return True
        if party.email and party.email.casefold() in text.casefold():
            return True
    return False


@transaction.atomic
def petition_add_note(*, actor: User, petition: Petition, text: str) -> CaseEvent:
    """Add an internal note to the timeline (``citizen_visible=False``); audited like every case event.

    Everyone who may see the petition reads its notes, including officers who may not see a denouncer's
    identity. So when the author may see it, a note that carries it is refused. An author who may not see
    it gets no such check: refusing a guessed name would confirm it.
    """
    body = clean_note(text)
    if not body:
        raise case_error(CaseErrorCode.INVALID, fields={"text": [_("Write the note.")]})
    if len(body) > NOTE_MAX_LENGTH:
        raise case_error(
            CaseErrorCode.INVALID,
            fields={"text": [_("A note has at most %(limit)s characters.") % {"limit": NOTE_MAX_LENGTH}]},
        )
    if (
        petition.kind == Kind.DENUNCIATION
        and user_may_see_identity(user=actor, petition=petition)
        and _reveals_denouncer(body, petition)
    ):
        raise case_error(
            CaseErrorCode.INVALID,
            fields={
                "text": [
                    _(
                        "Other officers read the notes: do not write the denouncer's name, ID number, phone or "
                        "e-mail (Denunciation Law art. 47). Write “the denouncer” instead."
                    )
                ]
            },
        )
    return record(actor=actor, petition=petition, action=NOTE_ACTION, reason=body, citizen_visible=False)
