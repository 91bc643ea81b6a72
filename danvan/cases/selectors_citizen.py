"""What a citizen reads on the tracking page of a petition, above all of a duplicate copy.

A copy is handled in another petition's case (``canonical``): its citizen sees that case's status, due
dates and answer. The case's documents addressed to the citizen, though, name *that* case's petitioner
(name, address, sometimes the personal ID): they are shown to the copy's citizen only when both are the
same person (the same personal ID). Otherwise the copy's citizen sees the documents issued for the copy
itself, and the answer with the case's petitioners' names, addresses and contacts taken out.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from danvan.cases.models import IssuedDocument, Party, PartyRole, Petition
from danvan.documents.drafts.common import Person, redact

PERSONAL_ROLES = (PartyRole.PETITIONER, PartyRole.REPRESENTATIVE)


def _personal_parties(petition_id: int) -> list[Party]:
    return list(Party.objects.filter(petition_id=petition_id, role__in=PERSONAL_ROLES))


def same_petitioner(*, petition: Petition) -> bool:
    """Whether a copy's petitioner is a petitioner of the case that handles it (same personal ID)."""
    if petition.canonical_id is None:
        return True
    own = {p.personal_id for p in _personal_parties(petition.pk) if p.personal_id}
    return (
        bool(own)
        and Party.objects.filter(
            petition_id=petition.canonical_id, role__in=PERSONAL_ROLES, personal_id__in=own
        ).exists()
    )


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
    """The answer of the case handling ``petition``; for another person's copy, without the identity of the
    case's petitioners (an answer often opens "Kính gửi ông …")."""
    case = petition.canonical or petition
    answer = case.answer
    if not answer or case.pk == petition.pk or same_petitioner(petition=petition):
        return answer
    placeholder = _("[the petitioner]")
    for party in _personal_parties(case.pk):
        person = Person(name=party.full_name, address=party.address_street, id_number=party.personal_id)
        answer = redact(answer, person=person, placeholder=placeholder)
        for value in (party.phone, party.email):
            if value:
                answer = answer.replace(value, placeholder)
    return answer
