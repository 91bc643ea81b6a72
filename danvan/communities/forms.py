from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from danvan.communities.models import CommunityKind
from danvan.communities.tables import MAX_IMPORT_BYTES
from danvan.geography.models import AdministrativeUnit


class HouseholdImportForm(forms.Form):
    file = forms.FileField(
        label=_("Household register file (.xlsx or .csv)"),
        help_text=_(
            "First row: the column headers. Required columns: Household code, Household representative, "
            "Number of members. At most 5 MB."
        ),
    )
    valid_rows_only = forms.BooleanField(
        label=_("Save the valid rows only and leave out the wrong ones"),
        required=False,
        help_text=_("Without this, nothing is saved when any row is wrong."),
    )

    def clean_file(self):  # type: ignore[no-untyped-def]
        upload = self.cleaned_data["file"]
        if upload.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError(_("The file is larger than 5 MB. Split it into smaller files."))
        return upload


class CommunityForm(forms.Form):
    commune = forms.ModelChoiceField(label=_("Commune"), queryset=AdministrativeUnit.objects.none())
    kind = forms.ChoiceField(label=_("Kind"))
    name = forms.CharField(label=_("Name"), max_length=120, help_text=_("For example: Thôn Nà Khum, Tổ dân phố số 3."))
    cluster = forms.CharField(label=_("cluster (cụm dân cư)"), max_length=120, required=False)
    valid_from = forms.DateField(
        label=_("valid from"), required=False, help_text=_("The date of the decision that established it, if known.")
    )
    basis = forms.CharField(label=_("decision (number, date, issuer)"), max_length=250, required=False)

    def __init__(self, *args: Any, communes: QuerySet[AdministrativeUnit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["commune"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = communes
        kind = self.fields["kind"]
        assert isinstance(kind, forms.ChoiceField)
        kind.choices = [(k.code, k.label()) for k in CommunityKind.objects.filter(is_active=True)]
