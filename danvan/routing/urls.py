from django.urls import path

from danvan.routing import views

app_name = "routing"

urlpatterns = [
    path("petitions/<int:petition_id>/suggestion/", views.petition_suggestion, name="petition_suggestion"),
    path(
        "petitions/<int:petition_id>/suggestion/accept/",
        views.petition_suggestion_accept,
        name="petition_suggestion_accept",
    ),
]
