"""The predictions journal: durable appends and recovery from a torn last line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summarizer.evals.errors import HarnessError
from summarizer.evals.journal import Journal, recover


def test_append_and_recover(tmp_path: Path) -> None:
    path = tmp_path / "p.jsonl"
    assert recover(path) == []
    with Journal(path) as journal:
        journal.append({"id": "a", "summary": {"headline": "عنوان"}})
        journal.append({"id": "b", "summary": None})
    assert [r["id"] for r in recover(path)] == ["a", "b"]
    assert path.read_text(encoding="utf-8").count("\n") == 2
    assert "عنوان" in path.read_text(encoding="utf-8")


@pytest.mark.parametrize("cut", [1, 5, 17])
def test_a_torn_last_line_is_truncated_and_appending_continues(tmp_path: Path, cut: int) -> None:
    path = tmp_path / "p.jsonl"
    with Journal(path) as journal:
        journal.append({"id": "a"})
        journal.append({"id": "b", "error": "x" * 30})
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - cut])
    assert [r["id"] for r in recover(path)] == ["a"]
    assert path.read_bytes() == json.dumps({"id": "a"}, separators=(",", ":")).encode() + b"\n"
    with Journal(path) as journal:
        journal.append({"id": "b"})
    assert [r["id"] for r in recover(path)] == ["a", "b"]


def test_only_a_torn_line(tmp_path: Path) -> None:
    path = tmp_path / "p.jsonl"
    path.write_bytes(b'{"id": "a", "summ')
    assert recover(path) == []
    assert path.read_bytes() == b""


def test_a_corrupt_complete_line_is_a_harness_error(tmp_path: Path) -> None:
    path = tmp_path / "p.jsonl"
    path.write_bytes(b'{"id": "a"}\nnot json\n')
    with pytest.raises(HarnessError, match="corrupt line"):
        recover(path)
