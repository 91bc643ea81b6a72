"""Open311 GeoReport v2 at ``/open311/v2/`` (JSON and XML), for citizens' reporting apps.

* ``services.{json,xml}``: one service per active petition category; ``service_code`` is the category
  code, ``service_name`` its Vietnamese name; no service definitions (``metadata`` is always false).
* ``requests.{json,xml}`` (GET, public): complaints, recommendations and feedback — **never
  denunciations** (Denunciation Law art. 47). ``service_request_id`` is the tracking code;
  ``description`` is only the petition's subject, never its content (sensitive personal data), and no
  party data at all; ``address`` is the commune, ``address_id`` its code; ``expected_datetime`` is the
  end of the day the earliest open (not suspended) legal step falls due. Filters: ``service_request_id``
  (comma-separated, overrides the rest), ``service_code`` (comma-separated), ``status`` (``open``,
  ``closed``), ``start_date``/``end_date`` (W3C date-times on ``requested_datetime``; the range defaults
  to the last 90 days and may not span more). At most 1000 requests, newest first.
* ``requests/{tracking code}.{json,xml}``: one request, in a list.
* ``requests.{json,xml}`` (POST, form-encoded): a citizen's report becomes a petition of kind
  *feedback* (channel "open311") sent to the commune's People's Committee (else the province's).
  Extension: the commune is required, given either as ``address_id``, the 5-digit code of a current
  commune (as listed at ``/api/geography/units``), or — for a client that knows only an address — by an
  ``address_string`` that names it ("Tổ 5, phường Tân Phong, tỉnh Lai Châu": the commune's full name,
  accent-insensitive, with the province when the name is not unique). Otherwise 400, saying how;
  ``lat``/``long`` alone do not place a report (no commune boundaries are kept). ``service_code`` and a
  ``description`` are required; ``first_name``/``last_name`` (the family name), ``email`` and ``phone``
  are optional — without a name the report is anonymous, and a contact without a name is refused.
  ``api_key``, ``jurisdiction_id``, ``device_id``, ``account_id``, ``media_url`` and ``attribute[…]`` are
  accepted and ignored. Limited per client address (``DANVAN_OPEN311_POST_RATE``, default 10/h).
  Response: ``[{"service_request_id", "service_notice", "account_id": null, "token"}]`` with HTTP 201.
  Extension: ``token`` is the citizen's **secret** for following the report on this site together with
  the tracking code (show it to the citizen once; it is not an Open311 token to look up an id —
  ``service_request_id`` is always returned at once, and there is no ``tokens/`` resource).
* ``services/{service_code}.{json,xml}``: the service definition, always without attributes.
* Errors: ``[{"code": 400, "description": "…"}]`` (``<errors><error>…``) with that HTTP status: 400 for
  a missing or malformed parameter or a NUL character, 404 for an unknown request, ``service_code`` or
  path under ``/open311/``, 413 for a body over the size limit, 429 when the rate limit is reached, 500
  (the same body) for a server error.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, QueryDict
from django.urls import re_path
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods
from django_ratelimit.core import is_ratelimited

from danvan.cases.models import Category, Channel, Kind, Petition
from danvan.cases.open311_format import OPEN311_OPEN, render, render_definition, render_errors, request_row, service_row
from danvan.cases.selectors import intake_organization_for, public_petitions
from danvan.cases.services.intake import PartyData, PetitionData, petition_submit
from danvan.core.errors import DomainError
from danvan.core.middleware import client_ip
from danvan.geography.models import AdministrativeUnit
from danvan.geography.selectors import communes_named_in

MAX_RESULTS = 1000
MAX_SPAN = dt.timedelta(days=90)
DESCRIPTION_MAX = 4000
_PHONE = re.compile(r"^[0-9+().\-\s]{6,20}$")
# The service's field names in terms of the Open311 parameters a client sent.
_PARAMETERS = {
    "content": "description",
    "location": "address_string",
    "parties": "last_name",
    "parties.0.full_name": "last_name",
    "parties.0.phone": "phone",
    "parties.0.email": "email",
}


class Open311Error(Exception):
    def __init__(self, status: int, *descriptions: str) -> None:
        super().__init__(*descriptions)
        self.status = status
        self.descriptions = list(descriptions)


def _split(value: str | None) -> list[str]:
    return [part.strip() for part in (value or "").split(",") if part.strip()]


def _moment(params: QueryDict, name: str) -> dt.datetime | None:
    raw = (params.get(name) or "").strip().replace(" ", "+")  # an unencoded "+07:00" arrives as " 07:00"
    if not raw:
        return None
    try:
        moment = parse_datetime(raw)
        if moment is None and (day := parse_date(raw)) is not None:
            moment = dt.datetime.combine(day, dt.time())
    except ValueError:
        moment = None
    if moment is None:
        raise Open311Error(400, _("%(name)s: use a W3C date-time such as 2026-01-31T00:00:00+07:00.") % {"name": name})
    return moment if timezone.is_aware(moment) else timezone.make_aware(moment)


def _window(params: QueryDict) -> tuple[dt.datetime, dt.datetime]:
    start, end = _moment(params, "start_date"), _moment(params, "end_date")
    if start is None and end is None:
        end = timezone.now()
    if start is None:
        assert end is not None
        start = end - MAX_SPAN
    if end is None:
        end = start + MAX_SPAN
    if end < start:
        raise Open311Error(400, _("end_date is earlier than start_date."))
    if end - start > MAX_SPAN:
        raise Open311Error(400, _("start_date and end_date may not span more than 90 days."))
    return start, end


def _filtered(params: QueryDict) -> QuerySet[Petition]:
    petitions = public_petitions()
    ids = _split(params.get("service_request_id"))
    if ids:
        return petitions.filter(tracking_code__in=[code.upper() for code in ids[:MAX_RESULTS]])
    codes = _split(params.get("service_code"))
    if codes:
        petitions = petitions.filter(category__code__in=codes)
    statuses = set(_split(params.get("status")))
    if statuses - {"open", "closed"}:
        raise Open311Error(400, _("status: use open, closed or both."))
    if statuses == {"open"}:
        petitions = petitions.filter(status__in=OPEN311_OPEN)
    elif statuses == {"closed"}:
        petitions = petitions.exclude(status__in=OPEN311_OPEN)
    start, end = _window(params)
    return petitions.filter(created_at__gte=start, created_at__lte=end)


@require_GET
def services(request: HttpRequest, fmt: str) -> HttpResponse:
    rows = [service_row(c) for c in Category.objects.filter(is_active=True).order_by("position", "code")]
    return render(fmt, "services", "service", rows)


@require_GET
def service_definition(request: HttpRequest, service_code: str, fmt: str) -> HttpResponse:
    """No service has extra attributes (``metadata`` is false): a known one's definition is empty."""
    category = Category.objects.filter(code=service_code, is_active=True).first()
    if category is None:
        return render_errors(fmt, 404, [_("service_code: no such service.")])
    return render_definition(fmt, category.code)


