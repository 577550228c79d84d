"""Exceptions with the exit code the CLI maps them to (see README, "Exit codes")."""

from __future__ import annotations


class SummarizerError(Exception):
    """Base class: every error the library raises on purpose."""

    exit_code = 1


class InputError(SummarizerError):
    """The article cannot be used: missing, empty, undecodable, too large (exit 2)."""

    exit_code = 2


class ConfigError(SummarizerError):
    """Options or environment do not describe a usable backend (exit 2)."""

    exit_code = 2


class BackendError(SummarizerError):
    """The backend failed after its retries and re-asks (exit 3)."""

    exit_code = 3
