import unicodedata

import pytest

from danvan.cases.models import Petition
from danvan.search.models import PetitionDocument
from danvan.search.selectors import search_petitions
from danvan.search.services import index_petition

from .conftest import denunciation

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("search_strategy")]


def codes(result):
    return [p.tracking_code for p in result.items]


@pytest.fixture
def land(make_petition):
    return make_petition(
        subject="Đất đai: tranh chấp ranh giới thửa đất tại xã Phú Linh", content="Nội dung tranh chấp."
    )


def test_folding_ignores_case_tone_and_vowel_marks_and_d(personas, land):
    admin = personas["system_admin"]
    for query in ["dat dai phu linh", "ĐẤT ĐAI PHÚ LINH", "Đất đai Phú Linh", "DAT dai PHU linh"]:
        result = search_petitions(user=admin, query=query)
        assert codes(result) == [land.tracking_code], query
        assert result.total == 1


def test_nfc_and_nfd_queries_and_documents_are_the_same(personas, make_petition):
    nfd = make_petition(subject=unicodedata.normalize("NFD", "Khiếu nại việc cắt trợ cấp người cao tuổi"))
    admin = personas["system_admin"]
    for form in ("NFC", "NFD"):
        query = unicodedata.normalize(form, "trợ cấp người cao tuổi")
        assert codes(search_petitions(user=admin, query=query)) == [nfd.tracking_code]
    mixed = unicodedata.normalize("NFD", "trợ cấp") + " " + unicodedata.normalize("NFC", "người cao tuổi")
    assert codes(search_petitions(user=admin, query=mixed)) == [nfd.tracking_code]


def test_exact_diacritics_rank_first(personas, make_petition):
    plain = make_petition(subject="Phan anh ve ban do dia chinh sai", content="Khong co dau: ban do sai lech.")
    marked = make_petition(subject="Phản ánh về bản đồ địa chính sai", content="Bản đồ sai lệch ranh giới.")
    other = make_petition(subject="Phản ánh bán đồ cũ", content="Người dân bàn về việc bán đồ cũ (bàn, đỗ).")
    admin = personas["system_admin"]
    assert codes(search_petitions(user=admin, query="bản đồ"))[0] == marked.tracking_code
    result = search_petitions(user=admin, query="bán đồ")
    assert codes(result)[0] == other.tracking_code
    assert set(codes(result)) == {plain.tracking_code, marked.tracking_code, other.tracking_code}
    # Without diacritics in the query, every folded match counts the same: no exact boost.
    assert set(codes(search_petitions(user=admin, query="ban do"))) == set(codes(result))


def test_phrase_query_needs_the_words_in_order(personas, make_petition):
    ordered = make_petition(subject="Thu hồi đất nông nghiệp", content="Quyết định thu hồi đất nông nghiệp.")
    shuffled = make_petition(subject="Đất bị thu hồi", content="Nông nghiệp xã nhà bị ảnh hưởng.")
    admin = personas["system_admin"]
    assert codes(search_petitions(user=admin, query='"thu hoi dat"')) == [ordered.tracking_code]
    assert set(codes(search_petitions(user=admin, query="thu hoi dat"))) == {
        ordered.tracking_code,
        shuffled.tracking_code,
    }
    assert codes(search_petitions(user=admin, query="“thu hồi đất nông”")) == [ordered.tracking_code]


def test_prefix_query(personas, make_petition):
    lamp = make_petition(subject="Phản ánh đèn chiếu sáng công cộng bị hỏng", content="Đèn hỏng nhiều tháng.")
    admin = personas["system_admin"]
    assert codes(search_petitions(user=admin, query="chieu sa*")) == [lamp.tracking_code]
    assert codes(search_petitions(user=admin, query="chiếu sá*")) == [lamp.tracking_code]
    assert codes(search_petitions(user=admin, query='"đèn chiếu sá"*')) == [lamp.tracking_code]
    near = search_petitions(user=admin, query="chieu sa")  # "sa" is a word here, not a prefix
    assert near.total == 0 or near.fuzzy  # PostgreSQL offers the pg_trgm near miss, flagged as such
    assert codes(search_petitions(user=admin, query="s*")) == []  # one letter: not a prefix, a word


def test_tracking_code_category_and_decision_are_searchable(personas, make_petition):
    p = make_petition(decision_reference="Quyết định số 15/QĐ-UBND")
    admin = personas["system_admin"]
    assert codes(search_petitions(user=admin, query=p.tracking_code)) == [p.tracking_code]
    assert codes(search_petitions(user=admin, query="15/QD-UBND")) == [p.tracking_code]
    assert codes(search_petitions(user=admin, query="tan phong")) == [p.tracking_code]  # commune name


def test_petitioner_name_and_phone_of_a_complaint_are_searchable(personas, make_petition):
    p = make_petition()
    admin = personas["system_admin"]
    assert codes(search_petitions(user=admin, query="nguyen van an")) == [p.tracking_code]
    assert codes(search_petitions(user=admin, query="0912345678")) == [p.tracking_code]


@pytest.mark.parametrize(
    ("persona", "sees_a", "sees_b"),
    [
        ("anonymous", False, False),
        ("citizen", False, False),
        ("officer_same", True, False),
        ("officer_other", False, True),
        ("province_inspector", True, True),
        ("mttq_officer", True, False),
        ("org_admin", True, False),
        ("system_admin", True, True),
    ],
)
def test_results_are_scoped_like_the_inbox(world, personas, make_petition, persona, sees_a, sees_b):
    a = make_petition(subject="Ô nhiễm chuồng lợn thôn Đông")
    b = make_petition(subject="Ô nhiễm chuồng lợn bản Pa Pe", unit=world.commune_b)
    user = personas[persona] or _anonymous()
    result = search_petitions(user=user, query="o nhiem chuong lon")
    expected = {code for code, ok in [(a.tracking_code, sees_a), (b.tracking_code, sees_b)] if ok}
    assert set(codes(result)) == expected
    assert result.total == len(expected)


