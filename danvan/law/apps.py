from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LawConfig(AppConfig):
    name = "danvan.law"
    label = "law"
    verbose_name = _("Legal basis")

    def ready(self) -> None:
        from danvan.law import registry, sources

        registry.register(sources.law_rows)
