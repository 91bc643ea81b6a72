from django.contrib import admin
from django.urls import include, path
from django_otp.admin import OTPAdminSite

from config.api import api

# The Django admin, too, asks for the second factor.
admin.site.__class__ = OTPAdminSite

urlpatterns = [
    path("", include("danvan.portal.urls")),
    path("accounts/", include("danvan.accounts.urls")),
    path("geography/", include("danvan.geography.urls")),
    path("workspace/audit/", include("danvan.audit.urls")),
    path("workspace/notifications/", include("danvan.notifications.urls")),
    path("api/", api.urls),
    path("django-admin/", admin.site.urls),
]

handler400 = "danvan.core.views.bad_request"
handler403 = "danvan.core.views.permission_denied"
handler404 = "danvan.core.views.page_not_found"
handler500 = "danvan.core.views.server_error"
