""" "My deadlines" (Hạn xử lý của tôi) in a real browser: a case handler with an overdue petition and a complex
case due soon sees both counted in the navigation, opens the page, finds them most urgent first and follows
a row to its record; axe-core finds no serious or critical violation, in Vietnamese and in English."""

from __future__ import annotations

import datetime as dt

import pytest
from browser_support import ContextFactory, axe_failures, vi
from django.utils import timezone
from playwright.sync_api import expect

from danvan.accounts.models import Role, User
from danvan.calendar.models import RuleUnit
from danvan.calendar.services import rule_version_add
from danvan.calendar.services_deadlines import deadline_open
from danvan.cases.models import Petition
from danvan.cases.services import workflow
from danvan.cases.services.intake import PartyData, PetitionData, petition_submit
from danvan.reception.models import ComplexCase
from danvan.testing import World, make_user

pytestmark = pytest.mark.usefixtures("seeded_site")


def _petition(site: World, *, days_ago: int) -> Petition:
    data = PetitionData(
        kind="complaint",
        complaint_round=1,
        subject="Khiếu nại quyết định thu hồi đất",
        content="Tôi khiếu nại Quyết định số 15/QĐ-UBND về việc thu hồi đất nông nghiệp của gia đình tôi.",
        unit=site.commune_a,
        respondent_name="Chủ tịch UBND phường Tân Phong",
        received_on=timezone.localdate() - dt.timedelta(days=days_ago),
        parties=[PartyData(full_name="Nguyễn Văn An", personal_id="001085012345", phone="0912345678")],
    )
    return petition_submit(actor=None, data=data, receiving_organization=site.org_a).petition


@pytest.fixture
def handler(site: World) -> tuple[User, Petition, ComplexCase]:
    head = make_user("head_a", org=site.org_a, role=Role.UNIT_HEAD)
    user = make_user("handler_a", org=site.org_a, role=Role.CASE_HANDLER)
    petition = _petition(site, days_ago=60)
    workflow.petition_assign(actor=head, petition=petition, handler=user)
    rule_version_add(
        actor=None,
        code="test.roadmap.step",
        length=2,
        unit=RuleUnit.WORKING_DAYS,
        counts_from="ngày lập lộ trình",
        citation="Kế hoạch giải quyết vụ việc (thử nghiệm)",
        effective_from=dt.date(2020, 1, 1),
    )
    case = ComplexCase.objects.create(
        organization=site.org_a,
        unit=site.commune_a,
        title="Vụ việc đất đai kéo dài",
        summary="Nội bộ.",
        opened_on=dt.date(2026, 1, 5),
        created_by=head,
    )
    deadline_open(
        actor=head,
        record=case,
        key="roadmap",
        rule_code="test.roadmap.step",
        start=timezone.localdate(),
        organization=site.org_a,
        responsible=user,
    )
    return user, petition, case


def test_counts_list_and_link(handler: tuple[User, Petition, ComplexCase], new_context: ContextFactory) -> None:
    user, petition, case = handler
    page = new_context(user=user).new_page()
    page.goto("/workspace/")
    link = page.get_by_role("link", name=vi("My deadlines"))
    expect(link).to_contain_text("1 quá hạn")
    expect(link).to_contain_text("1 sắp đến hạn")
    link.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(vi("My deadlines"))
    cards = page.locator("#deadline-list > li")
    expect(cards).to_have_count(2)
    expect(cards.nth(0)).to_contain_text(petition.tracking_code)  # overdue first
    expect(cards.nth(0).locator(".badge-overdue")).to_be_visible()
    expect(cards.nth(1)).to_contain_text(case.title)
    expect(cards.nth(1).locator(".badge-due_soon")).to_be_visible()
    cards.nth(0).get_by_role("link", name=petition.tracking_code).click()
    expect(page).to_have_url(f"{page.url.split('/petitions/')[0]}/petitions/{petition.pk}/")


@pytest.mark.parametrize("language", ["vi", "en"])
def test_axe(language: str, handler: tuple[User, Petition, ComplexCase], new_context: ContextFactory) -> None:
    user = handler[0]
    page = new_context(user=user, language=language, bypass_csp=True).new_page()
    failures = []
    for path in ("/workspace/deadlines/", "/workspace/"):
        page.goto(path)
        failures.append(axe_failures(page, f"{path} ({language})"))
    assert not "".join(failures), "\n".join(f for f in failures if f)
