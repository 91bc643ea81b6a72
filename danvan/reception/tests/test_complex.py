"""Complex prolonged cases: criteria, roadmap and milestones, overdue alerts, reduction plans and their burn-down,
the level of first resolution; MTTQ officers read them but never a denouncer's identity."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.utils.html import escape
from django.utils.translation import gettext as _

from danvan.cases.services.intake import PartyData
from danvan.core.errors import DomainError
from danvan.notifications.models import Notification
from danvan.reception.models import ComplexCase, Milestone, ReductionPlan
from danvan.reception.reports import burn_down, complex_resolution_levels
from danvan.reception.services import complex as services
from danvan.reception.services.alerts import milestone_overdue_scan
from danvan.reception.services.plans import plan_create
from danvan.reception.tasks import milestone_scan_daily
from danvan.reception.tests.conftest import submit

VN = ZoneInfo("Asia/Ho_Chi_Minh")
D = dt.date


def travel(day: dt.date):
    return time_machine.travel(dt.datetime(day.year, day.month, day.day, 9, 0, tzinfo=VN), tick=False)


@pytest.fixture(autouse=True)
def _now():
    with travel(D(2026, 11, 12)):
        yield


def _register(world, head_a, petitions, **overrides):
    values = {
        "actor": head_a,
        "organization": world.org_a,
        "title": "Khiếu kiện đông người về bồi thường đường liên xã",
        "summary": "Các hộ dân khu tái định cư khiếu nại mức bồi thường.",
        "criteria": ["several_agencies"],
        "leader": head_a,
        "petitions": petitions,
    }
    values.update(overrides)
    return services.complex_register(**values)


def test_criteria_from_the_data_and_from_the_officer(world, head_a):
    old = submit(world, received_on=D(2025, 9, 1), people_count=9, parties=[PartyData(full_name="Nguyễn Văn An")])
    case = _register(world, head_a, [old])
    assert case.criteria == ["several_agencies", "prolonged", "many_complainants"]
    assert case.opened_on == D(2025, 9, 1)
    assert case.roadmap.leader == head_a
    assert case.roadmap.progress == 0
    with pytest.raises(DomainError) as caught:
        _register(world, head_a, [submit(world, received_on=D(2026, 11, 1))], criteria=[])
    assert caught.value.code == "no_criterion"
    assert ComplexCase.objects.count() == 1


def test_roadmap_milestones_progress_and_bad_dates(world, head_a, personas):
    case = _register(world, head_a, [submit(world, received_on=D(2026, 3, 2))])
    before = Milestone.objects.count()
    with pytest.raises(DomainError) as caught:
        services.milestone_add(actor=head_a, case=case, title="Họp dân", owner=world.org_a, due_on=D(2026, 3, 1))
    assert (caught.value.code, list(caught.value.extra["fields"])) == ("milestone_before_case", ["due_on"])
    assert "02/03/2026" in str(caught.value.message)
    assert Milestone.objects.count() == before
    first = services.milestone_add(
        actor=head_a, case=case, title="Đo đạc lại", owner=world.org_a, due_on=D(2026, 12, 1)
    )
    services.milestone_add(actor=head_a, case=case, title="Đối thoại", owner=world.mttq_a, due_on=D(2027, 1, 15))
    with pytest.raises(DomainError) as caught:
        services.milestone_update(actor=head_a, milestone=first, status="done", evidence="  ")
    assert caught.value.code == "evidence_missing"
    services.milestone_update(actor=head_a, milestone=first, status="done", evidence="Biên bản đo đạc số 12")
    case.roadmap.refresh_from_db()
    assert case.roadmap.progress == 50
    with pytest.raises(DomainError) as caught:
        services.roadmap_update(
            actor=head_a, case=case, leader=head_a, progress=120, public_summary="", is_public=False
        )
    assert caught.value.code == "invalid"


def test_an_overdue_milestone_alerts_once(world, head_a, personas):
    case = _register(world, head_a, [submit(world, received_on=D(2026, 3, 2))])
    services.milestone_add(actor=head_a, case=case, title="Đo đạc lại", owner=world.org_a, due_on=D(2026, 11, 20))
    assert milestone_overdue_scan(today=D(2026, 11, 20)) == 0
    with travel(D(2026, 11, 21)):
        assert milestone_scan_daily.call_local() == 1
    notification = Notification.objects.get(user=head_a)
    assert notification.key.endswith(":overdue")
    assert notification.url == f"/reception/complex/{case.pk}/"
    assert "Đo đạc lại" in notification.title
    assert "20/11/2026" in notification.title
    assert milestone_overdue_scan(today=D(2026, 11, 22)) == 0
    # Once for each head of the owning organisation (head_a and the persona head_same).
    assert set(Notification.objects.values_list("user__username", flat=True)) == {"head_a", "head_same"}
    assert Notification.objects.count() == 2


def test_resolution_level_and_the_grassroots_share(world, head_a, personas):
    commune = _register(world, head_a, [submit(world, received_on=D(2026, 3, 2))])
    province = _register(world, head_a, [submit(world, received_on=D(2026, 4, 2))], title="Vụ thứ hai")
    services.complex_resolve(
        actor=head_a, case=commune, resolved_on=D(2026, 10, 1), resolved_by=world.org_a, resolution="Đối thoại thành"
    )
    services.complex_resolve(
        actor=head_a,
        case=province,
        resolved_on=D(2026, 10, 5),
        resolved_by=world.province_committee,
        resolution="Quyết định lần hai",
    )
    share = complex_resolution_levels(user=personas["province_inspector"], year=2026)
    assert (share.total, share.commune, share.province, share.commune_share) == (2, 1, 1, 50.0)
    assert complex_resolution_levels(user=personas["officer_other"], year=2026).total == 0
    with pytest.raises(DomainError) as caught:
        services.milestone_add(actor=head_a, case=commune, title="Sau", owner=world.org_a, due_on=D(2026, 12, 1))
    assert caught.value.code == "case_resolved"


def test_reduction_plan_and_burn_down(world, head_a):
    for n, day in enumerate((D(2025, 5, 1), D(2025, 8, 1), D(2025, 10, 1))):
        _register(world, head_a, [submit(world, received_on=day)], title=f"Vụ {n}")
    with pytest.raises(DomainError) as caught:
        plan_create(actor=head_a, organization=world.org_a, year=2026, targets={1: 3, 2: 4, 3: 1, 4: 0})
    assert caught.value.code == "targets_invalid"
    plan = plan_create(actor=head_a, organization=world.org_a, year=2026, targets={1: 3, 2: 2, 3: 2, 4: 1})
    assert plan.baseline == 3
    first = ComplexCase.objects.order_by("pk").first()
    services.complex_resolve(
        actor=head_a, case=first, resolved_on=D(2026, 5, 10), resolved_by=world.org_a, resolution="Xong"
    )
    rows = burn_down(plan=plan, today=D(2026, 11, 12))
    assert [(r.quarter, r.target, r.actual, r.met) for r in rows] == [
        (1, 3, 3, True),
        (2, 2, 2, True),
        (3, 2, 2, True),
        (4, 1, 2, False),
    ]
    assert rows[3].as_of == D(2026, 11, 12)
    with pytest.raises(DomainError) as caught:
        plan_create(actor=head_a, organization=world.org_a, year=2026, targets={1: 1, 2: 1, 3: 1, 4: 1})
    assert caught.value.code == "plan_exists"
    assert ReductionPlan.objects.count() == 1


def test_mttq_reads_the_case_but_never_a_denouncer(world, head_a, as_persona):
    denunciation = submit(
        world,
        kind="denunciation",
        complaint_round=None,
        subject="Tố cáo cán bộ thu tiền (người gửi: Pham Van To)",
        parties=[PartyData(full_name="Phạm Văn Tố", phone="0977000111", address_street="Tổ 5")],
    )
    case = _register(world, head_a, [denunciation, submit(world)])
    page = as_persona("mttq_officer").get(f"/reception/complex/{case.pk}/")
    html = page.content.decode()
    assert page.status_code == 200
    assert denunciation.tracking_code in html
    assert "Tố cáo cán bộ thu tiền" in html
    assert "Pham Van To" not in html  # the subject names the denouncer: hidden there too
    assert "Phạm Văn Tố" not in html
    assert "0977000111" not in html
    assert "Nguyễn Văn An" not in html
    assert as_persona("officer_other").get(f"/reception/complex/{case.pk}/").status_code == 404


def test_pages_add_milestones_and_show_the_overdue_one(world, head_a, as_persona, client):
    from danvan.testing import login_client

    login_client(client, head_a)
    petition = submit(world, received_on=D(2026, 3, 2))
    response = client.post(
        "/reception/complex/add/",
        {
            "organization": world.org_a.pk,
            "title": "Vụ khu tái định cư",
            "summary": "Nhiều hộ.",
            "criteria": ["several_places"],
            "leader": head_a.pk,
            "petitions": petition.tracking_code.lower(),
        },
    )
    case = ComplexCase.objects.get()
    assert response.status_code == 302
    assert case.petition_links.get().petition == petition
    bad = client.post(
        f"/reception/complex/{case.pk}/milestones/", {"title": "Sớm", "owner": world.org_a.pk, "due_on": "2026-01-01"}
    )
    assert bad.status_code == 400
    expected = _("A milestone cannot be due before the case arose (%(day)s).") % {"day": "02/03/2026"}
    assert escape(expected) in bad.content.decode()
    for title, due in (("Đo đạc", "2026-11-10"), ("Đối thoại", "2026-12-10"), ("Quyết định", "2027-01-10")):
        assert (
            client.post(
                f"/reception/complex/{case.pk}/milestones/", {"title": title, "owner": world.org_a.pk, "due_on": due}
            ).status_code
            == 302
        )
    page = as_persona("mttq_officer").get(f"/reception/complex/{case.pk}/")
    assert [overdue for _m, overdue in page.context["milestones"]] == [True, False, False]
