from django.urls import path

from danvan.portal import views

app_name = "portal"

urlpatterns = [
    path("", views.home, name="home"),
    path("welcome/", views.after_login, name="after_login"),
    path("workspace/", views.workspace, name="workspace"),
    path("language/", views.set_language, name="set_language"),
]
