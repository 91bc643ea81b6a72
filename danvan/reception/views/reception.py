"""Reception: the module's home, places, schedules, the heads' duty compliance, sessions and visits."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from danvan.accounts.access import officer_required
from danvan.cases.selectors import subjects_for_user
from danvan.core.errors import DomainError
from danvan.core.http import MAX_DB_INT, MAX_YEAR, MIN_YEAR, is_htmx, query_int
from danvan.reception import law, selectors
from danvan.reception.compliance import organization_compliance
from danvan.reception.forms.reception import FindForm, NoticeForm, PlaceForm, ScheduleForm, SessionForm, VisitForm
from danvan.reception.models import ComplexStatus, HotspotStatus, ReceptionKind
from danvan.reception.services.complex import complex_link_visit
from danvan.reception.services.sessions import place_add, schedule_add, session_open
from danvan.reception.services.visits import needs_ad_hoc_reception, visit_record
from danvan.reception.views.common import apply_error, current_user, found, require, today_local


@officer_required
def home(request: HttpRequest) -> HttpResponse:
    user = current_user(request)
    today = today_local()
    can_receive = user.has_perm("reception.access_reception")
    sessions = (
        selectors.session_list_for_user(user=user)
        .filter(held_on__gte=today - dt.timedelta(days=7), held_on__lte=today + dt.timedelta(days=14))
        .order_by("held_on", "pk")[:20]
        if can_receive
        else []
    )
    context = {
        "can_receive": can_receive,
        "sessions": sessions,
        "today": today,
        "open_cases": selectors.complex_list_for_user(user=user).filter(status=ComplexStatus.OPEN).count(),
        "new_hotspots": selectors.hotspot_list_for_user(user=user).filter(status=HotspotStatus.NEW).count(),
        "can_set_thresholds": user.has_perm("reception.manage_thresholds"),
    }
    return render(request, "reception/home.html", context)


@officer_required
def schedule_list(request: HttpRequest) -> HttpResponse:
    require(request, "reception.access_reception")
    return _schedules_page(request)


def _schedules_page(
    request: HttpRequest, *, place_form: PlaceForm | None = None, form: ScheduleForm | None = None, status: int = 200
) -> HttpResponse:
    user = current_user(request)
    managed = selectors.managed_organizations(user=user)
    context = {
        "schedules": selectors.schedule_list_for_user(user=user),
        "places": [
            (org, selectors.place_list(organization=org)) for org in selectors.reception_organizations(user=user)
        ],
        "can_manage": managed.exists(),
        "place_form": place_form or PlaceForm(organizations=managed),
        "form": form or ScheduleForm(organizations=managed, initial={"starts_on": today_local()}),
    }
    return render(request, "reception/schedules.html", context, status=status)


@officer_required
@require_POST
def place_add_view(request: HttpRequest) -> HttpResponse:
    user = current_user(request)
    require(request, "reception.receive")
    form = PlaceForm(request.POST, organizations=selectors.managed_organizations(user=user))
    if form.is_valid():
        organization = form.cleaned_data["organization"]
        require(request, "reception.manage_reception", organization)
        try:
            place_add(
                actor=user,
                organization=organization,
                name=form.cleaned_data["name"],
                address=form.cleaned_data["address"],
            )
        except DomainError as error:
            apply_error(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("reception:schedule_list")
    return _schedules_page(request, place_form=form, status=400)


@officer_required
@require_POST
def schedule_add_view(request: HttpRequest) -> HttpResponse:
    user = current_user(request)
    require(request, "reception.receive")
    form = ScheduleForm(request.POST, organizations=selectors.managed_organizations(user=user))
    if form.is_valid():
        data = form.cleaned_data
        place = data["place"]
        require(request, "reception.manage_reception", place.organization)
        try:
            schedule_add(
                actor=user,
                organization=place.organization,
                place=place,
                kind=data["kind"],
                weekday=data["weekday"],
                week_of_month=data["week_of_month"],
                start_time=data["start_time"],
                end_time=data["end_time"],
                starts_on=data["starts_on"],
                ends_on=data["ends_on"],
                head=data["head"],
                position=data["position"],
                online_booking=data["online_booking"],
                slot_minutes=data["slot_minutes"],
                slot_capacity=data["slot_capacity"],
            )
        except DomainError as error:
            apply_error(form, error)
        else:
            messages.success(request, _("The schedule is saved."))
            return redirect("reception:schedule_list")
    return _schedules_page(request, form=form, status=400)


@officer_required
def compliance(request: HttpRequest) -> HttpResponse:
    require(request, "reception.access_reception")
    user = current_user(request)
    today = today_local()
    organizations = selectors.reception_organizations(user=user)
    organization_id = query_int(request, "organization", None, low=1, high=MAX_DB_INT)
    year = query_int(request, "year", today.year, low=MIN_YEAR, high=MAX_YEAR)
    organization = selectors.organization_for_user(user=user, organization_id=organization_id)
    if organization is None and organization_id is not None:
        raise Http404
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    heads = (
        organization_compliance(organization=organization, start=start, end=end, today=today) if organization else []
    )
    context = {
        "organizations": organizations,
        "organization": organization,
        "year": year,
        "years": range(today.year - 3, today.year + 1),
        "heads": heads,
        "rules": law.duty_rules(),
    }
    return render(request, "reception/compliance.html", context)


@officer_required
def session_list(request: HttpRequest) -> HttpResponse:
    require(request, "reception.access_reception")
    return _sessions_page(request)


def _sessions_page(request: HttpRequest, *, form: SessionForm | None = None, status: int = 200) -> HttpResponse:
    user = current_user(request)
    managed = selectors.managed_organizations(user=user)
    sessions = selectors.session_list_for_user(user=user).order_by("-held_on", "-pk")[:100]
    context = {
        "sessions": sessions,
        "can_manage": managed.exists(),
        "form": form or SessionForm(organizations=managed, initial={"held_on": today_local()}),
    }
    return render(request, "reception/sessions.html", context, status=status)


@officer_required
@require_POST
def session_add(request: HttpRequest) -> HttpResponse:
    user = current_user(request)
    require(request, "reception.receive")
    form = SessionForm(request.POST, organizations=selectors.managed_organizations(user=user))
    if form.is_valid():
        data = form.cleaned_data
        place = data["place"]
        require(request, "reception.manage_reception", place.organization)
        try:
            session = session_open(
                actor=user,
                organization=place.organization,
                place=place,
                kind=data["kind"],
                held_on=data["held_on"],
                head=data["head"],
                received_by=data["received_by"],
                ad_hoc_conditions=data["ad_hoc_conditions"],
                participants=data["participants"],
            )
        except DomainError as error:
            apply_error(form, error)
        else:
            return redirect("reception:session_detail", session_id=session.pk)
    return _sessions_page(request, form=form, status=400)


@officer_required
def session_detail(request: HttpRequest, session_id: int) -> HttpResponse:
    user = current_user(request)
    session = found(selectors.session_get_for_user, user=user, session_id=session_id)
    visits = list(session.visits.select_related("petition", "refusal_ground").prefetch_related("people"))
    rows = [(v, selectors.visit_people(user=user, visit=v, people=list(v.people.all()))) for v in visits]
    context = {
        "session": session,
        "rows": rows,
        "can_manage": user.has_perm("reception.manage_reception", session.organization),
        "can_lead": user.has_perm("reception.lead_reception", session.organization)
        and session.kind != ReceptionKind.REGULAR,
        "future": session.held_on > today_local(),
    }
    if context["can_lead"] and not session.notice_number and visits:
        context["notice_form"] = NoticeForm(visits=visits)
    return render(request, "reception/session_detail.html", context)


@officer_required
@require_http_methods(["GET", "POST"])
def visit_add(request: HttpRequest, session_id: int) -> HttpResponse:
    user = current_user(request)
    session = found(selectors.session_get_for_user, user=user, session_id=session_id)
    require(request, "reception.manage_reception", session.organization)
    find = FindForm(request.GET or None)
    candidates = []
    if find.is_valid() and find.cleaned_data["find"]:
        found_petitions = selectors.earlier_petitions(user=user, query=find.cleaned_data["find"])
        subjects = subjects_for_user(user=user, petitions=found_petitions)
        candidates = [(p, subjects[p.pk]) for p in found_petitions]
    if is_htmx(request) and request.method == "GET":
        return render(request, "reception/visit_form.html#candidates", {"candidates": candidates, "find": find})
    grounds = law.refusal_grounds(day=session.held_on)
    initial = {"attach_code": request.GET.get("attach", "")}
    if initial["attach_code"]:
        initial["result"] = "attached"
    form = VisitForm(request.POST or None, initial=initial, grounds=grounds, language=get_language())
    if request.method == "POST" and form.is_valid():
        try:
            visit = visit_record(actor=user, session=session, data=form.to_data())
        except DomainError as error:
            apply_error(form, error)
        else:
            messages.success(request, _("Visit no. %(serial)s is recorded.") % {"serial": visit.serial})
            if needs_ad_hoc_reception(visit, session):
                messages.warning(
                    request,
                    _(
                        "This matter meets the conditions of Citizen Reception Law art. 18(3): the head must "
                        "receive the citizens at once (ad hoc reception). The head has been notified."
                    ),
                )
            return redirect("reception:visit_detail", visit_id=visit.pk)
    context = {"session": session, "form": form, "find": find, "candidates": candidates}
    return render(request, "reception/visit_form.html", context, status=400 if request.method == "POST" else 200)


@officer_required
def visit_detail(request: HttpRequest, visit_id: int) -> HttpResponse:
    user = current_user(request)
    visit = found(selectors.visit_get_for_user, user=user, visit_id=visit_id)
    can_manage = user.has_perm("reception.manage_reception", visit.organization)
    cases = (
        selectors.complex_list_for_user(user=user).filter(organization=visit.organization, status=ComplexStatus.OPEN)
        if can_manage
        else []
    )
    context = {
        "visit": visit,
        "people": selectors.visit_people(user=user, visit=visit),
        "petition_url": selectors.petition_url(visit.petition) if visit.petition else "",
        "ad_hoc": needs_ad_hoc_reception(visit, visit.session),
        "cases": cases,
        "linked_cases": list(visit.complex_cases.all()),
    }
    return render(request, "reception/visit_detail.html", context)


@officer_required
@require_POST
def visit_link_complex(request: HttpRequest, visit_id: int) -> HttpResponse:
    user = current_user(request)
    visit = found(selectors.visit_get_for_user, user=user, visit_id=visit_id)
    require(request, "reception.manage_reception", visit.organization)
    try:
        case_id = int(request.POST.get("case", ""))
    except ValueError:
        case_id = 0
    case = found(selectors.complex_get_for_user, user=user, case_id=case_id)
    require(request, "reception.manage_complex", case)
    try:
        complex_link_visit(actor=user, case=case, visit=visit)
    except DomainError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("The visit is linked to the complex case."))
    return redirect("reception:visit_detail", visit_id=visit.pk)
