"""Turning what the user gives (a path, stdin bytes, a string, HTML) into article text.

Offsets in the output index the text this module returns: the decoded file, or — for
HTML — the converted text (then `meta.input.converted_from_html` is true).
"""

from __future__ import annotations

import re
import sys
import unicodedata
from dataclasses import dataclass
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

from .errors import InputError

#: Larger inputs are refused (2 million characters, about 300,000 words): well past any
#: news article, small enough that a mistaken file (a dump, a book) fails fast.
MAX_INPUT_CHARS = 2_000_000
_MAX_INPUT_BYTES = MAX_INPUT_CHARS * 4

_HTML_START = re.compile(
    r"\A\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|article|main|section|div|p)\b",
    re.IGNORECASE | re.DOTALL,
)


@dataclass(frozen=True, slots=True)
class Article:
    text: str
    encoding: str | None = None
    converted_from_html: bool = False


def decode(data: bytes) -> tuple[str, str]:
    """Decode bytes as UTF-8 (with or without BOM), UTF-16 with BOM, or CP1256 (Arabic)."""
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError("input looks binary (it contains NUL bytes): give a text or HTML file")
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as exc:
            raise InputError(
                f"input has a UTF-8 byte-order mark but is not UTF-8 ({exc.reason} at byte "
                f"{exc.start + 3}): fix or re-save the file as UTF-8"
            ) from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise InputError(
                f"input has a UTF-16 byte-order mark but does not decode: {exc}"
            ) from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError:
        text = ""
    if text and _looks_like_text(text):
        if _latin_in_disguise(text):
            raise InputError(
                "input is not UTF-8, and read as Arabic CP1256 it mixes Latin and Arabic "
                "letters inside words, as Latin-1/CP1252 text does: convert it to UTF-8 "
                "(e.g. iconv -f cp1252 -t utf-8)"
            )
        return text, "cp1256"
    raise InputError(
        "input is not UTF-8, UTF-16 or CP1256 text: convert it to UTF-8 (e.g. with iconv)"
    )


_WORD = re.compile(r"\w+")
_ASCII_LETTER = re.compile(r"[A-Za-z]")
_ARABIC_LETTER = re.compile(r"[\u0621-\u064a]")


def _latin_in_disguise(text: str) -> bool:
    """True when CP1256 turned Latin-1/CP1252 accents into Arabic letters.

    CP1256 maps most bytes of accented Latin letters (á, ñ, ü…) to Arabic letters, so such
    a file "decodes" into words like `estل`. Real Arabic text keeps its words in one script.
    """
    arabic = mixed = 0
    for word in _WORD.findall(text):
        if _ARABIC_LETTER.search(word):
            arabic += 1
            mixed += _ASCII_LETTER.search(word) is not None
    return arabic > 0 and mixed * 5 >= arabic


def _looks_like_text(text: str) -> bool:
    controls = sum(1 for c in text if unicodedata.category(c) == "Cc" and c not in "\n\r\t\f")
    return controls <= len(text) // 200


def looks_like_html(text: str) -> bool:
    return _HTML_START.match(text) is not None


class _TextExtractor(HTMLParser):
    _SKIP = frozenset({"script", "style", "noscript", "template", "head", "svg", "iframe"})
    _BLOCK = frozenset(
        [
            "address",
            "article",
            "aside",
            "blockquote",
            "br",
            "dd",
            "div",
            "dl",
            "dt",
            "figcaption",
            "figure",
            "footer",
            "form",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "header",
            "hr",
            "li",
            "main",
            "nav",
            "ol",
            "p",
            "pre",
            "section",
            "table",
            "td",
            "th",
            "tr",
            "ul",
            "title",
        ]
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self._skipping += 1
        elif tag in self._BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self._skipping = max(0, self._skipping - 1)
        elif tag in self._BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """Readable text of an HTML page: blocks become paragraphs, scripts and styles vanish."""
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    text = unescape("".join(parser.parts))
    lines = [re.sub(r"[ \t\r\f\v]+", " ", line).strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


def prepare(
    text: str,
    *,
    html: bool | None = None,
    encoding: str | None = None,
    max_chars: int = MAX_INPUT_CHARS,
) -> Article:
    """Check and, for HTML, convert `text`. `html=None` detects HTML by its opening tag."""
    converted = False
    if html or (html is None and looks_like_html(text)):
        text = html_to_text(text)
        converted = True
    if not text.strip():
        raise InputError("input is empty (no text to summarize)")
    if len(text) > max_chars:
        raise InputError(
            f"input has {len(text):,} characters, over the limit of {max_chars:,}: "
            "split it or raise --max-chars"
        )
    return Article(text=text, encoding=encoding, converted_from_html=converted)


def read(
    source: str | Path, *, html: bool | None = None, max_chars: int = MAX_INPUT_CHARS
) -> Article:
    """Read an article from a path, or from standard input when `source` is "-"."""
    if str(source) == "-":
        data = sys.stdin.buffer.read(_MAX_INPUT_BYTES + 1)
        name = "standard input"
    else:
        path = Path(source)
        if not path.exists():
            raise InputError(f"no such file: {path}")
        if path.is_dir():
            raise InputError(f"{path} is a directory: give an article file (or - for stdin)")
        try:
            with path.open("rb") as handle:
                data = handle.read(_MAX_INPUT_BYTES + 1)
        except OSError as exc:
            raise InputError(f"cannot read {path}: {exc.strerror}") from None
        name = str(path)
        if html is None and path.suffix.lower() in (".html", ".htm", ".xhtml"):
            html = True
    if len(data) > _MAX_INPUT_BYTES:
        raise InputError(f"{name} is over {_MAX_INPUT_BYTES:,} bytes: split it first")
    text, encoding = decode(data)
    return prepare(text, html=html, encoding=encoding, max_chars=max_chars)
