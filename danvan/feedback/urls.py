from django.urls import path

from danvan.feedback import views

app_name = "feedback"

urlpatterns = [
    path("", views.survey_index, name="survey_index"),
    path("<int:organization_id>/", views.survey, name="survey"),
    path("results/", views.results, name="results"),
    path("results/<int:organization_id>/", views.organization_results, name="organization_results"),
]
