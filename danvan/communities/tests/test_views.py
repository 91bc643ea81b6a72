"""The officer pages: search without accents, pages of 25, the import report, a 20 MB upload refused."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from danvan.communities.models import Community, CommunityKind, Household
from danvan.communities.services import community_create, household_add
from danvan.communities.tests.conftest import household

pytestmark = pytest.mark.django_db


def test_search_is_accent_insensitive_and_paginated(village: Community, as_persona) -> None:
    for number in range(4, 40):
        household_add(actor=None, community=village, data=household(f"H{number:03d}", f"Hà Văn Số {number}"))
    client = as_persona("officer_same")
    page = client.get(f"/workspace/communities/{village.pk}/").content.decode()
    assert "39 hộ" in page
    assert "Trang 1/2" in page
    assert page.count("<tr><td>H0") == 25
    found = client.get(f"/workspace/communities/{village.pk}/", {"q": "lo thi dao"}).content.decode()
    assert "Lò Thị Đào" in found
    assert "Nguyễn Văn An" not in found
    assert "1 hộ" in found
    by_code = client.get(f"/workspace/communities/{village.pk}/", {"q": "h002"}).content.decode()
    assert "Lò Thị Đào" in by_code
    partial = client.get(
        f"/workspace/communities/{village.pk}/", {"q": "DAO"}, headers={"HX-Request": "true", "HX-Target": "households"}
    ).content.decode()
    assert partial.lstrip().startswith('<section id="households"')
    assert "Lò Thị Đào" in partial


def test_the_list_counts_households_in_a_fixed_number_of_queries(world, village: Community, as_persona) -> None:
    client = as_persona("officer_same")
    client.get("/workspace/communities/")
    with CaptureQueriesContext(connection) as few:
        client.get("/workspace/communities/")
    for index in range(5):
        extra = community_create(actor=None, commune=world.commune_a, kind=CommunityKind.THON, name=f"Thôn {index}")
        household_add(actor=None, community=extra, data=household("H001"))
    with CaptureQueriesContext(connection) as many:
        page = client.get("/workspace/communities/").content.decode()
    assert len(many) == len(few)
    assert "Thôn 4" in page


def test_import_page_shows_the_row_by_row_report_and_saves_nothing(village: Community, as_persona) -> None:
    data = "Mã hộ,Họ và tên đại diện hộ,Số nhân khẩu,Số điện thoại\nH101,Lò Văn Hùng,5,\nH102,Quàng Thị Mai,ba,0912\n"
    upload = SimpleUploadedFile("ho.csv", data.encode(), content_type="text/csv")
    response = as_persona("officer_same").post(f"/workspace/communities/{village.pk}/import/", {"file": upload})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Tệp có 2 lỗi: chưa lưu dòng nào." in page
    assert "<td>3</td><td>Số nhân khẩu</td><td>số nhân khẩu phải là số nguyên từ 1 đến 99</td>" in page
    assert "<td>3</td><td>Số điện thoại</td>" in page
    assert not Household.objects.filter(code__in=["H101", "H102"]).exists()

    upload = SimpleUploadedFile("ho.csv", data.encode(), content_type="text/csv")
    response = as_persona("officer_same").post(
        f"/workspace/communities/{village.pk}/import/", {"file": upload, "valid_rows_only": "on"}
    )
    assert response.status_code == 200
    assert "Đã lưu 1 hộ." in response.content.decode()
    assert list(Household.objects.filter(code__in=["H101", "H102"]).values_list("code", flat=True)) == ["H101"]


def test_a_20_mb_upload_is_refused_before_reading(village: Community, as_persona) -> None:
    upload = SimpleUploadedFile("ho.csv", b"Ma ho\n" + b"x" * (20 * 1024 * 1024), content_type="text/csv")
    response = as_persona("officer_same").post(f"/workspace/communities/{village.pk}/import/", {"file": upload})
    assert response.status_code == 400
    assert "Tệp lớn hơn 5 MB" in response.content.decode()
    assert Household.objects.filter(community=village).count() == 3


def test_an_empty_upload_is_explained(village: Community, as_persona) -> None:
    upload = SimpleUploadedFile("ho.csv", b"\xef\xbb\xbf\n\n", content_type="text/csv")
    response = as_persona("officer_same").post(f"/workspace/communities/{village.pk}/import/", {"file": upload})
    assert response.status_code == 400
    assert "Tệp trống." in response.content.decode()
    assert Household.objects.filter(community=village).count() == 3


def test_an_officer_adds_a_village_of_the_own_commune_only(world, village: Community, as_persona) -> None:
    client = as_persona("officer_same")
    page = client.get("/workspace/communities/new/").content.decode()
    assert world.commune_a.name in page
    assert world.commune_b.name not in page
    data = {"commune": world.commune_a.pk, "kind": "ban", "name": "Bản Hon", "valid_from": "2024-01-01"}
    response = client.post("/workspace/communities/new/", data)
    created = Community.objects.get(name="Bản Hon")
    assert response.status_code == 302
    assert response["Location"] == f"/workspace/communities/{created.pk}/"
    assert (created.commune, created.kind_id, str(created.valid_from)) == (world.commune_a, "ban", "2024-01-01")
    again = client.post("/workspace/communities/new/", {**data, "name": "BẢN  HON"})
    assert again.status_code == 409
    assert "Xã đã có thôn, tổ dân phố mang tên này." in again.content.decode()
    refused = client.post("/workspace/communities/new/", {**data, "commune": world.commune_b.pk, "name": "Bản Xa"})
    assert refused.status_code == 400
    assert Community.objects.filter(commune=world.commune_a).count() == 2
    assert not Community.objects.filter(name="Bản Xa").exists()
