"""Complex prolonged cases in the deadline engine (``danvan.calendar``): how "My deadlines" and the
reminders show one (its title, never its internal summary, and the link to its page)."""

from __future__ import annotations

from collections.abc import Mapping

from django.urls import reverse

from danvan.calendar.kinds import RecordLink, register_kind


def describe_complex_cases(ids: list[int]) -> Mapping[int, RecordLink]:
    from danvan.reception.models import ComplexCase

    return {
        pk: RecordLink(title, reverse("reception:complex_detail", args=[pk]))
        for pk, title in ComplexCase.objects.filter(pk__in=ids).values_list("pk", "title")
    }


def register() -> None:
    register_kind("reception.complexcase", describe=describe_complex_cases)
