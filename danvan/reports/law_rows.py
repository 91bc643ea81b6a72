"""The report-period rules as rows of the law app's listing (registered in ``ReportsConfig.ready``)."""

from __future__ import annotations

from collections.abc import Iterator

from django.utils.translation import gettext_lazy

from danvan.law.registry import RuleRow


def period_rows() -> Iterator[RuleRow]:
    from danvan.reports.models import ReportPeriodRule

    for rule in ReportPeriodRule.objects.order_by("position", "code", "effective_from"):
        start = f"{rule.start_day:02d}/{rule.start_month:02d}"
        if rule.start_year_offset:
            start += f" ({rule.start_year_offset:+d})"
        yield RuleRow(
            family=gettext_lazy("report period rule"),
            code=f"report.period.{rule.code}",
            value=f"{start} – {rule.end_day:02d}/{rule.end_month:02d}",
            effective_from=rule.effective_from,
            effective_to=rule.effective_to,
            citation=rule.citation,
            certainty=rule.certainty,
            note=rule.note,
            name=rule.name,
        )
