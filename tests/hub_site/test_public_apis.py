"""The project reaches libraries through their public APIs, and content apps reach the
caching layer through none at all.

A private name of Django, Wagtail or another library (``_cached_parent_obj``,
``request._wagtail_site``) can change in any release without notice. Ruff's SLF001 finds
them written as attributes; this module also finds what SLF001 cannot see: private names
imported from a library, named in a string (``getattr(request, "_wagtail_site")``), or
used by a subclass of a library's class as its own (``self._class``).
Where no public API exists, a line may still use one when it says why: a ``noqa`` comment
for SLF001 or HUB001 followed by ``- <reason>`` (the upstream issue, where there is one).
"""

import ast
import importlib
import inspect
import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# What ruff leaves out too (pyproject.toml, .gitignore): not the project's own source.
NOT_SOURCE = {
    ".git",
    ".venv",
    "node_modules",
    "migrations",
    "media",
    "static_collected",
    "test-artifacts",
    "run",
    "__pycache__",
}
LIBRARIES = (
    "django",
    "wagtail",
    "wagtail_localize",
    "modelcluster",
    "treebeard",
    "taggit",
    "pytest_django",
)
ATTRIBUTE_BUILTINS = {"getattr", "setattr", "hasattr", "delattr"}
CONTENT_APPS = ("home", "articles", "surveys")
# Where the project subclasses library classes; importing them runs no script.
PROJECT_APPS = ("hub_site", *CONTENT_APPS)
# Underscored names the libraries document: ruff's list (Model._meta...), and the two methods
# Django's "Writing a custom storage system" asks a storage to implement.
DOCUMENTED_PRIVATE_NAMES = {
    *tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["ruff"]["lint"]["flake8-self"][
        "ignore-names"
    ],
    "_open",
    "_save",
}
CACHING_LAYER = "hub_site.cache"
# A noqa for a private name, with its reason, as in "noqa: SLF001 - no public API, see #123".
JUSTIFIED_NOQA = re.compile(r"#\s*noqa:\s*[A-Z0-9, ]*\b(?:SLF001|HUB001)\b[A-Z0-9, ]*\s+-\s+\S")
ANY_PRIVATE_NAME_NOQA = re.compile(r"#\s*noqa:[A-Z0-9, ]*\b(?:SLF001|HUB001)\b")


def is_private(name):
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def source_files(*folders):
    roots = [ROOT / folder for folder in folders] if folders else [ROOT]
    for root in roots:
        for path in sorted(root.rglob("*.py")):
            if not NOT_SOURCE.intersection(path.relative_to(ROOT).parts):
                yield path


def parsed(path):
    text = path.read_text(encoding="utf-8")
    return text.splitlines(), ast.parse(text, filename=str(path))


def where(path, node):
    return f"{path.relative_to(ROOT)}:{node.lineno}"


def justified(lines, node):
    return any(JUSTIFIED_NOQA.search(line) for line in lines[node.lineno - 1 : node.end_lineno])


def is_library(module):
    return module is not None and module.split(".")[0] in LIBRARIES


def private_names_used(path):
    """Lines of ``path`` that import a library's private name or name one in a string."""
    lines, tree = parsed(path)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and is_library(node.module):
            names = [*node.module.split("."), *(alias.name for alias in node.names)]
        elif isinstance(node, ast.Import):
            names = [
                part
                for alias in node.names
                if is_library(alias.name)
                for part in alias.name.split(".")
            ]
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name | ast.Attribute)
            and (node.func.id if isinstance(node.func, ast.Name) else node.func.attr)
            in ATTRIBUTE_BUILTINS
            and len(node.args) >= 2
            and isinstance(node.args[1], ast.Constant)
            and isinstance(node.args[1].value, str)
        ):
            names = [node.args[1].value]
        else:
            continue
        if any(is_private(name) for name in names) and not justified(lines, node):
            found.append(f"{where(path, node)}: {lines[node.lineno - 1].strip()}")
    return found


def imports_of(path, package):
    lines, tree = parsed(path)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module is not None:
            modules = [node.module, *(f"{node.module}.{alias.name}" for alias in node.names)]
        elif isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        else:
            continue
        if any(module == package or module.startswith(f"{package}.") for module in modules):
            found.append(f"{where(path, node)}: {lines[node.lineno - 1].strip()}")
    return found


def test_ruff_finds_no_private_member_access():
    result = subprocess.run(
        [
            *(sys.executable, "-m", "ruff", "check", "--no-cache"),
            *("--select", "SLF001", "--output-format", "json", "."),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode in (0, 1), result.stderr
    accesses = [
        f"{Path(v['filename']).relative_to(ROOT)}:{v['location']['row']}: {v['message']}"
        for v in json.loads(result.stdout)
    ]
    assert accesses == [], "private members accessed:\n" + "\n".join(accesses)


def test_no_private_name_of_a_library_is_imported_or_named_in_a_string():
    used = [line for path in source_files() for line in private_names_used(path)]
    assert used == [], "private names of libraries:\n" + "\n".join(used)


def test_every_private_name_noqa_says_why():
    bare = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in source_files()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if ANY_PRIVATE_NAME_NOQA.search(line) and not JUSTIFIED_NOQA.search(line)
    ]
    assert bare == [], "noqa without a reason (# noqa: SLF001 - why):\n" + "\n".join(bare)


def test_content_apps_do_not_import_the_caching_layer():
    imports = [
        line for path in source_files(*CONTENT_APPS) for line in imports_of(path, CACHING_LAYER)
    ]
    assert imports == [], f"{CACHING_LAYER} imported by content apps:\n" + "\n".join(imports)


def private_names_of_library_bases(path):
    """Lines of ``path`` where a class uses, through ``self`` or ``cls`` or by overriding it,
    a private name its library base class has: SLF001 sees only other objects' names."""
    lines, tree = parsed(path)
    module = importlib.import_module(".".join(path.relative_to(ROOT).with_suffix("").parts))
    found = []
    for node in ast.walk(tree):
        cls = getattr(module, node.name, None) if isinstance(node, ast.ClassDef) else None
        if not isinstance(cls, type):
            continue
        library_bases = [base for base in cls.__mro__[1:] if is_library(base.__module__)]
        for use in ast.walk(node):
            if isinstance(use, ast.FunctionDef | ast.AsyncFunctionDef):
                name = use.name
            elif isinstance(use, ast.Attribute) and getattr(use.value, "id", None) in (
                "self",
                "cls",
            ):
                name = use.attr
            else:
                continue
            if (
                is_private(name)
                and name not in DOCUMENTED_PRIVATE_NAMES
                and any(defines(base, name) for base in library_bases)
                and not justified(lines, use)
            ):
                found.append(f"{where(path, use)}: {lines[use.lineno - 1].strip()}")
    return found


def defines(base, name):
    """Whether a library class has ``name``, as a class attribute or one it sets on self."""
    if name in vars(base):
        return True
    try:
        return f"self.{name}" in inspect.getsource(base)
    except (OSError, TypeError):
        return False


def test_no_class_uses_a_private_name_of_its_library_base_class():
    used = [
        line
        for path in source_files(*PROJECT_APPS)
        if path.name != "__init__.py" or path.stat().st_size
        for line in private_names_of_library_bases(path)
    ]
    assert used == [], "private names of library base classes:\n" + "\n".join(used)
