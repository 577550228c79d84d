"""The offline rules backend: the seed article end to end, the non-denial traps, refusals,
diacritics, determinism, exact grounding, and an English article."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summarizer import Summarizer
from summarizer.backends import create_backend
from summarizer.backends.rules import RulesBackend, available_languages, extract, load_lexicon
from summarizer.schemas import StructuredSummary, SummaryDraft
from summarizer.settings import Settings
from summarizer.textnorm import normalize

FIXTURES = Path(__file__).resolve().parent.parent / "evals" / "fixtures"


@pytest.fixture(scope="module")
def rules() -> Summarizer:
    return Summarizer(backend="rules")


@pytest.fixture(scope="module")
def seed_summary(rules: Summarizer) -> StructuredSummary:
    text = (FIXTURES / "ar_001_ghouta_seed.txt").read_text(encoding="utf-8")
    return rules.summarize(text)


def _actor_names(summary: StructuredSummary) -> dict[str, str]:
    return {a.id: a.name for a in summary.actors}


def _denier_names(summary: StructuredSummary) -> list[str]:
    names = _actor_names(summary)
    return [names[d.denier] for d in summary.denials]


# -- contract ---------------------------------------------------------------------------


def test_backend_contract() -> None:
    backend = create_backend(Settings(backend="rules"))
    assert isinstance(backend, RulesBackend)
    assert backend.name == "rules" and backend.uses_prompt is False
    assert backend.model and backend.model.startswith("rules-")
    completion = backend.complete([], "Reuters said the army denied any talks with the rebels.")
    assert completion.attempts == 1
    assert completion.usage.total_tokens == 0
    # The draft is a valid model answer: ids unique, every reference resolves.
    SummaryDraft.model_validate(completion.draft.model_dump())


def test_auto_backend_without_model_is_rules() -> None:
    assert isinstance(create_backend(Settings(backend="auto")), RulesBackend)


def test_every_lexicon_loads_and_languages_are_data() -> None:
    languages = available_languages()
    assert {"ar", "en", "fr"} <= set(languages)
    for code in languages:
        lex = load_lexicon(code)
        assert lex.code == code
        assert lex.denial and lex.attribution and lex.negotiation and lex.status
    # Unknown languages fall back to the English lexicon rather than failing.
    assert load_lexicon("xx").code == "en"


# -- the seed article -------------------------------------------------------------------


def test_seed_denials_by_the_spokespersons(seed_summary: StructuredSummary) -> None:
    deniers = _denier_names(seed_summary)
    assert "وائل علوان" in deniers
    assert "منذر فارس" in deniers
    assert any(name.startswith("فصائل المعارضة السورية المسلحة") for name in deniers)
    names = _actor_names(seed_summary)
    by_id = {a.id: a for a in seed_summary.actors}
    for d in seed_summary.denials:
        assert d.evidence.alignment == "exact"
        assert "نف" in d.evidence.quote  # the denial verb is in the evidence
        assert (
            names[d.denier] in d.evidence.quote
            or any(alias in d.evidence.quote for alias in by_id[d.denier].aliases)
            or d.denier in {a.id for a in seed_summary.actors if a.kind != "person"}
        )
        assert [names[c] for c in d.counterparties] == ["روسيا"]
    alwan = next(a for a in seed_summary.actors if a.name == "وائل علوان")
    assert alwan.kind == "person" and alwan.role == "spokesperson"
    assert alwan.affiliation is not None and names[alwan.affiliation] == "فيلق الرحمن"


def test_seed_reconciliation_centre_claim(seed_summary: StructuredSummary) -> None:
    names = _actor_names(seed_summary)
    centre_claims = [
        c for c in seed_summary.negotiation_claims if names[c.claimant].startswith("مركز المصالحة")
    ]
    assert centre_claims, "the centre's announcement of progress in negotiations"
    claim = centre_claims[0]
    assert claim.status == "ongoing"
    assert "أعلن تقدم عملية المفاوضات" in claim.evidence.quote
    assert any(
        seed_summary.negotiation_claims[k.claim] is claim for k in seed_summary.contradictions
    )


def test_seed_refusal_is_a_claim_not_a_denial(seed_summary: StructuredSummary) -> None:
    names = _actor_names(seed_summary)
    refused = {names[c.claimant] for c in seed_summary.negotiation_claims if c.status == "refused"}
    assert {"جيش الإسلام", "فيلق الرحمن"} <= refused
    assert not any("رفضهما" in d.evidence.quote for d in seed_summary.denials)


def test_seed_sources(seed_summary: StructuredSummary) -> None:
    kinds = {(s.name, s.kind) for s in seed_summary.sources}
    assert ("وكالة الصحافة الفرنسية", "news_agency") in kinds
    assert ("الجزيرة", "broadcaster") in kinds
    anonymous = [s for s in seed_summary.sources if s.anonymous]
    assert any("مصادر خاصة" in s.name for s in anonymous)
    assert all(s.kind == "anonymous" for s in anonymous)
    audio = [s for s in seed_summary.sources if s.kind == "audio_recording"]
    assert audio and audio[0].name == "تسجيل صوتي"
    # Alwan's denial was given to Al Jazeera.
    names = _actor_names(seed_summary)
    alwan_denial = next(d for d in seed_summary.denials if names[d.denier] == "وائل علوان")
    source = next(s for s in seed_summary.sources if s.id == alwan_denial.source)
    assert source.name == "الجزيرة"


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "وقال مدير الأكاديمية الجهوية سعيد العلمي في ندوة صحفية إن الحوار مستمر مع التنسيقية.",
            ("ندوة صحفية", "official_statement"),
        ),
        (
            "En una nota de voz, el vocero de la Federación de Cocaleros, Juan Mamani, negó "
            "cualquier acuerdo con el Gobierno.",
            ("nota de voz", "audio_recording"),
        ),
        (
            "In a post on its official X account, the Chisanga Mining Corporation denied that "
            "production had stopped.",
            ("X account", "social_media"),
        ),
    ],
)
def test_more_channel_words(text: str, source: tuple[str, str]) -> None:
    assert [(s.name, s.kind) for s in extract(text).sources] == [source]


def test_seed_meta_and_language(seed_summary: StructuredSummary) -> None:
    assert seed_summary.language == "ar"
    assert seed_summary.meta is not None and seed_summary.meta.backend == "rules"
    assert seed_summary.meta.usage.total_tokens == 0
    assert seed_summary.headline == "المعارضة في الغوطة تنفي التفاوض مع روسيا"
    assert seed_summary.summary


# -- traps ------------------------------------------------------------------------------

_EN_TRAPS = [
    "The Sokol Front did not deny that its commanders had met Russian officers.",
    "The interior ministry declined to comment on reports of talks with the Grey Ravens.",
    "A spokesman for the Northern Brigade declined to confirm or deny that talks had begun.",
    "The Northern Brigade refused to comment on the negotiations with the government.",
    "The army would neither confirm nor deny the report.",
    "Journalists were denied access to the valley by the Northern Brigade.",
    "Nobody in the government denied that talks with the Coast Brigades had taken place.",
    "Nadie en el Gobierno negó que hubiera conversaciones con el Frente Sur.",
    "The Energy Ministry did not dismiss the Herald's report as fabricated.",
    "The Energy Ministry declined to describe the report as untrue.",
]
_AR_TRAPS = [
    "ولم ينفِ المتحدث باسم فيلق الرحمن وائل علوان وجود اتصالات مع روسيا.",
    "ولم ينف المتحدث باسم فيلق الرحمن وائل علوان وجود اتصالات مع روسيا.",
    "ورفض المتحدث باسم جيش الإسلام حمزة بيرقدار التعليق على تقارير عن مفاوضات مع روسيا.",
    "وامتنع المتحدث باسم جيش الإسلام حمزة بيرقدار عن التعليق على الاتفاق.",
]


@pytest.mark.parametrize("sentence", _EN_TRAPS + _AR_TRAPS)
def test_non_denials_give_no_denial(sentence: str) -> None:
    draft = extract(sentence)
    assert draft.denials == [], [d.quote for d in draft.denials]


def test_a_denial_with_any_party_has_no_other_side() -> None:
    # "…طلبت الهدنة من أي طرف": no one in particular, so no other side is inferred.
    draft = extract(
        "قالت مديرية الأمن إن رابطة شباب الفواخير طلبت الهدنة.\n\n"
        "ونفى قائد رابطة شباب الفواخير، أسامة الشريدي، أن تكون الرابطة قد طلبت الهدنة من أي "
        "طرف."
    )
    (denial,) = draft.denials
    assert denial.counterparties == []


def test_a_denied_report_about_an_act_has_no_other_side() -> None:
    # «ما تداولته مواقع إخبارية عن نيتها إغلاق الميناء»: what the report says is an act,
    # not talks, so no other side is inferred.
    draft = extract(
        "قالت نقابة عمال الميناء إن المفاوضات مع وزارة المالية متوقفة.\n\n"
        "ونفت وزارة المالية ما تداولته مواقع إخبارية عن نيتها إغلاق الميناء أمام السفن "
        "التجارية."
    )
    (denial,) = draft.denials
    assert denial.counterparties == []


@pytest.mark.parametrize(
    "text",
    [
        "نفى الناطق باسم الجيش العميد هاني الحمصي أن يكون الجيش قد توصل إلى أي تفاهم مع جبهة "
        "ثوار القرقف.\n\nمن جهتها، طالبت رابطة أمهات المعتقلين في القرقف الجيش بنفي ما ورد "
        "في المحضر أو تأكيده بوضوح.",
        "Army spokesman Hani Homsi denied that the army had reached any understanding with the "
        "Qarqaf Front.\n\nThe Qarqaf Mothers' Association called on the army to deny the "
        "leaked minutes or confirm them.",
    ],
)
def test_a_demand_to_deny_is_no_denial(text: str) -> None:
    # "طالبت … الجيش بنفي", "called on the army to deny": someone asks for a denial that is
    # not made; only the spokesman's earlier denial stands.
    assert len(extract(text).denials) == 1


def test_a_real_denial_next_to_the_traps_is_found() -> None:
    draft = extract(
        "The Northern Brigade denied that it had agreed to a ceasefire with the government. "
        "The army declined to comment."
    )
    assert len(draft.denials) == 1
    names = {a.id: a.name for a in draft.actors}
    assert names[draft.denials[0].denier] == "Northern Brigade"
    assert [names[c] for c in draft.denials[0].counterparties] == ["the government"]


@pytest.mark.parametrize(
    ("sentence", "refuser"),
    [
        (
            "The Northern Brigade refused to negotiate with the government on Monday.",
            "Northern Brigade",
        ),
        ("The Northern Brigade rejected the government's truce offer.", "Northern Brigade"),
        ("وأعلن جيش التحرير الجبلي رفضه التفاوض مع الحكومة السورية.", "جيش التحرير الجبلي"),
        ("رفض جيش التحرير الجبلي التفاوض مع الحكومة السورية.", "جيش التحرير الجبلي"),
    ],
)
def test_refusal_is_a_refused_claim(sentence: str, refuser: str) -> None:
    draft = extract(sentence)
    assert draft.denials == []
    names = {a.id: a.name for a in draft.actors}
    refused = [c for c in draft.negotiation_claims if c.status == "refused"]
    assert [names[c.claimant] for c in refused] == [refuser]
    assert len(refused[0].parties) == 2


@pytest.mark.parametrize(
    "sentence",
    [
        "ورفض المتحدث باسم وزارة الداخلية العقيد إبراهيم القطان التعليق على سير الوساطة.",
        "وامتنع فرع جمعية الهلال الأحمر في الحمادة عن التعليق على تفاصيل الاتفاق.",
        "ورفض الزنتوتي الخوض في تفاصيل الاتصالات التي سبقت توقيع الاتفاق.",
    ],
)
def test_declining_to_comment_on_talks_is_no_claim(sentence: str) -> None:
    assert extract(sentence).negotiation_claims == []


@pytest.mark.parametrize(
    ("text", "claimant", "status"),
    [
        (
            "The Kesri Canal Farmers' Union and the Rathgarh Dam Authority have held two rounds "
            "of talks on water sharing, the union said.",
            "Kesri Canal Farmers' Union",
            "ongoing",
        ),
        (
            "La Coordination des enseignants contractuels (CEC) se dit disposée à poursuivre le "
            "dialogue avec le ministère de l'Éducation.",
            "Coordination des enseignants contractuels",
            "proposed",
        ),
        (
            "La Defensoría del Pueblo ha invitado al Ministerio de Obras Públicas y a la Cámara "
            "de Transportistas a una mesa de diálogo.",
            "Defensoría del Pueblo",
            "proposed",
        ),
        (
            "وقال رئيس المجلس البلدي سامر الخطيب إن ممثلين عن سرايا البحر وعن وزارة الدفاع "
            "عقدوا جولتين من المحادثات.",
            "سامر الخطيب",
            "ongoing",
        ),
    ],
)
def test_status_words_of_every_language(text: str, claimant: str, status: str) -> None:
    draft = extract(text)
    names = _names(draft)
    assert [(names[c.claimant], c.status) for c in draft.negotiation_claims] == [(claimant, status)]


def test_status_words_in_an_agreements_terms_are_not_the_talks_status() -> None:
    draft = extract(
        "Transport Minister Rosemary Wanjala told a news conference that the Transport "
        "Ministry had reached an agreement with the Coast Haulage Drivers Union under which "
        "pump prices for diesel would be frozen for 90 days."
    )
    assert [c.status for c in draft.negotiation_claims] == ["agreed"]


def test_the_open_points_of_talks_are_no_stalled_talks() -> None:
    draft = extract(
        "وقال رئيس مجلس الأعيان الشيخ بلقاسم أخموك إن المجلس رعى جولتين من المفاوضات بين وزارة "
        "الداخلية وكتيبة العرق الكبير، وإن جولة ثالثة ستعقد الأربعاء لحسم النقاط العالقة."
    )
    assert [c.status for c in draft.negotiation_claims] == ["ongoing"]


def test_plain_negative_statement_is_neither_denial_nor_claim() -> None:
    draft = extract("وأفادت مصادر خاصة بأن روسيا لم تبادر بالتواصل مع أي من فصائل المعارضة.")
    assert draft.denials == [] and draft.negotiation_claims == []


# -- diacritics, determinism, grounding ---------------------------------------------------

_PLAIN = (
    "نفى المتحدث باسم حركة شباب الزيتونة سليم النعمان وجود أي مفاوضات مع الحكومة السورية.\n"
    "وقال المتحدث باسم الجيش الوطني يوسف الحداد إن الطرفين توصلا إلى اتفاق لوقف إطلاق النار."
)
_DIACRITISED = (
    "نَفَى المُتَحَدِّثُ بِاسْمِ حَرَكَةِ شَبَابِ الزَّيْتُونَةِ سَلِيمٌ النُّعْمَانُ وُجُودَ أَيِّ "
    "مُفَاوَضَاتٍ مَعَ الحُكُومَةِ السُّورِيَّةِ.\n"
    "وَقَالَ المُتَحَدِّثُ بِاسْمِ الجَيْشِ الوَطَنِيِّ يُوسُفُ الحَدَّادُ إِنَّ الطَّرَفَيْنِ "
    "تَوَصَّلَا إِلَى اتِّفَاقٍ لِوَقْفِ إِطْلَاقِ النَّارِ."
)


def _shape(draft: SummaryDraft) -> dict[str, object]:
    names = {a.id: normalize(a.name) for a in draft.actors}
    return {
        "actors": sorted((normalize(a.name), a.kind, a.role) for a in draft.actors),
        "denials": [
            (names[d.denier], sorted(names[c] for c in d.counterparties)) for d in draft.denials
        ],
        "claims": [
            (names[c.claimant], sorted(names[p] for p in c.parties), c.status)
            for c in draft.negotiation_claims
        ],
        "sources": sorted((normalize(s.name), s.kind) for s in draft.sources),
    }


def test_diacritised_and_plain_text_give_the_same_items() -> None:
    plain, marked = extract(_PLAIN), extract(_DIACRITISED)
    assert _shape(plain) == _shape(marked)
    assert len(plain.denials) == 1 and plain.negotiation_claims[0].status == "agreed"
    # Names keep the article's own spelling, diacritics included.
    assert any(a.name == "سَلِيمٌ النُّعْمَانُ" for a in marked.actors)
    for item in (*marked.actors, *marked.denials, *marked.negotiation_claims):
        assert item.quote in _DIACRITISED


def test_deterministic(rules: Summarizer) -> None:
    text = (FIXTURES / "en_001_velka_valley_evacuation.txt").read_text(encoding="utf-8")
    first = extract(text).model_dump_json()
    assert extract(text).model_dump_json() == first
    a, b = rules.summarize(text), rules.summarize(text)
    assert a.model_dump_json(exclude={"meta"}) == b.model_dump_json(exclude={"meta"})


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("ar_*.txt")), ids=lambda p: p.stem)
def test_no_arabic_person_opens_with_a_function_word(path: Path) -> None:
    # "عندما اتصلت", "مقابل إطلاق", "وقد قطعنا…" after a title are the clause going on.
    function_words = {normalize(w) for w in ("عندما", "مقابل", "بسبب", "وقد", "ولا", "وإن", "لكل")}
    draft = extract(path.read_text(encoding="utf-8"))
    openers = [normalize(a.name).split()[0] for a in draft.actors if a.kind == "person"]
    assert [w for w in openers if w in function_words] == []


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*.txt")), ids=lambda p: p.stem)
def test_every_quote_slices_back_exactly(rules: Summarizer, path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    summary = rules.summarize(text)
    summary.check_grounding(text)
    for _category, _i, evidence in summary.evidence():
        assert evidence.alignment == "exact"
        assert evidence.start is not None and evidence.end is not None
        assert text[evidence.start : evidence.end] == evidence.quote
        assert "\n" not in evidence.quote
    assert json.loads(summary.model_dump_json())["schema_version"] == "1"


# -- an English article -----------------------------------------------------------------

_ENGLISH = "\n\n".join(
    [
        "Rebels deny truce talks as ministry reports progress",
        "KELLIN, May 3 — The Iron Wolves battalion denied on Tuesday that it had agreed to any "
        "ceasefire with the government, hours after the interior ministry said talks with the "
        "group were continuing.",
        'Stefan Kord, the commander of the Iron Wolves battalion, told Reuters that "nobody '
        'speaks for us in Kellin".',
        "A member of the town council, who asked not to be named, told AFP that the council "
        "had proposed a truce to both sides.",
        "The interior ministry declined to comment on the council's proposal.",
    ]
)


def test_english_article() -> None:
    draft = extract(_ENGLISH)
    assert draft.language == "en"
    assert draft.headline == "Rebels deny truce talks as ministry reports progress"
    names = {a.id: a.name for a in draft.actors}
    kinds = {a.name: a.kind for a in draft.actors}
    assert kinds.get("Iron Wolves battalion") == "armed_group"
    assert kinds.get("Stefan Kord") == "person"
    kord = next(a for a in draft.actors if a.name == "Stefan Kord")
    assert kord.role == "commander" and names[kord.affiliation or ""] == "Iron Wolves battalion"
    assert [names[d.denier] for d in draft.denials] == ["Iron Wolves battalion"]
    assert [names[c] for c in draft.denials[0].counterparties] == ["the government"]
    statuses = {(names[c.claimant], c.status) for c in draft.negotiation_claims}
    assert ("interior ministry", "ongoing") in statuses
    assert ("town council", "proposed") in statuses
    sources = {(s.name, s.kind, s.anonymous) for s in draft.sources}
    assert ("Reuters", "news_agency", False) in sources and ("AFP", "news_agency", False) in sources
    anonymous = [s for s in draft.sources if s.anonymous]
    assert len(anonymous) == 1 and anonymous[0].actor is not None
    assert names[anonymous[0].actor] == "town council"
    # Denying an agreement does not contradict "talks were continuing": the talks may go on
    # without one (see test_denial_of_an_agreement_contradicts_only_an_agreement).
    assert not draft.contradictions


# -- denials: counterparties, denied text; claims: mediators, negated stalls ---------------


def _names(draft: SummaryDraft) -> dict[str, str]:
    return {a.id: a.name for a in draft.actors}


def _one_denial(text: str) -> tuple[str, list[str]]:
    """The article's one denial: its denier's name and its counterparties' names."""
    return _one_denial_of(extract(text))


