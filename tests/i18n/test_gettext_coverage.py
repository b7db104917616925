"""Every interface string the code marks for translation is translated in the shipped
catalogues, for every configured language.

makemessages runs over a temporary copy of the project's source (the working tree is left
alone), with the app `locale/` folders emptied, so what it writes is exactly what the code
asks for today. Each extracted string must then be in the shipped catalogue of the same
folder, translated in every plural form, not fuzzy, with the msgid's placeholders; and the
shipped .mo must say what its .po says. See docs/translator-guide.md, "Interface strings".
"""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

from django.conf import settings

PROJECT_DIR = Path(settings.BASE_DIR)
CATALOGUE = Path("LC_MESSAGES") / "django.po"
# Folders makemessages must not read; the Makefile's `messages` target skips the same ones.
NOT_SOURCE = (".venv", "node_modules", "test-artifacts", "media", "static_collected")
# Also left out of the copy: version control, caches, and the catalogues themselves.
NOT_COPIED = (*NOT_SOURCE, ".git", "__pycache__", ".pytest_cache", ".ruff_cache", "*.po", "*.mo")
TRANSLATED_LANGUAGES = [
    code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE
]
# A printf-style conversion: %(name)s, %s, %d, %%.
PLACEHOLDER = re.compile(r"%(?:\((\w+)\))?[-#0 +]*(?:\d+|\*)?(?:\.\d+)?[diouxXeEfFgGcrs%]")

GETTEXT_TOOLS = ("xgettext", "msgmerge", "msguniq", "msgattrib", "msgfmt")
missing_tools = [tool for tool in GETTEXT_TOOLS if shutil.which(tool) is None]
pytestmark = pytest.mark.skipif(
    bool(missing_tools),
    reason=f"GNU gettext is not installed ({', '.join(missing_tools)} missing): "
    "`make gettext-deps` installs it",
)


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """{catalogue path relative to the project: the POFile makemessages extracts today}."""
    source = tmp_path_factory.mktemp("gettext") / "project"
    shutil.copytree(PROJECT_DIR, source, ignore=shutil.ignore_patterns(*NOT_COPIED))
    language_options = [f"--locale={code}" for code in TRANSLATED_LANGUAGES]
    ignore_options = [f"--ignore={name}" for name in NOT_SOURCE]
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", *language_options, *ignore_options],
        cwd=source,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "settings.test"},
        check=True,
        capture_output=True,
    )
    return {
        path.relative_to(source): polib.pofile(str(path))
        for path in sorted(source.glob(f"**/locale/*/{CATALOGUE}"))
    }


def catalogues_for(extracted, language):
    """(relative path, extracted POFile, shipped POFile or None) for one language."""
    for relative_path, extracted_po in extracted.items():
        if relative_path.parts[-3] != language:
            continue
        shipped_path = PROJECT_DIR / relative_path
        shipped_po = polib.pofile(str(shipped_path)) if shipped_path.exists() else None
        yield relative_path, extracted_po, shipped_po


def describe(entry):
    context = f" (context {entry.msgctxt!r})" if entry.msgctxt else ""
    return f"msgid {entry.msgid!r}{context}"


def missing_strings(relative_path, language, extracted_po, shipped_po):
    """Extracted strings the shipped catalogue lacks (or the whole catalogue, if absent)."""
    if shipped_po is None:
        return [f"{relative_path} [{language}]: catalogue missing ({len(extracted_po)} strings)"]
    return [
        f"{relative_path} [{language}] {describe(entry)}: not in the catalogue"
        for entry in extracted_po
        if shipped_entry(shipped_po, entry) is None
    ]


def shipped_entry(shipped_po, entry):
    found = shipped_po.find(entry.msgid, msgctxt=entry.msgctxt or False)
    return None if found is None or found.obsolete else found


def plural_count(po):
    match = re.search(r"nplurals\s*=\s*(\d+)", po.metadata.get("Plural-Forms", ""))
    return int(match.group(1)) if match else 2


def untranslated_strings(relative_path, language, extracted_po, shipped_po):
    """Extracted strings whose translation is empty (in any plural form) or fuzzy."""
    if shipped_po is None:
        return []
    problems = []
    if shipped_po.metadata_is_fuzzy:
        problems.append(f"{relative_path} [{language}]: the header is fuzzy (msgfmt drops it)")
    for entry in extracted_po:
        found = shipped_entry(shipped_po, entry)
        if found is None:
            continue
        if found.msgid_plural:
            forms = [found.msgstr_plural.get(n, "") for n in range(plural_count(shipped_po))]
        else:
            forms = [found.msgstr]
        if not all(form.strip() for form in forms):
            problems.append(f"{relative_path} [{language}] {describe(entry)}: not translated")
        elif found.fuzzy:
            problems.append(f"{relative_path} [{language}] {describe(entry)}: fuzzy")
    return problems


def placeholders(text):
    return sorted(match.group(0) for match in PLACEHOLDER.finditer(text))


