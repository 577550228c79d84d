"""Word classes as data: every language file's `[grammar]` table is valid, the rules read
the union of every language's words, words are normalised like cues (except the classes
read as written), and a lexicon author's mistake is refused with the fix."""

from __future__ import annotations

import ast
import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import fields
from pathlib import Path

import pytest

from summarizer.backends.rules import available_languages, load_lexicon
from summarizer.backends.rules.grammar import Grammar, build_grammar
from summarizer.backends.rules.lexicon import load_grammar
from summarizer.textnorm import normalize

ROOT = Path(__file__).resolve().parent.parent
RULES = ROOT / "summarizer" / "backends" / "rules"


def test_every_class_has_words_and_every_language_file_loads() -> None:
    merged = load_grammar()
    empty = [f.name for f in fields(Grammar) if not getattr(merged, f.name)]
    assert empty == []
    for code in available_languages():
        assert isinstance(load_lexicon(code).grammar, Grammar)


def test_the_rules_read_every_language_a_lexicon_its_own() -> None:
    merged = load_grammar()
    assert {"he", "il", "el", "er"} <= merged.pronouns
    assert {"and", "et", "y", "und", "و"} <= merged.and_
    assert merged.institutions["militaire"] == "military"
    assert merged.institutions[normalize("حكومية")] == "government"
    french = load_lexicon("fr").grammar
    assert "il" in french.pronouns and "he" not in french.pronouns
    # "a" opens a noun phrase only in English; in French it is the verb "avoir".
    assert "a" in load_lexicon("en").grammar.articles
    assert "a" not in french.articles


def test_words_are_normalised_except_the_classes_read_as_written() -> None:
    merged = load_grammar()
    # Written with hamza in the file, found in normalised text.
    assert normalize("مسؤولين") in merged.plural_speakers
    assert normalize("شيئا") in merged.negative_objects
    assert ("وهو", "ما") in merged.relative_pairs
    # Auxiliaries keep their accents: French "a" is one, "à" is not.
    assert "había" in merged.auxiliaries and "habia" not in merged.auxiliaries
    read = build_grammar([("x.toml", {"auxiliaries": ["Ha"], "modals": ["Könnte"]})])
    assert read.auxiliaries == {"ha"}
    assert read.modals == {"konnte"}