def _anonymous():
    from django.contrib.auth.models import AnonymousUser

    return AnonymousUser()


def test_scope_applies_before_the_limit(world, personas, make_petition):
    for _ in range(3):
        make_petition(subject="Kiến nghị sửa đường liên thôn", unit=world.commune_b)
    mine = make_petition(subject="Kiến nghị sửa đường liên thôn")
    result = search_petitions(user=personas["officer_same"], query="sua duong", limit=1)
    assert (codes(result), result.total) == ([mine.tracking_code], 1)
    assert search_petitions(user=personas["officer_same"], query="sua duong", offset=1).items == []


def test_a_denouncers_identity_is_never_searchable(personas, make_petition, handler_a, head_a):
    tip = make_petition(**denunciation())
    Petition.objects.filter(pk=tip.pk).update(handler=handler_a)
    index_petition(tip.pk, force=True)
    doc = PetitionDocument.objects.get(pk=tip.pk)
    for secret in ("huệ", "hue", "luong", "0987", "654", "987654321", "0987654321", "038190123456"):
        assert secret not in doc.folded.split(), secret
        assert secret not in doc.exact.split(), secret
    for persona in ("officer_same", "mttq_officer", "province_inspector", "system_admin"):
        user = personas[persona]
        for query in ("Lường Thị Huệ", "luong thi hue", "0987654321", "+84987654321", "038190123456", "hue"):
            assert search_petitions(user=user, query=query).total == 0, (persona, query)
        # The matter itself is searchable for those whose scope covers it.
        assert codes(search_petitions(user=user, query="can bo dia chinh")) == [tip.tracking_code]
    # Not even the handler or the head finds the denunciation by the denouncer: they see it in their
    # own case list, where the identity is shown (and the read audited) by the cases app.
    for user in (handler_a, head_a):
        assert search_petitions(user=user, query="luong thi hue").total == 0
    # The person denounced is searchable: that is the matter, not the protected identity.
    assert codes(search_petitions(user=personas["officer_same"], query="hoang van tam")) == [tip.tracking_code]


def test_reindexing_is_idempotent_and_follows_edits(personas, make_petition):
    p = make_petition(subject="Phản ánh rác thải")
    admin = personas["system_admin"]
    assert index_petition(p.pk) is False  # unchanged: nothing written
    Petition.objects.filter(pk=p.pk).update(subject="Phản ánh tiếng ồn karaoke")
    assert index_petition(p.pk) is True
    assert codes(search_petitions(user=admin, query="karaoke")) == [p.tracking_code]
    assert search_petitions(user=admin, query="rac thai").total == 0
    Petition.objects.filter(pk=p.pk).delete()
    assert search_petitions(user=admin, query="karaoke").total == 0
    assert index_petition(p.pk) is False
    assert not PetitionDocument.objects.filter(pk=p.pk).exists()


def test_misspelt_words_fall_back_to_trigrams_on_postgresql(personas, make_petition):
    from django.db import connection

    lamp = make_petition(subject="Phản ánh đèn chiếu sáng công cộng bị hỏng", content="Đèn hỏng nhiều tháng.")
    result = search_petitions(user=personas["system_admin"], query="chieu snag cong conng")
    if connection.vendor != "postgresql":
        assert (result.items, result.total, result.fuzzy) == ([], 0, False)
        return
    assert (codes(result), result.fuzzy) == ([lamp.tracking_code], True)
    assert search_petitions(user=personas["officer_other"], query="chieu snag cong conng").total == 0


def test_a_scope_is_narrow_up_to_the_threshold(world, personas, make_petition, monkeypatch):
    from danvan.cases.selectors import petition_list_for_user
    from danvan.search import backends

    mine = {make_petition(subject="Kiến nghị sửa đường liên thôn").pk for _ in range(3)}
    make_petition(subject="Kiến nghị sửa đường liên thôn", unit=world.commune_b)  # another commune's
    scope = petition_list_for_user(user=personas["officer_same"]).order_by().values("pk").query.sql_with_params()
    monkeypatch.setattr(backends, "NARROW_SCOPE", 3)
    assert set(backends.narrow_scope_ids(scope)) == mine
    monkeypatch.setattr(backends, "NARROW_SCOPE", 2)
    assert backends.narrow_scope_ids(scope) is None


def test_totals_stop_at_the_cap_and_survive_a_page_past_the_end(personas, make_petition, monkeypatch):
    from django.db import connection

    from danvan.search import backends

    for _ in range(3):
        make_petition(subject="Kiến nghị sửa đường liên thôn")
    user = personas["officer_same"]
    assert search_petitions(user=user, query="sua duong", offset=5).total == 3  # no row, still the count
    monkeypatch.setattr(backends, "COUNT_CAP", 2)
    result = search_petitions(user=user, query="sua duong", limit=1)
    if connection.vendor == "postgresql":  # PostgreSQL stops counting at the cap, on both query shapes
        assert (result.total, result.capped, len(result.items)) == (2, True, 1)
    else:  # FTS5 counts every match; the page still says "2+"
        assert (result.total, result.capped, len(result.items)) == (3, True, 1)
