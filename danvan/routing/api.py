"""The routing API (``/api/routing/``): read the suggested category and competent organisation of a
petition. Reading only; an officer decides and acts in the petitions module. Session (past TOTP) or
``Authorization: Bearer <API token>``, as the petitions API."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from ninja import Router

from danvan.accounts.access import user_auth
from danvan.accounts.models import User
from danvan.accounts.tokens import token_auth
from danvan.cases.selectors import petition_get_for_user
from danvan.core.api import AUTH_ERRORS
from danvan.routing.schemas import CategoryRef, DecisionOut, OrganizationRef, RuleOut, SuggestionOut
from danvan.routing.selectors import suggest_routing, suggestion_history

router = Router(tags=["routing"], auth=[token_auth, user_auth])


def _user(request: HttpRequest) -> User:
    user = request.auth  # type: ignore[attr-defined]
    assert isinstance(user, User)
    return user


@router.get(
    "/petitions/{petition_id}/suggestion",
    response={200: SuggestionOut, **AUTH_ERRORS},
    summary="Suggested category and competent organisation of a petition",
    description=(
        "The category comes from the text classifier when a trained model is confident enough, the "
        "organisation from the competence rules (with their citation). It is a suggestion: nothing changes "
        "until an officer classifies or forwards the petition."
    ),
)
def petition_suggestion(request: HttpRequest, petition_id: int) -> SuggestionOut:
    user = _user(request)
    petition = petition_get_for_user(user=user, petition_id=petition_id)
    if not user.has_perm("routing.view_suggestion", petition):
        raise PermissionDenied
    s = suggest_routing(petition)
    return SuggestionOut(
        petition_id=petition.pk,
        category=CategoryRef(code=s.category.code, name=s.category.name) if s.category else None,
        organization=OrganizationRef(id=s.organization.pk, name=s.organization.name) if s.organization else None,
        explanation=s.explanation,
        confidence=s.confidence,
        source=s.source,
        model_version=s.model_version,
        respondent=s.respondent,
        resolver=s.resolver,
        on_platform=s.on_platform,
        already_there=s.already_there,
        rule=RuleOut(
            code=s.rule.code,
            citation=s.rule.citation,
            certainty=s.rule.certainty,
            effective_from=s.rule.effective_from,
        )
        if s.rule
        else None,
        decisions=[
            DecisionOut(
                decision=row.decision,
                decided_at=row.decided_at,
                suggested_category=row.suggested_category.code if row.suggested_category else None,
                suggested_organization_id=row.suggested_organization_id,
                final_category=row.final_category.code if row.final_category else None,
                final_organization_id=row.final_organization_id,
            )
            for row in suggestion_history(petition=petition)[:20]
        ],
    )
