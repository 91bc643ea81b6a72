"""Demo data: one real province (Lai Châu) with its real communes, the organisations of the province
and of three communes, one demo account per role, and about a hundred petitions with their reception
register, dialogues, a complex case and a hotspot (danvan.portal.demo_cases, demo_reception). Never loaded
where DANVAN_ALLOW_DEMO_DATA is off."""

from __future__ import annotations

import random
import secrets
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from danvan.accounts.models import Organization, OrganizationKind, Role, User
from danvan.accounts.services import membership_add, organization_create, user_create
from danvan.cases.models import Category
from danvan.geography.models import AdministrativeUnit, Era, Level
from danvan.geography.services import geography_load, unit_set_remote
from danvan.portal import demo_communities, demo_reception
from danvan.portal.demo_cases import DEMO_SEED, Demo, current, history

DEMO_PROVINCE_CODE = "12"  # Tỉnh Lai Châu
DEMO_COMMUNE_CODES = ["03408", "03549", "03445"]  # Phường Tân Phong, Xã Phong Thổ, Xã Mường Tè
DEMO_REMOTE_COMMUNE = "03445"

# In this order: a parent (the Party committee, the Fatherland Front) comes before its members.
PROVINCE_ORGS = [
    (OrganizationKind.PARTY_COMMITTEE, "Tỉnh ủy {p}", "Tỉnh ủy"),
    (OrganizationKind.PEOPLES_COUNCIL, "Hội đồng nhân dân tỉnh {p}", "HĐND tỉnh"),
    (OrganizationKind.PROVINCIAL_COMMITTEE, "Ủy ban nhân dân tỉnh {p}", "UBND tỉnh"),
    (OrganizationKind.MASS_MOBILIZATION_BOARD, "Ban Tuyên giáo và Dân vận Tỉnh ủy {p}", "Ban TG&DV"),
    (OrganizationKind.FATHERLAND_FRONT, "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh {p}", "UBMTTQ tỉnh"),
    (OrganizationKind.TRADE_UNION, "Liên đoàn Lao động tỉnh {p}", "LĐLĐ tỉnh"),
    (OrganizationKind.NATIONAL_ASSEMBLY_DELEGATION, "Đoàn đại biểu Quốc hội tỉnh {p}", "Đoàn ĐBQH tỉnh"),
    (OrganizationKind.INSPECTORATE, "Thanh tra tỉnh {p}", "Thanh tra tỉnh"),
    (OrganizationKind.DEPARTMENT, "Sở Nông nghiệp và Môi trường tỉnh {p}", "Sở NN&MT"),
    (OrganizationKind.POLICE, "Công an tỉnh {p}", "CA tỉnh"),
]
COMMUNE_ORGS = [
    (OrganizationKind.PARTY_COMMITTEE, "Đảng ủy {c}", "Đảng ủy"),
    (OrganizationKind.PEOPLES_COUNCIL, "Hội đồng nhân dân {c}", "HĐND"),
    (OrganizationKind.COMMUNE_COMMITTEE, "Ủy ban nhân dân {c}", "UBND"),
    (OrganizationKind.MASS_MOBILIZATION_BOARD, "Ban Tuyên giáo và Dân vận Đảng ủy {c}", "Ban TG&DV"),
    (OrganizationKind.FATHERLAND_FRONT, "Ủy ban Mặt trận Tổ quốc Việt Nam {c}", "UBMTTQ"),
    (OrganizationKind.FARMERS_UNION, "Hội Nông dân {c}", "Hội ND"),
    (OrganizationKind.WOMENS_UNION, "Hội Liên hiệp Phụ nữ {c}", "Hội LHPN"),
    (OrganizationKind.YOUTH_UNION, "Đoàn Thanh niên Cộng sản Hồ Chí Minh {c}", "Đoàn TN"),
    (OrganizationKind.VETERANS_ASSOCIATION, "Hội Cựu chiến binh {c}", "Hội CCB"),
    (OrganizationKind.PEOPLES_INSPECTION_BOARD, "Ban Thanh tra nhân dân {c}", "Ban TTND"),
    (OrganizationKind.COMMUNITY_INVESTMENT_BOARD, "Ban Giám sát đầu tư của cộng đồng {c}", "Ban GSĐTCCĐ"),
    (OrganizationKind.POLICE, "Công an {c}", "CA"),
]
# Whose member or part each organisation is (``Organization.parent``), within its own level.
PARENT_KIND = {
    OrganizationKind.MASS_MOBILIZATION_BOARD: OrganizationKind.PARTY_COMMITTEE,
    OrganizationKind.FARMERS_UNION: OrganizationKind.FATHERLAND_FRONT,
    OrganizationKind.WOMENS_UNION: OrganizationKind.FATHERLAND_FRONT,
    OrganizationKind.YOUTH_UNION: OrganizationKind.FATHERLAND_FRONT,
    OrganizationKind.VETERANS_ASSOCIATION: OrganizationKind.FATHERLAND_FRONT,
    OrganizationKind.TRADE_UNION: OrganizationKind.FATHERLAND_FRONT,
    OrganizationKind.PEOPLES_INSPECTION_BOARD: OrganizationKind.FATHERLAND_FRONT,
    OrganizationKind.COMMUNITY_INVESTMENT_BOARD: OrganizationKind.FATHERLAND_FRONT,
}


