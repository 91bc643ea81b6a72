from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CalendarConfig(AppConfig):
    name = "danvan.calendar"
    label = "legal_calendar"
    verbose_name = _("Working days and legal time limits")
