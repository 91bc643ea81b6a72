from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from danvan.communities.tables import MAX_IMPORT_BYTES


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
