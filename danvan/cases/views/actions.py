"""The actions on a case page: declared once, with their API side, in danvan/cases/actions.py."""

from danvan.cases.actions import ACTIONS, BY_NAME, BY_RESPONSE_STEP, Action, action_form, available_actions

__all__ = ["ACTIONS", "BY_NAME", "BY_RESPONSE_STEP", "Action", "action_form", "available_actions"]
