"""Hotspots: the periodic scan saves what ``scoring`` finds and tells the commune's leaders, the Ban Dân vận and
the MTTQ; leaders acknowledge, assign and close. Notifications never carry a petitioner's identity."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from danvan.accounts.models import Organization, OrganizationKind, Role, User
from danvan.core.text import normalize
from danvan.geography.models import AdministrativeUnit
from danvan.notifications.services import Message, notify
from danvan.reception.errors import ReceptionErrorCode, field_error, reception_error
from danvan.reception.models import HOTSPOT_OPEN, Hotspot, HotspotEvidence, HotspotStatus
from danvan.reception.scoring import Candidate, Settings, score_hotspots
from danvan.reception.services.common import audit

AREA_BODIES = [OrganizationKind.MASS_MOBILIZATION_BOARD, OrganizationKind.FATHERLAND_FRONT]


@dataclass(frozen=True)
class ScanResult:
    candidates: int
    created: int
    updated: int
    notifications: int


def hotspot_recipients(unit: AdministrativeUnit) -> list[User]:
    """The commune's People's Committee heads, and the heads and officers of its Ban Dân vận and MTTQ."""
    committee = Q(memberships__organization__kind=OrganizationKind.COMMUNE_COMMITTEE, memberships__role=Role.UNIT_HEAD)
    bodies = Q(
        memberships__organization__kind__in=AREA_BODIES,
        memberships__role__in=[Role.UNIT_HEAD, Role.MASS_ORG_OFFICER],
    )
    return list(
        User.objects.filter(
            committee | bodies,
            memberships__organization__unit=unit,
            memberships__organization__is_active=True,
            memberships__is_active=True,
            is_active=True,
        )
        .distinct()
        .order_by("pk")
    )


def _message(hotspot: Hotspot) -> Message:
    title = _("Possible hotspot in %(unit)s: %(signal)s") % {
        "unit": hotspot.unit.name,
        "signal": hotspot.get_signal_display(),
    }
    body = _("Score %(score)s: %(petitions)s petitions, %(people)s people, %(start)s–%(end)s.") % {
        "score": f"{hotspot.score:g}",
        "petitions": hotspot.petition_count,
        "people": hotspot.people_count,
        "start": hotspot.window_start.strftime("%d/%m/%Y"),
        "end": hotspot.window_end.strftime("%d/%m/%Y"),
    }
    return Message(
        key=f"hotspot:{hotspot.pk}", title=title, body=body, url=reverse("reception:hotspot_detail", args=[hotspot.pk])
    )


def _save(candidate: Candidate, *, window_start: dt.date, today: dt.date) -> tuple[Hotspot, bool]:
    hotspot = (
        Hotspot.objects.select_for_update()
        .filter(unit_id=candidate.unit_id, signal=candidate.signal, key=candidate.key, status__in=HOTSPOT_OPEN)
        .first()
    )
    values = {
        "label": candidate.label,
        "score": candidate.score,
        "petition_count": len(candidate.evidence),
        "people_count": candidate.people,
        "facts": candidate.facts,
        "window_start": window_start,
        "window_end": today,
        "last_scored_at": timezone.now(),
    }
    created = hotspot is None
    if hotspot is None:
        hotspot = Hotspot.objects.create(
            unit_id=candidate.unit_id, signal=candidate.signal, key=candidate.key, **values
        )
    else:
        for name, value in values.items():
            setattr(hotspot, name, value)
        hotspot.save(update_fields=list(values))
    known = set(hotspot.evidence_rows.values_list("petition_id", flat=True))
    HotspotEvidence.objects.bulk_create(
        HotspotEvidence(hotspot=hotspot, petition_id=pk, reason=reason[:250])
        for pk, reason in candidate.evidence.items()
        if pk not in known
    )
    return hotspot, created


def hotspot_scan(*, today: dt.date) -> ScanResult:
    """Idempotent: a signal already open is updated, not duplicated; each recipient hears of a hotspot once."""
    scoring = Settings.load()
    window_start = today - dt.timedelta(days=scoring.window_days - 1)
    created = updated = sent = 0
    with translation.override(settings.LANGUAGE_CODE):
        candidates = score_hotspots(today=today, settings_=scoring)
        for candidate in candidates:
            with transaction.atomic():
                hotspot, is_new = _save(candidate, window_start=window_start, today=today)
                if is_new:
                    created += 1
                    audit(
                        actor=None,
                        action="hotspot_detected",
                        target=hotspot,
                        organization_id=None,
                        signal=hotspot.signal,
                        score=hotspot.score,
                        unit=hotspot.unit_id,
                    )
                else:
                    updated += 1
                message = _message(hotspot)
                for user in hotspot_recipients(hotspot.unit):
                    if notify(user=user, message=message) is not None:
                        sent += 1
    return ScanResult(len(candidates), created, updated, sent)


def _locked_open(hotspot: Hotspot) -> Hotspot:
    hotspot = Hotspot.objects.select_for_update().get(pk=hotspot.pk)
    if hotspot.status not in HOTSPOT_OPEN:
        raise reception_error(ReceptionErrorCode.HOTSPOT_CLOSED, status=409)
    return hotspot


@transaction.atomic
def hotspot_acknowledge(*, actor: User, hotspot: Hotspot) -> Hotspot:
    hotspot = _locked_open(hotspot)
    if hotspot.acknowledged_at is None:
        hotspot.acknowledged_by, hotspot.acknowledged_at = actor, timezone.now()
    if hotspot.status == HotspotStatus.NEW:
        hotspot.status = HotspotStatus.ACKNOWLEDGED
    hotspot.save(update_fields=["acknowledged_by", "acknowledged_at", "status"])
    audit(actor=actor, action="hotspot_acknowledged", target=hotspot, organization_id=None, unit=hotspot.unit_id)
    return hotspot


@transaction.atomic
def hotspot_assign(
    *, actor: User, hotspot: Hotspot, organization: Organization, assignee: User | None, note: str
) -> Hotspot:
    hotspot = _locked_open(hotspot)
    unit = hotspot.unit
    if not organization.is_active or organization.unit_id not in (unit.pk, unit.province_id):
        raise field_error(ReceptionErrorCode.INVALID, "organization", message=_("Choose an organisation of this area."))
    if assignee is not None and not assignee.memberships.filter(organization=organization, is_active=True).exists():
        raise field_error(ReceptionErrorCode.NOT_A_MEMBER, "assignee")
    if not normalize(note):
        raise field_error(ReceptionErrorCode.INVALID, "note", message=_("Say what is expected of them."))
    if hotspot.acknowledged_at is None:
        hotspot.acknowledged_by, hotspot.acknowledged_at = actor, timezone.now()
    hotspot.assigned_to, hotspot.assignee = organization, assignee
    hotspot.assignment_note, hotspot.status = note.strip(), HotspotStatus.ASSIGNED
    hotspot.save(
        update_fields=["acknowledged_by", "acknowledged_at", "assigned_to", "assignee", "assignment_note", "status"]
    )
    audit(
        actor=actor,
        action="hotspot_assigned",
        target=hotspot,
        organization_id=organization.pk,
        assignee=assignee.pk if assignee else None,
    )
    if assignee is not None:
        with translation.override(settings.LANGUAGE_CODE):
            message = Message(
                key=f"hotspot:{hotspot.pk}:assigned:{assignee.pk}",
                title=_("A hotspot was assigned to you: %(unit)s") % {"unit": unit.name},
                body=_("Instructions: %(note)s") % {"note": hotspot.assignment_note[:300]},
                url=reverse("reception:hotspot_detail", args=[hotspot.pk]),
            )
        notify(user=assignee, message=message)  # in this transaction; its e-mail goes through the outbox
    return hotspot


@transaction.atomic
def hotspot_close(*, actor: User, hotspot: Hotspot, note: str) -> Hotspot:
    hotspot = _locked_open(hotspot)
    if not normalize(note):
        raise field_error(ReceptionErrorCode.INVALID, "note", message=_("Say how the situation was settled."))
    hotspot.status = HotspotStatus.CLOSED
    hotspot.assignment_note = (hotspot.assignment_note + "\n" + note.strip()).strip()
    hotspot.save(update_fields=["status", "assignment_note"])
    audit(actor=actor, action="hotspot_closed", target=hotspot, organization_id=None, unit=hotspot.unit_id)
    return hotspot
