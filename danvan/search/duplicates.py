"""Duplicate and related petitions: candidates with a score and the reasons, never merged automatically.

Candidates come from every organisation of the petition's province. A candidate the user may not open
is returned as a stub (tracking code, organisation, date, score, reasons) without content or identity.
A match on a denouncer's identity (ID, phone, name) is used only when the user may see that identity
on both petitions; otherwise it is left out of the reasons *and* of the score, and a candidate found
only that way is not returned at all (it would tell that this person denounced someone).

Outside the user's own scope the detector is no lookup tool (docs/search.md, "Privacy"): a stub is listed
only on content or same-person evidence, never on the respondent, decision or place alone (anybody can type
a name); another organisation's denunciation only as a likely duplicate by its content.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db import connection, transaction
from django.db.models import Count, Q
from django.utils.translation import gettext as _
from rapidfuzz import fuzz, process

from danvan.accounts.models import User
from danvan.cases.models import Kind, Petition
from danvan.cases.selectors import petition_list_for_user, user_may_see_identity
from danvan.search.documents import Source, build
from danvan.search.minhash import band_keys, lsh_set, signature, unpack
from danvan.search.models import KeyKind, MinHashBand, PetitionDocument, PetitionKey
from danvan.search.scoring import MATTER, PERSON, combine, content_evidence, profile

IDENTITY = (KeyKind.PERSONAL_ID, KeyKind.PHONE, KeyKind.NAME)
CONTENT = "content"
NAME_CUTOFF = 88.0
MIN_SCORE = 0.15
LIKELY_DUPLICATE = 0.65
MAX_BAND_HITS = 100
MAX_KEY_HITS = 150


@dataclass
class Candidate:
    petition_id: int
    tracking_code: str
    organization: str
    received_on: dt.date
    score: float
    reasons: list[str]
    codes: list[str]
    petition: Petition | None = None  # None: the user may not open it, show the stub only

    @property
    def likely_duplicate(self) -> bool:
        return self.score >= LIKELY_DUPLICATE

    @property
    def strong(self) -> bool:
        """Content or same-person evidence, not only the respondent, a decision or a place."""
        return strong_evidence(self.codes)

    @property
    def confirmable(self) -> bool:
        """May be marked as the duplicate of (or linked to) a petition of the user even when the user may not
        open it: a likely duplicate on content or same-person evidence (``candidates.candidate_by_code``)."""
        return self.likely_duplicate and self.strong


def strong_evidence(codes: list[str]) -> bool:
    return any(code == CONTENT or code in PERSON for code in codes)


@dataclass
class _Evidence:
    keys: dict[str, tuple[str, bool]] = field(default_factory=dict)  # kind → (value, confidential)
    bands: int = 0


def _reason(kind: str, value: str, sim: float) -> str:
    if kind == CONTENT:
        return _("Near-duplicate content (%(percent)s%% alike)") % {"percent": round(sim * 100)}
    texts: dict[str, str] = {
        KeyKind.PERSONAL_ID: _("Same personal ID number"),
        KeyKind.PHONE: _("Same phone number"),
        KeyKind.NAME: _("Similar petitioner name in the same commune"),
        KeyKind.RESPONDENT: _("Same person or agency complained about"),
        KeyKind.DECISION: _("Same decision complained about (%(reference)s)") % {"reference": value.upper()},
        KeyKind.LOCATION: _("Same location"),
    }
    return texts[kind]


def _source(petition: Petition | None, data: Any) -> Source:
    if petition is not None:
        petition = Petition.objects.select_related("unit", "category").get(pk=petition.pk)
        return Source.from_petition(petition, list(petition.parties.order_by("pk")))
    return Source.from_data(data)


def _gather(
    source: Source, keys: list[tuple[str, str, bool]], bands: list[int], identity: bool
) -> dict[int, _Evidence]:
    hits: dict[int, _Evidence] = {}
    wanted = Q()
    for kind, value, _confidential in keys:
        if kind == KeyKind.NAME or (kind in IDENTITY and not identity):
            continue
        # "15/QĐ-UBND" of another commune's committee is another decision.
        same_unit = {"unit_id": source.unit_id} if kind == KeyKind.DECISION else {}
        wanted |= Q(kind=kind, value=value, **same_unit)
    if wanted:
        rows = PetitionKey.objects.filter(wanted, province_id=source.province_id).values_list(
            "petition_id", "kind", "value", "confidential"
        )
        for pk, kind, value, confidential in rows[:MAX_KEY_HITS]:
            hits.setdefault(pk, _Evidence()).keys[kind] = (value, confidential)
    names = [v for k, v, _c in keys if k == KeyKind.NAME]
    if names and identity:
        named = list(
            PetitionKey.objects.filter(unit_id=source.unit_id, kind=KeyKind.NAME).values_list(
                "petition_id", "value", "confidential"
            )
        )
        choices = [r[1] for r in named]
        for name in names:
            for _match, _score, index in process.extract(
                name, choices, scorer=fuzz.token_sort_ratio, score_cutoff=NAME_CUTOFF, limit=MAX_KEY_HITS
            ):
                pk, value, confidential = named[index]
                hits.setdefault(pk, _Evidence()).keys[KeyKind.NAME] = (value, confidential)
    if bands:
        band_rows = (
            MinHashBand.objects.filter(hash__in=bands)
            .values("petition_id")
            .annotate(n=Count("band"))
            .order_by("-n")[:MAX_BAND_HITS]
        )
        with transaction.atomic():
            if connection.vendor == "postgresql":
                # A lookup touches a few hundred rows: starting parallel workers would cost more than it.
                with connection.cursor() as cursor:
                    cursor.execute("SET LOCAL max_parallel_workers_per_gather = 0")
            for row in band_rows:
                hits.setdefault(row["petition_id"], _Evidence()).bands = row["n"]
    return hits


def duplicate_candidates(
    *, user: User, petition: Petition | None = None, data: Any = None, limit: int = 10
) -> list[Candidate]:
    """Earlier petitions that may be the same matter (``petition`` saved, or ``data`` being entered)."""
    if petition is None and data is None:
        raise ValueError("give a petition or the data of a new one")
    source = _source(petition, data)
    built = build(source)
    # The user typed ``data`` themselves; for a saved denunciation the identity needs access.
    identity = petition is None or user_may_see_identity(user=user, petition=petition)
    mine = frozenset(built.shingles)
    hits = _gather(source, built.keys, band_keys(signature(lsh_set(mine))), identity)
    hits.pop(getattr(petition, "pk", None), None)  # type: ignore[arg-type]
    if not hits:
        return []
    found = Petition.objects.filter(pk__in=list(hits), unit__province_id=source.province_id).select_related(
        "handling_organization"
    )
    shingles = dict(PetitionDocument.objects.filter(pk__in=list(hits)).values_list("pk", "shingles"))
    visible = set(petition_list_for_user(user=user).filter(pk__in=list(hits)).values_list("pk", flat=True))
    mine_profile = profile(mine)
    candidates = []
    for other in found:
        evidence = hits[other.pk]
        evidence_content = content_evidence(
            mine_profile, unpack(shingles.get(other.pk)), same_commune=other.unit_id == source.unit_id
        )
        sim = evidence_content.text
        parts: list[tuple[str, str, float]] = []
        if evidence_content.score > 0:
            parts.append((CONTENT, "", evidence_content.score))
        may_see = None
        for kind, (value, confidential) in evidence.keys.items():
            if confidential:
                may_see = user_may_see_identity(user=user, petition=other) if may_see is None else may_see
                if not may_see:
                    continue
            parts.append((kind, value, PERSON.get(KeyKind(kind)) or MATTER[KeyKind(kind)]))
        score = combine(
            evidence_content.score,
            max((w for k, _v, w in parts if k in PERSON), default=0.0),
            max((w for k, _v, w in parts if k in MATTER), default=0.0),
        )
        if score < MIN_SCORE:
            continue
        codes = [kind for kind, _v, _w in parts]
        if other.pk not in visible and not _may_list_stub(other, codes, score):
            continue
        parts.sort(key=lambda p: -p[2])
        candidates.append(
            Candidate(
                petition_id=other.pk,
                tracking_code=other.tracking_code,
                organization=other.handling_organization.name,
                received_on=other.received_on,
                score=round(score, 3),
                reasons=[_reason(kind, value, sim) for kind, value, _w in parts],
                codes=[kind for kind, _v, _w in parts],
                petition=other if other.pk in visible else None,
            )
        )
    candidates.sort(key=lambda c: (-c.score, -c.received_on.toordinal(), -c.petition_id))
    return candidates[: max(0, limit)]


def _may_list_stub(other: Petition, codes: list[str], score: float) -> bool:
    """Whether a petition the user may not open is listed (as a stub): a match on the respondent, a decision
    or a place alone would tell anybody who types a name that another organisation has such a petition."""
    if other.kind == Kind.DENUNCIATION:
        return CONTENT in codes and score >= LIKELY_DUPLICATE
    return strong_evidence(codes)