@dataclass(frozen=True)
class DemoAccount:
    username: str
    full_name: str
    role: str | None  # None: a citizen account
    where: str  # "province" or a commune index (0, 1, 2)
    org_kind: str | None


DEMO_ACCOUNTS = [
    DemoAccount("demo.tiepdan", "Lò Thị Hoa", Role.RECEPTION_OFFICER, "0", OrganizationKind.COMMUNE_COMMITTEE),
    DemoAccount("demo.xuly", "Vàng A Sử", Role.CASE_HANDLER, "0", OrganizationKind.COMMUNE_COMMITTEE),
    DemoAccount("demo.chutich", "Tòng Văn Minh", Role.UNIT_HEAD, "0", OrganizationKind.COMMUNE_COMMITTEE),
    DemoAccount("demo.thanhtra", "Nguyễn Thị Lan", Role.INSPECTOR, "province", OrganizationKind.INSPECTORATE),
    DemoAccount("demo.mttq", "Lường Văn Dũng", Role.MASS_ORG_OFFICER, "0", OrganizationKind.FATHERLAND_FRONT),
    DemoAccount("demo.quantri", "Trần Văn Hùng", Role.ORG_ADMIN, "0", OrganizationKind.COMMUNE_COMMITTEE),
    DemoAccount("demo.hethong", "Phạm Thu Trang", Role.SYSTEM_ADMIN, "province", OrganizationKind.PROVINCIAL_COMMITTEE),
    DemoAccount("demo.tiepdan2", "Giàng Thị Mỷ", Role.RECEPTION_OFFICER, "1", OrganizationKind.COMMUNE_COMMITTEE),
    DemoAccount("demo.bithu", "Lò Văn Thắng", Role.PARTY_SECRETARY, "0", OrganizationKind.PARTY_COMMITTEE),
    DemoAccount("demo.thuky", "Lường Thị Xuân", Role.SECRETARY, "0", OrganizationKind.PEOPLES_INSPECTION_BOARD),
    DemoAccount("demo.congdan", "Lù Văn Páo", None, "0", None),
]


# Second posts held concurrently: the Party secretary chairs the People's Council; the MTTQ officer is its
# vice-chairman.
CONCURRENT_POSTS = [
    ("demo.bithu", Role.CHAIRMAN, "0", OrganizationKind.PEOPLES_COUNCIL),
    ("demo.mttq", Role.VICE_CHAIRMAN, "0", OrganizationKind.FATHERLAND_FRONT),
]


@dataclass(frozen=True)
class DemoCredential:
    username: str
    password: str
    full_name: str
    description: str


def demo_is_loaded() -> bool:
    return User.objects.filter(is_demo=True).exists()


def _short_place(unit: AdministrativeUnit) -> str:
    # "Xã Phong Thổ" → "xã Phong Thổ", as it stands inside an organisation's name.
    return unit.name[:1].lower() + unit.name[1:]