def _deniers(text: str) -> list[str]:
    """The names of the article's deniers, in order."""
    draft = extract(text)
    names = _names(draft)
    return [names[d.denier] for d in draft.denials]


def _one_denial_of(draft: SummaryDraft) -> tuple[str, list[str]]:
    names = _names(draft)
    (denial,) = draft.denials
    return names[denial.denier], [names[c] for c in denial.counterparties]


_AGREEMENT_DENIED = "\n\n".join(
    [
        "Rebels deny ceasefire deal",
        "The Iron Wolves battalion denied on Tuesday that it had agreed to any ceasefire with "
        "the government.",
        "The interior ministry said {claim}.",
    ]
)


def test_denial_of_an_agreement_contradicts_only_an_agreement() -> None:
    talks = extract(_AGREEMENT_DENIED.format(claim="talks with the group were continuing"))
    assert [c.status for c in talks.negotiation_claims] == ["ongoing"]
    assert len(talks.denials) == 1 and not talks.contradictions
    deal = extract(_AGREEMENT_DENIED.format(claim="a ceasefire had been agreed with the group"))
    assert [c.status for c in deal.negotiation_claims] == ["agreed"]
    assert [(k.claim, k.denial) for k in deal.contradictions] == [(0, 0)]


def test_denied_text_starts_at_the_complementizer() -> None:
    draft = extract(_AGREEMENT_DENIED.format(claim="talks were continuing"))
    assert draft.denials[0].denied.startswith("that it had agreed to any ceasefire")


def test_arabic_denied_text_skips_the_denier_and_its_apposition() -> None:
    draft = extract(
        "نفت كتائب النصر، الفصيل المسلح في المدينة، أمس الخميس وجود أي مفاوضات مع قيادة "
        "الشرطة المحلية."
    )
    assert len(draft.denials) == 1
    denied = draft.denials[0].denied
    assert "كتائب النصر" not in denied and "الفصيل" not in denied
    assert "مفاوضات" in denied


def test_arabic_denied_text_skips_the_title_and_a_dashed_aside() -> None:
    draft = extract(
        "وفي تصريح للإذاعة نفى سامر حداد المتحدث باسم لواء الفتح -أحد أكبر الفصائل في "
        "المنطقة- وجود أي مفاوضات مع الحكومة أو حلفائها."
    )
    assert [d.denied for d in draft.denials] == ["وجود أي مفاوضات مع الحكومة أو حلفائها"]


def test_denied_text_ends_at_a_clause_break_and_skips_time_words() -> None:
    draft = extract(
        "نفت حركة البناء اليوم وجود أي مفاوضات مع الجيش بشأن الأسرى، مؤكدة أن مقاتليها "
        "سيواصلون القتال."
    )
    assert [d.denied for d in draft.denials] == ["وجود أي مفاوضات مع الجيش بشأن الأسرى"]
    english = extract(
        "The Stone Hawks militia denied reports that it had signed a truce with the army, "
        "saying its fighters would hold the bridge."
    )
    assert [d.denied for d in english.denials] == [
        "reports that it had signed a truce with the army"
    ]


def test_counterparty_named_before_the_denial_in_the_sentence() -> None:
    draft = extract(
        "\n\n".join(
            [
                "Pause disputed",
                "The Varosh Defence Council met on Monday, and the Varosh Defence Council "
                "later said the Iron Wolves battalion had left the city.",
                "On May 5, after the government said the Iron Wolves had accepted the "
                "pause, the battalion issued a statement denying that it had agreed to any "
                "ceasefire.",
            ]
        )
    )
    names = _names(draft)
    assert [names[d.denier] for d in draft.denials] == ["Iron Wolves battalion"]
    assert [names[c] for c in draft.denials[0].counterparties] == ["the government"]


def test_unnamed_counterparty_comes_from_the_other_camp() -> None:
    # The Red Hawks are mentioned more than the government, but an armed group's other
    # side in denied talks is the state, not a second armed group.
    draft = extract(
        "\n\n".join(
            [
                "Clashes in the north",
                "The Iron Wolves battalion clashed with the Red Hawks brigade on Monday.",
                "The Red Hawks brigade said the Iron Wolves battalion had attacked first, and "
                "the Red Hawks brigade vowed revenge.",
                "The government called for calm.",
                "The Iron Wolves battalion denied that any talks had taken place.",
            ]
        )
    )
    names = _names(draft)
    assert [names[c] for d in draft.denials for c in d.counterparties] == ["The government"]


def test_sentence_initial_its_is_the_previous_subject() -> None:
    draft = extract(
        "\n\n".join(
            [
                "Siege talks",
                "The Varosh Defence Council, the body that has run the city since the army "
                "withdrew in January, says there are no talks.",
                "Its spokeswoman, Lena Sarkis, denied on Tuesday that the council had sent any "
                "delegation to negotiate with the government.",
            ]
        )
    )
    names = _names(draft)
    sarkis = next(a for a in draft.actors if a.name == "Lena Sarkis")
    assert names[sarkis.affiliation or ""] == "Varosh Defence Council"
    assert [names[c] for c in draft.denials[0].counterparties] == ["the government"]


def test_a_mediator_proposes_talks_between_the_two_sides() -> None:
    draft = extract(
        "\n\n".join(
            [
                "Port strike",
                "The Harbour Workers' Union rejected a pay offer from the Larsholm Port "
                "Authority on Monday.",
                "The Larsholm Port Authority said the union was being unreasonable, and the "
                "Harbour Workers' Union called a strike.",
                "The National Mediation Office has proposed a new round of talks under an "
                "independent chair.",
            ]
        )
    )
    names = _names(draft)
    office = next(c for c in draft.negotiation_claims if names[c.claimant].endswith("Office"))
    assert office.status == "proposed"
    assert {names[p] for p in office.parties} >= {
        "Harbour Workers' Union",
        "Larsholm Port Authority",
    }


@pytest.mark.parametrize(
    "text",
    [
        "قال رئيس الإدارة المحلية إبراهيم الأيوبي إن الحوار مع جماعة أنصار الإصلاح لم يتوقف.",
        "Mayor Helen Osei said the dialogue with the Red Hawks brigade had not stopped.",
    ],
)
def test_a_negated_stall_is_ongoing(text: str) -> None:
    draft = extract(text)
    assert [c.status for c in draft.negotiation_claims] == ["ongoing"]


def test_a_negated_stall_keeps_a_real_stall() -> None:
    draft = extract("Mayor Helen Osei said the talks with the Red Hawks brigade had stalled.")
    assert [c.status for c in draft.negotiation_claims] == ["stalled"]


@pytest.mark.parametrize(
    "sentence",
    [
        "ورفض الوزير سامي الخطيب التعليق على تقارير عن مقترح جديد للهدنة قدمه الوسطاء.",
        "The minister, Sami Khatib, refused on Monday to comment on a new truce proposal.",
    ],
)
def test_refusing_to_comment_is_no_refusal_or_suspension_of_talks(sentence: str) -> None:
    draft = extract(sentence)
    assert not draft.negotiation_claims
    assert not draft.denials


@pytest.mark.parametrize(
    "sentence",
    [
        "Minister Alma Reisz said talks with the Red Hawks brigade were going well and that an "
        "agreement could be signed by the end of the month.",
        "Minister Alma Reisz said a deal with the Red Hawks brigade may be signed next week.",
        # Awaited («بانتظار»): the approval (موافقة) it waits for is no agreement.
        'وقال الوزير سامي الخطيب إن الاتفاق مع جبهة الوادي "ما زال بانتظار موافقة البرلمان".',
    ],
)
def test_an_agreement_that_could_be_signed_is_ongoing(sentence: str) -> None:
    draft = extract(sentence)
    assert [c.status for c in draft.negotiation_claims] == ["ongoing"]


@pytest.mark.parametrize(
    ("sentence", "statuses"),
    [
        ('وقال الوزير سامي الخطيب إن الوزارة "ما زالت تتفاوض مع جبهة الوادي".', ["ongoing"]),
        ("وقال الوزير سامي الخطيب إن المحادثات مع جبهة الوادي لا تزال مستمرة.", ["ongoing"]),
        # No refusal ("no negociará" is one); no status word either.
        ("El ministro Sami Jatib dijo que el Gobierno no deja de negociar con el Frente.", []),
    ],
)
def test_a_negator_that_makes_still_negates_nothing(sentence: str, statuses: list[str]) -> None:
    # «ما زال», «لا تزال», "no deja de": "still", a negator and a verb of continuing.
    draft = extract(sentence)
    assert [c.status for c in draft.negotiation_claims] == statuses


def test_what_is_neither_confirmed_nor_denied_is_not_asserted() -> None:
    draft = extract(
        "لم يؤكد المبعوث الأممي سامي الخطيب ولم ينفِ تعليق المحادثات مع جبهة تحرير الوادي."
    )
    assert not draft.denials
    assert not draft.negotiation_claims


def test_an_anonymous_speaker_becomes_the_claimant() -> None:
    draft = extract("قالت مصادر محلية لصحيفة النهار إن المفاوضات بين الجيش وحركة البناء مستمرة.")
    names = {a.id: a for a in draft.actors}
    assert [names[c.claimant].name for c in draft.negotiation_claims] == ["مصادر محلية"]
    assert names[draft.negotiation_claims[0].claimant].kind == "other"
    anonymous = [s for s in draft.sources if s.anonymous]
    assert [s.actor for s in anonymous] == [draft.negotiation_claims[0].claimant]


def test_officials_familiar_with_the_talks_are_an_anonymous_speaker() -> None:
    draft = extract(
        "Two officials familiar with the talks told Reuters that the two sides had agreed on "
        "a ceasefire."
    )
    names = {a.id: a for a in draft.actors}
    (claim,) = draft.negotiation_claims
    assert names[claim.claimant].name == "Two officials familiar with the talks"
    assert names[claim.claimant].kind == "other"
    assert claim.status == "agreed"


def test_an_arabic_anonymous_speaker_is_named_short_too() -> None:
    # The noun and its adjective ("مصدر أمني") are what the article means by the source;
    # «قولها» after the source is the saying, not part of its name.
    draft = extract("وقال مصدر أمني مطلع على الملف لوكالة رويترز إن المفاوضات مع الخاطفين متوقفة.")
    (speaker,) = [a for a in draft.actors if a.name.startswith("مصدر")]
    assert "مصدر أمني" in speaker.aliases
    draft = extract("ونقلت صحيفة الفيافي عن مصادر قبلية قولها إن المفاوضات مع الحكومة تعثرت.")
    assert "مصادر قبلية" in {a.name for a in draft.actors}


@pytest.mark.parametrize(
    ("text", "person", "surname"),
    [
        (
            "Kwame Addo-Mensah, the union leader, said talks had stalled. Addo-Mensah added "
            "that the strike would go on.",
            "Kwame Addo-Mensah",
            "Addo-Mensah",
        ),
        (
            "Kwame Mensah, the union leader, said talks had stalled. Mensah added that the "
            "strike would go on.",
            "Kwame Mensah",
            "Mensah",
        ),
    ],
)
def test_a_last_name_alone_is_the_same_person(text: str, person: str, surname: str) -> None:
    # A hyphenated last name reads as two capitalised words; alone, it is still the
    # surname of the person named in full.
    (actor,) = extract(text).actors
    assert actor.name == person
    assert surname in actor.aliases


def test_a_capitalised_title_before_a_name_is_its_role() -> None:
    draft = extract(
        "Prisons Commissioner Ruth Adebayo-Lindqvist, who has led the negotiations, said the "
        "talks would go on."
    )
    (person,) = draft.actors
    assert person.name == "Ruth Adebayo-Lindqvist"
    assert person.role is not None and "commissioner" in person.role


def test_a_hyphenated_place_is_no_person() -> None:
    assert extract("Herders from Bahr-Kalo said the talks had stalled.").actors == []


def test_a_titles_complement_is_no_person() -> None:
    draft = extract(
        "El presidente de la cámara rechazó el sábado la propuesta del ministro de Obras "
        "Públicas, Esteban Larrea Mosquera, de aplicar un peaje."
    )
    assert [a.name for a in draft.actors if a.kind == "person"] == ["Esteban Larrea Mosquera"]


def test_a_company_titles_complement_names_the_company() -> None:
    # One capitalised word after "de" ends a company officer's title: the company, which
    # the article then names alone.
    draft = extract(
        "El gerente de Operaciones de Petroamaz, Ignacio Valdivieso, aseguró a Radio Oriente "
        "que la empresa quiere dialogar.\n\nPetroamaz, en cambio, negó en un comunicado que "
        "se haya producido derrame alguno."
    )
    names = _names(draft)
    valdivieso = next(a for a in draft.actors if a.name == "Ignacio Valdivieso")
    assert names[valdivieso.affiliation or ""] == "Petroamaz"
    assert [names[d.denier] for d in draft.denials] == ["Petroamaz"]


@pytest.mark.parametrize(
    ("text", "sources"),
    [
        (
            "The Sable Brigade said in a post on its Telegram channel that the talks had stalled.",
            [("Telegram", "social_media")],
        ),
        (
            'Commander Omar Bashir told the Salmar Observer newspaper. "There is no deal," he '
            "added.",
            [("Salmar Observer newspaper", "newspaper")],
        ),
        (
            "The ministry told Reuters and the news agency RIA Novosti that talks with the "
            "Front had stalled.",
            [("Reuters", "news_agency"), ("news agency RIA Novosti", "news_agency")],
        ),
        (
            "Le préfet a déclaré que le dialogue se poursuit, selon Kivala FM.\n\nInterrogé "
            "par l'AFP, le ministre a refusé de commenter.",
            [("Kivala FM", "broadcaster"), ("AFP", "news_agency")],
        ),
    ],
)
def test_one_outlet_name_is_one_source(text: str, sources: list[tuple[str, str]]) -> None:
    # Two cues inside one outlet's name ("Telegram channel", "news agency RIA Novosti")
    # make one source, and a name never runs past the end of its sentence.
    assert [(s.name, s.kind) for s in extract(text).sources] == sources


@pytest.mark.parametrize(
    ("text", "sources"),
    [
        # The wire credited in the dateline is a source only where the body cites it.
        (
            "Truce holds\n\nHALVANE, Oct 3 (AP) — Commander Thomas Nwankwo, speaking to The "
            "Associated Press by phone, said the talks had stalled.",
            [("Associated Press", "news_agency")],
        ),
        (
            "وقال مسؤول في الوزارة لوكالة الأنباء الألمانية إن المفاوضات مع النقابة متوقفة.",
            [("مسؤول في الوزارة", "anonymous"), ("وكالة الأنباء الألمانية", "news_agency")],
        ),
        (
            "وقالت متحدثة باسم الشركة لرويترز إن الشركة لن تدفع أي فدية للخاطفين.",
            [("متحدثة باسم الشركة", "spokesperson"), ("رويترز", "news_agency")],
        ),
        # A document is a source where the article cites it, not where it is signed.
        (
            "A letter from the elders to both parties, seen by Reuters, proposes splitting "
            "the exchange into two phases.",
            [("letter", "document"), ("Reuters", "news_agency")],
        ),
        (
            "La secretaria general, Rosaura Pillco, negó en declaraciones a EFE que ella "
            "haya suscrito un acta con el Gobierno.",
            [("EFE", "news_agency")],
        ),
        # «الجزيرة» is the channel where a word introduces it, else the island.
        ("واقتادت زوارق خفر السواحل السفينة إلى مرسى الجزيرة.", []),
        (
            "وقال القيسي في اتصال هاتفي مع الجزيرة إن المفاوضات متوقفة.",
            [("الجزيرة", "broadcaster")],
        ),
        # An outlet's common noun announces its name.
        (
            "« L'Église ne fait pas de politique », a-t-il dit à la radio locale Kivala FM.",
            [("Kivala FM", "broadcaster")],
        ),
        (
            "وفي تسجيل صوتي بثته قناة التجمع على تلغرام، قال قائد التجمع أبو حمزة العكيدي إن "
            "أحدا لم يفاوضهم.",
            [("تسجيل صوتي", "audio_recording"), ("تلغرام", "social_media")],
        ),
        # "In the same statement" is the statement cited before.
        (
            "Ferry strike\n\nThe Skerrin Ferry Workers' Union said in a statement on Monday "
            "that talks with Northway had stalled.\n\nNorthway's chief executive said the "
            "company would not negotiate.\n\nIn the same statement, the union rejected "
            "Northway's offer of a 3 percent rise.",
            [("statement", "official_statement")],
        ),
        # «مصادر» alone is a source only where someone reports; the anonymity phrase
        # comes in many forms.
        ("ويُعد الذهب أحد أهم مصادر العملة الصعبة في البلاد، ما يجعل توقف الإنتاج مصدر قلق.", []),
        (
            "غير أن مصدرا في كتائب الوادي، طلب عدم الكشف عن اسمه، قال لوكالة رويترز إن "
            "المفاوضات متوقفة.",
            [("مصدرا في كتائب الوادي", "anonymous"), ("وكالة رويترز", "news_agency")],
        ),
        # Platforms and spokespeople in their local forms.
        ("La federación rechazó la oferta en su cuenta de X.", [("cuenta de X", "social_media")]),
        (
            "وقالت الكتيبة في منشور على حسابها في منصة إكس إنها رفضت العرض.",
            [("منصة إكس", "social_media")],
        ),
        (
            "Un vocero de Los Halcones dijo a EFE que la tregua se mantiene.",
            [("Un vocero", "spokesperson"), ("EFE", "news_agency")],
        ),
        # A post and the platform it was posted on are one channel.
        (
            "ورفضت كتيبة عين الريحان، في منشور على قناتها في تطبيق تلغرام، عرض الحكومة.",
            [("تلغرام", "social_media")],
        ),
    ],
)
def test_channels_are_named_as_the_article_cites_them(
    text: str, sources: list[tuple[str, str]]
) -> None:
    # Two cues inside one outlet's name ("Telegram channel", "news agency RIA Novosti")
    # make one source, and a name never runs past the end of its sentence.
    assert [(s.name, s.kind) for s in extract(text).sources] == sources


def test_the_body_a_denied_clause_opens_with_by_its_head_is_the_deniers_own() -> None:
    # "que su partido haya cerrado un acuerdo con…": the spokeswoman's own party is the
    # clause's subject, not the other side, even where her title gives no body.
    draft = extract(
        "La vocera de la bancada del Partido Liberal Renovador (PLR) en la Asamblea "
        "Departamental de Guayacán, Marcela Quintero Ruiz, negó este martes en declaraciones "
        "a EFE que su partido haya cerrado un acuerdo con el movimiento Fuerza Comunal para "
        "alternarse la presidencia de la corporación."
    )
    names = _names(draft)
    (denial,) = draft.denials
    assert [names[c] for c in denial.counterparties] == ["Fuerza Comunal"]


@pytest.mark.parametrize(
    ("text", "persons"),
    [
        # Words after a title that run on into a definite noun are the clause, not a name.
        (
            'وقال قائد الكتائب في تصريح للجزيرة إن "ما يروّجه وزير الطاقة هدفه تهدئة الأسواق '
            'لا أكثر".',
            [],
        ),
        # إلى is written like a definite word once folded; the name before it stands.
        (
            "على الصعيد الدولي، دعا المبعوث الأممي الخاص ديفيد أوكونور إلى هدنة إنسانية فورية.",
            ["ديفيد أوكونور"],
        ),
    ],
)
def test_an_arabic_title_is_followed_by_a_name_or_by_none(text: str, persons: list[str]) -> None:
    assert [a.name for a in extract(text).actors if a.kind == "person"] == persons


def test_an_anonymous_source_becomes_the_denier() -> None:
    draft = extract(
        "A source close to the negotiations, who asked not to be named, denied that the "
        "army had agreed a ceasefire with the Stone Hawks militia."
    )
    names = {a.id: a for a in draft.actors}
    assert [(names[d.denier].name, names[d.denier].kind) for d in draft.denials] == [
        ("A source close to the negotiations", "person")
    ]


