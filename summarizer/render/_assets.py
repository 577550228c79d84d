"""The inline stylesheet and script of the HTML views, and the page shell that carries them.

Pages are self-contained (no external asset, works offline) and locked down by a
Content-Security-Policy meta tag: nothing loads from anywhere (`default-src 'none'`), and
only the exact inline `<style>` and `<script>` we ship run, allowed by their sha256 hashes.
Injected markup can therefore neither run script nor add style, even if escaping failed.
The script reads only `data-*` attributes that the renderer wrote; no data ever goes into
the script text or into inline event handlers (which the policy blocks anyway).
"""

from __future__ import annotations

import base64
import hashlib
import re
from html import escape

# Categories of highlighted evidence, outermost first when spans coincide: a denial or a
# claim usually contains the first mention of an actor, not the other way round.
CATEGORIES: tuple[str, ...] = ("denials", "negotiation_claims", "sources", "actors")
BADGES: dict[str, str] = {
    "denials": "DEN",
    "negotiation_claims": "NEG",
    "sources": "SRC",
    "actors": "ACT",
}
LABELS: dict[str, str] = {
    "denials": "Denial",
    "negotiation_claims": "Negotiation claim",
    "sources": "Source",
    "actors": "Actor",
}
# How each category looks without colour: the underline pattern, named in the legend.
PATTERNS: dict[str, str] = {
    "denials": "thick solid underline",
    "negotiation_claims": "double underline",
    "sources": "dashed underline",
    "actors": "dotted underline",
}

BASE_CSS = """
:root{color-scheme:light;--fg:#1b1b1b;--muted:#555;--line:#cfcfcf;--panel:#fff;
--act:#fff1a8;--den:#ffd4d4;--neg:#d3e4ff;--src:#d4f0d4;--ok:#1d6b1d;--bad:#a01818}
*{box-sizing:border-box}
body{margin:0;color:var(--fg);background:#f5f5f2;
font:15px/1.5 system-ui,"Noto Sans","Noto Naskh Arabic","DejaVu Sans",sans-serif}
header.top{padding:.8rem 1.5rem;background:var(--panel);border-bottom:1px solid var(--line)}
header.top h1{font-size:1.3rem;margin:.1rem 0 .3rem}
header.top p{margin:.2rem 0;max-width:70rem}
.kicker{color:var(--muted);font-size:.8rem;text-transform:uppercase;letter-spacing:.05em}
.legend{display:flex;flex-wrap:wrap;gap:.4rem 1.2rem;list-style:none;padding:0;margin:.6rem 0 0;
font-size:.85rem}
.legend li{display:flex;align-items:center;gap:.35rem}
.layout{display:grid;grid-template-columns:minmax(0,3fr) minmax(19rem,2fr);gap:1rem;
padding:1rem 1.5rem;align-items:start}
@media (max-width:900px){.layout{grid-template-columns:1fr}}
.article{background:var(--panel);border:1px solid var(--line);border-radius:4px;margin:0;
padding:1rem 1.25rem;white-space:pre-wrap;overflow-wrap:anywhere;line-height:2.4;
font-size:1.05rem}
.article[dir=rtl]{font-size:1.15rem}
.hl{color:inherit;background:none;padding:0 1px 1px;border-radius:2px}
mark.hl{cursor:pointer}
.hl.cat-actors{background:var(--act);border-bottom:2px dotted #6b5800}
.hl.cat-sources{background:var(--src);border-bottom:2px dashed var(--ok)}
.hl.cat-denials{background:var(--den);border-bottom:3px solid var(--bad)}
.hl.cat-negotiation_claims{background:var(--neg);border-bottom:4px double #1a4d99}
mark.h2{padding-bottom:5px}mark.h3{padding-bottom:9px}mark.h4{padding-bottom:13px}
mark.h5{padding-bottom:17px}
.hl.first::before,.badge{display:inline-block;font:700 .62rem/1.2 system-ui,sans-serif;
padding:0 .22rem;border-radius:2px;color:#fff;letter-spacing:.03em;vertical-align:.35em;
margin-inline-end:2px;unicode-bidi:isolate;direction:ltr}
.badge{vertical-align:.1em}
.hl.first.cat-actors::before{content:"ACT"}.hl.first.cat-sources::before{content:"SRC"}
.hl.first.cat-denials::before{content:"DEN"}
.hl.first.cat-negotiation_claims::before{content:"NEG"}
.hl.first.cat-actors::before,.badge.cat-actors{background:#6b5800}
.hl.first.cat-sources::before,.badge.cat-sources{background:var(--ok)}
.hl.first.cat-denials::before,.badge.cat-denials{background:var(--bad)}
.hl.first.cat-negotiation_claims::before,.badge.cat-negotiation_claims{background:#1a4d99}
mark.is-active,mark:target{outline:3px solid #000;outline-offset:1px;
box-shadow:0 0 0 6px #ffbf00}
.panel{display:flex;flex-direction:column;gap:.8rem}
.panel section,.box{background:var(--panel);border:1px solid var(--line);border-radius:4px;
padding:.6rem .9rem}
.panel h2,.box h2{font-size:1rem;margin:.1rem 0 .4rem}
.count{color:var(--muted);font-weight:400}
ol.items{list-style:none;margin:0;padding:0}
ol.items>li{border-top:1px solid #eee;padding:.4rem .3rem}
ol.items>li:first-child{border-top:0}
ol.items>li.is-selected{background:#fff6d6;outline:2px solid #ffbf00}
a.jump{color:inherit;text-decoration:none;display:block}
a.jump:hover .main,a.jump:focus .main{text-decoration:underline}
a.jump:focus-visible{outline:2px solid #1a4d99}
.main{font-weight:600}
.facts{color:var(--muted);font-size:.85rem}
.quote{display:block;margin:.2rem 0 0;padding-inline-start:.5rem;border-inline-start:3px solid
var(--line);font-size:.9rem;color:#333}
.t{unicode-bidi:isolate}
.arrow{color:var(--muted);padding:0 .25rem}
.pair{display:flex;flex-wrap:wrap;gap:.3rem;align-items:center}
.pair a{border:1px solid var(--line);border-radius:3px;padding:.1rem .35rem;color:inherit;
text-decoration:none}
.status{font-size:.72rem;font-weight:700;border-radius:3px;padding:0 .3rem;border:1px solid}
.status.matched{color:var(--ok);border-color:var(--ok)}
.status.missed{color:var(--bad);border-color:var(--bad);border-style:dashed}
.status.spurious{color:#8a4b00;border-color:#8a4b00;border-style:dotted}
.status.optional{color:var(--muted);border-color:var(--muted)}
.status.unmatched{color:var(--bad);border-color:var(--bad)}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:.15rem .8rem;margin:0;
font-size:.88rem}
dl.meta dt{color:var(--muted)}dl.meta dd{margin:0;overflow-wrap:anywhere}
ul.warnings{margin:.2rem 0;padding-inline-start:1.2rem;color:#8a4b00}
.empty{color:var(--muted);font-style:italic}
""".strip()

