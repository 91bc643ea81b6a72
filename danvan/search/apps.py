from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "danvan.search"
    label = "search"
    verbose_name = _("Search and duplicates")

    def ready(self) -> None:
        from danvan.cases.confirmations import PETITION_CHANGED
        from danvan.outbox.services import register

        register(PETITION_CHANGED, index_handler)


def index_handler(target: str, payload: dict[str, object]) -> None:
    # Imported here: the search services bring numpy, scipy and datasketch, which a web worker that only
    # writes the outbox message never needs.
    from danvan.search.services import index_petition

    index_petition(int(target))