def test_an_unused_anonymous_source_is_no_actor() -> None:
    draft = extract("Sources said the weather in the valley was cold on Monday.")
    assert not draft.actors


def test_a_name_without_its_generic_head_is_the_same_body() -> None:
    draft = extract(
        "Red Hawks deny truce deal\n\nThe Red Hawks militia on Sunday denied that it had "
        "agreed to a truce with the governor.\n\nThe governor, Jane Smith, said on Saturday "
        "that a truce had been agreed with the Red Hawks to allow repairs."
    )
    hawks = [a for a in draft.actors if "Hawks" in a.name]
    assert [a.name for a in hawks] == ["Red Hawks militia"]
    assert "Red Hawks" in hawks[0].aliases


def test_sources_cited_inside_an_attribution_are_the_claimant() -> None:
    draft = extract(
        "وأفاد مراسل الإذاعة، نقلا عن مصادر محلية، بأن المفاوضات بين الجيش وحركة البناء مستمرة."
    )
    names = {a.id: a.name for a in draft.actors}
    assert [names[c.claimant] for c in draft.negotiation_claims] == ["مصادر محلية"]


def test_naql_without_an_is_conveying_not_reporting() -> None:
    draft = extract(
        "وقال دبلوماسي غربي لصحيفة النهار إن الوسيط نقل إلى حركة البناء عرضا للتفاوض مع الجيش."
    )
    names = {a.id: a.name for a in draft.actors}
    assert [names[c.claimant] for c in draft.negotiation_claims] == ["دبلوماسي غربي"]


def test_it_after_a_person_speaker_is_the_last_body_subject() -> None:
    draft = extract(
        "Jane Holm, the union's secretary, said members had voted to strike.\n\n"
        "The Norden Port Authority declined to comment on the vote. In a statement it said "
        "it had made a final offer to the union."
    )
    names = {a.id: a.name for a in draft.actors}
    proposed = [names[c.claimant] for c in draft.negotiation_claims if c.status == "proposed"]
    assert proposed == ["Norden Port Authority"]


# -- claims: status, parties and claimant rules ------------------------------------------


def _claims(draft: SummaryDraft) -> list[tuple[str, list[str], str]]:
    names = _names(draft)
    return [
        (names[c.claimant], sorted(names[p] for p in c.parties), c.status)
        for c in draft.negotiation_claims
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The army said it had made a final offer to the Stone Hawks militia and would "
        "widen its offensive if the militia rejected the offer.",
        'ونقلت وكالة الأنباء عن الجيش أنه "قدم عرضا نهائيا لجبهة الوادي"، وأن العمليات '
        '"ستتوسع إذا رفضت الجبهة هذا العرض".',
    ],
)
def test_a_conditional_refusal_is_no_refusal(text: str) -> None:
    statuses = [c.status for c in extract(text).negotiation_claims]
    assert statuses and "refused" not in statuses
    assert "proposed" in statuses


@pytest.mark.parametrize(
    ("text", "offerer"),
    [
        (
            "The army offered the Stone Hawks militia safe passage north in exchange for "
            "its heavy weapons.\n\nThe Stone Hawks militia rejected the offer on Tuesday.",
            "army",
        ),
        (
            "أعلن الجيش أنه قدم عرضا لجبهة الوادي يقضي بخروج المقاتلين.\n\n"
            'وقالت جبهة الوادي في بيان إنها "ترفض العرض".',
            "الجيش",
        ),
    ],
)
def test_a_refused_offer_names_who_made_it(text: str, offerer: str) -> None:
    refused = [c for c in _claims(extract(text)) if c[2] == "refused"]
    assert len(refused) == 1
    assert any(offerer in party.casefold() for party in refused[0][1])


def test_the_audience_of_a_report_is_no_party() -> None:
    draft = extract(
        "Deputy Prime Minister Alma Reisz told the National Assembly on Monday that the "
        "government had offered a truce to the Varosh Defence Council."
    )
    parties = {p for _, ps, _ in _claims(draft) for p in ps}
    assert "Varosh Defence Council" in parties
    assert not any("Assembly" in p for p in parties)


@pytest.mark.parametrize(
    "sentence",
    [
        "Moscow has brokered dozens of similar agreements since 2016, under which fighters "
        "left for the north.",
        "The militia said fighters would leave in exchange for an amnesty, the report said.",
        "وكانت قطر قد رعت العام الماضي صفقة مماثلة أفرج بموجبها عن محتجزين.",
        "وقال الجيش إن تبادل إطلاق النار استمر حتى الصباح مع جبهة الوادي.",
    ],
)
def test_comparisons_and_idioms_are_no_claims(sentence: str) -> None:
    assert not extract(sentence).negotiation_claims


def test_a_lead_repeated_by_the_body_is_one_claim() -> None:
    draft = extract(
        "Truce in Varosh\n\n"
        "The government said on Monday that talks with the Varosh Defence Council were "
        "continuing.\n\n"
        "In a statement, the government said its talks with the Varosh Defence Council on a "
        "humanitarian corridor were continuing through the church."
    )
    assert len(draft.negotiation_claims) == 1
    assert "statement" in draft.negotiation_claims[0].quote


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        (
            "Yusuf Amrani, who chairs the Council of Elders of the Ten Villages, told the "
            "Kavala Post that talks between the Sons of Halvard and the provincial "
            "authorities were continuing.",
            "Yusuf Amrani",
        ),
        (
            "The dockworkers of Larsholm rejected a new pay offer from the Larsholm Port "
            "Authority, which said talks with the Harbour Workers' Union had stalled.",
            "Larsholm Port Authority",
        ),
        (
            "The LDF's commander, Hassan Dube, said talks with the government were continuing.",
            "Hassan Dube",
        ),
    ],
)
def test_the_subject_of_the_reporting_verb_is_the_claimant(text: str, claimant: str) -> None:
    claimants = [c[0] for c in _claims(extract(text)) if c[2] in ("ongoing", "stalled")]
    assert claimants == [claimant]


def test_a_speaker_named_after_the_claim_is_not_an_earlier_party() -> None:
    draft = extract(
        "A planned exchange of detainees between the Sons of Halvard militia and the "
        "provincial authorities has stalled, a council of tribal elders mediating between "
        "them said on Saturday."
    )
    assert not any(c[0] in ("Sons of Halvard militia",) for c in _claims(draft))


def test_an_anonymity_phrase_is_not_a_report() -> None:
    draft = extract(
        "وقال مصدر مطلع على المفاوضات لوكالة رويترز، مشترطا عدم ذكر اسمه، إن ممثلين عن "
        "الطرفين عقدوا جولتين من المحادثات غير المباشرة في أنقرة برعاية تركيا."
    )
    assert [c[0] for c in _claims(draft)] == ["مصدر مطلع على المفاوضات"]


@pytest.mark.parametrize(
    ("text", "body"),
    [
        (
            "قال الجيش إنه يحاصر المدينة. ونقلت وكالة الصحافة الفرنسية عن مصدر عسكري فضل عدم "
            'ذكر اسمه أن الجيش "قدم عرضا نهائيا لجبهة الوادي".',
            "الجيش",
        ),
        (
            "The government said it was ready for talks with the Stone Hawks militia. A "
            "government source told Reuters that an offer had been made to the militia.",
            "The government",
        ),
    ],
)
def test_an_institutional_anonymous_source_speaks_for_its_body(text: str, body: str) -> None:
    draft = extract(text)
    names = _names(draft)
    assert not any(a.kind == "person" and "مصدر" in a.name for a in draft.actors)
    assert body in {names[c.claimant] for c in draft.negotiation_claims}


def test_a_negated_verb_before_a_title_is_no_name() -> None:
    draft = extract(
        "وقال المتحدث باسم جبهة الوادي إن الجبهة لم يلتقِ بأي مبعوث حكومي منذ بدء الحصار."
    )
    assert not any("يلتق" in a.name for a in draft.actors)


@pytest.mark.parametrize(
    "text",
    [
        "PUERTO ESMERALDA, 21 de noviembre (EFE).- El Frente Comunero negó haber mantenido "
        "conversaciones con el Gobierno.",
        "KASORO, Sept 18 (AFP) - The Lutaya Defence Forces denied any talks with the army.",
    ],
)
def test_a_dateline_is_no_person(text: str) -> None:
    draft = extract(text)
    assert not any(a.kind == "person" for a in draft.actors)


@pytest.mark.parametrize(
    "text",
    [
        '"We signed nothing with the governor," the Lutaya Defence Forces commander said.',
        "« Personne chez nous n'a rencontré les émissaires du régime », a affirmé le Front "
        "pour la libération du Nord.",
    ],
)
def test_negative_statements_are_no_agreements_or_refusals(text: str) -> None:
    assert [c.status for c in extract(text).negotiation_claims] == []


@pytest.mark.parametrize(
    ("text", "bodies"),
    [
        ("وأفرجت العشيرة الموقوفين مساء الخميس بعد وساطة لجنة الأعيان.", {"لجنة الأعيان"}),
        ("ورفضت حركة النهضة العرض، وقالت الحركة العرض غير كاف.", {"حركة النهضة"}),
        ("وتوقفت حركة الشاحنات عند المعبر بعد أن انتشرت قوات الأمن عند الجسر.", {"قوات الأمن"}),
    ],
)
def test_an_arabic_body_name_stops_before_what_is_not_its_name(text: str, bodies: set[str]) -> None:
    names = {a.name for a in extract(text, every_actor=True).actors if a.kind != "person"}
    assert names == bodies


@pytest.mark.parametrize(
    ("text", "bodies"),
    [
        (
            "El plan fue anunciado por el Ministerio de Agricultura y Desarrollo Rural ayer.",
            {"Ministerio de Agricultura y Desarrollo Rural"},
        ),
        (
            "The Ministry of Trade and Industry said talks were continuing.",
            {"Ministry of Trade and Industry"},
        ),
        # a head after the conjunction is another body
        (
            "Los delegados del Gobierno y de la Gobernación del Bajo Cuyarí firmaron.",
            {"Gobierno", "Gobernación del Bajo Cuyarí"},
        ),
    ],
)
def test_a_latin_body_name_runs_on_through_a_conjunction(text: str, bodies: set[str]) -> None:
    names = {a.name for a in extract(text, every_actor=True).actors}
    assert names == bodies


def test_an_arabic_head_behind_lil_points_back_at_its_body() -> None:
    """ "للكتائب" is ل + الكتائب with the alef dropped: the body named before."""
    draft = extract(
        "أعلنت كتائب درع الوعر أنها تحتجز السائقين، وقالت عشيرة البو سلامة إنها تتوسط. ونفت "
        "وزارة الداخلية أن تكون قواتها قد أطلقت النار على عناصر تابعين للكتائب."
    )
    assert _one_denial_of(draft) == ("وزارة الداخلية", ["كتائب درع الوعر"])


def test_a_quote_after_a_definite_head_behind_a_conjunction_is_no_name() -> None:
    draft = extract(
        'وقالت لجنة أهالي تل السماق إن الاجتماع بين الشركة واللجنة "انتهى إلى اتفاق" يقضي '
        "بخفض الأسعار."
    )
    assert not any("انتهى" in a.name for a in draft.actors)


@pytest.mark.parametrize(
    ("text", "body"),
    [
        (  # proper names with no article, which the article then calls by the head alone
            "وقال الوالي إن حكومة الولاية توصلت إلى اتفاق مع تنسيقية أهالي قوز بشارة يقضي "
            "بصرف تعويضات. ونفت التنسيقية التوقيع على أي اتفاق.",
            "تنسيقية أهالي قوز بشارة",
        ),
        (
            "احتجزت قوات خفر السواحل سفينة تملكها شركة كالدورا مارين للشحن. وقالت الشركة "
            "المالكة إنها لم تدفع أي فدية.",
            "شركة كالدورا مارين للشحن",
        ),
        # an indefinite adjective after the head is no name
        ("وقالت لجنة مشتركة من الطرفين إن الاجتماع انتهى. ودعت اللجنة إلى الهدوء.", None),
    ],
)
def test_an_arabic_name_with_no_article(text: str, body: str | None) -> None:
    names = [a.name for a in extract(text).actors if a.kind != "government"]
    assert [n for n in names if n != "قوات خفر السواحل"] == ([body] if body else [])


def test_a_plural_name_after_a_plural_article_is_a_group_and_a_cabildo_a_body() -> None:
    draft = extract(
        "El cabildo indígena de Guamuyaco negó haber tenido contacto alguno con los Comandos "
        "del Sur."
    )
    kinds = {a.name: a.kind for a in draft.actors}
    assert kinds == {
        "cabildo indígena de Guamuyaco": "civil_body",
        "Comandos del Sur": "armed_group",
    }
    assert _deniers(
        "El cabildo indígena de Guamuyaco negó haber tenido contacto alguno con los Comandos "
        "del Sur."
    ) == ["cabildo indígena de Guamuyaco"]


def test_an_arabic_office_of_a_body_speaks_for_it() -> None:
    draft = extract(
        "أعلنت شركة الوركاء للإسمنت أنها ستعيد تشغيل المعمل. وفي وقت لاحق، نفى المكتب الإعلامي "
        "للشركة ما تناقلته مواقع محلية عن موافقة المالكين على إيقاف الفرن القديم."
    )
    by_name = {a.name: a for a in draft.actors}
    office = by_name["المكتب الإعلامي"]
    assert office.affiliation is not None
    assert _names(draft)[office.affiliation].startswith("شركة الوركاء")


def test_a_compound_name_at_the_very_end_of_the_text() -> None:
    """ "كمال عبد الستار" as the article's last words: no look past the last token."""
    assert [a.name for a in extract("وقال رئيس البلدية كمال عبد الستار").actors] == [
        "كمال عبد الستار"
    ]


def test_a_tribe_completes_an_arabic_body_name() -> None:
    draft = extract(
        "وقال رئيس مجلس أعيان بني حسان إن الطرفين توصلا بوساطة المجلس إلى اتفاق لتبادل الأسرى "
        "بين قوات حماية الساحل وتجمع شباب الميناء."
    )
    names = [a.name for a in draft.actors]
    assert "مجلس أعيان بني حسان" in names


@pytest.mark.parametrize(
    "sentence",
    [
        "ولم يؤكد الحوراني أو ينفِ ما نشرته صحيفة الرقيب عن مذكرة مع قوات النخبة.",
        "The commander, Ilan Moras, would not confirm on Monday or deny that talks with the "
        "4th Brigade had taken place.",
    ],
)
def test_a_denial_verb_joined_to_a_negated_verb_is_no_denial(sentence: str) -> None:
    assert not extract(sentence).denials


def test_a_name_after_an_abbreviation_gets_the_title_and_organisation() -> None:
    draft = extract(
        "Le porte-parole de la Coalition pour le renouveau du Haut-Lomé (CRHL), Abel Yakité, "
        "a démenti vendredi tout accord avec le gouvernement."
    )
    names = _names(draft)
    yakite = next(a for a in draft.actors if a.name == "Abel Yakité")
    assert yakite.role == "spokesperson"
    assert names[yakite.affiliation or ""].startswith("Coalition pour le renouveau")
    assert [names[c] for d in draft.denials for c in d.counterparties] == ["le gouvernement"]


def test_a_headline_denial_repeated_by_the_body_is_one_denial() -> None:
    draft = extract(
        "Stone Hawks deny truce with the army\n\n"
        "The Stone Hawks militia's spokesman, Ilan Moras, denied on Monday that the militia "
        "had agreed a truce with the army, calling the reports fabricated."
    )
    assert len(draft.denials) == 1
    assert "Monday" in draft.denials[0].quote


def test_an_anonymous_speaker_is_also_named_without_its_article() -> None:
    draft = extract(
        "Une source sécuritaire à Bérengo a toutefois affirmé à l'AFP, sous couvert "
        "d'anonymat, que des discussions se poursuivent avec le Front pour la libération "
        "du Nord."
    )
    names = _names(draft)
    speaker = next(a for a in draft.actors if a.id == draft.negotiation_claims[0].claimant)
    assert speaker.name == "Une source sécuritaire à Bérengo"
    assert "source sécuritaire" in speaker.aliases
    assert [names[p] for p in draft.negotiation_claims[0].parties] == [
        "Front pour la libération du Nord"
    ]


def test_words_that_continue_a_noun_phrase_before_a_title_are_no_name() -> None:
    draft = extract(
        "وجاء النفي بعد ساعات من مؤتمر صحفي عقده وزير الدولة لشؤون المصالحة نبيل حداد، قال فيه "
        "إن المفاوضات مع لواء الفرسان مستمرة."
    )
    assert not any(a.name.startswith("صحفي") for a in draft.actors)


@pytest.mark.parametrize(
    ("text", "government"),
    [
        (
            "N'Djamena a démenti tout contact avec le MJO. Le gouvernement tchadien a "
            "toutefois indiqué que des discussions se poursuivaient avec les chefs "
            "traditionnels.",
            "gouvernement tchadien",
        ),
        (
            "Chad denied any contact with the rebels. The Chadian government said talks with "
            "the traditional chiefs were continuing.",
            "Chadian government",
        ),
    ],
)
def test_a_state_and_its_government_named_by_nationality_are_one_actor(
    text: str, government: str
) -> None:
    draft = extract(text)
    governments = [a for a in draft.actors if government in a.name]
    assert len(governments) == 1
    assert not any(a.kind == "state" for a in draft.actors)


@pytest.mark.parametrize(
    "text",
    [
        "El Gobierno de Valdoria y el Frente del Valle negocian desde marzo.\n\nEl ministro "
        "Sami Jatib dijo que las conversaciones con el Frente del Valle continúan.",
        "Die Regierung von Valdorien verhandelt seit März mit der Talfront.\n\nGouverneur "
        "Sami Jatib sagte, die Gespräche mit der Talfront dauerten an.",
    ],
)
def test_a_state_official_titled_in_any_language_belongs_to_the_one_government(
    text: str,
) -> None:
    # `grammar.state_titles`: "ministro", "Gouverneur" as well as "minister".
    draft = extract(text)
    names = _names(draft)
    official = next(a for a in draft.actors if a.name == "Sami Jatib")
    assert official.affiliation is not None
    assert names[official.affiliation] in ("Gobierno de Valdoria", "Die Regierung")


def test_a_named_front_is_not_the_army_named_before_it() -> None:
    # «الجبهة الشعبية» has a head of its own (front) and a word after it: a new body, not
    # a reference back to the latest armed group, which is the army here.
    draft = extract(
        "الجيش السوداني يتسلم جثامين 14 جنديا من الجبهة.\n\nوقال المتحدث باسم الجبهة "
        "الشعبية أرنو تاور إن الجبهة تنفي الاتفاق مع الجيش على وقف القتال."
    )
    names = _names(draft)
    spokesman = next(a for a in draft.actors if a.name == "أرنو تاور")
    assert spokesman.affiliation is not None
    assert names[spokesman.affiliation] == "الجبهة الشعبية"
    (denial,) = draft.denials
    assert [names[c] for c in denial.counterparties] == ["الجيش السوداني"]


def test_the_gazetteer_knows_states_beyond_the_story_of_the_seed() -> None:
    draft = extract(
        "Oman, which has mediated between the two sides before, said talks between the "
        "government and the Sabri Coast Brigades were continuing."
    )
    names = _names(draft)
    assert [names[c.claimant] for c in draft.negotiation_claims] == ["Oman"]


@pytest.mark.parametrize(
    ("text", "denier"),
    [
        (
            "غير أن القائد العسكري للواء السهل، مهند العبيد، نفى في تسجيل صوتي أن يكون اللواء "
            "قد وقّع أي اتفاق مع الإدارة المدنية.",
            "مهند العبيد",
        ),
        (
            'قالت كتائب درع الجنوب إنها "أوفت بالتزاماتها"، لكنها نفت أن تكون قد أجرت أي '
            "مفاوضات مع الجيش.",
            "كتائب درع الجنوب",
        ),
        (
            "لكن الأمين العام لتيار الكرامة الوطنية فؤاد الزيدي نفى، في مقابلة مع قناة الجزيرة، "
            "أن يكون التيار قد توصل إلى أي اتفاق مع حزب الوفاق.",
            "فؤاد الزيدي",
        ),
    ],
)
def test_arabic_deniers_after_an_apposition_or_a_pronoun(text: str, denier: str) -> None:
    assert _deniers(text) == [denier]


