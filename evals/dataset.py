"""Datasets: which fixtures an eval run reads, with their language and tags.

A dataset is a JSON Lines file, one fixture a line: `{"id": ..., "language": ..., "tags":
[...]}`. The article is `fixtures/<id>.txt` and its gold `fixtures/<id>.gold.json`, looked up
beside the dataset's folder first (`<datasets>/../fixtures`) and then in the package's own
fixtures; a line may instead name them with `text_path` / `gold_path` (relative to the dataset
file). `--dataset` takes a path or a bare name (`dev`, `smoke`) resolved in the package's
`evals/datasets/`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from .errors import EvalUsageError

PACKAGE_DIR = Path(__file__).resolve().parent
DATASETS_DIR = PACKAGE_DIR / "datasets"
FIXTURES_DIR = PACKAGE_DIR / "fixtures"


@dataclass(frozen=True, slots=True)
class Fixture:
    id: str
    text_path: Path
    gold_path: Path
    language: str | None = None
    tags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Dataset:
    name: str
    path: Path
    fixtures: tuple[Fixture, ...] = field(default_factory=tuple)

    def __len__(self) -> int:
        return len(self.fixtures)

    def ids(self) -> list[str]:
        return [f.id for f in self.fixtures]


def resolve_dataset_path(spec: str | Path) -> Path:
    """The file `spec` names: an existing path, or a bare name in the package datasets."""
    path = Path(spec)
    if path.is_file():
        return path
    if path.is_dir():
        raise EvalUsageError(f"dataset {spec} is a directory: give a .jsonl file or a name")
    text = str(spec)
    if "/" not in text and "\\" not in text:
        name = text.removesuffix(".jsonl")
        candidate = DATASETS_DIR / f"{name}.jsonl"
        if candidate.is_file():
            return candidate
    known = sorted(p.stem for p in DATASETS_DIR.glob("*.jsonl"))
    raise EvalUsageError(
        f"no dataset {spec!r}: give a .jsonl path or one of {', '.join(known) or '(none)'}"
    )


def _locate(dataset_path: Path, given: object, default_name: str, fixture_id: str) -> Path:
    if given is not None:
        if not isinstance(given, str) or not given:
            raise EvalUsageError(f"{dataset_path}: fixture {fixture_id!r} has a bad path {given!r}")
        path = Path(given)
        return path if path.is_absolute() else (dataset_path.parent / path)
    beside = dataset_path.parent.parent / "fixtures" / default_name
    return beside if beside.exists() else FIXTURES_DIR / default_name


def load_dataset(spec: str | Path) -> Dataset:
    """Read a dataset file; every fixture's text and gold must exist."""
    path = resolve_dataset_path(spec)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise EvalUsageError(f"cannot read dataset {path}: {exc}") from None
    fixtures: list[Fixture] = []
    seen: set[str] = set()
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise EvalUsageError(f"{path}:{number}: not JSON ({exc.msg})") from None
        if not isinstance(row, dict) or not isinstance(row.get("id"), str) or not row["id"]:
            raise EvalUsageError(f'{path}:{number}: each line needs a string "id"')
        fid: str = row["id"]
        if fid in seen:
            raise EvalUsageError(f"{path}:{number}: fixture {fid!r} is listed twice")
        seen.add(fid)
        tags = row.get("tags") or []
        if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
            raise EvalUsageError(f'{path}:{number}: "tags" must be a list of strings')
        language = row.get("language", row.get("lang"))
        text_path = _locate(path, row.get("text_path"), f"{fid}.txt", fid)
        gold_path = _locate(path, row.get("gold_path"), f"{fid}.gold.json", fid)
        for kind, p in (("text", text_path), ("gold", gold_path)):
            if not p.is_file():
                raise EvalUsageError(f"{path}:{number}: fixture {fid!r} has no {kind} file {p}")
        fixtures.append(
            Fixture(
                id=fid,
                text_path=text_path,
                gold_path=gold_path,
                language=str(language) if language else None,
                tags=tuple(dict.fromkeys(tags)),
            )
        )
    if not fixtures:
        raise EvalUsageError(f"dataset {path} lists no fixtures")
    return Dataset(name=path.stem, path=path, fixtures=tuple(fixtures))
