"""A real OpenAI-compatible HTTP server on loopback, scripted by the tests.

Each test queues replies (`Reply`); every POST to /v1/chat/completions takes the next one
(the last is repeated when the queue runs dry). Requests are recorded so tests can check
what the client sent. GET /v1/models answers with `owned_by`, which the backend uses to
pick its instructor mode.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Reply:
    status: int = 200
    body: Any = None  # dict → JSON; str → raw text
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    drop: bool = False  # close the connection without answering


def chat_content(content: str, *, prompt_tokens: int = 100, completion_tokens: int = 50) -> Reply:
    """A chat completion whose message content is `content` (JSON modes)."""
    return Reply(
        body=_completion(
            {"role": "assistant", "content": content}, prompt_tokens, completion_tokens
        )
    )


def chat_tool_call(
    arguments: str,
    *,
    name: str = "SummaryDraft",
    prompt_tokens: int = 100,
    completion_tokens: int = 50,
) -> Reply:
    """A chat completion with one tool call carrying `arguments` (tools mode)."""
    message = {
        "role": "assistant",
        "content": None,
        "tool_calls": [
            {"id": "call_1", "type": "function", "function": {"name": name, "arguments": arguments}}
        ],
    }
    return Reply(body=_completion(message, prompt_tokens, completion_tokens, "tool_calls"))


def _completion(
    message: dict[str, Any], prompt_tokens: int, completion_tokens: int, finish: str = "stop"
) -> dict[str, Any]:
    return {
        "id": "chatcmpl-test",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": "test-model",
        "choices": [{"index": 0, "message": message, "finish_reason": finish}],
        "usage": {
            "prompt_tokens": prompt_tokens,
            "completion_tokens": completion_tokens,
            "total_tokens": prompt_tokens + completion_tokens,
        },
    }


class FakeOpenAI:
    def __init__(self, owned_by: str = "test") -> None:
        self.owned_by = owned_by
        self.replies: list[Reply] = []
        self.requests: list[dict[str, Any]] = []
        self.lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None

    @property
    def base_url(self) -> str:
        assert self._server is not None
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/v1"

    def queue(self, *replies: Reply) -> None:
        with self.lock:
            self.replies.extend(replies)

    def _next(self) -> Reply:
        with self.lock:
            if not self.replies:
                return Reply(status=500, body={"error": {"message": "no reply queued"}})
            return self.replies.pop(0) if len(self.replies) > 1 else self.replies[0]

    def start(self) -> None:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            # Buffered writes (flushed after each request by the base class): headers and
            # body leave in one segment instead of meeting TCP delayed ACK (~40 ms a reply).
            wbufsize = 1 << 16

            def log_message(self, *args: Any) -> None:
                pass

            def _send(self, status: int, body: Any, headers: dict[str, str]) -> None:
                data = (body if isinstance(body, str) else json.dumps(body)).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                for k, v in headers.items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self) -> None:
                if self.path.rstrip("/").endswith("/models"):
                    self._send(
                        200,
                        {
                            "object": "list",
                            "data": [
                                {"id": "test-model", "object": "model", "owned_by": fake.owned_by}
                            ],
                        },
                        {},
                    )
                else:
                    self._send(404, {"error": {"message": "not found"}}, {})

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", 0))
                payload = json.loads(self.rfile.read(length) or b"{}")
                with fake.lock:
                    fake.requests.append(
                        {"path": self.path, "body": payload, "headers": dict(self.headers)}
                    )
                reply = fake._next()
                if reply.delay:
                    time.sleep(reply.delay)
                if reply.drop:
                    self.close_connection = True
                    self.connection.shutdown(2)
                    return
                self._send(reply.status, reply.body, reply.headers)

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        if self._server:
            self._server.shutdown()
            self._server.server_close()


@contextmanager
def fake_openai(owned_by: str = "test") -> Iterator[FakeOpenAI]:
    server = FakeOpenAI(owned_by)
    server.start()
    try:
        yield server
    finally:
        server.stop()
