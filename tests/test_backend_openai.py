"""The openai backend against a real OpenAI-compatible HTTP server on loopback: modes,
transport retries, validation re-asks, grounding re-asks, metadata and secrets."""

from __future__ import annotations

import json
from typing import Any

import pytest
from conftest import (
    MISSING_QUOTE,
    SEED_CLAIM,
    SEED_DENIAL,
    as_json,
    fast_options,
    seed_draft,
)
from fake_openai import FakeOpenAI, Reply, chat_content, chat_tool_call, fake_openai

from summarizer import BackendError, Summarizer
from summarizer.schemas import StructuredSummary

RETRY_NOW = {"Retry-After": "0"}


def run(srv: FakeOpenAI, text: str, **overrides: Any) -> StructuredSummary:
    with Summarizer(**fast_options(srv, **overrides)) as s:
        return s.summarize(text)


def check_seed_summary(out: StructuredSummary, text: str) -> None:
    out.check_grounding(text)
    assert [a.id for a in out.actors] == ["alwan", "faylaq", "russia"]
    d = out.denials[0].evidence
    assert d.alignment == "exact" and text[d.start : d.end] == SEED_DENIAL
    c = out.negotiation_claims[0].evidence
    assert c.alignment == "normalized" and text[c.start : c.end] == SEED_CLAIM
    assert [(k.claim, k.denial) for k in out.contradictions] == [(0, 0)]


def messages(request: dict[str, Any]) -> list[dict[str, Any]]:
    msgs: list[dict[str, Any]] = request["body"]["messages"]
    return msgs


def header(request: dict[str, Any], name: str) -> str | None:
    found = [v for k, v in request["headers"].items() if k.lower() == name.lower()]
    return found[0] if found else None


def all_text(request: dict[str, Any]) -> str:
    return json.dumps(request["body"], ensure_ascii=False)


# -- modes ---------------------------------------------------------------------------------


def test_tool_call_reply(server: FakeOpenAI, seed_text: str) -> None:
    server.queue(
        chat_tool_call(as_json(seed_draft(seed_text)), prompt_tokens=120, completion_tokens=40)
    )
    out = run(server, seed_text)
    check_seed_summary(out, seed_text)
    assert len(server.requests) == 1
    body = server.requests[0]["body"]
    assert body["tool_choice"]["function"]["name"] == "SummaryDraft"
    assert body["tools"][0]["function"]["name"] == "SummaryDraft"
    assert body["model"] == "test-model"  # the server's first model, from /models
    assert body["temperature"] == 0.0
    assert messages(server.requests[0])[1]["content"].count(seed_text) == 1
    assert out.meta is not None
    assert out.meta.mode == "tools" and out.meta.attempts == 1
    assert (out.meta.usage.prompt_tokens, out.meta.usage.completion_tokens) == (120, 40)


@pytest.mark.parametrize(("owned_by", "mode"), [("llamacpp", "auto"), ("me", "json_schema")])
def test_json_content_reply_in_json_schema_mode(owned_by: str, mode: str, seed_text: str) -> None:
    with fake_openai(owned_by) as srv:
        srv.queue(chat_content(as_json(seed_draft(seed_text))))
        out = run(srv, seed_text, mode=mode)
    check_seed_summary(out, seed_text)
    body = srv.requests[0]["body"]
    assert body["response_format"]["type"] == "json_schema"
    assert "tools" not in body
    assert out.meta is not None and out.meta.mode == "json_schema"


def test_markdown_fenced_json_in_md_json_mode(server: FakeOpenAI, seed_text: str) -> None:
    reply = (
        "Here it is:\n```json\n"
        + json.dumps(seed_draft(seed_text), indent=1, ensure_ascii=False)
        + "\n```\n"
    )
    server.queue(chat_content(reply))
    out = run(server, seed_text, mode="md_json")
    check_seed_summary(out, seed_text)
    assert out.meta is not None and out.meta.mode == "md_json"
    assert "tools" not in server.requests[0]["body"]


