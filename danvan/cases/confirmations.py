"""The citizen's receipt: tracking code and secret link, shown on screen and sent by e-mail if given."""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.utils import translation
from django.utils.translation import gettext as _

from danvan.cases.models import Petition

logger = logging.getLogger(__name__)


def tracking_url(petition: Petition, secret: str) -> str:
    return f"{settings.DANVAN_SITE_URL}/petitions/track/{petition.tracking_code}/?s={secret}"


def send_receipt(*, petition_id: int, secret: str, email: str) -> None:
    """Send once, after the transaction commits. A mail failure never undoes the petition."""
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
    try:
        send_mail(subject, body, None, [email])
    except OSError:
        logger.warning("receipt e-mail for petition %s could not be sent", petition_id)
