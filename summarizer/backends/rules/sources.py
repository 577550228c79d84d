"""Sources: the channels statements are attributed through (section 3 of the annotation
guide): named outlets from the gazetteer, outlets written with a newspaper/broadcaster cue,
statements, recordings, documents, social media, and anonymous sources.

One channel is one source: two cues inside one outlet's name, a post and the platform it is
on, an outlet's common noun and its name make one record, and "the same statement" is the
one cited before. Only what the article cites is a source: a document where a citing word
stands near it, one word alone ("sources", «مصادر») near a reporting verb or an anonymity
phrase, never the wire credited in the dateline's brackets."""

from __future__ import annotations

from dataclasses import dataclass

from .actors import ActorTable, Mention, _strip_arabic_clitic
from .actors import _key as normalize
from .doc import Doc
from .lexicon import OUTLET_KINDS, load_grammar

#: Which source of a sentence an item is reported through: the channel closest to the
#: article (the outlet the statement was given to) wins over inner channels.
_PRIORITY = {
    "news_agency": 0,
    "broadcaster": 0,
    "newspaper": 0,
    "official_statement": 1,
    "audio_recording": 1,
    "document": 1,
    "social_media": 1,
    "spokesperson": 2,
    "anonymous": 3,
    "other": 4,
}
#: Cue kinds whose English cue word only names an outlet inside a capitalised title.
_TITLE_KINDS = frozenset({"newspaper", "news_agency"})
_FOOTER_CUES = load_grammar().footer_cues


@dataclass(slots=True)
class SourceRec:
    key: str
    name: str
    kind: str
    anonymous: bool
    start: int
    end: int
    sentence: int
    actor: str | None = None
    #: For channels that belong to a speaker (statements, recordings): fill the actor from
    #: the sentence's speaker.
    needs_speaker: bool = False
    #: "In the same statement", «في البيان نفسه»: the channel of that kind cited before.
    repeated: bool = False

    @property
    def priority(self) -> int:
        return _PRIORITY.get(self.kind, 4)


#: How many words from a one-word anonymous cue its reporting verb may be ("قالت مصادر
#: محلية لوكالة…", "sources close to the talks told…").
_REPORTED_WORDS = 8
#: How many words from a document its citing word may be ("a letter …, seen by Reuters").
_CITED_WORDS = 10
#: Words between a post and the platform it was posted on, and between an outlet's common
#: noun and its name ("la radio privée Golfe Étoile").
_POST_TO_PLATFORM = 6
_NOUN_TO_NAME = 3
#: The headline and the first sentence, where a dateline sits.
_DATELINE_SENTENCES = 1


def _is_footer(doc: Doc, sentence_index: int) -> bool:
    s = doc.sentences[sentence_index]
    head = doc.ntext[s.nstart : s.nend].split(" ", 1)[0]
    return head in _FOOTER_CUES and sentence_index >= len(doc.sentences) - 2


def _is_dateline_credit(doc: Doc, start: int, end: int) -> bool:
    """The agency credited in brackets in the dateline ("…, Oct 3 (AP) —"): the wire
    the story came over, a source only where the body cites it."""
    if doc.sentence_at(start).index > _DATELINE_SENTENCES:
        return False
    ostart, oend = doc.span(start, end)
    return doc.char_before(ostart) == "(" and doc.char_after(oend) == ")"


