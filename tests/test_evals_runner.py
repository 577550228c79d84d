"""Eval runs end to end through the real pipeline: files, cache, resume, failures, gates,
score, compare and report (CLI through Typer's runner)."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from summarizer.backends import Backend, Completion, Message
from summarizer.errors import BackendError, InputError
from summarizer.evals.cli import app
from summarizer.evals.dataset import FIXTURES_DIR, load_dataset
from summarizer.evals.errors import EvalUsageError
from summarizer.evals.evaluate import LoadedFixture, load_fixtures
from summarizer.evals.runner import RunOptions, public_url, run
from summarizer.evals.scoring import FIELDS
from summarizer.schemas import StructuredSummary, SummaryDraft, Usage

GOLD_IDS = sorted(p.name.removesuffix(".gold.json") for p in FIXTURES_DIR.glob("*.gold.json"))[:4]


def draft_from(summary: StructuredSummary) -> SummaryDraft:
    data = summary.model_dump(mode="json", exclude={"meta", "schema_version"})
    for field in ("actors", "sources", "denials", "negotiation_claims"):
        for item in data[field]:
            item["quote"] = item.pop("evidence")["quote"]
    return SummaryDraft.model_validate(data)


def _write_dataset(path: Path) -> Path:
    path.write_text(
        "".join(
            json.dumps({"id": fid, "tags": ["t-all", f"t-{i % 2}"]}) + "\n"
            for i, fid in enumerate(GOLD_IDS)
        ),
        encoding="utf-8",
    )
    return path


@pytest.fixture(scope="module")
def dataset_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _write_dataset(tmp_path_factory.mktemp("ds") / "mini.jsonl")


@pytest.fixture(scope="module")
def loaded(dataset_file: Path) -> list[LoadedFixture]:
    return load_fixtures(load_dataset(dataset_file))


class GoldBackend(Backend):
    """A test backend that answers each fixture with its gold, as a model draft, through
    the real pipeline (prompt, grounding, merge)."""

    name = "gold"
    uses_prompt = True

    def __init__(self, loaded: list[LoadedFixture], fail: dict[str, Exception] | None = None):
        self.by_text = {item.text: draft_from(item.gold.summary) for item in loaded}
        texts = {item.fixture.id: item.text for item in loaded}
        self.fail = {texts[k]: v for k, v in (fail or {}).items()}
        self.calls = 0
        self._lock = threading.Lock()
        self.model = "gold-replay"

    def complete(self, messages: list[Message], text: str) -> Completion:
        with self._lock:
            self.calls += 1
        if text in self.fail:
            raise self.fail[text]
        return Completion(
            draft=self.by_text[text], usage=Usage(prompt_tokens=100, completion_tokens=40)
        )


@pytest.fixture
def options(dataset_file: Path) -> Callable[..., RunOptions]:
    def make(out: Path, backend: Backend, cache: Path | None, **kw: Any) -> RunOptions:
        return _options(dataset_file, out, backend, cache, **kw)

    return make


def _options(
    dataset: Path, out: Path, backend: Backend, cache: Path | None, **kw: Any
) -> RunOptions:
    return RunOptions(
        dataset=load_dataset(dataset),
        out_dir=out,
        backend=backend,
        use_cache=cache is not None,
        cache_path=cache,
        progress=False,
        **kw,
    )


def lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]


def test_enough_fixtures() -> None:
    assert len(GOLD_IDS) >= 2


def test_run_writes_every_file_and_gold_replay_scores_perfectly(
    tmp_path: Path, options: Callable[..., RunOptions], loaded: list[LoadedFixture]
) -> None:
    backend = GoldBackend(loaded)
    result = run(options(tmp_path / "run", backend, tmp_path / "c.sqlite3", concurrency=3))
    out = tmp_path / "run"
    for name in (
        "config.json",
        "predictions.jsonl",
        "scores.json",
        "per_fixture.jsonl",
        "report.md",
    ):
        assert (out / name).is_file(), name
    config = json.loads((out / "config.json").read_text())
    assert config["backend"] == "gold" and config["model"] == "gold-replay"
    assert config["schema_version"] == "1" and len(config["prompt_hash"]) == 16
    preds = lines(out / "predictions.jsonl")
    assert sorted(p["id"] for p in preds) == GOLD_IDS
    for p in preds:
        assert set(p) == {"id", "summary", "error", "usage", "latency_s", "attempts", "cache_hit"}
        assert p["error"] is None and p["cache_hit"] is False and p["attempts"] == 1
        assert p["usage"] == {"prompt_tokens": 100, "completion_tokens": 40}
    scores = json.loads((out / "scores.json").read_text())
    for f in FIELDS:
        assert scores["overall"][f]["f1"] == 1.0, f
        assert set(scores["overall"][f]) >= {"precision", "recall", "f1"}
    assert scores["rates"]["schema_valid_rate"] == 1.0
    assert scores["by_tag"]["t-all"]["n"] == len(GOLD_IDS)
    assert scores["run"]["prompt_tokens"] == 100 * len(GOLD_IDS)
    assert result.ran == len(GOLD_IDS) and backend.calls == len(GOLD_IDS)
    assert "# Evaluation report" in (out / "report.md").read_text()


def test_second_run_is_served_from_the_cache(
    tmp_path: Path, options: Callable[..., RunOptions], loaded: list[LoadedFixture]
) -> None:
    cache = tmp_path / "cache.sqlite3"
    first = GoldBackend(loaded)
    run(options(tmp_path / "a", first, cache))
    second = GoldBackend(loaded)
    result = run(options(tmp_path / "b", second, cache))
    assert second.calls == 0
    assert all(p["cache_hit"] for p in lines(tmp_path / "b" / "predictions.jsonl"))
    assert result.scores["run"]["cache_hits"] == len(GOLD_IDS)
    assert result.scores["overall"]["denials"]["f1"] == 1.0
    # Another generation parameter is another key; --no-cache and --refresh-cache ask again.
    third = GoldBackend(loaded)
    run(options(tmp_path / "c", third, cache, settings={"temperature": 0.7}))
    assert third.calls == len(GOLD_IDS)
    fourth = GoldBackend(loaded)
    run(options(tmp_path / "d", fourth, None))
    assert fourth.calls == len(GOLD_IDS)
    fifth = GoldBackend(loaded)
    run(options(tmp_path / "e", fifth, cache, refresh_cache=True))
    assert fifth.calls == len(GOLD_IDS)
    assert not any(p["cache_hit"] for p in lines(tmp_path / "e" / "predictions.jsonl"))


def test_resume_after_a_kill_mid_line_runs_each_fixture_exactly_once(
    tmp_path: Path, options: Callable[..., RunOptions], loaded: list[LoadedFixture]
) -> None:
    out = tmp_path / "run"
    run(options(out, GoldBackend(loaded), None))
    predictions = out / "predictions.jsonl"
    raw = predictions.read_bytes().split(b"\n")
    # As if killed while writing the third line: two whole lines and half of the third.
    predictions.write_bytes(b"\n".join(raw[:2]) + b"\n" + raw[2][: len(raw[2]) // 2])
    (out / "scores.json").unlink()
    with pytest.raises(EvalUsageError, match="--resume"):
        run(options(out, GoldBackend(loaded), None))
    backend = GoldBackend(loaded)
    result = run(options(out, backend, None, resume=True))
    assert backend.calls == len(GOLD_IDS) - 2
    assert result.ran == len(GOLD_IDS) - 2 and result.skipped == 2
    ids = [p["id"] for p in lines(predictions)]
    assert sorted(ids) == GOLD_IDS and len(ids) == len(set(ids))
    assert result.scores["overall"]["actors"]["f1"] == 1.0
    # Resuming a finished run does nothing more.
    again = GoldBackend(loaded)
    run(options(out, again, None, resume=True))
    assert again.calls == 0 and len(lines(predictions)) == len(GOLD_IDS)


def test_resume_refuses_another_backend_configuration(
    tmp_path: Path, options: Callable[..., RunOptions], loaded: list[LoadedFixture]
) -> None:
    out = tmp_path / "run"
    run(options(out, GoldBackend(loaded), None, limit=1))
    other = GoldBackend(loaded)
    other.model = "another-model"
    with pytest.raises(EvalUsageError, match="cannot resume"):
        run(options(out, other, None, resume=True))


def test_a_failing_fixture_is_recorded_and_the_run_goes_on(
    tmp_path: Path, options: Callable[..., RunOptions], loaded: list[LoadedFixture]
) -> None:
    failing = {
        GOLD_IDS[0]: BackendError("endpoint down after 4 retries"),
        GOLD_IDS[1]: RuntimeError("boom"),
    }
    backend = GoldBackend(loaded, fail=failing)
    result = run(options(tmp_path / "run", backend, tmp_path / "c.sqlite3"))
    rows = {p["id"]: p for p in lines(tmp_path / "run" / "predictions.jsonl")}
    assert rows[GOLD_IDS[0]]["error"] == "BackendError: endpoint down after 4 retries"
    assert rows[GOLD_IDS[1]]["error"] == "RuntimeError: boom"
    assert rows[GOLD_IDS[0]]["summary"] is None
    assert all(rows[i]["error"] is None and rows[i]["summary"] for i in GOLD_IDS[2:])
    n = len(GOLD_IDS)
    assert result.scores["rates"]["error_rate"] == pytest.approx(2 / n, abs=1e-6)
    assert result.scores["rates"]["schema_valid_rate"] == pytest.approx((n - 2) / n, abs=1e-6)
    assert result.scores["overall"]["actors"]["recall"] < 1.0
    assert result.scores["overall"]["actors"]["precision"] == 1.0
    # Failures are never cached: a rerun asks the backend for exactly those two again.
    retry = GoldBackend(loaded)
    run(options(tmp_path / "again", retry, tmp_path / "c.sqlite3"))
    assert retry.calls == 2


def test_input_error_is_recorded_too(
    tmp_path: Path, options: Callable[..., RunOptions], loaded: list[LoadedFixture]
) -> None:
    backend = GoldBackend(loaded, fail={GOLD_IDS[0]: InputError("input is empty")})
    run(options(tmp_path / "run", backend, None))
    rows = {p["id"]: p for p in lines(tmp_path / "run" / "predictions.jsonl")}
    assert rows[GOLD_IDS[0]]["error"] == "InputError: input is empty"


def test_public_url_drops_credentials_and_query(
    options: Callable[..., RunOptions], loaded: list[LoadedFixture]
) -> None:
    assert public_url("https://user:s3cret@api.example.com:8443/v1?key=abc") == (
        "https://api.example.com:8443/v1"
    )
    assert public_url(None) is None


# -- CLI: score, gates, compare, report ------------------------------------------------------

runner = CliRunner()


def _perfect_and_degraded(
    tmp_path: Path, options: Callable[..., RunOptions], loaded: list[LoadedFixture]
) -> tuple[Path, Path]:
    good = tmp_path / "good"
    run(options(good, GoldBackend(loaded), None))
    degraded = tmp_path / "degraded.jsonl"
    rows = lines(good / "predictions.jsonl")
    for row in rows:
        row["summary"]["denials"] = []
        row["summary"]["contradictions"] = []
    rows[0]["summary"] = {"not": "a summary"}
    degraded.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
    return good, degraded


def test_score_command_and_gate_exit_codes(
    tmp_path: Path,
    options: Callable[..., RunOptions],
    loaded: list[LoadedFixture],
    dataset_file: Path,
) -> None:
    good, degraded = _perfect_and_degraded(tmp_path, options, loaded)
    ds = str(dataset_file)
    ok = runner.invoke(
        app,
        [
            "score",
            "--dataset",
            ds,
            "--predictions",
            str(good / "predictions.jsonl"),
            "--out",
            str(tmp_path / "s1"),
            "--min-f1",
            "denials=0.99",
            "--min-f1",
            "actors=1",
        ],
    )
    assert ok.exit_code == 0, ok.output
    scores = json.loads((tmp_path / "s1" / "scores.json").read_text())
    assert scores["gates"]["failed"] == []
    bad = runner.invoke(
        app,
        [
            "score",
            "--dataset",
            ds,
            "--predictions",
            str(degraded),
            "--out",
            str(tmp_path / "s2"),
            "--min-f1",
            "denials=0.5",
        ],
    )
    assert bad.exit_code == 100, bad.output
    assert "gate failed: denials F1 0.000 < 0.500" in bad.stderr
    scores = json.loads((tmp_path / "s2" / "scores.json").read_text())
    assert scores["overall"]["denials"]["recall"] == 0.0
    assert scores["rates"]["schema_valid_rate"] < 1.0
    per = lines(tmp_path / "s2" / "per_fixture.jsonl")
    assert per[0]["schema_valid"] is False and per[0]["error"].startswith("invalid summary")
    for args, code in (
        (["--min-f1", "nonsense=0.5"], 2),
        (["--min-f1", "denials=1.5"], 2),
        (["--min-f1", "denials"], 2),
    ):
        r = runner.invoke(
            app,
            [
                "score",
                "--dataset",
                ds,
                "--predictions",
                str(degraded),
                "--out",
                str(tmp_path / "s3"),
                *args,
            ],
        )
        assert r.exit_code == code, (args, r.output)
        assert len(r.stderr.strip().splitlines()) == 1
    missing = runner.invoke(
        app,
        [
            "score",
            "--dataset",
            "no_such_set",
            "--predictions",
            str(degraded),
            "--out",
            str(tmp_path / "s4"),
        ],
    )
    assert missing.exit_code == 2 and "no dataset 'no_such_set'" in missing.stderr
    assert "Traceback" not in missing.output


def test_compare_reports_drops_and_exits_100_over_max_drop(
    tmp_path: Path,
    options: Callable[..., RunOptions],
    loaded: list[LoadedFixture],
    dataset_file: Path,
) -> None:
    good, degraded = _perfect_and_degraded(tmp_path, options, loaded)
    ds = str(dataset_file)
    worse = tmp_path / "worse"
    r = runner.invoke(
        app, ["score", "--dataset", ds, "--predictions", str(degraded), "--out", str(worse)]
    )
    assert r.exit_code == 0, r.output
    drop = runner.invoke(app, ["compare", str(good), str(worse), "--max-drop", "0.1"])
    assert drop.exit_code == 100, drop.output
    assert "denials" in drop.stdout and GOLD_IDS[0] in drop.stdout
    assert "regressed" in drop.stdout
    gain = runner.invoke(app, ["compare", str(worse), str(good), "--max-drop", "0.1"])
    assert gain.exit_code == 0, gain.output
    no_gate = runner.invoke(app, ["compare", str(good), str(worse)])
    assert no_gate.exit_code == 0
    nowhere = runner.invoke(app, ["compare", str(good), str(tmp_path / "nope")])
    assert nowhere.exit_code == 2


def test_report_command_markdown_and_html(
    tmp_path: Path, options: Callable[..., RunOptions], loaded: list[LoadedFixture]
) -> None:
    out = tmp_path / "run"
    run(options(out, GoldBackend(loaded), None))
    md = runner.invoke(app, ["report", str(out), "--format", "md"])
    assert md.exit_code == 0 and md.stdout.startswith("# Evaluation report")
    target = tmp_path / "r.md"
    assert runner.invoke(app, ["report", str(out), "-o", str(target)]).exit_code == 0
    assert target.read_text() == md.stdout
    html = runner.invoke(app, ["report", str(out), "--format", "html"])
    try:
        import summarizer.evals.report_html  # noqa: F401
    except ImportError:
        assert html.exit_code == 1
        assert "report_html is missing" in html.stderr
    else:
        assert html.exit_code == 0 and "<html" in html.stdout.lower()


def test_run_command_usage_errors(tmp_path: Path, dataset_file: Path) -> None:
    ds = str(dataset_file)
    both = runner.invoke(
        app,
        ["run", "--dataset", ds, "--out", str(tmp_path / "x"), "--no-cache", "--refresh-cache"],
    )
    assert both.exit_code == 2 and "exclude each other" in both.stderr
    bad_backend = runner.invoke(
        app, ["run", "--dataset", ds, "--out", str(tmp_path / "x"), "--backend", "nope"]
    )
    assert bad_backend.exit_code == 2 and "unknown backend" in bad_backend.stderr
    bad_field = runner.invoke(
        app, ["run", "--dataset", ds, "--out", str(tmp_path / "x"), "--min-f1", "x=1"]
    )
    assert bad_field.exit_code == 2


def _rules_available() -> bool:
    try:
        from summarizer.backends.rules import RulesBackend  # noqa: F401
    except ImportError:
        return False
    return True


@pytest.mark.skipif(not _rules_available(), reason="the rules backend is not installed yet")
def test_run_command_with_the_rules_backend_and_gates(tmp_path: Path, dataset_file: Path) -> None:
    ds = str(dataset_file)
    cache = str(tmp_path / "c.sqlite3")
    base = ["run", "--dataset", ds, "--backend", "rules", "--cache", cache, "--no-progress"]
    ok = runner.invoke(app, [*base, "--out", str(tmp_path / "a"), "--min-f1", "actors=0"])
    assert ok.exit_code == 0, ok.output
    again = runner.invoke(app, [*base, "--out", str(tmp_path / "b")])
    assert again.exit_code == 0
    assert all(p["cache_hit"] for p in lines(tmp_path / "b" / "predictions.jsonl"))
    a = json.loads((tmp_path / "a" / "scores.json").read_text())
    b = json.loads((tmp_path / "b" / "scores.json").read_text())
    assert a["overall"] == b["overall"]
    fail = runner.invoke(
        app,
        [
            *base,
            "--out",
            str(tmp_path / "c"),
            "--min-f1",
            "contradictions=1.0",
            "--min-f1",
            "actors=1.0",
            "--min-f1",
            "denials=1.0",
        ],
    )
    # The offline extractor is not perfect on every field of the gold.
    assert fail.exit_code == 100, fail.output


_KILLED_RUN = """
import sys, time
from pathlib import Path
from summarizer.backends import Backend, Completion
from summarizer.evals.dataset import load_dataset
from summarizer.evals.evaluate import load_fixtures
from summarizer.evals.runner import RunOptions, run
from summarizer.schemas import SummaryDraft

