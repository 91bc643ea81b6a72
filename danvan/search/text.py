"""Text pieces shared by the search index and the duplicate detector.

Everything is tokenised here, by one function, so that the stored text and the query always split the
same way on SQLite FTS5 and on PostgreSQL: a token is a run of letters and digits; everything else
(punctuation, FTS operators, quotes, slashes) separates tokens. Each token has two forms: *exact*
(NFC, lower case, diacritics kept) and *folded* (``danvan.core.text.fold``: no tone or vowel marks,
đ → d). Both backends receive text that is already "token token token", so their own tokenisers have
nothing left to decide.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from danvan.core.text import fold

TOKEN_RE = re.compile(r"[^\W_]+")
MAX_QUERY_CHARS = 1000
MAX_QUERY_CLAUSES = 16
MIN_PREFIX_CHARS = 2
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "＂": '"'})


_fold_token = lru_cache(maxsize=262_144)(fold)  # the syllable vocabulary is small: fold each once


@dataclass(frozen=True)
class Token:
    exact: str
    folded: str


def tokens(text: str) -> list[Token]:
    """Tokens of ``text``; NFC and NFD input give the same tokens."""
    out = []
    for raw in TOKEN_RE.findall(unicodedata.normalize("NFC", text).lower()):
        folded = _fold_token(raw) if len(raw) < 40 else fold(raw)
        if folded:
            out.append(Token(raw, folded))
    return out


def folded_words(text: str) -> list[str]:
    return [w for t in tokens(text) for w in t.folded.split()]


# --- Queries --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Clause:
    """One required part of a query: a word, a phrase (several tokens in order) or a prefix."""

    words: tuple[Token, ...]
    prefix: bool = False

    @property
    def is_phrase(self) -> bool:
        return len(self.words) > 1


@dataclass(frozen=True)
class ParsedQuery:
    clauses: tuple[Clause, ...]

    @property
    def has_diacritics(self) -> bool:
        return any(t.exact != t.folded for c in self.clauses for t in c.words)

    def __bool__(self) -> bool:
        return bool(self.clauses)


def parse_query(query: str | None) -> ParsedQuery:
    """Turn any user input into safe clauses. Never raises; unusable input gives an empty query.

    ``"…"`` makes a phrase, a trailing ``*`` a prefix (at least two letters); every other operator
    character or word (``NEAR``, ``OR``, ``:``, ``(``, ``-`` …) is plain text or a separator.
    """
    if not query:
        return ParsedQuery(())
    text = unicodedata.normalize("NFC", str(query)[:MAX_QUERY_CHARS]).translate(_QUOTES)
    parts = text.split('"')
    if len(parts) % 2 == 0:  # an unbalanced quote is ignored
        parts = [" ".join(parts)]
    clauses: list[Clause] = []
    for index, part in enumerate(parts):
        if index % 2 == 1:
            words = tuple(tokens(part))
            follows = parts[index + 1] if index + 1 < len(parts) else ""
            if words:
                prefix = follows.startswith("*") and len(words[-1].folded) >= MIN_PREFIX_CHARS
                clauses.append(Clause(words, prefix=prefix))
            continue
        for term in part.split():
            words = tuple(tokens(term))
            if not words:
                continue
            prefix = term.endswith("*") and len(words[-1].folded) >= MIN_PREFIX_CHARS
            clauses.append(Clause(words, prefix=prefix))
    seen: set[Clause] = set()
    unique = [c for c in clauses if not (c in seen or seen.add(c))]  # type: ignore[func-returns-value]
    return ParsedQuery(tuple(unique[:MAX_QUERY_CLAUSES]))


# --- Keys for duplicate detection -----------------------------------------------------------------

_TITLES = {"ong", "ba", "anh", "chi", "em", "co", "chu", "bac", "cu", "gia", "dinh", "ho"}


def normalize_phone(raw: str) -> str:
    """Vietnamese numbers in one form: ``+84 912 345 678``, ``84912345678``, ``0912.345.678`` → ``0912345678``."""
    digits = re.sub(r"\D", "", raw or "")
    if digits.startswith("0084"):
        digits = "0" + digits[4:]
    elif digits.startswith("84") and len(digits) in (11, 12):
        digits = "0" + digits[2:]
    elif not digits.startswith("0") and len(digits) in (9, 10):
        digits = "0" + digits
    return digits if 10 <= len(digits) <= 11 else ""


def normalize_name(raw: str) -> str:
    """A person's name folded, without courtesy titles: ``Ông Nguyễn Văn Hùng`` → ``nguyen van hung``."""
    words = folded_words(raw)
    while len(words) > 2 and words[0] in _TITLES:
        words = words[1:]
    return " ".join(words)[:120]


_DECISION_RE = re.compile(r"(\d{1,6})\s*/\s*(?:(\d{4})\s*/\s*)?([^\W\d_]{1,6})((?:\s*-\s*[^\W_]{1,10}){0,3})")
_DECISION_KINDS = {"qd", "tb", "ub", "cv", "ubnd", "tt", "nq", "ct", "kh"}


def decision_references(text: str) -> list[str]:
    """Normalised references of official decisions or letters: ``Quyết định số 15/QĐ-UBND`` → ``15/qd-ubnd``."""
    refs = []
    for number, year, kind, suffix in _DECISION_RE.findall(unicodedata.normalize("NFC", text or "").lower()):
        kind = fold(kind)
        if kind not in _DECISION_KINDS:
            continue
        suffix = re.sub(r"\s+", "", fold(suffix))
        ref = f"{int(number)}/{year + '/' if year else ''}{kind}{suffix}"
        if ref not in refs:
            refs.append(ref)
    return refs[:5]


def normalize_place(raw: str) -> str:
    return " ".join(folded_words(raw))[:200]


# --- Shingles --------------------------------------------------------------------------------------

SHINGLE_SIZE = 3


_SENTENCE_END = re.compile(r"[.!?;…]+(?:\s+|$)|\n+")


def sentences(text: str) -> list[str]:
    """Sentences of a letter (so that reordering or dropping sentences makes no new shingles)."""
    return [s for s in _SENTENCE_END.split(text) if s.strip()]


def shingle_hashes(sentences: Iterable[Sequence[str]], size: int = SHINGLE_SIZE) -> list[int]:
    """Sorted distinct 32-bit hashes of the word ``size``-grams inside each sentence (a short one whole)."""
    grams: set[str] = set()
    for words in sentences:
        if len(words) >= size:
            grams.update(" ".join(words[i : i + size]) for i in range(len(words) - size + 1))
        elif words:
            grams.add(" ".join(words))
    return sorted(int.from_bytes(hashlib.blake2b(g.encode(), digest_size=4).digest(), "little") for g in grams)


def redact[T](items: list[T], keys: Sequence[str], phrases: Iterable[Sequence[str]]) -> list[T]:
    """``items`` without any run whose ``keys`` equal one of ``phrases`` (keeps identities out of the index)."""
    targets = {tuple(p) for p in phrases if p}
    if not targets:
        return items
    drop = [False] * len(items)
    for target in targets:
        n = len(target)
        for i in range(len(keys) - n + 1):
            if tuple(keys[i : i + n]) == target:
                drop[i : i + n] = [True] * n
    return [item for item, d in zip(items, drop, strict=True) if not d]


def redact_numbers[T](items: list[T], keys: Sequence[str], numbers: Iterable[str], *, span: int = 6) -> list[T]:
    """``items`` without runs of number tokens that spell one of ``numbers`` (``0987 654 321``, ``0987.654.321``)."""
    targets = {n for n in numbers if n}
    if not targets:
        return items
    drop = [False] * len(items)
    for i in range(len(keys)):
        digits = ""
        for j in range(i, min(i + span, len(keys))):
            if not keys[j].isdigit():
                break
            digits += keys[j]
            if digits in targets or normalize_phone(digits) in targets:
                drop[i : j + 1] = [True] * (j + 1 - i)
    return [item for item, d in zip(items, drop, strict=True) if not d]
