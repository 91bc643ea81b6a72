"""Writes: an officer's decision about a suggestion, and the training of the category classifier.

Neither touches the petition: classifying and forwarding stay the officer's actions in the petitions
module. Each write is one transaction with its audit row; the audit rows carry codes and ids only,
never petition text or a party's identity.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, Max, OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.accounts.models import Organization, User
from danvan.audit.services import audit_record
from danvan.cases.models import CaseEvent, Category, Party, Petition, Status
from danvan.routing import classifier
from danvan.routing.errors import RoutingErrorCode, routing_error
from danvan.routing.features import PartyIdentity, petition_text
from danvan.routing.models import ClassifierModel, Decision, RoutingSuggestion
from danvan.routing.selectors import is_at_intake, organization_choices, suggest_routing

logger = logging.getLogger(__name__)

KEEP_BLOBS = 3  # older models keep their figures but drop their blob


# --- The officer's decision -------------------------------------------------------------------------


@dataclass(frozen=True)
class Shown:
    """What the panel showed the officer (so a stale page is not recorded as a decision on a new suggestion)."""

    category_id: int | None
    organization_id: int | None
    model_version: int | None


@transaction.atomic
def suggestion_decide(
    *,
    actor: User,
    petition: Petition,
    shown: Shown,
    category: Category | None,
    organization: Organization | None,
) -> RoutingSuggestion:
    """Record that the officer accepted the suggestion (same values) or corrected it (other values).

    The petition is not changed: the officer still classifies or forwards it with these values.
    """
    petition = Petition.objects.select_for_update().select_related("unit").get(pk=petition.pk)
    if not is_at_intake(petition):
        raise routing_error(RoutingErrorCode.NOT_AT_INTAKE, status=409)
    fields: dict[str, list[str]] = {}
    if category is not None and not category.is_active:
        fields["category"] = [_("This category is no longer in use.")]
    if organization is not None and not organization_choices(petition=petition).filter(pk=organization.pk).exists():
        fields["organization"] = [_("Choose an active organisation of the petition's province.")]
    if category is None and organization is None:
        fields["category"] = [_("Choose a category or an organisation.")]
    if fields:
        raise routing_error(RoutingErrorCode.INVALID, fields=fields)
    suggestion = suggest_routing(petition)
    if (suggestion.category_id, suggestion.organization_id, suggestion.model_version) != (
        shown.category_id,
        shown.organization_id,
        shown.model_version,
    ):
        raise routing_error(RoutingErrorCode.SUGGESTION_CHANGED, status=409)
    final_category_id = category.pk if category else None
    final_organization_id = organization.pk if organization else None
    accepted = (final_category_id, final_organization_id) == (suggestion.category_id, suggestion.organization_id)
    record = RoutingSuggestion.objects.create(
        petition=petition,
        suggested_category=suggestion.category,
        suggested_organization=suggestion.organization,
        rule=suggestion.rule,
        respondent=suggestion.respondent,
        explanation=suggestion.explanation[:500],
        source=suggestion.source,
        confidence=suggestion.confidence,
        model_version=suggestion.model_version,
        decision=Decision.ACCEPTED if accepted else Decision.CORRECTED,
        final_category=category,
        final_organization=organization,
        decided_by=actor,
        decided_at=timezone.now(),
    )
    audit_record(
        actor=actor,
        action=f"routing.suggestion_{record.decision}",
        target=petition,
        organization_id=petition.handling_organization_id,
        data={
            "suggestion": record.pk,
            "rule": suggestion.rule.code if suggestion.rule else None,
            "model_version": suggestion.model_version,
            "suggested_category": suggestion.category.code if suggestion.category else None,
            "suggested_organization": suggestion.organization_id,
            "final_category": category.code if category else None,
            "final_organization": final_organization_id,
        },
    )
    return record


# --- Training ---------------------------------------------------------------------------------------


def _setting(name: str, default: float) -> float:
    return float(getattr(settings, name, default))


@dataclass
class TrainingResult:
    model: ClassifierModel | None
    n_samples: int
    reason: str = ""  # why no model was trained
    observed: int = 0  # suggestions whose final outcome was (re)recorded


def confirmed_labels(*, limit: int) -> dict[int, str]:
    """petition id → category code confirmed by an officer, newest petitions first.

    Confirmed: the petition was classified by an officer with a category set, or an officer accepted or
    corrected a suggestion with a category (the latest decision counts). A classification wins over a
    decision: it is what the petition finally got.
    """
    classified = CaseEvent.objects.filter(petition=OuterRef("pk"), action="classified", actor__isnull=False)
    by_classification = dict(
        Petition.objects.filter(Exists(classified), category__isnull=False, category__is_active=True)
        .order_by("-pk")
        .values_list("pk", "category__code")[:limit]
    )
    latest = RoutingSuggestion.objects.filter(petition=OuterRef("petition_id")).order_by("-decided_at", "-pk")
    decided = (
        RoutingSuggestion.objects.filter(final_category__isnull=False, final_category__is_active=True)
        .filter(pk=Subquery(latest.values("pk")[:1]))
        .order_by("-petition_id")
        .values_list("petition_id", "final_category__code")[:limit]
    )
    labels = dict(decided) | by_classification
    return dict(sorted(labels.items(), reverse=True)[:limit])


def _texts(ids: list[int], chunk: int = 2000) -> Iterator[tuple[int, str]]:
    for start in range(0, len(ids), chunk):
        batch = ids[start : start + chunk]
        parties: dict[int, list[PartyIdentity]] = {}
        for petition_id, *identity in Party.objects.filter(petition_id__in=batch).values_list(
            "petition_id", "role", "full_name", "personal_id", "phone", "email", "address_street"
        ):
            parties.setdefault(petition_id, []).append(PartyIdentity(*identity))
        for pk, kind, subject, content in Petition.objects.filter(pk__in=batch).values_list(
            "pk", "kind", "subject", "content"
        ):
            yield pk, petition_text(kind=kind, subject=subject, content=content, parties=parties.get(pk, []))


def suggestions_observe() -> int:
    """Copy what each decided suggestion's petition finally got (category, handling organisation) once the
    petition has left reception: the officer's real choice, even where it differs from the recorded decision.
    Recomputed at every training (``observed_at`` is the last time it was looked at)."""
    petition = Petition.objects.filter(pk=OuterRef("petition_id"))
    return RoutingSuggestion.objects.exclude(petition__status=Status.RECEIVED).update(
        observed_category_id=Subquery(petition.values("category_id")[:1]),
        observed_organization_id=Subquery(petition.values("handling_organization_id")[:1]),
        observed_at=timezone.now(),
    )


def classifier_train(
    *, actor: User | None = None, progress: Callable[[str, int], None] | None = None
) -> TrainingResult:
    """Train a new model from the officers' confirmed classifications; keep it if its held-out macro-F1 is
    good enough (``ROUTING_MIN_MACRO_F1``). The fit runs outside any transaction; the writes are one."""
    step = progress or (lambda label, n: None)
    limit = int(_setting("ROUTING_MAX_SAMPLES", 200_000))
    labels_by_id = confirmed_labels(limit=limit)
    counts = Counter(labels_by_id.values())
    usable = {pk: code for pk, code in labels_by_id.items() if counts[code] >= 2}
    step("collect", 1)
    with transaction.atomic():
        observed = suggestions_observe()
    minimum = int(_setting("ROUTING_MIN_SAMPLES", 50))
    if len(usable) < minimum or len(set(usable.values())) < 2:
        reason = _(
            "Not enough confirmed classifications yet: %(n)s of at least %(min)s, in two categories or more."
        ) % {
            "n": len(usable),
            "min": minimum,
        }
        return TrainingResult(model=None, n_samples=len(usable), reason=reason, observed=observed)
    ids = sorted(usable)
    texts, labels = [], []
    for pk, text in _texts(ids):
        texts.append(text)
        labels.append(usable[pk])
        if len(texts) % 2000 == 0:
            step("texts", 2000)
    step("texts", len(texts) % 2000)
    trained = classifier.fit(texts, labels)
    step("fit", 1)
    blob, digest = classifier.dump(trained.pipeline)
    evaluation = trained.evaluation
    assert evaluation is not None
    good = evaluation.macro_f1 >= _setting("ROUTING_MIN_MACRO_F1", 0.6)
    with transaction.atomic():
        version = (ClassifierModel.objects.aggregate(v=Max("version"))["v"] or 0) + 1
        if good:
            ClassifierModel.objects.filter(is_active=True).update(is_active=False)
        model = ClassifierModel.objects.create(
            version=version,
            trained_at=timezone.now(),
            algorithm=trained.algorithm,
            n_samples=len(texts),
            n_train=evaluation.n_train,
            n_test=evaluation.n_test,
            macro_f1=evaluation.macro_f1,
            accuracy=evaluation.accuracy,
            per_class=evaluation.per_class,
            labels=trained.labels,
            training_seconds=trained.seconds,
            size_bytes=len(blob),
            blob=blob,
            digest=digest,
            is_active=good,
            note="" if good else "macro-F1 below ROUTING_MIN_MACRO_F1: kept for the record, not used",
        )
        old = ClassifierModel.objects.order_by("-version").values_list("pk", flat=True)[KEEP_BLOBS:]
        ClassifierModel.objects.filter(pk__in=list(old), is_active=False).exclude(blob=None).update(blob=None)
        audit_record(
            actor=actor,
            action="routing.classifier_trained",
            target=model,
            data={
                "version": version,
                "n_samples": len(texts),
                "macro_f1": round(evaluation.macro_f1, 4),
                "active": good,
            },
        )
    step("save", 1)
    logger.info(
        "routing: classifier v%s trained on %s samples, macro-F1 %.3f", version, len(texts), evaluation.macro_f1
    )
    return TrainingResult(model=model, n_samples=len(texts), observed=observed)
