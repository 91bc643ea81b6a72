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
