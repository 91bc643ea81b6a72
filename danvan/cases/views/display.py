"""How the petition pages word things: deadline badges, step names, the timeline in plain language."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from danvan.calendar.display import Badge, badge
from danvan.cases.grounds import archive_ground_label
from danvan.cases.models import CaseEvent, Complexity, Outcome, Petition, Status, StepDeadline


def step_label(step: str) -> str:
    labels = {
        "accept": _("Decide whether to accept the petition for resolution"),
        "notify": _("Tell the petitioner how the petition is handled"),
        "resolve": _("Resolve the petition"),
        "send_decision": _("Send the decision to the parties"),
        "publish": _("Publish the conclusion"),
        "forward": _("Forward the petition"),
    }
    return labels.get(step, step)


@dataclass(frozen=True)
class DeadlineRow:
    step: str
    due_on: dt.date
    citation: str
    badge: Badge


def deadline_view(rows: list[tuple[StepDeadline, int, str]], *, today: dt.date) -> list[DeadlineRow]:
    return [
        DeadlineRow(
            step_label(deadline.step),
            deadline.due_on,
            deadline.citation,
            badge(due=deadline.due_on, today=today, paused=deadline.paused_on is not None),
        )
        for deadline, _left, _status in rows
    ]


def _org_name(event: CaseEvent) -> str:
    return event.organization.name if event.organization is not None else _("the competent agency")


def _choice_label(choices: Any, value: object) -> str:
    try:
        return str(choices(value).label)
    except ValueError:
        return str(value or "")


def citizen_text(event: CaseEvent) -> str:
    """One timeline line for the citizen: plain words, no officer's name, no internal note."""
    data = event.data or {}
    texts = {
        "received": lambda: _("Your petition was received."),
        "acknowledged": lambda: _("%(org)s received the forwarded petition.") % {"org": _org_name(event)},
        "forwarded": lambda: (
            _("The petition was forwarded to the competent agency: %(org)s.") % {"org": _org_name(event)}
        ),
        "guided": lambda: (
            _("You were guided to the competent body: %(body)s.") % {"body": data.get("competent_body", "")}
        ),
        "archived": lambda: (
            _("The petition was not accepted and was archived. Ground: %(ground)s.")
            % {"ground": archive_ground_label(data.get("ground"))}
        ),
        "inspection_lead": lambda: _("The information was passed on for inspection."),
        "accepted": lambda: _("The petition was accepted for resolution."),
        "verification_started": lambda: _("Verification of the content started."),
        "dialogue_held": lambda: _("A dialogue with the parties was held."),
        "extended": lambda: _("The time limit for resolution was extended."),
        "suspended": lambda: _("The resolution was suspended."),
        "resumed": lambda: _("The resolution was resumed."),
        "withdrawn": lambda: _("The petition was withdrawn."),
        "partly_withdrawn": lambda: _("Part of the petition was withdrawn."),
        "concluded": lambda: _("The decision or answer was issued."),
        "closed": lambda: _("The case was closed."),
        "rated": lambda: _("You rated the handling."),
        "reopened": lambda: _("You said the matter is not resolved; the case was reopened."),
        "marked_duplicate": lambda: _("Your petition is handled together with another petition on the same matter."),
        "split": lambda: _("The petition was split into separate petitions, each handled on its own."),
    }
    text = texts.get(event.action)
    if text is not None:
        return str(text())
    return _("The status changed to: %(status)s.") % {"status": _choice_label(Status, event.to_status)}


def officer_label(action: str) -> str:
    labels = {
        "received": _("Received"),
        "classified": _("Classified"),
        "accepted": _("Accepted for resolution"),
        "forwarded": _("Forwarded"),
        "acknowledged": _("Forwarded petition acknowledged"),
        "guided": _("Guidance sent"),
        "archived": _("Archived, not accepted"),
        "inspection_lead": _("Recorded as information for inspection"),
        "verification_started": _("Verification started"),
        "assigned": _("Handler assigned"),
        "dialogue_held": _("Dialogue held"),
        "extended": _("Time limit extended"),
        "suspended": _("Suspended"),
        "resumed": _("Resumed"),
        "withdrawn": _("Withdrawn"),
        "partly_withdrawn": _("Partly withdrawn"),
        "concluded": _("Concluded"),
        "closed": _("Closed"),
        "rated": _("Rated by the citizen"),
        "reopened": _("Reopened by the citizen"),
        "marked_duplicate": _("Marked as a duplicate"),
        "duplicate_attached": _("A duplicate copy was attached"),
        "linked": _("Linked to a related petition"),
        "split": _("Split into separate petitions"),
        "note": _("Internal note"),
    }
    return str(labels.get(action, action))


def officer_details(event: CaseEvent) -> list[str]:
    """The facts an event recorded, in words (never a denouncer's identity: the services keep it out)."""
    data, details = event.data or {}, []
    if event.action == "classified":
        details.append(_("eligible") if data.get("eligible") else _("not eligible"))
        details.append(_("within competence") if data.get("within_competence") else _("outside competence"))
    if "ground" in data:
        details.append(archive_ground_label(data["ground"]))
    if "outcome" in data:
        details.append(_("Outcome: %(outcome)s") % {"outcome": _choice_label(Outcome, data["outcome"])})
    if "complexity" in data:
        details.append(_choice_label(Complexity, data["complexity"]))
    if data.get("due_on"):
        details.append(
            _("New due date: %(date)s") % {"date": dt.date.fromisoformat(data["due_on"]).strftime("%d/%m/%Y")}
        )
    if "competent_body" in data:
        details.append(_("Competent body: %(body)s") % {"body": data["competent_body"]})
    if "canonical" in data:
        details.append(_("Handled with %(code)s") % {"code": data["canonical"]})
    if "duplicate" in data:
        details.append(_("Copy: %(code)s") % {"code": data["duplicate"]})
    if "other" in data:
        details.append(_("Related to %(code)s") % {"code": data["other"]})
    if "parts" in data:
        details.append(_("Parts: %(codes)s") % {"codes": ", ".join(data["parts"])})
    if "rating" in data:
        details.append(_("Rating: %(rating)s/5") % {"rating": data["rating"]})
    if event.action == "forwarded" and event.organization is not None:
        details.append(_("To: %(org)s") % {"org": event.organization.name})
    return details


def kind_label(petition: Petition) -> str:
    if petition.complaint_round == 2:
        return _("Complaint (second time)")
    if petition.complaint_round == 1:
        return _("Complaint (first time)")
    return str(petition.get_kind_display())
