"""Petitions written straight to the database with the dates a report test needs (no workflow)."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

from danvan.accounts.models import Organization
from danvan.cases.models import Party, Petition, StepDeadline

_codes = itertools.count(1)


def make_petition(org: Organization, received_on: dt.date, **fields: Any) -> Petition:
    resolve_due: dt.date | None = fields.pop("resolve_due", None)
    petitioner: str | None = fields.pop("petitioner", None)
    values: dict[str, Any] = {
        "tracking_code": f"DV-T{next(_codes):07d}",
        "secret_hash": "x" * 64,
        "kind": "recommendation",
        "channel": "web",
        "status": "received",
        "receiving_organization": org,
        "handling_organization": org,
        "unit": org.unit,
        "subject": "Đèn đường hỏng",
        "content": "Nội dung",
        "received_on": received_on,
    }
    values.update(fields)
    petition = Petition.objects.create(**values)  # ended_on: the day it ended without a resolution (guided …)
    if resolve_due is not None:
        StepDeadline.objects.create(
            petition=petition,
            step="resolve",
            rule_code="complaint.first.resolve",
            starts_on=petition.accepted_on or received_on,
            due_on=resolve_due,
            completed_on=petition.concluded_on or petition.closed_on,
        )
    if petitioner:
        Party.objects.create(petition=petition, full_name=petitioner, phone="0912345678")
    return petition
