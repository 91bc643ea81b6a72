import io

import pytest
from django.core.management import call_command
from django.db import connection

from danvan.cases.models import Petition
from danvan.cases.services.intake import petition_submit
from danvan.search.models import MinHashBand, PetitionDocument, PetitionKey, ShingleCorpus
from danvan.search.selectors import search_petitions
from danvan.search.tasks import index_petition_task

from .conftest import data_for

pytestmark = pytest.mark.django_db


def submit(world, **overrides) -> Petition:
    return petition_submit(actor=None, data=data_for(world, **overrides), receiving_organization=world.org_a).petition


def test_the_task_indexes_a_petition(world, personas):
    p = submit(world, subject="Phản ánh ngập úng khu dân cư")
    assert search_petitions(user=personas["system_admin"], query="ngap ung").total == 0
    index_petition_task(p.pk)  # HUEY immediate in the test settings
    assert [x.pk for x in search_petitions(user=personas["system_admin"], query="ngap ung").items] == [p.pk]


def test_search_reindex_builds_everything_and_is_idempotent(world, personas):
    petitions = [submit(world, subject=f"Kiến nghị số {i} về nước sạch") for i in range(5)]
    out = io.StringIO()
    call_command("search_reindex", "--chunk", "2", stdout=out)
    assert "indexed 5 petitions" in out.getvalue()
    assert PetitionDocument.objects.count() == 5
    assert MinHashBand.objects.filter(petition=petitions[0]).count() == 32
    assert PetitionKey.objects.filter(petition=petitions[0], kind="pid").exists()
    assert ShingleCorpus.objects.get().documents == 5
    assert search_petitions(user=personas["system_admin"], query="nuoc sach").total == 5
    out = io.StringIO()
    call_command("search_reindex", "--no-common", stdout=out)
    assert "indexed 0 petitions" in out.getvalue()
    MinHashBand.objects.all().delete()
    call_command("search_reindex", "--bands-only", stdout=io.StringIO())
    assert MinHashBand.objects.filter(petition=petitions[0]).count() == 32


def test_deleting_a_petition_removes_its_index_rows(world, personas):
    p = submit(world, subject="Phản ánh ngập úng khu dân cư")
    index_petition_task(p.pk)
    assert MinHashBand.objects.filter(petition_id=p.pk).exists()
    Petition.objects.filter(pk=p.pk).delete()
    assert not PetitionDocument.objects.filter(pk=p.pk).exists()
    assert not MinHashBand.objects.filter(petition_id=p.pk).exists()
    assert not PetitionKey.objects.filter(petition_id=p.pk).exists()
    assert search_petitions(user=personas["system_admin"], query="ngap ung").total == 0


def test_reindex_repairs_a_stale_sqlite_fulltext_table(world, personas):
    if connection.vendor != "sqlite":
        pytest.skip("FTS5 is SQLite's")
    p = submit(world, subject="Phản ánh ngập úng khu dân cư")
    index_petition_task(p.pk)
    with connection.cursor() as cursor:
        cursor.execute("INSERT INTO search_petition_fts(search_petition_fts) VALUES ('delete-all')")
    assert search_petitions(user=personas["system_admin"], query="ngap ung").total == 0
    call_command("search_reindex", stdout=io.StringIO())
    assert search_petitions(user=personas["system_admin"], query="ngap ung").total == 1
