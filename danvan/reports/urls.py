from django.urls import path

from danvan.reports.views import dashboard, public, satisfaction, statistics

app_name = "reports"

urlpatterns = [
    # Officers, over their jurisdiction.
    path("", dashboard.dashboard, name="dashboard"),
    path("petitions/", dashboard.petition_list, name="petition_list"),
    path("petitions.xlsx", dashboard.petition_list_xlsx, name="petition_list_xlsx"),
    path("statistics/", statistics.statistics, name="statistics"),
    path("statistics.xlsx", statistics.statistics_xlsx, name="statistics_xlsx"),
    path("narrative/", statistics.narrative, name="narrative"),
    path("narrative.docx", statistics.narrative_docx, name="narrative_docx"),
    # Leaders only.
    path("satisfaction/", satisfaction.satisfaction, name="satisfaction"),
    # Everyone: open data without personal data.
    path("open-data/", public.open_data, name="open_data"),
    path("open-data/statistics.csv", public.open_data_csv, name="open_data_csv"),
    path("open-data/statistics.json", public.open_data_json, name="open_data_json"),
]
