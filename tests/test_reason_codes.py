"""The reason codes findings carry are exactly ``results.REASON_CODES``: every listed code is
emitted by an example of its own, and every code emitted on the corpora is listed."""

from __future__ import annotations

from pathlib import Path

import pytest

import texthygiene
from texthygiene import flag
from texthygiene.collection import Sketch, keys, recurring
from texthygiene.results import REASON_CODES, Report, reason_code

from .conftest import CORPORA, load_jsonl

EVERYTHING = texthygiene.Config(threshold=0.0)  # below-threshold candidates carry codes too
HOST = (
    "Wij hebben dit jaar veel groenten gezaaid in de moestuin. "
    "De tomaten groeiden goed en de bonen ook. "
)
# Indonesian with English sentences through it (a code-switched post): multilingual.
CODE_SWITCHED = (
    "Tadi pagi aku ke pasar sama ibu. I really love the fresh fruit there. Terus kita beli "
    "sayur dan ikan di pasar. The fish was so cheap and good. Besok mau ke sana lagi sama adik."
)
# Russian spam glued to a Ukrainian post: ы (наличными) is a letter Ukrainian never uses.
UKRAINIAN = "Вчора ми гуляли в парку і бачили багато птахів. Було дуже гарно."
# A phrase glued into posts of one run: "collection" scans the template filled with each of
# these openings, and reports on the first.
OPENINGS = ("Vandaag scheen de zon", "Gisteren regende het hard", "Morgen gaan we fietsen")
HIDDEN = "<p>Een mooie dag in de tuin vandaag.</p><div {}>Buy cheap replica watches online</div>"

# code -> (scan or scan_html, an input that makes a finding carry that code)
EXAMPLES: dict[str, tuple[str, str]] = {
    "script_mismatch": ("text", "Een mooie dag in het park.где взять деньги быстро"),
    "language_mismatch": ("text", HOST + "Oogsten. situs slot gacor hari ini Wie doet mee?"),
    "glued_to_sentence": ("text", "Een mooie dag in het park.где взять деньги быстро"),
    "sentence_boundary": ("text", HOST + "Oogsten. situs slot gacor hari ini Wie doet mee?"),
    "own_line": ("text", HOST + "\n\nгде взять деньги быстро\n\nMorgen weer naar de tuin."),
    "lowercase_sentence_start": ("text", HOST + "Oogsten. situs slot gacor hari ini Wie?"),
    "spam_terms": ("text", HOST + "Speel nu in ons online casino met gratis spins."),
    "close_language_letters": ("text", UKRAINIAN + "Кредит наличными без справок за 5 минут"),
    "recurring": ("collection", "{}.bezoek onze webshop voor de mooiste tuinmeubelen Dat was het."),
    "price": ("text", HOST + "\n\nnu maar €1,50 per week bel 09066368753\n\nMorgen weer."),
    "percentage": ("text", HOST + "\n\nnu 50% korting bel 09066368753\n\nMorgen weer."),
    "phone_number": ("text", HOST + "\n\nnu maar €1,50 per week bel 09066368753\n\nMorgen weer."),
    "messenger": ("text", HOST + "\n\nstuur een WhatsApp naar 0612345678\n\nMorgen weer."),
    "url_in_run": ("text", HOST + "\n\nvisit www.dbuk.net 50% off\n\nMorgen weer."),
    "call_to_action": ("text", HOST + "\n\nkoop nu 50% korting\n\nMorgen weer."),
    "emoji_run": ("text", HOST + "\n\ngacor 🔥🔥🔥 50% bonus\n\nMorgen weer."),
    "styled_letters": ("text", HOST + "\n\ncoba main di ⭐𝙎𝙂𝙄88 sekarang\n\nMorgen weer."),
    "all_caps": ("text", HOST + "\n\nWIN CASH NOW 50% bonus\n\nMorgen weer."),
    "inside_sentence": ("text", HOST + "We aten borsjt, of zoals oma zegt борщ, met room."),
    "script_phrase": ("text", HOST + "Daarna kochten we в этом году недорого de zaden."),
    "complete_sentence": ("text", HOST + "Ze zei het. Buongiorno a tutti voi. Daarna werkten we."),
    "quoted": ("text", HOST + "Op het bord stond „где взять деньги быстро” in grote letters."),
    "parenthetical": ("text", HOST + "De stad Moskou (Москва) is groot."),
    "translated": ("text", HOST + "\n\nΚαλό ταξίδι! / Goede reis!"),
    "language_named": ("text", "Σιγά σιγά\n\nThat is what she said, in Greek. It means slowly."),
    "multilingual_document": ("text", CODE_SWITCHED),
    "splits_word": ("text", "Online ca\u200bsino"),
    "invisible": ("text", "Hallo \u200b wereld"),
    "tag_character": ("text", "Hallo\U000e0041 wereld"),
    "variation_selector": ("text", "Hallo a\ufe0f wereld"),
    "soft_hyphen": ("text", "Hallo wereld\u00ad"),
    "direction_mark": ("text", "Hallo\u200e wereld"),
    "bidi_override": ("text", "Hallo \u202eevil\u202c wereld"),
    "unbalanced": ("text", "Hallo \u2066wereld"),
    "control": ("text", "bell\x07 ring"),
    "terminal_escape": ("text", "rood \x1b[31m tekst"),
    "control_separator": ("text", "een\x0cwoord"),
    "mixed_line_endings": ("text", "a\r\nb\nc\n"),
    "nbsp_glue": ("text", "Een mooie dag in het park en de tuin.\u00a0где взять деньги быстро"),
    "mixed_script": ("text", "Log in bij pаypal nu"),
    "not_nfc": ("text", "cafe\u0301 open"),
    "encoding_repaired": ("text", "cafÃ© open"),
    "hidden": ("html", HIDDEN.format("hidden")),
    "hidden_attribute": ("html", HIDDEN.format("hidden")),
    "display_none": ("html", HIDDEN.format('style="display:none"')),
    "visibility_hidden": ("html", HIDDEN.format('style="visibility:hidden"')),
    "opacity_zero": ("html", HIDDEN.format('style="opacity:0"')),
    "font_size_zero": ("html", HIDDEN.format('style="font-size:0"')),
    "off_screen": ("html", HIDDEN.format('style="position:absolute;left:-9999px"')),
    "clipped": ("html", HIDDEN.format('style="position:absolute;clip:rect(0,0,0,0)"')),
    "zero_size": ("html", HIDDEN.format('style="overflow:hidden;height:0"')),
    "link": ("html", '<p>Mooi.</p><p><a href="https://d.example/">купить диплом недорого</a></p>'),
    "href": ("html", '<p>Mooi.</p><p><a href="https://d.example/">купить диплом недорого</a></p>'),
}


