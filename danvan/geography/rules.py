import rules

from danvan.accounts.rules import is_system_admin

rules.add_perm("geography.set_remote", is_system_admin)
