from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "danvan.cases"
    label = "cases"
    verbose_name = _("Petitions")

    def ready(self) -> None:
        from danvan.cases import reminders
        from danvan.cases.confirmations import RECEIPT, receipt_handler
        from danvan.outbox.services import register

        reminders.register()  # petitions' deadlines in the engine's reminders and "My deadlines"
        register(RECEIPT, receipt_handler)
