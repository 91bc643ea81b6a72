from __future__ import annotations

from ninja import Schema

from danvan.accounts.models import Role


class MembershipOut(Schema):
    id: int
    organization_id: int
    organization_name: str
    role: str
    is_active: bool


class MeOut(Schema):
    id: int
    username: str
    full_name: str
    is_officer: bool
    memberships: list[MembershipOut]


class OrganizationOut(Schema):
    id: int
    name: str
    short_name: str
    kind: str
    unit_id: int
    unit_name: str
    province_id: int | None


class MemberIn(Schema):
    username: str
    role: Role


class MemberOut(Schema):
    id: int
    user_id: int
    username: str
    full_name: str
    role: str
    is_active: bool
