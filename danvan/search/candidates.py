"""Reads behind the duplicate-candidates panels: the candidates of a petition with what the officer can do
with each, and the check that lets the case actions accept a candidate from another organisation.

A candidate the user may not open stays a stub here too: its tracking code, organisation, date, score
and reasons, and the tracking code of the case that handles it when it is itself a copy. Never its
content, its subject or anyone's identity. Such a petition may be marked or linked only when the detector
calls it a likely duplicate on content or same-person evidence (``Candidate.confirmable``): never on the
respondent, a decision or a place alone, which anybody can type into a made-up petition.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q

from danvan.accounts.models import User
from danvan.cases.models import Petition, PetitionLink, Status
from danvan.cases.models.choices import OPEN_STATUSES
from danvan.cases.selectors import petition_list_for_user, subjects_for_user
from danvan.search.duplicates import Candidate, duplicate_candidates

PANEL_LIMIT = 10
# The case actions re-run the detector to accept a candidate's code: a wider net than the panel, so that
# a candidate shown a moment ago is still accepted after the index moved a little.
ACCEPT_LIMIT = 100
DUPLICATE_STATUSES = OPEN_STATUSES | {Status.FORWARDED}


class State:
    NONE = ""
    CANONICAL = "canonical"  # this petition is already a copy of the candidate (or of its case)
    COPY = "copy"  # the candidate is already a copy of this petition
    LINKED = "linked"  # already linked as related


@dataclass(frozen=True)
class CandidateRow:
    candidate: Candidate
    percent: int
    target_code: str  # what "mark as a duplicate" points to: the candidate, or the case handling it
    handled_in: str  # the case handling the candidate when the candidate is itself a copy, else ""
    state: str
    may_mark_duplicate: bool
    may_link: bool
    subject: str = ""  # of a candidate the user may open, as the user may read it (a denouncer concealed)
    needs_likely: bool = False  # another organisation's petition, too weak to be marked or linked


def _may_become_copy(petition: Petition) -> bool:
    """What ``links.petition_mark_duplicate`` accepts for the petition itself."""
    return (
        petition.status in DUPLICATE_STATUSES
        and petition.canonical_id is None
        and not Petition.objects.filter(canonical=petition).exists()
    )


def candidate_rows(*, user: User, petition: Petition, limit: int = PANEL_LIMIT) -> list[CandidateRow]:
    """The candidates of a saved petition for the case page panel (the user may process the petition)."""
    candidates = duplicate_candidates(user=user, petition=petition, limit=limit)
    ids = [c.petition_id for c in candidates]
    canonical_of = {
        pk: (canonical_id, code)
        for pk, canonical_id, code in Petition.objects.filter(pk__in=ids).values_list(
            "pk", "canonical_id", "canonical__tracking_code"
        )
    }
    links = PetitionLink.objects.filter(
        Q(from_petition=petition, to_petition_id__in=ids) | Q(to_petition=petition, from_petition_id__in=ids)
    ).values_list("from_petition_id", "to_petition_id")
    linked = {pk for pair in links for pk in pair} - {petition.pk}
    may_become_copy = _may_become_copy(petition)
    handling_ids = {canonical_id for canonical_id, _code in canonical_of.values() if canonical_id is not None}
    visible_handling = (
        set(petition_list_for_user(user=user).filter(pk__in=handling_ids).values_list("pk", flat=True))
        if handling_ids
        else set()
    )
    subjects = subjects_for_user(user=user, petitions=[c.petition for c in candidates if c.petition is not None])
    rows = []
    for c in candidates:
        canonical_id, canonical_code = canonical_of.get(c.petition_id, (None, None))
        # What ``candidate_by_code`` accepts: a petition the user may open, or a confirmable candidate.
        may_target = c.confirmable or (
            canonical_id in visible_handling if canonical_id is not None else c.petition is not None
        )
        may_take = c.confirmable or c.petition is not None
        if petition.canonical_id is not None and petition.canonical_id in (c.petition_id, canonical_id):
            state = State.CANONICAL
        elif canonical_id == petition.pk:
            state = State.COPY
        elif c.petition_id in linked:
            state = State.LINKED
        else:
            state = State.NONE
        rows.append(
            CandidateRow(
                candidate=c,
                percent=round(c.score * 100),
                target_code=canonical_code or c.tracking_code,
                handled_in=canonical_code or "",
                state=state,
                may_mark_duplicate=may_become_copy and state == State.NONE and may_target,
                may_link=state == State.NONE and may_take,
                subject=subjects.get(c.petition_id, ""),
                needs_likely=state == State.NONE and not may_take,
            )
        )
    return rows


def candidate_by_code(*, user: User, petition: Petition, code: str) -> Petition | None:
    """The petition with tracking code ``code`` if the detector lists it as a candidate of ``petition``
    for ``user``, or it is the case handling such a candidate; else ``None``.

    This is what lets an officer link a petition of another organisation of the province that they may
    not open: only what the detector put in front of them, with its reasons, never any code they type; and
    only a likely duplicate on content or same-person evidence (``Candidate.confirmable``), never one found
    through the respondent, a decision or a place alone. Petitions the user may open are unaffected.
    """
    code = code.strip().upper()
    target = Petition.objects.filter(tracking_code=code).only("pk").first() if code else None
    if target is None or target.pk == petition.pk:
        return None
    candidates = duplicate_candidates(user=user, petition=petition, limit=ACCEPT_LIMIT)
    if not petition_list_for_user(user=user).filter(pk=target.pk).exists():
        candidates = [c for c in candidates if c.confirmable]
    ids = [c.petition_id for c in candidates]
    if target.pk in ids or Petition.objects.filter(pk__in=ids, canonical_id=target.pk).exists():
        return Petition.objects.select_related("handling_organization", "unit").get(pk=target.pk)
    return None
