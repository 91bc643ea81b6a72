"""Plain inputs shared by the document templates: the issuing agency, the person, the kind of petition."""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from danvan.core.masking import Identity, conceal
from danvan.documents.formats import NUMBER_RE, vietnamese_date


class PetitionKind(StrEnum):
    COMPLAINT = "complaint"  # khiếu nại
    DENUNCIATION = "denunciation"  # tố cáo
    RECOMMENDATION = "recommendation"  # kiến nghị
    FEEDBACK = "feedback"  # phản ánh

    @property
    def noun(self) -> str:
        return _NOUNS[self]

    @property
    def law(self) -> str:
        """The statute that governs acceptance (only complaints and denunciations have one)."""
        return _LAWS[self]


_NOUNS = {
    PetitionKind.COMPLAINT: "khiếu nại",
    PetitionKind.DENUNCIATION: "tố cáo",
    PetitionKind.RECOMMENDATION: "kiến nghị",
    PetitionKind.FEEDBACK: "phản ánh",
}
_LAWS = {
    PetitionKind.COMPLAINT: "Luật Khiếu nại",
    PetitionKind.DENUNCIATION: "Luật Tố cáo",
    PetitionKind.RECOMMENDATION: "Luật Tiếp công dân",
    PetitionKind.FEEDBACK: "Luật Tiếp công dân",
}


class TypeAbbreviation(StrEnum):
    """Decree 30/2020, Appendix III. An official letter (công văn) has none: ``Issuer.letter_symbol``."""

    NOTICE = "TB"  # Thông báo
    DECISION = "QĐ"  # Quyết định
    FORWARDING_SLIP = "PC"  # Phiếu chuyển


@dataclass(frozen=True)
class Issuer:
    """The issuing agency and the person who signs for it.

    ``agency_lines`` are the header lines in capitals ("ỦY BAN NHÂN DÂN", "PHƯỜNG TÂN PHONG");
    ``agency_name`` is the same name in running text ("Ủy ban nhân dân phường Tân Phong");
    ``resolver_title`` is the competent person in running text ("Chủ tịch Ủy ban nhân dân phường Tân Phong");
    ``place`` is the place name of the date line ("Tân Phong"); ``archive_unit`` the drafting unit's symbol
    on the archive line ("TCD" → "- Lưu: VT, TCD, hồ sơ.").
    """

    agency_lines: tuple[str, ...]
    agency_name: str
    agency_code: str
    place: str
    resolver_title: str
    signing_authority: tuple[str, ...]
    signer_name: str
    parent_agency_lines: tuple[str, ...] = ()
    archive_unit: str = ""

    def symbol(self, abbreviation: TypeAbbreviation) -> str:
        """``TB`` → ``"TB-UBND"``."""
        return f"{abbreviation}-{self.agency_code}"

    def letter_symbol(self, unit: str) -> str:
        """An official letter's symbol: issuer and drafting unit, ``"UBND-TCD"``."""
        return f"{self.agency_code}-{unit}"

    @property
    def archive(self) -> str:
        return ", ".join(part for part in ("VT", self.archive_unit, "hồ sơ") if part)


@dataclass(frozen=True)
class Person:
    """A petitioner. ``salutation`` is "ông", "bà" or, when unknown, "ông (bà)"."""

    name: str
    address: str = ""
    salutation: str = "ông (bà)"
    id_number: str = ""
    id_issued_on: datetime.date | None = None
    id_issued_by: str = ""

    @property
    def called(self) -> str:
        """In running text: "ông Nguyễn Văn An"."""
        return f"{self.salutation} {self.name}"

    @property
    def addressed(self) -> str:
        """After "Kính gửi:": "Ông Nguyễn Văn An"."""
        return capitalize(self.called)


def capitalize(text: str) -> str:
    return text[:1].upper() + text[1:]


def sentence(text: str) -> str:
    """Trim and drop a trailing full stop or semicolon so the template controls punctuation."""
    return text.strip().rstrip(".;").rstrip()


def join_vi(items: Sequence[str]) -> str:
    """ "A", "A và B", "A, B và C" (empty items left out)."""
    kept = [item for item in items if item]
    return kept[0] if len(kept) == 1 else ", ".join(kept[:-1]) + " và " + kept[-1]


def check_number(number: str, expected_symbol: str) -> None:
    match = NUMBER_RE.fullmatch(number)
    if match is None or match["symbol"] != expected_symbol:
        raise ValueError(f"The number {number!r} does not carry the symbol {expected_symbol!r}.")


def received_line(*, issuer: Issuer, received_on: datetime.date, kind: PetitionKind, sender: str) -> str:
    return f"{capitalize(vietnamese_date(received_on))}, {issuer.agency_name} nhận được đơn {kind.noun} của {sender}."


def redact(text: str, *, person: Person, placeholder: str) -> str:
    """Replace the person's name (with or without "ông"/"bà"), address and ID number in free text by
    ``placeholder``: in any case, with or without accents, an ID number however its digits are grouped
    (``danvan.core.masking``)."""
    text = unicodedata.normalize("NFC", text)
    called = unicodedata.normalize("NFC", person.called.strip())
    if called:
        text = re.sub(re.escape(called), placeholder, text, flags=re.IGNORECASE)
    for secret in sorted((person.name, person.address, person.id_number), key=len, reverse=True):
        secret = unicodedata.normalize("NFC", secret.strip())
        if secret:
            text = re.sub(re.escape(secret), placeholder, text, flags=re.IGNORECASE)
    identity = Identity(full_name=person.name, address_street=person.address, personal_id=person.id_number)
    return conceal(text, [identity], placeholder)
