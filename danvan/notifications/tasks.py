from __future__ import annotations

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from danvan.accounts.models import User
from danvan.notifications.models import Delivery, Notification, Preference
from danvan.notifications.services import email_digest, email_notification


@db_task(retries=3, retry_delay=60)
def notification_email(notification_id: int) -> bool:
    return email_notification(notification_id=notification_id)


# Huey schedules in UTC: 00:00 UTC is 07:00 in Việt Nam, before the working day starts.
@db_periodic_task(crontab(hour="0", minute="0"))
def daily_digest() -> int:
    users = User.objects.filter(
        pk__in=Preference.objects.filter(delivery=Delivery.DAILY_DIGEST).values("user"),
    ).filter(pk__in=Notification.objects.filter(emailed_at__isnull=True).values("user"))
    return sum(email_digest(user=user) for user in users)
