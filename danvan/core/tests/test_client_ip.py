from django.test import RequestFactory, override_settings

from danvan.core.middleware import client_ip


def test_without_proxies_the_socket_address_counts():
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.5", HTTP_X_FORWARDED_FOR="1.2.3.4")
    with override_settings(DANVAN_PROXY_COUNT=0):
        assert client_ip(request) == "10.0.0.5"


def test_behind_one_proxy_the_last_forwarded_address_counts():
    # A client may forge the left part of X-Forwarded-For; our proxy appends the real address.
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.5", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.9")
    with override_settings(DANVAN_PROXY_COUNT=1):
        assert client_ip(request) == "203.0.113.9"
    with override_settings(DANVAN_PROXY_COUNT=2):
        assert client_ip(request) == "6.6.6.6"


def test_garbage_forwarded_header_falls_back():
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.5", HTTP_X_FORWARDED_FOR="not-an-ip")
    with override_settings(DANVAN_PROXY_COUNT=1):
        assert client_ip(request) == "10.0.0.5"
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.5")
    with override_settings(DANVAN_PROXY_COUNT=1):
        assert client_ip(request) == "10.0.0.5"
