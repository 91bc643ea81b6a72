"""The text a petition gives the category classifier: folded syllables (accent-insensitive, đ → d) of
its subject and content, with the kind as a first pseudo-word.

Data minimisation: the petitioners' and representatives' names, ID numbers, phone numbers, e-mail and
street address are cut out of the text for every kind (not only denunciations) before training or
predicting, so no identity can end up in a model's vocabulary. Uses the tokeniser of the search index
(``danvan.search.text``), so the classifier and the index split Vietnamese the same way.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from danvan.search.text import folded_words, normalize_phone, redact, redact_numbers

MAX_CONTENT_CHARS = 5000
IDENTITY_ROLES = ("petitioner", "representative")


@dataclass(frozen=True)
class PartyIdentity:
    role: str
    full_name: str = ""
    personal_id: str = ""
    phone: str = ""
    email: str = ""
    address_street: str = ""


def _secrets(parties: Iterable[PartyIdentity]) -> tuple[list[list[str]], set[str]]:
    phrases: list[list[str]] = []
    numbers: set[str] = set()
    for p in parties:
        if p.role not in IDENTITY_ROLES:
            continue
        phone = normalize_phone(p.phone)
        phrases += [folded_words(v) for v in (p.full_name, p.email, p.address_street) if v]
        numbers |= {phone, phone[1:], "".join(ch for ch in p.personal_id if ch.isdigit())}
    return [ph for ph in phrases if ph], {n for n in numbers if len(n) >= 6}


def petition_text(*, kind: str, subject: str, content: str, parties: Iterable[PartyIdentity] = ()) -> str:
    """``"kind_<kind> word word …"``: what the vectoriser sees (whitespace-separated folded syllables)."""
    phrases, numbers = _secrets(parties)
    words = folded_words(subject or "") + folded_words((content or "")[:MAX_CONTENT_CHARS])
    if phrases:
        words = redact(words, words, phrases)
    if numbers:
        words = redact_numbers(words, words, numbers)
    return " ".join([f"kind_{kind}", *words])
