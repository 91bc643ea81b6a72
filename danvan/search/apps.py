from __future__ import annotations

from typing import TYPE_CHECKING

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from danvan.accounts.models import User
    from danvan.cases.models import Petition


class SearchConfig(AppConfig):
    name = "danvan.search"
    label = "search"
    verbose_name = _("Search and duplicates")

    def ready(self) -> None:
        from danvan.cases.confirmations import PETITION_CHANGED
        from danvan.cases.hooks import register_candidate_lookup
        from danvan.outbox.services import register

        register(PETITION_CHANGED, index_handler)
        register_candidate_lookup(candidate_lookup)


def index_handler(target: str, payload: dict[str, object]) -> None:
    # Imported here: the search services bring numpy, scipy and datasketch, which a web worker that only
    # writes the outbox message never needs.
    from danvan.search.services import index_petition

    index_petition(int(target))


def candidate_lookup(*, user: User, petition: Petition, code: str) -> Petition | None:
    # Imported here, like the index handler: the candidates bring the duplicate detector's libraries.
    from danvan.search.candidates import candidate_by_code

    return candidate_by_code(user=user, petition=petition, code=code)
