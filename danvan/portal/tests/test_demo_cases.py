"""The demo's petitions: something to work with on every page, made through the services (one full load)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from danvan.accounts.models import User
from danvan.audit.selectors import audit_chain_problems
from danvan.cases.models import CaseEvent, Kind, PartyRole, Petition, Status
from danvan.reception.models import (
    ComplexCase,
    Dialogue,
    DialogueStatus,
    Hotspot,
    MilestoneStatus,
    ReceptionSession,
    ReceptionVisit,
    ReductionPlan,
)
from danvan.reports.selectors.dashboard import overdue_petitions
from danvan.search.models import PetitionDocument

CODE = re.compile(r"DV-[0-9A-Z]{4}-[0-9A-Z]{4}")
MASKED = "[người tố cáo — được giữ bí mật]"


def page(username: str, url: str) -> str:
    from danvan.testing import login_client

    client = login_client(Client(), User.objects.get(username=username))
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


@pytest.fixture
def loaded(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    cache.clear()
    call_command("demo_load")
    yield
    cache.clear()


@pytest.mark.django_db
def test_demo_petitions_cover_every_kind_state_and_page(loaded):
    today = timezone.localdate()
    petitions = Petition.objects.all()
    assert 60 <= petitions.count() <= 120
    # Every kind; a second-round complaint linked to the first.
    assert set(petitions.values_list("kind", flat=True)) == set(Kind.values)
    assert petitions.filter(kind=Kind.COMPLAINT, complaint_round=2, previous_round__isnull=False).exists()
    # The states an officer meets.
    statuses = set(petitions.values_list("status", flat=True))
    expected = {Status.RECEIVED, Status.CLASSIFIED, Status.ACCEPTED, Status.FORWARDED, Status.GUIDED}
    expected |= {Status.ARCHIVED, Status.VERIFICATION, Status.DIALOGUE, Status.CONCLUDED, Status.CLOSED}
    expected |= {Status.DUPLICATE, Status.INSPECTION_LEAD, Status.SUSPENDED, Status.WITHDRAWN}
    assert expected <= statuses
    assert petitions.filter(status=Status.CLOSED, rating__isnull=False).count() >= 20
    assert petitions.filter(extensions__gte=1, kind=Kind.DENUNCIATION).exists()
    assert petitions.filter(status=Status.VERIFICATION, handler__username="demo.xuly").exists()
    assert CaseEvent.objects.filter(action="forwarded").count() >= 4
    assert CaseEvent.objects.filter(action="archived").exists()
    assert overdue_petitions(petitions, today).exists()
    # Spread over the last fourteen months: the reports have figures in several quarters.
    days = list(petitions.values_list("received_on", flat=True))
    assert min(days) <= today - dt.timedelta(days=365)
    assert max(days) == today
    assert len({(d.year, (d.month - 1) // 3) for d in days}) >= 4
    # A crowd with two representatives; a duplicate sent to two organisations.
    crowd = petitions.get(people_count__gte=5)
    assert crowd.parties.filter(role=PartyRole.REPRESENTATIVE).count() == 2
    copy = petitions.get(status=Status.DUPLICATE)
    assert copy.canonical is not None
    assert copy.receiving_organization_id != copy.canonical.receiving_organization_id

    # The head's inbox lists the ward's petitions; search and the dashboard have figures.
    inbox = page("demo.chutich", reverse("cases:inbox"))
    assert len(set(CODE.findall(inbox))) >= 10
    assert len(set(CODE.findall(page("demo.chutich", reverse("search:petitions") + "?q=bồi thường")))) >= 3
    page("demo.chutich", reverse("reports:dashboard"))
    # A denunciation whose author names himself in the letter: masked for an officer who is neither the
    # handler nor the head, readable by the handler.
    denunciation = petitions.get(kind=Kind.DENUNCIATION, content__startswith="Tôi là")
    author = denunciation.parties.get(role=PartyRole.PETITIONER)
    assert author.full_name in denunciation.content
    assert denunciation.handler is not None
    assert denunciation.handler.username == "demo.xuly"
    for officer in ("demo.tiepdan", "demo.mttq"):
        html = page(officer, reverse("cases:petition_detail", args=[denunciation.pk]))
        assert author.full_name not in html
        assert author.phone not in html
        assert MASKED in html
    assert author.full_name in page("demo.xuly", reverse("cases:petition_detail", args=[denunciation.pk]))
    # The duplicate panel suggests the same citizen's second call about the street lights.
    lights = petitions.filter(subject__startswith="Phản ánh đèn", status=Status.RECEIVED).order_by("received_on")
    assert lights.count() == 2
    panel = page("demo.tiepdan", reverse("search:petition_candidates", args=[lights[1].pk]))
    assert lights[0].tracking_code in panel

    # Reception: sessions, visits, dialogues (one held), the complex case and its plan, one hotspot.
    assert ReceptionSession.objects.count() >= 5
    assert ReceptionVisit.objects.count() >= 8
    assert ReceptionVisit.objects.filter(petition=crowd).exists()
    assert Dialogue.objects.filter(status=DialogueStatus.HELD).count() == 1
    case = ComplexCase.objects.get()
    milestones = case.roadmap.milestones.all()
    assert milestones.count() == 3
    overdue = [m for m in milestones if m.status != MilestoneStatus.DONE and m.due_on < today]
    assert len(overdue) == 1
    assert ReductionPlan.objects.filter(organization=case.organization, year=today.year).exists()
    hotspot = Hotspot.objects.get()
    assert hotspot.signal == "crowd"
    assert hotspot.unit_id == crowd.unit_id
    assert "Phường Tân Phong" in page("demo.chutich", reverse("reception:hotspot_detail", args=[hotspot.pk]))

    # Search index ready before the task consumer runs; the audit chain is whole.
    assert PetitionDocument.objects.count() == petitions.count()
    assert list(audit_chain_problems()) == []
