"""No legal figure comes back as a literal: the constants and names the law app replaced, and day or people
counts in translatable messages, are absent from danvan/ (migrations and tests aside, where seeds and
assertions name them)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]  # danvan/

# Names that held a legal figure or list in code before the law app.
GONE = ["CROWD_MIN_PEOPLE", "REOPEN_WINDOW_DAYS", "ArchiveGround", "RefusalGround", "ReceptionRule"]
# A number of days or people inside a message: _("… 30 days …"), {% translate "… 5 ngày …" %}, blocktranslate.
MESSAGE = re.compile(
    r"""(?:_\(|gettext\w*\(|translate\s)\s*["'][^"']*\b\d+\s+(?:working\s+)?(?:days?|ngày|people|người)\b"""
)
# Platform limits that are not the law's, on purpose and documented where they are set.
ALLOWED = {
    ("cases/open311.py", "start_date and end_date may not span more than 90 days."),  # Open311 API query span
    ("reception/templates/reception/book.html", "No free time in the next 30 days."),  # booking horizon
}


def _sources():
    for path in sorted(ROOT.rglob("*")):
        if path.suffix not in {".py", ".html", ".txt"} or not path.is_file():
            continue
        parts = path.relative_to(ROOT).parts
        if "migrations" in parts or "tests" in parts:
            continue
        yield path.relative_to(ROOT).as_posix(), path.read_text(encoding="utf-8")


def test_no_replaced_constant_comes_back():
    found = [(name, where) for where, text in _sources() for name in GONE if re.search(rf"\b{name}\b", text)]
    assert found == []


def test_no_message_carries_a_legal_day_or_people_count():
    found = []
    for where, text in _sources():
        for match in MESSAGE.finditer(text):
            message = re.split(r"""["']""", match.group(0), maxsplit=1)[1]
            if not any(where == path and snippet.startswith(message) for path, snippet in ALLOWED):
                found.append((where, match.group(0)))
    assert found == []


def test_the_check_finds_what_it_looks_for():
    assert MESSAGE.search('_("A closed petition can be reopened only within 30 days of closing.")')
    assert MESSAGE.search('{% translate "Within 30 days of closing you can ask" %}')
    assert MESSAGE.search('_("Crowd petitions only (5 people or more)")')
    assert not MESSAGE.search('_("Within %(days)s days of closing")')


def _imports(package: str) -> set[tuple[str, str]]:
    found = set()
    for path in (ROOT / package).rglob("*.py"):
        if "tests" in path.relative_to(ROOT).parts:
            continue
        for module in re.findall(r"^\s*(?:from|import)\s+(danvan\.\w+)", path.read_text(encoding="utf-8"), re.M):
            found.add((path.relative_to(ROOT).as_posix(), module))
    return found


def test_the_law_app_depends_on_core_only():
    assert {
        (where, module) for where, module in _imports("law") if module not in {"danvan.law", "danvan.core"}
    } == set()


def test_petitions_do_not_import_reception():
    assert {(where, module) for where, module in _imports("cases") if module == "danvan.reception"} == set()
