from django.urls import path

from danvan.geography import views

app_name = "geography"

urlpatterns = [
    path("", views.unit_search_view, name="unit_search"),
    path("<int:unit_id>/", views.unit_detail, name="unit_detail"),
    path("<int:unit_id>/remote/", views.unit_remote_flag, name="unit_remote_flag"),
]
