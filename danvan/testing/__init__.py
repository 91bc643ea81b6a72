"""Test helpers shared by the root conftest and the browser tests: a small real geography, the
organisations around it and the personas of every permission test (ARCHITECTURE.md §4.8)."""

from __future__ import annotations

from dataclasses import dataclass

from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from danvan.accounts.models import Membership, Organization, OrganizationKind, Role, User
from danvan.accounts.selectors import user_is_officer
from danvan.core.text import fold
from danvan.geography.models import AdministrativeUnit, Era, Kind, Level

PASSWORD = "correct-horse-battery-9"

# "anonymous" is no user at all.
PERSONAS = [
    "anonymous",
    "citizen",
    "officer_same",  # reception officer of commune A (the data's commune)
    "officer_other",  # reception officer of commune B, same province
    "province_inspector",
    "mttq_officer",  # mass-organisation officer of the MTTQ of commune A
    "org_admin",  # organisation administrator of commune A's People's Committee
    "system_admin",
    "head_same",  # head (unit head) of commune A's People's Committee: decides its petitions
    "handler_same",  # case handler of commune A's People's Committee, assigned to the matrix's petitions
]


def make_unit(
    code: str, name: str, level: str, kind: str, province: AdministrativeUnit | None = None
) -> AdministrativeUnit:
    unit, _ = AdministrativeUnit.objects.update_or_create(
        era=Era.CURRENT,
        level=level,
        code=code,
        defaults={
            "name": name,
            "name_folded": fold(name),
            "kind": kind,
            "parent": province,
            "province": province,
        },
    )
    if province is None:
        unit.province = unit
        unit.save(update_fields=["province"])
    return unit


@dataclass
class World:
    province: AdministrativeUnit
    commune_a: AdministrativeUnit
    commune_b: AdministrativeUnit
    other_province: AdministrativeUnit
    other_commune: AdministrativeUnit
    province_committee: Organization
    inspectorate: Organization
    org_a: Organization
    mttq_a: Organization
    org_b: Organization
    org_other: Organization


def build_world() -> World:
    province = make_unit("12", "Tỉnh Lai Châu", Level.PROVINCE, Kind.PROVINCE)
    commune_a = make_unit("03408", "Phường Tân Phong", Level.COMMUNE, Kind.WARD, province)
    commune_b = make_unit("03549", "Xã Phong Thổ", Level.COMMUNE, Kind.COMMUNE, province)
    other_province = make_unit("01", "Thành phố Hà Nội", Level.PROVINCE, Kind.MUNICIPALITY)
    other_commune = make_unit("00004", "Phường Ba Đình", Level.COMMUNE, Kind.WARD, other_province)

    def org(name: str, kind: str, unit: AdministrativeUnit) -> Organization:
        return Organization.objects.create(name=name, kind=kind, unit=unit)

    return World(
        province=province,
        commune_a=commune_a,
        commune_b=commune_b,
        other_province=other_province,
        other_commune=other_commune,
        province_committee=org("Ủy ban nhân dân tỉnh Lai Châu", OrganizationKind.PROVINCIAL_COMMITTEE, province),
        inspectorate=org("Thanh tra tỉnh Lai Châu", OrganizationKind.INSPECTORATE, province),
        org_a=org("Ủy ban nhân dân phường Tân Phong", OrganizationKind.COMMUNE_COMMITTEE, commune_a),
        mttq_a=org("Ủy ban MTTQ Việt Nam phường Tân Phong", OrganizationKind.FATHERLAND_FRONT, commune_a),
        org_b=org("Ủy ban nhân dân xã Phong Thổ", OrganizationKind.COMMUNE_COMMITTEE, commune_b),
        org_other=org("Ủy ban nhân dân phường Ba Đình", OrganizationKind.COMMUNE_COMMITTEE, other_commune),
    )


def make_user(username: str, *, org: Organization | None = None, role: str | None = None) -> User:
    user = User.objects.create_user(
        username=username, password=PASSWORD, full_name=username.title(), email=f"{username}@example.vn"
    )
    if org is not None and role is not None:
        Membership.objects.create(user=user, organization=org, role=role)
    return user


def build_personas(world: World) -> dict[str, User | None]:
    return {
        "anonymous": None,
        "citizen": make_user("citizen"),
        "officer_same": make_user("officer_same", org=world.org_a, role=Role.RECEPTION_OFFICER),
        "officer_other": make_user("officer_other", org=world.org_b, role=Role.RECEPTION_OFFICER),
        "province_inspector": make_user("inspector", org=world.inspectorate, role=Role.INSPECTOR),
        "mttq_officer": make_user("mttq_officer", org=world.mttq_a, role=Role.MASS_ORG_OFFICER),
        "org_admin": make_user("org_admin", org=world.org_a, role=Role.ORG_ADMIN),
        "system_admin": make_user("sysadmin", org=world.province_committee, role=Role.SYSTEM_ADMIN),
        "head_same": make_user("head_same", org=world.org_a, role=Role.UNIT_HEAD),
        "handler_same": make_user("handler_same", org=world.org_a, role=Role.CASE_HANDLER),
    }


def login_client(client: Client, user: User | None) -> Client:
    """Log ``user`` in, past two-factor authentication when the user is an officer."""
    if user is None:
        return client
    client.force_login(user)
    if user_is_officer(user=user):
        device, _ = TOTPDevice.objects.get_or_create(user=user, name="test", defaults={"confirmed": True})
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return client


# What the migrations seeded, serialized by the root conftest right after the test database is created; the
# browser tests restore it after each flush of the live server's database.
SEED_CONTENTS: dict[str, str] = {}

# Rebuilt by a flush itself (post_migrate), with other primary keys: restoring the old rows would clash.
NOT_RESTORED = {"contenttypes.contenttype", "auth.permission"}


def restore_seed_data(alias: str = "default") -> None:
    """Put back what the migrations seeded, after a transactional test emptied the database (rows saved by
    primary key: restoring twice changes nothing)."""
    from django.core import serializers
    from django.db import connections, transaction

    contents = SEED_CONTENTS.get(alias)
    if not contents:
        return
    connection = connections[alias]
    with transaction.atomic(using=alias), connection.constraint_checks_disabled():
        for row in serializers.deserialize("json", contents, using=alias, ignorenonexistent=True):
            if row.object._meta.label_lower not in NOT_RESTORED:
                row.save(using=alias)
