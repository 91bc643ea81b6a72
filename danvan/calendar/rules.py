import rules

from danvan.accounts.models import Role, User
from danvan.accounts.rules import is_officer, is_system_admin
from danvan.accounts.selectors import user_has_role

# Overrides of the working-day calendar and versions of the time-limit rules: system administrators.
rules.add_perm("legal_calendar.manage_calendar", is_system_admin)


@rules.predicate
def heads_a_unit(user: User) -> bool:
    return user_has_role(user=user, role=Role.UNIT_HEAD)


# The deadline engine: every officer sees the open deadlines they are responsible for ("My deadlines");
# a unit head also those of the organisations they head.
rules.add_perm("legal_calendar.view_own_deadlines", is_officer)
rules.add_perm("legal_calendar.view_unit_deadlines", heads_a_unit)