@pytest.mark.parametrize(
    ("text", "denier"),
    [
        (  # a participle takes the subject of the reporting verb before it
            'وأضاف العقيد سامر الخطيب أن اللواء "لم يوقع أي ورقة"، نافيا وجود أي مفاوضات مع '
            "حركة النهضة الوطنية.",
            "سامر الخطيب",
        ),
        (  # a verb with only و before it and its object after it shares that subject
            'وقالت كتائب درع الوعر في بيان إن الصفقة "تمت بضمانة الوجهاء"، ونفت أن يكون '
            "السائقون قد تعرضوا لأي إساءة.",
            "كتائب درع الوعر",
        ),
        (  # "أما X، فـ…": the topic
            "أما محافظ الحمادة اللواء رياض العمروني، فقد نفى في مؤتمر صحفي أن تكون الحكومة "
            "طرفا في أي مفاوضات مع الخاطفين.",
            "رياض العمروني",
        ),
        (  # "وهو ما نفاه X": a relative "ما", no negator
            "واتهمت تنسيقية الأحياء البلدية برمي النفايات قرب النهر، وهو ما نفاه رئيس البلدية "
            "عصام الكيال في بيان.",
            "عصام الكيال",
        ),
    ],
)
def test_arabic_deniers_with_no_subject_of_their_own(text: str, denier: str) -> None:
    assert _deniers(text) == [denier]


def test_an_arabic_sentence_opening_verb_with_no_subject_keeps_the_last_speaker() -> None:
    text = (
        "وقال المتحدث باسم حركة النهضة الوطنية خالد المصري إن الحركة ملتزمة بالهدنة.\n"
        "ونفى في منشور على صفحته أن تكون الحركة قد تلقت أي عرض من الحكومة."
    )
    assert _deniers(text) == ["خالد المصري"]


def test_an_arabic_verb_with_a_subject_the_rules_miss_takes_no_other_speaker() -> None:
    """ "نفت المطرانية ما…": the subject after the verb is no object opener, so the
    speaker before is not given a denial it did not make."""
    draft = extract(
        "وقال المتحدث باسم حركة النهضة الوطنية خالد المصري إن الحركة ملتزمة بالهدنة.\n"
        "ونفت المطرانية ما تداولته حسابات موالية للحكومة عن تلقيها أموالا."
    )
    assert draft.denials == []


@pytest.mark.parametrize(
    ("text", "denier"),
    [
        (  # an Arabic compound surname alone
            "قال قائد لواء صقور الرمال مسعود بن عيّاد إن اللواء ملتزم بالهدنة.\n"
            "وقال وزير الداخلية إن اللواء وافق على تسليم سلاحه.\n"
            "ونفى بن عياد أن يكون اللواء قد التزم بتسليم أي من أسلحته.",
            "مسعود بن عيّاد",
        ),
        (  # both Spanish surnames with no given name
            "La alcaldesa de Valdecárcamo, Pilar Recuero Sanz, propuso una mesa de diálogo.\n\n"
            "Recuero Sanz negó por su parte que Valdecárcamo se hubiera comprometido a pagar.",
            "Pilar Recuero Sanz",
        ),
        (  # a Spanish first surname alone
            "El gobernador de Guayacán, Hernán Villegas Salgado, propuso el lunes un diálogo "
            "con la Asamblea.\n\nEn esa misma rueda de prensa, Villegas negó que su despacho "
            "esté presionando a los diputados.",
            "Hernán Villegas Salgado",
        ),
    ],
)
def test_a_surname_alone_is_the_person_named_in_full(text: str, denier: str) -> None:
    assert _deniers(text) == [denier]


@pytest.mark.parametrize(
    ("second", "deniers"),
    [
        (
            "The governor also denied that the amnesty would cover the massacre.",
            ["Ramiro Villalba"],
        ),
        # a title with its own complement is someone else's
        ("The governor of Kasai denied that the amnesty would cover the massacre.", []),
    ],
)
def test_a_title_alone_as_a_subject_is_the_person_last_given_it(
    second: str, deniers: list[str]
) -> None:
    first = (
        "The governor of Tumbala, Ramiro Villalba, offered an amnesty to the Southern Peasant "
        "Front on Monday.\n\n"
    )
    assert _deniers(first + second) == deniers


@pytest.mark.parametrize(
    ("text", "denier"),
    [
        (
            "About 400 ground staff represented by the Amalgamated Transport and Aviation "
            "Workers (ATAW) stopped work on Monday.\n\nThe ATAW denied agreeing to any "
            "suspension with Lyle Airport Holdings.",
            "Amalgamated Transport and Aviation Workers",
        ),
        (
            "Le ministre a assuré que la Coordination des enseignants contractuels (CEC) avait "
            "rejeté l'invitation.\n\nLa CEC a démenti samedi avoir décliné cette invitation.",
            "Coordination des enseignants contractuels",
        ),
    ],
)
def test_the_words_an_acronym_spells_out_are_an_organisation(text: str, denier: str) -> None:
    draft = extract(text)
    names = _names(draft)
    assert [names[d.denier] for d in draft.denials] == [denier]
    assert not {"Amalgamated Transport", "Aviation Workers"} & set(names.values())


def test_an_acronym_a_body_is_known_as_is_its_short_form() -> None:
    draft = extract(
        "The U.N. Integrated Stabilisation Mission in Akabo, known as UNISMA, said the Malek "
        "Ayen Council of Elders had mediated the release.\n\nUNISMA also denied that any of "
        "its aircraft had carried money for the Agar Home Guard."
    )
    names = _names(draft)
    mission = "U.N. Integrated Stabilisation Mission in Akabo"
    assert [names[d.denier] for d in draft.denials] == [mission]
    assert "UNISMA" not in names.values()
    assert "UNISMA" in next(a for a in draft.actors if a.name == mission).aliases


def test_a_verb_inside_a_capitalised_name_is_part_of_the_name() -> None:
    draft = extract(
        "Interior Minister Halima Said Nyaboke told a news conference that the deal with the "
        "Kereba People's Defence Army was signed. She also denied reports that the government "
        "had promised cash to its commanders."
    )
    names = _names(draft)
    assert "Halima Said Nyaboke" in names.values()
    assert [names[d.denier] for d in draft.denials] == ["Halima Said Nyaboke"]


@pytest.mark.parametrize(
    ("text", "count"),
    [
        (  # two things denied by the same minister, the second with a pronoun subject
            "Otages de Kissomba : le gouvernement dément\n\nKORANDOUGOU (AFP) - Le ministre de "
            "la Communication, Issouf Bationo-Zerbo, a démenti mardi toute négociation avec le "
            "Mouvement pour la dignité du Haut-Kissomba.\n\nIl a également démenti qu'une "
            "rançon ait été versée aux ravisseurs.",
            2,
        ),
        (  # the same thing denied twice
            "Army denies talks\n\nThe army's spokesman, Colonel Ivan Dorn, denied on Monday "
            "that the army had held talks with the Sokol Front.\n\nDorn later denied again "
            "that the army had held any talks with the Sokol Front.",
            1,
        ),
    ],
)
def test_one_denial_per_thing_denied(text: str, count: int) -> None:
    assert len(extract(text).denials) == count


def test_a_pronoun_subject_is_found_past_sentence_adverbs() -> None:
    draft = extract(
        "Aéroport de Sarandi\n\nLe porte-parole des Forces de défense nationale, Aristide "
        "Nzamba, a affirmé que l'armée contrôlait l'aéroport. Il a toutefois démenti toute "
        "négociation avec le Front patriotique."
    )
    assert _one_denial_of(draft) == ("Aristide Nzamba", ["Front patriotique"])


def test_a_pronoun_subject_is_the_person_who_last_made_a_claim() -> None:
    """ "Il" is the minister who refused in the sentence before, not the last speaker."""
    text = (
        "Étudiants : le ministre rejette la demande de l'UGET\n\nLe secrétaire général de "
        "l'Union générale des étudiants de Tobana (UGET), Rodrigue Talla-Missé, a affirmé que "
        "les négociations étaient bloquées.\n\nInvité lundi soir de Télé-Tobana, le ministre "
        "de l'Enseignement supérieur, Paul Ngombi, a rejeté la demande de l'UGET d'ouvrir des "
        "négociations directes. Il a également démenti avoir dépêché un émissaire auprès des "
        "dirigeants étudiants."
    )
    assert _deniers(text) == ["Paul Ngombi"]


@pytest.mark.parametrize(
    ("text", "denier"),
    [
        ("The Energy Ministry dismissed the Herald's report as fabricated.", "Energy Ministry"),
        (
            "La société Agro-Palmes du Nyong démentait les rumeurs de cession de ses plantations.",
            "Agro-Palmes du Nyong",
        ),
    ],
)
def test_more_denial_forms(text: str, denier: str) -> None:
    assert _deniers(text) == [denier]


def test_the_outlet_a_denial_is_given_to_is_no_other_side() -> None:
    draft = extract(
        "Liberal Reform leader Tadas Mikulskis denied to the BNS news agency that his party "
        "had been offered any cabinet posts by the Centre Alliance."
    )
    names = _names(draft)
    (denial,) = draft.denials
    assert "BNS news agency" not in [names[c] for c in denial.counterparties]


def test_a_quoted_predicate_after_the_verb_is_no_new_denier() -> None:
    draft = extract(
        "لكن جبهة الساحل دحضت في بيان ما نشرته صحيفة الوطن عن تلقي قادتها مبالغ مالية من "
        'الحكومة، واصفة تلك الأنباء بأنها "عارية عن الصحة".'
    )
    names = _names(draft)
    assert [names[d.denier] for d in draft.denials] == ["جبهة الساحل"]


def test_two_denials_in_one_sentence_are_two_denials() -> None:
    draft = extract(
        "نفى لواء الحرس الشمالي في منشور على قناته أن يكون قد منع القافلة من الدخول، كما نفى "
        "وجود أي مفاوضات بينه وبين الحكومة بشأنها."
    )
    names = _names(draft)
    assert [names[d.denier] for d in draft.denials] == ["لواء الحرس الشمالي"] * 2
    assert len({d.denied for d in draft.denials}) == 2


def test_a_verbal_noun_after_a_definite_head_is_not_part_of_its_name() -> None:
    draft = extract(
        "وقالت الحكومة الانتقالية إنها تجري مفاوضات مع حركة الفجر الجديد، وترفض الحكومة "
        "الإفراج عن المعتقلين قبل توقيع الاتفاق."
    )
    names = [a.name for a in draft.actors]
    assert "الحكومة الانتقالية" in names
    assert not any("الإفراج" in n for n in names)


# -- denial scope, given names, typed pairs, definite deals --------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The Amber Guard denied that its fighters had shelled the hospital, saying the army "
        "wanted to blame it.",
        "نفى لواء الحرس الشمالي أن يكون قد منع القافلة من الدخول، متهما الجيش باختلاق الذرائع.",
    ],
)
def test_a_denied_act_that_is_no_talks_has_no_counterparty(text: str) -> None:
    # The army is named after the denied clause, and the act denied involves nobody else.
    draft = extract(text)
    assert len(draft.denials) == 1
    assert draft.denials[0].counterparties == []


@pytest.mark.parametrize(
    ("text", "counterparty"),
    [
        (
            "The Amber Guard denied that it had held talks with the army, saying the "
            "government wanted to divide it.",
            "the army",
        ),
        (
            "نفى لواء الحرس الشمالي وجود أي مفاوضات مع الجيش، متهما الحكومة بنشر الشائعات.",
            "الجيش",
        ),
    ],
)
def test_counterparties_come_from_the_denied_clause(text: str, counterparty: str) -> None:
    draft = extract(text)
    names = _names(draft)
    assert [names[c] for d in draft.denials for c in d.counterparties] == [counterparty]


@pytest.mark.parametrize(
    ("text", "person"),
    [
        (
            "وقال وزير الطاقة في الحكومة المؤقتة، نبيل الزعبي، إن الحكومة تخوض مفاوضات مع "
            "كتائب الصحراء.",
            "نبيل الزعبي",
        ),
        (
            "ونفى المتحدث العسكري باسم كتائب الصحراء، العقيد المنشق سالم بن عيسى، وجود أي "
            "مفاوضات مع الحكومة.",
            "سالم بن عيسى",
        ),
        ("وكتب رئيس تحرير الصحيفة خالد برهوم أن الصحيفة تتمسك بما نشرته.", "خالد برهوم"),
        (  # a given name written with the article
            "قال المتحدث باسم الجيش العقيد الطاهر أبكر في مؤتمر صحفي إن الجيش ملتزم بالهدنة.",
            "الطاهر أبكر",
        ),
        (  # a portfolio of two coordinated nouns before the name
            "نفت وزيرة الصناعة والتجارة إسراء الفكي، في مؤتمر صحفي، أن تكون الوزارة قد ألغت الدعم.",
            "إسراء الفكي",
        ),
        (  # a rank alone before the name
            "غير أن الحاج صبار جدوع المرعاوي، أحد وجهاء العوسجية، نفى في اتصال هاتفي أن يكون "
            "الأهالي قد وافقوا.",
            "صبار جدوع المرعاوي",
        ),
        (  # a village head's title
            "لكن مختار قرية البدير، الحاج فاضل العبود، نفى في منشور أن يكون أهالي القرية قد "
            "وافقوا على أي جدول.",
            "فاضل العبود",
        ),
    ],
)
def test_arabic_names_opening_with_a_given_name(text: str, person: str) -> None:
    draft = extract(text)
    persons = [a.name for a in draft.actors if a.kind == "person"]
    assert persons == [person]


def test_a_preposition_spelled_like_a_name_is_no_person() -> None:
    # على folds to علي; باسم (in the name of) is also a given name.
    draft = extract("قال المتحدث باسم حراس الجبل صالح الدوري إن الجماعة حصلت على الماء.")
    assert [a.name for a in draft.actors if a.kind == "person"] == ["صالح الدوري"]


def test_a_titled_persons_body_comes_from_the_titles_complement() -> None:
    draft = extract(
        "لكن قائد عمليات كتائب الصحراء في المنطقة الشرقية، خليفة الورفلي، نفى وجود أي "
        "مفاوضات مع قوات الحرس الوطني."
    )
    by_id = {a.id: a for a in draft.actors}
    (person,) = [a for a in draft.actors if a.kind == "person"]
    assert person.name == "خليفة الورفلي"
    assert person.affiliation is not None
    assert by_id[person.affiliation].name == "كتائب الصحراء"
    assert [by_id[c].name for d in draft.denials for c in d.counterparties] == ["قوات الحرس الوطني"]


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        (
            "\n\n".join(
                [
                    "وساطة قبلية",
                    "اندلعت اشتباكات بين عشيرة آل زيدان وعشيرة الغنامات، وتدخلت الشرطة. "
                    "وقالت عشيرة آل زيدان إن عشيرة الغنامات بدأت الهجوم.",
                    "وقال رئيس مجلس شيوخ الوادي مطلق الحردان إن المجلس عرض على العشيرتين هدنة "
                    "مدتها ثلاثة أشهر.",
                ]
            ),
            {"عشيرة آل زيدان", "عشيرة الغنامات"},
        ),
        (
            "\n\n".join(
                [
                    "Truce offer",
                    "The Sable Brigade militia and the Northern Shield militia clashed near the "
                    "port, and the police closed the road. The Sable Brigade militia blamed the "
                    "Northern Shield militia.",
                    "Mayor Helen Osei said she had offered the two militias a truce.",
                ]
            ),
            {"Sable Brigade", "Northern Shield militia"},
        ),
    ],
)
def test_a_dual_or_the_two_names_the_sides_by_their_head(text: str, pair: set[str]) -> None:
    draft = extract(text)
    names = _names(draft)
    (claim,) = [c for c in draft.negotiation_claims if c.status == "proposed"]
    assert pair <= {names[p] for p in claim.parties}
    assert not any("الشرطة" in names[p] or "police" in names[p] for p in claim.parties)


@pytest.mark.parametrize(
    "sentence",
    [
        "El gobernador ha negado que el Gobierno haya negociado con el Frente Campesino.",
        "El Frente Campesino ha desmentido que exista un acuerdo con el Gobierno provincial.",
    ],
)
def test_spanish_perfect_tense_denials(sentence: str) -> None:
    assert len(extract(sentence).denials) == 1


def test_spanish_perfect_tense_trap_is_no_denial() -> None:
    assert not extract("El ministro no ha negado que existan contactos con el Frente.").denials


@pytest.mark.parametrize(
    ("text", "denier", "kind"),
    [
        (
            "The militia, which calls itself the Pit Guard, denied that any handover of the "
            "mine was being discussed with the army.",
            "Pit Guard",
            "armed_group",
        ),
        (
            "The group that is holding the pair, which calls itself the Sons of the Valley, "
            "denied that it had reached any agreement with the interior ministry.",
            "Sons of the Valley",
            "armed_group",
        ),
        (
            "El comandante del Frente Campesino conocido como 'Comandante Lucio' ha negado que "
            "el grupo mantenga contactos con el Ejército.",
            "Comandante Lucio",
            "person",
        ),
    ],
)
def test_a_self_given_name_is_the_actor(text: str, denier: str, kind: str) -> None:
    draft = extract(text)
    by_id = {a.id: a for a in draft.actors}
    assert [(by_id[d.denier].name, by_id[d.denier].kind) for d in draft.denials] == [(denier, kind)]


def test_a_place_then_a_name_after_a_latin_title() -> None:
    draft = extract("El gobernador de Tumbala, Andrés Villalba, anunció una amnistía.")
    assert [(a.name, a.role) for a in draft.actors if a.kind == "person"] == [
        ("Andrés Villalba", "governor")
    ]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "El ministro negó que el Gobierno haya negociado con Los Halcones.",
            "el Gobierno",
        ),
        (
            "El grupo negó contactos con el Ejército para negociar la entrega de armas.",
            "el Ejército",
        ),
        (
            "Le gouvernement de transition a démenti tout accord avec les rebelles.",
            "gouvernement de transition",
        ),
        (
            "La Fédération des producteurs a démenti avoir signé le moindre accord.",
            "Fédération des producteurs",
        ),
    ],
)
def test_head_first_names_stop_at_verbs_and_purpose_clauses(text: str, name: str) -> None:
    names = [a.name for a in extract(text, every_actor=True).actors]
    assert name in names
    assert not any(("negoci" in n or "haya" in n) for n in names)


def test_the_government_is_the_articles_one_government_under_two_names() -> None:
    draft = extract(
        "وقال وزير الطاقة في الحكومة المؤقتة نبيل الزعبي إن الحكومة تخوض مفاوضات مع كتائب "
        "الصحراء. وأضاف أن الحكومة المركزية لن تقبل بأي شروط."
    )
    governments = [a for a in draft.actors if a.kind == "government"]
    assert governments[0].name == "الحكومة المؤقتة"
    assert "الحكومة" in governments[0].aliases


def test_a_passive_denial_is_the_agents() -> None:
    draft = extract(
        "A report by Halvane Radio that the Amber Guard had agreed to withdraw from the ridge "
        "was denied by the Ministry of Defence on Thursday."
    )
    names = _names(draft)
    assert [names[d.denier] for d in draft.denials] == ["Ministry of Defence"]
    assert draft.denials[0].denied.startswith("A report by Halvane Radio")


def test_denied_entry_in_the_passive_is_still_no_denial() -> None:
    assert not extract("The convoy was denied entry by the army on Thursday.").denials


