from django.urls import path

from danvan.reception.views import booking, complex, dialogue, hotspots, reception, register

app_name = "reception"

urlpatterns = [
    path("", reception.home, name="home"),
    # Reception: places, schedules, the heads' duty, sessions, visits, the register.
    path("schedules/", reception.schedule_list, name="schedule_list"),
    path("schedules/add/", reception.schedule_add_view, name="schedule_add"),
    path("places/add/", reception.place_add_view, name="place_add"),
    path("compliance/", reception.compliance, name="compliance"),
    path("sessions/", reception.session_list, name="session_list"),
    path("sessions/add/", reception.session_add, name="session_add"),
    path("sessions/<int:session_id>/", reception.session_detail, name="session_detail"),
    path("sessions/<int:session_id>/visits/add/", reception.visit_add, name="visit_add"),
    path("sessions/<int:session_id>/notice/", register.session_notice, name="session_notice"),
    path("sessions/<int:session_id>/notice.docx", register.session_notice_download, name="session_notice_download"),
    path("visits/<int:visit_id>/", reception.visit_detail, name="visit_detail"),
    path("visits/<int:visit_id>/complex/", reception.visit_link_complex, name="visit_link_complex"),
    path("register/", register.register, name="register"),
    path("register.xlsx", register.register_xlsx_view, name="register_xlsx"),
    path("register.docx", register.register_docx_view, name="register_docx"),
    path("appointments/", register.appointment_list, name="appointment_list"),
    # Citizens, no account.
    path("book/", booking.book, name="book"),
    path("public/", complex.public_roadmaps, name="public_roadmaps"),
    # Dialogues.
    path("dialogues/", dialogue.dialogue_list, name="dialogue_list"),
    path("dialogues/add/", dialogue.dialogue_add, name="dialogue_add"),
    path("dialogues/<int:dialogue_id>/", dialogue.dialogue_detail, name="dialogue_detail"),
    path("dialogues/<int:dialogue_id>/notice/", dialogue.dialogue_notice, name="dialogue_notice"),
    path("dialogues/<int:dialogue_id>/minutes/", dialogue.dialogue_minutes, name="dialogue_minutes"),
    path(
        "dialogues/<int:dialogue_id>/minutes.docx", dialogue.dialogue_minutes_download, name="dialogue_minutes_download"
    ),
    # Complex prolonged cases, roadmaps, reduction plans.
    path("complex/", complex.complex_list, name="complex_list"),
    path("complex/add/", complex.complex_add, name="complex_add"),
    path("complex/levels/", complex.resolution_levels, name="resolution_levels"),
    path("complex/<int:case_id>/", complex.complex_detail, name="complex_detail"),
    path("complex/<int:case_id>/petitions/", complex.complex_link_petition, name="complex_link_petition"),
    path("complex/<int:case_id>/roadmap/", complex.roadmap_update, name="roadmap_update"),
    path("complex/<int:case_id>/milestones/", complex.milestone_add, name="milestone_add"),
    path("complex/<int:case_id>/resolve/", complex.complex_resolve, name="complex_resolve"),
    path("milestones/<int:milestone_id>/", complex.milestone_update, name="milestone_update"),
    path("plans/", complex.plan_list, name="plan_list"),
    path("plans/add/", complex.plan_add, name="plan_add"),
    path("plans/<int:plan_id>/", complex.plan_detail, name="plan_detail"),
    # Hotspots.
    path("hotspots/", hotspots.hotspot_list, name="hotspot_list"),
    path("hotspots/<int:hotspot_id>/", hotspots.hotspot_detail, name="hotspot_detail"),
    path("hotspots/<int:hotspot_id>/acknowledge/", hotspots.hotspot_acknowledge_view, name="hotspot_acknowledge"),
    path("hotspots/<int:hotspot_id>/assign/", hotspots.hotspot_assign_view, name="hotspot_assign"),
    path("hotspots/<int:hotspot_id>/close/", hotspots.hotspot_close_view, name="hotspot_close"),
    path("thresholds/", hotspots.thresholds, name="thresholds"),
]
