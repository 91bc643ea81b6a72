"""The JSON API (django-ninja): OpenAPI 3 at /api/docs. Domain errors map to HTTP in one place."""

from __future__ import annotations

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, ValidationError

from danvan.core.errors import DomainError

api = NinjaAPI(title="DânVận API", version="1", urls_namespace="api", docs_url="/docs")


@api.exception_handler(DomainError)
def domain_error(request: HttpRequest, exc: DomainError) -> HttpResponse:
    return api.create_response(request, exc.as_dict(), status=exc.status)


@api.exception_handler(ObjectDoesNotExist)
def not_found(request: HttpRequest, exc: ObjectDoesNotExist) -> HttpResponse:
    return api.create_response(request, {"code": "not_found", "message": _("Not found."), "extra": {}}, status=404)


@api.exception_handler(PermissionDenied)
def forbidden(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    body = {"code": "forbidden", "message": _("You do not have permission to do this."), "extra": {}}
    return api.create_response(request, body, status=403)


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
api.add_router("/audit/", "danvan.audit.api.router")