def _scan(how: str, text: str) -> Report:
    if how == "collection":
        reports = [texthygiene.scan(text.format(o), config=EVERYTHING) for o in OPENINGS]
        sketch = Sketch(width_bits=12)
        for report in reports:
            sketch.add(keys(report.text))
        return recurring(reports[0], sketch, EVERYTHING.threshold)
    if how == "html":
        return texthygiene.scan_html(text, config=EVERYTHING)
    return texthygiene.scan(text, config=EVERYTHING)


def _codes(report: Report) -> set[str]:
    return {reason_code(reason) for f in report.findings for reason in f.reasons}


def test_every_listed_code_has_an_example() -> None:
    assert sorted(EXAMPLES) == sorted(REASON_CODES)


@pytest.mark.parametrize(("code", "how", "text"), [(c, *e) for c, e in EXAMPLES.items()])
def test_listed_code_is_emitted(code: str, how: str, text: str) -> None:
    assert code in _codes(_scan(how, text))


def test_codes_emitted_on_the_corpora_are_listed() -> None:
    emitted: set[str] = set()
    for name in ("injected.jsonl", "legit.jsonl"):
        for doc in load_jsonl(CORPORA / name):
            emitted |= _codes(_scan("text", doc["text"]))
    for page in sorted((Path(__file__).parent / "html_cases").glob("*.html")):
        emitted |= _codes(_scan("html", page.read_text("utf-8")))
    assert len(emitted) > 20  # the corpora exercise most of the list
    assert sorted(emitted - set(REASON_CODES)) == []


def test_flagging_refuses_an_unlisted_code(monkeypatch: pytest.MonkeyPatch) -> None:
    unlisted = {
        code: meaning for code, meaning in REASON_CODES.items() if code != "glued_to_sentence"
    }
    monkeypatch.setattr(flag, "REASON_CODES", unlisted)
    with pytest.raises(ValueError, match="glued_to_sentence"):
        texthygiene.scan("Een mooie dag in het park.где взять деньги быстро")
