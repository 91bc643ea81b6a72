from django.urls import path

from danvan.law import views

app_name = "law"

urlpatterns = [path("", views.rule_list, name="rule_list")]
