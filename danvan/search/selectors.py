"""Search over petitions, scoped exactly like the inbox (``petition_list_for_user``)."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import connection, transaction

from danvan.accounts.models import User
from danvan.cases.models import Petition
from danvan.cases.selectors import petition_list_for_user
from danvan.search import backends
from danvan.search.text import parse_query

MAX_LIMIT = 200
MAX_OFFSET = 10_000


@dataclass(frozen=True)
class SearchResult:
    items: list[Petition] = field(default_factory=list)
    total: int = 0
    fuzzy: bool = False  # True when nothing matched exactly and these are pg_trgm near-misses

    @property
    def capped(self) -> bool:
        """PostgreSQL stops counting at ``COUNT_CAP``: show "10,000+"."""
        return self.total >= backends.COUNT_CAP


def search_petitions(*, user: User, query: str, limit: int = 50, offset: int = 0) -> SearchResult:
    """Petitions ``user`` may see that match ``query`` (accent-insensitive, "phrases", prefix*).

    Any input is accepted: unusable queries give an empty result, never an error. The scope is a
    filter inside the full-text query itself, so nothing outside it is ever matched or counted.
    """
    parsed = parse_query(query)
    limit = max(0, min(int(limit), MAX_LIMIT))
    offset = max(0, min(int(offset), MAX_OFFSET))
    if not parsed or limit == 0:
        return SearchResult()
    scoped = petition_list_for_user(user=user)
    if scoped.query.is_empty():
        return SearchResult()
    ids_in_scope = scoped.order_by().values("pk")
    ids_in_scope.query.distinct = False  # "id IN (…)" needs no DISTINCT, and without it PostgreSQL can
    ids_in_scope.query.distinct_fields = ()  # turn the scope into a semi-join driven by the text index
    scope = ids_in_scope.query.sql_with_params()
    fuzzy = False
    if connection.vendor == "postgresql":
        everything = not scoped.query.where  # a system administrator: no scope to join
        with transaction.atomic():  # the backend's SET LOCAL lasts until this block ends
            ids, total = backends.postgres_search(
                parsed,
                None if everything else scope,
                limit,
                offset,
                narrow=None if everything else backends.narrow_scope_ids(scope),
            )
        if total == 0 and not any(c.is_phrase or c.prefix for c in parsed.clauses):
            with transaction.atomic():
                words = " ".join(t.folded for c in parsed.clauses for t in c.words)
                ids, total = backends.postgres_fuzzy(words, scope, limit, offset)
            fuzzy = total > 0
    else:
        ids, total = backends.sqlite_search(parsed, scope, limit, offset)
    by_id = Petition.objects.select_related("handling_organization", "unit", "category", "handler").in_bulk(ids)
    return SearchResult(items=[by_id[i] for i in ids if i in by_id], total=total, fuzzy=fuzzy)
