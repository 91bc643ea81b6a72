"""The time-limit rules as rows of the law app's listing (registered in ``CalendarConfig.ready``)."""

from __future__ import annotations

from collections.abc import Iterator

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from danvan.law.registry import RuleRow


def time_limit_rows() -> Iterator[RuleRow]:
    from danvan.calendar.models import TimeLimitRule

    for rule in TimeLimitRule.objects.order_by("code", "complex", "remote", "effective_from"):
        variant = ", ".join(str(flag) for flag, on in ((_("complex"), rule.complex), (_("remote"), rule.remote)) if on)
        value = f"{rule.length} {rule.get_unit_display()}"
        if rule.max_extensions:
            value += " " + _("(+%(length)s × %(times)s)") % {
                "length": rule.extension_length,
                "times": rule.max_extensions,
            }
        yield RuleRow(
            family=gettext_lazy("time-limit rule"),
            code=rule.code,
            value=value,
            effective_from=rule.effective_from,
            effective_to=rule.effective_to,
            citation=rule.citation,
            certainty=rule.certainty,
            note=rule.note,
            name=variant,
        )