# -- transport retries ---------------------------------------------------------------------


def test_429_with_retry_after_then_success(server: FakeOpenAI, seed_text: str) -> None:
    server.queue(
        Reply(status=429, headers=RETRY_NOW, body={"error": {"message": "slow down"}}),
        chat_tool_call(as_json(seed_draft(seed_text))),
    )
    out = run(server, seed_text)
    check_seed_summary(out, seed_text)
    assert len(server.requests) == 2
    assert out.meta is not None and out.meta.attempts == 1  # one reply from the model


def test_500_then_success(server: FakeOpenAI, seed_text: str) -> None:
    # No Retry-After: the exponential backoff (0.5 s initial) applies once.
    server.queue(
        Reply(status=500, body={"error": {"message": "boom"}}),
        chat_tool_call(as_json(seed_draft(seed_text))),
    )
    out = run(server, seed_text)
    check_seed_summary(out, seed_text)
    assert len(server.requests) == 2


def test_a_timeout_then_success(server: FakeOpenAI, seed_text: str) -> None:
    reply = chat_tool_call(as_json(seed_draft(seed_text)))
    server.queue(Reply(status=200, body=reply.body, delay=1.5), reply)
    out = run(server, seed_text, timeout=0.4)
    check_seed_summary(out, seed_text)
    assert len(server.requests) == 2


def test_a_timeout_on_every_attempt_is_a_backend_error(server: FakeOpenAI, seed_text: str) -> None:
    server.queue(Reply(status=200, body={}, delay=1.5))
    with pytest.raises(BackendError, match="timed out"):
        run(server, seed_text, timeout=0.3, max_retries=1)
    assert len(server.requests) == 2


def test_retries_exhausted_is_a_backend_error(server: FakeOpenAI, seed_text: str) -> None:
    server.queue(Reply(status=503, headers=RETRY_NOW, body={"error": {"message": "down"}}))
    with pytest.raises(BackendError) as exc:
        run(server, seed_text, max_retries=2)
    assert "HTTP 503" in str(exc.value) and server.base_url in str(exc.value)
    assert len(server.requests) == 3  # the call and two retries


def test_a_client_error_is_not_retried(server: FakeOpenAI, seed_text: str) -> None:
    server.queue(Reply(status=400, body={"error": {"message": "tools are not supported"}}))
    with pytest.raises(BackendError, match=r"HTTP 400.*try another --mode"):
        run(server, seed_text, max_retries=3)
    assert len(server.requests) == 1


# -- validation re-asks --------------------------------------------------------------------


def test_malformed_json_then_a_valid_reask(server: FakeOpenAI, seed_text: str) -> None:
    server.queue(
        chat_tool_call('{"language": "ar", "headline": ', prompt_tokens=100, completion_tokens=10),
        chat_tool_call(as_json(seed_draft(seed_text)), prompt_tokens=300, completion_tokens=70),
    )
    out = run(server, seed_text)
    check_seed_summary(out, seed_text)
    assert len(server.requests) == 2
    assert "json" in all_text(server.requests[1]).lower()
    assert out.meta is not None
    assert out.meta.attempts == 2
    assert (out.meta.usage.prompt_tokens, out.meta.usage.completion_tokens) == (400, 80)


def test_dangling_reference_then_a_valid_reask(server: FakeOpenAI, seed_text: str) -> None:
    bad = seed_draft(seed_text)
    bad["denials"][0]["denier"] = "ghost"
    server.queue(chat_tool_call(as_json(bad)), chat_tool_call(as_json(seed_draft(seed_text))))
    out = run(server, seed_text)
    check_seed_summary(out, seed_text)
    assert len(server.requests) == 2
    reask = all_text(server.requests[1])
    assert "denials[0].denier refers to actor 'ghost', which is not in `actors`" in reask
    assert "refers to actor" not in all_text(server.requests[0])


