"""The kinds of community are data: the five kinds are seeded with their codes, a kind added as a row (no code
change) can be chosen when a village is created, a retired kind cannot, and the migration keeps every
community's kind forward and backward."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client
from django.utils import translation
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from danvan.accounts.models import User
from danvan.communities.models import Community, CommunityKind
from danvan.communities.services import community_create
from danvan.core.errors import DomainError
from danvan.testing import restore_seed_data

SEEDED = ["thon", "ban", "ap", "buon", "residential_group"]


@pytest.mark.django_db
def test_the_five_kinds_are_seeded_with_their_citation() -> None:
    kinds = list(CommunityKind.objects.all())
    assert [k.code for k in kinds] == SEEDED
    assert [k.name for k in kinds] == ["Thôn", "Bản", "Ấp", "Buôn", "Tổ dân phố"]
    assert all("10/2022" in k.note and "05/2022/TT-BNV" in k.note and k.is_active for k in kinds)
    thon = kinds[0]
    with translation.override("en"):
        assert str(thon) == "village (thôn)"
    with translation.override("vi"):
        assert str(thon) == "Thôn"


@pytest.mark.django_db
def test_a_kind_added_as_a_row_is_used_to_create_a_village(world, as_persona) -> None:
    CommunityKind.objects.create(code="khom", name="Khóm", name_en="hamlet (khóm)", position=60)
    client = as_persona("officer_same")
    page = client.get("/workspace/communities/new/").content.decode()
    assert '<option value="khom">Khóm</option>' in page
    data = {"commune": world.commune_a.pk, "kind": "khom", "name": "Khóm 3"}
    assert client.post("/workspace/communities/new/", data).status_code == 302
    created = Community.objects.get(name="Khóm 3")
    assert created.kind_id == "khom"
    assert "Khóm" in client.get(f"/workspace/communities/{created.pk}/").content.decode()
    by_service = community_create(actor=None, commune=world.commune_b, kind="khom", name="Khóm 4")
    assert by_service.kind.name_en == "hamlet (khóm)"


@pytest.mark.django_db
def test_a_retired_kind_cannot_be_chosen_but_its_villages_keep_it(world, village: Community, as_persona) -> None:
    CommunityKind.objects.filter(code="thon").update(is_active=False)
    client = as_persona("officer_same")
    assert 'value="thon"' not in client.get("/workspace/communities/new/").content.decode()
    response = client.post("/workspace/communities/new/", {"commune": world.commune_a.pk, "kind": "thon", "name": "X"})
    assert response.status_code == 400
    with pytest.raises(DomainError) as err:
        community_create(actor=None, commune=world.commune_a, kind="thon", name="Thôn Mới")
    assert err.value.code == "communities_kind_invalid"
    assert not Community.objects.filter(name__in=["X", "Thôn Mới"]).exists()
    village.refresh_from_db()
    assert village.kind_id == "thon"


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_the_migration_keeps_every_community_kind(world) -> None:
    restore_seed_data()  # an earlier transactional test may have emptied the seeded kinds
    made = {
        kind: community_create(actor=None, commune=world.commune_a, kind=kind, name=f"Nơi {kind}").pk for kind in SEEDED
    }
    old = _migrate([("communities", "0001_initial")])
    OldCommunity = old.get_model("communities", "Community")
    assert {pk: OldCommunity.objects.get(pk=pk).kind for pk in made.values()} == {pk: k for k, pk in made.items()}
    assert "communities_communitykind" not in connection.introspection.table_names()

    new = _migrate([("communities", "0002_community_kind_table")])
    NewCommunity = new.get_model("communities", "Community")
    assert {pk: NewCommunity.objects.get(pk=pk).kind_id for pk in made.values()} == {pk: k for k, pk in made.items()}
    assert NewCommunity.objects.get(pk=made["buon"]).kind.name == "Buôn"
    _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())


def _admin_client(user) -> Client:
    client = Client()
    client.force_login(user)
    device, _ = TOTPDevice.objects.get_or_create(user=user, name="test", defaults={"confirmed": True})
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


@pytest.mark.django_db
def test_an_administrator_adds_a_kind_in_the_admin_and_an_officer_cannot(world, as_persona) -> None:
    data = {"code": "khom", "name": "Khóm", "name_en": "hamlet (khóm)", "position": "60", "is_active": "on"}
    denied = as_persona("officer_same").post("/django-admin/communities/communitykind/add/", data)
    assert denied.status_code == 302
    assert not CommunityKind.objects.filter(code="khom").exists()

    admin = User.objects.create_superuser(username="root", password="x-unused-x", email="root@example.org")
    client = _admin_client(admin)
    listing = client.get("/django-admin/communities/communitykind/").content.decode()
    assert "Tổ dân phố" in listing
    response = client.post("/django-admin/communities/communitykind/add/", data)
    assert response.status_code == 302
    assert CommunityKind.objects.get(code="khom").name == "Khóm"
    change = client.get("/django-admin/communities/communitykind/khom/change/").content.decode()
    assert 'name="code"' not in change  # the stored code cannot be changed
