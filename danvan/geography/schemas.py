from __future__ import annotations

import datetime as dt

from ninja import Schema


class UnitOut(Schema):
    id: int
    code: str
    name: str
    era: str
    level: str
    kind: str
    province_id: int | None
    parent_id: int | None
    valid_from: dt.date | None
    valid_to: dt.date | None
    is_remote: bool


class UnitDetailOut(UnitOut):
    successors: list[UnitOut]
