"""The evaluation harness (`summarizer eval`): gold fixtures, scoring, runs, cache, reports.

Modules, one job each: `dataset` (which fixtures), `gold` (grounded gold summaries),
`matching` (one-to-one alignment of predicted and gold items), `scoring` (counts and
figures, see SCORING.md), `cache` (SQLite response cache as a Backend wrapper), `journal`
(crash-safe predictions file), `runner` (eval runs), `evaluate` (scoring a run and writing
its results), `gates` (`--min-f1`), `compare`, `report` (Markdown), `cli` (the Typer app).
Nothing is imported here, so mounting the CLI stays cheap.
"""
