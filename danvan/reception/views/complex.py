"""Complex prolonged cases and their roadmaps; reduction plans; the grassroots-resolution report; the public page."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from danvan.accounts.access import officer_required
from danvan.accounts.selectors import organization_list_for_user
from danvan.cases.models import Petition
from danvan.cases.selectors import subjects_for_user
from danvan.core.errors import DomainError
from danvan.core.http import MAX_YEAR, MIN_YEAR, query_int
from danvan.reception import law, reports, selectors
from danvan.reception.errors import ReceptionErrorCode, field_error
from danvan.reception.forms.complex import (
    ComplexForm,
    LinkPetitionForm,
    MilestoneForm,
    MilestoneUpdateForm,
    PlanForm,
    ResolveForm,
    RoadmapForm,
)
from danvan.reception.models import ComplexCase, ComplexStatus, Milestone, MilestoneStatus
from danvan.reception.services import complex as services
from danvan.reception.services.plans import plan_create
from danvan.reception.views.common import apply_error, current_user, found, require, today_local


@officer_required
def complex_list(request: HttpRequest) -> HttpResponse:
    user = current_user(request)
    status = request.GET.get("status", ComplexStatus.OPEN)
    cases = selectors.complex_list_for_user(user=user)
    if status in ComplexStatus.values:
        cases = cases.filter(status=status)
    context = {
        "cases": cases.order_by("opened_on", "pk")[:200],
        "status": status,
        "statuses": ComplexStatus.choices,
        "can_register": selectors.managed_organizations(user=user).exists(),
        "today": today_local(),
    }
    return render(request, "reception/complex_list.html", context)


@officer_required
@require_http_methods(["GET", "POST"])
def complex_add(request: HttpRequest) -> HttpResponse:
    user = current_user(request)
    require(request, "reception.receive")
    organizations = selectors.managed_organizations(user=user)
    form = ComplexForm(request.POST or None, organizations=organizations)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        petitions: list[Petition] = []
        for code in form.codes():
            petition = selectors.petition_by_code_for_user(user=user, tracking_code=code)
            if petition is None:
                apply_error(form, field_error(ReceptionErrorCode.PETITION_NOT_FOUND, "petitions"))
                break
            petitions.append(petition)
        else:
            try:
                case = services.complex_register(
                    actor=user,
                    organization=data["organization"],
                    title=data["title"],
                    summary=data["summary"],
                    criteria=data["criteria"],
                    leader=data["leader"],
                    petitions=petitions,
                    opened_on=data["opened_on"],
                    public_summary=data["public_summary"],
                    is_public=data["is_public"],
                )
            except DomainError as error:
                apply_error(form, error)
            else:
                messages.success(request, _("The complex case is registered. Add the milestones of its roadmap."))
                return redirect("reception:complex_detail", case_id=case.pk)
    return render(
        request, "reception/complex_form.html", {"form": form}, status=400 if request.method == "POST" else 200
    )


def _detail(request: HttpRequest, case: ComplexCase, *, status: int = 200, **forms: Any) -> HttpResponse:
    user = current_user(request)
    roadmap = case.roadmap
    milestones = list(roadmap.milestones.select_related("owner").order_by("due_on", "pk"))
    can_manage = user.has_perm("reception.manage_complex", case) and case.status == ComplexStatus.OPEN
    organizations = organization_list_for_user(user=user)
    today = today_local()
    petitions = list(selectors.complex_petitions_for_user(user=user, case=case))
    subjects = subjects_for_user(user=user, petitions=petitions)
    context = {
        "case": case,
        "roadmap": roadmap,
        "criteria": [law.criterion_label(c, language=get_language() or "vi") for c in case.criteria],
        "milestones": [
            (m, m.status in (MilestoneStatus.PLANNED, MilestoneStatus.IN_PROGRESS) and m.due_on < today)
            for m in milestones
        ],
        "petitions": [(p, subjects[p.pk], selectors.petition_url(p)) for p in petitions],
        "visits": list(case.visits.order_by("received_on", "serial")),
        "can_manage": can_manage,
        "can_update": [m.pk for m in milestones if user.has_perm("reception.update_milestone", m)],
        "link_form": forms.get("link_form") or LinkPetitionForm(),
        "milestone_form": forms.get("milestone_form") or MilestoneForm(organizations=organizations),
        "roadmap_form": forms.get("roadmap_form")
        or RoadmapForm(
            organization=case.organization,
            initial={
                "leader": roadmap.leader_id,
                "progress": roadmap.progress,
                "public_summary": roadmap.public_summary,
                "is_public": roadmap.is_public,
            },
        ),
        "resolve_form": forms.get("resolve_form")
        or ResolveForm(
            organizations=organizations, initial={"resolved_on": today, "resolved_by": case.organization_id}
        ),
        "update_form": MilestoneUpdateForm(),
        "update_errors": forms.get("update_errors"),
    }
    return render(request, "reception/complex_detail.html", context, status=status)


@officer_required
def complex_detail(request: HttpRequest, case_id: int) -> HttpResponse:
    return _detail(request, found(selectors.complex_get_for_user, user=current_user(request), case_id=case_id))


def _managed_case(request: HttpRequest, case_id: int) -> ComplexCase:
    case = found(selectors.complex_get_for_user, user=current_user(request), case_id=case_id)
    require(request, "reception.manage_complex", case)
    return case


@officer_required
@require_POST
def complex_link_petition(request: HttpRequest, case_id: int) -> HttpResponse:
    user = current_user(request)
    case = _managed_case(request, case_id)
    form = LinkPetitionForm(request.POST)
    if form.is_valid():
        petition = selectors.petition_by_code_for_user(user=user, tracking_code=form.cleaned_data["tracking_code"])
        try:
            if petition is None:
                raise field_error(ReceptionErrorCode.PETITION_NOT_FOUND, "tracking_code")
            services.complex_link_petition(actor=user, case=case, petition=petition)
        except DomainError as error:
            apply_error(form, error)
        else:
            messages.success(request, _("The petition is linked to the case."))
            return redirect("reception:complex_detail", case_id=case.pk)
    return _detail(request, case, link_form=form, status=400)


@officer_required
@require_POST
def milestone_add(request: HttpRequest, case_id: int) -> HttpResponse:
    user = current_user(request)
    case = _managed_case(request, case_id)
    form = MilestoneForm(request.POST, organizations=organization_list_for_user(user=user))
    if form.is_valid():
        try:
            services.milestone_add(actor=user, case=case, **form.cleaned_data)
        except DomainError as error:
            apply_error(form, error)
        else:
            messages.success(request, _("The milestone is added to the roadmap."))
            return redirect("reception:complex_detail", case_id=case.pk)
    return _detail(request, case, milestone_form=form, status=400)


@officer_required
@require_POST
def roadmap_update(request: HttpRequest, case_id: int) -> HttpResponse:
    user = current_user(request)
    case = _managed_case(request, case_id)
    form = RoadmapForm(request.POST, organization=case.organization)
    if form.is_valid():
        try:
            services.roadmap_update(actor=user, case=case, **form.cleaned_data)
        except DomainError as error:
            apply_error(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("reception:complex_detail", case_id=case.pk)
    return _detail(request, case, roadmap_form=form, status=400)


@officer_required
@require_POST
def complex_resolve(request: HttpRequest, case_id: int) -> HttpResponse:
    user = current_user(request)
    case = _managed_case(request, case_id)
    form = ResolveForm(request.POST, organizations=organization_list_for_user(user=user))
    if form.is_valid():
        try:
            services.complex_resolve(actor=user, case=case, **form.cleaned_data)
        except DomainError as error:
            apply_error(form, error)
        else:
            messages.success(request, _("The case is recorded as resolved."))
            return redirect("reception:complex_detail", case_id=case.pk)
    return _detail(request, case, resolve_form=form, status=400)


@officer_required
@require_POST
def milestone_update(request: HttpRequest, milestone_id: int) -> HttpResponse:
    user = current_user(request)
    milestone = Milestone.objects.select_related("roadmap__case").filter(pk=milestone_id).first()
    if (
        milestone is None
        or not selectors.complex_list_for_user(user=user).filter(pk=milestone.roadmap.case_id).exists()
    ):
        raise Http404
    require(request, "reception.update_milestone", milestone)
    form = MilestoneUpdateForm(request.POST)
    case = milestone.roadmap.case
    if form.is_valid():
        try:
            services.milestone_update(actor=user, milestone=milestone, **form.cleaned_data)
        except DomainError as error:
            apply_error(form, error)
        else:
            messages.success(request, _("The milestone is updated."))
            return redirect("reception:complex_detail", case_id=case.pk)
    errors = [str(e) for errors in form.errors.values() for e in errors]
    return _detail(request, case, update_errors=(milestone.pk, errors), status=400)


@officer_required
def resolution_levels(request: HttpRequest) -> HttpResponse:
    user = current_user(request)
    year = query_int(request, "year", today_local().year, low=MIN_YEAR, high=MAX_YEAR)
    context = {
        "year": year,
        "cases": reports.complex_resolution_levels(user=user, year=year),
        "petitions": reports.petition_resolution_levels(user=user, year=year),
    }
    return render(request, "reception/levels.html", context)


@officer_required
def plan_list(request: HttpRequest, *, form: PlanForm | None = None, status: int = 200) -> HttpResponse:
    user = current_user(request)
    headed = selectors.headed_organizations(user=user)
    context = {
        "plans": selectors.plan_list_for_user(user=user).order_by("-year", "organization__name")[:100],
        "can_plan": headed.exists(),
        "form": form or PlanForm(organizations=headed, initial={"year": today_local().year}),
    }
    return render(request, "reception/plans.html", context, status=status)


@officer_required
@require_POST
def plan_add(request: HttpRequest) -> HttpResponse:
    user = current_user(request)
    require(request, "reception.plan_any")
    form = PlanForm(request.POST, organizations=selectors.headed_organizations(user=user))
    if form.is_valid():
        organization = form.cleaned_data["organization"]
        require(request, "reception.plan_reduction", organization)
        try:
            plan = plan_create(
                actor=user, organization=organization, year=form.cleaned_data["year"], targets=form.targets()
            )
        except DomainError as error:
            apply_error(form, error)
        else:
            return redirect("reception:plan_detail", plan_id=plan.pk)
    return plan_list(request, form=form, status=400)


@officer_required
def plan_detail(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = found(selectors.plan_get_for_user, user=current_user(request), plan_id=plan_id)
    rows = reports.burn_down(plan=plan, today=today_local())
    context = {"plan": plan, "rows": rows, "chart": reports.svg_points(rows, plan.baseline)}
    return render(request, "reception/plan_detail.html", context)


def public_roadmaps(request: HttpRequest) -> HttpResponse:
    """What the people may know: the published summaries and roadmaps (no petition, no person)."""
    return render(request, "reception/public_roadmaps.html", {"cases": selectors.public_roadmaps()[:100]})
