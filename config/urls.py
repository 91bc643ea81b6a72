from django.contrib import admin
from django.urls import include, path

from config.api import api

urlpatterns = [
    path("", include("danvan.portal.urls")),
    path("accounts/", include("danvan.accounts.urls")),
    path("geography/", include("danvan.geography.urls")),
    path("workspace/audit/", include("danvan.audit.urls")),
    path("api/", api.urls),
    path("django-admin/", admin.site.urls),
]

handler400 = "danvan.core.views.bad_request"
handler403 = "danvan.core.views.permission_denied"
handler404 = "danvan.core.views.page_not_found"
handler500 = "danvan.core.views.server_error"
