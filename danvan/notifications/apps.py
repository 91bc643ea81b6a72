from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "danvan.notifications"
    label = "notifications"
    verbose_name = _("Notifications")

    def ready(self) -> None:
        from danvan.notifications.services import EMAIL, email_handler
        from danvan.outbox.services import register

        register(EMAIL, email_handler)
