"""What a petition contributes to the search index and to the duplicate keys.

Confidentiality (Denunciation Law art. 8(3), 47): for a denunciation, the denouncer's and the
representative's name, ID, phone, e-mail and street address are **never** put in the searchable text,
and every occurrence of them is cut out of the subject, content and location before indexing. Their
duplicate keys are stored with ``confidential=True`` and used only for users who may see the identity.
For the other kinds, petitioners' names and phone numbers are searchable.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from danvan.cases.models import Kind, Party, PartyRole, Petition
from danvan.search.minhash import pack
from danvan.search.models import KeyKind
from danvan.search.text import (
    Token,
    decision_references,
    folded_words,
    normalize_name,
    normalize_phone,
    redact,
    redact_numbers,
    sentences,
    shingle_hashes,
    tokens,
)

MAX_TEXT_CHARS = 100_000
IDENTITY_ROLES = (PartyRole.PETITIONER, PartyRole.REPRESENTATIVE)


@dataclass(frozen=True)
class SourceParty:
    role: str
    full_name: str
    personal_id: str = ""
    phone: str = ""
    email: str = ""
    address_street: str = ""


@dataclass(frozen=True)
class Source:
    """A petition, saved or not yet saved (intake form data), as the index sees it."""

    kind: str
    subject: str
    content: str
    unit_id: int
    province_id: int
    tracking_code: str = ""
    location: str = ""
    respondent_name: str = ""
    decision_reference: str = ""
    labels: tuple[str, ...] = ()  # category and commune names: searchable, not content
    parties: tuple[SourceParty, ...] = ()

    @property
    def confidential_identity(self) -> bool:
        return self.kind == Kind.DENUNCIATION

    @classmethod
    def from_petition(cls, petition: Petition, parties: list[Party]) -> Source:
        labels = [petition.category.name if petition.category else "", petition.unit.name]
        return cls(
            kind=petition.kind,
            subject=petition.subject,
            content=petition.content,
            unit_id=petition.unit_id,
            province_id=petition.unit.province_id or petition.unit_id,
            tracking_code=petition.tracking_code,
            location=petition.location,
            respondent_name=petition.respondent_name,
            decision_reference=petition.decision_reference,
            labels=tuple(x for x in labels if x),
            parties=tuple(_party(p) for p in parties),
        )

    @classmethod
    def from_data(cls, data: Any) -> Source:
        """From ``danvan.cases.services.intake.PetitionData`` (duck-typed: any object with its fields)."""
        labels = [data.category.name if getattr(data, "category", None) else "", data.unit.name]
        return cls(
            kind=data.kind,
            subject=data.subject or "",
            content=data.content or "",
            unit_id=data.unit.pk,
            province_id=data.unit.province_id or data.unit.pk,
            location=getattr(data, "location", "") or "",
            respondent_name=getattr(data, "respondent_name", "") or "",
            decision_reference=getattr(data, "decision_reference", "") or "",
            labels=tuple(x for x in labels if x),
            parties=tuple(_party(p) for p in getattr(data, "parties", []) or []),
        )


def _party(p: Any) -> SourceParty:
    return SourceParty(
        role=p.role,
        full_name=p.full_name or "",
        personal_id=p.personal_id or "",
        phone=p.phone or "",
        email=p.email or "",
        address_street=p.address_street or "",
    )


@dataclass
class Built:
    folded: str
    exact: str
    title: str
    shingles: list[int]
    keys: list[tuple[str, str, bool]] = field(default_factory=list)

    @property
    def fingerprint(self) -> str:
        h = hashlib.sha256()
        for part in (self.folded, self.exact, self.title, repr(self.keys), repr(self.shingles)):
            h.update(part.encode())
            h.update(b"\0")
        return h.hexdigest()

    @property
    def packed_shingles(self) -> bytes:
        return pack(self.shingles)


def _secret_numbers(source: Source) -> set[str]:
    numbers: set[str] = set()
    for p in source.parties:
        if p.role in IDENTITY_ROLES:
            phone = normalize_phone(p.phone)
            numbers |= {
                phone,
                phone[1:],
                "84" + phone[1:] if phone else "",
                "".join(filter(str.isdigit, p.personal_id)),
            }
    return {n for n in numbers if len(n) >= 6}


def _secret_phrases(source: Source) -> list[list[str]]:
    """Word sequences that would reveal a denouncer: names, IDs, phones, e-mail, street address."""
    phrases: list[list[str]] = []
    for p in source.parties:
        if p.role not in IDENTITY_ROLES:
            continue
        phone = normalize_phone(p.phone)
        values = [p.full_name, p.personal_id, p.phone, p.email, p.address_street, phone, phone[1:]]
        phrases.extend(folded_words(v) for v in values if v)
    return [ph for ph in phrases if ph]


def _join(toks: list[Token]) -> tuple[str, str]:
    return " ".join(t.exact for t in toks), " ".join(t.folded for t in toks)


def _cleaner(source: Source) -> Callable[[str], list[Token]]:
    """Tokens of a free text of ``source`` with a denouncer's name, ID, phone, e-mail and street cut out."""
    secret = _secret_phrases(source) if source.confidential_identity else []
    numbers = _secret_numbers(source) if source.confidential_identity else set()

    def clean(text: str) -> list[Token]:
        toks = tokens(text[:MAX_TEXT_CHARS])
        if not (secret or numbers):
            return toks
        toks = redact(toks, [t.folded for t in toks], secret)
        return redact_numbers(toks, [t.folded for t in toks], numbers)

    return clean