BASE_JS = """
(function () {
  "use strict";
  function all(sel, root) {
    return Array.prototype.slice.call((root || document).querySelectorAll(sel));
  }
  var marks = all("mark[data-item]");
  var entries = all("[data-entry]");
  function select(ids) {
    var want = new Set(ids);
    var first = null;
    marks.forEach(function (m) {
      var on = want.has(m.getAttribute("data-item"));
      m.classList.toggle("is-active", on);
      if (on) { m.setAttribute("aria-current", "true"); if (!first) { first = m; } }
      else { m.removeAttribute("aria-current"); }
    });
    var entry = null;
    entries.forEach(function (e) {
      var on = want.has(e.getAttribute("data-entry"));
      e.classList.toggle("is-selected", on);
      if (on && !entry) { entry = e; }
    });
    return { mark: first, entry: entry };
  }
  function reveal(el) {
    var d = el.closest("details");
    while (d) { d.open = true; d = d.parentElement ? d.parentElement.closest("details") : null; }
    el.scrollIntoView({ block: "center" });
  }
  document.addEventListener("click", function (ev) {
    var el = ev.target instanceof Element ? ev.target : null;
    if (!el) { return; }
    var link = el.closest("[data-target]");
    if (link) {
      ev.preventDefault();
      var ids = link.getAttribute("data-target").split(/\\s+/).filter(Boolean);
      var hit = select(ids);
      if (hit.mark) { reveal(hit.mark); } else if (hit.entry) { reveal(hit.entry); }
      return;
    }
    var mark = el.closest("mark[data-item]");
    if (mark) {
      var hit2 = select([mark.getAttribute("data-item")]);
      if (hit2.entry) { hit2.entry.scrollIntoView({ block: "nearest" }); }
    }
  });
  document.documentElement.setAttribute("data-ready", "1");
})();
""".strip()

_LANG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")
#: Languages written right to left (ISO 639-1, plus a few common 639-2/3 codes).
RTL_LANGUAGES = frozenset({"ar", "fa", "he", "ur", "yi", "ps", "sd", "ug", "dv", "ckb", "arz"})


def csp_hash(content: str) -> str:
    """The CSP source expression allowing exactly this inline element content."""
    digest = hashlib.sha256(content.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def content_security_policy(css: str, js: str) -> str:
    return (
        "default-src 'none'; "
        f"style-src {csp_hash(css)}; "
        f"script-src {csp_hash(js)}; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )


def lang_code(language: str | None) -> str | None:
    """`language` if it is a plausible BCP 47 tag (it ends up in a `lang` attribute)."""
    if language and _LANG.match(language):
        return language.lower()
    return None


def direction(language: str | None) -> str:
    """`rtl` for right-to-left languages, `ltr` for others, `auto` when unknown."""
    code = lang_code(language)
    if code is None or code in ("und", "mul", "zxx"):
        return "auto"
    return "rtl" if code.split("-")[0] in RTL_LANGUAGES else "ltr"


def esc(value: object) -> str:
    """Text or attribute value, escaped; CR kept as a reference so it survives parsing."""
    return escape(str(value), quote=True).replace("\r", "&#13;")


def page(title: str, body: str, *, css: str = BASE_CSS, js: str = BASE_JS) -> str:
    """A complete HTML document around `body` (already-escaped markup)."""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en" dir="ltr">\n<head>\n<meta charset="utf-8">\n'
        '<meta http-equiv="Content-Security-Policy" '
        f'content="{content_security_policy(css, js)}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title)}</title>\n"
        f"<style>{css}</style>\n</head>\n<body>\n{body}\n<script>{js}</script>\n</body>\n</html>\n"
    )