@pytest.mark.parametrize(
    ("text", "spokesperson", "body"),
    [
        (
            "Le gouvernement, par la voix de son porte-parole Aïssata Koné, a démenti avoir "
            "versé une rançon à la Katiba Nour al-Sahel.",
            "Aïssata Koné",
            "Le gouvernement",
        ),
        (
            "El Frente Campesino, a través de su portavoz Julián Mora, negó haber firmado un "
            "acuerdo con el Gobierno.",
            "Julián Mora",
            "Frente Campesino",
        ),
    ],
)
def test_a_possessive_title_belongs_to_the_body_before(
    text: str, spokesperson: str, body: str
) -> None:
    draft = extract(text)
    by_id = {a.id: a for a in draft.actors}
    (person,) = [a for a in draft.actors if a.kind == "person"]
    assert person.name == spokesperson
    assert person.affiliation is not None and by_id[person.affiliation].name == body
    assert [by_id[d.denier].name for d in draft.denials] == [spokesperson]
    assert all(c != person.affiliation for d in draft.denials for c in d.counterparties)


def test_dismissing_the_claim_is_a_denial() -> None:
    draft = extract(
        "The Tessaly government said the crossing would reopen. But Varnland's finance "
        "ministry dismissed the claim in a statement."
    )
    assert len(draft.denials) == 1


def test_an_arabic_title_with_a_pronoun_belongs_to_the_body_before() -> None:
    draft = extract(
        "ونفت قبيلة آل سعدان في بيان وقعه المتحدث باسمها أحمد صالح السعداني توقيع أي اتفاق "
        "مع قبيلة بني مطرف."
    )
    by_id = {a.id: a for a in draft.actors}
    (person,) = [a for a in draft.actors if a.kind == "person"]
    assert person.name == "أحمد صالح السعداني"  # given, father's and family name
    assert person.affiliation is not None
    assert by_id[person.affiliation].name == "قبيلة آل سعدان"
    assert [by_id[c].name for d in draft.denials for c in d.counterparties] == ["قبيلة بني مطرف"]


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("La policía detuvo a dos miembros de Los Halcones en el barrio.", "Los Halcones"),
        ("The army said it had killed three commanders of the Houthis.", "Houthis"),
    ],
)
def test_a_plural_name_after_a_plural_article_is_a_group(text: str, group: str) -> None:
    actors = {a.name: a.kind for a in extract(text, every_actor=True).actors}
    assert actors.get(group) == "armed_group"


def test_the_one_negotiated_with_is_never_the_claimant() -> None:
    # "with the Red Hawks brigade": the brigade is the other side, not who speaks.
    draft = extract(
        "The mayor said the talks with the Red Hawks brigade had stalled.", every_actor=True
    )
    names = _names(draft)
    assert "Red Hawks brigade" in names.values()
    assert all(names[c.claimant] != "Red Hawks brigade" for c in draft.negotiation_claims)


def test_every_party_after_with_counts_past_an_article() -> None:
    draft = extract(
        "El ministro del Interior, Rodrigo Salcedo Vera, negó que el Gobierno haya negociado "
        "con Los Halcones o con el Clan del Puerto."
    )
    by_id = {a.id: a for a in draft.actors}
    (denial,) = draft.denials
    assert by_id[denial.denier].role == "minister"
    assert {by_id[c].name for c in denial.counterparties} == {"Los Halcones", "Clan del Puerto"}


@pytest.mark.parametrize(
    "text",
    ["The Amber Guard denied.", "ونفت الحركة.", "La Fédération a démenti", "El Frente lo negó"],
)
def test_a_denial_verb_that_ends_the_text_is_handled(text: str) -> None:
    # The denied clause is empty: nothing to read a proposition from, and no crash.
    draft = extract(text)
    assert all(d.counterparties == [] for d in draft.denials)


_FIXTURE_TEXTS = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt"))]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(_FIXTURE_TEXTS), st.floats(0.0, 1.0), st.floats(0.0, 1.0))
def test_any_cut_of_an_article_extracts_without_error(text: str, a: float, b: float) -> None:
    # Articles cut anywhere (mid-word, mid-sentence, right after a cue) are still read.
    start, end = sorted((int(a * len(text)), int(b * len(text))))
    draft = extract(text[start:end] or "x")
    ids = {x.id for x in draft.actors}
    assert all(d.denier in ids and set(d.counterparties) <= ids for d in draft.denials)


def test_a_generic_government_governing_a_named_body_is_that_body() -> None:
    # "حكومة الولاية": the state's government, not a second, nameless government.
    draft = extract(
        "قال محمد الطاهر والي ولاية الجبل الأخضر إن الولاية وقعت اتفاقا. "
        "لكن جبهة الصمود نفت التوصل إلى أي اتفاق مع حكومة الولاية."
    )
    names = _names(draft)
    (state,) = [a for a in draft.actors if a.kind == "government"]
    assert state.name == "ولاية الجبل الأخضر"
    assert "حكومة الولاية" in state.aliases
    (denial,) = draft.denials
    assert names[denial.denier] == "جبهة الصمود"
    assert denial.counterparties == [state.id]


@pytest.mark.parametrize(
    ("text", "name", "alias"),
    [
        (
            "The ceasefire was brokered by the Southern Rivers Union, a regional bloc whose "
            "envoy met both sides. In a statement, the bloc said the army and the Crane "
            "Brigade had agreed to a truce.",
            "Southern Rivers Union",
            "the bloc",
        ),
        (
            "La Fédération du Nord, une organisation paysanne influente, a proposé une "
            "médiation. L'organisation a annoncé des négociations avec le gouvernement.",
            "Fédération du Nord",
            "L'organisation",
        ),
    ],
)
def test_the_noun_of_an_indefinite_apposition_points_back_at_the_body(
    text: str, name: str, alias: str
) -> None:
    draft = extract(text)
    (body,) = [a for a in draft.actors if a.name == name]
    assert alias in body.aliases
    # The later sentence's speaker is that body.
    assert any(c.claimant == body.id for c in draft.negotiation_claims[-1:])


def test_a_denier_called_one_of_two_tribes_denies_about_the_other() -> None:
    assert _one_denial(
        "قال شيخ عشيرة آل منصور إن العشيرتين توصلتا إلى هدنة. "
        "لكن عشيرة آل راشد نفت أن تكون العشيرة قد وقعت أي هدنة."
    ) == ("عشيرة آل راشد", ["عشيرة آل منصور"])


def test_a_synonym_head_points_back_at_the_named_company() -> None:
    # "la compañía" is the company named "la empresa Metales del Sur", not the union.
    assert _one_denial(
        "El alcalde dijo que la empresa Metales del Sur y el Sindicato Minero firmaron un "
        "acuerdo. Sin embargo, la compañía negó haber aceptado reincorporar a los despedidos."
    ) == ("Metales del Sur", ["Sindicato Minero"])


@pytest.mark.parametrize(
    ("text", "not_persons"),
    [
        (
            "Port Amara and Mount Kessa were quiet on Sunday, Colonel Ruth Okafor said.",
            {"Port Amara", "Mount Kessa"},
        ),
        (
            "Cerro Alto y Caleta Blanca siguen bloqueados, dijo el alcalde Pedro Ruiz.",
            {"Cerro Alto", "Caleta Blanca"},
        ),
    ],
)
def test_a_capitalised_run_opening_with_a_place_word_is_no_person(
    text: str, not_persons: set[str]
) -> None:
    persons = {a.name for a in extract(text).actors if a.kind == "person"}
    assert persons and not persons & not_persons


def test_a_spanish_name_stops_before_a_finite_verb() -> None:
    names = {
        a.name for a in extract("La Policía Regional declinó comentar.", every_actor=True).actors
    }
    assert names == {"Policía Regional"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("وقالت حركة تحرير وادي النخيل إن المفاوضات مع الحكومة متوقفة.", "حركة تحرير وادي النخيل"),
        ("وقال متحدث باسم شركة النور إن الشركة تجري مفاوضات مع الحكومة.", "شركة النور"),
        ("وقالت جمعية المزارعين إن المفاوضات مع الحكومة متوقفة.", "جمعية المزارعين"),
        # A compound Arabic name keeps the family name after it.
        (
            "وكان رئيس الهيئة كمال عبد الستار الورداني قد أعلن أن الطرفين توصلا إلى اتفاق.",
            "كمال عبد الستار الورداني",
        ),
        (
            "أعلن رئيس لجنة المصالحات العرفية الشيخ عبد الحكيم أبو زيد الطحاوي، في اتصال مع "
            "صحيفة أخبار النجوع، التوصل إلى صلح.",
            "عبد الحكيم أبو زيد الطحاوي",
        ),
        # A comma shows where a longer Arabic name ends.
        (
            "وقال وكيل المحافظة لشؤون الخدمات المهندس فؤاد سالم بارحمة، في تصريح للوكالة، "
            "إن الوساطة نجحت.",
            "فؤاد سالم بارحمة",
        ),
        (
            "نفى المتحدث باسم حكومة الولاية، عبد الفتاح علي سمتر، توقيع أي اتفاق.",
            "عبد الفتاح علي سمتر",
        ),
        # ... or the outlet the statement was given to; a title may open the apposition.
        (
            "وقال المتحدث باسم الحركة حامد يعقوب زكريا لوكالة رويترز إن الاتفاق لم يوقع.",
            "حامد يعقوب زكريا",
        ),
        (
            "لكن المتحدث الرسمي باسم الحكومة الاتحادية، وزير الإعلام مأمون عبد الباقي، نفى "
            "في بيان أن تكون الحكومة قد وقعت أي اتفاق.",
            "مأمون عبد الباقي",
        ),
        # Heads of municipalities, chambers and directorates.
        ("وقالت بلدية بئر السبع الجديدة إن المفاوضات مع اللجنة متوقفة.", "بلدية بئر السبع الجديدة"),
        ("وأعلنت غرفة تجارة الوادي أنها رفضت العرض.", "غرفة تجارة الوادي"),
        (
            "La Dirección General de Presidios negó cualquier acuerdo con los internos.",
            "Dirección General de Presidios",
        ),
        # An Arabic name in quotes after an indefinite head.
        (
            "أعلن المجلس التوصل إلى اتفاق مع شركة «مدار» للاتصالات وقيادة قوات الأمن.",
            "شركة «مدار» للاتصالات",
        ),
        ('ورفضت حركة "أحرار الجنوب" العرض.', "حركة أحرار الجنوب"),
        # A body named after its country keeps the country in its name.
        (
            "Le ministre a salué la Police nationale d'Haïti, qui a négocié la libération.",
            "Police nationale d'Haïti",
        ),
        (
            "The minister praised the National Police of Kenya for the talks.",
            "National Police of Kenya",
        ),
    ],
)
def test_names_read_whole(text: str, name: str) -> None:
    # An indefinite construct chain ends at its first definite word; a company and an
    # association are organisations.
    assert name in {a.name for a in extract(text, every_actor=True).actors}


def test_an_armed_group_faces_the_state_before_a_council() -> None:
    # The council is mentioned more than the army, but "the two sides" are the brigade
    # and the army: a council between them mediates.
    draft = extract(
        "The Crane Brigade said it was ready for talks. The Crane Brigade blamed the town "
        "council. The town council said it was passing messages. The town council urged "
        "calm. The army said it would not withdraw. UN envoy Maria Lind said the talks "
        "between the two sides were continuing."
    )
    names = _names(draft)
    (claim,) = [c for c in draft.negotiation_claims if names[c.claimant] == "Maria Lind"]
    assert {names[p].lower() for p in claim.parties} == {"crane brigade", "the army"}


def test_a_body_of_the_deniers_own_side_is_its_channel_not_the_other_side() -> None:
    draft = extract(
        "قالت الحكومة إن المفاوضات مع الجبهة متوقفة. وفي المقابل، نفت الحكومة في بيان صادر "
        "عن مكتب رئيس الوزراء أن تكون قد منعت أي قافلة من دخول البلدة."
    )
    names = _names(draft)
    (denial,) = draft.denials
    assert names[denial.denier] == "الحكومة"
    assert "مكتب رئيس الوزراء" not in {names[c] for c in denial.counterparties}


def test_a_ministry_belongs_to_the_state_its_name_gives() -> None:
    draft = extract(
        "وقال متحدث باسم وزارة الخارجية التركية إن أنقرة تبذل مساعيها. "
        "وقالت الحكومة إن المفاوضات مع المعارضة متوقفة."
    )
    by_name = {a.name: a for a in draft.actors}
    ministry = by_name["وزارة الخارجية التركية"]
    assert ministry.affiliation == by_name["أنقرة"].id


def test_a_place_a_dateline_names_is_no_person_elsewhere() -> None:
    draft = extract(
        "TIN-ZAWA, Dec 2 — Talks between the army and the Red Crane Brigade stalled on the "
        "road between Tin-Zawa and the capital, General Amos Kito said."
    )
    names = {a.name for a in draft.actors}
    assert "Amos Kito" in names
    assert not {n for n in names if "Zawa" in n}
    # Both sides of "between … and …" are parties.
    (claim,) = draft.negotiation_claims
    by_id = _names(draft)
    assert {by_id[p] for p in claim.parties} >= {"Red Crane Brigade"}
    assert len(claim.parties) == 3


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("وقال شيخ عشيرة البو حمدان إن العشيرة مستعدة للصلح مع قبيلة الزيود.", "عشيرة البو حمدان"),
        ("من جهته، قال الاتحاد العام للعمال إن المفاوضات تعثرت.", "الاتحاد العام للعمال"),
    ],
)
def test_arabic_tribal_prefixes_and_general_bodies(text: str, name: str) -> None:
    draft = extract(text)
    names = _names(draft)
    assert name in names.values()
    (claim,) = draft.negotiation_claims
    assert names[claim.claimant] == name


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("وقال شيخ عشيرة البو حمدان إن العشيرة مستعدة للصلح مع قبيلة الزيود.", "proposed"),
        ("وقال رئيس لجنة الوساطة خالد العمر إن اللجنة ستواصل التفاوض مع الطرفين.", "ongoing"),
        ("The Hauliers' Association rejected the package as crumbs.", "refused"),
        (
            "The Hauliers' Association rejected a demand by the ministry to end the blockade.",
            "refused",
        ),
        ("La Defensoría anunció que los dirigentes firmaron un acta con la empresa.", "agreed"),
        ("La Fédération a rejeté les revendications du ministère.", "refused"),
        ("وقال الشيخ خالد العمر إن الحوار لا يزال مستمرا بين الطرفين.", "ongoing"),
        ("وأكد المتحدث خالد العمر أن اللواء يرفض خطة الحكومة.", "refused"),
        ("A fourth round of talks had been held in Kunming, the envoy Li Wei said.", "ongoing"),
        (
            "Le médiateur Paul Ndong a indiqué que les discussions avec le gouvernement « ne "
            "sont pas rompues ».",
            "ongoing",
        ),
        (
            "Un funcionario de la Alcaldía dijo al diario La Cordillera que la negociación con "
            'la Federación de Taxistas "está empantanada".',
            "stalled",
        ),
        (
            "La présidente de la Commission nationale des droits humains a déclaré que la "
            "commission « facilite depuis dimanche un dialogue » entre l'administration et les "
            "détenus.",
            "ongoing",
        ),
        (
            "وقال قائد خفر السواحل إن المفاوضات مع الشركة المالكة «بلغت مراحلها الأخيرة».",
            "ongoing",
        ),
        (
            'A Western diplomat said the talks between the parties were "moving, slowly".',
            "ongoing",
        ),
        ("M. Jean-Baptiste Morvillier a balayé auprès de l'AFP l'offre du ministre.", "refused"),
    ],
)
def test_negotiation_objects_and_status_words(text: str, status: str) -> None:
    # Reconciliation (صلح), a package, a demand and an acta are what is negotiated; "will
    # continue" (ستواصل), "moving", "facilite", «بلغت مراحلها الأخيرة» are ongoing and
    # "empantanada" stalled.
    assert [c.status for c in extract(text).negotiation_claims] == [status]


def test_a_headline_split_by_two_dots_is_all_headline() -> None:
    # "….. وشيخ العشيرة المفجوعة ينفي التوقيع": the second half of the first line is
    # still the headline, which gives way to the body's denial.
    draft = extract(
        "منفذ الغضا مغلق لليوم الخامس.. وشيخ العشيرة المفجوعة ينفي التوقيع\n\n"
        "الغضا - دخل إغلاق منفذ الغضا يومه الخامس.\n\n"
        "ونفى شيخ عشيرة آل مزيعل عبيد المزيعلي في تسجيل صوتي أن تكون العشيرة قد وقعت على أي "
        "هدنة مع البو خشان."
    )
    names = _names(draft)
    assert [names[d.denier] for d in draft.denials] == ["عبيد المزيعلي"]


def test_a_headline_denial_gives_way_to_the_bodys() -> None:
    # The headline's "brigade denies deal" is the body's denial by the Valley Brigade,
    # said vaguer (and read as the Red Cross's): one fact, one denial, from the body.
    draft = extract(
        "Red Cross says talks stalled as brigade denies deal\n\n"
        "The Red Cross said on Monday that talks on the release of two reporters had "
        "stalled. The Valley Brigade denied in a post on Facebook that it had reached any "
        "agreement with the interior ministry."
    )
    (denial,) = draft.denials
    assert _names(draft)[denial.denier] == "Valley Brigade"
    assert denial.quote.startswith("The Valley Brigade denied")


def test_a_first_line_that_ends_a_sentence_is_no_headline() -> None:
    draft = extract(
        "The Valley Brigade denied that it had met the mediators.\n\n"
        "The interior ministry denied that it had reached any agreement with the brigade."
    )
    assert len(draft.denials) == 2


def test_a_denier_in_apposition_after_its_title_opens_no_denied_clause() -> None:
    # "نفى قائد قوات X في القطاع الشرقي، العقيد Y، في مقطع مصور، أن تكون قواته…": what is
    # denied starts at أن; "قواته" (his forces) is the denier's own, not a new body.
    draft = extract(
        "قالت منظمة الصحة العالمية إن إخلاء المرضى سيبدأ غدا. "
        "في المقابل، نفى قائد قوات الدعم الميداني في القطاع الشرقي، العقيد رضوان الشامي، في "
        "مقطع مصور نشره على منصة إكس، أن تكون قواته تحاصر المستشفى. كما نفى الشامي وجود أي "
        "مفاوضات أو اتفاق مع منظمة الصحة العالمية بشأن إخلاء المرضى."
    )
    names = _names(draft)
    assert not any(n.startswith("قواته") for n in names.values())
    first, second = draft.denials
    assert first.denied.startswith("أن تكون قواته")
    assert first.counterparties == []
    assert [names[c] for c in second.counterparties] == ["منظمة الصحة العالمية"]


def test_the_rebels_are_the_main_armed_group_not_its_latest_unit() -> None:
    _, counterparties = _one_denial(
        "Talks between the government and the Southern Islands Movement resumed. The "
        "Southern Islands Movement said the talks were progressing. The movement's boats, "
        "known as the Sea Guard, patrol the banks. Fisheries Minister Anita Calloway denied "
        "that the government had offered the rebels any share of licence fees."
    )
    assert counterparties == ["Southern Islands Movement"]


@pytest.mark.parametrize(
    ("text", "claims"),
    [
        (
            "El dirigente sindical Rubén Chávez dijo a Radio Minera que el acuerdo es claro.",
            ["agreed"],
        ),
        ("Union leader Ruben Chavez said an agreement would need more time.", []),
    ],
)
def test_saying_what_the_agreement_holds_asserts_it(text: str, claims: list[str]) -> None:
    assert [c.status for c in extract(text).negotiation_claims] == claims


@pytest.mark.parametrize(
    "text",
    [
        "Por su parte, la banda Los Caimanes negó en un mensaje difundido en TikTok estar "
        "detrás del motín.",
        "The Sable Brigade denied in a statement having fired on the convoy.",
    ],
)
def test_an_infinitive_clause_is_a_proposition_with_no_other_side(text: str) -> None:
    (denial,) = extract("El Gobierno dijo que las negociaciones siguen. " + text).denials
    assert denial.denied.split()[0] in ("estar", "having")
    assert denial.counterparties == []


