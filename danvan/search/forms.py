"""Input of the search surfaces: the search box, and the half-typed officer entry form read leniently."""

from __future__ import annotations

from typing import Any

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from danvan.accounts.models import Organization, User
from danvan.accounts.selectors import user_covers_unit, user_memberships
from danvan.cases.models import Category, Kind, PartyRole
from danvan.cases.rules import PROCESSING_ROLES
from danvan.cases.services.intake import PartyData, PetitionData
from danvan.geography.models import AdministrativeUnit, Era, Level
from danvan.search.text import MAX_QUERY_CHARS


class QueryField(forms.CharField):
    """Any text: NUL characters dropped and cut at the engine's limit instead of refused."""

    def to_python(self, value: Any) -> str:
        text = str(super().to_python(value) or "")
        return text.replace("\x00", "")[:MAX_QUERY_CHARS]


class SearchForm(forms.Form):
    q = QueryField(
        label=_("Search petitions"),
        required=False,
        help_text=_(
            "Tracking code, words of the subject or content, a place or a name. Accents are optional; "
            "put a phrase in quotes; end a word with * to find words that begin with it."
        ),
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off", "enterkeyhint": "search"}),
    )


def page_number(raw: str | None) -> int:
    """``?page=`` as a number from 1; anything else is the first page."""
    raw = (raw or "").strip()
    return int(raw) if raw.isdigit() and 0 < len(raw) < 7 and int(raw) > 0 else 1


# --- The officer entry form, half typed -----------------------------------------------------------

_LIMITS = {
    "subject": 250,
    "content": 20000,
    "location": 250,
    "respondent_name": 250,
    "decision_reference": 250,
    "full_name": 150,
    "personal_id": 20,
    "phone": 20,
    "email": 254,
    "address_street": 250,
}
# The fields the intake candidates panel reads (htmx sends only these, never the files).
PROBE_FIELDS = ["csrfmiddlewaretoken", "receiving_organization", "unit", "kind", "category", *_LIMITS, "is_anonymous"]
MIN_TEXT = 12  # characters of subject and content together before the text alone is worth a lookup
OUT_OF_JURISDICTION = _(
    "This commune is outside your jurisdiction: earlier petitions are looked up only in your communes."
)


def _text(data: QueryDict, name: str) -> str:
    return str(data.get(name) or "").replace("\x00", "").strip()[: _LIMITS[name]]


def _number(data: QueryDict, name: str) -> int | None:
    raw = str(data.get(name) or "").strip()
    return int(raw) if raw.isdigit() and len(raw) < 12 else None


def _organizations(user: User) -> list[Organization]:
    return [m.organization for m in user_memberships(user=user) if m.role in PROCESSING_ROLES]


def _unit(data: QueryDict, user: User) -> AdministrativeUnit | None:
    """The commune chosen, else the unit of the receiving organisation (the province's, for a province).

    A commune outside the user's jurisdiction is refused (``ValidationError``): the detector looks in the
    chosen commune's province, and an officer may not look into another province (or, for a commune's
    officer, another commune) through this panel."""
    unit_id = _number(data, "unit")
    if unit_id is not None:
        unit = AdministrativeUnit.objects.filter(pk=unit_id, era=Era.CURRENT, level=Level.COMMUNE).first()
        if unit is not None:
            if not user_covers_unit(user=user, unit=unit):
                raise forms.ValidationError(OUT_OF_JURISDICTION, code="jurisdiction")
            return unit
    organizations = _organizations(user)
    chosen = _number(data, "receiving_organization")
    organization = next((o for o in organizations if o.pk == chosen), organizations[0] if organizations else None)
    return organization.unit if organization is not None else None


def probe_data(data: QueryDict, user: User) -> PetitionData | None:
    """The petition being typed, as far as it goes; ``None`` while there is nothing to look for.

    Nothing is validated: a half-typed ID, a phone with letters or an unknown commune are simply what
    they are (the duplicate detector only compares). The form itself checks them when it is sent. Only the
    jurisdiction is checked: a commune the user does not cover raises ``forms.ValidationError``.
    """
    unit = _unit(data, user)
    if unit is None:
        return None
    raw_kind = str(data.get("kind") or "")
    kind = Kind.COMPLAINT if raw_kind.startswith(Kind.COMPLAINT) else raw_kind
    category_id = _number(data, "category")
    anonymous = str(data.get("is_anonymous") or "") in ("on", "true", "1")
    person = {name: _text(data, name) for name in ("full_name", "personal_id", "phone", "email", "address_street")}
    petitioner = PartyData(
        role=PartyRole.PETITIONER,
        full_name=person["full_name"],
        personal_id=person["personal_id"],
        phone=person["phone"],
        email=person["email"],
        address_street=person["address_street"],
    )
    parties = [] if anonymous or not any(person.values()) else [petitioner]
    subject, content = _text(data, "subject"), _text(data, "content")
    has_person = any(person[name] for name in ("full_name", "personal_id", "phone")) and not anonymous
    if not has_person and len(subject) + len(content) < MIN_TEXT:
        return None
    return PetitionData(
        kind=kind if kind in Kind.values else Kind.RECOMMENDATION,
        subject=subject,
        content=content,
        unit=unit,
        category=Category.objects.filter(pk=category_id).first() if category_id is not None else None,
        location=_text(data, "location"),
        respondent_name=_text(data, "respondent_name"),
        decision_reference=_text(data, "decision_reference"),
        is_anonymous=anonymous,
        parties=parties,
    )
