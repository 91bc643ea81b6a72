"""The two full-text backends. Each gets a parsed (safe) query and the SQL of the user's scope, and
returns matching petition ids in rank order plus the total. Only ids inside the scope are ever read.

Rank: documents matching every clause with its exact diacritics come first (only when the query has
diacritics), then the backend's relevance (FTS5 bm25, PostgreSQL ts_rank_cd), then the newest.
"""

from __future__ import annotations

from typing import Any

from django.db import connection

from danvan.search.text import Clause, ParsedQuery

FUZZY_MIN_CHARS = 4
RANK_WINDOW = 500
COUNT_CAP = 10_000  # "10,000+": counting every match of a common word costs more than it tells
FUZZY_THRESHOLD = 0.55
# A scope of at most this many petitions is searched by its ids (``_postgres_narrow``): testing each of its
# documents costs less than matching a common word across the whole index. One commune holds ≈ 6,000 at 1M.
NARROW_SCOPE = 20_000
SEARCH_WORK_MEM = "32MB"


# --- SQLite FTS5 -----------------------------------------------------------------------------------


def _fts_clause(clause: Clause, exact: bool) -> str:
    words = " ".join(t.exact if exact else t.folded for t in clause.words)
    return f'"{words}"' + (" *" if clause.prefix else "")


def fts5_expression(query: ParsedQuery, *, exact: bool = False) -> str:
    column = "exact" if exact else "folded"
    return column + " : (" + " AND ".join(_fts_clause(c, exact) for c in query.clauses) + ")"


def sqlite_search(query: ParsedQuery, scope: tuple[str, Any], limit: int, offset: int) -> tuple[list[int], int]:
    scope_sql, scope_params = scope
    match = fts5_expression(query)
    where = f"search_petition_fts MATCH %s AND rowid IN ({scope_sql})"
    params: list[Any] = [match, *scope_params]
    order = "bm25(search_petition_fts, 1.0, 0.0), rowid DESC"
    if query.has_diacritics:
        order = "exact_hit DESC, " + order
        exact_sql = "rowid IN (SELECT rowid FROM search_petition_fts WHERE search_petition_fts MATCH %s) AS exact_hit"
        select_params: list[Any] = [fts5_expression(query, exact=True)]
    else:
        exact_sql, select_params = "0 AS exact_hit", []
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT rowid, {exact_sql} FROM search_petition_fts WHERE {where} ORDER BY {order} LIMIT %s OFFSET %s",  # noqa: S608
            [*select_params, *params, limit, offset],
        )
        ids = [row[0] for row in cursor.fetchall()]
        cursor.execute(f"SELECT count(*) FROM search_petition_fts WHERE {where}", params)  # noqa: S608
        total = cursor.fetchone()[0]
    return ids, total


# --- PostgreSQL ------------------------------------------------------------------------------------


def _ts_clause(clause: Clause, exact: bool) -> str:
    words = [f"'{t.exact if exact else t.folded}'" for t in clause.words]
    if clause.prefix:
        words[-1] += ":*"
    return " <-> ".join(words)


def tsquery(query: ParsedQuery, *, exact: bool = False) -> str:
    return " & ".join(f"({_ts_clause(c, exact)})" for c in query.clauses)


def narrow_scope_ids(scope: tuple[str, Any]) -> list[int] | None:
    """The scope's petition ids when it holds at most ``NARROW_SCOPE`` of them, else ``None`` (one bounded read)."""
    scope_sql, scope_params = scope
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM ({scope_sql} LIMIT %s) s", [*scope_params, NARROW_SCOPE + 1])  # noqa: S608
        ids = [row[0] for row in cursor.fetchall()]
    return ids if len(ids) <= NARROW_SCOPE else None


