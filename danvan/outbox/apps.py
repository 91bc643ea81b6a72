from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutboxConfig(AppConfig):
    """The transactional outbox: follow-ups of a write, stored in the write's transaction and relayed to
    the task queue. Depends only on core; apps register their handlers by name in ``ready()``."""

    name = "danvan.outbox"
    label = "outbox"
    verbose_name = _("Outbox")
