import datetime as dt

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings

from danvan.accounts.models import Membership, Organization, OrganizationKind, Role, User
from danvan.audit.selectors import audit_chain_problems
from danvan.communities.models import Community, Household
from danvan.communities.selectors import household_count
from danvan.geography.models import AdministrativeUnit, Era, Level
from danvan.portal import demo


@pytest.fixture
def var_dir(settings, tmp_path, monkeypatch):
    settings.VAR_DIR = tmp_path
    # The petitions have their own test (test_demo_cases): here, only the province and the accounts.
    monkeypatch.setattr(demo, "demo_cases_load", lambda demo, *, step: None)
    return tmp_path


@pytest.mark.django_db
def test_demo_load_builds_a_real_province_and_one_account_per_role(var_dir, capsys):
    call_command("demo_load")
    out = capsys.readouterr().out
    province = AdministrativeUnit.objects.get(era=Era.CURRENT, level=Level.PROVINCE, code="12")
    assert province.name == "Tỉnh Lai Châu"
    assert AdministrativeUnit.objects.filter(province=province, level=Level.COMMUNE).count() == 38
    orgs = Organization.objects.filter(is_demo=True)
    assert orgs.filter(unit=province).count() == 10
    assert orgs.exclude(unit=province).values("unit").distinct().count() == 3
    roles = set(Membership.objects.filter(user__is_demo=True).values_list("role", flat=True))
    assert roles == set(Role.values)
    # the citizen, the village head and the head of the village Front work committee
    assert User.objects.filter(is_demo=True, memberships__isnull=True).count() == 3
    commune = orgs.get(kind=OrganizationKind.FATHERLAND_FRONT, unit__code="03408")
    assert set(commune.children.values_list("kind", flat=True)) == {
        OrganizationKind.FARMERS_UNION,
        OrganizationKind.WOMENS_UNION,
        OrganizationKind.YOUTH_UNION,
        OrganizationKind.VETERANS_ASSOCIATION,
        OrganizationKind.PEOPLES_INSPECTION_BOARD,
        OrganizationKind.COMMUNITY_INVESTMENT_BOARD,
    }
    assert orgs.get(kind=OrganizationKind.MASS_MOBILIZATION_BOARD, unit__code="03408").parent.kind == "party_committee"
    # villages and residential groups, a few hundred households, a merger on 1 July 2025
    assert Community.objects.filter(is_demo=True).count() == 16
    assert 250 <= Household.objects.filter(left_on__isnull=True).count() <= 500
    merged = Community.objects.get(successor__isnull=False)
    assert merged.valid_to == dt.date(2025, 6, 30)
    assert household_count(merged, on=dt.date(2025, 6, 30)) > 0
    assert household_count(merged, on=dt.date(2025, 7, 1)) == 0
    accounts_file = (var_dir / "demo-accounts.txt").read_text(encoding="utf-8")
    for username in ("demo.tiepdan", "demo.chutich", "demo.thanhtra", "demo.hethong", "demo.congdan"):
        assert username in out
        assert username in accounts_file
    # Printed passwords work.
    line = next(row for row in accounts_file.splitlines() if row.startswith("demo.tiepdan "))
    password = line.split()[1]
    assert User.objects.get(username="demo.tiepdan").check_password(password)
    remote = AdministrativeUnit.objects.get(era=Era.CURRENT, level=Level.COMMUNE, code="03445")
    assert remote.is_remote
    assert list(audit_chain_problems()) == []


@pytest.mark.django_db
def test_demo_load_once_is_idempotent(var_dir, capsys):
    call_command("demo_load", "--once")
    users = User.objects.count()
    call_command("demo_load", "--once")
    assert User.objects.count() == users
    assert capsys.readouterr().out.count("demo.hethong") == 2
    with pytest.raises(CommandError, match="already loaded"):
        call_command("demo_load")


@pytest.mark.django_db
@override_settings(DANVAN_ALLOW_DEMO_DATA=False)
def test_demo_data_is_refused_where_not_allowed(var_dir):
    with pytest.raises(CommandError, match="DANVAN_ALLOW_DEMO_DATA"):
        call_command("demo_load", "--once")
    assert not User.objects.exists()
    assert not Organization.objects.exists()
