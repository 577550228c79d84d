"""`summarizer eval`: run, score, compare and report evaluations (a Typer app the main CLI
mounts as `eval`).

Exit codes: 0 pass; 100 a gate failed (`--min-f1`, `--max-drop`); 1 harness error; 2 bad
usage (bad flags, a missing dataset, an unknown field). Errors are one line on stderr.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from ..errors import SummarizerError
from .errors import EXIT_GATE_FAILED, EvalUsageError, HarnessError

app = typer.Typer(
    name="eval",
    help="Evaluate backends on gold fixtures: run, score, compare, report.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

T = TypeVar("T")


# Typer vendors Click; its exception base is reachable through a public class. Raising a
# ClickException (not typer.Exit) keeps the exit code whether this app runs standalone or
# mounted under the main CLI, which runs commands with standalone_mode=False.
_ClickException: type[Exception] = next(
    c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException"
)


class CommandError(_ClickException):  # type: ignore[valid-type,misc]
    """A command's failure: one line of message and an exit code."""

    def __init__(self, message: str, exit_code: int) -> None:
        super().__init__(" ".join(message.split()))
        self.exit_code = exit_code


def _guard(body: Callable[[], T]) -> T:
    """Run a command body, turning every failure into a one-line error and an exit code."""
    try:
        return body()
    except (typer.Exit, _ClickException):
        raise
    except SummarizerError as exc:
        raise CommandError(str(exc), exc.exit_code) from None
    except KeyboardInterrupt:
        raise CommandError("interrupted (rerun with --resume to continue)", 130) from None
    except Exception as exc:
        raise CommandError(f"internal error ({type(exc).__name__}: {exc})", 1) from None


def _gate_exit(failures: list[str]) -> None:
    if failures:
        raise CommandError("gate failed: " + "; ".join(failures), EXIT_GATE_FAILED)


def _print_scores(scores: dict[str, Any], out_dir: Path) -> None:
    from rich.console import Console
    from rich.table import Table

    from .scoring import FIELDS

    table = Table(title=f"{scores['n']} fixtures → {out_dir}")
    for column in ("field", "precision", "recall", "F1", "macro F1"):
        table.add_column(column, justify="left" if column == "field" else "right")
    for f in FIELDS:
        o = scores["overall"][f]
        table.add_row(
            f,
            f"{o['precision']:.3f}",
            f"{o['recall']:.3f}",
            f"{o['f1']:.3f}",
            f"{scores['macro'][f]['f1']:.3f}",
        )
    rates = scores["rates"]
    console = Console(soft_wrap=True)
    console.print(table)
    console.print(
        f"grounding {rates['grounding_rate']:.3f} · ungrounded items "
        f"{rates['ungrounded_item_rate']:.3f} · schema-valid {rates['schema_valid_rate']:.3f}"
        f" · errors {rates['error_rate']:.3f}",
        highlight=False,
    )


class Mode(StrEnum):
    auto = "auto"
    tools = "tools"
    json_schema = "json_schema"
    json = "json"
    md_json = "md_json"


class ReportFormat(StrEnum):
    md = "md"
    html = "html"


MinF1 = Annotated[
    list[str] | None,
    typer.Option(
        "--min-f1",
        metavar="FIELD=VALUE",
        help="Gate: FIELD=VALUE (repeatable); exit 100 when the field's micro F1 is below "
        "VALUE. Fields: actors, sources, denials, denial_identification, "
        "negotiation_claims, contradictions (prefix macro. for the per-article mean).",
    ),
]


_DATASET_HELP = "Dataset: a .jsonl path or a name (dev, heldout, smoke)."


@app.command()
def run(
    dataset: Annotated[str, typer.Option(help=_DATASET_HELP)],
    out: Annotated[Path, typer.Option(help="Run directory to write.")],
    backend: Annotated[
        str | None, typer.Option(help="auto, openai, llamacpp or rules. [env: SUMMARIZER_BACKEND]")
    ] = None,
    model: Annotated[str | None, typer.Option(help="Model name. [env: SUMMARIZER_MODEL]")] = None,
    base_url: Annotated[
        str | None, typer.Option(help="OpenAI-compatible endpoint. [env: OPENAI_BASE_URL]")
    ] = None,
    mode: Annotated[Mode, typer.Option(help="How structured output is requested.")] = Mode.auto,
    concurrency: Annotated[int, typer.Option(min=1, help="Fixtures summarized at once.")] = 4,
    limit: Annotated[int | None, typer.Option(min=1, help="Only the first N fixtures.")] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Do not use the cache.")] = False,
    refresh_cache: Annotated[
        bool, typer.Option("--refresh-cache", help="Ask the backend again; update the cache.")
    ] = False,
    cache: Annotated[
        Path | None,
        typer.Option(
            help="Response cache file. [env: SUMMARIZER_CACHE; default "
            "~/.cache/summarizer/responses.sqlite3]"
        ),
    ] = None,
    resume: Annotated[
        bool, typer.Option("--resume", help="Continue a killed run in --out.")
    ] = False,
    min_f1: MinF1 = None,
    model_path: Annotated[str | None, typer.Option(help="GGUF file for llamacpp.")] = None,
    temperature: Annotated[float | None, typer.Option(min=0.0)] = None,
    max_tokens: Annotated[int | None, typer.Option(min=1, help="Cap on reply tokens.")] = None,
    max_reasks: Annotated[int | None, typer.Option(min=0, help="Re-asks on invalid replies.")] = (
        None
    ),
    timeout: Annotated[float | None, typer.Option(min=0.001, help="Seconds per request.")] = None,
    progress: Annotated[
        bool | None,
        typer.Option("--progress/--no-progress", help="Progress bar (default: on a terminal)."),
    ] = None,
) -> None:
    """Summarize every fixture of a dataset with one backend, then score the predictions."""

    def body() -> None:
        from .dataset import load_dataset
        from .gates import parse_min_f1
        from .runner import RunOptions
        from .runner import run as run_eval

        if no_cache and refresh_cache:
            raise EvalUsageError("--no-cache and --refresh-cache exclude each other")
        gates = parse_min_f1(min_f1 or [])
        settings = {
            k: v
            for k, v in {
                "temperature": temperature,
                "max_tokens": max_tokens,
                "max_reasks": max_reasks,
                "timeout": timeout,
                "model_path": model_path,
            }.items()
            if v is not None
        }
        result = run_eval(
            RunOptions(
                dataset=load_dataset(dataset),
                out_dir=out,
                backend=backend,
                model=model,
                base_url=base_url,
                mode=mode.value,
                concurrency=concurrency,
                limit=limit,
                use_cache=not no_cache,
                refresh_cache=refresh_cache,
                cache_path=cache,
                resume=resume,
                gates=gates,
                settings=settings,
                progress=progress,
            )
        )
        if resume:
            sys.stderr.write(
                f"summarizer eval: resumed: {result.skipped} fixture(s) were already done, "
                f"{result.ran} run now\n"
            )
        _print_scores(result.scores, out)
        _gate_exit(result.gate_failures)

    _guard(body)


