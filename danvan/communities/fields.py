"""Cleaning one household field, the same for a form, an import row and a service call.

Each cleaner takes what a person typed or a spreadsheet cell holds (text, number, date) and returns the
stored value, or raises ``FieldProblem`` with a message that says what is wrong.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from danvan.core.text import normalize

CODE_MAX = 30
MEMBERS_MAX = 99
_PHONE = re.compile(r"^0\d{9,10}$")
_PHONE_SEPARATORS = re.compile(r"[\s.\-()]")
_PERSONAL_ID = re.compile(r"^\d{12}$")
_CODE = re.compile(r"^[0-9A-Za-z./_-]+$")
_DATE_FORMATS = ("%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d", "%d.%m.%Y")


class FieldProblem(ValueError):
    def __init__(self, message: str | Promise) -> None:
        super().__init__(str(message))
        self.message = message


@dataclass(frozen=True)
class HouseholdData:
    """A household as entered: every field already cleaned."""

    code: str
    representative_name: str
    members: int
    joined_on: dt.date
    representative_personal_id: str = ""
    representative_birth_year: int | None = None
    address: str = ""
    phone: str = ""


def is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return normalize(str(value)) if value is not None else ""


def clean_code(value: object) -> str:
    code = _text(value).upper()
    if not code:
        raise FieldProblem(_("the household code is missing"))
    if len(code) > CODE_MAX or not _CODE.match(code):
        raise FieldProblem(
            _("the household code may hold only letters without marks, digits and . / _ - (at most 30 characters)")
        )
    return code


def clean_name(value: object) -> str:
    name = _text(value)
    if not name:
        raise FieldProblem(_("the representative's name is missing"))
    if len(name) > 150:
        raise FieldProblem(_("the name is longer than 150 characters"))
    return name


def clean_members(value: object) -> int:
    if isinstance(value, bool):
        raise FieldProblem(_("the number of members must be a whole number from 1 to 99"))
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = _text(value)
    if not text.isdigit() or not 1 <= int(text) <= MEMBERS_MAX:
        raise FieldProblem(_("the number of members must be a whole number from 1 to 99"))
    return int(text)


def clean_personal_id(value: object) -> str:
    if is_blank(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = _text(value).replace(" ", "")
    if isinstance(value, int):  # a spreadsheet dropped the leading zeros of a number cell
        text = text.zfill(12)
    if not _PERSONAL_ID.match(text):
        raise FieldProblem(_("the personal ID number must have exactly 12 digits"))
    return text


def clean_birth_year(value: object) -> int | None:
    if is_blank(value):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = _text(value)
    this_year = timezone.localdate().year
    if not text.isdigit() or not 1900 <= int(text) <= this_year:
        raise FieldProblem(_("the year of birth must be a year from 1900 to this year"))
    return int(text)


def clean_phone(value: object) -> str:
    if is_blank(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = _PHONE_SEPARATORS.sub("", _text(value))
    if isinstance(value, int) and len(text) == 9:  # a number cell lost the leading 0
        text = "0" + text
    if text.startswith("+84"):
        text = "0" + text[3:]
    elif text.startswith("84") and len(text) == 11:
        text = "0" + text[2:]
    if not _PHONE.match(text):
        raise FieldProblem(_("the phone number must have 10 or 11 digits and start with 0 (or +84)"))
    return text


def clean_address(value: object) -> str:
    address = _text(value)
    if len(address) > 250:
        raise FieldProblem(_("the address is longer than 250 characters"))
    return address


def clean_date(value: object, *, default: dt.date | None = None) -> dt.date:
    if is_blank(value) and default is not None:
        return default
    if isinstance(value, dt.datetime):
        day = value.date()
    elif isinstance(value, dt.date):
        day = value
    else:
        text = _text(value)
        if not text:
            raise FieldProblem(_("the date is missing"))
        for pattern in _DATE_FORMATS:
            try:
                day = dt.datetime.strptime(text, pattern).date()
                break
            except ValueError:
                continue
        else:
            raise FieldProblem(_("the date is not a valid date written as dd/mm/yyyy"))
    if not dt.date(1945, 1, 1) <= day <= timezone.localdate():
        raise FieldProblem(_("the date must be between 1945 and today"))
    return day
