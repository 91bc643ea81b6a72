from __future__ import annotations

import rules
from django.db import IntegrityError, transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from danvan.accounts.errors import AccountErrorCode, account_error
from danvan.accounts.models import Membership, Organization, Role, User
from danvan.accounts.rules import HEAD_ROLES, RoleGrant
from danvan.accounts.selectors import user_is_system_admin
from danvan.audit.services import audit_record
from danvan.core.text import normalize
from danvan.geography.models import AdministrativeUnit


@transaction.atomic
def user_create(
    *,
    actor: User | None,
    username: str,
    password: str | None,
    full_name: str = "",
    email: str = "",
    phone: str = "",
    is_demo: bool = False,
) -> User:
    user = User(username=username, full_name=normalize(full_name), email=email, phone=phone, is_demo=is_demo)
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.full_clean(exclude=["password"])
    user.save()
    audit_record(actor=actor, action="accounts.user_created", target=user, data={"username": username})
    return user


@transaction.atomic
def organization_create(
    *,
    actor: User | None,
    name: str,
    kind: str,
    unit: AdministrativeUnit,
    short_name: str = "",
    parent: Organization | None = None,
    is_demo: bool = False,
) -> Organization:
    org = Organization(
        name=normalize(name),
        short_name=normalize(short_name),
        kind=kind,
        unit=unit,
        parent=parent,
        is_demo=is_demo,
    )
    org.full_clean()
    org.save()
    audit_record(
        actor=actor,
        action="accounts.organization_created",
        target=org,
        organization_id=org.pk,
        data={"name": org.name, "kind": kind, "unit": unit.code},
    )
    return org


@transaction.atomic
def membership_add(*, actor: User | None, organization: Organization, user: User, role: str) -> Membership:
    """Give ``user`` a role in ``organization``. Re-adding an inactive membership re-activates it.

    ``actor`` None is the platform itself (migrations, ``officer_add``, demo data). A person may grant only what
    ``accounts.grant_role`` allows; a refusal says why and changes nothing."""
    if actor is not None:
        _check_grant(actor=actor, grant=RoleGrant(organization=organization, user=user, role=role))
    existing = Membership.objects.select_for_update().filter(user=user, organization=organization, role=role).first()
    if existing is not None and existing.is_active:
        raise account_error(AccountErrorCode.ALREADY_MEMBER, status=409)
    if existing is not None:
        existing.is_active = True
        existing.save(update_fields=["is_active", "updated_at"])
        membership = existing
    else:
        try:
            with transaction.atomic():
                membership = Membership.objects.create(user=user, organization=organization, role=role)
        except IntegrityError:
            raise account_error(AccountErrorCode.ALREADY_MEMBER, status=409) from None
    audit_record(
        actor=actor,
        action="accounts.membership_added",
        target=membership,
        organization_id=organization.pk,
        data={"user": user.pk, "role": role},
    )
    user.__dict__.pop("_danvan_memberships", None)
    return membership


def _check_grant(*, actor: User, grant: RoleGrant) -> None:
    if rules.has_perm("accounts.grant_role", actor, grant):
        return
    if grant.role == Role.SYSTEM_ADMIN and not user_is_system_admin(user=actor):
        raise account_error(AccountErrorCode.SYSTEM_ADMIN_ONLY, status=403)
    if grant.user.pk == actor.pk:
        raise account_error(AccountErrorCode.SELF_GRANT, status=403)
    if grant.role in HEAD_ROLES:
        raise account_error(AccountErrorCode.HEAD_ROLE_FROM_ABOVE, status=403)
    raise account_error(AccountErrorCode.ROLE_NOT_HELD, status=403)


@transaction.atomic
def membership_deactivate(*, actor: User, membership: Membership) -> Membership:
    if membership.is_active:
        membership.is_active = False
        membership.save(update_fields=["is_active", "updated_at"])
        audit_record(
            actor=actor,
            action="accounts.membership_deactivated",
            target=membership,
            organization_id=membership.organization_id,
            data={"user": membership.user_id, "role": membership.role},
        )
    return membership


@transaction.atomic
def totp_device_start(*, user: User) -> TOTPDevice:
    """Create (or reuse) the user's unconfirmed TOTP device for enrolment."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="DânVận", confirmed=False)
    return device


@transaction.atomic
def totp_device_confirm(*, user: User, token: str) -> TOTPDevice:
    device = TOTPDevice.objects.select_for_update().filter(user=user, confirmed=False).first()
    if device is None:
        raise account_error(AccountErrorCode.NO_DEVICE)
    if not device.verify_token(token.strip()):
        raise account_error(AccountErrorCode.INVALID_TOTP)
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user=user, confirmed=True).exclude(pk=device.pk).delete()
    audit_record(actor=user, action="accounts.totp_enrolled", target=user)
    return device


def record_login(*, user: User, verified_2fa: bool) -> None:
    with transaction.atomic():
        audit_record(actor=user, action="accounts.logged_in", target=user, data={"2fa": verified_2fa})


def record_password_change(*, user: User) -> None:
    with transaction.atomic():
        audit_record(actor=user, action="accounts.password_changed", target=user)
