"""Open311 GeoReport v2 documents in JSON and XML (xml.etree, UTF-8, with the XML declaration)."""

from __future__ import annotations

import datetime as dt
import json
import re
import xml.etree.ElementTree as ET
from decimal import Decimal
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.functional import Promise

from danvan.cases.models import Category, Kind, Petition, Status
from danvan.cases.models.choices import OPEN_STATUSES

CONTENT_TYPES = {"json": "application/json; charset=utf-8", "xml": "text/xml; charset=utf-8"}
XML_DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>\n'
_HTML_SPECIAL = str.maketrans({"<": "\\u003C", ">": "\\u003E", "&": "\\u0026"})
# Characters XML 1.0 cannot carry at all, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

# A forwarded petition is still being handled, by another organisation.
OPEN311_OPEN = frozenset({*OPEN_STATUSES, Status.FORWARDED})

Row = dict[str, Any]


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return _NOT_XML.sub("", str(value))


def to_xml(root: str, item: str, rows: list[Row]) -> bytes:
    """``<root><item><field>…</field>…</item>…</root>``; ``None`` gives an empty element."""
    top = ET.Element(root)
    for row in rows:
        element = ET.SubElement(top, item)
        for name, value in row.items():
            child = ET.SubElement(element, name)
            if value is not None:
                child.text = _text(value)
    return XML_DECLARATION + ET.tostring(top, encoding="unicode").encode("utf-8")


def _json_default(value: Any) -> Any:
    if isinstance(value, Decimal):
        return float(value)
    raise TypeError(type(value).__name__)


def render(fmt: str, root: str, item: str, rows: list[Row], *, status: int = 200) -> HttpResponse:
    if fmt == "xml":
        body = to_xml(root, item, rows)
    else:
        text = json.dumps(rows, ensure_ascii=False, default=_json_default).translate(_HTML_SPECIAL)
        body = text.encode("utf-8")
    return HttpResponse(body, status=status, content_type=CONTENT_TYPES[fmt])


def render_definition(fmt: str, service_code: str) -> HttpResponse:
    """A service definition without attributes: ``{"service_code": …, "attributes": []}``."""
    if fmt == "xml":
        top = ET.Element("service_definition")
        ET.SubElement(top, "service_code").text = _text(service_code)
        ET.SubElement(top, "attributes")
        body = XML_DECLARATION + ET.tostring(top, encoding="unicode").encode("utf-8")
    else:
        text = json.dumps({"service_code": service_code, "attributes": []}, ensure_ascii=False)
        body = text.translate(_HTML_SPECIAL).encode("utf-8")
    return HttpResponse(body, content_type=CONTENT_TYPES[fmt])


def render_errors(fmt: str, status: int, descriptions: list[str]) -> HttpResponse:
    rows: list[Row] = [{"code": status, "description": text} for text in descriptions]
    return render(fmt, "errors", "error", rows, status=status)


def error_for_request(
    request: HttpRequest, status: int, code: str, message: str | Promise, extra: dict[str, Any] | None = None
) -> HttpResponse:
    """An error met outside the Open311 views (unknown path, NUL character, body too large, server
    error) as an Open311 error list, in XML when the path asked for XML."""
    fmt = "xml" if (request.path_info or request.path).endswith(".xml") else "json"
    return render_errors(fmt, status, [str(message)])


def w3(moment: dt.datetime | None) -> str | None:
    """W3C date-time with the offset, in the site's time zone: ``2026-11-02T09:00:00+07:00``."""
    return timezone.localtime(moment).isoformat(timespec="seconds") if moment is not None else None


def end_of_day(day: dt.date | None) -> dt.datetime | None:
    if day is None:
        return None
    return timezone.make_aware(dt.datetime.combine(day, dt.time(23, 59, 59)))


def service_row(category: Category) -> Row:
    return {
        "service_code": category.code,
        "service_name": category.name,
        "description": category.name_en,
        "metadata": False,
        "type": "realtime",
        "keywords": f"{category.code}, {category.name_en}",
        "group": str(Kind.FEEDBACK.label),
    }


def request_row(petition: Petition) -> Row:
    """One public service request. Never party data, never the content: only the subject, the commune
    and the organisation handling it."""
    category = petition.category
    return {
        "service_request_id": petition.tracking_code,
        "status": "open" if petition.status in OPEN311_OPEN else "closed",
        "status_notes": str(petition.get_status_display()),
        "service_name": category.name if category else None,
        "service_code": category.code if category else None,
        "description": petition.subject,
        "agency_responsible": petition.handling_organization.name,
        "service_notice": None,
        "requested_datetime": w3(petition.created_at),
        "updated_datetime": w3(petition.updated_at),
        "expected_datetime": w3(end_of_day(getattr(petition, "next_due_on", None))),
        "address": petition.unit.full_name(),
        "address_id": petition.unit.code,
        "lat": petition.latitude,
        "long": petition.longitude,
        "media_url": None,
    }
