from __future__ import annotations

import base64
from urllib.parse import urlencode

import qrcode
import qrcode.image.svg
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django_htmx.http import HttpResponseClientRedirect
from django_otp import login as otp_login
from django_otp import user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice

from danvan.accounts import enrolment, services
from danvan.accounts.access import officer_required, two_factor_needed, two_factor_redirect
from danvan.accounts.enrolment import enrolment_code_redeem
from danvan.accounts.forms import EnrolmentCodeForm, MemberAddForm, TokenForm
from danvan.accounts.models import Organization, User
from danvan.accounts.selectors import (
    organization_get_for_user,
    organization_list_for_user,
    organization_members,
)
from danvan.core.errors import DomainError
from danvan.core.http import is_htmx

# Set once the officer has spent an administrator's enrolment code in this session (then the key is shown).
ENROLMENT_OK_KEY = "accounts_otp_enrolment_ok"


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def form_valid(self, form):  # type: ignore[no-untyped-def]
        response = super().form_valid(form)
        user = form.get_user()
        services.record_login(user=user, verified_2fa=False)
        if two_factor_needed(user):
            return two_factor_redirect_with_next(self.request, self.get_success_url())
        return response


def two_factor_redirect_with_next(request: HttpRequest, next_url: str) -> HttpResponse:
    response = two_factor_redirect(request)
    response["Location"] = response["Location"].split("?")[0] + "?" + urlencode({"next": next_url})
    return response


def _next_url(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return str(reverse_lazy("portal:after_login"))


def _login_required_user(request: HttpRequest) -> User:
    if not request.user.is_authenticated:
        raise PermissionDenied
    assert isinstance(request.user, User)
    return request.user


@require_http_methods(["GET", "POST"])
def otp_verify(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect("accounts:login")
    user = _login_required_user(request)
    if not user_has_device(user, confirmed=True):
        return redirect("accounts:otp_setup")
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        token = form.cleaned_data["token"].strip()
        devices = list(TOTPDevice.objects.filter(user=user, confirmed=True))
        if not any(d.verify_is_allowed()[0] for d in devices):
            form.add_error(
                "token",
                _("Too many wrong codes. Wait a few seconds, then enter the code your app shows now."),
            )
        else:
            device = next((d for d in devices if d.verify_token(token)), None)
            if device is not None:
                otp_login(request, device)
                services.record_login(user=user, verified_2fa=True)
                return redirect(_next_url(request))
            form.add_error("token", _("The code is wrong or has expired. Enter the 6 digits your app shows now."))
    return render(request, "accounts/otp_verify.html", {"form": form, "next": _next_url(request)}, status=200)


@require_http_methods(["GET", "POST"])
def otp_setup(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect("accounts:login")
    user = _login_required_user(request)
    if user_has_device(user, confirmed=True) and not getattr(user, "is_verified", lambda: False)():
        return redirect("accounts:otp_verify")
    if not request.session.get(ENROLMENT_OK_KEY):
        return _enrolment_code_step(request, user)
    device = services.totp_device_start(user=user)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            confirmed = services.totp_device_confirm(user=user, token=form.cleaned_data["token"])
        except DomainError as exc:
            form.add_error("token", str(exc.message))
        else:
            request.session.pop(ENROLMENT_OK_KEY, None)
            otp_login(request, confirmed)
            messages.success(request, _("Two-factor authentication is on."))
            return redirect(_next_url(request))
    qr_svg = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8).to_string(
        encoding="unicode"
    )
    context = {
        "form": form,
        "qr_svg": mark_safe(qr_svg),
        "secret": _base32(device.bin_key),
        "next": _next_url(request),
    }
    return render(request, "accounts/otp_setup.html", context)


def _enrolment_code_step(request: HttpRequest, user: User) -> HttpResponse:
    """Before the authenticator's key is shown: the one-time code an administrator gave the officer."""
    form = EnrolmentCodeForm(request.POST if "code" in request.POST else None)
    status = 200
    if form.is_bound:
        status = 400
        if form.is_valid():
            try:
                enrolment_code_redeem(user=user, code=form.cleaned_data["code"])
            except DomainError as exc:
                form.add_error("code", str(exc.message))
            else:
                request.session[ENROLMENT_OK_KEY] = True
                return redirect(f"{reverse('accounts:otp_setup')}?{urlencode({'next': _next_url(request)})}")
    context = {"form": form, "next": _next_url(request)}
    return render(request, "accounts/otp_enrolment_code.html", context, status=status)


@officer_required
@require_http_methods(["POST"])
def enrolment_code_issue(request: HttpRequest, organization_id: int, user_id: int) -> HttpResponse:
    organization = _organization_or_404(request, organization_id)
    assert isinstance(request.user, User)
    if not request.user.has_perm("accounts.manage_members", organization):
        raise PermissionDenied
    member = organization_members(organization=organization).filter(user_id=user_id, is_active=True).first()
    if member is None:
        raise Http404
    try:
        code = enrolment.enrolment_code_issue(actor=request.user, user=member.user)
    except DomainError as exc:
        messages.error(request, str(exc.message))
        return redirect("accounts:organization_detail", organization_id=organization.pk)
    context = {"organization": organization, "officer": member.user, "code": code}
    return render(request, "accounts/otp_enrolment_code_issued.html", context)


def _base32(key: bytes) -> str:
    raw = base64.b32encode(key).decode("ascii").rstrip("=")
    return " ".join(raw[i : i + 4] for i in range(0, len(raw), 4))


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:password_change_done")

    def dispatch(self, request, *args, **kwargs):  # type: ignore[no-untyped-def]
        # An officer changes the password only after passing two-factor authentication.
        if request.user.is_authenticated and two_factor_needed(request.user):
            return two_factor_redirect(request)
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):  # type: ignore[no-untyped-def]
        response = super().form_valid(form)
        services.record_password_change(user=form.user)
        return response


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset.html"
    email_template_name = "accounts/email/password_reset.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")


