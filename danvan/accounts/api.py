from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest
from ninja import Router, Status

from danvan.accounts import services
from danvan.accounts.access import user_auth
from danvan.accounts.errors import AccountErrorCode, account_error
from danvan.accounts.models import Membership, Organization, User
from danvan.accounts.schemas import MemberIn, MemberOut, MembershipOut, MeOut, OrganizationOut
from danvan.accounts.selectors import (
    organization_get_for_user,
    organization_list_for_user,
    organization_members,
    user_is_officer,
    user_memberships,
)
from danvan.accounts.tokens import token_auth
from danvan.core.api import AUTH_ERRORS, ErrorOut

router = Router(tags=["accounts"], auth=[token_auth, user_auth])


def _user(request: HttpRequest) -> User:
    user = request.auth  # type: ignore[attr-defined]
    assert isinstance(user, User)
    return user


def _org_out(org: Organization) -> OrganizationOut:
    return OrganizationOut(
        id=org.pk,
        name=org.name,
        short_name=org.short_name,
        kind=org.kind,
        unit_id=org.unit_id,
        unit_name=org.unit.name,
        province_id=org.unit.province_id,
    )


def _member_out(m: Membership) -> MemberOut:
    return MemberOut(
        id=m.pk,
        user_id=m.user_id,
        username=m.user.username,
        full_name=m.user.full_name,
        role=m.role,
        is_active=m.is_active,
    )


@router.get("/me", response={200: MeOut, **AUTH_ERRORS}, summary="The logged-in user and their roles")
def me(request: HttpRequest) -> MeOut:
    user = _user(request)
    memberships = [
        MembershipOut(
            id=m.pk,
            organization_id=m.organization_id,
            organization_name=m.organization.name,
            role=m.role,
            is_active=m.is_active,
        )
        for m in user_memberships(user=user)
    ]
    return MeOut(
        id=user.pk,
        username=user.username,
        full_name=user.full_name,
        is_officer=user_is_officer(user=user),
        memberships=memberships,
    )


@router.get(
    "/organizations",
    response={200: list[OrganizationOut], **AUTH_ERRORS},
    summary="Organisations in the user's jurisdiction",
)
def organizations(request: HttpRequest) -> list[OrganizationOut]:
    user = _user(request)
    if not user_is_officer(user=user):
        raise PermissionDenied
    return [_org_out(org) for org in organization_list_for_user(user=user).order_by("name")[:1000]]


@router.get(
    "/organizations/{organization_id}", response={200: OrganizationOut, **AUTH_ERRORS}, summary="One organisation"
)
def organization(request: HttpRequest, organization_id: int) -> OrganizationOut:
    return _org_out(organization_get_for_user(user=_user(request), organization_id=organization_id))


@router.get(
    "/organizations/{organization_id}/members",
    response={200: list[MemberOut], **AUTH_ERRORS},
    summary="Members of an organisation",
)
def members(request: HttpRequest, organization_id: int) -> list[MemberOut]:
    org = organization_get_for_user(user=_user(request), organization_id=organization_id)
    return [_member_out(m) for m in organization_members(organization=org)]


@router.post(
    "/organizations/{organization_id}/members",
    response={201: MemberOut, **AUTH_ERRORS, 409: ErrorOut},
    summary="Give a user a role in an organisation",
)
def member_add(request: HttpRequest, organization_id: int, payload: MemberIn) -> Status:
    actor = _user(request)
    org = organization_get_for_user(user=actor, organization_id=organization_id)
    if not actor.has_perm("accounts.manage_members", org):
        raise PermissionDenied
    target = User.objects.filter(username=payload.username.strip(), is_active=True).first()
    if target is None:
        raise account_error(AccountErrorCode.UNKNOWN_USER)
    with transaction.atomic():
        membership = services.membership_add(actor=actor, organization=org, user=target, role=payload.role)
    return Status(201, _member_out(membership))