def extract_sources(doc: Doc, actors: ActorTable) -> list[SourceRec]:
    """Every source citation, in text order (one record per citation; the backend merges
    repeated citations of one channel)."""
    lex = doc.lexicon
    out: list[SourceRec] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    for start, end, entry in actors.outlets:
        si = doc.sentence_at(start).index
        if _is_footer(doc, si) or _is_dateline_credit(doc, start, end):
            continue
        name = doc.quote(start, end)
        if lex.clitics:
            name = _strip_arabic_clitic(name, doc.ntext[start:end])
        out.append(SourceRec(entry.id, name, entry.kind, False, start, end, si))
        taken.append((start, end))

    cap = doc.original_capitalised if not lex.clitics else []
    for m in doc.all_matches(lex.source_kinds):
        if not free(m.start, m.end):
            continue
        kind = m.value
        ti, tj = doc.token_index(m.start), doc.token_index(m.end - 1)
        start, end = m.start, m.end
        if not lex.clitics and kind in ("newspaper", "broadcaster", "news_agency"):
            # "The Krasnobor Daily", "Radio Centrafrique": the capitalised title around it.
            a, b = ti, tj
            sentence = doc.sentence_at(m.start)
            while (
                a > 0
                and cap[a - 1]
                and doc.tokens[a - 1][0] >= sentence.nstart
                and doc.token_text(a - 1) not in lex.not_names
                and not doc.clause_break_between(doc.tokens[a - 1][1] - 1, doc.tokens[a][0])
            ):
                a -= 1
            while (
                b + 1 < len(doc.tokens)
                and cap[b + 1]
                and doc.tokens[b + 1][1] <= sentence.nend
                and not doc.clause_break_between(doc.tokens[b][1] - 1, doc.tokens[b + 1][0])
            ):
                b += 1
            if kind in _TITLE_KINDS and a == ti and b == tj and not cap[ti]:
                continue
            start, end = doc.tokens[a][0], doc.tokens[b][1]
        elif lex.clitics and kind in ("newspaper", "broadcaster", "news_agency", "spokesperson"):
            # "صحيفة الوطن": the name that follows the cue.
            b = tj
            while b + 1 < len(doc.tokens) and b - tj < 2 and doc.token_text(b + 1).startswith("ال"):
                b += 1
            end = doc.tokens[b][1]
        overlapping = next((r for r in out if r.start < end and start < r.end), None)
        if overlapping is not None:
            # "Coastline FM radio": two cues of one outlet's name make one source.
            if overlapping.kind == kind and (end - start) > (overlapping.end - overlapping.start):
                name = _surface(doc, start, end)
                overlapping.key, overlapping.name = normalize(name), name
                overlapping.start, overlapping.end = start, end
                taken.append((start, end))
            continue
        si = doc.sentence_at(start).index
        if kind == "document" and not _cited(doc, start, end):
            continue  # "denied signing any document": what is negotiated, not a channel
        if kind == "spokesperson" and _named_person_near(doc, actors, start, end):
            continue  # "a spokesman for X, Jane Doe": the named speaker is not a source
        name = _surface(doc, start, end)
        out.append(
            SourceRec(
                normalize(name),
                name,
                kind,
                False,
                start,
                end,
                si,
                needs_speaker=kind
                in ("official_statement", "audio_recording", "social_media", "document"),
                repeated=_said_again(doc, start, end),
            )
        )
        taken.append((start, end))

    anonymous_sentences: set[int] = set()
    for m in doc.all_matches(lex.anonymous):
        si = doc.sentence_at(m.start).index
        if si in anonymous_sentences:
            continue
        if " " not in m.cue and not _reported_near(doc, m.outer_start, m.outer_end):
            continue  # "مصادر المياه", "مصدر قلق": the common noun, no one speaking
        start, end = m.start, m.end
        actor = _member_of(doc, actors, start)
        member = lex.member.search(doc.ntext, doc.sentences[si].nstart, doc.sentences[si].nend)
        if member is not None:
            start = min(start, member.start)
            actor = actor or _member_of(doc, actors, member.start)
            mention = _mention_after(doc, actors, member.end)
            if mention is not None:
                end = max(end, mention.end) if mention.start < end + 40 else end
                if start == member.start:
                    end = mention.end
            elif start == member.start:
                # "عضو في اللجنة", "a member of the committee": the words that follow.
                ti = doc.token_index(member.end)
                k = ti
                while (
                    k < len(doc.tokens)
                    and k - ti < 3
                    and not doc.clause_break_between(doc.tokens[k][0] - 1, doc.tokens[k][0])
                ):
                    t = doc.token_text(k)
                    if t in lex.stop and t not in ("the", "of"):
                        break
                    end = doc.tokens[k][1]
                    k += 1
                    if lex.clitics:
                        break
        anonymous_sentences.add(si)
        name = _surface(doc, start, end)
        out.append(SourceRec(normalize(name), name, "anonymous", True, start, end, si, actor))
    out.sort(key=lambda r: (r.start, r.end))
    # "في منشور على قناتها في تطبيق تلغرام", "in a post on its Facebook page": the post
    # and its platform are one channel, named by the platform.
    return [r for i, r in enumerate(out) if not _posted_on(doc, r, out[i + 1 : i + 2])]


