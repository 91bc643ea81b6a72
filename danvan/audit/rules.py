import rules

from danvan.accounts.rules import is_inspector, is_system_admin

rules.add_perm("audit.view_events", is_system_admin | is_inspector)
