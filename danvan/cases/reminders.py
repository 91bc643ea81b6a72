"""Petitions' deadline reminders go through the deadline engine's one scan
(``danvan.calendar.reminders``): this module names the steps and tells the engine how to show a petition."""

from __future__ import annotations

from collections.abc import Mapping

from django.urls import reverse
from django.utils.translation import gettext_noop

from danvan.calendar.kinds import RecordLink, register_kind
from danvan.calendar.reminders import ScanResult, scan_deadlines

__all__ = ["STEP_LABELS", "ScanResult", "register", "scan_deadlines"]

STEP_LABELS = {
    "accept": gettext_noop("accept for resolution"),
    "notify": gettext_noop("notify the citizen"),
    "resolve": gettext_noop("resolve"),
    "send_decision": gettext_noop("send the decision"),
    "publish": gettext_noop("publish the conclusion"),
    "forward": gettext_noop("forward"),
}


def describe_petitions(ids: list[int]) -> Mapping[int, RecordLink]:
    """The tracking code only: never the petitioner nor the content (notifications are e-mailed)."""
    from danvan.cases.models import Petition

    return {
        pk: RecordLink(code, reverse("cases:petition_detail", args=[pk]))
        for pk, code in Petition.objects.filter(pk__in=ids).values_list("pk", "tracking_code")
    }


def register() -> None:
    register_kind("cases.petition", describe=describe_petitions, key_labels=STEP_LABELS)
