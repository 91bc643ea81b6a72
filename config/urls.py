from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView
from django_otp.admin import OTPAdminSite

from config.api import api

# The Django admin, too, asks for the second factor.
admin.site.__class__ = OTPAdminSite

urlpatterns = [
    path("favicon.ico", RedirectView.as_view(url="/static/favicon.svg", permanent=True)),
    path("", include("danvan.portal.urls")),
    path("accounts/", include("danvan.accounts.urls")),
    path("geography/", include("danvan.geography.urls")),
    path("petitions/", include("danvan.cases.urls")),
    path("workspace/audit/", include("danvan.accounts.audit_trail.urls")),
    path("workspace/notifications/", include("danvan.notifications.urls")),
    path("workspace/deadlines/", include("danvan.calendar.urls")),
    path("search/", include("danvan.search.urls")),
    path("routing/", include("danvan.routing.urls")),
    path("reception/", include("danvan.reception.urls")),
    path("reports/", include("danvan.reports.urls")),
    path("law/", include("danvan.portal.law_urls")),
    path("feedback/", include("danvan.feedback.urls")),
    path("workspace/communities/", include("danvan.communities.urls")),
    path("api/", api.urls),
    path("open311/v2/", include("danvan.cases.open311")),
    path("django-admin/", admin.site.urls),
]

handler400 = "danvan.core.views.bad_request"
handler403 = "danvan.core.views.permission_denied"
handler404 = "danvan.core.views.page_not_found"
handler500 = "danvan.core.views.server_error"