def test_invalid_after_every_reask_is_repaired_with_a_warning(
    server: FakeOpenAI, seed_text: str
) -> None:
    bad = seed_draft(seed_text)
    bad["denials"][0]["counterparties"] = ["russia", "ghost"]
    server.queue(chat_tool_call(as_json(bad)))
    out = run(server, seed_text, max_reasks=1)
    assert len(server.requests) == 2
    assert out.denials[0].counterparties == ["russia"]
    assert out.meta is not None
    warnings = "\n".join(out.meta.warnings)
    assert "failed validation after 1 re-ask(s) and was repaired" in warnings
    assert "reference to unknown or dropped actor 'ghost'" in warnings


def test_blank_quotes_after_every_reask_are_dropped(server: FakeOpenAI, seed_text: str) -> None:
    bad = seed_draft(seed_text, extra_denial="  ")
    server.queue(chat_tool_call(as_json(bad)))
    out = run(server, seed_text, max_reasks=0)
    assert len(out.denials) == 1
    assert out.meta is not None
    assert any("denials[1]: its quote is empty" in w for w in out.meta.warnings)


def test_never_valid_json_is_a_backend_error(server: FakeOpenAI, seed_text: str) -> None:
    server.queue(chat_tool_call("not json at all"))
    with pytest.raises(BackendError, match="no valid reply after 2 call"):
        run(server, seed_text, max_reasks=1)
    assert len(server.requests) == 2


# -- grounding re-ask ----------------------------------------------------------------------


def test_grounding_reask_fixes_the_quote(server: FakeOpenAI, seed_text: str) -> None:
    fixed_quote = "كما نفى الناطق الرسمي لحركة أحرار الشام الإسلامية"
    first = seed_draft(seed_text, extra_denial=MISSING_QUOTE)
    second = seed_draft(seed_text, extra_denial=fixed_quote)
    server.queue(chat_tool_call(as_json(first)), chat_tool_call(as_json(second)))
    out = run(server, seed_text)
    assert len(server.requests) == 2  # exactly one extra request
    reask = messages(server.requests[1])
    assert reask[-1]["role"] == "user" and MISSING_QUOTE in reask[-1]["content"]
    assert "denials[1]" in reask[-1]["content"]
    assert reask[-2]["role"] == "assistant" and MISSING_QUOTE in reask[-2]["content"]
    assert reask[:2] == messages(server.requests[0])[:2]
    assert len(out.denials) == 2
    ev = out.denials[1].evidence
    assert ev.alignment == "exact" and seed_text[ev.start : ev.end] == fixed_quote
    assert out.meta is not None and out.meta.attempts == 2
    assert not any(MISSING_QUOTE in w for w in out.meta.warnings)


def test_grounding_reask_still_ungrounded_is_dropped(server: FakeOpenAI, seed_text: str) -> None:
    data = seed_draft(seed_text, extra_denial=MISSING_QUOTE)
    data["contradictions"].append({"claim": 0, "denial": 1, "note": "n"})
    server.queue(chat_tool_call(as_json(data)))
    out = run(server, seed_text)
    assert len(server.requests) == 2
    assert len(out.denials) == 1 and len(out.contradictions) == 1
    assert out.meta is not None
    assert any(w.startswith("dropped denials[1]: quote not in the text") for w in out.meta.warnings)


def test_grounding_reask_can_be_turned_off(server: FakeOpenAI, seed_text: str) -> None:
    server.queue(chat_tool_call(as_json(seed_draft(seed_text, extra_denial=MISSING_QUOTE))))
    out = run(server, seed_text, grounding_reask=False, keep_ungrounded=True)
    assert len(server.requests) == 1
    assert out.denials[1].evidence.alignment == "unmatched"
    assert out.denials[1].evidence.start is None


