"""The search page: officers only, scoped like the inbox, any input gives a page (never an error page)."""

import unicodedata

import pytest
from django.conf import settings

from danvan.search import views
from danvan.search.selectors import SearchResult

from .conftest import denunciation

pytestmark = pytest.mark.django_db

URL = "/search/"
BAD_INPUT = [
    "",
    "   ",
    "x" * 10_000,
    "đất " * 2_500,
    "!!! ??? ...",
    '"',
    '"unbalanced phrase',
    "*",
    "a*",
    "NEAR",
    "NEAR(đất đai, 5)",
    ":",
    "folded:đất",
    "đất OR đai AND NOT x",
    "')) OR 1=1 --",
    "đất & đai | !x <-> y:*",
    "\x01\x02",
    "🙂",
    unicodedata.normalize("NFD", "Đất đai Phú Linh"),
    unicodedata.normalize("NFD", "trợ cấp") + " " + unicodedata.normalize("NFC", "người cao tuổi"),
]


@pytest.fixture
def land(make_petition):
    return make_petition(
        subject="Đất đai: tranh chấp ranh giới thửa đất tại xã Phú Linh", content="Nội dung tranh chấp."
    )


def test_anonymous_is_sent_to_the_login_and_a_citizen_is_refused(as_persona):
    response = as_persona("anonymous").get(URL, {"q": "đất"})
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert as_persona("citizen").get(URL, {"q": "đất"}).status_code == 403


def test_the_page_has_an_accessible_search_form(as_persona):
    response = as_persona("officer_same").get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'role="search"' in html
    assert '<label for="id_q">' in html
    assert 'type="search"' in html
    assert response.context["searched"] is False


def test_results_show_code_subject_organisation_status_and_date(world, as_persona, land):
    response = as_persona("officer_same").get(URL, {"q": "dat dai phu linh"})
    assert response.status_code == 200
    html = response.content.decode()
    assert f'href="/petitions/{land.pk}/"' in html
    for text in [land.tracking_code, land.subject, world.org_a.name, land.received_on.strftime("%d/%m/%Y")]:
        assert text in html
    assert land.get_status_display() in html
    assert response.context["result"].total == 1


@pytest.mark.parametrize("query", BAD_INPUT, ids=range(len(BAD_INPUT)))
def test_any_input_gives_a_page(as_persona, land, query):
    response = as_persona("officer_same").get(URL, {"q": query, "page": "abc"})
    assert response.status_code == 200
    assert response.context["form"].is_valid()


def test_a_nul_character_is_refused_by_the_request_guard(as_persona, land):
    # PostgreSQL stores no NUL: core's RequestGuardMiddleware answers 400 naming the field, for every page.
    response = as_persona("officer_same").get(URL, {"q": "đất\x00đai"})
    assert response.status_code == 400
    assert "q:" in response.content.decode()


def test_nfd_query_finds_the_nfc_petition(as_persona, land):
    response = as_persona("officer_same").get(URL, {"q": unicodedata.normalize("NFD", "Đất đai Phú Linh")})
    assert [p.pk for p in response.context["result"].items] == [land.pk]


def test_odd_page_numbers_fall_back(as_persona, land):
    client = as_persona("officer_same")
    for page in ["0", "-1", "x", "9" * 30, "999999"]:
        response = client.get(URL, {"q": "phu linh", "page": page})
        assert response.status_code == 200
        assert response.context["page"].number == 1
        assert [p.pk for p in response.context["result"].items] == [land.pk]


def test_pages_of_results(monkeypatch, as_persona, make_petition):
    monkeypatch.setattr(views, "PAGE_SIZE", 2)
    made = [make_petition(subject=f"Đèn đường hỏng số {n}", content="Đèn đường hỏng.") for n in range(3)]
    client = as_persona("officer_same")
    first = client.get(URL, {"q": "đèn đường"})
    second = client.get(URL, {"q": "đèn đường", "page": "2"})
    assert (first.context["page"].num_pages, first.context["result"].total) == (2, 3)
    assert 'page=2">' in first.content.decode()
    found = [p.pk for p in first.context["result"].items] + [p.pk for p in second.context["result"].items]
    assert sorted(found) == sorted(p.pk for p in made)
    assert second.context["page"].has_previous
    assert not second.context["page"].has_next


def test_a_capped_total_reads_10000_plus_and_near_misses_say_did_you_mean(monkeypatch, as_persona, land):
    monkeypatch.setattr(views, "search_petitions", lambda **kw: SearchResult(items=[land], total=10_000, fuzzy=True))
    client = as_persona("officer_same")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = client.get(URL, {"q": "dat"}).content.decode()
    assert "10,000+ petitions match" in html
    assert "Did you mean" in html


def test_htmx_gets_only_the_results(as_persona, land):
    response = as_persona("officer_same").get(URL, {"q": "phu linh"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert land.tracking_code in html
    assert "<html" not in html
    assert 'role="search"' not in html


def test_officers_find_only_what_they_may_open(world, as_persona, make_petition):
    here = make_petition(subject="Cầu treo bản Nậm Cấu xuống cấp", content="Đề nghị sửa cầu treo.")
    there = make_petition(
        unit=world.commune_b, subject="Cầu treo bản Phong Thổ xuống cấp", content="Đề nghị sửa cầu treo."
    )

    def found(persona):
        return {p.pk for p in as_persona(persona).get(URL, {"q": "cầu treo"}).context["result"].items}

    assert found("officer_same") == {here.pk}
    assert found("officer_other") == {there.pk}
    assert found("province_inspector") == {here.pk, there.pk}


@pytest.mark.parametrize("persona", ["officer_same", "province_inspector", "system_admin"])
def test_a_denouncers_name_finds_nothing(as_persona, make_petition, persona):
    make_petition(**denunciation())
    for query in ["Lường Thị Huệ", "luong thi hue", "038190123456", "0987654321"]:
        response = as_persona(persona).get(URL, {"q": query})
        assert response.context["result"].total == 0, query
    # The matter itself is found, without the name anywhere on the page.
    response = as_persona(persona).get(URL, {"q": "cán bộ địa chính"})
    assert response.context["result"].total == 1
    assert "Huệ" not in response.content.decode()


def test_a_misspelt_query_says_did_you_mean_on_postgresql(as_persona, make_petition):
    from django.db import connection

    lamp = make_petition(subject="Phản ánh đèn chiếu sáng công cộng bị hỏng", content="Đèn hỏng nhiều tháng.")
    client = as_persona("officer_same")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get(URL, {"q": "chieu snag cong conng"})
    assert response.status_code == 200
    if connection.vendor != "postgresql":
        assert response.context["result"].total == 0
        assert "No petition matches" in response.content.decode()
        return
    assert [p.pk for p in response.context["result"].items] == [lamp.pk]
    assert "Did you mean" in response.content.decode()