def mismatched_placeholders(relative_path, language, extracted_po, shipped_po):
    """Translations whose %(name)s placeholders differ from their msgid's."""
    if shipped_po is None:
        return []
    problems = []
    for entry in extracted_po:
        found = shipped_entry(shipped_po, entry)
        if found is None or "python-format" not in entry.flags:
            continue
        if found.msgid_plural:
            plural = placeholders(found.msgid_plural)
            # A singular form may spell out the number ("one article"), dropping %(count)s.
            bad = [
                form
                for n, form in sorted(found.msgstr_plural.items())
                if form
                and (
                    placeholders(form) != plural
                    if n > 0
                    else not set(placeholders(form)) <= set(plural)
                )
            ]
        else:
            bad = (
                [found.msgstr]
                if found.msgstr and placeholders(found.msgstr) != placeholders(found.msgid)
                else []
            )
        problems.extend(
            f"{relative_path} [{language}] {describe(entry)}: placeholders differ in {form!r}"
            for form in bad
        )
    return problems


def translations_of(entries):
    """{(msgctxt, msgid, msgid_plural): translation} of the translated, non-fuzzy entries."""
    table = {}
    for entry in entries:
        if not entry.msgid or entry.obsolete or "fuzzy" in entry.flags:
            continue
        key = (entry.msgctxt or None, entry.msgid, entry.msgid_plural or None)
        if entry.msgid_plural:
            table[key] = tuple(form for _n, form in sorted(entry.msgstr_plural.items()))
        elif entry.msgstr:
            table[key] = entry.msgstr
    return table


def stale_compiled(relative_path, language, _extracted_po, shipped_po):
    """A shipped .po's .mo that is missing or says something else than the .po."""
    if shipped_po is None:
        return []
    label = f"{relative_path.with_suffix('.mo')} [{language}]"
    compiled_path = PROJECT_DIR / relative_path.with_suffix(".mo")
    if not compiled_path.exists():
        return [f"{label}: not compiled"]
    compiled = polib.mofile(str(compiled_path))
    in_po, in_mo = translations_of(shipped_po), translations_of(compiled)
    problems = [
        f"{label} msgid {key[1]!r}: .po has {in_po.get(key)!r}, .mo has {in_mo.get(key)!r}"
        for key in sorted(in_po.keys() | in_mo.keys(), key=str)
        if in_po.get(key) != in_mo.get(key)
    ]
    if "Plural-Forms" not in compiled.metadata:
        problems.append(f"{label}: no header")
    return problems


def report(problems):
    return (
        f"{len(problems)} problem(s) in the interface-string catalogues. Run `make messages`, "
        "translate, and run `make messages` again to compile (docs/translator-guide.md):\n"
        + "\n".join(problems)
    )


def test_makemessages_extracts_every_app(extracted):
    """The copy really was read: each app with templates has a catalogue per language."""
    catalogue_folders = {path.parts[0] for path in extracted}
    assert {"hub_site", "home", "articles", "surveys"} <= catalogue_folders
    assert {path.parts[-3] for path in extracted} == set(TRANSLATED_LANGUAGES)


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
@pytest.mark.parametrize(
    "check",
    [
        pytest.param(missing_strings, id="every-extracted-string-is-in-the-shipped-catalogue"),
        pytest.param(untranslated_strings, id="every-string-is-translated-and-not-fuzzy"),
        pytest.param(mismatched_placeholders, id="translations-keep-the-placeholders"),
        pytest.param(stale_compiled, id="compiled-catalogues-match-their-po-files"),
    ],
)
def test_the_shipped_catalogues(extracted, language, check):
    problems = [
        problem
        for relative_path, extracted_po, shipped_po in catalogues_for(extracted, language)
        for problem in check(relative_path, language, extracted_po, shipped_po)
    ]
    assert not problems, report(problems)


def test_the_checks_name_file_language_and_msgid_of_a_removed_translation(extracted, tmp_path):
    """The checks above can fail: in a copy of a shipped catalogue, blank one translation,
    mark another fuzzy, break a placeholder and drop a string."""
    relative_path = Path("hub_site/locale/es") / CATALOGUE
    extracted_po = extracted[relative_path]
    doctored = polib.pofile(str(PROJECT_DIR / relative_path))
    doctored.find("Skip to main content").msgstr = ""
    doctored.find("Go to the home page").flags.append("fuzzy")
    submitted = "'%(title)s' has been submitted to %(workflow)s."
    doctored.find(submitted).msgstr = "«%(titulo)s» se ha enviado a %(workflow)s."
    doctored.remove(doctored.find("Page not found"))
    doctored_path = tmp_path / "django.po"
    doctored.save(str(doctored_path))
    doctored = polib.pofile(str(doctored_path))

    shipped = polib.pofile(str(PROJECT_DIR / relative_path))

    def new_problems(check):
        """What the doctoring added, whatever state the shipped catalogue is in."""
        before = check(relative_path, "es", extracted_po, shipped)
        return sorted(set(check(relative_path, "es", extracted_po, doctored)) - set(before))

    assert new_problems(missing_strings) == [
        f"{relative_path} [es] msgid 'Page not found': not in the catalogue"
    ]
    assert new_problems(untranslated_strings) == [
        f"{relative_path} [es] msgid 'Go to the home page': fuzzy",
        f"{relative_path} [es] msgid 'Skip to main content': not translated",
    ]
    placeholder_problems = new_problems(mismatched_placeholders)
    assert len(placeholder_problems) == 1
    assert placeholder_problems[0].startswith(f"{relative_path} [es] msgid {submitted!r}")
    # The shipped .mo still holds what the doctored .po no longer says.
    stale = stale_compiled(relative_path, "es", extracted_po, doctored)
    assert any("msgid 'Skip to main content'" in problem for problem in stale)
