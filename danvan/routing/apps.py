from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RoutingConfig(AppConfig):
    name = "danvan.routing"
    label = "routing"
    verbose_name = _("Suggested category and handling unit")

    def ready(self) -> None:
        from danvan.law import registry
        from danvan.routing.law_rows import competence_rows

        registry.register(competence_rows)  # listed on the law app's page without the law app importing this one
