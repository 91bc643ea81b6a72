from django.urls import path

from danvan.accounts.audit_trail import views

app_name = "audit"

urlpatterns = [path("", views.event_list, name="event_list")]
