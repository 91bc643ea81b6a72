from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CalendarConfig(AppConfig):
    name = "danvan.calendar"
    label = "legal_calendar"
    verbose_name = _("Working days and legal time limits")

    def ready(self) -> None:
        from danvan.calendar.law_rows import time_limit_rows
        from danvan.law import registry

        registry.register(time_limit_rows)  # listed on the law app's page without the law app importing this one
