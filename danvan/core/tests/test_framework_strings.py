"""Django's own strings that reach our users are Vietnamese too (its catalogue lacks some, new in Django 6.1)."""

from __future__ import annotations

import pytest
from django import forms
from django.db.models.fields import BLANK_CHOICE_LABEL
from django.utils import translation

from danvan.core.framework_strings import FRAMEWORK_STRINGS


@pytest.mark.parametrize("msgid", FRAMEWORK_STRINGS)
def test_each_framework_string_is_vietnamese(msgid):
    with translation.override("vi"):
        assert translation.gettext(msgid) != msgid


def test_the_blank_choice_of_an_optional_select_is_vietnamese():
    class Visit(forms.Form):
        kind = forms.TypedChoiceField(choices=[("", BLANK_CHOICE_LABEL), ("a", "A")], required=False)

    with translation.override("vi"):
        assert "- Chọn một mục -" in str(Visit()["kind"])
        assert "Select an option" not in str(Visit()["kind"])


def test_a_nul_character_in_a_form_gets_a_vietnamese_message():
    class Note(forms.Form):
        text = forms.CharField()

    with translation.override("vi"):
        form = Note({"text": "a\x00b"})
        assert not form.is_valid()
        assert form.errors["text"] == ["Không được dùng ký tự rỗng (NUL)."]
