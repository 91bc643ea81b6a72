"""The reception register and its exports; the notice of conclusions of a head's session; appointments."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from danvan.accounts.access import officer_required
from danvan.accounts.models import Organization, User
from danvan.cases.models import Kind
from danvan.core.errors import DomainError
from danvan.reception import selectors
from danvan.reception.forms.reception import NoticeForm, RegisterFilterForm
from danvan.reception.register import register_docx, register_rows, register_xlsx
from danvan.reception.services.common import audit
from danvan.reception.services.notice import session_notice_issue
from danvan.reception.views.common import (
    apply_error,
    current_user,
    docx_response,
    found,
    require,
    today_local,
    xlsx_response,
)


def _register_query(
    request: HttpRequest, user: User
) -> tuple[RegisterFilterForm, Organization | None, dt.date, dt.date]:
    organizations = selectors.reception_organizations(user=user)
    form = RegisterFilterForm(request.GET or None, organizations=organizations)
    start, end = form.period(today_local())
    organization = form.cleaned_data.get("organization") if form.is_valid() else None
    if request.GET.get("organization") and organization is None:
        raise Http404
    return form, organization or organizations.first(), start, end


@officer_required
def register(request: HttpRequest) -> HttpResponse:
    require(request, "reception.access_reception")
    user = current_user(request)
    form, organization, start, end = _register_query(request, user)
    rows = register_rows(user=user, organization=organization, start=start, end=end) if organization else []
    context = {"form": form, "organization": organization, "start": start, "end": end, "rows": rows}
    return render(request, "reception/register.html", context)


def _export(request: HttpRequest, kind: str) -> HttpResponse:
    require(request, "reception.access_reception")
    user = current_user(request)
    _form, organization, start, end = _register_query(request, user)
    if organization is None:
        raise Http404
    require(request, "reception.view_reception", organization)
    with translation.override("vi"):
        rows = register_rows(user=user, organization=organization, start=start, end=end, official=True)
        build = register_xlsx if kind == "xlsx" else register_docx
        content = build(rows=rows, organization=organization, start=start, end=end)
    with transaction.atomic():
        audit(
            actor=user,
            action="register_exported",
            target=organization,
            organization_id=organization.pk,
            format=kind,
            start=str(start),
            end=str(end),
            rows=len(rows),
        )
    filename = f"so-tiep-cong-dan-{start}-{end}.{kind}"
    return xlsx_response(content, filename) if kind == "xlsx" else docx_response(content, filename)


@officer_required
def register_xlsx_view(request: HttpRequest) -> HttpResponse:
    return _export(request, "xlsx")


@officer_required
def register_docx_view(request: HttpRequest) -> HttpResponse:
    return _export(request, "docx")


@officer_required
@require_POST
def session_notice(request: HttpRequest, session_id: int) -> HttpResponse:
    user = current_user(request)
    session = found(selectors.session_get_for_user, user=user, session_id=session_id)
    require(request, "reception.lead_reception", session.organization)
    visits = list(session.visits.order_by("serial"))
    form = NoticeForm(request.POST, visits=visits)
    if form.is_valid():
        try:
            session_notice_issue(
                actor=user, session=session, conclusions=form.cleaned_data["conclusions"], directions=form.directions()
            )
        except DomainError as error:
            apply_error(form, error)
        else:
            messages.success(request, _("The notice of conclusions is issued."))
            return redirect("reception:session_detail", session_id=session.pk)
    rows = [(v, selectors.visit_people(user=user, visit=v)) for v in visits]
    context = {"session": session, "rows": rows, "can_manage": True, "can_lead": True, "notice_form": form}
    return render(request, "reception/session_detail.html", context, status=400)


@officer_required
def session_notice_download(request: HttpRequest, session_id: int) -> HttpResponse:
    user = current_user(request)
    session = found(selectors.session_get_for_user, user=user, session_id=session_id)
    if not session.notice_file:
        raise Http404
    with session.notice_file.open("rb") as handle:
        content = handle.read()
    return docx_response(content, f"thong-bao-ket-luan-{session.held_on:%Y%m%d}.docx")


@officer_required
def appointment_list(request: HttpRequest) -> HttpResponse:
    require(request, "reception.access_reception")
    user = current_user(request)
    appointments = selectors.appointment_list_for_user(user=user, start=today_local())[:200]
    # A denouncer's name and phone are for the receiving organisation's own reception staff only.
    own = set(selectors.managed_organizations(user=user).values_list("pk", flat=True))
    rows = [(a, a.kind != Kind.DENUNCIATION or a.schedule.organization_id in own) for a in appointments]
    return render(request, "reception/appointments.html", {"rows": rows})
