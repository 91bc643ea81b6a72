from __future__ import annotations

from django.db import transaction

from danvan.accounts.models import User
from danvan.reception.errors import ReceptionErrorCode, field_error
from danvan.reception.models import Threshold
from danvan.reception.services.common import audit


@transaction.atomic
def threshold_set(*, actor: User, code: str, value: float) -> Threshold:
    threshold = Threshold.objects.select_for_update().get(code=code)
    if value < threshold.minimum:
        raise field_error(ReceptionErrorCode.THRESHOLD_TOO_LOW, code)
    previous = threshold.value
    threshold.value, threshold.updated_by = value, actor
    threshold.save(update_fields=["value", "updated_by", "updated_at"])
    audit(actor=actor, action="threshold_set", target=threshold, organization_id=None, previous=previous, value=value)
    return threshold
