from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from danvan.accounts.models import Organization
from danvan.core.models import TimeStampedModel
from danvan.documents.formats import SYMBOL_MAX_LENGTH


class DocumentNumberCounter(TimeStampedModel):
    """The last number an organisation gave to documents of one symbol in one year (Decree 30/2020 art. 15).

    Numbers run from 01 on 1 January to 31 December, without gaps: ``document_number_next`` locks the row,
    so a number is consumed only when the transaction that issues the document commits.
    """

    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="document_number_counters",
    )
    year = models.PositiveSmallIntegerField(_("year"))
    symbol = models.CharField(_("symbol"), max_length=SYMBOL_MAX_LENGTH)
    last_number = models.PositiveIntegerField(_("last number issued"), default=0)

    class Meta:
        verbose_name = _("document number counter")
        verbose_name_plural = _("document number counters")
        ordering = ["organization", "-year", "symbol"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "year", "symbol"], name="documents_counter_unique_org_year_symbol"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organization} — {self.year} — {self.symbol}: {self.last_number:02d}"
