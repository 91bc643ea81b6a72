import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from danvan.core.text import fold, normalize


def test_fold_removes_tone_and_vowel_marks_and_case():
    assert fold("Hà Nội") == "ha noi"
    assert fold("HA NOI") == "ha noi"
    assert fold("ha noi") == "ha noi"
    assert fold("Thành phố Hồ Chí Minh") == "thanh pho ho chi minh"


def test_fold_maps_d_with_stroke_to_d():
    assert fold("Đà Nẵng") == "da nang"
    assert fold("đất đai") == "dat dai"
    assert fold("ĐẮK LẮK") == "dak lak"


def test_fold_treats_nfc_and_nfd_alike():
    nfc = unicodedata.normalize("NFC", "Phường Tân Phong, xã Mường Tè")
    nfd = unicodedata.normalize("NFD", nfc)
    assert nfc != nfd
    assert fold(nfc) == fold(nfd) == "phuong tan phong, xa muong te"


def test_fold_collapses_white_space():
    assert fold("  Xã \t Phong\nThổ ") == "xa phong tho"


def test_normalize_gives_nfc():
    nfd = unicodedata.normalize("NFD", "Lai Châu")
    assert normalize(f"  {nfd}  ") == unicodedata.normalize("NFC", "Lai Châu")


@given(st.text())
def test_fold_is_idempotent_and_normalisation_independent(text):
    folded = fold(text)
    assert fold(folded) == folded
    assert fold(unicodedata.normalize("NFD", text)) == fold(unicodedata.normalize("NFC", text))
