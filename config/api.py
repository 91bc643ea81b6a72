"""The JSON API (django-ninja): OpenAPI 3 at /api/docs. Domain errors map to HTTP in one place."""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, RequestDataTooBig, SuspiciousOperation
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.renderers import JSONRenderer

from danvan.core.errors import DomainError
from danvan.core.views import bad_request, too_large

_HTML_SPECIAL = str.maketrans({"<": "\\u003C", ">": "\\u003E", "&": "\\u0026"})


class EscapedJSONRenderer(JSONRenderer):
    """JSON with <, > and & escaped, as Django's json_script does: citizens' text is stored verbatim, and
    no response can be read as HTML even where it is pasted into a page."""

    def render(self, request: HttpRequest, data: object, *, response_status: int) -> str:
        return str(super().render(request, data, response_status=response_status)).translate(_HTML_SPECIAL)


api = NinjaAPI(title="DânVận API", version="1", urls_namespace="api", docs_url="/docs", renderer=EscapedJSONRenderer())


@api.exception_handler(DomainError)
def domain_error(request: HttpRequest, exc: DomainError) -> HttpResponse:
    # Code "invalid" (field errors in extra["fields"]) is a validation failure: 422, like ninja's own.
    status = 422 if exc.code == "invalid" else exc.status
    return api.create_response(request, exc.as_dict(), status=status)


@api.exception_handler(Http404)
@api.exception_handler(ObjectDoesNotExist)
def not_found(request: HttpRequest, exc: ObjectDoesNotExist) -> HttpResponse:
    return api.create_response(request, {"code": "not_found", "message": _("Not found."), "extra": {}}, status=404)


@api.exception_handler(PermissionDenied)
def forbidden(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    body = {"code": "forbidden", "message": str(exc) or _("You do not have permission to do this."), "extra": {}}
    return api.create_response(request, body, status=403)


# ninja's own HTTP errors (a body that is not JSON, a method not allowed …) in the same shape.
_HTTP_CODES = {400: "bad_request", 401: "unauthenticated", 403: "forbidden", 404: "not_found", 405: "not_allowed"}


@api.exception_handler(HttpError)
def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    code = _HTTP_CODES.get(exc.status_code, "error")
    message = _("The request body is not valid JSON.") if exc.status_code == 400 else str(exc)
    return api.create_response(request, {"code": code, "message": message, "extra": {}}, status=exc.status_code)


@api.exception_handler(SuspiciousOperation)
def suspicious(request: HttpRequest, exc: SuspiciousOperation) -> HttpResponse:
    if isinstance(exc, RequestDataTooBig):  # read inside an operation (the guard middleware reads first)
        return too_large(request, settings.DATA_UPLOAD_MAX_MEMORY_SIZE or 0)
    return bad_request(request, exc)


@api.exception_handler(Exception)
def server_error(request: HttpRequest, exc: Exception) -> HttpResponse:
    # Logged like Django's own 500s (ADMINS are mailed); the client gets the documented body, never a page.
    logging.getLogger("django.request").error(
        "Internal Server Error: %s", request.path, exc_info=exc, extra={"status_code": 500, "request": request}
    )
    body = {
        "code": "server_error",
        "message": _(
            "Something went wrong on our side. What you sent may or may not have been saved: "
            "check before sending it again."
        ),
        "extra": {},
    }
    return api.create_response(request, body, status=500)


@api.exception_handler(AuthenticationError)
def unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    body = {"code": "unauthenticated", "message": _("Log in first."), "extra": {}}
    return api.create_response(request, body, status=401)


@api.exception_handler(ValidationError)
def invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    body = {
        "code": "invalid",
        "message": _("Some fields are missing or wrong."),
        "extra": {"errors": exc.errors},
    }
    return api.create_response(request, body, status=422)


api.add_router("/geography/", "danvan.geography.api.router")
api.add_router("/accounts/", "danvan.accounts.api.router")
api.add_router("/audit/", "danvan.accounts.audit_trail.api.router")
api.add_router("/petitions/", "danvan.cases.api.router")
api.add_router("/search/", "danvan.search.api.router")
api.add_router("/routing/", "danvan.routing.api.router")
