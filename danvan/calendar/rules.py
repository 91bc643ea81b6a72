import rules

from danvan.accounts.rules import is_system_admin

# Overrides of the working-day calendar and versions of the time-limit rules: system administrators.
rules.add_perm("legal_calendar.manage_calendar", is_system_admin)
