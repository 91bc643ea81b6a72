"""Error reports that carry no personal data (Law 91/2025; Denunciation Law art. 8(3)).

The e-mail Django sends to ``ADMINS`` on a server error, and the debug page, normally list every GET and POST
parameter, the uploaded file names, the full address with its query string (a petition's tracking secret) and
the local variables of every frame. Petitions, identities and secrets pass through all of them, and marking
views one by one with ``@sensitive_post_parameters`` misses the next view. So every report is cleansed
whatever the view: parameter names stay (they help debugging), values go; frame variables keep only numbers,
booleans and ``None``.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.views.debug import ExceptionReporter, SafeExceptionReporterFilter

HIDDEN = SafeExceptionReporterFilter.cleansed_substitute
# Request headers and environment that may carry a secret, a session or a person's data.
HIDDEN_META = ("QUERY_STRING", "HTTP_COOKIE", "HTTP_AUTHORIZATION", "HTTP_REFERER", "HTTP_IDEMPOTENCY_KEY")


def _is_plain(value: Any) -> bool:
    return value is None or isinstance(value, bool | int | float)


class PersonalDataReporterFilter(SafeExceptionReporterFilter):
    def is_active(self, request: HttpRequest | None) -> bool:
        return True

    def get_post_parameters(self, request: HttpRequest | None) -> Any:
        if request is None:
            return {}
        return dict.fromkeys(request.POST, HIDDEN)

    def get_safe_request_meta(self, request: HttpRequest) -> dict[str, Any]:
        meta = super().get_safe_request_meta(request)
        return {key: (HIDDEN if key in HIDDEN_META else value) for key, value in meta.items()}

    def get_traceback_frame_variables(self, request: HttpRequest | None, tb_frame: Any) -> Any:
        return {
            name: value if _is_plain(value) else HIDDEN
            for name, value in super().get_traceback_frame_variables(request, tb_frame)
        }.items()


class PersonalDataExceptionReporter(ExceptionReporter):
    def get_traceback_data(self) -> dict[str, Any]:
        data = super().get_traceback_data()
        if self.request is not None:
            data["request_GET_items"] = [(key, HIDDEN) for key in self.request.GET]
            data["request_FILES_items"] = [(key, HIDDEN) for key in self.request.FILES]
            data["request_insecure_uri"] = self.request.path
        return data
