"""Templates of the documents of petition handling: plain inputs in, an ``OfficialDocument`` out.

Number a document inside the transaction that issues it::

    number = document_number_next(organization=org, year=date.year, symbol=issuer.symbol(TypeAbbreviation.NOTICE))
    docx_bytes = build_docx(notice_of_acceptance(issuer=issuer, number=number, date=date, ...))
"""

from danvan.documents.drafts.common import Issuer, Person, PetitionKind, TypeAbbreviation
from danvan.documents.drafts.decisions import Complexity, extension_decision
from danvan.documents.drafts.forwarding import CONCEALED_DENOUNCER, forwarding_slip, guidance_letter
from danvan.documents.drafts.notices import (
    ComplaintRefusalGround,
    DenunciationRefusalGround,
    notice_of_acceptance,
    notice_of_refusal,
)
from danvan.documents.drafts.reception import ReceptionOutcome, reception_result_notice

__all__ = [
    "CONCEALED_DENOUNCER",
    "ComplaintRefusalGround",
    "Complexity",
    "DenunciationRefusalGround",
    "Issuer",
    "Person",
    "PetitionKind",
    "ReceptionOutcome",
    "TypeAbbreviation",
    "extension_decision",
    "forwarding_slip",
    "guidance_letter",
    "notice_of_acceptance",
    "notice_of_refusal",
    "reception_result_notice",
]