def postgres_search(
    query: ParsedQuery, scope: tuple[str, Any] | None, limit: int, offset: int, *, narrow: list[int] | None = None
) -> tuple[list[int], int]:
    """Rank the newest ``RANK_WINDOW`` matches (ranking reads every ranked row's tsvector; a word found in
    a quarter of a million petitions would otherwise be ranked whole). The total stops at ``COUNT_CAP``.

    A narrow scope (one commune's few thousand petitions, given as ``narrow``: its ids) is searched
    differently, see ``_postgres_narrow``.
    """
    if narrow is not None:
        return _postgres_narrow(query, narrow, limit, offset)
    where = "d.tsv @@ to_tsquery('simple', %s)"
    params: list[Any] = [tsquery(query)]
    if scope is not None:  # None: the user sees every petition, no join needed
        where += f" AND d.petition_id IN ({scope[0]})"
        params += scope[1]
    if query.has_diacritics:
        exact_sql, exact_params = "(d.tsv_exact @@ to_tsquery('simple', %s))", [tsquery(query, exact=True)]
    else:
        exact_sql, exact_params = "", []
    order = f"{exact_sql} DESC, " if exact_sql else ""
    with connection.cursor() as cursor:
        # Enough memory for an exact bitmap of a common word's 100,000 matches: a lossy one re-tests every
        # row of its pages (2.8 s instead of 1.2 s at 1M). SET LOCAL: the caller's transaction only.
        cursor.execute("SELECT set_config('work_mem', %s, true)", [SEARCH_WORK_MEM])
        cursor.execute(
            f"WITH m AS MATERIALIZED (SELECT d.petition_id FROM search_petitiondocument d WHERE {where} "  # noqa: S608
            "ORDER BY d.petition_id DESC LIMIT %s) "
            "SELECT d.petition_id FROM search_petitiondocument d JOIN m ON m.petition_id = d.petition_id "
            f"ORDER BY {order}ts_rank_cd(d.tsv, to_tsquery('simple', %s)) DESC, d.petition_id DESC "
            "LIMIT %s OFFSET %s",
            [*params, RANK_WINDOW, *exact_params, tsquery(query), limit, offset],
        )
        ids = [row[0] for row in cursor.fetchall()]
        cursor.execute(
            f"SELECT count(*) FROM (SELECT 1 FROM search_petitiondocument d WHERE {where} LIMIT %s) c",  # noqa: S608
            [*params, COUNT_CAP],
        )
        total = cursor.fetchone()[0]
    return ids, total


def _postgres_narrow(query: ParsedQuery, ids: list[int], limit: int, offset: int) -> tuple[list[int], int]:
    """Every match among the scope's ``ids``, all ranked, counted in the same statement.

    The wide query's "newest matches first, stop at ``RANK_WINDOW``" invites the planner to walk the whole
    index newest-first and test each petition against the scope: for a common word and one commune that is
    hundreds of thousands of rows read to find a few hundred (6.4 s p95 at 1M, bench/RESULTS.md). The ids
    as an array tell the planner exactly how few rows the scope holds: it reads those documents by key and
    tests their ``tsv`` (or, for a rare word, starts from the text index), and nothing limits the matching.
    """
    if not ids:
        return [], 0
    q = tsquery(query)
    if query.has_diacritics:
        order, order_params = "(d.tsv_exact @@ to_tsquery('simple', %s)) DESC, ", [tsquery(query, exact=True)]
    else:
        order, order_params = "", []
    # OFFSET 0 keeps the text test out of the sub-query: the planner under-estimates a many-word query's
    # matches (227 for 99,839) and would otherwise read them all from the text index, then drop those
    # outside the scope (1.7 s); by key, the scope's documents are a few thousand rows.
    matches = (
        "FROM (SELECT petition_id, tsv, tsv_exact FROM search_petitiondocument "
        "WHERE petition_id = ANY(%s::bigint[]) OFFSET 0) d WHERE d.tsv @@ to_tsquery('simple', %s)"
    )
    params: list[Any] = [ids, q]
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT d.petition_id, count(*) OVER () {matches} "
            f"ORDER BY {order}ts_rank_cd(d.tsv, to_tsquery('simple', %s)) DESC, d.petition_id DESC LIMIT %s OFFSET %s",
            [*params, *order_params, q, limit, offset],
        )
        rows = cursor.fetchall()
        if rows:
            total = rows[0][1]
        else:  # past the last page: the window count came back with no row to carry it
            cursor.execute(f"SELECT count(*) {matches}", params)
            total = cursor.fetchone()[0]
    return [row[0] for row in rows], min(total, COUNT_CAP)


def postgres_fuzzy(text: str, scope: tuple[str, Any], limit: int, offset: int) -> tuple[list[int], int]:
    """pg_trgm fallback for misspelt words: word similarity against the subject, names and places."""
    if len(text) < FUZZY_MIN_CHARS:
        return [], 0
    scope_sql, scope_params = scope
    where = f"%s <%% d.title AND d.petition_id IN ({scope_sql})"
    with connection.cursor() as cursor:
        # set_config(…, true) is SET LOCAL; SET itself takes no bind parameter (server-side binding, ADR 0012).
        cursor.execute("SELECT set_config('pg_trgm.word_similarity_threshold', %s, true)", [str(FUZZY_THRESHOLD)])
        cursor.execute(
            f"SELECT d.petition_id FROM search_petitiondocument d WHERE {where} "  # noqa: S608
            "ORDER BY word_similarity(%s, d.title) DESC, d.petition_id DESC LIMIT %s OFFSET %s",
            [text, *scope_params, text, limit, offset],
        )
        ids = [row[0] for row in cursor.fetchall()]
        cursor.execute(f"SELECT count(*) FROM search_petitiondocument d WHERE {where}", [text, *scope_params])  # noqa: S608
        total = cursor.fetchone()[0]
    return ids, total
