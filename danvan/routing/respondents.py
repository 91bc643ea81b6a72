"""Whose decision or conduct a petition is about, read from its text (folded, accent-insensitive).

The competence rules depend on the level of the decision complained about or of the person denounced
(LEGAL_BRIEF §2.4, §2.5). The petition form has a free-text "person or agency complained about" field;
this module recognises the position words in it (then in the decision reference and subject, then in
the content) and returns a :class:`~danvan.routing.models.Respondent` level. Only position words are
matched and returned as evidence, never names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from danvan.routing.models import Respondent
from danvan.search.text import folded_words

MAX_CONTENT_CHARS = 3000

_COMMITTEE = r"(?:ubnd|uy ban nhan dan|uy ban)"
_COMMUNE = r"(?:xa|phuong|dac khu|thi tran)"
_PROVINCE = r"(?:tinh|thanh pho)"
_DEPARTMENTS = (
    r"(?:tai nguyen|nong nghiep|xay dung|giao thong|lao dong|tu phap|y te|giao duc|noi vu|tai chinh|cong thuong"
    r"|van hoa|khoa hoc|ke hoach|dan toc|ngoai vu|thong tin|moi truong|du lich)"
)
_STAFF = (
    r"(?:can bo|cong chuc|vien chuc|cong an vien|truong (?:ban|thon|ap|bon|buon|khu pho)|to truong to dan pho"
    r"|dia chinh|ke toan|van phong thong ke|tu phap ho tich|chi huy truong quan su)"
)


def _re(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"\b{pattern}\b")


# Checked in this order: the first pattern found decides. Explicit positions before bare committees (a
# "cán bộ văn phòng UBND xã" is an official, not the committee); Party rules before state positions.
PATTERNS: list[tuple[Respondent, re.Pattern[str]]] = [
    (Respondent.PARTY_MEMBER, _re(r"(?:dieu le dang|ky luat dang|quy dinh cua dang|nghi quyet cua dang)")),
    (Respondent.PROVINCE_LEADER, _re(rf"(?:pho )?chu tich (?:{_COMMITTEE} )?{_PROVINCE}")),
    (Respondent.DEPARTMENT_HEAD, _re(r"(?:pho )?(?:giam doc so|chanh thanh tra tinh|chi cuc truong)")),
    (Respondent.COMMUNE_LEADER, _re(rf"(?:pho )?chu tich (?:{_COMMITTEE} )?{_COMMUNE}")),
    (Respondent.DEPARTMENT_OFFICIAL, _re(rf"{_STAFF} (?:cua |thuoc )?(?:so {_DEPARTMENTS}|chi cuc|thanh tra tinh)")),
    (Respondent.COMMUNE_OFFICIAL, _re(_STAFF)),
    (
        Respondent.DEPARTMENT_OFFICIAL,
        _re(rf"(?:so {_DEPARTMENTS}|thanh tra tinh|chi cuc|van phong dang ky dat dai)"),
    ),
    (Respondent.PROVINCE_LEADER, _re(rf"{_COMMITTEE} {_PROVINCE}")),
    (Respondent.COMMUNE_LEADER, _re(rf"(?:{_COMMITTEE} {_COMMUNE}|chu tich {_COMMITTEE})")),
    (Respondent.PARTY_MEMBER, _re(r"dang vien")),
]


@dataclass(frozen=True)
class Recognised:
    level: Respondent
    evidence: str  # the position words matched (folded), never a name
    field: str  # "respondent", "subject" or "content"; "" when nothing was recognised


def _folded(text: str) -> str:
    return " ".join(folded_words(text))


def _first_match(text: str) -> tuple[Respondent, str] | None:
    if not text:
        return None
    for level, pattern in PATTERNS:
        found = pattern.search(text)
        if found:
            return level, found.group(0)
    return None


def recognise(
    *, respondent_name: str = "", decision_reference: str = "", subject: str = "", content: str = ""
) -> Recognised:
    """The level of the respondent: from the respondent field, else the decision and subject, else the content."""
    fields = [
        ("respondent", _folded(respondent_name)),
        ("subject", _folded(f"{decision_reference} . {subject}")),
        ("content", _folded(content[:MAX_CONTENT_CHARS])),
    ]
    for name, text in fields:
        found = _first_match(text)
        if found is not None:
            return Recognised(found[0], found[1], name)
    return Recognised(Respondent.UNKNOWN, "", "")


def department_words(text: str) -> set[str]:
    """Folded words of a text, to match a department's name against the respondent field."""
    return set(folded_words(text))
