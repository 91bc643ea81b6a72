"""Hotspot scoring (docs/hotspots.md explains it with examples). Pure reads: returns candidates, saves nothing.

Every signal gives a score where 1.0 is the alert line; a candidate is returned only at or above it.
* Surges (same category, same respondent, same place): ``count / max(min_petitions, ratio × expected)``, where
  ``expected`` is the baseline count scaled to the window's length.
* Crowds: ``max(largest crowd / crowd_people, crowd petitions / crowd_petitions)``.
* Repeats: petitions the same person sent after an earlier petition was answered, ``/ repeat_petitions``.
  Denunciations never take part (the link between two petitions would point at a denouncer).
* Overdue crowd cases: open crowd petitions with an overdue legal step, ``/ overdue_crowd_cases``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext as _

from danvan.cases.models import Kind, Party, PartyRole, Petition, Status, StepDeadline
from danvan.cases.models.choices import OPEN_STATUSES
from danvan.core.text import fold
from danvan.reception import law
from danvan.reception.models import HotspotSignal

ANSWERED = (Status.CONCLUDED, Status.CLOSED, Status.GUIDED, Status.ARCHIVED)
_PUNCTUATION = re.compile(r"[^\w ]+")
Row = Mapping[str, Any]


@dataclass
class Candidate:
    unit_id: int
    signal: str
    key: str
    label: str
    score: float
    facts: dict[str, float | int | str]
    evidence: dict[int, str] = field(default_factory=dict)  # petition id → reason
    people: int = 0


@dataclass(frozen=True)
class Settings:
    window_days: int
    baseline_days: int
    surge_min: float
    surge_ratio: float
    crowd_people: float
    crowd_petitions: float
    repeat_petitions: float
    overdue_crowd: float

    @classmethod
    def load(cls) -> Settings:
        t = law.thresholds()
        return cls(
            window_days=int(t["hotspot-window-days"]),
            baseline_days=int(t["hotspot-baseline-days"]),
            surge_min=t["hotspot-surge-min-petitions"],
            surge_ratio=t["hotspot-surge-ratio"],
            crowd_people=t["hotspot-crowd-people"],
            crowd_petitions=t["hotspot-crowd-petitions"],
            repeat_petitions=t["hotspot-repeat-petitions"],
            overdue_crowd=t["hotspot-overdue-crowd-cases"],
        )


def matter_key(text: str) -> str:
    """A respondent or a place as a key: folded, without punctuation, single spaces."""
    return " ".join(_PUNCTUATION.sub(" ", fold(text)).split())[:120]


def person_key(value: str) -> str:
    """A keyed hash of a personal ID or phone: the same person gives the same key; the key reveals neither."""
    digest = hmac.new(settings.SECRET_KEY.encode(), value.encode(), hashlib.sha256).hexdigest()
    return f"person:{digest[:16]}"


def _surges(rows: Sequence[Row], s: Settings, window_start: dt.date) -> list[Candidate]:
    groups: dict[tuple[int, str, str], dict[str, Any]] = {}
    for row in rows:
        keys: list[tuple[str, str, str]] = [
            (HotspotSignal.SUBJECT, str(row["category_id"] or ""), row["category__name"] or ""),
            (HotspotSignal.RESPONDENT, matter_key(row["respondent_name"]), row["respondent_name"]),
            (HotspotSignal.LOCATION, matter_key(row["location"]), row["location"]),
        ]
        for signal, key, label in keys:
            if not key:
                continue
            group = groups.setdefault((row["unit_id"], signal, key), {"label": label, "window": [], "baseline": 0})
            if row["received_on"] >= window_start:
                group["window"].append(row)
            else:
                group["baseline"] += 1
    found = []
    for (unit_id, signal, key), group in groups.items():
        count = len(group["window"])
        expected = group["baseline"] * s.window_days / s.baseline_days
        score = count / max(s.surge_min, s.surge_ratio * expected)
        if score < 1:
            continue
        found.append(
            Candidate(
                unit_id,
                signal,
                key,
                group["label"][:250],
                round(score, 2),
                {"count": count, "baseline": group["baseline"], "expected": round(expected, 2)},
                {
                    r["pk"]: _("received %(day)s") % {"day": r["received_on"].strftime("%d/%m/%Y")}
                    for r in group["window"]
                },
                sum(r["people_count"] for r in group["window"]),
            )
        )
    return found


def _crowds(rows: Sequence[Row], s: Settings) -> list[Candidate]:
    by_unit: dict[int, list[Row]] = defaultdict(list)
    for row in rows:
        if row["people_count"] >= law.crowd_min_people(day=row["received_on"]):
            by_unit[row["unit_id"]].append(row)
    found = []
    for unit_id, crowd in by_unit.items():
        largest = max(r["people_count"] for r in crowd)
        score = max(largest / s.crowd_people, len(crowd) / s.crowd_petitions)
        if score >= 1:
            found.append(
                Candidate(
                    unit_id,
                    HotspotSignal.CROWD,
                    "crowd",
                    "",
                    round(score, 2),
                    {"count": len(crowd), "largest": largest},
                    {r["pk"]: _("%(n)s people") % {"n": r["people_count"]} for r in crowd},
                    sum(r["people_count"] for r in crowd),
                )
            )
    return found


def _identity(party: Row) -> str:
    value = party["personal_id"] or "".join(ch for ch in party["phone"] if ch.isdigit())[-9:]
    return person_key(value) if len(value) >= 9 else ""


def _repeats(rows: Sequence[Row], s: Settings) -> list[Candidate]:
    window = {r["pk"]: r for r in rows if r["kind"] != Kind.DENUNCIATION and r["previous_round_id"] is None}
    parties = Party.objects.filter(petition_id__in=window, role=PartyRole.PETITIONER).values(
        "petition_id", "personal_id", "phone"
    )
    people: dict[str, set[int]] = defaultdict(set)
    ids: set[str] = set()
    phones: set[str] = set()
    for party in parties:
        key = _identity(party)
        if key:
            people[key].add(party["petition_id"])
            if party["personal_id"]:
                ids.add(party["personal_id"])
            else:
                phones.add(party["phone"])
    answered = (
        Party.objects.filter(Q(personal_id__in=ids) | Q(phone__in=phones))
        .filter(role=PartyRole.PETITIONER, petition__status__in=ANSWERED)
        .exclude(petition__kind=Kind.DENUNCIATION)
    )
    earlier: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for answer in answered.values(
        "personal_id",
        "phone",
        "petition__tracking_code",
        "petition__concluded_on",
        "petition__closed_on",
        "petition__received_on",
    ):
        key = _identity(answer)
        answer_on = answer["petition__concluded_on"] or answer["petition__closed_on"] or answer["petition__received_on"]
        earlier[key].append({"code": answer["petition__tracking_code"], "on": answer_on})
    found = []
    for key, petition_ids in people.items():
        if not earlier.get(key):
            continue
        first_answer = min(earlier[key], key=lambda e: e["on"])
        repeats = sorted(pk for pk in petition_ids if window[pk]["received_on"] > first_answer["on"])
        score = len(repeats) / s.repeat_petitions
        if not repeats or score < 1:
            continue
        reason = _("after the answer to %(code)s on %(day)s") % {
            "code": first_answer["code"],
            "day": first_answer["on"].strftime("%d/%m/%Y"),
        }
        found.append(
            Candidate(
                window[repeats[0]]["unit_id"],
                HotspotSignal.REPEAT,
                key,
                key.removeprefix("person:")[:6],
                round(score, 2),
                {"count": len(repeats), "answered": first_answer["code"]},
                dict.fromkeys(repeats, reason),
                sum(window[pk]["people_count"] for pk in repeats),
            )
        )
    return found


def _overdue_crowds(today: dt.date, s: Settings) -> list[Candidate]:
    crowd = law.crowd_min_people(day=today)
    overdue = (
        StepDeadline.objects.filter(completed_on__isnull=True, paused_on__isnull=True, due_on__lt=today)
        .filter(petition__people_count__gte=crowd, petition__status__in=list(OPEN_STATUSES))
        .values("petition_id", "petition__unit_id", "petition__people_count", "due_on")
        .order_by("due_on")
    )
    by_unit: dict[int, dict[int, Row]] = defaultdict(dict)
    for row in overdue:
        by_unit[row["petition__unit_id"]].setdefault(row["petition_id"], row)
    found = []
    for unit_id, petitions in by_unit.items():
        score = len(petitions) / s.overdue_crowd
        if score >= 1:
            found.append(
                Candidate(
                    unit_id,
                    HotspotSignal.OVERDUE_CROWD,
                    "overdue-crowd",
                    "",
                    round(score, 2),
                    {"count": len(petitions)},
                    {
                        pk: _("overdue since %(day)s") % {"day": r["due_on"].strftime("%d/%m/%Y")}
                        for pk, r in petitions.items()
                    },
                    sum(r["petition__people_count"] for r in petitions.values()),
                )
            )
    return found


def score_hotspots(*, today: dt.date, settings_: Settings | None = None) -> list[Candidate]:
    s = settings_ or Settings.load()
    window_start = today - dt.timedelta(days=s.window_days - 1)
    baseline_start = window_start - dt.timedelta(days=s.baseline_days)
    rows = list(
        Petition.objects.filter(received_on__gte=baseline_start, received_on__lte=today).values(
            "pk",
            "unit_id",
            "category_id",
            "category__name",
            "respondent_name",
            "location",
            "received_on",
            "people_count",
            "kind",
            "previous_round_id",
        )
    )
    recent = [r for r in rows if r["received_on"] >= window_start]
    return [*_surges(rows, s, window_start), *_crowds(recent, s), *_repeats(recent, s), *_overdue_crowds(today, s)]