@transaction.atomic
def demo_load(*, progress: Callable[[str], None] | None = None) -> list[DemoCredential]:
    if not settings.DANVAN_ALLOW_DEMO_DATA:
        raise RuntimeError("Demo data is disabled here (DANVAN_ALLOW_DEMO_DATA is off).")

    def step(label: str) -> None:
        if progress is not None:
            progress(label)

    if AdministrativeUnit.objects.filter(era=Era.CURRENT, level=Level.COMMUNE).count() < 3321:
        geography_load()
    step("geography")
    province = AdministrativeUnit.objects.get(era=Era.CURRENT, level=Level.PROVINCE, code=DEMO_PROVINCE_CODE)
    province_short = province.name.removeprefix("Tỉnh ").removeprefix("Thành phố ")
    communes = [
        AdministrativeUnit.objects.get(era=Era.CURRENT, level=Level.COMMUNE, code=code) for code in DEMO_COMMUNE_CODES
    ]

    orgs: dict[tuple[str, str], Organization] = {}
    for kind, pattern, short in PROVINCE_ORGS:
        parent_kind = PARENT_KIND.get(kind)
        orgs[("province", kind)] = organization_create(
            actor=None,
            name=pattern.format(p=province_short),
            short_name=short,
            kind=kind,
            unit=province,
            parent=orgs[("province", parent_kind)] if parent_kind else None,
            is_demo=True,
        )
    for index, commune in enumerate(communes):
        for kind, pattern, short in COMMUNE_ORGS:
            if kind == OrganizationKind.COMMUNE_COMMITTEE:
                parent: Organization | None = orgs[("province", OrganizationKind.PROVINCIAL_COMMITTEE)]
            else:
                parent_kind = PARENT_KIND.get(kind)
                parent = orgs[(str(index), parent_kind)] if parent_kind else None
            orgs[(str(index), kind)] = organization_create(
                actor=None,
                name=pattern.format(c=_short_place(commune)),
                short_name=f"{short} {commune.name}",
                kind=kind,
                unit=commune,
                parent=parent,
                is_demo=True,
            )
    step("organisations")

    credentials = []
    for account in DEMO_ACCOUNTS:
        password = f"demo-{secrets.token_urlsafe(9)}"
        user = user_create(
            actor=None,
            username=account.username,
            password=password,
            full_name=account.full_name,
            email=f"{account.username}@demo.danvan.invalid",
            is_demo=True,
        )
        if account.role is not None and account.org_kind is not None:
            org = orgs[(account.where, account.org_kind)]
            membership_add(actor=None, organization=org, user=user, role=account.role)
            description = f"{Role(account.role).label} — {org.name}"
        else:
            description = "Công dân (citizen account, no role)"
        for username, role, where, kind in CONCURRENT_POSTS:
            if username == account.username:
                membership_add(actor=None, organization=orgs[(where, kind)], user=user, role=role)
                description = f"{description}; {Role(role).label} — {orgs[(where, kind)].name}"
        credentials.append(DemoCredential(account.username, password, account.full_name, str(description)))
    step("accounts")
    village_accounts = demo_communities.communities_load(communes=communes, rng=random.Random(DEMO_SEED))  # noqa: S311
    credentials += [DemoCredential(*account) for account in village_accounts]
    step("villages and households")

    admin = User.objects.get(username="demo.hethong")
    remote = AdministrativeUnit.objects.get(era=Era.CURRENT, level=Level.COMMUNE, code=DEMO_REMOTE_COMMUNE)
    unit_set_remote(
        actor=admin, unit=remote, is_remote=True, basis="Dữ liệu minh họa (demo) — không phải căn cứ pháp lý"
    )
    step("remote flag")
    demo = Demo(
        today=timezone.localdate(),
        rng=random.Random(DEMO_SEED),  # noqa: S311 (reproducible demo data, no secret)
        province=province,
        communes=[AdministrativeUnit.objects.get(pk=c.pk) for c in communes],  # with the remote flag
        orgs=orgs,
        users={u.username: u for u in User.objects.filter(is_demo=True)},
        categories={c.code: c for c in Category.objects.all()},
    )
    demo_cases_load(demo, step=step)
    return credentials


# The steps of demo_load, for a progress bar.
DEMO_STEPS = 11


def demo_cases_load(demo: Demo, *, step: Callable[[str], None]) -> None:
    """The petitions (danvan.portal.demo_cases), the reception register, the complex case, the hotspot scan
    and the search index (danvan.portal.demo_reception)."""
    earlier = history(demo)
    step("petitions: history")
    current(demo, earlier)
    step("petitions: current")
    demo_reception.reception_load(demo)
    step("reception")
    demo_reception.complex_load(demo)
    step("complex case")
    demo_reception.hotspots_load(demo)
    step("hotspots")
    demo_reception.index_load()
    step("search index")
