from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "danvan.accounts"
    label = "accounts"
    verbose_name = _("Accounts and organisations")

    def ready(self) -> None:
        from danvan.accounts.access import WORKSPACE_POLICY
        from danvan.core.access import register_workspace_policy

        register_workspace_policy(WORKSPACE_POLICY)
