"""The predictions file of a run: append-only JSON Lines that survive a kill at any moment.

Each line is written with one `write` of the whole line, then flushed and fsynced, so a
killed run leaves at most one torn line: the last one, without its newline. `recover`
truncates such a torn tail and returns the complete lines, so `--resume` neither repeats
nor loses a fixture and never reads a corrupt line.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from .errors import HarnessError


def recover(path: Path) -> list[dict[str, Any]]:
    """The complete lines of `path` (truncating a torn last line in place)."""
    if not path.exists():
        return []
    data = path.read_bytes()
    end = data.rfind(b"\n") + 1  # 0 when no line is complete
    if end < len(data):
        with path.open("r+b") as handle:
            handle.truncate(end)
            handle.flush()
            os.fsync(handle.fileno())
    rows: list[dict[str, Any]] = []
    for number, line in enumerate(data[:end].splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except (json.JSONDecodeError, UnicodeDecodeError):
            raise HarnessError(f"{path}:{number}: corrupt line (not JSON)") from None
        if not isinstance(row, dict) or not isinstance(row.get("id"), str):
            raise HarnessError(f'{path}:{number}: a prediction line needs a string "id"')
        rows.append(row)
    return rows


class Journal:
    """Appends one JSON object per line, durably."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)

    def append(self, row: dict[str, Any]) -> None:
        line = (json.dumps(row, ensure_ascii=False, separators=(",", ":")) + "\n").encode()
        try:
            written = os.write(self._fd, line)
            os.fsync(self._fd)
        except OSError as exc:
            raise HarnessError(f"cannot append to {self.path}: {exc.strerror or exc}") from None
        if written != len(line):  # a full disk: the torn tail is cut on --resume
            raise HarnessError(f"short write to {self.path} ({written} of {len(line)} bytes)")

    def close(self) -> None:
        os.close(self._fd)

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
