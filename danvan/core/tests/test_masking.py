"""Hiding a person in free text: the ways officers and citizens actually write names, phones and IDs."""

from __future__ import annotations

import unicodedata

import pytest

from danvan.core.masking import Identity, conceal, reveals

PERSON = Identity(
    full_name="Nguyễn Văn Đức",
    address_street="12 Lê Lợi",
    personal_id="001085012345",
    phone="0912345678",
    email="Duc.Nguyen@example.vn",
)


@pytest.mark.parametrize(
    "written",
    [
        "Nguyễn Văn Đức",
        "nguyen van duc",
        "NGUYỄN  VĂN  ĐỨC",
        unicodedata.normalize("NFD", "Nguyễn Văn Đức"),
        "12 Lê Lợi",
        "12 le loi",
        "001085012345",
        "001 085 012 345",
        "001.085.012.345",
        "0912345678",
        "0912 345 678",
        "0912.345.678",
        "+84 912 345 678",
        "(+84) 912345678",
        "84912345678",
        "duc.nguyen@EXAMPLE.vn",
    ],
)
def test_each_way_of_writing_the_identity_is_hidden(written):
    text = f"Kính gửi ông {written}, về đơn tố cáo."
    assert conceal(text, [PERSON], "[ẩn]") == "Kính gửi ông [ẩn], về đơn tố cáo."
    assert reveals(text, [PERSON])


@pytest.mark.parametrize(
    "text",
    [
        "Anh Văn Đức là một người khác.",  # part of the name only
        "Ông Đức đến xã.",  # a lone given name: an ordinary word too
        "Số 00912345678 không phải số điện thoại này.",
        "Quyết định số 0010850123456 của UBND.",
        "Đường Lê Lợi kéo dài.",
    ],
)
def test_other_words_and_numbers_are_left_alone(text):
    assert conceal(text, [PERSON], "[ẩn]") == text
    assert not reveals(text, [PERSON])


def test_nothing_to_hide_leaves_the_text_as_it_is():
    assert conceal("Nội dung", [], "[ẩn]") == "Nội dung"
    assert conceal("", [PERSON], "[ẩn]") == ""
    assert conceal("Nguyễn Văn Đức", [Identity()], "[ẩn]") == "Nguyễn Văn Đức"
