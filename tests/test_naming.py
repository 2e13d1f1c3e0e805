"""The reported language is the text's or None, never a guess (issue 15 item 3).

Sentences of our own in languages the profiles do not cover (written for this test, not
taken from lingua's test data) get None or, for a script of its own, the right code.
"""

from __future__ import annotations

import pytest

import texthygiene
from texthygiene.chardata import READ_AS, language_name
from texthygiene.identify import model

NOT_NAMED = [
    ("az", "Bu gün hava çox gözəldir və biz parkda gəzməyə getdik."),
    ("kk", "Біз бүгін қалаға барып, достарымызбен кездестік."),
    ("is", "Við fórum í sund í gær og það var mjög gaman að hittast."),
    ("eu", "Gaur goizean mendira joan gara eta eguraldi ederra egin du."),
    ("mn", "Өнөөдөр бид хотын төвд очиж найзуудтайгаа уулзсан."),
]
BY_SCRIPT = [
    ("hy", "Այսօր մենք գնացինք այգի և շատ ուրախ էինք։"),
    ("ka", "დღეს ჩვენ პარკში წავედით და ძალიან გავერთეთ."),
]


@pytest.mark.parametrize(("language", "text"), NOT_NAMED, ids=[c[0] for c in NOT_NAMED])
def test_a_language_we_do_not_name_gets_none(language: str, text: str) -> None:
    assert language not in texthygiene.LANGUAGES
    assert texthygiene.scan(text).language is None


@pytest.mark.parametrize(("language", "text"), BY_SCRIPT, ids=[c[0] for c in BY_SCRIPT])
def test_a_script_of_its_own_names_its_language(language: str, text: str) -> None:
    assert texthygiene.scan(text).language == language


def test_languages_lists_the_profiles_the_script_and_the_list_languages() -> None:
    assert set(texthygiene.LANGUAGES) == {*model().languages, "hy", "ka", *READ_AS}


@pytest.mark.parametrize("code", ["sr", "sh", "hy", "ka", "is", "yo", "nn"])
def test_every_iso_639_1_code_is_accepted(code: str) -> None:
    text = "Een mooie dag in het park.где взять деньги быстро"
    assert texthygiene.scan(text, languages=[code, "nl"]).language == "nl"


def test_an_unknown_code_is_rejected_with_what_was_expected() -> None:
    with pytest.raises(ValueError, match=r"'xx'.*ISO 639-1"):
        texthygiene.scan("Een mooie dag.", languages=["xx"])


@pytest.mark.parametrize(
    ("code", "name"),
    [("uk", "Ukrainian"), ("nb", "Norwegian"), ("bn", "Bengali"), ("tl", "Tagalog"),
     ("hy", "Armenian"), ("sr", "Serbian"), ("xx", "xx")],
)  # fmt: skip
def test_language_names_come_from_langcodes_keeping_ours(code: str, name: str) -> None:
    assert language_name(code) == name


GLUED_ARMENIAN = (
    "Een mooie dag in het park met de kinderen en de hond.Այսօր մենք գնացինք այգի և շատ ուրախ էինք։"
)


def test_a_run_in_a_script_of_its_own_is_flagged_in_that_language() -> None:
    (finding,) = texthygiene.scan(GLUED_ARMENIAN).findings
    assert finding.language == "hy"
    assert finding.detail.startswith("Armenian text")


def test_an_expected_script_language_is_not_flagged() -> None:
    assert texthygiene.scan(GLUED_ARMENIAN, languages=["nl", "hy"]).findings == ()


#: Close languages we do not name, next to the named language their text passes for, in
#: sentences written for this test: the neighbour gets None, the host keeps its name.
CLOSE_UNNAMED = [
    ("nn", "Eg veit ikkje kva dei skal gjere med huset når dei flyttar frå byen."),
    ("nn", "Det er vanleg og naturleg at barna leikar ute om sommaren."),
    ("nn", "Det var mogleg å kome heim utan hjelp."),
    ("nn", "Eg trur ho vart heime på skulen i går."),
    ("bs", "Ko je rekao da se historija ne ponavlja svake sedmice?"),
    ("bs", "Takmičenje je organizovano tokom prošle godine u Sarajevu."),
    ("sr", "Он је рекао да ће доћи после подне, али није дошао."),
    ("sr", "Он је рекао да су деца била у школи цели дан."),
]
CLOSE_NAMED = [
    ("nb", "Jeg vet ikke hva de skal gjøre med huset når de flytter fra byen."),
    ("hr", "Tko je rekao da se povijest ne ponavlja svakog tjedna?"),
    ("mk", "Тој рече дека ќе дојде попладне, но не дојде."),
]


