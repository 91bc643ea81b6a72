"""Who sees a suggestion and who records a decision about it. Seeing follows the case page; deciding
follows the intake steps (classify, forward): the processing roles of the handling organisation."""

import rules

from danvan.accounts.rules import is_officer, is_system_admin
from danvan.cases.rules import can_see_petition, processes_for_handling_org

rules.add_perm("routing.view_suggestion", is_officer & can_see_petition)
rules.add_perm("routing.decide_suggestion", processes_for_handling_org)
# The competence rules and the classifier models in the Django admin (read-only).
rules.add_perm("routing.manage_rules", is_system_admin)
