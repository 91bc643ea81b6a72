"""Demo villages and residential groups of the three demo communes, a few hundred invented households (names,
phones, years: invented from a fixed seed), a renamed village, a merger, households that moved, and the
village head and the head of the Front work committee of one village — all through the communities services.

The registers are loaded the way an officer does it: one XLSX file per village through ``household_import``."""

from __future__ import annotations

import datetime as dt
import random
import secrets

from django.utils import timezone

from danvan.accounts.services import user_create
from danvan.communities.models import Community, CommunityKind, CommunityRoleKind, Household
from danvan.communities.services import (
    community_create,
    community_merge,
    community_rename,
    community_role_assign,
    household_import,
    household_move,
)
from danvan.communities.tables import write_xlsx
from danvan.geography.models import AdministrativeUnit, Kind

SINCE = dt.date(2020, 1, 1)
MERGED_ON = dt.date(2025, 7, 1)  # the day the two-level local government started
# (name, cluster) of each commune's villages: a ward has residential groups, a commune its bản.
WARD_GROUPS = [(f"Tổ dân phố số {n}", "Cụm dân cư phía Bắc" if n <= 3 else "Cụm dân cư phía Nam") for n in range(1, 7)]
COMMUNE_VILLAGES = [
    ["Bản Nà Khum", "Bản Pa Vây Sử", "Bản Sì Choang", "Bản Hoang Thèn", "Bản Huổi Luông"],
    ["Bản Nậm Manh", "Bản Pắc Ma", "Bản Mường Tè", "Bản Cang", "Bản Nậm Củm"],
]
FAMILY = ["Lò", "Tòng", "Lường", "Vàng", "Giàng", "Nguyễn", "Trần", "Hoàng", "Đèo", "Quàng", "Tao", "Sùng", "Lý"]
MEN = ["Văn Minh", "Văn Páo", "A Sử", "Văn Thắng", "Văn Dũng", "Đức Anh", "Văn Hùng", "A Lử", "Văn Kiên"]
WOMEN = ["Thị Hoa", "Thị Mỷ", "Thị Lan", "Thị Xuân", "Thị Đào", "Thị Mai", "Thị Hạnh", "Thị Gấm", "Thị Dung"]


def _name(rng: random.Random) -> str:
    return f"{rng.choice(FAMILY)} {rng.choice(MEN if rng.random() < 0.7 else WOMEN)}"


def _register(rng: random.Random, community: Community, count: int, prefix: str) -> bytes:
    rows = []
    for number in range(1, count + 1):
        span = (MERGED_ON - SINCE).days - 1
        joined = SINCE + dt.timedelta(days=rng.randrange(span)) if rng.random() < 0.3 else SINCE
        rows.append(
            [
                f"{prefix}{number:03d}",
                _name(rng),
                "",
                rng.randint(1950, 2002),
                rng.randint(1, 8),
                f"{community.name}, {community.commune.name}",
                f"09{rng.randrange(10**8):08d}",
                joined.strftime("%d/%m/%Y"),
            ]
        )
    return write_xlsx(title=community.name, rows=rows)


def communities_load(*, communes: list[AdministrativeUnit], rng: random.Random) -> list[tuple[str, str, str, str]]:
    """Returns the village accounts as (username, password, full name, description)."""
    villages_of = iter(COMMUNE_VILLAGES)
    made: list[list[Community]] = []
    for commune in communes:
        if commune.kind == Kind.WARD:
            entries = [(CommunityKind.RESIDENTIAL_GROUP, name, cluster) for name, cluster in WARD_GROUPS]
        else:
            entries = [(CommunityKind.BAN, name, "") for name in next(villages_of)]
        made.append(
            [
                community_create(
                    actor=None,
                    commune=commune,
                    kind=kind,
                    name=name,
                    cluster=cluster,
                    valid_from=SINCE,
                    basis="Dữ liệu minh họa (demo)",
                    is_demo=True,
                )
                for kind, name, cluster in entries
            ]
        )
    for communities in made:
        for index, community in enumerate(communities):
            content = _register(rng, community, rng.randint(15, 30), f"{index + 1:02d}-")
            household_import(actor=None, community=community, filename="so-ho-minh-hoa.xlsx", data=content)

    # history: a village renamed, two villages merged on 1 July 2025, a few households moved
    second = made[1]
    community_rename(
        actor=None,
        community=second[4],
        name="Bản Huổi Luông Mới",
        on=dt.date(2023, 3, 1),
        basis="Nghị quyết minh họa số 01/NQ-HĐND",
    )
    community_merge(
        actor=None, sources=[second[3]], into=second[2], on=MERGED_ON, basis="Nghị quyết minh họa số 02/NQ-HĐND"
    )
    moved_on = timezone.localdate() - dt.timedelta(days=20)
    for household in Household.objects.filter(community=second[0], left_on__isnull=True).order_by("code")[:3]:
        household_move(actor=None, household=household, to=second[1], on=moved_on, code=f"CD-{household.code}")

    accounts = []
    village = made[0][0]
    for username, full_name, role in [
        ("demo.truongthon", "Vàng Văn Chinh", CommunityRoleKind.COMMUNITY_HEAD),
        ("demo.mattranthon", "Lò Thị Phương", CommunityRoleKind.FRONT_WORK_COMMITTEE_HEAD),
    ]:
        password = f"demo-{secrets.token_urlsafe(9)}"
        user = user_create(
            actor=None,
            username=username,
            password=password,
            full_name=full_name,
            email=f"{username}@demo.danvan.invalid",
            is_demo=True,
        )
        community_role_assign(actor=None, user=user, community=village, role=role, valid_from=SINCE)
        accounts.append((username, password, full_name, f"{CommunityRoleKind(role).label} — {village.name}"))
    return accounts