dataset, out = Path(sys.argv[1]), Path(sys.argv[2])
drafts = {}
for item in load_fixtures(load_dataset(dataset)):
    data = item.gold.summary.model_dump(mode="json", exclude={"meta", "schema_version"})
    for field in ("actors", "sources", "denials", "negotiation_claims"):
        for x in data[field]:
            x["quote"] = x.pop("evidence")["quote"]
    drafts[item.text] = SummaryDraft.model_validate(data)

class Slow(Backend):
    name = "gold"
    uses_prompt = True
    model = "gold-replay"
    def complete(self, messages, text):
        time.sleep(0.8)
        return Completion(draft=drafts[text])

run(RunOptions(dataset=load_dataset(dataset), out_dir=out, backend=Slow(), use_cache=False,
               concurrency=1, progress=False))
"""


def test_a_run_killed_with_sigkill_resumes_without_repeating_or_losing(
    tmp_path: Path,
    dataset_file: Path,
    loaded: list[LoadedFixture],
    options: Callable[..., RunOptions],
) -> None:
    script = tmp_path / "killed_run.py"
    script.write_text(_KILLED_RUN)
    out = tmp_path / "run"
    predictions = out / "predictions.jsonl"
    proc = subprocess.Popen([sys.executable, str(script), str(dataset_file), str(out)])
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and proc.poll() is None:
            if predictions.exists() and predictions.read_bytes().count(b"\n") >= 1:
                break
            time.sleep(0.02)
        assert proc.poll() is None, "the run ended before it could be killed"
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    done_before = len(lines(predictions))
    assert 1 <= done_before < len(GOLD_IDS)
    backend = GoldBackend(loaded)
    result = run(options(out, backend, None, resume=True))
    assert backend.calls == len(GOLD_IDS) - done_before
    ids = [p["id"] for p in lines(predictions)]
    assert sorted(ids) == GOLD_IDS
    assert result.scores["overall"]["denials"]["f1"] == 1.0


def test_exit_codes_through_the_summarizer_command(
    tmp_path: Path,
    dataset_file: Path,
    loaded: list[LoadedFixture],
    options: Callable[..., RunOptions],
) -> None:
    good, degraded = _perfect_and_degraded(tmp_path, options, loaded)

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "summarizer", "eval", *args],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )

    base = ["score", "--dataset", str(dataset_file), "--predictions", str(degraded)]
    passed = cli(*base, "--out", str(tmp_path / "a"), "--min-f1", "actors=0.5")
    assert passed.returncode == 0, passed.stderr
    gated = cli(*base, "--out", str(tmp_path / "b"), "--min-f1", "denials=0.5")
    assert gated.returncode == 100
    assert gated.stderr.strip().splitlines() == [
        "summarizer: error: gate failed: denials F1 0.000 < 0.500"
    ]
    for args in (["--min-f1", "bogus=1"], ["--bogus-flag"]):
        bad = cli(*base, "--out", str(tmp_path / "c"), *args)
        assert bad.returncode == 2, args
        assert len(bad.stderr.strip().splitlines()) == 1 and "Traceback" not in bad.stderr
    dropped = cli("compare", str(good), str(tmp_path / "b"), "--max-drop", "0.05")
    assert dropped.returncode == 100 and "regressed" in dropped.stdout