@app.command()
def score(
    dataset: Annotated[str, typer.Option(help=_DATASET_HELP)],
    predictions: Annotated[
        Path, typer.Option(help='JSON Lines of {"id", "summary"} produced elsewhere.')
    ],
    out: Annotated[Path, typer.Option(help="Directory for scores.json, report.md, ...")],
    min_f1: MinF1 = None,
) -> None:
    """Score predictions made elsewhere against a dataset's gold."""

    def body() -> None:
        from .dataset import load_dataset
        from .evaluate import load_fixtures, read_predictions, score_rows, write_results
        from .gates import parse_min_f1

        gates = parse_min_f1(min_f1 or [])
        data = load_dataset(dataset)
        loaded = load_fixtures(data)
        rows, notes = read_predictions(predictions)
        for note in notes:
            sys.stderr.write(f"summarizer eval: warning: {note}\n")
        known = set(data.ids())
        unknown = sorted(set(rows) - known)
        if unknown:
            sys.stderr.write(
                f"summarizer eval: warning: {len(unknown)} prediction(s) for fixtures not in "
                f"{data.name} ignored (e.g. {unknown[0]!r})\n"
            )
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise HarnessError(f"cannot create {out}: {exc.strerror or exc}") from None
        scores = write_results(
            out,
            score_rows(loaded, rows),
            extra={
                "scored": {
                    "dataset": str(data.path),
                    "predictions": str(predictions),
                    "lines": len(rows),
                }
            },
            gates=gates,
        )
        _print_scores(scores, out)
        _gate_exit(list(scores.get("gates", {}).get("failed", [])))

    _guard(body)


@app.command()
def compare(
    run_a: Annotated[Path, typer.Argument(help="Baseline run directory.")],
    run_b: Annotated[Path, typer.Argument(help="Candidate run directory.")],
    max_drop: Annotated[
        float | None,
        typer.Option(min=0.0, help="Exit 100 when any F1 or rate falls by more than this."),
    ] = None,
) -> None:
    """Per-field deltas between two runs and the fixtures that regressed."""

    def body() -> None:
        from rich.console import Console

        from .compare import compare_runs, comparison_tables

        for path in (run_a, run_b):
            if not path.is_dir():
                raise EvalUsageError(f"{path} is not a run directory")
        comparison = compare_runs(run_a, run_b)
        console = Console(soft_wrap=True)
        for table in comparison_tables(comparison, max_drop):
            console.print(table)
        if comparison.only_a or comparison.only_b:
            console.print(
                f"fixtures only in A: {len(comparison.only_a)}, only in B: "
                f"{len(comparison.only_b)}",
                highlight=False,
            )
        if max_drop is not None:
            over = comparison.drops_over(max_drop)
            _gate_exit([f"{d.name} worsened by {d.drop:.3f} (> {max_drop:.3f})" for d in over])

    _guard(body)


@app.command()
def report(
    run_dir: Annotated[Path, typer.Argument(help="Run directory.")],
    fmt: Annotated[ReportFormat, typer.Option("--format", "-f", help="md or html.")] = (
        ReportFormat.md
    ),
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here (atomically), not stdout.")
    ] = None,
) -> None:
    """Render a run's report as Markdown or HTML."""

    def body() -> None:
        from .._io import emit

        if not run_dir.is_dir():
            raise EvalUsageError(f"{run_dir} is not a run directory")
        if fmt is ReportFormat.md:
            from .report import render_run_markdown

            text = render_run_markdown(run_dir)
        else:
            try:
                from .report_html import render_run_html
            except ImportError:
                raise HarnessError(
                    "the HTML report is not available in this installation "
                    "(summarizer.evals.report_html is missing)"
                ) from None
            text = render_run_html(run_dir)
        try:
            emit(text, output)
        except OSError as exc:
            raise HarnessError(f"cannot write {output}: {exc.strerror or exc}") from None

    _guard(body)
