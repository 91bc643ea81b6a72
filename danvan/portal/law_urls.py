from django.urls import path

from danvan.portal import law_views as views

app_name = "law"

urlpatterns = [path("", views.rule_list, name="rule_list")]
