"""``manage.py deadline``: the date and nothing else on stdout; errors on stderr, non-zero exit, no traceback."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connections
from django.utils import translation

from danvan.calendar.management.commands.deadline import Command


def _run(*args: str) -> str:
    out, err = StringIO(), StringIO()
    call_command("deadline", *args, stdout=out, stderr=err)
    assert err.getvalue() == ""
    return out.getvalue()


def test_prints_only_the_date(db):
    # denunciation.forward, 5 wd from Wed 11 Feb 2026: Thu 12, Fri 13, (Tết 14–22), Mon 23, Tue 24, Wed 25.
    assert _run("denunciation.forward", "2026-02-11") == "2026-02-25\n"


def test_flags_and_extensions(db):
    # complaint.first.resolve remote + complex, 60 days from Fri 3 Jul 2026 = Tue 1 Sep (holiday) → Thu 3 Sep.
    assert _run("complaint.first.resolve", "2026-07-03", "--complex", "--remote") == "2026-09-03\n"
    # denunciation.resolve 30 + 30 + 30 from Fri 3 Oct 2025 = Thu 1 Jan 2026 → Mon 5 Jan.
    assert _run("denunciation.resolve", "2025-10-03", "--extensions", "2") == "2026-01-05\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["complaint.nonsense", "2026-02-11"], "There is no time-limit rule with the code “complaint.nonsense”."),
        (
            ["complaint.accept", "2026-02-30"],
            "“2026-02-30” is not a date: give it as YYYY-MM-DD, for example 2026-02-11.",
        ),
        (["complaint.accept", "20260211"], "“20260211” is not a date: give it as YYYY-MM-DD, for example 2026-02-11."),
        (
            ["denunciation.resolve", "2026-02-11", "--extensions", "3"],
            "The time limit “denunciation.resolve” can be extended at most 2 times; 3 extensions were asked for.",
        ),
    ],
)
def test_bad_input_is_a_command_error(db, args, message):
    with translation.override("en"), pytest.raises(CommandError) as raised:
        call_command("deadline", *args, stdout=StringIO())
    assert str(raised.value) == message


def test_from_the_command_line_bad_input_exits_non_zero_without_traceback(db, capsys, monkeypatch):
    # run_from_argv closes every connection when it ends; keep the test transaction's connection open.
    monkeypatch.setattr(connections, "close_all", lambda: None)
    with translation.override("en"), pytest.raises(SystemExit) as exited:
        Command().run_from_argv(["manage.py", "deadline", "complaint.nonsense", "2026-02-11"])
    assert exited.value.code == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == "CommandError: There is no time-limit rule with the code “complaint.nonsense”.\n"
    assert "Traceback" not in captured.err


def test_from_the_command_line_a_good_date(db, capsys, monkeypatch):
    monkeypatch.setattr(connections, "close_all", lambda: None)
    Command().run_from_argv(["manage.py", "deadline", "complaint.accept", "2026-07-01"])
    assert capsys.readouterr() == ("2026-07-10\n", "")
