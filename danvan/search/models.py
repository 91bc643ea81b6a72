"""The search index and the duplicate-detection index. Both are derived data: `search_reindex` rebuilds them.

Besides these models, migration 0002 adds the backend's full-text structures:

* SQLite: the FTS5 table ``search_petition_fts`` (external content = ``search_petitiondocument``,
  kept in step by triggers; ``tokenize='unicode61 remove_diacritics 0'`` over text we fold ourselves).
* PostgreSQL: generated ``tsvector`` columns ``tsv`` (folded) and ``tsv_exact`` on
  ``search_petitiondocument`` with a GIN index, and a ``pg_trgm`` GIN index on ``title``.
"""

from __future__ import annotations

from django.db import models

from danvan.cases.models import Petition
from danvan.geography.models import AdministrativeUnit


class PetitionDocument(models.Model):
    """What search can match for one petition. A denouncer's identity is never in it."""

    objects: models.Manager[PetitionDocument] = models.Manager()

    petition = models.OneToOneField(
        Petition, primary_key=True, on_delete=models.CASCADE, related_name="search_document"
    )
    folded = models.TextField()
    exact = models.TextField()
    title = models.CharField(max_length=600, blank=True)
    # Distinct 32-bit hashes of the folded content's word shingles, little-endian uint32 (re-ranking).
    shingles = models.BinaryField(default=b"")
    fingerprint = models.CharField(max_length=64)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"document {self.pk}"


class KeyKind(models.TextChoices):
    PERSONAL_ID = "pid"
    PHONE = "phone"
    NAME = "name"
    RESPONDENT = "respondent"
    DECISION = "decision"
    LOCATION = "location"


class PetitionKey(models.Model):
    """A normalised value two petitions may share (personal ID, phone, name, respondent, decision, place).

    ``confidential`` marks a denouncer's identity: only used for users who may see that identity.
    """

    objects: models.Manager[PetitionKey] = models.Manager()

    petition = models.ForeignKey(Petition, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=12, choices=KeyKind.choices)
    value = models.CharField(max_length=200)
    unit = models.ForeignKey(AdministrativeUnit, on_delete=models.CASCADE, related_name="+", db_index=False)
    province = models.ForeignKey(AdministrativeUnit, on_delete=models.CASCADE, related_name="+", db_index=False)
    confidential = models.BooleanField(default=False)

    class Meta:
        indexes = [
            models.Index(fields=["kind", "value"], name="search_key_value"),
            # On PostgreSQL migration 0002 adds a covering twin (INCLUDE petition_id, confidential): the fuzzy
            # name match reads every name of a commune from the index alone.
            models.Index(fields=["unit", "kind", "value"], name="search_key_unit"),
        ]

    def __str__(self) -> str:
        return f"{self.pk}:{self.kind}"


class MinHashBand(models.Model):
    """One LSH band of a petition's MinHash signature; petitions sharing a band hash are candidates."""

    objects: models.Manager[MinHashBand] = models.Manager()

    pk = models.CompositePrimaryKey("petition", "band")
    petition = models.ForeignKey(Petition, on_delete=models.CASCADE, related_name="+", db_index=False)
    band = models.PositiveSmallIntegerField()
    hash = models.BigIntegerField()

    class Meta:
        indexes = [models.Index(fields=["hash"], name="search_band_hash")]

    def __str__(self) -> str:
        return f"{self.pk}"


class ShingleFrequency(models.Model):
    """How many petitions contain a shingle (only shingles seen at least ``DF_FLOOR`` times in the sample).

    Frequent shingles (form phrases every letter has) are left out of MinHash signatures, and every
    shingle is weighted by its rarity when two petitions are compared (docs/adr/0009).
    """

    objects: models.Manager[ShingleFrequency] = models.Manager()

    hash = models.BigIntegerField(primary_key=True)
    documents = models.PositiveIntegerField()

    def __str__(self) -> str:
        return str(self.hash)


class ShingleCorpus(models.Model):
    """The size of the sample the shingle frequencies were counted on (one row)."""

    objects: models.Manager[ShingleCorpus] = models.Manager()

    documents = models.PositiveIntegerField(default=0)
    refreshed_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"{self.documents} petitions"