def test_a_failed_grounding_reask_keeps_the_first_answer(
    server: FakeOpenAI, seed_text: str
) -> None:
    server.queue(
        chat_tool_call(as_json(seed_draft(seed_text, extra_denial=MISSING_QUOTE))),
        Reply(status=500, headers=RETRY_NOW, body={"error": {"message": "gone"}}),
    )
    out = run(server, seed_text, max_retries=0)
    check_seed_summary(out, seed_text)
    assert out.meta is not None
    assert any(w.startswith("grounding re-ask failed") for w in out.meta.warnings)


# -- metadata and secrets ------------------------------------------------------------------


@pytest.mark.parametrize("via_env", [False, True])
def test_meta_and_no_secret_in_output(
    via_env: bool, seed_text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    secret = "sk-secret-123"
    with fake_openai("me") as srv:
        srv.queue(
            chat_tool_call(
                as_json(seed_draft(seed_text, extra_denial=MISSING_QUOTE)),
                prompt_tokens=11,
                completion_tokens=5,
            ),
            chat_tool_call(as_json(seed_draft(seed_text)), prompt_tokens=13, completion_tokens=7),
        )
        options = fast_options(srv, model="my-model")
        if via_env:
            monkeypatch.setenv("OPENAI_API_KEY", secret)
            monkeypatch.setenv("OPENAI_BASE_URL", options.pop("base_url") + "/?token=abc")
            options.pop("backend")
        else:
            options["api_key"] = secret
        with Summarizer(**options) as s:
            out = s.summarize(seed_text)
            prompt_hash = s.prompt_hash
    dumped = out.model_dump_json()
    assert secret not in dumped and "token=abc" not in dumped
    assert all(header(r, "Authorization") == f"Bearer {secret}" for r in srv.requests)
    assert srv.requests[0]["body"]["model"] == "my-model"
    meta = out.meta
    assert meta is not None
    assert (meta.backend, meta.model, meta.base_url) == ("openai", "my-model", srv.base_url)
    assert meta.prompt_hash == prompt_hash and prompt_hash
    assert meta.attempts == 2
    assert (meta.usage.prompt_tokens, meta.usage.completion_tokens) == (24, 12)
    assert meta.input.chars == len(seed_text) and meta.chunks == 1
    assert meta.timings["model_s"] > 0 and meta.timings["overhead_s"] >= 0
    assert meta.latency_s >= meta.timings["model_s"]
    assert secret not in repr(s.settings)


def test_no_key_still_sends_a_placeholder(server: FakeOpenAI, seed_text: str) -> None:
    server.queue(chat_tool_call(as_json(seed_draft(seed_text))))
    run(server, seed_text)
    assert (header(server.requests[0], "Authorization") or "").startswith("Bearer ")


async def _arun(srv: FakeOpenAI, text: str) -> StructuredSummary:
    with Summarizer(**fast_options(srv)) as s:
        return await s.asummarize(text)


def test_async_path_matches_the_sync_path(server: FakeOpenAI, seed_text: str) -> None:
    import asyncio

    server.queue(
        Reply(status=429, headers=RETRY_NOW, body={"error": {"message": "slow"}}),
        chat_tool_call(as_json(seed_draft(seed_text, extra_denial=MISSING_QUOTE))),
        chat_tool_call(as_json(seed_draft(seed_text))),
    )
    out = asyncio.run(_arun(server, seed_text))
    check_seed_summary(out, seed_text)
    assert len(server.requests) == 3
    assert out.meta is not None and out.meta.attempts == 2


def test_credentials_in_the_base_url_stay_out_of_the_output(
    server: FakeOpenAI, seed_text: str
) -> None:
    server.queue(chat_tool_call(as_json(seed_draft(seed_text))))
    url = server.base_url.replace("http://", "http://user:sk-in-url-42@") + "?key=sk-q-7"
    out = run(server, seed_text, base_url=url)
    dumped = out.model_dump_json()
    assert "sk-in-url-42" not in dumped and "sk-q-7" not in dumped
    assert out.meta is not None and out.meta.base_url == server.base_url