def test_a_lowercase_title_before_a_name_gives_role_and_body() -> None:
    draft = extract(
        "The Nurses and Midwives Union (NMU) rejected the offer. NMU general secretary "
        "Maren Tolliver denied that any agreement had been reached."
    )
    by_name = {a.name: a for a in draft.actors}
    union = by_name["Nurses and Midwives Union"]
    tolliver = by_name["Maren Tolliver"]
    assert tolliver.role == "general secretary"
    assert tolliver.affiliation == union.id
    (denial,) = draft.denials
    assert union.id not in denial.counterparties  # her own union is not the other side


@pytest.mark.parametrize(
    ("text", "mediator"),
    [
        (
            "وقال أنس القيسي إن المفاوضات غير المباشرة مع الحكومة التي ترعاها قطر تعثرت.",
            "قطر",
        ),
        (
            "Addo Mensah said 40 prisoners had been exchanged between the army and the Crane "
            "Brigade through the International Committee of the Red Cross.",
            "International Committee of the Red Cross",
        ),
    ],
)
def test_a_mediator_a_phrase_introduces_is_a_party_too(text: str, mediator: str) -> None:
    draft = extract(text)
    names = _names(draft)
    (claim,) = draft.negotiation_claims
    parties = {names[p] for p in claim.parties}
    assert mediator in parties
    assert len(parties - {names[claim.claimant], mediator}) >= 1  # and the other side


@pytest.mark.parametrize(
    ("text", "mediator", "sides"),
    [
        (
            "Refinery talks resume\n\nThe Energy Ministry, which has mediated between the two "
            "sides since March, said on Monday that talks between the Corvel Refining Company "
            "and the Oil Workers' Union had resumed at the Energy Ministry.\n\nThe Oil "
            "Workers' Union said its members would stay out until the lockout ends. The Corvel "
            "Refining Company said it wanted its plant open.\n\nThe Energy Ministry said the "
            "ministry's negotiators were hopeful.",
            "Energy Ministry",
            {"Corvel Refining Company", "Oil Workers' Union"},
        ),
        (
            "استئناف المفاوضات في مصفاة الوادي\n\nقال الاتحاد الجهوي للشغل الذي يقود وساطة بين "
            "الطرفين منذ أسبوعين إن المفاوضات بين شركة نفط الوادي ونقابة عمال المصفاة مستمرة."
            "\n\nوأضاف الاتحاد الجهوي للشغل أن الاتحاد الجهوي للشغل سيعقد جولة جديدة الأحد."
            "\n\nوقالت نقابة عمال المصفاة إن الإضراب مستمر، وقالت شركة نفط الوادي إنها تريد "
            "حلا.",
            "الاتحاد الجهوي",
            {"شركة نفط الوادي", "نقابة عمال المصفاة"},
        ),
    ],
)
def test_a_body_described_as_mediating_is_not_a_side(
    text: str, mediator: str, sides: set[str]
) -> None:
    # The mediator is the most mentioned body, yet the relative clause after its name
    # (", which has mediated", «الذي يقود وساطة») keeps it out of the story's two sides:
    # its claim is about the talks between the other two.
    draft = extract(text)
    names = _names(draft)
    claim = next(c for c in draft.negotiation_claims if names[c.claimant] == mediator)
    assert claim.status == "ongoing"
    assert {names[p] for p in claim.parties} - {mediator} == sides


@pytest.mark.parametrize(
    ("text", "status", "sides"),
    [
        (
            "Dam dispute\n\nThe Sarykul Basin Authority and the Tokmurat Water Users' "
            "Association have argued for weeks over the summer releases.\n\nA spokesman for "
            "the Sarykul Basin Authority told a regional daily that the authority had offered "
            "the Tokmurat Water Users' Association an additional 5 million cubic metres.",
            "proposed",
            {"Sarykul Basin Authority", "Tokmurat Water Users' Association"},
        ),
        (
            "La Alcaldía de Monteclaro y el Gremio de Taxistas discuten desde marzo.\n\nLa "
            "vocera Diana Ospina afirmó que la Alcaldía de Monteclaro y el Gremio de Taxistas "
            "acordaron en la madrugada levantar el bloqueo.",
            "agreed",
            {"Alcaldía de Monteclaro", "Gremio de Taxistas"},
        ),
        # Readiness is an offer: "ready to", «مستعدة», "prête à", "dispuesta a".
        (
            "Port dispute\n\nThe Kavala Dockers' Union and the Harbour Board have argued "
            "for weeks.\n\nThe Kavala Dockers' Union said it was ready to suspend the "
            "overtime ban if the Harbour Board took back the 60 fitters.",
            "proposed",
            {"Kavala Dockers' Union", "Harbour Board"},
        ),
        (
            'وقالت وزارة الزراعة في بيان إنها "مستعدة لاستقبال ممثلي نقابة الفلاحين في أي '
            'وقت إذا علقت النقابة إضرابها".',
            "proposed",
            {"وزارة الزراعة", "نقابة الفلاحين"},
        ),
        (
            "Barrage à Bassam\n\nLe Collectif des riverains de Bassam bloque depuis lundi "
            "l'accès à l'usine de la Société des eaux de Bassam.\n\nLe Collectif des "
            "riverains de Bassam s'est dit prêt à lever le barrage si la Société des eaux de "
            "Bassam rétablit la distribution.",
            "proposed",
            {"Collectif des riverains de Bassam", "Société des eaux de Bassam"},
        ),
        (
            "La Cooperativa Minera del Sur está dispuesta a volver a la mesa con la Empresa "
            "Nacional de Cobre, dijo su presidente.",
            "proposed",
            {"Cooperativa Minera del Sur", "Empresa Nacional de Cobre"},
        ),
        (
            "أزمة الحبوب\n\nتتواصل الأزمة بين وزارة الزراعة ونقابة الفلاحين منذ أسابيع.\n\n"
            'وقالت وزارة الزراعة في بيان إنها "منفتحة على دراسة مهلة" تطلبها نقابة الفلاحين.',
            "proposed",
            {"وزارة الزراعة", "نقابة الفلاحين"},
        ),
        (
            "Port dispute\n\nThe Kavala Dockers' Union and the Harbour Board have argued "
            "for weeks.\n\nThe Harbour Board said it had invited the Kavala Dockers' Union "
            "to its offices on Friday.",
            "proposed",
            {"Kavala Dockers' Union", "Harbour Board"},
        ),
    ],
)
def test_a_verb_that_states_the_act_is_a_claim_without_a_negotiation_word(
    text: str, status: str, sides: set[str]
) -> None:
    # "had offered", "acordaron", "ready to": the verb stands for the negotiation word, and
    # its status is the verb's own, whatever else the clause says ("if the association
    # accepts").
    draft = extract(text)
    names = _names(draft)
    (claim,) = draft.negotiation_claims
    assert claim.status == status
    assert {names[p] for p in claim.parties} >= sides


def test_a_status_verb_with_no_other_side_named_is_no_claim() -> None:
    # With no negotiation word, only a clause that names the other side is a claim.
    draft = extract("The Harbour Workers' Union said on Monday that it had accepted.")
    assert draft.negotiation_claims == []


def test_the_reports_a_denial_denies_are_no_claim() -> None:
    draft = extract(
        "Valley talks\n\nThe Free Velka Battalions have held the valley since May, and the "
        "army has besieged it.\n\nThe Free Velka Battalions said the siege was illegal.\n\n"
        "Marta Ivers, the commander of the Free Velka Battalions, denied reports that her "
        "fighters had held talks with the army."
    )
    assert len(draft.denials) == 1
    assert draft.negotiation_claims == []


@pytest.mark.parametrize(
    "text",
    [
        # The author named with the offer.
        "Airline talks\n\nThe Transport Ministry said it hoped for a deal with the Kelland "
        "Airline Pilots' Association.\n\nThe Kelland Airline Pilots' Association rejected "
        "Kelland Air's offer on Tuesday, saying the Transport Ministry should step in.",
        # "that offer": the side whose proposal came last.
        "Airline talks\n\nKelland Air said on Monday it had offered the Kelland Airline "
        "Pilots' Association a 4 percent pay rise.\n\nThe Transport Ministry said it hoped "
        "for a deal.\n\nThe Kelland Airline Pilots' Association rejected that offer on "
        "Tuesday, saying the Transport Ministry should step in.",
    ],
)
def test_a_refused_offer_is_refused_to_its_author(text: str) -> None:
    # Whoever else the refusal names, the refusal is between the refuser and the offer's
    # author.
    draft = extract(text)
    names = _names(draft)
    refusal = next(c for c in draft.negotiation_claims if c.status == "refused")
    assert {names[p] for p in refusal.parties} == {
        "Kelland Air",
        "Kelland Airline Pilots' Association",
    }


def test_a_refusal_with_its_own_subject_is_not_the_previous_speakers_status() -> None:
    # "…تعثرت…، وترفض الحكومة الإفراج عنهم": the talks stalled (the spokesman's claim);
    # the refusal is the government's.
    draft = extract(
        "قال المتحدث باسم حركة الفجر أنس القيسي إن المفاوضات مع الحكومة تعثرت بسبب خلاف على "
        "أسماء المعتقلين، وترفض الحكومة الإفراج عنهم."
    )
    names = _names(draft)
    by_claimant = {names[c.claimant]: c.status for c in draft.negotiation_claims}
    assert by_claimant.get("أنس القيسي") == "stalled"


def test_an_anonymous_speaker_is_named_with_its_qualifiers() -> None:
    draft = extract(
        "وفي السياق، قال مصدر دبلوماسي مطلع على الوساطة للجزيرة، طالبا عدم كشف هويته، إن "
        "الدوحة قدمت مقترحا جديدا."
    )
    (claim,) = draft.negotiation_claims
    assert _names(draft)[claim.claimant] == "مصدر دبلوماسي مطلع على الوساطة"


@pytest.mark.parametrize(
    ("text", "not_actor"),
    [
        (
            "Tchad : les agriculteurs rejettent le couloir\n\nLe comité des agriculteurs a "
            "rejeté mercredi le tracé proposé par le gouverneur.",
            "Chad",
        ),
        (
            "الكريب (السودان) - نفت التنسيقية التوقيع على أي اتفاق مع حكومة الولاية.",
            "Sudan",
        ),
        (
            "A diplomat told the Bangkok Post that the military government had rejected a "
            "Chinese proposal.",
            "Thailand",
        ),
        (
            "تضارب الروايات بشأن الميناء\n\nأجدابيا (ليبيا) - أعلنت وزارة النفط التوصل إلى "
            "اتفاق مع الحراك.",
            "Libya",
        ),
    ],
)
def test_a_country_as_label_or_in_an_outlet_name_is_no_actor(text: str, not_actor: str) -> None:
    draft = extract(text, every_actor=True)
    assert not_actor not in {a.name_en for a in draft.actors}
    assert draft.actors  # the article's actors are still found


def test_arabic_compound_given_names_and_kunya_family_names() -> None:
    names = {
        a.name
        for a in extract(
            "لكن المدير العام لشركة النجمة، المهندس صلاح الدين كرّار، نفى أن تكون الشركة قد "
            "دخلت في أي تفاوض. وقال الشيخ خالد الأمين أبو سنينة إن الحوار مستمر مع الحكومة."
        ).actors
    }
    assert {"صلاح الدين كرّار", "خالد الأمين أبو سنينة"} <= names


@pytest.mark.parametrize(
    ("text", "not_actor"),
    [
        ("The army respects the Geneva Conventions, Colonel Amos Kito said.", "Geneva Conventions"),
        (
            "Los reclusos del penal de Las Tunillas liberaron a seis guardias, dijo la "
            "ministra Gabriela Ordóñez.",
            "Las Tunillas",
        ),
        ("Nurses went on strike, the Essendale Courier reported.", "Essendale Courier"),
        # A two-word name ending in a compass word is a place.
        ("The KPM won the vote in Saka East, the party said.", "Saka East"),
        (
            "Rotimi Okanlawon, the lawmaker for Adaro Central, said talks would resume.",
            "Adaro Central",
        ),
        # No title reaches into the next sentence; "in …" extends only a named body.
        (
            "Kelland Air denies layoff plans as pilots' dispute goes to court-appointed "
            "mediator\n\nPORT AVERNE, March 12 (Reuters) - Kelland Air denied in a statement "
            "that it was planning to lay off pilots.",
            "PORT AVERNE",
        ),
        (
            "Mogadishu, which has little authority in the lower Goob valley, welcomed the truce.",
            "authority in the lower Goob",
        ),
    ],
)
def test_phrases_that_name_no_actor(text: str, not_actor: str) -> None:
    # Plural names of texts, prisons and papers, places, and words a title or a head would
    # wrongly run into.
    assert not_actor not in {a.name for a in extract(text).actors}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "لكن المتحدث باسم الحراك، عبد السلام امحمد بوخطوة، نفى التوصل إلى أي اتفاق مع الوزارة.",
            "عبد السلام امحمد بوخطوة",
        ),
        (
            "ونفى المتحدث باسم جهاز حرس المنشآت، العقيد ونيس سالم القطعاني، في تصريح لصحيفة "
            "الساحل، أنباء عن تحريك وحدات.",
            "ونيس سالم القطعاني",
        ),
    ],
)
def test_a_titled_name_set_off_by_commas_is_all_its_words(text: str, name: str) -> None:
    assert _one_denial(text)[0] == name


def test_a_denial_quoted_before_its_author_is_the_authors() -> None:
    assert _one_denial(
        "The government said an integration agreement had been signed. Hours later, the "
        'chief negotiator, Daudi Oloo Mwakasege, gave a different account. "There is no '
        'truth in the claim that we signed an integration agreement with the government," '
        "Mwakasege told Radio Tumaini."
    ) == ("Daudi Oloo Mwakasege", ["The government"])


def test_a_definite_description_in_apposition_is_the_body_just_named() -> None:
    draft = extract(
        "The Dolan Civic Alliance (DCA), the main party of the country's ethnic Dolan "
        "minority, said talks with the government had stalled. Interior Ministry spokesman "
        "Goran Lazic denied that the ministry had negotiated with any political party."
    )
    names = _names(draft)
    assert "main party" not in names.values()
    (denial,) = draft.denials
    assert [names[c] for c in denial.counterparties] == ["Dolan Civic Alliance"]


def test_the_district_a_governor_governs_is_no_body() -> None:
    # In Jordan a لواء is a district: "متصرف لواء الحصينية" is its governor, not a brigade.
    actors = extract(
        "من جهته، قال متصرف لواء الحُصينيّة خالد يوسف النعيمات للصحفيين إن المفاوضات بين "
        "الشركة والعشيرة مستمرة."
    ).actors
    assert [(a.name, a.role) for a in actors if a.kind != "person"] == []
    assert [(a.name, a.role) for a in actors] == [("خالد يوسف النعيمات", "governor")]


def test_an_organisations_initials_are_its_short_form_unannounced() -> None:
    draft = extract(
        "The Essendale Health Authority said it had reached an agreement with the Nurses and "
        "Midwives Union. NMU general secretary Maren Tolliver denied that any agreement had "
        "been reached."
    )
    by_name = {a.name: a for a in draft.actors}
    union = by_name["Nurses and Midwives Union"]
    assert "NMU" in union.aliases
    assert by_name["Maren Tolliver"].affiliation == union.id
    assert _one_denial_of(draft) == ("Maren Tolliver", ["Essendale Health Authority"])


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        (
            "La vocera negó un acuerdo con el movimiento Fuerza Comunal. Fuerza Comunal no "
            "respondió.",
            "Fuerza Comunal",
            "movimiento Fuerza Comunal",
        ),
        (
            "La víspera, el diario regional La Voz del Llano publicó que la Asamblea "
            "Departamental de Guayacán votará el jueves.",
            "Asamblea Departamental de Guayacán",
            "Voz del Llano",
        ),
    ],
)
def test_latin_names_without_their_common_noun_and_outlets_named_after_one(
    text: str, present: str, absent: str
) -> None:
    names = {a.name for a in extract(text, every_actor=True).actors}
    assert present in names
    assert absent not in names and f"La {absent}" not in names


def test_a_chairwoman_of_the_body_just_named_belongs_to_it() -> None:
    draft = extract(
        "The Adaro Council said the Olugbade Market Traders Association had agreed to move. "
        "The association's chairwoman, Folasade Adeyemi-Bello, denied in a statement that "
        "the traders had agreed to any relocation."
    )
    by_name = {a.name: a for a in draft.actors}
    person = by_name["Folasade Adeyemi-Bello"]
    assert person.role == "chairwoman"
    assert person.affiliation == by_name["Olugbade Market Traders Association"].id
    assert _one_denial_of(draft) == ("Folasade Adeyemi-Bello", ["Adaro Council"])


def test_an_anonymous_source_in_a_body_is_named_with_it() -> None:
    # "مصادر في عشيرة البو حمدان": the source's name says whose sources they are.
    draft = extract(
        "وقالت مصادر في عشيرة البو حمدان للجزيرة إن العشيرة لن توقع على أي اتفاق مع الحكومة."
    )
    names = _names(draft)
    (anonymous,) = [s for s in draft.sources if s.kind == "anonymous"]
    assert anonymous.name == "مصادر في عشيرة البو حمدان"
    assert anonymous.actor is not None and names[anonymous.actor] == "عشيرة البو حمدان"


def test_denied_reports_of_an_act_have_no_other_side() -> None:
    # "reports that its owners planned to close the factory": a proposition about an act,
    # not about talks, so the union it is in dispute with is not its other side.
    assert _one_denial(
        "The Solidarity Union said talks with Golden Lotus Garments had stalled. Golden "
        "Lotus Garments dismissed as groundless reports that its owners planned to close "
        "the factory."
    ) == ("Golden Lotus Garments", [])


def test_a_spanish_infinitive_after_a_link_word_ends_the_name() -> None:
    names = {
        a.name
        for a in extract(
            "El Ministerio de Hidrocarburos se comprometió a pagar. El ministro negó que el "
            "ministerio de pagar haya solicitado un operativo policial."
        ).actors
    }
    assert "ministerio de pagar" not in names
    assert "Ministerio de Hidrocarburos" in names


@pytest.mark.parametrize(
    ("text", "gang"),
    [
        (
            "Le ministre a démenti que l'État ait négocié avec le gang Baz Grif Nwa.",
            "Baz Grif Nwa",
        ),
        (
            "The minister denied that the government had negotiated with the Red Hand gang.",
            "Red Hand gang",
        ),
        ("El ministro negó que el Gobierno haya pactado con la pandilla Los Lobos.", "Los Lobos"),
        ("ونفى الوزير أن تكون الحكومة قد تفاوضت مع عصابة الذئاب الحمر.", "عصابة الذئاب الحمر"),
    ],
)
def test_a_gang_is_an_armed_group(text: str, gang: str) -> None:
    kinds = {a.name: a.kind for a in extract(text, every_actor=True).actors}
    assert kinds[gang] == "armed_group"


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "Le ministre de la Justice et de la Sécurité publique, Gérald Dorsainvil, a démenti "
            "toute négociation.",
            "Gérald Dorsainvil",
            "minister",
        ),
        (
            "The head of the regional water and sanitation authority, Mary Okafor, denied the "
            "reports.",
            "Mary Okafor",
            "head",
        ),
    ],
)
def test_a_name_set_off_by_commas_after_a_long_title(text: str, name: str, role: str) -> None:
    assert {a.name: a.role for a in extract(text).actors}[name] == role


def test_a_title_without_a_comma_set_name_names_no_one() -> None:
    # The comma must set the name off: here it ends a clause that never names anyone.
    actors = extract(
        "Le ministre de la Justice et de la Sécurité publique, selon Radio Soleil Levant, a "
        "démenti toute négociation."
    ).actors
    assert [a.name for a in actors if a.kind == "person"] == []


