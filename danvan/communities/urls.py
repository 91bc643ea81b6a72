from django.urls import path

from danvan.communities import views

app_name = "communities"

urlpatterns = [
    path("", views.community_list, name="list"),
    path("new/", views.community_new, name="new"),
    path("<int:community_id>/", views.community_detail, name="detail"),
    path("<int:community_id>/import/", views.household_import_view, name="import"),
    path("<int:community_id>/export/", views.household_export_view, name="export"),
]
