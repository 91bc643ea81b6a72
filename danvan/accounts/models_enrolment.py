"""One-time codes that let an officer enrol an authenticator app.

Without one, whoever first logs in with an officer's password (a leaked or default one) could enrol their own
phone and own the account. An administrator gives the officer a code in person or by another channel; only its
SHA-256 is stored; it expires, is used once, and is spent after a few wrong tries.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class OTPEnrolmentCode(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("officer"), on_delete=models.CASCADE, related_name="otp_codes"
    )
    code_hash = models.CharField(max_length=64, editable=False)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("issued by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires at"))
    used_at = models.DateTimeField(_("used at"), null=True, blank=True, editable=False)
    failed_attempts = models.PositiveSmallIntegerField(default=0, editable=False)

    class Meta:
        verbose_name = _("two-factor enrolment code")
        verbose_name_plural = _("two-factor enrolment codes")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.user_id} {self.created_at:%Y-%m-%d}"