@csrf_exempt  # public and anonymous: the submission uses no session or authority of the caller
@require_http_methods(["GET", "POST"])
def requests(request: HttpRequest, fmt: str) -> HttpResponse:
    try:
        if request.method == "POST":
            return _create(request, fmt)
        petitions = _filtered(request.GET).order_by("-created_at", "-id")[:MAX_RESULTS]
    except Open311Error as exc:
        return render_errors(fmt, exc.status, exc.descriptions)
    return render(fmt, "service_requests", "request", [request_row(p) for p in petitions])


@require_GET
def request_detail(request: HttpRequest, code: str, fmt: str) -> HttpResponse:
    petition = public_petitions().filter(tracking_code=code.upper()).first()
    if petition is None:
        return render_errors(fmt, 404, [_("service_request_id: no such request.")])
    return render(fmt, "service_requests", "request", [request_row(petition)])


# --- POST Service Request ---------------------------------------------------------------------------


def _post_rate(group: str, request: HttpRequest) -> str:
    return str(settings.DANVAN_OPEN311_POST_RATE)


def _client_key(group: str, request: HttpRequest) -> str:
    return client_ip(request) or "unknown"


def _coordinate(form: QueryDict, name: str, limit: int) -> Decimal | None:
    raw = (form.get(name) or "").strip()
    if not raw:
        return None
    try:
        value = Decimal(raw)
    except InvalidOperation:
        value = Decimal("NaN")
    if not value.is_finite() or abs(value) > limit:
        raise Open311Error(400, _("%(name)s: not a WGS84 coordinate.") % {"name": name})
    return value.quantize(Decimal("0.000001"))


