import pytest
from django.core.exceptions import ImproperlyConfigured

from danvan.accounts.access import WORKSPACE_POLICY
from danvan.core import access


def test_the_workspace_door_asks_the_policy_accounts_registered():
    assert access.workspace_policy() is WORKSPACE_POLICY


def test_without_a_registered_policy_the_door_refuses_to_guess():
    access.register_workspace_policy(None)  # as if danvan.accounts were not installed
    try:
        with pytest.raises(ImproperlyConfigured, match=r"danvan\.accounts"):
            access.workspace_policy()
    finally:
        access.register_workspace_policy(WORKSPACE_POLICY)
    assert access.workspace_policy() is WORKSPACE_POLICY