def build(source: Source) -> Built:
    clean = _cleaner(source)
    body = clean(source.subject) + clean(source.content)
    extra = clean(source.location) + tokens(source.respondent_name) + tokens(source.decision_reference)
    people: list[Token] = []
    for p in source.parties:
        if p.role in IDENTITY_ROLES and source.confidential_identity:
            continue
        people += tokens(p.full_name)
        if p.role in IDENTITY_ROLES:
            people += tokens(p.phone) + tokens(normalize_phone(p.phone))
    labels = [t for label in (source.tracking_code, *source.labels) for t in tokens(label)]
    exact, folded = _join(labels + body + extra + people)
    title_toks = clean(source.subject)
    title = " ".join(t.folded for t in title_toks + extra + people)[:600]
    parts = [clean(x) for x in sentences(source.subject[:MAX_TEXT_CHARS]) + sentences(source.content[:MAX_TEXT_CHARS])]
    shingles = shingle_hashes([w for t in part for w in t.folded.split()] for part in parts)
    return Built(folded=folded, exact=exact, title=title, shingles=shingles, keys=keys_for(source))


def keys_for(source: Source) -> list[tuple[str, str, bool]]:
    """(kind, value, confidential) of every key the petition may share with another one."""
    keys: list[tuple[str, str, bool]] = []

    def add(kind: str, value: str, confidential: bool = False) -> None:
        item = (kind, value[:200], confidential)
        if value and item not in keys:
            keys.append(item)

    for p in source.parties:
        if p.role in IDENTITY_ROLES:
            secret = source.confidential_identity
            add(KeyKind.PERSONAL_ID, "".join(ch for ch in p.personal_id if ch.isdigit()), secret)
            add(KeyKind.PHONE, normalize_phone(p.phone), secret)
            name = normalize_name(p.full_name)
            if len(name) >= 4:
                add(KeyKind.NAME, name, secret)
        elif p.role == PartyRole.RESPONDENT:
            add(KeyKind.RESPONDENT, normalize_name(p.full_name))
    add(KeyKind.RESPONDENT, normalize_name(source.respondent_name))
    for ref in decision_references(" ".join([source.decision_reference, source.subject, source.content[:5000]])):
        add(KeyKind.DECISION, ref)
    # The place after the same redaction as the text (``normalize_place`` of what is left): a denunciation
    # whose "place" is the denouncer's home must not be found by typing that address (docs/search.md).
    place = " ".join(w for t in _cleaner(source)(source.location) for w in t.folded.split())[:200]
    if len(place) >= 6:
        add(KeyKind.LOCATION, place)
    return keys
