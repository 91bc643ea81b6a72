"""Citizen reception in a real browser (issue 5): a commune chairman's periodic reception day where a crowd of 7
arrives with 2 representatives (one new petition) and a citizen's visit is added to an existing case; a dialogue is
scheduled and its minutes produced; a complex case gets a roadmap of 3 milestones, one goes overdue and an alert
appears. axe-core checks the module's main pages."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from browser_support import ContextFactory, axe_failures, vi, watch_console
from django.utils import timezone
from docx import Document
from playwright.sync_api import Page, expect

from danvan.accounts.models import Role, User
from danvan.cases.models import Petition, Status
from danvan.cases.services import workflow
from danvan.cases.services.intake import PartyData, PetitionData, petition_submit
from danvan.documents.checks import assert_decree30_format
from danvan.reception.models import ComplexCase, Dialogue, ReceptionPlace, ReceptionVisit
from danvan.reception.services.alerts import milestone_overdue_scan
from danvan.reception.services.complex import complex_register
from danvan.reception.services.sessions import session_open
from danvan.testing import World, make_user

ID = "001085012345"


pytestmark = pytest.mark.usefixtures("seeded_site")


def _complaint(site: World, *, days_ago: int, subject: str) -> Petition:
    data = PetitionData(
        kind="complaint",
        complaint_round=1,
        subject=subject,
        content="Tôi khiếu nại Quyết định số 15/QĐ-UBND về việc thu hồi đất nông nghiệp của gia đình tôi.",
        unit=site.commune_a,
        respondent_name="Chủ tịch UBND phường Tân Phong",
        received_on=timezone.localdate() - dt.timedelta(days=days_ago),
        parties=[PartyData(full_name="Nguyễn Văn An", personal_id=ID, phone="0912345678")],
    )
    return petition_submit(actor=None, data=data, receiving_organization=site.org_a).petition


@pytest.fixture
def chairman(site: World) -> User:
    user = make_user("chairman_a", org=site.org_a, role=Role.UNIT_HEAD)
    user.full_name = "Lò Văn Minh"
    user.save(update_fields=["full_name"])
    ReceptionPlace.objects.create(organization=site.org_a, name="Phòng tiếp công dân", address="Số 1 Trần Hưng Đạo")
    return user


def download(page: Page, href: str) -> bytes:
    response = page.request.get(href)
    assert response.status == 200, f"{href}: HTTP {response.status}"
    return response.body()


def test_a_chairmans_reception_day_a_dialogue_and_a_roadmap(
    site: World, chairman: User, new_context: ContextFactory
) -> None:
    today = timezone.localdate()
    existing = _complaint(site, days_ago=30, subject="Khiếu nại quyết định thu hồi đất")
    page = new_context(user=chairman).new_page()
    errors = watch_console(page)

    # --- The periodic reception day ---------------------------------------------------------------
    page.goto("/reception/sessions/")
    page.locator("#id_place").select_option(label="Phòng tiếp công dân")
    page.locator("#id_kind").select_option("periodic")
    page.locator("#id_head").select_option(label="Lò Văn Minh")
    page.get_by_role("button", name=vi("Open the session")).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(today.strftime("%d/%m/%Y"))
    session_url = page.url

    page.get_by_role("link", name=vi("Record a visit")).click()
    page.locator("#id_people_count").fill("7")
    page.locator("#id_complainants").fill(
        "Hoàng Văn Dũng; 001085012346; Tổ 7, phường Tân Phong; 0911222333\n"
        "Đinh Thị Hạnh; ; Tổ 7, phường Tân Phong\nLương Văn Khải"
    )
    page.locator("#id_representatives").fill("Hoàng Văn Dũng\nĐinh Thị Hạnh")
    page.locator("#id_kind").select_option("complaint")
    page.locator("#id_content_summary").fill("Khiếu nại mức bồi thường khi thu hồi đất làm đường liên xã.")
    page.locator("input[name=result][value=new_petition]").check()
    page.locator("#id_subject").fill("Khiếu nại mức bồi thường đường liên xã")
    page.get_by_role("button", name=vi("Record the visit")).click()
    expect(page.get_by_role("status")).to_contain_text("1")
    crowd = ReceptionVisit.objects.get(serial=1)
    assert crowd.petition is not None
    assert crowd.petition.people_count == 7
    assert list(crowd.people.filter(is_representative=True).values_list("full_name", flat=True)) == [
        "Hoàng Văn Dũng",
        "Đinh Thị Hạnh",
    ]
    expect(page.locator("main")).to_contain_text(crowd.petition.tracking_code)

    # A citizen whose matter is already a petition: found by his ID number (htmx), added without retyping.
    page.goto(session_url)
    page.get_by_role("link", name=vi("Record a visit")).click()
    page.evaluate("() => { window.__sameDocument = true; }")
    page.locator("#id_find").fill(ID)
    page.get_by_role("button", name=vi("Find"), exact=True).click()
    attach = page.locator("#candidates").get_by_role("link")
    expect(attach).to_have_count(1)
    expect(page.locator("#candidates")).to_contain_text(existing.tracking_code)
    assert page.evaluate("() => window.__sameDocument === true"), "the search reloaded the page"
    attach.click()
    expect(page.locator("#id_attach_code")).to_have_value(existing.tracking_code)
    expect(page.locator("input[name=result][value=attached]")).to_be_checked()
    page.locator("#id_complainants").fill(f"Nguyễn Văn An; {ID}; Tổ 7, phường Tân Phong")
    page.locator("#id_kind").select_option("complaint")
    page.locator("#id_content_summary").fill("Bổ sung giấy tờ về diện tích đất bị thu hồi.")
    page.get_by_role("button", name=vi("Record the visit")).click()
    expect(page.get_by_role("status")).to_contain_text("2")
    second = ReceptionVisit.objects.get(serial=2)
    assert (second.result, second.petition_id) == ("attached", existing.pk)
    assert Petition.objects.count() == 2

    # The chairman's conclusions, issued as a notice (DOCX, Decree 30 format).
    page.goto(session_url)
    page.locator("#id_conclusions").fill("Giao Công an phường bảo đảm an ninh trật tự.")
    page.locator(f"#id_direction_{crowd.pk}").fill("Giao công chức địa chính xác minh trong 10 ngày")
    page.get_by_role("button", name=vi("Issue the notice")).click()
    notice = page.get_by_role("link", name=vi("Download the notice (DOCX)"))
    content = download(page, notice.get_attribute("href") or "")
    assert assert_decree30_format(content) == []
    assert "đoàn 7 công dân do ông (bà) Hoàng Văn Dũng, Đinh Thị Hạnh đại diện" in "\n".join(
        p.text for p in Document(io.BytesIO(content)).paragraphs
    )

    # --- A dialogue on the existing complaint --------------------------------------------------------
    handler = make_user("handler_a", org=site.org_a, role=Role.CASE_HANDLER)
    workflow.petition_classify(actor=chairman, petition=existing, eligible=True, within_competence=True)
    workflow.petition_accept(actor=chairman, petition=existing, on=existing.received_on)
    workflow.petition_start_verification(actor=chairman, petition=existing, handler=handler)
    page.goto(f"/reception/dialogues/add/?petition={existing.tracking_code}")
    expect(page.locator("#id_p-0-full_name")).to_have_value("Nguyễn Văn An")
    page.locator("#id_held_on").fill(today.isoformat())
    page.locator("#id_start_time").fill("09:00")
    page.locator("#id_place").fill("Hội trường UBND phường Tân Phong")
    page.locator("#id_notice_sent_on").fill((today - dt.timedelta(days=4)).isoformat())
    page.locator("#id_notice_method").fill("Giấy mời gửi trực tiếp")
    page.get_by_role("button", name=vi("Schedule the dialogue")).click()
    expect(page.locator(".field-error, .form-errors").first).to_contain_text("5")  # 4 days' notice is too short
    assert Dialogue.objects.count() == 0
    errors.remove("Failed to load resource: the server responded with a status of 400 (Bad Request)")  # that refusal
    page.locator("#id_notice_sent_on").fill((today - dt.timedelta(days=6)).isoformat())
    page.get_by_role("button", name=vi("Schedule the dialogue")).click()
    dialogue = Dialogue.objects.get()
    expect(page).to_have_url(f"{page.url.split('/reception/')[0]}/reception/dialogues/{dialogue.pk}/")
    chair, complainant, respondent = dialogue.participants.order_by("position")
    page.locator(f"#id_opinion_{chair.pk}").fill("Đề nghị các bên trình bày ý kiến.")
    page.locator(f"#id_opinion_{complainant.pk}").fill("Giữ nguyên yêu cầu bồi thường theo giá thị trường.")
    page.locator(f"#id_signature_{complainant.pk}").select_option("refused")
    page.locator(f"#id_refusal_reason_{complainant.pk}").fill("Không đồng ý với kết quả xác minh")
    page.locator(f"#id_opinion_{respondent.pk}").fill("Việc thu hồi đất đúng quy định.")
    page.locator("#id_result").fill("Hai bên chưa thống nhất; tiếp tục xác minh giá đất.")
    page.get_by_role("button", name=vi("Record the minutes")).click()
    minutes = page.get_by_role("link", name=vi("Download the minutes (DOCX)"))
    content = download(page, minutes.get_attribute("href") or "")
    assert assert_decree30_format(content) == []
    text = "\n".join(p.text for p in Document(io.BytesIO(content)).paragraphs)
    assert "- Nguyễn Văn An (người khiếu nại): từ chối ký, lý do: Không đồng ý với kết quả xác minh." in text
    existing.refresh_from_db()
    assert existing.status == Status.DIALOGUE

    # --- A complex case and its roadmap --------------------------------------------------------------
    page.goto("/reception/complex/add/")
    page.locator("#id_organization").select_option(str(site.org_a.pk))
    page.locator("#id_title").fill("Khiếu kiện đông người về bồi thường đường liên xã")
    page.locator("#id_summary").fill("Các hộ dân khu tái định cư khiếu nại mức bồi thường.")
    page.locator("input[name=criteria][value=several_agencies]").check()
    page.locator("#id_leader").select_option(label="Lò Văn Minh")
    page.locator("#id_petitions").fill(f"{existing.tracking_code}\n{crowd.petition.tracking_code}")
    page.get_by_role("button", name=vi("Register"), exact=True).click()
    case = ComplexCase.objects.get()
    for title, days in (("Đo đạc lại ranh giới", -1), ("Đối thoại lần hai", 20), ("Quyết định giải quyết", 60)):
        page.locator("#id_title").fill(title)
        page.locator("#id_owner").select_option(str(site.org_a.pk))
        page.locator("#id_due_on").fill((today + dt.timedelta(days=days)).isoformat())
        page.get_by_role("button", name=vi("Add the milestone")).click()
        expect(page.locator("table").first).to_contain_text(title)
    assert case.roadmap.milestones.count() == 3

    # The daily scan finds the overdue milestone; the case page and the notifications show it.
    assert milestone_overdue_scan(today=today) == 1
    page.reload()
    overdue = page.locator("tr", has_text="Đo đạc lại ranh giới")
    expect(overdue.locator(".badge-alert")).to_have_text(vi("overdue"))
    expect(page.locator("tr", has_text="Đối thoại lần hai").locator(".badge-alert")).to_have_count(0)
    page.goto("/workspace/notifications/")
    alert = page.get_by_role("link", name="Đo đạc lại ranh giới", exact=False)
    expect(alert).to_have_attribute("href", f"/reception/complex/{case.pk}/")
    assert not errors, f"errors in the console (CSP?): {errors}"


def test_reception_pages_are_accessible(site: World, chairman: User, new_context: ContextFactory) -> None:
    existing = _complaint(site, days_ago=30, subject="Khiếu nại quyết định thu hồi đất")
    place = ReceptionPlace.objects.get()
    session = session_open(
        actor=chairman,
        organization=site.org_a,
        place=place,
        kind="periodic",
        held_on=timezone.localdate(),
        head=chairman,
    )
    case = complex_register(
        actor=chairman,
        organization=site.org_a,
        title="Vụ khu tái định cư",
        summary="Nhiều hộ.",
        criteria=["several_places"],
        leader=chairman,
        petitions=[existing],
    )
    page = new_context(user=chairman, bypass_csp=True).new_page()
    failures = []
    for path in (
        f"/reception/sessions/{session.pk}/",
        f"/reception/sessions/{session.pk}/visits/add/",
        f"/reception/complex/{case.pk}/",
        "/reception/",
        "/reception/sessions/",
        "/reception/schedules/",
        "/reception/register/",
        "/reception/compliance/",
        f"/reception/dialogues/add/?petition={existing.tracking_code}",
        "/reception/complex/add/",
        "/reception/hotspots/",
        "/reception/plans/",
        "/reception/book/",
    ):
        page.goto(path)
        failures.append(axe_failures(page, path))
    assert not "".join(failures), "\n".join(f for f in failures if f)
