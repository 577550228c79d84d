"""Turning files, bytes and strings into article text, with clear errors for bad input."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SEED_DENIAL

from summarizer.errors import InputError
from summarizer.grounding import Grounder
from summarizer.inputs import decode, html_to_text, looks_like_html, prepare, read


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_missing_path(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read(tmp_path / "nope.txt")


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a directory"):
        read(tmp_path)


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n  ", b"\xef\xbb\xbf \n"])
def test_empty_or_whitespace_only(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(InputError, match="input is empty"):
        read(write(tmp_path, "a.txt", data))


def test_binary_with_nul_bytes(tmp_path: Path) -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))
    with pytest.raises(InputError, match="looks binary"):
        read(write(tmp_path, "a.txt", png))


def test_utf8_with_bom_is_stripped(tmp_path: Path, seed_text: str) -> None:
    article = read(write(tmp_path, "a.txt", b"\xef\xbb\xbf" + seed_text.encode()))
    assert article.text == seed_text and article.encoding == "utf-8-sig"


def test_utf16_with_bom(tmp_path: Path, seed_text: str) -> None:
    article = read(write(tmp_path, "a.txt", seed_text.encode("utf-16")))
    assert article.text == seed_text and article.encoding == "utf-16"


def test_cp1256_arabic_decodes_right(tmp_path: Path, seed_text: str) -> None:
    article = read(write(tmp_path, "a.txt", seed_text.encode("cp1256")))
    assert article.encoding == "cp1256"
    assert article.text == seed_text
    ev = Grounder(article.text).ground(SEED_DENIAL)
    assert article.text[ev.start : ev.end] == SEED_DENIAL


def test_undecodable_bytes_give_a_clear_error() -> None:
    # Not UTF-8, and as CP1256 mostly control characters: not text in any encoding we read.
    data = bytes([0x81, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08]) * 50
    with pytest.raises(InputError, match=r"not UTF-8, UTF-16 or CP1256 text: convert it"):
        decode(data)


@pytest.mark.parametrize(
    "text",
    [
        "El portavoz está en Bogotá; la reunión terminó sin acuerdo.\n",
        "Der Sprecher wies Berichte über Gespräche zurück.\n",
    ],
)
def test_latin1_text_is_not_taken_for_arabic(text: str) -> None:
    # CP1256 maps á, ó, ü … to Arabic letters: such a file must not decode into "estل".
    with pytest.raises(InputError, match="mixes Latin and Arabic letters"):
        decode(text.encode("cp1252"))


def test_arabic_cp1256_with_latin_words_still_decodes(seed_text: str) -> None:
    mixed = seed_text + "\nAFP, Reuters and Al Jazeera (www.aljazeera.net) reported it.\n"
    assert decode(mixed.encode("cp1256")) == (mixed, "cp1256")


def test_bom_then_invalid_utf8_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="UTF-8 byte-order mark but is not UTF-8"):
        read(write(tmp_path, "a.txt", b"\xef\xbb\xbfok \xff\xfe broken"))


def test_crlf_is_kept_so_offsets_index_the_file(tmp_path: Path) -> None:
    article = read(write(tmp_path, "a.txt", b"line one\r\nline two\r\n"))
    assert article.text == "line one\r\nline two\r\n"


HTML = """<!DOCTYPE html>
<html><head><title>T</title><style>p {color: red}</style>
<script>var x = "نفى وائل علوان";</script></head>
<body><article><h1>المعارضة تنفي</h1>
<p>نفى وائل علوان المتحدث باسم فيلق الرحمن &amp; غيره</p>
<p>second&nbsp;paragraph with <b>bold</b> text</p></article></body></html>
"""


def test_html_is_converted_and_offsets_index_the_converted_text(tmp_path: Path) -> None:
    article = read(write(tmp_path, "page.txt", HTML.encode()))
    assert article.converted_from_html
    text = article.text
    assert "<" not in text and "color" not in text and "var x" not in text
    assert "نفى وائل علوان المتحدث باسم فيلق الرحمن & غيره" in text
    assert "second\xa0paragraph with bold text" in text
    assert "\n\n" in text  # blocks became paragraphs
    ev = Grounder(text).ground(SEED_DENIAL)
    assert ev.alignment == "exact" and text[ev.start : ev.end] == SEED_DENIAL
    assert text.count(SEED_DENIAL) == 1  # the script copy is gone


def test_html_by_suffix_and_by_flag(tmp_path: Path) -> None:
    fragment = "<span>plain</span> words"
    assert not looks_like_html(fragment)
    assert read(write(tmp_path, "a.html", fragment.encode())).text == "plain words\n"
    assert not read(write(tmp_path, "a.txt", fragment.encode()), html=False).converted_from_html
    assert prepare(fragment, html=True).converted_from_html
    assert prepare(HTML, html=False).text == HTML  # told it is not HTML: left alone


def test_html_without_text_is_empty() -> None:
    with pytest.raises(InputError, match="empty"):
        prepare("<html><script>x()</script></html>")


def test_html_to_text_unescapes_entities() -> None:
    assert html_to_text("<p>a &lt;b&gt; &#1575;</p>") == "a <b> ا\n"


def test_oversized_input_gives_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"over the limit of 100: split it or raise --max-chars"):
        read(write(tmp_path, "a.txt", b"x" * 101), max_chars=100)
    assert read(write(tmp_path, "b.txt", b"x" * 100), max_chars=100).text == "x" * 100
    with pytest.raises(InputError, match="over the limit"):
        prepare("y" * 11, max_chars=10)
