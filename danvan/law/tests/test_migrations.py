"""Moving the reception rules into the law app keeps every row: rows written under the old tables (as reception
0003 left them) are in the law app's tables after ``reception.0004`` and ``law.0002``, ids kept, codes renamed,
certainty taken from their notes; and the move can be undone."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("reception", "0003_seed_rules"), ("law", None)]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state([node for node in targets if node[1] is not None]).apps


def test_the_reception_rules_move_with_their_rows():
    old = _migrate(BEFORE)
    rule = old.get_model("reception", "ReceptionRule").objects.create(
        code="representatives.max", people_from=30, value=4, effective_from=dt.date(2030, 1, 1), citation="Thử"
    )
    ground = old.get_model("reception", "RefusalGround").objects.create(
        code="thu-nghiem",
        name="Căn cứ thử",
        name_en="A test ground",
        effective_from=dt.date(2030, 1, 1),
        citation="Thử",
        note="Cần đối chiếu [S]",
    )
    duty = old.get_model("reception", "ReceptionDutyRule").objects.create(
        position="commune_chairman",
        days_required=4,
        period="month",
        effective_from=dt.date(2030, 1, 1),
        citation="Thử",
        note="[U] diễn giải",
    )

    executor = MigrationExecutor(connection)
    new = _migrate(executor.loader.graph.leaf_nodes())
    figure = new.get_model("law", "LegalFigure").objects.get(pk=rule.pk)
    assert (figure.code, figure.people_from, figure.value, figure.unit) == (
        "reception.representatives_max",
        30,
        4,
        "people",
    )
    moved = new.get_model("law", "LegalGround").objects.get(pk=ground.pk)
    assert (moved.code, moved.list_code, moved.name, moved.certainty) == (
        "thu-nghiem",
        "reception.refusal",
        "Căn cứ thử",
        "S",
    )
    rule_duty = new.get_model("law", "ReceptionDutyRule").objects.get(pk=duty.pk)
    assert (rule_duty.days_required, rule_duty.certainty) == (4, "U")
    tables = connection.introspection.table_names()
    assert {"law_legalfigure", "law_legalground", "law_receptiondutyrule"} <= set(tables)
    assert not {"reception_receptionrule", "reception_refusalground", "reception_receptiondutyrule"} & set(tables)
    # A reception visit's refusal ground now points at the law app's table.
    visit = new.get_model("reception", "ReceptionVisit")
    assert visit._meta.get_field("refusal_ground").related_model._meta.db_table == "law_legalground"

    back = _migrate(BEFORE)  # and back: the rows return to the reception tables with their old codes
    assert back.get_model("reception", "ReceptionRule").objects.get(pk=rule.pk).code == "representatives.max"
    _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