def test_a_lead_gives_way_to_the_bodys_denial_of_the_same_thing() -> None:
    text = (
        "Church leaders host truce talks as Wutchok Guards deny raid\n\n"
        "Elders met on Wednesday for talks on a truce, while the Wutchok Guards, an armed "
        "youth group blamed for the attack, denied any part in it.\n\n"
        "The group's spokesman, Makuei Garang Ater, denied by telephone to Reuters that any "
        "of its members had taken part in the attack at Toch Aliap."
    )
    draft = extract(text)
    names = _names(draft)
    assert [(names[d.denier], d.quote[:16]) for d in draft.denials] == [
        ("Makuei Garang Ater", "The group's spok")
    ]
    assert {a.name: a.affiliation for a in draft.actors}["Makuei Garang Ater"] == "wutchok_guards"


def test_a_lead_denying_something_else_stays() -> None:
    text = (
        "Ministry denies death in custody\n\n"
        "The justice ministry on Thursday denied that a hunger striker had died at the "
        "central prison.\n\n"
        "Its spokesman, Ibrahima Sow, also denied that the ministry was negotiating with "
        "the strikers' committee."
    )
    assert len(extract(text).denials) == 2


def test_a_pronoun_subject_before_also_keeps_the_speaker() -> None:
    draft = extract(
        "Ilan Moras, the Front's deputy commander, said the talks had failed. Reached by "
        "phone, he also denied that the group's fighters had met the brigade's officers."
    )
    by_name = {a.name: a for a in draft.actors}
    assert by_name["Ilan Moras"].affiliation == by_name["Front"].id
    (denial,) = draft.denials
    assert _names(draft)[denial.denier] == "Ilan Moras"


def test_the_church_is_never_the_armed_group_just_named() -> None:
    actors = extract(
        "The Highland Front, an armed group, said it would respect the truce. The church "
        "had offered to mediate."
    ).actors
    front = next(a for a in actors if a.name == "Highland Front")
    assert "church" not in front.aliases


def test_capitals_before_a_common_noun_qualify_it_the_name_comes_after() -> None:
    actors = extract(
        "The head of the Akot-Dhol delegation, Chief Ajak Marial Kuol, said his community "
        "was ready to sign a truce."
    ).actors
    assert [(a.name, a.role) for a in actors if a.role] == [("Ajak Marial Kuol", "head")]


def test_an_arabic_body_written_short_with_its_preposition_dropped() -> None:
    draft = extract(
        "نقابة العمال تنفي اتفاقا أعلنه الطيران المدني\n\n"
        "قالت الأمينة العامة للنقابة العامة لعمال المطارات سعاد يوسف المنصوري إن رابطة "
        "المراقبين الجويين لم تفاوض الهيئة العامة للطيران المدني.",
        every_actor=True,
    )
    by_name = {a.name: a for a in draft.actors}
    union = by_name["النقابة العامة لعمال المطارات"]
    assert "نقابة العمال" in union.aliases
    assert by_name["سعاد يوسف المنصوري"].affiliation == union.id
    assert by_name["سعاد يوسف المنصوري"].role == "secretary general"
    assert "الهيئة العامة للطيران المدني" in by_name
    assert by_name["رابطة المراقبين الجويين"].kind == "civil_body"


def test_an_arabic_general_authority_is_a_government_body() -> None:
    kinds = {
        a.name: a.kind
        for a in extract("قالت الهيئة العامة للطيران المدني إن الإضراب انتهى.").actors
    }
    assert kinds["الهيئة العامة للطيران المدني"] == "government"


def test_who_refuses_a_proposal_is_a_party_of_the_refusal() -> None:
    draft = extract(
        "أعلن المجلس المحلي التوصل إلى اتفاق لإعادة الخدمة. وقال عضو في المجلس لصحيفة "
        "«نبض الوادي»، طالبا عدم الكشف عن اسمه، إن قوات الأمن رفضت مقترحا قدمه المجلس. "
        "ونفت وزارة الاتصالات، في بيان، أن تكون قد أصدرت أي تعليمات بقطع الخدمة، كما نفت "
        "وزارة الاتصالات مشاركتها في أي مفاوضات مع المجلس المحلي."
    )
    names = _names(draft)
    refused = [c for c in draft.negotiation_claims if c.status == "refused"]
    assert [sorted(names[p] for p in c.parties) for c in refused] == [
        ["المجلس المحلي", "قوات الأمن"]
    ]


def test_a_quote_after_a_definite_head_is_speech_not_a_name() -> None:
    names = {
        a.name for a in extract('وقال الوزير إن المجلس "ضمن" الاتفاق نيابة عن الأهالي.').actors
    }
    assert not any("ضمن" in n for n in names)


def test_an_anonymous_speaker_is_also_named_by_its_noun_and_adjective() -> None:
    draft = extract(
        "A Western diplomat close to the mediation said talks between the Kandoro People's "
        "Movement and the United Lakes Party were continuing."
    )
    (speaker,) = [a for a in draft.actors if "diplomat" in a.name]
    assert "Western diplomat" in speaker.aliases


def test_who_reports_a_refusal_claims_it() -> None:
    draft = extract(
        "قالت الأمينة العامة للنقابة العامة لعمال المطارات سعاد يوسف المنصوري إن الإضراب "
        "مستمر. وأضافت المنصوري أن النقابة رفضت عرض الهيئة العامة للطيران المدني."
    )
    names = _names(draft)
    (claim,) = [c for c in draft.negotiation_claims if c.status == "refused"]
    assert names[claim.claimant] == "سعاد يوسف المنصوري"
    assert {names[p] for p in claim.parties} == {
        "النقابة العامة لعمال المطارات",
        "الهيئة العامة للطيران المدني",
    }


@pytest.mark.parametrize(
    ("text", "person", "body"),
    [
        (
            "El Ministerio de Transporte propuso un registro. Con la participación del "
            "viceministro de Transporte, Felipe Andrade Cuéllar, se instaló la mesa.",
            "Felipe Andrade Cuéllar",
            "Ministerio de Transporte",
        ),
        (
            "La Commission nationale des droits humains (CNDH) suit la grève. La présidente de "
            "la CNDH, Mariame Condé-Baldé, a déclaré que le dialogue se poursuit.",
            "Mariame Condé-Baldé",
            "Commission nationale des droits humains",
        ),
    ],
)
def test_a_title_names_the_body_its_complement_ends(text: str, person: str, body: str) -> None:
    draft = extract(text)
    names = _names(draft)
    by_name = {a.name: a for a in draft.actors}
    assert names[by_name[person].affiliation or ""] == body


@pytest.mark.parametrize(
    ("text", "person", "body"),
    [
        (
            "Norway's special envoy, Kjetil Haraldsen, said Oslo was ready to host talks.",
            "Kjetil Haraldsen",
            "Norway",
        ),
        (
            "The European Union hosted the talks. Lotte Brandsma, the EU envoy, told reporters "
            "that the two delegations would meet again.",
            "Lotte Brandsma",
            "European Union",
        ),
    ],
)
def test_an_envoy_of_the_body_named_before(text: str, person: str, body: str) -> None:
    draft = extract(text)
    by_name = {a.name: a for a in draft.actors}
    assert by_name[person].role == "envoy"
    assert _names(draft)[by_name[person].affiliation or ""] == body


def test_a_report_citing_a_source_in_a_body_is_that_bodys_claim_past_a_negated_aside() -> None:
    draft = extract(
        "ونشرت صحيفة «المرفأ» تقريرا نقلت فيه عن مصدر في قيادة خفر السواحل، لم تسمه، أن "
        "الجانبين «اتفقا مبدئيا» على أن تدفع الشركة غرامة."
    )
    names = _names(draft)
    assert [(names[c.claimant], c.status) for c in draft.negotiation_claims] == [
        ("قيادة خفر السواحل", "agreed")
    ]


def test_refraining_from_confirming_or_denying_is_no_denial() -> None:
    assert not extract(
        "وامتنع البحري عن تأكيد أو نفي مشاركة ممثلين عن الكتيبة في أي اجتماع مع المجلس المدني."
    ).denials


def test_an_arabic_title_names_the_body_its_definite_complement_ends() -> None:
    draft = extract(
        "أعلنت نقابة الأطباء الإضراب. وقال نقيب الأطباء الدكتور إبراهيم الحسيني إن المفاوضات "
        "مستمرة مع الخاطفين."
    )
    by_name = {a.name: a for a in draft.actors}
    assert by_name["إبراهيم الحسيني"].affiliation == by_name["نقابة الأطباء"].id


def test_a_company_named_by_its_trade_word_is_one_body_with_its_short_name() -> None:
    actors = extract(
        "Workers at Golden Lotus Apparel went on strike. The union rejected an offer from "
        "Golden Lotus to pay 60 percent of the wages."
    ).actors
    by_name = {a.name: a for a in actors}
    assert by_name["Golden Lotus Apparel"].kind == "other"
    assert "Golden Lotus" in by_name["Golden Lotus Apparel"].aliases
    assert "Golden Lotus" not in by_name


def test_a_status_after_despite_or_in_an_anonymity_phrase_is_background() -> None:
    draft = extract(
        "Una fuente de la Policía Nacional, que pidió no ser identificada, dijo a EFE que las "
        "negociaciones entre los mediadores y las dos bandas continúan, pese al rechazo "
        "público del Clan del Puerto. La banda Los Halcones controla el barrio."
    )
    names = _names(draft)
    (claim,) = draft.negotiation_claims
    assert claim.status == "ongoing"
    assert {"Clan del Puerto", "Los Halcones"} <= {names[p] for p in claim.parties}


@pytest.mark.parametrize(
    ("text", "person", "role"),
    [
        (
            "Por su parte, la alcaldesa de San Lázaro, Marcela Ocampo, propuso instalar una "
            "mesa de diálogo.",
            "Marcela Ocampo",
            "mayor",
        ),
        (
            "El obispo de San Lázaro del Monte, monseñor Aurelio Benítez, anunció una tregua.",
            "Aurelio Benítez",
            "bishop",
        ),
    ],
)
def test_a_place_after_a_title_then_the_name(text: str, person: str, role: str) -> None:
    actors = extract(text).actors
    assert [(a.name, a.role) for a in actors if a.kind == "person"] == [(person, role)]


def test_a_head_as_modifier_points_at_the_body_named_by_it() -> None:
    draft = extract(
        "A ceasefire between the army and the Halvane People's Guard held on Thursday. The "
        "Guard, for its part, denied that its fighters had fired on an army supply convoy "
        "near Tolla on Wednesday night."
    )
    assert _one_denial_of(draft) == ("Halvane People's Guard", ["the army"])


def test_a_person_who_says_a_body_refused_an_offer_claims_the_refusal() -> None:
    draft = extract(
        "Andrés Ramírez Soto dijo a EFE que el Comité de Reclusos rechazó la oferta de la "
        "Dirección General de Prisiones."
    )
    names = _names(draft)
    (claim,) = draft.negotiation_claims
    assert (names[claim.claimant], claim.status) == ("Andrés Ramírez Soto", "refused")
    assert {names[p] for p in claim.parties} >= {
        "Comité de Reclusos",
        "Dirección General de Prisiones",
    }


def test_who_says_that_a_refusal_happened_claims_it() -> None:
    draft = extract(
        "La porte-parole du Collectif des étudiants de Betafo (CEBA), Fanja Rasoanaivo, a "
        "déclaré que l'assemblée générale des étudiants avait rejeté mercredi la proposition "
        "du recteur."
    )
    names = _names(draft)
    assert [(names[c.claimant], c.status) for c in draft.negotiation_claims] == [
        ("Fanja Rasoanaivo", "refused")
    ]


def test_a_reporter_who_speaks_for_no_body_passes_the_refusal_on() -> None:
    draft = extract(
        "Le comité des grévistes réclame des visites. Selon Me Sékou Oularé, avocat d'une "
        "vingtaine de grévistes, le comité a rejeté cette offre mercredi soir."
    )
    names = _names(draft)
    assert [(names[c.claimant], c.status) for c in draft.negotiation_claims] == [
        ("comité des grévistes", "refused")
    ]


@pytest.mark.parametrize(
    ("text", "person", "role", "body"),
    [
        (
            "John Doe, chief executive of Acme Mining, denied that the company had ignored "
            "safety warnings from the union.",
            "John Doe",
            "chief executive",
            "Acme Mining",
        ),
        (
            "Le directeur général de la Société minière du Nord, Jean Dupont, a démenti avoir "
            "négocié avec les ravisseurs.",
            "Jean Dupont",
            "director",
            "Société minière du Nord",
        ),
        (
            "وقال مدير شركة الكهرباء الوطنية المهندس سامر علي الحسن إن الشركة وافقت على تجميد "
            "التعرفة.",
            "سامر علي الحسن",
            "director",
            "شركة الكهرباء الوطنية",
        ),
    ],
)
def test_company_titles(text: str, person: str, role: str, body: str) -> None:
    draft = extract(text)
    by_name = {a.name: a for a in draft.actors}
    assert by_name[person].role == role
    assert _names(draft)[by_name[person].affiliation or ""] == body


def test_arabic_ali_and_the_family_name_after_bin() -> None:
    names = {
        a.name
        for a in extract(
            "غير أن شيخ قبيلة بني مطرف علي بن سالم المطرفي نفى، في كلمة مصورة، أن تكون "
            "القبيلة قد وافقت على الهدنة."
        ).actors
    }
    assert "علي بن سالم المطرفي" in names


def test_a_denial_of_dealings_between_the_two_sides_is_about_both() -> None:
    draft = extract(
        "تحتجز قيادة خفر السواحل سفينة لشركة الشحن البحري. وتتفاوض شركة الشحن البحري مع "
        "قيادة خفر السواحل. ونفى الوسيط مبارك الشماخي، في حديث لوكالة الصحافة الفرنسية، أن "
        "يكون قد نقل أي أموال بين الطرفين."
    )
    names = _names(draft)
    (denial,) = draft.denials
    assert len(denial.counterparties) == 2
    assert names[denial.denier] == "مبارك الشماخي"


def test_a_person_familiar_with_the_talks_is_an_anonymous_speaker_past_a_long_aside() -> None:
    draft = extract(
        "A person familiar with the talks, who asked not to be named because the discussions "
        "are confidential, told the Mekong Daily newspaper that the talks between Golden Lotus "
        "Apparel and the Garment Workers' Union had stalled."
    )
    names = _names(draft)
    assert [(names[c.claimant], c.status) for c in draft.negotiation_claims] == [
        ("A person familiar with the talks", "stalled")
    ]


def test_a_status_after_the_verb_for_talks_named_before_it() -> None:
    draft = extract(
        "The talks between the Sable Brigade and the army, a Western diplomat said on "
        "Tuesday, have stalled."
    )
    names = _names(draft)
    assert [
        (names[c.claimant], c.status, sorted(names[p] for p in c.parties))
        for c in draft.negotiation_claims
    ] == [("a Western diplomat", "stalled", ["Sable Brigade", "the army"])]


@pytest.mark.parametrize(
    ("text", "bodies"),
    [
        (
            "Elders from the rival Akot-Dhol and Nyangwar pastoralist communities met on "
            "Wednesday. Nyangwar chiefs blamed the raid on the Wutchok Guards.",
            ["Akot-Dhol", "Nyangwar"],
        ),
        ("Les clans Bari et Somo ont signé une trêve, selon le préfet.", ["Bari", "Somo"]),
    ],
)
def test_names_joined_before_or_after_a_plural_of_communities(text: str, bodies: list[str]) -> None:
    kinds = {a.name: a.kind for a in extract(text, every_actor=True).actors}
    assert [kinds.get(b) for b in bodies] == ["civil_body", "civil_body"]


@pytest.mark.parametrize(
    ("text", "status"),
    [
        (
            'وقال الناطق الرسمي باسم الديوانة العقيد منير الخماسي للإذاعة إن الديوانة "لن '
            'تتفاوض مع المهربين".',
            "refused",
        ),
        (
            'El comandante Luis Robledo añadió que la organización "no se sentará a negociar" '
            "con el Gobierno.",
            "refused",
        ),
        (
            "The energy ministry announced a deal it said would restore full power to the "
            "southern province, the Morvane Dam Authority said.",
            "agreed",
        ),
    ],
)
def test_refusing_to_negotiate_and_announcing_a_deal(text: str, status: str) -> None:
    assert status in [c.status for c in extract(text).negotiation_claims]


def test_a_title_after_the_verb_then_its_holder_set_off_by_commas_denies() -> None:
    assert (
        _one_denial(
            "ميدانيا، نفى قائد العمليات في المنطقة الجنوبية الشرقية، اللواء رائد العتوم، في مؤتمر "
            "صحفي، أن يكون الجيش قد تفاوض مع المسلحين."
        )[0]
        == "رائد العتوم"
    )


def test_neither_confirming_nor_denying_across_a_subject_and_object_is_no_denial() -> None:
    assert not extract(
        "ولم يؤكد متحدث باسم وزارة التعليم العالي الاتفاق أو ينفِه، مكتفيا بالقول إن الوزارة "
        "دعت الطرفين إلى اجتماع الخميس."
    ).denials


def test_a_company_and_a_union_named_in_full_with_their_short_forms() -> None:
    draft = extract(
        "Miners refused to leave a shaft at Serati Mining's Kolwane mine, according to the "
        "National Union of Mine and Quarry Workers (NUMQW). Serati spokeswoman Thandeka Mabaso "
        "said the company had listened to the union. Labour Minister Naledi Phoshoko said the "
        "labour ministry would keep mediating, as the Mine Health and Safety Inspectorate "
        "visited the shaft.",
        every_actor=True,
    )
    names = _names(draft)
    by_name = {a.name: a for a in draft.actors}
    union = by_name["National Union of Mine and Quarry Workers"]
    assert "NUMQW" in union.aliases
    assert names[by_name["Thandeka Mabaso"].affiliation or ""] == "Serati Mining"
    assert names[by_name["Naledi Phoshoko"].affiliation or ""] == "labour ministry"
    assert by_name["Mine Health and Safety Inspectorate"].kind == "government"
    assert "company" in by_name["Serati Mining"].aliases


def test_an_arabic_profession_before_a_name_is_a_rank_not_part_of_a_body() -> None:
    names = {
        a.name
        for a in extract(
            "وقال رئيس اللجنة المحامي مؤيد العتوم لوكالة الأنباء الألمانية إن اللجنة رفضت عرض "
            "الشركة."
        ).actors
    }
    assert "مؤيد العتوم" in names
    assert not any("المحامي" in n for n in names)


def test_a_title_joined_by_and_is_no_part_of_a_name_and_a_board_is_a_body() -> None:
    actors = extract(
        "Mufti and police talk down bus hijackers\n\nMufti Ilyas Bekmurzin, who heads the "
        "Spiritual Board of Muslims, boarded the bus twice, the Upper Selvan police said.",
        every_actor=True,
    ).actors
    kinds = {a.name: a.kind for a in actors}
    assert "Mufti and police" not in kinds
    assert kinds["Spiritual Board of Muslims"] == "civil_body"


def test_a_trade_word_alone_names_nobody() -> None:
    draft = extract(
        "Northmere Container Line said the Coastal and Port Workers' Union had rejected its "
        "offer. The authority's chief executive said no discussions on fees had taken place "
        "with Northmere or any other shipping line."
    )
    names = {a.name for a in draft.actors}
    assert "shipping" not in {alias for a in draft.actors for alias in a.aliases}
    assert "Coastal and Port Workers' Union" in names


@pytest.mark.parametrize(
    ("text", "group"),
    [
        (
            "Gunmen hijacked a bus near Narvesk on Monday. Interior ministry spokeswoman Ilse "
            "Varga denied that the regional administration had agreed to free any prisoners to "
            "the hijackers.",
            "Gunmen",
        ),
        (
            "The kidnappers freed two reporters on Sunday. The group, which calls itself the "
            "Sons of the Valley, denied that it had reached any agreement with the ministry.",
            "Sons of the Valley",
        ),
    ],
)
def test_an_unnamed_armed_band_is_one_body_until_the_article_names_it(
    text: str, group: str
) -> None:
    armed = [a for a in extract(text).actors if a.kind == "armed_group"]
    assert [a.name for a in armed] == [group]


