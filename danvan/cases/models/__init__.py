from danvan.cases.models.choices import (
    CROWD_RULE,
    ENDED_WITHOUT_RESOLUTION,
    OPEN_STATUSES,
    Channel,
    Complexity,
    Eligibility,
    Kind,
    Outcome,
    PartyRole,
    Status,
)
from danvan.cases.models.petition import Category, IdempotencyKey, Petition, PetitionLink
from danvan.cases.models.records import Attachment, CaseEvent, Forwarding, IssuedDocument, Party, StepDeadline
from danvan.cases.models.responses import ResponseStep, ResponseTemplate

__all__ = [
    "CROWD_RULE",
    "ENDED_WITHOUT_RESOLUTION",
    "OPEN_STATUSES",
    "Attachment",
    "CaseEvent",
    "Category",
    "Channel",
    "Complexity",
    "Eligibility",
    "Forwarding",
    "IdempotencyKey",
    "IssuedDocument",
    "Kind",
    "Outcome",
    "Party",
    "PartyRole",
    "Petition",
    "PetitionLink",
    "ResponseStep",
    "ResponseTemplate",
    "Status",
    "StepDeadline",
]
