"""Writes: communities and their history, the household register (one by one, moves, imports, exports)
and community roles. Every write runs in one transaction with its audit row."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.utils import timezone

from danvan.accounts.models import User
from danvan.audit.services import audit_record
from danvan.communities.errors import CommunityErrorCode, community_error
from danvan.communities.fields import HouseholdData
from danvan.communities.models import (
    ChangeKind,
    Community,
    CommunityChange,
    CommunityKind,
    CommunityRole,
    CommunityRoleKind,
    Household,
)
from danvan.communities.tables import RowError, check_rows, read_table, write_xlsx
from danvan.core.text import fold, normalize
from danvan.geography.models import AdministrativeUnit, Level

ONE_DAY = dt.timedelta(days=1)


# --- Communities ----------------------------------------------------------------------------------------


def _name_taken(commune: AdministrativeUnit, name: str, *, exclude: Community | None = None) -> bool:
    others = Community.objects.filter(commune=commune, name_folded=fold(name), valid_to__isnull=True)
    if exclude is not None:
        others = others.exclude(pk=exclude.pk)
    return others.exists()


@transaction.atomic
def community_create(
    *,
    actor: User | None,
    commune: AdministrativeUnit,
    kind: str,
    name: str,
    cluster: str = "",
    valid_from: dt.date | None = None,
    basis: str = "",
    is_demo: bool = False,
) -> Community:
    if commune.level != Level.COMMUNE or not commune.is_current:
        raise community_error(CommunityErrorCode.NOT_A_COMMUNE)
    name = normalize(name)
    if not name:
        raise community_error(CommunityErrorCode.NAME_MISSING)
    if not CommunityKind.objects.filter(code=kind, is_active=True).exists():
        raise community_error(CommunityErrorCode.KIND_INVALID)
    if _name_taken(commune, name):
        raise community_error(CommunityErrorCode.NAME_TAKEN)
    community = Community.objects.create(
        commune=commune,
        kind_id=kind,
        name=name,
        name_folded=fold(name),
        cluster=normalize(cluster),
        valid_from=valid_from,
        is_demo=is_demo,
    )
    if valid_from is not None:
        CommunityChange.objects.create(
            community=community, kind=ChangeKind.ESTABLISHED, effective_date=valid_from, new_name=name, basis=basis
        )
    audit_record(
        actor=actor,
        action="communities.community_created",
        target=community,
        data={"commune": commune.code, "kind": kind, "name": name},
    )
    return community


def _check_current(community: Community, on: dt.date) -> None:
    if community.valid_to is not None or (community.valid_from is not None and on < community.valid_from):
        raise community_error(CommunityErrorCode.NOT_CURRENT)


@transaction.atomic
def community_rename(*, actor: User | None, community: Community, name: str, on: dt.date, basis: str = "") -> Community:
    community = Community.objects.select_for_update().get(pk=community.pk)
    _check_current(community, on)
    name = normalize(name)
    if not name:
        raise community_error(CommunityErrorCode.NAME_MISSING)
    if _name_taken(community.commune, name, exclude=community):
        raise community_error(CommunityErrorCode.NAME_TAKEN)
    old = community.name
    community.name, community.name_folded = name, fold(name)
    community.save(update_fields=["name", "name_folded", "updated_at"])
    CommunityChange.objects.create(
        community=community, kind=ChangeKind.RENAMED, effective_date=on, old_name=old, new_name=name, basis=basis
    )
    audit_record(actor=actor, action="communities.community_renamed", target=community, data={"old": old, "new": name})
    return community


def _free_code(into: Community, code: str, source: Community) -> str:
    if not Household.objects.filter(community=into, code=code).exists():
        return code
    prefix = "".join(word[:1] for word in fold(source.name).split()).upper() or str(source.pk)
    candidate = f"{prefix}-{code}"[:30]
    suffix = 2
    while Household.objects.filter(community=into, code=candidate).exists():
        candidate = f"{prefix}{suffix}-{code}"[:30]
        suffix += 1
    return candidate


@transaction.atomic
def community_merge(
    *, actor: User | None, sources: list[Community], into: Community, on: dt.date, basis: str = ""
) -> Community:
    """Merge ``sources`` into ``into`` from ``on``: each source ends the day before, and its households then
    present leave it on ``on`` and join ``into`` the same day (a code already used there gets a prefix)."""
    into = Community.objects.select_for_update().get(pk=into.pk)
    _check_current(into, on)
    moved = 0
    for source in sources:
        source = Community.objects.select_for_update().get(pk=source.pk)
        if source.pk == into.pk:
            raise community_error(CommunityErrorCode.MERGE_INTO_ITSELF)
        if source.commune_id != into.commune_id:
            raise community_error(CommunityErrorCode.MERGE_OTHER_COMMUNE)
        _check_current(source, on)
        if Household.objects.filter(community=source, joined_on__gt=on).exists():
            raise community_error(CommunityErrorCode.BAD_DATE)
        for household in Household.objects.select_for_update().filter(community=source).on(on).order_by("code"):
            _move(household, into, on, _free_code(into, household.code, source))
            moved += 1
        source.valid_to = on - ONE_DAY
        source.successor = into
        source.save(update_fields=["valid_to", "successor", "updated_at"])
        CommunityChange.objects.create(
            community=source, kind=ChangeKind.MERGED, effective_date=on, other=into, old_name=source.name, basis=basis
        )
        audit_record(
            actor=actor,
            action="communities.community_merged",
            target=source,
            data={"into": into.pk, "on": on.isoformat()},
        )
    audit_record(
        actor=actor,
        action="communities.community_merge_received",
        target=into,
        data={"sources": [s.pk for s in sources], "households_moved": moved, "on": on.isoformat()},
    )
    return into


@transaction.atomic
def community_dissolve(*, actor: User | None, community: Community, on: dt.date, basis: str = "") -> Community:
    """Dissolve from ``on`` (its last day is the day before). Its households must have moved out first."""
    community = Community.objects.select_for_update().get(pk=community.pk)
    _check_current(community, on)
    if (
        Household.objects.filter(community=community).on(on).exists()
        or Household.objects.filter(community=community, joined_on__gt=on).exists()
    ):
        raise community_error(CommunityErrorCode.HAS_HOUSEHOLDS)
    community.valid_to = on - ONE_DAY
    community.save(update_fields=["valid_to", "updated_at"])
    CommunityChange.objects.create(
        community=community, kind=ChangeKind.DISSOLVED, effective_date=on, old_name=community.name, basis=basis
    )
    audit_record(actor=actor, action="communities.community_dissolved", target=community, data={"on": on.isoformat()})
    return community


# --- Households -----------------------------------------------------------------------------------------


def _new_household(community: Community, data: HouseholdData) -> Household:
    return Household(
        community=community,
        code=data.code,
        representative_name=data.representative_name,
        representative_folded=fold(data.representative_name),
        representative_personal_id=data.representative_personal_id,
        representative_birth_year=data.representative_birth_year,
        members=data.members,
        address=data.address,
        phone=data.phone,
        joined_on=data.joined_on,
    )


@transaction.atomic
def household_add(*, actor: User | None, community: Community, data: HouseholdData) -> Household:
    _check_current(community, data.joined_on)
    if Household.objects.filter(community=community, code=data.code).exists():
        raise community_error(CommunityErrorCode.CODE_TAKEN)
    household = _new_household(community, data)
    try:
        with transaction.atomic():
            household.save()
    except IntegrityError:
        raise community_error(CommunityErrorCode.CODE_TAKEN) from None
    audit_record(
        actor=actor,
        action="communities.household_added",
        target=household,
        data={"community": community.pk, "code": household.code},
    )
    return household


def _move(household: Household, to: Community, on: dt.date, code: str) -> Household:
    if on < household.joined_on:
        raise community_error(CommunityErrorCode.BAD_DATE)
    if household.left_on is not None:
        raise community_error(CommunityErrorCode.HOUSEHOLD_LEFT)
    arrived = Household.objects.create(
        community=to,
        code=code,
        representative_name=household.representative_name,
        representative_folded=household.representative_folded,
        representative_personal_id=household.representative_personal_id,
        representative_birth_year=household.representative_birth_year,
        members=household.members,
        address=household.address,
        phone=household.phone,
        joined_on=on,
    )
    household.left_on = on
    household.moved_to = arrived
    household.save(update_fields=["left_on", "moved_to", "updated_at"])
    return arrived


@transaction.atomic
def household_move(
    *, actor: User | None, household: Household, to: Community, on: dt.date, code: str | None = None
) -> Household:
    """The household leaves its community on ``on`` and joins ``to`` the same day; the new entry is returned."""
    household = Household.objects.select_for_update().get(pk=household.pk)
    _check_current(to, on)
    code = code or household.code
    if Household.objects.filter(community=to, code=code).exists():
        raise community_error(CommunityErrorCode.CODE_TAKEN)
    arrived = _move(household, to, on, code)
    audit_record(
        actor=actor,
        action="communities.household_moved",
        target=household,
        data={"from": household.community_id, "to": to.pk, "on": on.isoformat(), "new": arrived.pk},
    )
    return arrived


@transaction.atomic
def household_leave(*, actor: User | None, household: Household, on: dt.date) -> Household:
    """The household leaves the community on ``on`` (moved out of the commune, or no longer a household)."""
    household = Household.objects.select_for_update().get(pk=household.pk)
    if household.left_on is not None:
        raise community_error(CommunityErrorCode.HOUSEHOLD_LEFT)
    if on < household.joined_on:
        raise community_error(CommunityErrorCode.BAD_DATE)
    household.left_on = on
    household.save(update_fields=["left_on", "updated_at"])
    audit_record(actor=actor, action="communities.household_left", target=household, data={"on": on.isoformat()})
    return household


# --- Import and export ----------------------------------------------------------------------------------


@dataclass
class ImportResult:
    total: int = 0
    created: int = 0
    errors: list[RowError] = field(default_factory=list)
    saved: bool = False
    skipped_rows: int = 0


@transaction.atomic
def household_import(
    *, actor: User | None, community: Community, filename: str, data: bytes, valid_rows_only: bool = False
) -> ImportResult:
    """Import households from an XLSX or CSV file. With any wrong row nothing is saved, unless the officer
    asked for the valid rows only. The attempt is audited either way (counts only, no personal data).

    A file that cannot be read at all raises ``DomainError(FILE_INVALID)``."""
    community = Community.objects.select_for_update().get(pk=community.pk)
    rows = read_table(data=data, filename=filename)
    existing = Household.objects.filter(community=community).values_list("code", flat=True)
    table = check_rows(rows, existing_codes=list(existing))
    result = ImportResult(total=table.total, errors=table.errors)
    if table.errors and not valid_rows_only:
        audit_record(
            actor=actor,
            action="communities.household_import_rejected",
            target=community,
            data={"file": filename[:100], "rows": table.total, "errors": len(table.errors)},
        )
        return result
    valid = table.valid_rows()
    Household.objects.bulk_create([_new_household(community, d) for _n, d in valid], batch_size=500)
    result.created = len(valid)
    result.skipped_rows = len(table.bad_rows)
    result.saved = True
    audit_record(
        actor=actor,
        action="communities.household_imported",
        target=community,
        data={
            "file": filename[:100],
            "rows": table.total,
            "created": result.created,
            "skipped_rows": result.skipped_rows,
            "valid_rows_only": valid_rows_only,
        },
    )
    return result


@transaction.atomic
def households_export(*, actor: User | None, community: Community, on: dt.date | None = None) -> bytes:
    """The households of ``community`` on ``on`` (default today) as XLSX, formulas neutralised; audited."""
    day = on or timezone.localdate()
    households = Household.objects.filter(community=community).on(day).order_by("code")
    rows = [
        [
            h.code,
            h.representative_name,
            h.representative_personal_id,
            h.representative_birth_year,
            h.members,
            h.address,
            h.phone,
            h.joined_on.strftime("%d/%m/%Y"),
        ]
        for h in households
    ]
    content = write_xlsx(title=community.name, rows=rows)
    audit_record(
        actor=actor,
        action="communities.households_exported",
        target=community,
        data={"on": day.isoformat(), "rows": len(rows)},
    )
    return content


# --- Roles ----------------------------------------------------------------------------------------------


@transaction.atomic
def community_role_assign(
    *,
    actor: User | None,
    user: User,
    community: Community,
    role: str,
    valid_from: dt.date,
    valid_to: dt.date | None = None,
) -> CommunityRole:
    if role not in CommunityRoleKind.values:
        raise community_error(CommunityErrorCode.ROLE_INVALID)
    if valid_to is not None and valid_to < valid_from:
        raise community_error(CommunityErrorCode.BAD_DATE)
    assignment = CommunityRole.objects.create(
        user=user, community=community, role=role, valid_from=valid_from, valid_to=valid_to
    )
    audit_record(
        actor=actor,
        action="communities.role_assigned",
        target=assignment,
        data={"user": user.pk, "community": community.pk, "role": role, "from": valid_from.isoformat()},
    )
    return assignment


@transaction.atomic
def community_role_end(*, actor: User | None, assignment: CommunityRole, on: dt.date) -> CommunityRole:
    """The role ends on ``on`` (its last day)."""
    assignment = CommunityRole.objects.select_for_update().get(pk=assignment.pk)
    if on < assignment.valid_from:
        raise community_error(CommunityErrorCode.BAD_DATE)
    assignment.valid_to = on
    assignment.save(update_fields=["valid_to", "updated_at"])
    audit_record(actor=actor, action="communities.role_ended", target=assignment, data={"on": on.isoformat()})
    return assignment
