from django.urls import path

from danvan.cases.views import case, citizen, officer, responses
from danvan.cases.views.actions import ACTIONS

app_name = "cases"

urlpatterns = [
    # The citizen (no account needed).
    path("new/", citizen.submit, name="submit"),
    path("new/done/", citizen.submitted, name="submitted"),
    path("track/", citizen.track_lookup, name="track_lookup"),
    path("track/<str:code>/", citizen.track_detail, name="track_detail"),
    path("track/<str:code>/rate/", citizen.track_rate, name="track_rate"),
    path("track/<str:code>/reopen/", citizen.track_reopen, name="track_reopen"),
    path("track/<str:code>/documents/<int:document_id>/", citizen.track_document, name="track_document"),
    # Officers.
    path("inbox/", officer.inbox, name="inbox"),
    path("inbox/assign/", officer.bulk_assign, name="bulk_assign"),
    path("new-entry/", officer.officer_entry, name="officer_entry"),
    path("response-templates/", responses.template_list, name="response_templates"),
    path("response-templates/new/", responses.template_create, name="response_template_create"),
    path("response-templates/<int:template_id>/", responses.template_edit, name="response_template_edit"),
    path("<int:petition_id>/", case.petition_detail, name="petition_detail"),
    path("<int:petition_id>/documents/<int:document_id>/", case.document_download, name="document_download"),
    path(
        "<int:petition_id>/attachments/<int:attachment_id>/",
        case.attachment_download,
        name="attachment_download",
    ),
    path("<int:petition_id>/notes/", case.note_add, name="note_add"),
    path("<int:petition_id>/response-text/", responses.response_fill, name="response_fill"),
    # One POST URL per action: /petitions/<id>/classify/, /petitions/<id>/start-verification/ …
    *[
        path(f"<int:petition_id>/{action.slug}/", case.case_action, {"action": action.name}, name=action.name)
        for action in ACTIONS
    ],
]
