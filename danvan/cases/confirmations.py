"""The citizen's receipt: tracking code and secret link, shown on screen and sent by e-mail if given."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.utils import translation
from django.utils.translation import gettext as _

from danvan.cases.models import Petition
from danvan.outbox.services import outbox_write

# Outbox kinds written by the cases app. "petition.changed" is handled by the search app (its index and
# duplicate keys); "petition.receipt" here.
PETITION_CHANGED = "petition.changed"
RECEIPT = "petition.receipt"


def tracking_url(petition: Petition, secret: str) -> str:
    return f"{settings.DANVAN_SITE_URL}/petitions/track/{petition.tracking_code}/?s={secret}"


def schedule_receipts(*, petition: Petition, secret: str, emails: list[str]) -> None:
    """In the petition's transaction: one outbox message per address, sent after the commit. A mail
    failure never undoes the petition; the outbox retries it, then shows it to administrators."""
    for email in emails:
        outbox_write(kind=RECEIPT, target=f"{petition.pk}:{email}", payload={"secret": secret, "email": email})


def receipt_handler(target: str, payload: dict[str, str]) -> None:
    send_receipt(petition_id=int(target.split(":", 1)[0]), secret=payload["secret"], email=payload["email"])


def send_receipt(*, petition_id: int, secret: str, email: str) -> None:
    """Send one receipt. Raises when the mail server refuses it (the outbox retries)."""
    petition = Petition.objects.select_related("handling_organization").get(pk=petition_id)
    with translation.override(settings.LANGUAGE_CODE):
        body = "\n".join(
            [
                _("Your petition was received by %(org)s on %(date)s.")
                % {"org": petition.handling_organization.name, "date": petition.received_on.strftime("%d/%m/%Y")},
                _("Tracking code: %(code)s") % {"code": petition.tracking_code},
                _("Follow it here (keep this link private): %(url)s") % {"url": tracking_url(petition, secret)},
            ]
        )
        subject = _("DânVận: petition %(code)s received") % {"code": petition.tracking_code}
    send_mail(subject, body, None, [email])
