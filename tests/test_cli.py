"""The `summarizer` command as a user runs it: a subprocess, real HTTP to a loopback server."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import (
    MISSING_QUOTE,
    ROOT,
    SEED_CLAIM,
    SEED_CLAIM_VARIANT,
    SEED_PATH,
    as_json,
    seed_draft,
)
from fake_openai import FakeOpenAI, Reply, chat_tool_call

from summarizer.schemas import StructuredSummary, SummaryDraft, summary_json_schema
from summarizer.textnorm import normalize

FAST = ["--max-retries", "1", "--max-reasks", "1", "--timeout", "5"]


def cli(
    *args: str,
    env: dict[str, str] | None = None,
    stdin: bytes | None = None,
    cwd: Path | None = None,
) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if k != "SUMMARIZER_DEBUG"}
    full_env.update(env or {})
    done = subprocess.run(
        [sys.executable, "-m", "summarizer", *args],
        input=stdin.decode() if stdin is not None else None,
        capture_output=True,
        text=True,
        env=full_env,
        timeout=120,
        cwd=cwd or ROOT,
    )
    return done


def one_error_line(done: subprocess.CompletedProcess[str], code: int) -> str:
    assert done.returncode == code, done.stderr
    assert "Traceback" not in done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("summarizer: error: "), done.stderr
    assert done.stdout == ""
    return lines[0]


def check_output(out: dict[str, Any], text: str) -> StructuredSummary:
    summary = StructuredSummary.model_validate(out)  # every reference resolves, or this fails
    actor_ids = {a.id for a in summary.actors}
    source_ids = {s.id for s in summary.sources}
    for d in summary.denials:
        assert {d.denier, *d.counterparties} <= actor_ids
        assert d.source is None or d.source in source_ids
    for c in summary.negotiation_claims:
        assert {c.claimant, *c.parties} <= actor_ids
    for k in summary.contradictions:
        assert k.claim < len(summary.negotiation_claims) and k.denial < len(summary.denials)
    n_exact = 0
    for _, _, ev in summary.evidence():
        if ev.alignment == "exact":
            n_exact += 1
            assert text[ev.start : ev.end] == ev.quote
        if ev.quote == MISSING_QUOTE or MISSING_QUOTE in ev.quote:
            assert not ev.grounded and ev.start is None
    assert n_exact >= 4
    return summary


def test_summarize_the_seed_article(server: FakeOpenAI, seed_text: str) -> None:
    server.queue(chat_tool_call(as_json(seed_draft(seed_text, extra_denial=MISSING_QUOTE))))
    done = cli("summarize", str(SEED_PATH), "--base-url", server.base_url, *FAST)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    summary = check_output(json.loads(done.stdout), seed_text)
    claim = summary.negotiation_claims[0].evidence
    assert claim.quote == SEED_CLAIM_VARIANT
    assert claim.alignment in ("normalized", "fuzzy")
    assert seed_text[claim.start : claim.end] == SEED_CLAIM
    assert normalize(seed_text[claim.start : claim.end]) == normalize(SEED_CLAIM_VARIANT)
    assert all(MISSING_QUOTE not in d.evidence.quote for d in summary.denials)
    assert summary.meta is not None and summary.meta.backend == "openai"


def test_keep_ungrounded_marks_them_unmatched(server: FakeOpenAI, seed_text: str) -> None:
    server.queue(chat_tool_call(as_json(seed_draft(seed_text, extra_denial=MISSING_QUOTE))))
    done = cli(
        "summarize", str(SEED_PATH), "--base-url", server.base_url, "--keep-ungrounded", *FAST
    )
    assert done.returncode == 0, done.stderr
    summary = check_output(json.loads(done.stdout), seed_text)
    missing = [d.evidence for d in summary.denials if d.evidence.quote == MISSING_QUOTE]
    assert len(missing) == 1 and missing[0].alignment == "unmatched"


def test_stdin_input(server: FakeOpenAI, seed_text: str) -> None:
    server.queue(chat_tool_call(as_json(seed_draft(seed_text))))
    done = cli("summarize", "-", "--base-url", server.base_url, *FAST, stdin=seed_text.encode())
    assert done.returncode == 0, done.stderr
    check_output(json.loads(done.stdout), seed_text)


@pytest.mark.parametrize(
    ("setup", "args", "needle"),
    [
        ("missing", [], "no such file"),
        ("empty", [], "empty"),
        ("blank", [], "empty"),
        ("binary", [], "binary"),
        ("directory", [], "directory"),
        ("seed", ["--bogus-flag"], "No such option: --bogus-flag"),
        ("seed", ["--format", "pdf"], "pdf"),
        ("seed", ["--backend", "nope"], "nope"),
        ("seed", ["--max-reasks", "-1"], "max-reasks"),
    ],
)
def test_usage_and_input_errors_exit_2(
    tmp_path: Path, setup: str, args: list[str], needle: str
) -> None:
    path = tmp_path / "article.txt"
    if setup == "empty":
        path.write_bytes(b"")
    elif setup == "blank":
        path.write_bytes(b" \n\t \r\n")
    elif setup == "binary":
        path.write_bytes(b"\x7fELF\x02\x01\x01\x00\x00\x00" + bytes(200))
    elif setup == "directory":
        path = tmp_path
    elif setup == "seed":
        path = SEED_PATH
    line = one_error_line(cli("summarize", str(path), *args), 2)
    assert needle in line


def test_no_arguments_is_usage() -> None:
    done = cli("summarize")
    one_error_line(done, 2)


def test_backend_failure_exits_3_and_keeps_the_old_output(
    server: FakeOpenAI, tmp_path: Path
) -> None:
    server.queue(Reply(status=500, headers={"Retry-After": "0"}, body={"error": {"message": "x"}}))
    out = tmp_path / "summary.json"
    out.write_text("previous\n", encoding="utf-8")
    done = cli(
        "summarize",
        str(SEED_PATH),
        "--base-url",
        server.base_url,
        "-o",
        str(out),
        "--max-retries",
        "1",
        "--timeout",
        "5",
    )
    line = one_error_line(done, 3)
    assert "HTTP 500" in line
    assert len(server.requests) == 2
    assert out.read_text(encoding="utf-8") == "previous\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["summary.json"]


def test_output_file_is_written_atomically(
    server: FakeOpenAI, tmp_path: Path, seed_text: str
) -> None:
    server.queue(chat_tool_call(as_json(seed_draft(seed_text))))
    out = tmp_path / "summary.json"
    out.write_text("old\n", encoding="utf-8")
    out.chmod(0o640)
    fresh = tmp_path / "fresh.json"
    for path in (out, fresh):
        done = cli(
            "summarize", str(SEED_PATH), "--base-url", server.base_url, "-o", str(path), *FAST
        )
        assert done.returncode == 0, done.stderr
        assert done.stdout == "" and done.stderr == ""
        check_output(json.loads(path.read_text(encoding="utf-8")), seed_text)
    # No temp file left, and the modes a plain write would give (not mkstemp's 0600).
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fresh.json", "summary.json"]
    assert stat.S_IMODE(out.stat().st_mode) == 0o640
    umask = os.umask(0o022)
    os.umask(umask)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o666 & ~umask


def test_output_into_a_missing_folder_is_an_input_error(
    server: FakeOpenAI, tmp_path: Path, seed_text: str
) -> None:
    server.queue(chat_tool_call(as_json(seed_draft(seed_text))))
    done = cli(
        "summarize",
        str(SEED_PATH),
        "--base-url",
        server.base_url,
        "-o",
        str(tmp_path / "no" / "such" / "dir.json"),
        *FAST,
    )
    assert "cannot write" in one_error_line(done, 2)


def test_markdown_format(server: FakeOpenAI, seed_text: str) -> None:
    if not (ROOT / "summarizer" / "render" / "markdown.py").exists():
        pytest.skip("summarizer/render/markdown.py is not written yet")
    server.queue(chat_tool_call(as_json(seed_draft(seed_text))))
    done = cli(
        "summarize", str(SEED_PATH), "--base-url", server.base_url, "--format", "markdown", *FAST
    )
    assert done.returncode == 0, done.stderr
    assert "وائل علوان" in done.stdout
    with pytest.raises(json.JSONDecodeError):
        json.loads(done.stdout)


def test_schema_command_prints_the_schemas() -> None:
    done = cli("schema")
    assert done.returncode == 0 and done.stderr == ""
    assert json.loads(done.stdout) == summary_json_schema()
    done = cli("schema", "--draft")
    assert json.loads(done.stdout) == SummaryDraft.model_json_schema()


def test_environment_variables_choose_backend_and_model(server: FakeOpenAI, seed_text: str) -> None:
    server.queue(chat_tool_call(as_json(seed_draft(seed_text))))
    env = {
        "OPENAI_BASE_URL": server.base_url,
        "SUMMARIZER_MODEL": "env-model",
        "SUMMARIZER_BACKEND": "openai",
        "OPENAI_API_KEY": "sk-env-secret",
    }
    done = cli("summarize", str(SEED_PATH), *FAST, env=env)
    assert done.returncode == 0, done.stderr
    assert "sk-env-secret" not in done.stdout
    meta = json.loads(done.stdout)["meta"]
    assert (meta["backend"], meta["model"], meta["base_url"]) == (
        "openai",
        "env-model",
        server.base_url,
    )
    assert server.requests[0]["body"]["model"] == "env-model"


def test_backend_auto_uses_openai_when_a_base_url_is_set(
    server: FakeOpenAI, seed_text: str
) -> None:
    server.queue(chat_tool_call(as_json(seed_draft(seed_text))))
    done = cli(
        "summarize",
        str(SEED_PATH),
        "--backend",
        "auto",
        *FAST,
        env={"OPENAI_BASE_URL": server.base_url},
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["meta"]["backend"] == "openai"
    assert len(server.requests) == 1


def test_flags_win_over_environment(server: FakeOpenAI, seed_text: str) -> None:
    server.queue(chat_tool_call(as_json(seed_draft(seed_text))))
    done = cli(
        "summarize",
        str(SEED_PATH),
        "--model",
        "flag-model",
        "--base-url",
        server.base_url,
        *FAST,
        env={"SUMMARIZER_MODEL": "env-model", "OPENAI_BASE_URL": "http://127.0.0.1:9/v1"},
    )
    assert done.returncode == 0, done.stderr
    assert server.requests[0]["body"]["model"] == "flag-model"
