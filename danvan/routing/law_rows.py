"""The competence rules as rows of the law app's listing (registered in ``RoutingConfig.ready``)."""

from __future__ import annotations

from collections.abc import Iterator

from django.utils.translation import gettext_lazy

from danvan.law.registry import RuleRow


def competence_rows() -> Iterator[RuleRow]:
    from danvan.routing.models import CompetenceRule

    for rule in CompetenceRule.objects.order_by("code", "effective_from"):
        yield RuleRow(
            family=gettext_lazy("competence rule"),
            code=f"routing.{rule.code}",
            value=f"{rule.get_target_display()}: {rule.resolver}",
            effective_from=rule.effective_from,
            effective_to=rule.effective_to,
            citation=rule.citation,
            certainty=rule.certainty,
            note=rule.note,
        )