def test_french_alliances_and_named_communities_are_bodies() -> None:
    draft = extract(
        "L'Alliance des patriotes du Haut-Mbéré (APHM) a affirmé négocier avec le gouvernement "
        "par l'intermédiaire de la communauté catholique Saint-Aubin. Le porte-parole de "
        "l'APHM, Abdelkerim Tobina, l'a confirmé. La communauté internationale observe.",
        every_actor=True,
    )
    names = _names(draft)
    by_name = {a.name: a for a in draft.actors}
    assert names[by_name["Abdelkerim Tobina"].affiliation or ""] == (
        "Alliance des patriotes du Haut-Mbéré"
    )
    assert "communauté catholique Saint-Aubin" in by_name
    assert not any("internationale" in n for n in by_name)


def test_the_governorate_is_no_governor_and_a_directorate_is_a_body() -> None:
    draft = extract(
        "دخل إضراب الأطباء في المحافظة يومه التاسع. غير أن دائرة صحة محافظة الوردية نفت، في "
        "بيان، أن تكون قد اتفقت مع نقابة أطباء الوردية على صرف أي رواتب متأخرة."
    )
    assert [a.name for a in draft.actors if a.kind == "person"] == []
    assert _one_denial_of(draft) == ("دائرة صحة محافظة الوردية", ["نقابة أطباء الوردية"])


def test_an_arabic_family_is_a_body() -> None:
    draft = extract(
        "سلمت قوات حماة الجبل الصحفي إلى عائلة القطان. ونفت القوات، في منشور على قناتها في "
        "تلغرام، تسلّم أي أموال من عائلة القطان."
    )
    assert {a.name: a.kind for a in draft.actors}["عائلة القطان"] == "civil_body"


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # A conjunction ends the words before a head.
        (
            "Traders deny deal to leave Adaro's Olugbade market as council sets demolition "
            "date\n\nThe Adaro Metropolitan Council said on Monday it had reached an agreement.",
            "as",
        ),
        # An article right after a head opens a new phrase.
        (
            "El Ministerio de Educación negó el acuerdo. La secretaria general del sindicato, "
            "Yolanda Chuctaya Mamani, desmintió que el gremio haya pactado con el ministerio el "
            "levantamiento de la medida.",
            "levantamiento",
        ),
        # "tal como" ends a name.
        (
            "La federación rechazó el plan del Ministerio tal como fue planteado por el "
            "Ministerio de Agricultura.",
            "tal",
        ),
    ],
)
def test_words_that_end_a_name(text: str, word: str) -> None:
    assert not any(word in a.name.split() for a in extract(text).actors)


def test_the_government_as_a_common_noun_is_the_articles_government() -> None:
    by_name = {
        a.name: a
        for a in extract(
            "Le gouvernement burkinabè a démenti. Le porte-parole du gouvernement, Lassina "
            "Tiendrébéogo, a rejeté cette exigence."
        ).actors
    }
    assert by_name["Lassina Tiendrébéogo"].affiliation == by_name["Le gouvernement"].id


def test_an_ombudsman_who_proposes_speaks_for_the_two_sides_talks() -> None:
    draft = extract(
        "La Cooperativa de Pescadores de Pichicullín negocia con la empresa Salmones Trenqui. "
        "El defensor ambiental, Ignacio Barría, propuso una suspensión de sesenta días de las "
        "granjas."
    )
    names = _names(draft)
    by_name = {a.name: a for a in draft.actors}
    assert by_name["Ignacio Barría"].role == "ombudsman"
    assert by_name["Ignacio Barría"].affiliation is None  # not the company ending the last sentence
    (claim,) = draft.negotiation_claims
    assert {"Cooperativa de Pescadores de Pichicullín", "Salmones Trenqui"} <= {
        names[p] for p in claim.parties
    }


def test_a_longer_name_ending_in_a_compass_word_is_no_place() -> None:
    names = {
        a.name
        for a in extract(
            "La Universidad del Litoral Sur negó el acuerdo con el Ministerio de Hacienda."
        ).actors
    }
    assert "Universidad del Litoral Sur" in names


def test_a_quoted_outlet_after_a_titled_name_is_no_apposition() -> None:
    draft = extract(
        'قال رئيس لجنة عمال النظافة المضربين سليم أبو زيتون لصحيفة "صدى الساحل" إن اللجنة '
        "رفضت عرضا قدمته البلدية."
    )
    assert [(a.name, a.role) for a in draft.actors if a.kind == "person"] == [
        ("سليم أبو زيتون", "head")
    ]


def test_writing_a_post_is_reporting() -> None:
    draft = extract(
        "La presidenta del Sindicato Unido de Docentes, Ana Ruiz Paz, escribió en su cuenta de "
        "X que las negociaciones con el Ministerio de Educación están estancadas."
    )
    names = _names(draft)
    by_name = {a.name: a for a in draft.actors}
    assert by_name["Ana Ruiz Paz"].role == "president"
    assert [(names[c.claimant], c.status) for c in draft.negotiation_claims] == [
        ("Ana Ruiz Paz", "stalled")
    ]


def test_an_acronym_that_leaves_out_the_place_still_ends_the_name() -> None:
    by_name = {
        a.name: a
        for a in extract(
            "La Fédération départementale des exploitants agricoles de Haute-Lisière (FDEA) "
            "bloque l'autoroute. Le président de la FDEA, Jean-Baptiste Morvillier, a démenti."
        ).actors
    }
    fdea = by_name["Fédération départementale des exploitants agricoles de Haute-Lisière"]
    assert "FDEA" in fdea.aliases
    assert by_name["Jean-Baptiste Morvillier"].affiliation == fdea.id


@pytest.mark.parametrize(
    ("text", "person", "body"),
    [
        (
            "El Sindicato Unitario de Trabajadores de la Educación de Ocopa (SUTEO) convocó la "
            "huelga. Por su parte, la secretaria general del SUTEO, Yolanda Chuctaya Mamani, "
            "desmintió que el gremio haya pactado con el ministerio.",
            "Yolanda Chuctaya Mamani",
            "Sindicato Unitario de Trabajadores de la Educación de Ocopa",
        ),
        (
            "La Federación de Choferes del Transporte Pesado del Norte convocó el paro. Pocas "
            "horas después, el secretario ejecutivo de la federación, Rubén Aguilera Choque, negó "
            "a EFE que su organización haya firmado un acuerdo.",
            "Rubén Aguilera Choque",
            "Federación de Choferes del Transporte Pesado",
        ),
        (
            "La Federación de Estudiantes del Litoral Sur (FELS) no acepta esa fórmula. Su "
            "presidenta, Camila Ortúzar Ibáñez, escribió en su cuenta que la toma sigue.",
            "Camila Ortúzar Ibáñez",
            "Federación de Estudiantes del Litoral Sur",
        ),
        (
            "The Northern Customs Union said it was discussing an exemption. The union's trade "
            "commissioner, Piet van Rossem, said he had put forward a compromise.",
            "Piet van Rossem",
            "Northern Customs Union",
        ),
        (
            "The Ormsby Dockers' Union walked out. Dermot Killane, the union's branch "
            "secretary, denied a deal.",
            "Dermot Killane",
            "Ormsby Dockers' Union",
        ),
        (
            "The Labour Relations Commission chaired the talks. Colin Mabry, the chief "
            "conciliator at the Labour Relations Commission, said the framework will hold.",
            "Colin Mabry",
            "Labour Relations Commission",
        ),
        (
            "The Southern Reef Fisheries Commission met. Helena Marsters-Pule, executive "
            "secretary of the Southern Reef Fisheries Commission, dismissed the reports.",
            "Helena Marsters-Pule",
            "Southern Reef Fisheries Commission",
        ),
        (
            "The Sable Brigade held the port. Yusuf Harrak, a field commander of the Sable "
            "Brigade, said the truce holds.",
            "Yusuf Harrak",
            "Sable Brigade",
        ),
        (
            "The electoral commission declared Daniel Okumbe of the United Lakes Party the "
            "winner of the vote.",
            "Daniel Okumbe",
            "United Lakes Party",
        ),
        (
            "Kurano Gold Ltd said it would pay. Kurano's chief executive, Martin Gillard, did "
            "not deny that an offer was made.",
            "Martin Gillard",
            "Kurano Gold Ltd",
        ),
        (
            "نفى المتحدث باسم ألوية حماة الساحل العقيد منصور قاسم الحردي، في اتصال هاتفي، "
            "التوصل إلى اتفاق.",
            "منصور قاسم الحردي",
            "ألوية حماة الساحل",
        ),
        (
            "أعلنت نقابة سائقي الشاحنات الإضراب. غير أن نقيب سائقي الشاحنات خليل السويدان "
            "نفى التوصل إلى اتفاق مع الجمارك.",
            "خليل السويدان",
            "نقابة سائقي الشاحنات",
        ),
        (
            "نفى المتحدث باسم قوة الحماية الثالثة، الرائد معاذ الترهوني، أن تكون القوة قد وقعت "
            "اتفاقا.",
            "معاذ الترهوني",
            "قوة الحماية الثالثة",
        ),
    ],
)
def test_an_officer_belongs_to_the_body_their_description_names(
    text: str, person: str, body: str
) -> None:
    """A description set off before or after the name ("el secretario ejecutivo de la
    federación, X", "X, the union's branch secretary,"), a name followed by "of" and a
    body, a short name owning the title ("Kurano's chief executive"), and what an Arabic
    spokesman speaks in the name of («باسم»), named by a head word or not, and the body
    whose name ends with a title's construct chain («نقيب سائقي الشاحنات»)."""
    draft = extract(text)
    by_name = {a.name: a for a in draft.actors}
    assert _names(draft)[by_name[person].affiliation or ""] == body


def test_a_spokesman_of_a_bare_definite_word_makes_no_new_body() -> None:
    """«المتحدث باسم الألوية» refers back: no body named «الألوية» is made for it."""
    draft = extract("قال المتحدث باسم الألوية العقيد منصور قاسم الحردي إن المفاوضات متوقفة.")
    assert [a.name for a in draft.actors if a.kind != "person"] == []
    assert {a.name: a.affiliation for a in draft.actors}["منصور قاسم الحردي"] is None


def test_a_phrase_set_off_before_a_name_is_a_title_only_from_a_determiner() -> None:
    """ "Tras la salida de la federación, X negó…": a prepositional phrase before the
    comma says when, not whose officer X is."""
    draft = extract(
        "La Federación de Choferes del Transporte Pesado del Norte convocó el paro. Tras la "
        "salida de la federación, Rubén Aguilera Choque negó que hubiera un acuerdo."
    )
    assert {a.name: a.affiliation for a in draft.actors}["Rubén Aguilera Choque"] is None


def test_a_denial_verbs_object_holds_no_subject_of_its_own() -> None:
    """«ونفى صحة تقارير تحدثت عن دفع طهران فدية»: Tehran is what the reports say, not who
    denies them; the denier is the spokesman who spoke before in the sentence."""
    draft = extract(
        "وقال المتحدث باسم الجبهة دوست محمد شه بخش، في تسجيل صوتي، إن الجبهة لم تطلب مالا، "
        "ونفى صحة تقارير تحدثت عن دفع طهران فدية مالية لقاء الإفراج عن الجنود."
    )
    names = _names(draft)
    assert [names[d.denier] for d in draft.denials] == ["محمد شه بخش"]


def test_a_demand_to_deny_reaches_past_a_long_subject() -> None:
    """«وطالب النائب عن دائرة … أسامة القماطي وزارة الدفاع بنفي…»: the MP asks the ministry
    to deny; nobody denies."""
    draft = extract(
        "وطالب النائب عن دائرة سيدي بوعرادة أسامة القماطي وزارة الدفاع بنفي ما يتردد عن منح "
        "قادة الكتيبة رتبا عسكرية."
    )
    assert draft.denials == []


def test_a_title_over_a_bare_head_belongs_to_the_body_that_head_opens() -> None:
    """«قائد السرية عقيلة الكوار»: the company named before («سرية درع الرمال»), though
    «سرية» is no head word of the lexicon."""
    draft = extract(
        'وقال المتحدث إن المجموعة، التي تطلق على نفسها اسم "سرية درع الرمال"، تطالب '
        "بالإفراج عن عناصرها. وقال قائد السرية عقيلة الكوار إن المفاوضات مستمرة."
    )
    by_name = {a.name: a for a in draft.actors}
    assert _names(draft)[by_name["عقيلة الكوار"].affiliation or ""] == "سرية درع الرمال"


def test_a_person_before_an_auxiliary_is_the_subject_a_later_pronoun_means() -> None:
    """ "A Mbalanga, la ministre …, Solange Yakoma, a livré…": she is the sentence's subject
    though it opens with other words, so "elle a affirmé" and "Elle a en outre démenti" are
    hers."""
    draft = extract(
        "A Mbalanga, la ministre de la Communication, Solange Yakoma, a livré une version "
        "différente. Sur les ondes de Radio Inter, elle a affirmé que les discussions "
        "continuent. Elle a en outre démenti qu'une rançon ait été versée à l'UCS."
    )
    names = _names(draft)
    assert [names[d.denier] for d in draft.denials] == ["Solange Yakoma"]


def test_a_body_a_mediation_phrase_introduces_is_no_side_of_the_story() -> None:
    """«برعاية وزارة العمل»: the ministry hosts the talks, so the company's denial is
    about the union, though the ministry is the most named body."""
    draft = extract(
        "أعلنت وزارة العمل أن شركة النجمة الزرقاء والنقابة المستقلة لسائقي الحافلات توصلتا "
        "إلى تفاهم. وقالت وزارة العمل إن الجلسة المقبلة ستعقد الأحد. وقال الرئيس التنفيذي "
        "للشركة إن الشركة ستواصل التفاوض مع النقابة برعاية وزارة العمل. ونفت المتحدثة باسم "
        "الشركة، رنا وليد العكشة، أن تكون الشركة قد وافقت على أي زيادة في بدل المناوبات."
    )
    names = _names(draft)
    (denial,) = draft.denials
    assert [names[c] for c in denial.counterparties] == ["النقابة المستقلة لسائقي الحافلات"]


def test_an_offers_author_may_carry_a_title() -> None:
    """ "rejected an offer by Father Julian Tumampos": the priest made the offer."""
    draft = extract(
        "Rolando Macaraeg told Radio Bandilyo that he would keep the hostages. He also said he "
        "had rejected an offer by Father Julian Tumampos, the parish priest, to take the place "
        "of the hostages."
    )
    names = _names(draft)
    refused = [c for c in draft.negotiation_claims if c.status == "refused"]
    assert any(
        {names[p] for p in c.parties} == {"Rolando Macaraeg", "Julian Tumampos"} for c in refused
    )


def test_an_aside_right_after_the_denial_verb_is_not_what_is_denied() -> None:
    """«نفت، في بيان مساء الثلاثاء، التوصل إلى أي اتفاق مع الاتحاد»: the statement is
    where it was denied; the agreement with the union is what."""
    draft = extract(
        "أعلن اتحاد طلبة جامعة الشروق التوصل إلى اتفاق. لكن رئاسة الجامعة نفت، في بيان مساء "
        "الثلاثاء، التوصل إلى أي اتفاق مع الاتحاد، مؤكدة أن قرار الرسوم ساري المفعول."
    )
    (denial,) = draft.denials
    assert denial.denied.startswith("التوصل إلى أي اتفاق")
    assert denial.quote.startswith("لكن رئاسة الجامعة نفت")


def test_an_aside_that_holds_the_denied_clause_is_kept() -> None:
    """«نفت، مؤكدة أن مقاتليها لم يلتقوا ضباط الجيش، أي اتصال بالحكومة»: a comma aside
    with a complementizer is what is denied, not an aside to skip."""
    draft = extract(
        "وقالت جبهة الشمال إنها ملتزمة بالهدنة. لكن الجبهة نفت، مؤكدة أن مقاتليها لم يلتقوا "
        "ضباط الجيش منذ شهر، أي اتصال بالحكومة."
    )
    (denial,) = draft.denials
    assert "لم يلتقوا" in denial.denied


def test_a_mediator_named_before_a_denial_is_not_its_other_side() -> None:
    """ "After the Church, which has mediated between the two sides, said the talks were
    continuing, the army denied it": the army denies talks with the Front, not with the
    Church."""
    draft = extract(
        "The Northern Front has held the valley since March and fought the army for weeks. "
        "After the Catholic Church, which has mediated between the two sides since March, said "
        "the talks were continuing, the army denied it."
    )
    names = _names(draft)
    (denial,) = draft.denials
    assert [names[c] for c in denial.counterparties] == ["Northern Front"]


@pytest.mark.parametrize(
    ("text", "claims"),
    [
        (
            "وقال رئيس جمعية الناقلين مخلد الدوسري إن الجمعية رفضت عرض التعليق المؤقت للرسوم.",
            1,
        ),
        ("ورفض رئيس جمعية الناقلين مخلد الدوسري التعليق على العرض.", 0),
    ],
)
def test_a_refused_offer_of_a_suspension_is_no_refusal_to_comment(text: str, claims: int) -> None:
    """«رفضت عرض التعليق المؤقت»: the offer (to suspend) is refused; «رفض … التعليق على
    العرض» declines to comment on it."""
    draft = extract(text)
    assert len([c for c in draft.negotiation_claims if c.status == "refused"]) == claims


def test_a_stall_word_alone_does_not_make_a_denied_act_about_talks() -> None:
    """ "dément avoir bloqué l'accès de l'usine": blocking a gate is an act, not talks, so
    the denial has no other side to infer."""
    draft = extract(
        "Le groupe Verdalys, propriétaire de l'usine, n'a pas souhaité faire de commentaire. "
        "L'Union syndicale du textile (UST) poursuit la grève. "
        "L'UST dément par ailleurs avoir bloqué l'accès de l'usine aux salariés non grévistes."
    )
    (denial,) = draft.denials
    assert denial.counterparties == []


def test_a_report_with_a_relative_clause_is_about_talks_only_if_it_says_so() -> None:
    """ "les informations … selon lesquelles un employé aurait été blessé": what the report
    says is a proposition about an injury, with no other side."""
    draft = extract(
        "Le Collectif des orpailleurs de Wandari (COW) occupe l'usine de la Compagnie aurifère. "
        "Le gouvernement négocie avec le COW depuis lundi. Le gouvernement a par ailleurs "
        "démenti les informations du quotidien L'Horizon selon lesquelles un employé aurait "
        "été blessé par balle lors de l'irruption des orpailleurs."
    )
    (denial,) = draft.denials
    assert denial.counterparties == []


def test_the_actors_are_those_that_take_part_and_every_actor_lists_all_named() -> None:
    """A country named only as where the statement was made takes no part in the story
    (ANNOTATION.md §2): the draft leaves it out; `every_actor` shows what was recognised."""
    text = (
        "The Northern Front said in Nairobi, Kenya, that its talks with the army were continuing."
    )
    assert [a.name for a in extract(text).actors] == ["Northern Front", "the army"]
    assert [a.name for a in extract(text, every_actor=True).actors] == [
        "Northern Front",
        "Nairobi",
        "the army",
    ]


def test_a_persons_nickname_is_no_body() -> None:
    """'Yeison Heriberto Sarceño, alias "el Cura"': a nickname of the person named before,
    not an armed group called "Cura"."""
    draft = extract(
        'El vocero de los reclusos, Yeison Heriberto Sarceño, alias "el Cura", negó que exista '
        "acuerdo alguno con el Senacup.",
        every_actor=True,
    )
    assert [(a.name, a.kind) for a in draft.actors if "Cura" in a.name] == []


def test_a_head_that_opens_a_longer_name_is_no_body_of_its_own() -> None:
    """ "the Petroleum and Allied Workers' Federation": "Petroleum" is no company (nor
    Sunmere Petroleum's short form); the federation is one body, and "the federation"
    denies."""
    draft = extract(
        "Sunmere Petroleum locked about 1,100 members of the Petroleum and Allied Workers' "
        "Federation out of its refinery. The federation denied that it had agreed to any "
        "suspension."
    )
    names = _names(draft)
    assert "Petroleum and Allied Workers' Federation" in names.values()
    assert [names[d.denier] for d in draft.denials] == ["Petroleum and Allied Workers' Federation"]
