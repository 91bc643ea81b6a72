"""The search API (``/api/search/``): full-text search over the petitions the user may see, and the
duplicate candidates of a petition. Read-only; the same selectors and rules as the HTML pages.
Session (past TOTP) or ``Authorization: Bearer <API token>``, like the petitions API."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from danvan.accounts.access import user_auth
from danvan.accounts.models import User
from danvan.accounts.tokens import token_auth
from danvan.cases.models import Petition
from danvan.cases.schemas import PetitionListOut
from danvan.cases.selectors import petition_get_for_user, subjects_for_user
from danvan.core.api import AUTH_ERRORS
from danvan.search.backends import COUNT_CAP
from danvan.search.duplicates import duplicate_candidates
from danvan.search.selectors import MAX_LIMIT, MAX_OFFSET, search_petitions
from danvan.search.text import MAX_QUERY_CHARS

router = Router(tags=["search"], auth=[token_auth, user_auth])


def _user(request: HttpRequest) -> User:
    user = request.auth  # type: ignore[attr-defined]
    assert isinstance(user, User)
    return user


class SearchQuery(Schema):
    q: str = Field("", description='Words, "a phrase", prefix*; accents optional. Any text is accepted.')
    limit: int = Field(50, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0, le=MAX_OFFSET)


MASKED_SUBJECT = "_danvan_search_subject"  # set on each result row by petition_search


class SearchItemOut(PetitionListOut):
    """A petition of the results; ``subject`` as the user may read it (a denouncer's identity concealed)."""

    @staticmethod
    def resolve_subject(obj: Petition, context: dict[str, Any] | None = None) -> str:
        return str(getattr(obj, MASKED_SUBJECT))  # masked for the whole page at once by petition_search


class SearchOut(Schema):
    total: int = Field(description=f"Matches counted; stops at {COUNT_CAP:,} (then `capped` is true)")
    capped: bool
    fuzzy: bool = Field(description='Nothing matched exactly: these are near-misses ("did you mean")')
    items: list[SearchItemOut]


class CandidateOut(Schema):
    """One earlier petition that may be the same matter. ``id``, ``subject`` and ``status`` are null when
    the user may not open it (another organisation's petition): the rest is all such a stub shows.
    ``subject`` conceals a denouncer's identity from who may not see it."""

    tracking_code: str
    organization: str
    received_on: dt.date
    score: float
    likely_duplicate: bool
    reasons: list[str]
    codes: list[str] = Field(description="content, pid, phone, name, decision, respondent, location")
    id: int | None
    subject: str | None
    status: str | None


@router.get(
    "/petitions", response={200: SearchOut, **AUTH_ERRORS}, summary="Search the petitions in the user's jurisdiction"
)
def petition_search(request: HttpRequest, query: Query[SearchQuery]) -> dict[str, Any]:
    user = _user(request)
    if not user.has_perm("cases.view_inbox"):
        raise PermissionDenied
    text = query.q.replace("\x00", "")[:MAX_QUERY_CHARS]
    result = search_petitions(user=user, query=text, limit=query.limit, offset=query.offset)
    subjects = subjects_for_user(user=user, petitions=result.items)
    for petition in result.items:  # read by SearchItemOut.resolve_subject; the rows are this request's own
        setattr(petition, MASKED_SUBJECT, subjects[petition.pk])
    # A dict, not SearchOut(...): ninja validates it against the schema, so the resolvers read each row.
    return {"total": result.total, "capped": result.capped, "fuzzy": result.fuzzy, "items": result.items}


@router.get(
    "/petitions/{petition_id}/candidates",
    response={200: list[CandidateOut], **AUTH_ERRORS},
    summary="Earlier petitions that may be duplicates of this one (from the whole province)",
)
def petition_candidates(
    request: HttpRequest, petition_id: int, limit: int = Query(10, ge=1, le=50)
) -> list[CandidateOut]:
    user = _user(request)
    petition = petition_get_for_user(user=user, petition_id=petition_id)
    if not user.has_perm("cases.process_petition", petition):
        raise PermissionDenied
    candidates = duplicate_candidates(user=user, petition=petition, limit=limit)
    subjects = subjects_for_user(user=user, petitions=[c.petition for c in candidates if c.petition is not None])
    return [
        CandidateOut(
            tracking_code=c.tracking_code,
            organization=c.organization,
            received_on=c.received_on,
            score=c.score,
            likely_duplicate=c.likely_duplicate,
            reasons=c.reasons,
            codes=c.codes,
            id=c.petition.pk if c.petition is not None else None,
            subject=subjects[c.petition_id] if c.petition is not None else None,
            status=c.petition.status if c.petition is not None else None,
        )
        for c in candidates
    ]
