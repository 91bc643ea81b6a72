"""How the evidence of two petitions being the same matter adds up to a score in [0, 1].

Calibrated on bench/dupes_eval.py (docs/adr/0009-duplicate-detection.md):

* **content**: shingles weighted by rarity (IDF). ``text`` is the weighted Jaccard, or the weighted
  containment of the shorter text (a shortened copy, a forwarding letter quoting the petition).
  ``particulars`` compares only the rare shingles (numbers, dates, names of places, what actually
  happened). When both letters have particulars, they decide: agreeing particulars make a duplicate,
  disagreeing ones mean another matter (however alike the form phrases). Without particulars the
  letters can only be "alike", never more than ``NO_PARTICULARS``; nor can they when they share too
  few particulars (one date matches by chance somewhere in a province). Letters about another commune
  count ``OTHER_COMMUNE`` times as much. Shingles of middling frequency (places, projects, officials)
  are not particulars but must not disagree either: "the same letter about another hamlet" is
  another matter.
* **person** (personal ID, phone, similar name in the commune) and **matter** (same decision, same
  respondent, same place) raise the score; alone they make a *related* petition, not a duplicate.
"""

from __future__ import annotations

from dataclasses import dataclass

from danvan.search.minhash import distinctive, middling, weighted_similarity
from danvan.search.models import KeyKind

PERSON = {KeyKind.PERSONAL_ID: 1.0, KeyKind.PHONE: 0.9, KeyKind.NAME: 0.6}
MATTER = {KeyKind.DECISION: 0.7, KeyKind.RESPONDENT: 0.4, KeyKind.LOCATION: 0.4}
PERSON_SHARE = 0.5
MATTER_SHARE = 0.5
MIN_TEXT = 0.4
AGREE = 0.5
MIN_SHARED = 2  # rare shingles in common: about two particulars (a plot number and an area, a date and a sum)
NO_PARTICULARS = 0.7
DISAGREE = 0.5
OTHER_COMMUNE = 0.5  # the same matter is about the same commune, whichever organisation received it
MIN_CONTAINMENT_SET = 8


@dataclass(frozen=True)
class ContentEvidence:
    score: float
    text: float
    particulars: float | None  # None: one of the letters has no rare shingles


def text_similarity(a: frozenset[int], b: frozenset[int]) -> float:
    jaccard, containment = weighted_similarity(a, b)
    if min(len(a), len(b)) >= MIN_CONTAINMENT_SET:
        return max(jaccard, 0.9 * containment)
    return jaccard


@dataclass(frozen=True)
class Profile:
    """A letter's shingles split by frequency (made once per letter, compared with many)."""

    all: frozenset[int]
    rare: frozenset[int]
    middling: frozenset[int]


def profile(hashes: frozenset[int]) -> Profile:
    return Profile(hashes, distinctive(hashes), middling(hashes))


def content_evidence(
    a: Profile | frozenset[int], b: Profile | frozenset[int], *, same_commune: bool = True
) -> ContentEvidence:
    a = a if isinstance(a, Profile) else profile(a)
    b = b if isinstance(b, Profile) else profile(b)
    text = text_similarity(a.all, b.all)
    particulars = weighted_similarity(a.rare, b.rare)[1] if a.rare and b.rare else None
    alike = NO_PARTICULARS * text if text >= MIN_TEXT else 0.0
    if a.middling and b.middling and weighted_similarity(a.middling, b.middling)[1] < AGREE:
        score = DISAGREE * alike  # another place, project or official: another matter
    elif particulars is None:
        score = alike  # nothing particular to compare: at most "alike"
    elif particulars < AGREE:
        score = DISAGREE * alike  # the particulars differ: most likely another matter
    elif len(a.rare & b.rare) >= MIN_SHARED and text >= MIN_TEXT / 2:
        score = min(1.0, 0.6 + 0.4 * particulars) * min(1.0, text / 0.45)
    else:
        score = alike  # one shared date or number proves little in a province
    return ContentEvidence(score if same_commune else OTHER_COMMUNE * score, text, particulars)


def combine(content: float, person: float, matter: float) -> float:
    return 1 - (1 - content) * (1 - PERSON_SHARE * person) * (1 - MATTER_SHARE * matter)