def _unit(form: QueryDict) -> AdministrativeUnit:
    """The commune of a report: ``address_id`` if given, else the one commune named in ``address_string``."""
    code = (form.get("address_id") or "").strip()
    if code:
        unit = None
        if re.fullmatch(r"\d{5}", code):
            unit = AdministrativeUnit.objects.current().communes().filter(code=code).select_related("province").first()
        if unit is None:
            raise Open311Error(400, _("address_id: give the 5-digit code of a current commune."))
        return unit
    named = communes_named_in(text=form.get("address_string") or "")
    if len(named) == 1:
        return named[0]
    if named:
        choices = "; ".join(
            f"{unit.code} {unit.name}, {unit.province.name if unit.province else ''}" for unit in named[:10]
        )
        raise Open311Error(
            400, _("address_string names several communes (%(choices)s): send address_id.") % {"choices": choices}
        )
    raise Open311Error(
        400,
        _(
            "address_id: say which commune the report is about — either address_id, the 5-digit code of a "
            "current commune (find it at /api/geography/units?q=<name>), or an address_string that names the "
            'commune and its province, e.g. "Tổ 5, phường Tân Phong, tỉnh Lai Châu". lat and long alone are '
            "not enough."
        ),
    )


def _submitter(form: QueryDict) -> list[PartyData]:
    name = " ".join(x for x in [(form.get("last_name") or "").strip(), (form.get("first_name") or "").strip()] if x)
    email, phone = (form.get("email") or "").strip(), (form.get("phone") or "").strip()
    if not name:
        if email or phone:
            raise Open311Error(400, _("last_name: give your name with your e-mail or phone number."))
        return []
    if email:
        try:
            validate_email(email)
        except ValidationError:
            raise Open311Error(400, _("email: not a valid e-mail address.")) from None
    if phone and not _PHONE.fullmatch(phone):
        raise Open311Error(400, _("phone: not a valid phone number."))
    return [PartyData(full_name=name[:150], email=email, phone=phone)]


def _create(request: HttpRequest, fmt: str) -> HttpResponse:
    if is_ratelimited(request, group="open311.post", key=_client_key, rate=_post_rate, method="POST", increment=True):
        raise Open311Error(429, _("Too many reports from this address. Try again later."))
    form = request.POST
    service_code = (form.get("service_code") or "").strip()
    if not service_code:
        raise Open311Error(400, _("service_code: required."))
    category = Category.objects.filter(code=service_code, is_active=True).first()
    if category is None:
        raise Open311Error(404, _("service_code: no such service."))
    description = (form.get("description") or "").strip()
    if not description:
        raise Open311Error(400, _("description: required."))
    if len(description) > DESCRIPTION_MAX:
        raise Open311Error(400, _("description: at most 4000 characters."))
    unit = _unit(form)
    latitude, longitude = _coordinate(form, "lat", 90), _coordinate(form, "long", 180)
    if (latitude is None) != (longitude is None):
        raise Open311Error(400, _("lat, long: send both or neither."))
    parties = _submitter(form)
    organization = intake_organization_for(unit=unit)
    if organization is None:
        raise Open311Error(400, _("address_id: no organisation receives reports for this commune on this site yet."))
    data = PetitionData(
        kind=Kind.FEEDBACK,
        subject=category.name,  # what requests.json publishes: the service, never the citizen's words
        content=description,
        unit=unit,
        channel=Channel.OPEN311,
        category=category,
        location=(form.get("address_string") or "").strip()[:250],
        latitude=float(latitude) if latitude is not None else None,
        longitude=float(longitude) if longitude is not None else None,
        is_anonymous=not parties,
        parties=parties,
    )
    try:
        submission = petition_submit(actor=None, data=data, receiving_organization=organization)
    except DomainError as exc:
        fields = exc.extra.get("fields") or {}
        problems = [f"{_PARAMETERS.get(name, name)}: {m}" for name, messages in fields.items() for m in messages]
        raise Open311Error(400, *(problems or [str(exc.message)])) from None
    notice = _(
        "Received by %(organization)s. Keep the tracking code and the token: together they let you follow this report."
    ) % {"organization": organization.name}
    row = {
        "service_request_id": submission.petition.tracking_code,
        "service_notice": notice,
        "account_id": None,
        "token": submission.secret,
    }
    return render(fmt, "service_requests", "request", [row], status=201)


app_name = "open311"
_FORMAT = r"(?P<fmt>json|xml)"
urlpatterns = [
    re_path(rf"^services\.{_FORMAT}$", services, name="services"),
    re_path(rf"^services/(?P<service_code>[^/]{{1,100}})\.{_FORMAT}$", service_definition, name="service_definition"),
    re_path(rf"^requests\.{_FORMAT}$", requests, name="requests"),
    re_path(rf"^requests/(?P<code>[A-Za-z0-9-]{{1,20}})\.{_FORMAT}$", request_detail, name="request_detail"),
]
