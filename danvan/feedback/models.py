"""The satisfaction survey of public service, in the spirit of SIPAS (the Ministry of Home Affairs' index of
satisfaction with public administrative services): five criteria scored 1–5 by anyone, without an account.

Per-case ratings are not stored here: they are ``Petition.rating`` (danvan.cases), aggregated by the reports
app for the organisation's leaders only.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from danvan.accounts.models import Organization

SIPAS_REFERENCE = (
    "Chỉ số hài lòng về sự phục vụ hành chính (SIPAS), Bộ Nội vụ: năm nhóm tiêu chí tiếp cận dịch vụ, "
    "thủ tục hành chính, công chức giải quyết công việc, kết quả, tiếp nhận và xử lý góp ý, phản ánh, kiến nghị"
)
SCORE_MIN, SCORE_MAX = 1, 5
CRITERIA = [
    ("access", _("Access to the service (place, opening hours, information)")),
    ("procedures", _("Administrative procedures (clear, public, simple)")),
    ("attitude", _("Officials' attitude and competence")),
    ("results", _("Results (on time, correct, complete)")),
    ("feedback_handling", _("Receiving and handling feedback and recommendations")),
]


def _score(label: str) -> models.PositiveSmallIntegerField:
    return models.PositiveSmallIntegerField(label)


class SurveyResponse(models.Model):
    """One person's answers about one organisation. No name, no contact, no address is asked or kept."""

    organization = models.ForeignKey(
        Organization, verbose_name=_("organisation"), on_delete=models.PROTECT, related_name="survey_responses"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    access = _score("access")
    procedures = _score("procedures")
    attitude = _score("attitude")
    results = _score("results")
    feedback_handling = _score("feedback handling")
    comment = models.TextField(_("comment"), blank=True)
    submission_token = models.CharField(max_length=64, unique=True, editable=False)
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True)

    class Meta:
        verbose_name = _("survey response")
        verbose_name_plural = _("survey responses")
        ordering = ["-submitted_at"]
        indexes = [models.Index(fields=["organization", "year"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    **{f"{name}__gte": SCORE_MIN for name, _label in CRITERIA},
                    **{f"{name}__lte": SCORE_MAX for name, _label in CRITERIA},
                ),
                name="feedback_scores_1_5",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organization_id} {self.year} #{self.pk}"
