"""The case page and the API take each workflow action from one declaration (danvan/cases/actions.py): for
every action with an API side, and every persona, the web endpoint and the API endpoint allow or refuse
alike and leave the petition in the same state; from every status the declaration does not allow, both
refuse with 409 and change nothing; from every status it allows, both give the same outcome."""

from __future__ import annotations

import json
from types import SimpleNamespace
from typing import Any

import pytest
from django.test import Client

from danvan.accounts.models import User
from danvan.cases.actions import ACTIONS, API_ACTIONS, Action, available_actions
from danvan.cases.models import CaseEvent, Eligibility, Petition, Status
from danvan.cases.services.intake import petition_submit
from danvan.cases.states import ALLOWED_FROM
from danvan.testing import PERSONAS, World, login_client

from .conftest import petition_data
from .test_permission_matrix_api import ACTION_ROWS as API_ROWS
from .test_permission_matrix_web import ACTION_ROWS as WEB_ROWS

ROW_STATUS = {
    "received": Status.RECEIVED,
    "classified": Status.CLASSIFIED,
    "accepted": Status.ACCEPTED,
    "verification": Status.VERIFICATION,
    "suspended": Status.SUSPENDED,
    "concluded": Status.CONCLUDED,
    "forwarded": Status.FORWARDED,
    "forwarded_here": Status.FORWARDED,
    "anonymous_denunciation": Status.RECEIVED,
}


def _petition(world: World, action: Action, status: str, handler: User) -> Petition:
    """A petition of org_a put straight into ``status`` (the same for the web's and the API's twin)."""
    overrides: dict[str, Any] = {}
    if action.name == "inspection_lead":
        overrides = {"kind": "denunciation", "complaint_round": None, "is_anonymous": True, "parties": []}
    petition = petition_submit(
        actor=None, data=petition_data(world, **overrides), receiving_organization=world.org_a
    ).petition
    Petition.objects.filter(pk=petition.pk).update(
        status=status, eligibility=Eligibility.ELIGIBLE, within_competence=True, handler=handler
    )
    petition.refresh_from_db()
    return petition


def _state(petition: Petition) -> tuple[object, ...]:
    petition.refresh_from_db()
    events = list(CaseEvent.objects.filter(petition=petition).order_by("pk").values_list("action", flat=True))
    return petition.status, petition.handler_id, petition.complexity, petition.extensions, events


def _context(world: World, personas: dict[str, User | None], other: Petition) -> SimpleNamespace:
    """What the two matrices' rows read; both name the handler persona where an action takes a handler."""
    handler = personas["handler_same"]
    assert handler is not None
    return SimpleNamespace(**vars(world), world=world, head=handler, other=other, officer_id=handler.pk)


def _web(client: Client, action: Action, petition: Petition, data: dict[str, Any]) -> tuple[bool, int]:
    response = client.post(f"/petitions/{petition.pk}/{action.slug}/", data)
    done = response.status_code == 302 and response["Location"] == f"/petitions/{petition.pk}/"
    return done, response.status_code


def _api(client: Client, action: Action, petition: Petition, body: dict[str, Any]) -> tuple[bool, int]:
    url = f"/api/petitions/{petition.pk}/transitions/{action.name}"
    response = client.post(url, json.dumps(body), content_type="application/json")
    return response.status_code == 200, response.status_code


def _both(world, personas, action: Action, status: str, persona: str) -> tuple[tuple, tuple]:
    handler = personas["handler_same"]
    web_petition, api_petition = (_petition(world, action, status, handler) for _ in range(2))
    context = _context(world, personas, api_petition)
    web_before, api_before = _state(web_petition), _state(api_petition)
    assert web_before[:4] == api_before[:4]
    user = personas[persona]
    web_done, web_code = _web(login_client(Client(), user), action, web_petition, WEB_ROWS[action.name][1](context))
    context.other = web_petition
    api_done, api_code = _api(login_client(Client(), user), action, api_petition, API_ROWS[action.name][1](context))
    web_after, api_after = _state(web_petition), _state(api_petition)
    web = (web_done, web_after != web_before, web_after[:4])
    api = (api_done, api_after != api_before, api_after[:4])
    return (web, web_code), (api, api_code)


@pytest.mark.parametrize("name", list(API_ACTIONS))
def test_web_and_api_allow_the_same_personas(name, world, personas):
    action = API_ACTIONS[name]
    status = ROW_STATUS[API_ROWS[name][0]]
    allowed = []
    for persona in PERSONAS:
        (web, web_code), (api, api_code) = _both(world, personas, action, status, persona)
        assert web == api, f"{name} as {persona}: web {web_code} {web}, API {api_code} {api}"
        if web[0]:
            allowed.append(persona)
    assert allowed, f"{name}: no persona may take it"


@pytest.mark.parametrize("name", list(API_ACTIONS))
def test_web_and_api_refuse_the_same_statuses(name, world, personas):
    """As the head (who holds every permission): outside the declared statuses both answer 409 and change
    nothing; inside them both give the same outcome."""
    action = API_ACTIONS[name]
    for status in Status.values:
        (web, web_code), (api, api_code) = _both(world, personas, action, status, "head_same")
        if status in action.statuses:
            assert web == api, f"{name} from {status}: web {web_code} {web}, API {api_code} {api}"
        else:
            assert (web_code, api_code, web[1], api[1]) == (409, 409, False, False), f"{name} from {status}"


@pytest.mark.parametrize("action", ACTIONS, ids=lambda a: a.name)
def test_the_page_offers_an_action_only_from_its_declared_statuses(action, world, personas):
    head = personas["head_same"]
    assert head is not None
    assert action.statuses == ALLOWED_FROM[action.name]
    petition = _petition(world, action, Status.RECEIVED, head)
    for status in Status.values:
        Petition.objects.filter(pk=petition.pk).update(status=status)
        petition.refresh_from_db()
        offered = action in available_actions(user=head, petition=petition)
        assert offered == (status in action.statuses), f"{action.name} from {status}"


def test_the_api_lists_exactly_the_declared_api_actions_and_their_fields():
    from danvan.cases.schemas import TransitionAction, TransitionIn

    assert {a.value for a in TransitionAction} == set(API_ACTIONS)
    for action in API_ACTIONS.values():
        assert action.schema is not None
        assert set(action.schema.model_fields) <= set(TransitionIn.model_fields), action.name