def test_a_new_language_joins_every_class_it_names() -> None:
    italian = {
        "pronouns": ["lui", "lei"],
        "and": ["e"],
        "relative_pairs": ["il che"],
        "institutions": {"military": ["militare"], "government": ["governativa"]},
    }
    tables = [(f"{c}.toml", load_lexicon(c).raw.get("grammar", {})) for c in available_languages()]
    merged = build_grammar([*tables, ("it.toml", italian)])
    assert {"lui", "lei", "he", "il"} <= merged.pronouns
    assert ("il", "che") in merged.relative_pairs
    assert merged.institutions["governativa"] == "government"
    assert merged.institutions["military"] == "military"
    assert merged.possessives == load_grammar().possessives


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"pronoun": ["lui"]}, r"it\.toml: \[grammar\] has no word class 'pronoun'; rename it"),
        ({"pronouns": "lui"}, r"it\.toml: \[grammar\] pronouns must be a list of strings$"),
        ({"pronouns": ["lui", 3]}, r"pronouns must be a list of strings$"),
        ({"institutions": {"military": "militare"}}, r"institutions must be a list of strings"),
    ],
)
def test_a_lexicon_authors_mistake_is_refused_with_the_fix(
    table: dict[str, object], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        build_grammar([("it.toml", table)])


#: Module-level sets of strings the rules keep in code: values of the schema (kinds, statuses,
#: roles), names, a script's letters, and Arabic clitics and endings (morphology, which the
#: `clitics` flag of a lexicon switches on).
_NOT_WORD_CLASSES = {
    "_AGREEMENT_SUBJECTS", "_CLAIM_STATUSES", "_THIRD_PARTY_KINDS", "_CAMPS", "_FACING",
    "_OFFER_SUBJECTS", "_ACT_SUBJECTS", "_DENIED_STATUS_CONFLICTS",
    "_MEDIATOR_ROLES", "_SWALLOWED_KINDS", "OUTLET_KINDS", "_OFFICE_ROLES",
    "_COMPANY_ROLES", "_PRIORITY", "_TITLE_KINDS", "STATUS_ORDER", "SOURCE_CUE_KINDS",
    "_GROUP_KIND", "_AS_WRITTEN", "_NISBA", "_AR_PREFIXES", "_AR_PRONOUN_SUFFIXES",
    "_AR_LATIN", "__all__", "_KEPT_UNUSED", "AR_CONJUNCTIONS",
    "_AR_PREPOSITIONS", "_AR_SUFFIXES",
}  # fmt: skip


def _word_literals(node: ast.expr) -> list[str]:
    return [
        n.value
        for n in ast.walk(node)
        if isinstance(n, ast.Constant)
        and isinstance(n.value, str)
        and re.search(r"[^\W\d_]", n.value)
    ]


@pytest.mark.parametrize("module", sorted(p.name for p in RULES.glob("*.py")))
def test_no_word_class_is_written_in_code(module: str) -> None:
    """A language is added by writing its lexicon file: a set of words in a rules module
    would leave the new language out of that class."""
    tree = ast.parse((RULES / module).read_text(encoding="utf-8"))
    found = {}
    for statement in tree.body:
        if not isinstance(statement, ast.Assign) or statement.value is None:
            continue
        target = statement.targets[0]
        value = statement.value
        if not isinstance(target, ast.Name) or target.id in _NOT_WORD_CLASSES:
            continue
        if isinstance(value, ast.Call) and getattr(value.func, "id", "") in {"frozenset", "set"}:
            value = value.args[0] if value.args else value
        if isinstance(value, (ast.Set, ast.Tuple, ast.List, ast.Dict)):
            words = _word_literals(value)
            if words:
                found[target.id] = words
    assert found == {}, f"move these to the [grammar] table of the lexicons: {found}"


_ITALIAN = """
[language]
code = "it"
clitics = false
stopwords = ["il", "la", "i", "di", "del", "che", "e", "un", "una", "per", "con", "non", "nelle"]

[denial]
cues = ["ha smentito", "smentito", "nega"]
negators = ["non"]

[attribution]
cues = ["ha detto", "secondo"]

[negotiation]
cues = { "negoziati" = "negotiations", "trattative" = "negotiations" }

[status]
ongoing = ["in corso"]

[actors]
head_first = true
np_links = ["di", "del", "della"]
heads = { "fronte" = "armed_group", "governo" = "government" }
government_words = ["governo"]
titles = { "portavoce del" = "spokesperson" }
stop = ["il", "la", "di", "del", "che", "e"]

[grammar]
pronouns = [PRONOUNS]
sentence_adverbs = ["anche"]
complementizers = ["che"]
"""

_ITALIAN_ARTICLE = (
    "Il portavoce del Fronte di Liberazione del Nord, Marco Bellini, ha detto che i "
    "combattenti restano nelle loro posizioni.\n\n"
    "Lui ha anche smentito che siano in corso negoziati con il governo."
)

_RUN = """
import json, sys
from summarizer.backends.rules import extract
draft = extract(sys.stdin.read())
names = {a.id: a.name for a in draft.actors}
print(json.dumps([draft.language, [names[d.denier] for d in draft.denials]]))
"""


def _extract_with_italian(stage: Path, pronouns: str) -> list[object]:
    lexicons = stage / "summarizer" / "backends" / "rules" / "lexicons"
    (lexicons / "it.toml").write_text(_ITALIAN.replace("PRONOUNS", pronouns), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", _RUN],
        input=_ITALIAN_ARTICLE,
        capture_output=True,
        text=True,
        check=False,
        cwd=stage,
        env={**os.environ, "PYTHONPATH": str(stage)},
    )
    assert done.returncode == 0, done.stderr
    result: list[object] = json.loads(done.stdout)
    return result


def test_a_language_is_added_by_writing_its_file(tmp_path: Path) -> None:
    """A copy of the package with one more lexicon file and no other change reads Italian,
    and the file's own word classes decide what it finds: "Lui ha anche smentito" is the
    last speaker's denial only once "lui" is a pronoun in its `[grammar]`."""
    skip = shutil.ignore_patterns("__pycache__")
    shutil.copytree(ROOT / "summarizer", tmp_path / "summarizer", ignore=skip)
    for folder in ("schemas", "prompts"):
        shutil.copytree(ROOT / folder, tmp_path / "summarizer" / folder, ignore=skip)
    assert _extract_with_italian(tmp_path, '"lui", "lei"') == ["it", ["Marco Bellini"]]
    assert _extract_with_italian(tmp_path, "") == ["it", []]
