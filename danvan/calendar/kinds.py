"""How each kind of record with deadlines is labelled and linked, registered by the app that owns it.

``danvan.calendar`` stands below the apps whose records it tracks and never imports them: each app
registers its kinds in ``AppConfig.ready()``::

    register_kind("cases.petition", describe=describe_petitions, key_labels=STEP_LABELS)

``describe`` takes the primary keys of some records of that kind and returns, in one query, how to show
each one (a label without personal data — it goes into notifications and e-mails — and the URL of its
page). A kind nobody registered is shown by its model name and number, without a link.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from danvan.calendar.models_deadlines import Deadline


@dataclass(frozen=True)
class RecordLink:
    label: str
    url: str


@dataclass(frozen=True)
class DeadlineKind:
    model_label: str  # "app_label.model", lower case
    describe: Callable[[list[int]], Mapping[int, RecordLink]]
    key_labels: Mapping[str, str | Promise] = field(default_factory=dict)  # gettext_noop or lazy msgids


_registry: dict[str, DeadlineKind] = {}


def register_kind(
    model_label: str,
    *,
    describe: Callable[[list[int]], Mapping[int, RecordLink]],
    key_labels: Mapping[str, str | Promise] | None = None,
) -> None:
    label = model_label.lower()
    _registry[label] = DeadlineKind(model_label=label, describe=describe, key_labels=key_labels or {})


def registered_kind(model_label: str) -> DeadlineKind | None:
    return _registry.get(model_label.lower())


def key_label(deadline: Deadline) -> str:
    """The translated name of the deadline (the step, the milestone …)."""
    content_type = ContentType.objects.get_for_id(deadline.content_type_id)
    kind = _registry.get(f"{content_type.app_label}.{content_type.model}")
    label = kind.key_labels.get(deadline.key) if kind is not None else None
    return _(str(label)) if label is not None else deadline.key


def describe_deadlines(deadlines: Iterable[Deadline]) -> dict[int, RecordLink]:
    """The record of each deadline (by the deadline's pk): one query per kind of record."""
    by_type: dict[int, list[Deadline]] = defaultdict(list)
    for deadline in deadlines:
        by_type[deadline.content_type_id].append(deadline)
    result: dict[int, RecordLink] = {}
    for type_id, group in by_type.items():
        content_type = ContentType.objects.get_for_id(type_id)
        kind = _registry.get(f"{content_type.app_label}.{content_type.model}")
        links = kind.describe(sorted({d.object_id for d in group})) if kind is not None else {}
        model = content_type.model_class()
        name = str(model._meta.verbose_name) if model is not None else content_type.model
        for deadline in group:
            result[deadline.pk] = links.get(deadline.object_id) or RecordLink(f"{name} #{deadline.object_id}", "")
    return result
