"""A server error's report to the administrators holds no personal data and no tracking secret."""

from __future__ import annotations

import sys

from django.core import mail
from django.test import RequestFactory, override_settings
from django.utils.log import AdminEmailHandler
from django.views.debug import get_exception_reporter_class, get_exception_reporter_filter

from danvan.core.error_reports import PersonalDataExceptionReporter

SECRETS = ["Khúc Thị Diệp Ngân", "0961234567", "001190774321", "ngan@example.org", "tracking-secret-XYZ", "sessid-42"]


def _failing_request():
    request = RequestFactory().post(
        "/petitions/new/?s=tracking-secret-XYZ&code=DV-1",
        {"full_name": "Khúc Thị Diệp Ngân", "phone": "0961234567", "personal_id": "001190774321"},
        HTTP_COOKIE="sessionid=sessid-42",
        HTTP_REFERER="http://127.0.0.1/track/?s=tracking-secret-XYZ",
    )
    return request


def _raise_with_personal_locals():
    email = "ngan" + "@example.org"  # noqa: F841 — a local variable the report would show (built at run time)
    count = 3  # noqa: F841
    raise ValueError("boom")


def _report(request):
    try:
        _raise_with_personal_locals()
    except ValueError:
        exc_info = sys.exc_info()
    assert get_exception_reporter_class(request) is PersonalDataExceptionReporter
    reporter = PersonalDataExceptionReporter(request, *exc_info)
    return reporter.get_traceback_text(), reporter.get_traceback_html()


def test_the_report_names_parameters_without_their_values():
    request = _failing_request()
    text, html = _report(request)
    for secret in SECRETS:
        assert secret not in text, secret
        assert secret not in html, secret
    assert "full_name" in text
    assert "personal_id" in text
    assert "email" in html  # the variable is named, its value hidden


def test_the_filter_is_active_even_in_debug():
    with override_settings(DEBUG=True):
        request = _failing_request()
        assert get_exception_reporter_filter(request).is_active(request)
        text, _ = _report(request)
    assert "0961234567" not in text


@override_settings(ADMINS=["it@example.gov.vn"])
def test_the_error_email_holds_no_secret():
    import logging

    request = _failing_request()
    try:
        _raise_with_personal_locals()
    except ValueError:
        record = logging.LogRecord("django.request", logging.ERROR, __file__, 1, "Internal Server Error", (), None)
        record.exc_info = sys.exc_info()
        record.request = request
        record.status_code = 500
    AdminEmailHandler(include_html=True).emit(record)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    bodies = [message.body, *[content for content, _ in getattr(message, "alternatives", [])]]
    for secret in SECRETS:
        for body in bodies:
            assert secret not in str(body), secret
        assert secret not in message.subject