def _posted_on(doc: Doc, rec: SourceRec, following: list[SourceRec]) -> bool:
    """Whether `rec` only announces the next source, a few words on: a post or a channel
    and the platform it is on ("قناة التجمع على تلغرام"), or an outlet's common noun and
    its name ("la radio locale Kivala FM", "sur les ondes de Radio Centrafrique")."""
    for nxt in following:
        if rec.sentence != nxt.sentence:
            return False
        gap = len(doc.ntext[rec.end : nxt.start].split())
        if nxt.kind == "social_media" and rec.kind in ("social_media", "broadcaster"):
            return gap <= _POST_TO_PLATFORM
        if rec.kind == nxt.kind and rec.kind in OUTLET_KINDS and rec.name.islower():
            return gap <= _NOUN_TO_NAME
    return False


def _window(doc: Doc, start: int, end: int, words: int) -> tuple[int, int]:
    """The normalised range `words` tokens either side of `start`–`end`, in its sentence."""
    sent = doc.sentence_at(start)
    ti, tj = doc.token_index(start), doc.token_index(end - 1)
    lo = doc.tokens[max(ti - words, 0)][0]
    hi = doc.tokens[min(tj + words, len(doc.tokens) - 1)][1]
    return max(lo, sent.nstart), min(hi, sent.nend)


def _reported_near(doc: Doc, start: int, end: int) -> bool:
    """Whether a reporting or denial cue ("قال", "بحسب", "told", "نفى") or an anonymity
    phrase sits within a few words of the normalised range, in its sentence: one word
    alone ("sources", «مصادر») is a source only where someone reports."""
    lo, hi = _window(doc, start, end, _REPORTED_WORDS)
    lex = doc.lexicon
    return (
        bool(doc.matches(lex.attribution, lo, hi))
        or bool(doc.matches(lex.denial, lo, hi))
        # "مصدرا في الكتائب، طلب عدم الكشف عن اسمه": the anonymity phrase.
        or any(" " in c.cue for c in doc.matches(lex.anonymous, lo, hi))
    )


def _said_again(doc: Doc, start: int, end: int) -> bool:
    """Whether a "same" word qualifies the channel ("the same statement", "le même
    communiqué", «البيان نفسه»)."""
    ti, tj = doc.token_index(start), doc.token_index(end - 1)
    near = doc.words[max(0, ti - 2) : tj + 3]
    return not doc.lexicon.same.isdisjoint(near)


def _cited(doc: Doc, start: int, end: int) -> bool:
    """Whether the document at the normalised range is cited in its sentence: a citing
    word ("seen by", "published", «نشرت», "según") within a few words of it."""
    # A search of the window only: few articles cite documents, a scan of each would cost.
    lo, hi = _window(doc, start, end, _CITED_WORDS)
    return doc.lexicon.document_cited.search(doc.ntext, lo, hi) is not None


def _named_person_near(doc: Doc, actors: ActorTable, start: int, end: int) -> bool:
    sent = doc.sentence_at(start)
    for m in actors.in_range(sent.nstart, sent.nend):
        if actors.actors[m.key].kind != "person":
            continue
        if 0 <= start - m.end < 12 or 0 <= m.start - end < 60:
            return True
    return False


def _surface(doc: Doc, start: int, end: int) -> str:
    name = doc.quote(start, end).strip(" \t\"'«»“”()[]،,.:;")
    return name or doc.quote(start, end)


def _mention_after(doc: Doc, actors: ActorTable, npos: int) -> Mention | None:
    sent = doc.sentence_at(npos)
    for m in actors.in_range(npos, sent.nend):
        gap = doc.ntext[npos : m.start].split()
        if len(gap) <= 2:
            return m
        break
    return None


def _member_of(doc: Doc, actors: ActorTable, npos: int) -> str | None:
    """The organisation named right after an anonymous cue ("a member of X", "مصادر في X")."""
    sent = doc.sentence_at(npos)
    for m in actors.in_range(npos, sent.nend):
        gap = doc.ntext[npos : m.start].split()
        # "مصادر محلية، بأن المفاوضات بين الجيش…": past a clause break the organisation
        # belongs to the reported clause, not to the sources.
        if len(gap) <= 5 and not doc.clause_break_between(npos, m.start - 1):
            return actors.side(m.key)
        break
    return None
