"""Error answers in the shape of the channel that was asked: the API's ``{code, message, extra}`` JSON,
Open311's error list, or ``None`` for the HTML pages (the caller renders its template).

The channels are found by path prefix in ``DANVAN_ERROR_BODIES`` (prefix -> dotted path of a function
``(request, status, code, message, extra) -> HttpResponse``), so that core needs no import of the apps."""

from __future__ import annotations

import json
from typing import Any

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse
from django.utils.functional import Promise
from django.utils.module_loading import import_string

_HTML_SPECIAL = str.maketrans({"<": "\\u003C", ">": "\\u003E", "&": "\\u0026"})


def json_error(
    request: HttpRequest, status: int, code: str, message: str | Promise, extra: dict[str, Any] | None = None
) -> HttpResponse:
    """The API's error body (docs/api.md), escaped like every API answer."""
    body = json.dumps({"code": code, "message": str(message), "extra": extra or {}}, cls=DjangoJSONEncoder)
    return HttpResponse(body.translate(_HTML_SPECIAL), status=status, content_type="application/json; charset=utf-8")


def error_response(
    request: HttpRequest, status: int, code: str, message: str | Promise, extra: dict[str, Any] | None = None
) -> HttpResponse | None:
    """The error body of the channel ``request`` belongs to, or ``None`` for an HTML page."""
    path = request.path_info or request.path
    for prefix, dotted in settings.DANVAN_ERROR_BODIES.items():
        if path.startswith(prefix):
            response: HttpResponse = import_string(dotted)(request, status, code, message, extra)
            return response
    return None
