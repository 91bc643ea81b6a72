"""Vietnamese text helpers: folding for accent-insensitive matching."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
# đ/Đ is a separate letter, not d + a combining mark, so NFD leaves it alone.
_LETTER_MAP = str.maketrans({"đ": "d", "Đ": "d", "ð": "d", "Ð": "d"})


def fold(text: str) -> str:
    """Fold Vietnamese text for matching: lower case, no tone or vowel marks, đ → d, single spaces.

    NFC and NFD input fold to the same string: ``fold("Hà Nội") == fold("HA NOI") == "ha noi"``.
    """
    decomposed = unicodedata.normalize("NFD", text.translate(_LETTER_MAP))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped.casefold().translate(_LETTER_MAP)).strip()


def normalize(text: str) -> str:
    """Canonical form for storage: NFC with collapsed white space."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()


def _fold_classes() -> dict[str, str]:
    """For each plain letter or digit, every Latin character that ``danvan.core.text.fold`` turns into it
    (``d`` → ``DdĐđ…``, ``o`` → ``OoÒòÓó…Ơơ…Ộộ``): Vietnamese in NFC, upper and lower case."""
    classes: dict[str, set[str]] = {}
    for code in [*range(0x20, 0x7F), *range(0xC0, 0x250), *range(0x1E00, 0x1F00)]:
        char = chr(code)
        folded = fold(char)
        if len(folded) == 1 and folded.isascii() and folded.isalnum():
            classes.setdefault(folded, set()).add(char)
    return {letter: "".join(sorted(chars)) for letter, chars in classes.items()}


_FOLD_CLASSES = _fold_classes()
_COMBINING = "[\u0300-\u036f]*"  # marks of text stored decomposed (NFD)


def folded_pattern(query: str) -> str:
    """A regular expression that finds ``query`` the way ``fold`` compares: ``duong`` matches ``Đường``,
    ``DUONG`` and ``đương``. The same in PostgreSQL (``~``) and in Python (SQLite's ``REGEXP``)."""
    parts = []
    for char in fold(query):
        if char == " ":
            parts.append("\\s+")
        elif char in _FOLD_CLASSES:
            parts.append(f"[{_FOLD_CLASSES[char]}]{_COMBINING}")
        else:
            parts.append(re.escape(char))
    return "".join(parts)
