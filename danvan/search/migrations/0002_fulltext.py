"""Full-text structures of the database in use: SQLite FTS5 or PostgreSQL tsvector + pg_trgm."""

from django.db import migrations

SQLITE_FORWARD = [
    """CREATE VIRTUAL TABLE search_petition_fts USING fts5(
        folded, exact,
        content='search_petitiondocument', content_rowid='petition_id',
        tokenize='unicode61 remove_diacritics 0'
    )""",
    """CREATE TRIGGER search_petitiondocument_ai AFTER INSERT ON search_petitiondocument BEGIN
        INSERT INTO search_petition_fts(rowid, folded, exact) VALUES (new.petition_id, new.folded, new.exact);
    END""",
    """CREATE TRIGGER search_petitiondocument_ad AFTER DELETE ON search_petitiondocument BEGIN
        INSERT INTO search_petition_fts(search_petition_fts, rowid, folded, exact)
        VALUES ('delete', old.petition_id, old.folded, old.exact);
    END""",
    """CREATE TRIGGER search_petitiondocument_au AFTER UPDATE ON search_petitiondocument BEGIN
        INSERT INTO search_petition_fts(search_petition_fts, rowid, folded, exact)
        VALUES ('delete', old.petition_id, old.folded, old.exact);
        INSERT INTO search_petition_fts(rowid, folded, exact) VALUES (new.petition_id, new.folded, new.exact);
    END""",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS search_petitiondocument_au",
    "DROP TRIGGER IF EXISTS search_petitiondocument_ad",
    "DROP TRIGGER IF EXISTS search_petitiondocument_ai",
    "DROP TABLE IF EXISTS search_petition_fts",
]
POSTGRES_FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    """ALTER TABLE search_petitiondocument
        ADD COLUMN tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, folded)) STORED,
        ADD COLUMN tsv_exact tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, exact)) STORED""",
    "CREATE INDEX search_doc_tsv ON search_petitiondocument USING gin (tsv)",
    "CREATE INDEX search_doc_title_trgm ON search_petitiondocument USING gin (title gin_trgm_ops)",
    """CREATE INDEX search_key_unit_cover ON search_petitionkey (unit_id, kind, value)
        INCLUDE (petition_id, confidential)""",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS search_key_unit_cover",
    "DROP INDEX IF EXISTS search_doc_title_trgm",
    "DROP INDEX IF EXISTS search_doc_tsv",
    "ALTER TABLE search_petitiondocument DROP COLUMN IF EXISTS tsv_exact, DROP COLUMN IF EXISTS tsv",
]


def _run(statements: dict[str, list[str]]):  # type: ignore[no-untyped-def]
    def run(apps, schema_editor):  # type: ignore[no-untyped-def]
        for sql in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            _run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
            elidable=False,
        )
    ]
