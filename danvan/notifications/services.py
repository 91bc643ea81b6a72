from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from danvan.accounts.models import User
from danvan.notifications.models import Delivery, Notification, Preference
from danvan.outbox.services import outbox_write

EMAIL = "notification.email"


@dataclass(frozen=True)
class Message:
    key: str
    title: str
    body: str
    url: str


def delivery_of(user: User) -> str:
    preference = Preference.objects.filter(user=user).first()
    return preference.delivery if preference else Delivery.IMMEDIATE


@transaction.atomic
def notify(*, user: User, message: Message) -> Notification | None:
    """Create the notification once per user and key (a retry or a second scan sends nothing more)."""
    try:
        with transaction.atomic():
            notification = Notification.objects.create(
                user=user, key=message.key, title=message.title, body=message.body, url=message.url
            )
    except IntegrityError:
        return None
    if user.email and delivery_of(user) == Delivery.IMMEDIATE:
        outbox_write(kind=EMAIL, target=notification.pk)
    return notification


def email_handler(target: str, payload: dict[str, object]) -> None:
    email_notification(notification_id=int(target))


def email_notification(*, notification_id: int) -> bool:
    """Send one notification by e-mail, once. Returns True if an e-mail went out."""
    with transaction.atomic():
        notification = Notification.objects.select_for_update().select_related("user").get(pk=notification_id)
        if notification.emailed_at is not None or not notification.user.email:
            return False
        with translation.override(settings.LANGUAGE_CODE):
            send_mail(
                f"DânVận: {notification.title}",
                f"{notification.body}\n\n{settings.DANVAN_SITE_URL}{notification.url}",
                None,
                [notification.user.email],
            )
        notification.emailed_at = timezone.now()
        notification.save(update_fields=["emailed_at"])
    return True


def email_digest(*, user: User) -> int:
    """One e-mail with every notification not yet e-mailed. Returns how many it listed."""
    with transaction.atomic():
        pending = list(
            Notification.objects.select_for_update().filter(user=user, emailed_at__isnull=True).order_by("created_at")
        )
        if not pending or not user.email:
            return 0
        with translation.override(settings.LANGUAGE_CODE):
            lines = [f"- {n.title}: {settings.DANVAN_SITE_URL}{n.url}" for n in pending]
            send_mail(
                _("DânVận: %(n)s notifications today") % {"n": len(pending)}, "\n".join(lines), None, [user.email]
            )
        Notification.objects.filter(pk__in=[n.pk for n in pending]).update(emailed_at=timezone.now())
    return len(pending)


@transaction.atomic
def mark_read(*, user: User, notification_ids: list[int] | None = None) -> int:
    notifications = Notification.objects.filter(user=user, read_at__isnull=True)
    if notification_ids is not None:
        notifications = notifications.filter(pk__in=notification_ids)
    return notifications.update(read_at=timezone.now())


@transaction.atomic
def preference_set(*, user: User, delivery: str) -> Preference:
    preference, _created = Preference.objects.update_or_create(user=user, defaults={"delivery": delivery})
    return preference
