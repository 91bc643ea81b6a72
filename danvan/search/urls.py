from django.urls import path

from danvan.search import views

app_name = "search"

urlpatterns = [
    path("", views.petitions, name="petitions"),
    path("petitions/<int:petition_id>/candidates/", views.petition_candidates, name="petition_candidates"),
    path("intake/candidates/", views.intake_candidates, name="intake_candidates"),
]
