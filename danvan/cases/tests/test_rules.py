"""The permissions decided in danvan/cases/rules.py outside the workflow actions: a denouncer's identity,
internal notes and response templates, per persona."""

from __future__ import annotations

import rules

from danvan.cases.models import ResponseStep, ResponseTemplate
from danvan.cases.selectors import user_may_see_identity
from danvan.cases.selectors_case import user_may_add_note, user_may_manage_template, user_may_manage_templates
from danvan.cases.services import workflow
from danvan.testing import PERSONAS

OFFICERS = [p for p in PERSONAS if p not in ("anonymous", "citizen")]


def test_a_denouncers_identity_is_read_by_the_head_and_the_assigned_handler_only(world, personas, submit):
    head, handler = personas["head_same"], personas["handler_same"]
    denunciation = submit(kind="denunciation", complaint_round=None).petition
    complaint = submit().petition
    readers = {p for p in OFFICERS if rules.has_perm("cases.read_denouncer_identity", personas[p], denunciation)}
    assert readers == {"head_same"}  # not yet assigned
    workflow.petition_classify(actor=head, petition=denunciation, eligible=True, within_competence=True)
    workflow.petition_accept(actor=head, petition=denunciation)
    denunciation = workflow.petition_start_verification(actor=head, petition=denunciation, handler=handler)
    readers = {p for p in OFFICERS if user_may_see_identity(user=personas[p], petition=denunciation)}
    assert readers == {"head_same", "handler_same"}
    assert all(user_may_see_identity(user=personas[p], petition=complaint) for p in OFFICERS)
    # The fuller permission also needs the petition in the user's scope.
    viewers = {p for p in OFFICERS if personas[p].has_perm("cases.view_identity", denunciation)}
    assert viewers == {"head_same", "handler_same"}


def test_internal_notes_are_written_by_those_who_work_the_case(world, personas, submit):
    petition = submit().petition
    writers = {p for p in OFFICERS if user_may_add_note(user=personas[p], petition=petition)}
    assert writers == {"officer_same", "head_same", "handler_same"}
    assert writers == {p for p in OFFICERS if personas[p].has_perm("cases.add_note", petition)}


def test_response_templates_are_managed_by_the_administrator_the_head_and_the_system_administrator(world, personas):
    own = ResponseTemplate.objects.create(
        organization=world.org_a, title="Hướng dẫn của phường", step=ResponseStep.GUIDANCE, body="Kính gửi"
    )
    system = ResponseTemplate.objects.filter(organization=None).first()
    assert system is not None
    managers = {p for p in OFFICERS if user_may_manage_templates(user=personas[p])}
    assert managers == {"org_admin", "head_same", "system_admin"}
    assert {p for p in OFFICERS if user_may_manage_template(user=personas[p], template=own)} == {
        "org_admin",
        "head_same",
    }
    assert {p for p in OFFICERS if user_may_manage_template(user=personas[p], template=system)} == {"system_admin"}
