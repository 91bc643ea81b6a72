"""The translation catalogues are complete: Vietnamese (the default) and English.

Every message has a translation in both languages, nothing is fuzzy, placeholders survive translation,
the Vietnamese catalogue holds no untranslated English copy, and the catalogues contain every string
the code and templates mark for translation today (a fresh ``makemessages`` in a scratch copy).
"""

from __future__ import annotations

import re
import shutil
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po
from django.core.management import call_command
from django.test import override_settings

ROOT = Path(__file__).resolve().parents[3]
LANGUAGES = ("vi", "en")

# Strings that are the same in Vietnamese and English (proper nouns, product names). Keep it short.
SAME_IN_VIETNAMESE = {"DânVận", "FreeOTP", "Google Authenticator", "Microsoft Authenticator"}

# Python %-format placeholders: %(name)s, %s, %d, %.2f … ("%%" is a literal percent sign).
PERCENT_PLACEHOLDER = re.compile(r"%(?:\((?P<name>[^)]*)\))?[#0 +-]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[diouxXeEfFgGcrsa%]")
BRACE_PLACEHOLDER = re.compile(r"(?<!\{)\{(?P<name>[^{}]*)\}(?!\})")
ENGLISH_WORD = re.compile(r"[A-Za-z]+")

# The same ignores as the documented `makemessages` command.
IGNORE = [".venv/*", "node_modules/*", "bench/*", "tests/*"]


def po_path(lang: str) -> Path:
    return ROOT / "locale" / lang / "LC_MESSAGES" / "django.po"


def load(lang: str) -> Catalog:
    path = po_path(lang)
    assert path.is_file(), f"{path} is missing: run makemessages and translate it"
    with path.open("rb") as fh:
        return read_po(fh, locale=lang, abort_invalid=True)


def messages(catalog: Catalog) -> list[Message]:
    return [m for m in catalog if m.id]


def ids(message: Message) -> tuple[str, ...]:
    """(msgid,) or (msgid, msgid_plural)."""
    if isinstance(message.id, str):
        return (message.id,)
    return tuple(message.id)


def key(message: Message) -> str:
    return ids(message)[0]


def strings(message: Message) -> tuple[str, ...]:
    """(msgstr,) or (msgstr[0], msgstr[1], …); a missing translation is the empty string."""
    if isinstance(message.string, str | None):
        return (message.string or "",)
    return tuple(s or "" for s in message.string)


def percent_placeholders(text: str) -> Counter[str]:
    return Counter(m.group(0) for m in PERCENT_PLACEHOLDER.finditer(text) if m.group(0) != "%%")


def brace_placeholders(text: str) -> Counter[str]:
    return Counter(m.group("name") for m in BRACE_PLACEHOLDER.finditer(text))


@pytest.fixture(scope="module", params=LANGUAGES)
def catalogue(request: pytest.FixtureRequest) -> tuple[str, Catalog]:
    return request.param, load(request.param)


def test_catalogue_is_not_empty_and_header_is_not_fuzzy(catalogue: tuple[str, Catalog]) -> None:
    lang, catalog = catalogue
    assert messages(catalog), f"{lang}: the catalogue has no message"
    assert not catalog.fuzzy, f"{lang}: the header is marked fuzzy"
    assert str(catalog.locale) == lang


def test_every_message_is_translated(catalogue: tuple[str, Catalog]) -> None:
    lang, catalog = catalogue
    untranslated = []
    for message in messages(catalog):
        forms = strings(message)
        expected_forms = catalog.num_plurals if message.pluralizable else 1
        if len(forms) != expected_forms or not all(s and s.strip() for s in forms):
            untranslated.append(key(message))
    assert not untranslated, f"{lang}: {len(untranslated)} untranslated message(s): {untranslated}"


def test_no_message_is_fuzzy(catalogue: tuple[str, Catalog]) -> None:
    lang, catalog = catalogue
    fuzzy = [key(m) for m in messages(catalog) if m.fuzzy]
    assert not fuzzy, f"{lang}: fuzzy message(s) (check the translation, then remove the flag): {fuzzy}"


def test_placeholders_survive_translation(catalogue: tuple[str, Catalog]) -> None:
    lang, catalog = catalogue
    broken = []
    for message in messages(catalog):
        source = ids(message)
        for i, translated in enumerate(strings(message)):
            # Plural forms translate the singular (form 0) or the plural msgid (other forms).
            original = source[0] if i == 0 or len(source) == 1 else source[1]
            checks = [(percent_placeholders, "python-format" in message.flags or "%(" in original)]
            checks.append((brace_placeholders, "python-brace-format" in message.flags))
            for extract, applies in checks:
                if applies and extract(original) != extract(translated):
                    broken.append((original, translated))
    assert not broken, f"{lang}: placeholders differ between msgid and msgstr: {broken}"


def test_vietnamese_has_no_untranslated_english_copy() -> None:
    copies = []
    for message in messages(load("vi")):
        for original, translated in zip(ids(message), strings(message), strict=False):
            if (
                translated == original
                and original not in SAME_IN_VIETNAMESE
                and len(ENGLISH_WORD.findall(original)) >= 3
            ):
                copies.append(original)
    assert not copies, f"vi: msgstr is a copy of the English msgid: {copies}"


def test_vietnamese_is_nfc() -> None:
    not_nfc = [s for m in messages(load("vi")) for s in strings(m) if s != unicodedata.normalize("NFC", s)]
    assert not not_nfc, f"vi: translations not in Unicode NFC: {not_nfc}"


def test_both_languages_hold_the_same_messages() -> None:
    vi, en = ({(m.context, key(m)) for m in messages(load(lang))} for lang in LANGUAGES)
    assert vi - en == set(), f"only in vi: {sorted(vi - en, key=str)}"
    assert en - vi == set(), f"only in en: {sorted(en - vi, key=str)}"


@pytest.mark.skipif(
    shutil.which("xgettext") is None or shutil.which("msguniq") is None,
    reason="GNU gettext tools are not installed",
)
def test_catalogues_contain_every_string_marked_in_the_code(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Extract afresh from a scratch copy of the sources, so the working tree is never written to."""
    source = tmp_path / "src"
    skip = shutil.ignore_patterns(
        ".*",
        "__pycache__",
        ".venv",
        "node_modules",
        "var",
        "bench",
        "tests",
        "locale",
        "static",
        "*.mo",
        "*.po",
    )
    shutil.copytree(ROOT, source, ignore=skip)
    scratch_locale = tmp_path / "locale"
    monkeypatch.chdir(source)
    with override_settings(LOCALE_PATHS=[scratch_locale]):
        call_command("makemessages", locale=["vi"], ignore_patterns=IGNORE, no_obsolete=True, verbosity=0)
    with (scratch_locale / "vi" / "LC_MESSAGES" / "django.po").open("rb") as fh:
        extracted = {(m.context, key(m)) for m in messages(read_po(fh))}
    assert extracted, "makemessages found no string at all"
    for lang in LANGUAGES:
        present = {(m.context, key(m)) for m in messages(load(lang))}
        missing = sorted(extracted - present, key=str)
        assert not missing, (
            f"{lang}: {len(missing)} string(s) marked for translation are not in the catalogue; "
            f"run `make messages` and translate them: {missing}"
        )
