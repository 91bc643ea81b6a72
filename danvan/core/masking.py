"""Hiding a person's identity in free text (the letter, its subject and place, an answer, a reason).

Exact substrings are not enough: officers retype names without accents, phones with spaces or ``+84``, ID
numbers in groups. The patterns here find a name or a street address the way ``fold`` compares (case,
tone and vowel marks, đ = d, NFC or NFD), an ID number or a phone whatever separates its digits, and an
e-mail in any case. A lone given name is left alone: "An" or "Bình" are also ordinary words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from danvan.core.text import fold, folded_pattern

_DIGIT_SEPARATOR = r"[\s.\-]?"


@dataclass(frozen=True)
class Identity:
    full_name: str = ""
    address_street: str = ""
    personal_id: str = ""
    phone: str = ""
    email: str = ""


def _digits(value: str) -> str:
    return "".join(ch for ch in value if ch.isdigit())


def _number_pattern(digits: str) -> str:
    return _DIGIT_SEPARATOR.join(digits)


def _phone_pattern(phone: str) -> str | None:
    digits = _digits(phone)
    if len(digits) < 6:
        return None
    if digits.startswith("84") and len(digits) >= 11:
        digits = "0" + digits[2:]
    if digits.startswith("0"):  # 0912… is also written +84 912…, 84912…, (+84) 912…
        rest = _number_pattern(digits[1:])
        return rf"(?:\(?\+?84\)?{_DIGIT_SEPARATOR}|0){rest}"
    return _number_pattern(digits)


def identity_patterns(person: Identity) -> list[str]:
    """Regular expressions (longest first) that find what identifies ``person`` in free text."""
    patterns: list[str] = []
    for words in (person.full_name, person.address_street):
        # A single folded word (a given name alone) is too common to hide safely.
        if len(fold(words).split()) >= 2:
            patterns.append(folded_pattern(words))
    if len(_digits(person.personal_id)) >= 9:
        patterns.append(_number_pattern(_digits(person.personal_id)))
    phone = _phone_pattern(person.phone)
    if phone:
        patterns.append(phone)
    if person.email.strip():
        patterns.append(re.escape(person.email.strip()))
    return sorted(patterns, key=len, reverse=True)


def conceal(text: str, people: Iterable[Identity], placeholder: str) -> str:
    """``text`` with each person's name, street address, ID number, phone and e-mail replaced."""
    patterns = [p for person in people for p in identity_patterns(person)]
    if not text or not patterns:
        return text
    combined = re.compile("|".join(f"(?<![\\w@])(?:{p})(?![\\w@])" for p in patterns), flags=re.IGNORECASE)
    return combined.sub(placeholder, text)


def reveals(text: str, people: Iterable[Identity]) -> bool:
    """Whether ``text`` contains what :func:`conceal` would hide."""
    return conceal(text, people, "\x00") != text