# --- Organisations (officer workspace) ---------------------------------------------------------------


def _organization_or_404(request: HttpRequest, organization_id: int) -> Organization:
    assert isinstance(request.user, User)
    try:
        return organization_get_for_user(user=request.user, organization_id=organization_id)
    except Organization.DoesNotExist:
        raise Http404 from None


@officer_required
def organization_list(request: HttpRequest) -> HttpResponse:
    assert isinstance(request.user, User)
    organizations = organization_list_for_user(user=request.user).order_by("unit__province__name", "unit__name", "name")
    return render(request, "accounts/organization_list.html", {"organizations": organizations[:500]})


@officer_required
def organization_detail(request: HttpRequest, organization_id: int) -> HttpResponse:
    organization = _organization_or_404(request, organization_id)
    can_manage = request.user.has_perm("accounts.manage_members", organization)
    context = {
        "organization": organization,
        "members": organization_members(organization=organization),
        "can_manage": can_manage,
        "form": MemberAddForm() if can_manage else None,
    }
    return render(request, "accounts/organization_detail.html", context)


@officer_required
@require_http_methods(["POST"])
def member_add(request: HttpRequest, organization_id: int) -> HttpResponse:
    organization = _organization_or_404(request, organization_id)
    assert isinstance(request.user, User)
    if not request.user.has_perm("accounts.manage_members", organization):
        raise PermissionDenied
    form = MemberAddForm(request.POST)
    if form.is_valid():
        try:
            with transaction.atomic():
                services.membership_add(
                    actor=request.user,
                    organization=organization,
                    user=form.cleaned_data["username"],
                    role=form.cleaned_data["role"],
                )
        except DomainError as exc:
            form.add_error(None, str(exc.message))
        else:
            messages.success(request, _("The member was added."))
            if is_htmx(request):
                return HttpResponseClientRedirect(reverse("accounts:organization_detail", args=[organization.pk]))
            return redirect("accounts:organization_detail", organization_id=organization.pk)
    context = {
        "organization": organization,
        "members": organization_members(organization=organization),
        "can_manage": True,
        "form": form,
    }
    template = (
        "accounts/organization_detail.html#member-form" if is_htmx(request) else "accounts/organization_detail.html"
    )
    return render(request, template, context, status=200 if is_htmx(request) else 400)
