"""Whether a complaint came after the time limit for complaining (Complaint Law art. 9: the rule
``complaint.file``; art. 33 for a second complaint: ``complaint.second.file``), counted from the decision's
date the petition records. The officer sees it and may refuse on the ground of art. 11(6)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from danvan.cases.models import Kind, Petition
from danvan.core.errors import DomainError

OUT_OF_TIME_GROUND = "kn11_6"  # the law app's ground of art. 11(6)


@dataclass(frozen=True)
class FilingLate:
    due: dt.date  # the last day to complain
    citation: str
    ground: str = OUT_OF_TIME_GROUND


def filing_late(petition: Petition) -> FilingLate | None:
    from danvan.calendar.selectors import due_date

    if petition.kind != Kind.COMPLAINT or petition.decision_date is None:
        return None
    code = "complaint.second.file" if petition.complaint_round == 2 else "complaint.file"
    try:
        due = due_date(rule_code=code, start=petition.decision_date, remote=petition.is_remote)
    except DomainError:  # no rule in force on that date: nothing to say
        return None
    if petition.received_on <= due.date:
        return None
    return FilingLate(due=due.date, citation=due.rule.citation)
