"""What a citizen reads on the tracking page of a petition, above all of a duplicate copy.

A copy is handled in another petition's case (``canonical``): its citizen sees that case's status, due
dates and timeline. The case's documents addressed to the citizen, though, name *that* case's petitioner
(name, address, sometimes the personal ID): they are shown to the copy's citizen only when both are the
same person (a petitioner of each with the same personal ID; a shared lawyer or representative does not
count). Otherwise the copy's citizen sees the documents issued for the copy itself, and:

* for a complaint, a recommendation or feedback, the case's answer with its petitioners' and
  representatives' names, addresses, ID numbers, phones and e-mails hidden (``danvan.core.masking``);
* for a denunciation, not the answer at all (it is addressed to the denouncer; the conclusion is made
  public through its own channel, Denunciation Law art. 40), but a sentence saying it was sent.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from danvan.cases.models import IssuedDocument, Kind, Party, PartyRole, Petition
from danvan.cases.selectors import identity_of
from danvan.core.masking import conceal

PERSONAL_ROLES = (PartyRole.PETITIONER, PartyRole.REPRESENTATIVE)


def _petitioner_ids(petition_id: int) -> set[str]:
    ids = Party.objects.filter(petition_id=petition_id, role=PartyRole.PETITIONER).values_list("personal_id", flat=True)
    return {digits for digits in ("".join(ch for ch in pid if ch.isdigit()) for pid in ids) if digits}


def same_petitioner(*, petition: Petition) -> bool:
    """Whether a copy's petitioner is a petitioner of the case that handles it (same personal ID)."""
    if petition.canonical_id is None:
        return True
    own = _petitioner_ids(petition.pk)
    return bool(own) and bool(own & _petitioner_ids(petition.canonical_id))


def citizen_documents(*, petition: Petition) -> list[IssuedDocument]:
    """The documents this petition's citizen may open: its own, and the case's when it is the same person."""
    petition_ids = [petition.pk]
    if petition.canonical_id is not None and same_petitioner(petition=petition):
        petition_ids.append(petition.canonical_id)
    return list(
        IssuedDocument.objects.filter(petition_id__in=petition_ids, for_citizen=True).order_by("issued_at", "id")
    )


def citizen_document(*, petition: Petition, document_id: int) -> IssuedDocument | None:
    """One document of :func:`citizen_documents`, or ``None``."""
    return next((doc for doc in citizen_documents(petition=petition) if doc.pk == document_id), None)


def citizen_answer(*, petition: Petition) -> str:
    """The answer of the case handling ``petition`` as its citizen may read it (see the module's doc)."""
    case = petition.canonical or petition
    answer = case.answer
    if not answer or case.pk == petition.pk or same_petitioner(petition=petition):
        return answer
    if case.kind == Kind.DENUNCIATION:
        return _("The answer was sent to the person who made the denunciation handled in this case.")
    people = [identity_of(p) for p in Party.objects.filter(petition_id=case.pk, role__in=PERSONAL_ROLES)]
    return conceal(answer, people, _("[the petitioner]"))
