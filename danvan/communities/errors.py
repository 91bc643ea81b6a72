from __future__ import annotations

from enum import StrEnum

from django.utils.translation import gettext_lazy as _

from danvan.core.errors import DomainError


class CommunityErrorCode(StrEnum):
    NOT_A_COMMUNE = "communities_not_a_commune"
    NAME_TAKEN = "communities_name_taken"
    NAME_MISSING = "communities_name_missing"
    NOT_CURRENT = "communities_not_current"
    BAD_DATE = "communities_bad_date"
    MERGE_INTO_ITSELF = "communities_merge_into_itself"
    MERGE_OTHER_COMMUNE = "communities_merge_other_commune"
    CODE_TAKEN = "communities_household_code_taken"
    HOUSEHOLD_LEFT = "communities_household_left"
    HAS_HOUSEHOLDS = "communities_has_households"
    KIND_INVALID = "communities_kind_invalid"
    ROLE_INVALID = "communities_role_invalid"
    FILE_INVALID = "communities_import_file_invalid"


MESSAGES = {
    CommunityErrorCode.NOT_A_COMMUNE: _(
        "A village or residential group belongs to a current commune, ward or special zone."
    ),
    CommunityErrorCode.NAME_TAKEN: _("The commune already has a village or residential group of this name."),
    CommunityErrorCode.NAME_MISSING: _("Enter the name of the village or residential group."),
    CommunityErrorCode.NOT_CURRENT: _("This village or residential group no longer exists on that date."),
    CommunityErrorCode.BAD_DATE: _("The date is before the start of this village's or household's record."),
    CommunityErrorCode.MERGE_INTO_ITSELF: _("A village cannot be merged into itself."),
    CommunityErrorCode.MERGE_OTHER_COMMUNE: _("Villages can only be merged within the same commune."),
    CommunityErrorCode.CODE_TAKEN: _("This household code is already in the register of this village."),
    CommunityErrorCode.HAS_HOUSEHOLDS: _(
        "The village still has households on that date: move them to another village or merge the villages."
    ),
    CommunityErrorCode.KIND_INVALID: _(
        "Choose a kind of community from the list (thôn, bản, ấp, buôn, tổ dân phố...)."
    ),
    CommunityErrorCode.ROLE_INVALID: _("This role does not exist in a village or residential group."),
    CommunityErrorCode.HOUSEHOLD_LEFT: _("This household has already left the village."),
    CommunityErrorCode.FILE_INVALID: _("The file cannot be read."),
}
STATUS = {CommunityErrorCode.NAME_TAKEN: 409, CommunityErrorCode.CODE_TAKEN: 409}


def community_error(code: CommunityErrorCode, message: str | None = None, **extra: object) -> DomainError:
    return DomainError(code, message or MESSAGES[code], extra=dict(extra), status=STATUS.get(code, 400))