@pytest.mark.parametrize(("language", "text"), CLOSE_UNNAMED, ids=[c[0] for c in CLOSE_UNNAMED])
def test_a_close_language_we_do_not_name_is_not_given_its_neighbours_name(
    language: str, text: str
) -> None:
    assert language not in texthygiene.LANGUAGES
    assert texthygiene.scan(text).language is None


@pytest.mark.parametrize(("language", "text"), CLOSE_NAMED, ids=[c[0] for c in CLOSE_NAMED])
def test_the_named_neighbour_keeps_its_name(language: str, text: str) -> None:
    assert texthygiene.scan(text).language == language


#: Sentences written for this test in named languages, in shapes the checks once refused:
#: a run of Japanese holding a digit, French elisions, Dutch compounds, Turkish read from
#: Windows-1254 as Windows-1252.
NAMED_SHAPES = [
    ("ja", "駅前の駐車場は1日とめても安いです！"),
    ("fr", "Je te lirai sur l'île, dans l'hôtel d'été, jusqu'à l'aube."),
    ("nl", "De vlokreeftensoort leeft onder het uitkijkplatform in de schuilhut."),
    ("tr", "Geçen yýl þehrin doðusunda yeni bir okul açýldý ve öðrenciler çok mutlu."),
]


@pytest.mark.parametrize(("language", "text"), NAMED_SHAPES, ids=[c[0] for c in NAMED_SHAPES])
def test_a_named_language_is_named_in_these_shapes(language: str, text: str) -> None:
    assert texthygiene.scan(text).language == language


#: Languages we do not name whose short words a named language's list holds by chance
#: (written for this test): their longer words are unknown there.
SHORT_WORDS_KNOWN = [
    ("tn", "Go na le batho ba bantsi ba ba neng ba tsamaya go ya kwa motseng o mogolo."),
    ("st", "Ke ne ke sa tsebe hore na o tla fihla neng ka mora ho sebetsa haholo."),
]


@pytest.mark.parametrize(
    ("language", "text"), SHORT_WORDS_KNOWN, ids=[c[0] for c in SHORT_WORDS_KNOWN]
)
def test_longer_words_unknown_to_the_host_list_are_not_named(language: str, text: str) -> None:
    assert texthygiene.scan(text).language is None


#: Two-word texts (written for this test) the n-grams alone named as another language:
#: on a short text the frequencies of the n-grams' runners-up are weighed too.
SHORT_TEXTS = [("en", "core code"), ("pt", "eles disseram")]


@pytest.mark.parametrize(("language", "text"), SHORT_TEXTS, ids=[c[0] for c in SHORT_TEXTS])
def test_a_short_text_is_named_by_its_words_frequencies(language: str, text: str) -> None:
    assert texthygiene.scan(text).language == language


#: Shona sentences (written for this test) whose trigrams pass for Swahili or Estonian:
#: their spelling (manheru, zvikuru, nemangwanani) is none those write. A Swahili and an
#: Estonian sentence keep their names. Azerbaijani's ə and Belarusian's ў likewise.
SPELLING = [
    ("sn", "Mwana wangu anoda kudya sadza nenyama manheru ano.", None),
    ("sn", "Amai vakabika chikafu chakanaka zvikuru.", None),
    ("sw", "Ninapenda kusoma vitabu vya historia jioni baada ya kazi.", "sw"),
    ("sn", "Vatsva vakasvika kuguta nemangwanani.", None),  # w: not Estonian
    ("et", "Kuu paistab taevas ilusasti.", "et"),
    ("az", "Biz dünən parka getdik.", None),  # ə: not Turkish
    ("be", "Мама ўзяла сумку ды пайшла на рынак.", None),  # ў: not Russian
    ("be", "Бабуля ўсміхнулася дзецям.", None),  # ў: not Ukrainian
]


@pytest.mark.parametrize(("language", "text", "expected"), SPELLING, ids=[c[0] for c in SPELLING])
def test_a_spelling_the_host_never_writes_is_not_the_host(
    language: str, text: str, expected: str | None
) -> None:
    assert texthygiene.scan(text).language == expected
