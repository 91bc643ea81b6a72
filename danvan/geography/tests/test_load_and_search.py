import unicodedata

import pytest
from django.core.management import call_command

from danvan.audit.models import AuditEvent
from danvan.geography.models import AdministrativeUnit, Era, Level, UnitSuccession
from danvan.geography.selectors import unit_search
from danvan.geography.services import geography_load


@pytest.fixture
def loaded(db):
    return geography_load()


def _count(era: str, level: str) -> int:
    return AdministrativeUnit.objects.filter(era=era, level=level).count()


def test_loads_every_current_and_historical_unit(loaded):
    assert _count(Era.CURRENT, Level.PROVINCE) == 34
    assert _count(Era.CURRENT, Level.COMMUNE) == 3321
    assert _count(Era.LEGACY, Level.PROVINCE) == 63
    assert _count(Era.LEGACY, Level.DISTRICT) == 696
    assert _count(Era.LEGACY, Level.COMMUNE) == 10051
    assert (loaded.current_provinces, loaded.current_communes) == (34, 3321)
    kinds = dict(
        AdministrativeUnit.objects.current()
        .communes()
        .values_list("kind")
        .annotate(n=__import__("django").db.models.Count("id"))
    )
    assert kinds == {"commune": 2621, "ward": 687, "special_zone": 13}
    assert AuditEvent.objects.filter(action="geography.loaded").count() == 1


def test_every_current_commune_belongs_to_a_current_province(loaded):
    communes = AdministrativeUnit.objects.current().communes()
    assert not communes.filter(province__isnull=True).exists()
    assert not communes.exclude(province__era=Era.CURRENT).exists()
    hanoi = AdministrativeUnit.objects.current().provinces().get(code="01")
    assert hanoi.province_id == hanoi.pk
    assert communes.filter(province=hanoi).count() == 126


def test_old_to_new_mapping(loaded):
    assert loaded.successions == UnitSuccession.objects.count()
    assert loaded.successions > 10_000
    # Old Hà Giang province (02) became part of Tuyên Quang (08).
    old_ha_giang = AdministrativeUnit.objects.get(era=Era.LEGACY, level=Level.PROVINCE, code="02")
    assert [u.code for u in old_ha_giang.successors.all()] == ["08"]
    # Old ward Phúc Xá (00001, Ba Đình district) maps into current communes of Hà Nội.
    phuc_xa = AdministrativeUnit.objects.get(era=Era.LEGACY, level=Level.COMMUNE, code="00001")
    assert phuc_xa.name == "Phường Phúc Xá"
    successors = list(phuc_xa.successors.all())
    assert successors
    assert all(s.era == Era.CURRENT and s.province.code == "01" for s in successors)


def test_reload_is_idempotent_and_keeps_remote_flags(loaded):
    unit = AdministrativeUnit.objects.current().communes().get(code="03445")
    AdministrativeUnit.objects.filter(pk=unit.pk).update(is_remote=True, remote_basis="QĐ 861/QĐ-TTg")
    again = geography_load()
    assert again == loaded
    assert AdministrativeUnit.objects.count() == 34 + 3321 + 63 + 696 + 10051
    unit.refresh_from_db()
    assert (unit.is_remote, unit.remote_basis) == (True, "QĐ 861/QĐ-TTg")


def test_command_prints_counts(db, capsys):
    call_command("geography_load")
    out = capsys.readouterr().out
    assert "34 provinces and 3321 communes (current)" in out
    assert "63 provinces, 696 districts and 10051 communes" in out


SAME_QUERIES = ["ha noi", "Hà Nội", "HA NOI", unicodedata.normalize("NFD", "Hà Nội"), " hà   nội "]
BAD_QUERIES = ["", "   ", "!!!", "%", "_", "' OR 1=1 --", '"NEAR*:', "x" * 10_000]


def test_search(loaded):
    # Accent- and case-insensitive; NFC and NFD alike.
    for query in SAME_QUERIES:
        assert [u.name for u in unit_search(query=query, level=Level.PROVINCE)] == ["Thành phố Hà Nội"], query
    # đ matches d.
    assert unit_search(query="da nang", level=Level.PROVINCE)[0].name == "Thành phố Đà Nẵng"
    assert unit_search(query="dak lak", level=Level.PROVINCE)[0].name == "Tỉnh Đắk Lắk"
    # The exact spelling ranks before accent-only matches ("Tân Phong" exists in several provinces).
    assert unit_search(query="Phường Tân Phong", limit=5)[0].name == "Phường Tân Phong"
    # Historical units and levels.
    assert [u.name for u in unit_search(query="ba dinh", era=Era.LEGACY, level=Level.DISTRICT)] == ["Quận Ba Đình"]
    # Bad input: an empty list or a bounded list, never an error; LIKE wildcards are literal.
    for query in BAD_QUERIES:
        found = list(unit_search(query=query))
        assert len(found) <= 20
        if query.strip() in {"", "!!!", "%", "_", "' OR 1=1 --"}:
            assert found == [], query
