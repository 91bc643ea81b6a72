"""A request needs only the database: with the cache and the task queue down, a petition is still
registered and answered; its follow-ups wait in the outbox and run once the queue is back."""

from __future__ import annotations

import datetime as dt
import json
import logging

import pytest
import time_machine
from django.core import mail
from django.core.cache import cache
from django.db import transaction
from django.test import Client
from huey import RedisHuey
from huey.contrib.djhuey import HUEY

from danvan.cases.models import Petition
from danvan.notifications.models import Notification
from danvan.notifications.services import Message, notify
from danvan.outbox.models import OutboxMessage, Status
from danvan.outbox.services import deliver, relay
from danvan.search.apps import index_handler
from danvan.search.models import PetitionDocument, PetitionKey

from .test_api import api_payload
from .test_views_citizen import form_data

NOW = dt.datetime(2026, 11, 2, 9, 0)
DEAD_CACHE = {
    "default": {
        "BACKEND": "danvan.core.cache.FailSafeCache",
        "OPTIONS": {"BACKEND": "danvan.core.cache.UnreachableCache"},
    }
}


@pytest.fixture
def cache_down(settings):
    settings.CACHES = DEAD_CACHE


DEAD_REDIS = "redis://127.0.0.1:1/0"  # nothing listens on port 1: connection refused


@pytest.fixture
def queue_down(monkeypatch):
    """The queue's Redis is down: enqueueing goes to a real RedisHuey whose server refuses connections."""
    dead = RedisHuey("danvan-dead", url=DEAD_REDIS)
    monkeypatch.setattr(HUEY, "enqueue", dead.enqueue)
    return monkeypatch


def pending(kind: str) -> list[str]:
    return list(OutboxMessage.objects.filter(kind=kind, status=Status.PENDING).values_list("target", flat=True))


def test_the_dead_cache_is_really_dead_and_degrades(cache_down, caplog):
    with caplog.at_level(logging.WARNING, logger="danvan.core.cache"):
        assert cache.get("k", "default") == "default"
        cache.set("k", 1)
        assert cache.add("k", 1) is True  # a guard built on add is open while the cache is down
        assert cache.incr("k") is None
        assert cache.get_many(["k"]) == {}
    assert cache.is_down
    assert len(caplog.records) == 1  # a warning once per outage, not per call
    with pytest.raises(ConnectionError):
        cache.inner.get("k")


def test_a_real_redis_that_is_down_degrades_too(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "danvan.core.cache.FailSafeCache",
            "LOCATION": DEAD_REDIS,
            "OPTIONS": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "socket_connect_timeout": 0.5},
        }
    }
    assert cache.get("k") is None
    cache.set("k", 1)
    assert (cache.add("k", 1), cache.delete("k")) == (True, False)
    assert cache.is_down


@time_machine.travel(NOW, tick=False)
def test_api_create_with_cache_and_queue_down_answers_201_and_indexes_once_the_queue_is_back(
    world, personas, as_persona, cache_down, queue_down, django_capture_on_commit_callbacks
):
    officer = as_persona("officer_same")
    with django_capture_on_commit_callbacks(execute=True):
        response = officer.post(
            "/api/petitions/",
            json.dumps(api_payload(world)),
            content_type="application/json",
            headers={"Idempotency-Key": "fault-1"},
        )
    assert response.status_code == 201, response.content
    petition = Petition.objects.get()
    assert response.json()["secret"]
    assert pending("petition.changed") == [str(petition.pk)]
    assert not PetitionDocument.objects.filter(pk=petition.pk).exists()
    # The retry of the same request (the client did not hear the answer) finds the same petition.
    with django_capture_on_commit_callbacks(execute=True):
        again = officer.post(
            "/api/petitions/",
            json.dumps(api_payload(world)),
            content_type="application/json",
            headers={"Idempotency-Key": "fault-1"},
        )
    assert (again.status_code, again.json()["id"]) == (200, petition.pk)
    assert Petition.objects.count() == 1

    queue_down.undo()
    assert relay().handed == 1
    assert PetitionDocument.objects.filter(pk=petition.pk).exists()
    assert OutboxMessage.objects.get(kind="petition.changed").status == Status.DONE


@time_machine.travel(NOW, tick=False)
def test_form_create_with_cache_and_queue_down_redirects_and_e_mails_the_receipt_later(
    world, cache_down, queue_down, django_capture_on_commit_callbacks
):
    client = Client()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/petitions/new/", form_data(world))
    assert (response.status_code, response["Location"]) == (302, "/petitions/new/done/")
    petition = Petition.objects.get()
    receipt = client.get("/petitions/new/done/")
    assert petition.tracking_code in receipt.content.decode()
    assert pending("petition.receipt") == [f"{petition.pk}:an@example.vn"]
    assert mail.outbox == []

    queue_down.undo()
    assert relay().handed == 2
    assert len(mail.outbox) == 1
    assert petition.tracking_code in mail.outbox[0].body
    assert PetitionDocument.objects.filter(pk=petition.pk).exists()
    receipt_message = OutboxMessage.objects.get(kind="petition.receipt")
    assert (receipt_message.status, receipt_message.payload) == (Status.DONE, {})  # the secret is not kept
    assert relay().handed == 0
    assert len(mail.outbox) == 1


@time_machine.travel(NOW, tick=False)
def test_rate_limits_stay_open_while_the_cache_is_down(world, cache_down):
    client = Client()
    for _ in range(12):
        assert client.post("/petitions/new/", form_data(world, subject="")).status_code == 400
    assert client.post("/petitions/new/", form_data(world)).status_code == 302


def test_indexing_a_petition_twice_gives_one_result(world, submit):
    petition = submit().petition
    index_handler(str(petition.pk), {})
    keys = sorted(PetitionKey.objects.filter(petition=petition).values_list("kind", "value"))
    document = PetitionDocument.objects.get(pk=petition.pk)
    index_handler(str(petition.pk), {})
    assert PetitionDocument.objects.filter(pk=petition.pk).count() == 1
    assert PetitionDocument.objects.get(pk=petition.pk).fingerprint == document.fingerprint
    assert sorted(PetitionKey.objects.filter(petition=petition).values_list("kind", "value")) == keys


def test_a_notification_e_mail_delivered_twice_goes_out_once(world, personas):
    user = personas["officer_same"]
    with transaction.atomic():
        notification = notify(user=user, message=Message(key="k1", title="T", body="B", url="/"))
    message = OutboxMessage.objects.get(kind="notification.email", target=str(notification.pk))
    assert deliver(message.pk) == "done"
    # A second run (the worker died after sending, before marking it done): the e-mail is not sent again.
    OutboxMessage.objects.filter(pk=message.pk).update(status=Status.PENDING)
    assert deliver(message.pk) == "done"
    assert len(mail.outbox) == 1
    assert Notification.objects.get().emailed_at is not None
