"""Function words by class (pronouns, articles, auxiliaries, particles…), read from the
`[grammar]` table of each language's lexicon.

The rules look a word up in the union of every language's class (`load_grammar()`): articles mix
languages (names, quotes, wire copy), the classes are small, and a word is then found
without first deciding the language of its sentence. Only `articles` is read per language
(`Lexicon.grammar`), where a word is an article in one language and a verb in another
(English "a", French "a"). So a language is added with its lexicon file alone: its words
join every class the rules consult.

Words are normalised when loaded (`summarizer.textnorm.normalize`), like every cue, except
`auxiliaries`, which the rules compare with the text as written: French "a" is an
auxiliary, "à" is not.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from typing import Any

from ...textnorm import normalize

#: Classes compared with the text as written (lower case, accents kept).
_AS_WRITTEN = frozenset({"auxiliaries"})


@dataclass(frozen=True, slots=True)
class Grammar:
    """Word classes, by the key they have in the files (`and_`, `with_`: "and", "with")."""

    #: Subject pronouns: a verb after one takes the person it refers back to.
    pronouns: frozenset[str]
    #: Subject pronouns that never stand for a person.
    neuter_pronouns: frozenset[str]
    #: First-person pronouns and denial forms: the speaker denies in its own name.
    first_person: frozenset[str]
    #: Adverbs between a subject pronoun and its verb ("He also denied", "Il a
    #: toutefois démenti").
    sentence_adverbs: frozenset[str]
    #: Auxiliaries and object clitics between a subject pronoun and its verb ("Il y
    #: dément", "He has denied").
    pronoun_clitics: frozenset[str]
    #: Auxiliaries as written, accents kept (French "a" is not "à"): a verb phrase
    #: begins.
    auxiliaries: frozenset[str]
    #: Auxiliaries of past tenses: a negated past verb asserts, it does not refuse
    #: ("n'a rencontré personne").
    past_auxiliaries: frozenset[str]
    #: Auxiliaries of a passive ("was denied by", "a été démenti par").
    passive_auxiliaries: frozenset[str]
    #: The preposition that names a passive's agent.
    agent_prepositions: frozenset[str]
    #: Auxiliaries that open an infinitive clause, a proposition like a "that" clause
    #: ("denied having paid").
    infinitive_openers: frozenset[str]
    #: Modal, future and hope markers: an agreement that "could be signed" is not yet
    #: agreed.
    modals: frozenset[str]
    #: Conditional markers: "if the factions reject the offer" asserts no refusal.
    conditionals: frozenset[str]
    #: Words after which a status is background, not the claim's ("despite the
    #: refusal").
    concessive: frozenset[str]
    #: Disjunctions that carry a negation over to the verb after them ("neither …
    #: nor").
    disjunctions: frozenset[str]
    #: Negative objects that cancel the verb before them ("signed nothing").
    negative_objects: frozenset[str]
    #: Words that give a verb the subject of the verb before it ("also denied", «كما
    #: نفى»).
    coordinators: frozenset[str]
    #: Words for "and" that stand alone.
    and_: frozenset[str]
    #: Words for "with" and "between" before the other side of talks.
    with_: frozenset[str]
    #: Words that open what is denied or reported ("denied that", «نفى أن»).
    complementizers: frozenset[str]
    #: Words that open a reported clause: bodies named before one are the frame of the
    #: report (speaker, audience, venue), not parties.
    reported_clause: frozenset[str]
    #: Relative pronouns that make the verb after them the antecedent's ("…, which
    #: said").
    relatives: frozenset[str]
    #: Two-word relatives whose second word would otherwise read as a negator («وهو ما
    #: نفاه»: which … denied).
    relative_pairs: frozenset[tuple[str, ...]]
    #: Verbs of continuing that a negator right before turns into "still" («ما زال
    #: يتفاوض», «لا تزال المحادثات», "no deja de negociar"): that negator negates nothing.
    continuity_verbs: frozenset[str]
    #: Definite articles ("with the army", "el penal", "la Fédération").
    definite_articles: frozenset[str]
    #: Articles before a plural group name ("the Houthis", "Los Halcones").
    plural_articles: frozenset[str]
    #: Indefinite articles: one opens an apposition describing the body before it ("…,
    #: a regional bloc").
    indefinite_articles: frozenset[str]
    #: Articles that open a noun phrase in this language only ("a" is an article only
    #: in English).
    articles: frozenset[str]
    #: Articles before a title in apposition ("Idris Halloran, a spokesman for…").
    apposition_articles: frozenset[str]
    #: Determiners before an anonymous speaker's noun ("two officials", "une source").
    determiners: frozenset[str]
    #: Determiners that refer back to something named before ("that offer", "cette
    #: offre").
    back_references: frozenset[str]
    #: Numerals that make the plural after them a pair of sides ("the two militias").
    two: frozenset[str]
    #: Possessive determiners before a title ("its spokesman", "son porte-parole").
    possessives: frozenset[str]
    #: Words around a title that are not the title ("of", "its", «باسم»): stripped to
    #: get the title alone.
    title_frame: frozenset[str]
    #: Words after a title that start its complement ("the governor of Tumbala").
    title_links: frozenset[str]
    #: Words that end a title whose complement is the body its holder speaks for
    #: («المتحدث باسم X»), whether or not a head word names that body.
    body_links: frozenset[str]
    #: Words between a person's name and the body they belong to ("Daniel Okumbe of the
    #: United Lakes Party").
    member_links: frozenset[str]
    #: Titles of state officials, as a role holds them ("minister", "ministro", "gouverneur"):
    #: a person so titled whom no body claims belongs to the article's one government.
    state_titles: frozenset[str]
    #: Lowercase particles inside Latin-script names ("Hassan al-Masri", "Ludwig van
    #: Beethoven").
    name_particles: frozenset[str]
    #: Words linking a place noun to its name ("the town of X", "departamento de X").
    place_links: frozenset[str]
    #: What may stand between a generic government word and the body it governs ("the
    #: government of the province").
    government_links: frozenset[str]
    #: Words that end an indefinite apposition's noun phrase ("a regional bloc whose
    #: envoy").
    apposition_ends: frozenset[str]
    #: Words between a company officer's title and the company ("director of Serati").
    company_links: frozenset[str]
    #: Prepositions of purpose: a lowercase word after one opens a clause, not a name.
    purpose: frozenset[str]
    #: Words between a self-naming phrase and the name, besides the definite articles
    #: («اسم»).
    self_name_words: frozenset[str]
    #: Plural names of texts and events, not groups ("the Geneva Conventions").
    document_plurals: frozenset[str]
    #: Collective words for a story's insurgents ("the rebels", «المسلحين»).
    rebels: frozenset[str]
    #: Plurals of communities that the names before them each are ("the X and Y
    #: clans").
    community_plurals: frozenset[str]
    #: Heads that may stand for any group ("the group"), unlike "the church" or "the
    #: company".
    collective_heads: frozenset[str]
    #: Nouns that name an anonymous speaker, as opposed to a manner phrase ("on
    #: condition of anonymity").
    speaker_nouns: frozenset[str]
    #: Plural anonymous speakers: a group of people rather than one person.
    plural_speakers: frozenset[str]
    #: Words that end an anonymous source's qualifier ("sources who", «قولها»: the
    #: saying, not the source).
    anonymous_stops: frozenset[str]
    #: Prepositions that open the qualifier of an anonymous speaker ("a source in the
    #: ministry").
    anonymous_prepositions: frozenset[str]
    #: Adjective → the kind of body it ties an anonymous source to ("a military source").
    institutions: Mapping[str, str]
    #: Words before a reporting verb that make it part of an anonymity phrase («عدم ذكر
    #: اسمه»).
    withholding: frozenset[str]
    #: Words that introduce a cited source inside an attribution ("citing", «نقلا عن»).
    citing: frozenset[str]
    #: Reporting verbs that attribute only with a citing word after them («نقلت وكالة
    #: رويترز عن مسؤول»).
    chain_verbs: frozenset[str]
    #: Cues that name their speaker after them ("according to X", «بحسب X»).
    speaker_after: frozenset[str]
    #: Words that make a negotiation word background ("similar deals").
    similar: frozenset[str]
    #: Time adverbs between a denier and the denied clause.
    time_words: frozenset[str]
    #: Objects of a refusal verb that make it a refusal to comment, not to negotiate.
    comment_words: frozenset[str]
    #: Words that make a body a mediator by name ("the national mediation office").
    mediation_words: frozenset[str]
    #: The preposition that gives what a report says (ما تداولته حسابات «عن» وجود…).
    reported_about: frozenset[str]
    #: Particles that may open a clause before its verb («فقد نفى», «كما نفت»).
    verb_particles: frozenset[str]
    #: Particles carrying the subject pronoun of the verb after them («لكنها نفت»).
    pronoun_particles: frozenset[str]
    #: Particles after which a clause may open with a name.
    clause_particles: frozenset[str]
    #: Negators that only ever precede a verb.
    verb_negators: frozenset[str]
    #: Function words that begin like a definite noun once normalised (إلى → الي،
    #: الذي).
    article_lookalikes: frozenset[str]
    #: Prepositions before a place inside a title («المبعوث إلى المنطقة»).
    title_place_prepositions: frozenset[str]
    #: Nouns a statement is given to («لمراسل الجزيرة»): after ل they end an
    #: organisation's name.
    audience_nouns: frozenset[str]
    #: Heads of an organisation's own offices (its media or political office).
    office_heads: frozenset[str]
    #: "General" after a head («الاتحاد العام»): an adjective here, whatever the stop
    #: list says.
    general_adjectives: frozenset[str]
    #: Heads that "general" makes a public authority («الهيئة العامة»), not a political
    #: body.
    public_heads: frozenset[str]
    #: Words that open a tribe's or a family's name («بني حسان», «آل مرة»).
    tribal_openers: frozenset[str]
    #: Words that open a closing source line ("Source: …", «المصدر»).
    footer_cues: frozenset[str]


#: The key of each field in the files: Python keywords take a trailing underscore.
_KEYS = {f.name: f.name.rstrip("_") for f in fields(Grammar)}


def norm_set(values: Iterable[str]) -> frozenset[str]:
    """The non-empty normalised forms of `values`, as cues and word classes are compared."""
    return frozenset(n for n in (normalize(v) for v in values) if n)


def _words(values: Iterable[str], key: str) -> frozenset[str]:
    if key in _AS_WRITTEN:
        return frozenset(v.lower() for v in values if v.strip())
    return norm_set(values)


def _check(source: str, table: Mapping[str, Any]) -> None:
    known = set(_KEYS.values())
    for key, value in table.items():
        if key not in known:
            raise ValueError(
                f"{source}: [grammar] has no word class {key!r}; rename it to one of "
                f"{', '.join(sorted(known))}, or add the class to `Grammar` with code "
                f"that reads it"
            )
        words = value.values() if isinstance(value, Mapping) else [value]
        for group in words:
            if not isinstance(group, list) or not all(isinstance(w, str) for w in group):
                raise ValueError(
                    f"{source}: [grammar] {key} must be a list of strings"
                    + (" per kind" if key == "institutions" else "")
                )


def build_grammar(tables: Iterable[tuple[str, Mapping[str, Any]]]) -> Grammar:
    """The union of `[grammar]` tables, given as (where it comes from, table) pairs."""
    merged: dict[str, set[Any]] = {key: set() for key in _KEYS.values()}
    institutions: dict[str, str] = {}
    for source, table in tables:
        _check(source, table)
        for key, value in table.items():
            if key == "institutions":
                for kind, words in value.items():
                    institutions.update(dict.fromkeys(_words(words, key), kind))
            elif key == "relative_pairs":
                merged[key] |= {tuple(p.split()) for p in _words(value, key)}
            else:
                merged[key] |= _words(value, key)
    values: dict[str, Any] = {
        name: institutions if key == "institutions" else frozenset(merged[key])
        for name, key in _KEYS.items()
    }
    return Grammar(**values)
