from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "danvan.reports"
    label = "reports"
    verbose_name = _("Reports")

    def ready(self) -> None:
        from danvan.law import registry
        from danvan.reports.law_rows import period_rows

        registry.register(period_rows)  # listed on the law app's page without the law app importing this one
