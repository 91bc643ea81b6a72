from django.urls import path

from danvan.calendar import views

app_name = "deadlines"

urlpatterns = [
    path("", views.my_deadlines_view, name="mine"),
]
