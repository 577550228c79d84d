"""The harness's errors, each with the exit code `summarizer eval` maps it to.

0 pass; 100 a gate failed; 1 harness error (I/O, a broken run directory); 2 bad usage (bad
flags, a missing dataset, an unknown field).
"""

from __future__ import annotations

from ..errors import SummarizerError

EXIT_GATE_FAILED = 100


class EvalUsageError(SummarizerError):
    """The command line or the files it names cannot be used (exit 2)."""

    exit_code = 2


class HarnessError(SummarizerError):
    """The harness itself failed: unwritable output, a corrupt run directory (exit 1)."""

    exit_code = 1


class GateFailed(SummarizerError):
    """A `--min-f1` or `--max-drop` gate failed (exit 100)."""

    exit_code = EXIT_GATE_FAILED
