"""Focused behaviour of the public API."""

from __future__ import annotations

import json

import pytest

import texthygiene
from texthygiene import Config, Report

DUTCH = (
    "We fietsten zaterdag langs de rivier naar het volgende dorp. Onderweg dronken we koffie "
    "bij een boerderij en praatten we over de zomer."
)


def test_public_names() -> None:
    assert isinstance(texthygiene.__version__, str)
    assert callable(texthygiene.scan)
    assert callable(texthygiene.clean)
    assert callable(texthygiene.repair)
    assert Config()._replace(threshold=0.7).threshold == 0.7


@pytest.mark.parametrize("bad", [12, None, ["a"], 1.5])
def test_non_text_gets_type_error_naming_the_type(bad: object) -> None:
    with pytest.raises(TypeError, match=type(bad).__name__):
        texthygiene.scan(bad)  # type: ignore[arg-type]


def test_bytes_are_decoded_and_the_report_says_how() -> None:
    text = "Het café aan de Markt is weer open. " + DUTCH
    report = texthygiene.scan(text.encode("cp1252"))
    assert report.text == text
    assert report.encoding == "cp1252"
    assert report.to_dict()["encoding"] == "cp1252"
    assert texthygiene.clean(text.encode("utf-8")) == text
    assert texthygiene.scan(text).encoding is None


def test_unknown_language_code_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="'xx'"):
        texthygiene.scan(DUTCH, languages=["nl", "xx"])


def test_empty_string_gives_empty_report() -> None:
    report = texthygiene.scan("")
    assert report == Report("", None, (), (), (), original="")
    assert texthygiene.clean("") == ""


@pytest.mark.parametrize("text", ["\ud800 abc", "a\x00b\x01c", "\x1b[31mred\x1b[0m", "\u202eevil"])
def test_odd_characters_never_crash(text: str) -> None:
    report = texthygiene.scan(text)
    json.dumps(report.to_dict())
    assert "".join(s.text for s in report.segments) == report.text


def test_mojibake_is_repaired_and_explained() -> None:
    report = texthygiene.scan("Het cafÃ© aan de Markt is weer open.")
    assert report.text == "Het café aan de Markt is weer open."
    assert [(s.action, s.parameter) for s in report.repairs] == [
        ("encode", "latin-1"),
        ("decode", "utf-8"),
    ]


def test_cosmetic_fixes_are_off_by_default() -> None:
    text = "“Curly” quotes, ﬁ ligature, ＦＵＬＬ width, e\u0301 decomposed, &amp;"
    assert texthygiene.repair(text) == text


def test_to_dict_has_schema_and_utf16_offsets() -> None:
    text = "😀😀 " + DUTCH + "где взять деньги быстро и недорого"
    report = texthygiene.scan(text)
    data = report.to_dict(utf16=True)
    assert data["schema_version"] == texthygiene.SCHEMA_VERSION
    finding = data["findings"][0]
    assert finding["start_utf16"] == finding["start"] + 2
    assert (
        text.encode("utf-16-le")[finding["start_utf16"] * 2 :].decode("utf-16-le").startswith("где")
    )


def test_to_dict_utf16_offsets_into_the_html_source() -> None:
    # Astral characters before the finding in the source: in a title attribute (not in the
    # text), and in the text (so the two counts differ).
    source = (
        '<p title="😀🏴󠁧󠁢󠁳󠁣󠁴󠁿">😀 Mooi verhaal over de tuin en de buren.</p>'
        '<div style="display:none">где взять деньги быстро</div>'
    )
    report = texthygiene.scan_html(source)
    data = report.to_dict(utf16=True)
    (finding,) = data["findings"]
    wide = source.encode("utf-16-le")
    start, end = finding["source_start_utf16"], finding["source_end_utf16"]
    assert (
        wide[start * 2 : end * 2].decode("utf-16-le")
        == source[finding["source_start"] : finding["source_end"]]
    )
    assert wide[start * 2 :].decode("utf-16-le").startswith('<div style="display:none">где')
    assert start == finding["source_start"] + 9  # 😀 twice, 🏴 and the flag's 6 tag characters
    assert finding["start_utf16"] == finding["start"] + 1  # the text has one 😀
    plain = texthygiene.scan("😀 " + DUTCH + "где взять деньги быстро").to_dict(utf16=True)
    assert plain["findings"][0]["source_start_utf16"] is None


def test_finding_ids_are_stable_and_distinct() -> None:
    text = DUTCH + "где взять деньги быстро\n\n" + DUTCH + " 网上赌场注册送彩金网上赌场"
    first, second = texthygiene.scan(text), texthygiene.scan(text)
    assert [f.id for f in first.findings] == [f.id for f in second.findings]
    assert len({f.id for f in first.findings}) == len(first.findings) == 2


def test_threshold_filters_findings() -> None:
    text = DUTCH + "где взять деньги быстро"
    assert texthygiene.scan(text).findings
    assert not texthygiene.scan(text, config=Config(threshold=0.9999)).findings


def test_allowlist_protects_a_term() -> None:
    text = DUTCH + " Москва Сити"
    flagged = texthygiene.scan(text).findings
    assert flagged
    assert flagged[0].text == "Москва Сити"
    assert not texthygiene.scan(text, config=Config(allowlist=("москва сити",))).findings


def test_extra_spam_terms_flag_host_language_spam() -> None:
    text = DUTCH + " Bestel nu goedkope tuinkabouters bij kabouterkoning punt nl"
    assert not texthygiene.scan(text, config=Config(spam_lexicon=False)).findings
    config = Config(
        spam_lexicon=False, extra_spam_terms=("kabouterkoning", "goedkope tuinkabouters")
    )
    findings = texthygiene.scan(text, config=config).findings
    assert [f.kind for f in findings] == ["spam_fragment"]
    assert findings[0].text.startswith("Bestel nu goedkope")
    assert "spam_terms" in findings[0].reasons


def test_listed_language_removes_language_evidence_only() -> None:
    text = DUTCH + "Buy cheap viagra online without prescription today"
    assert texthygiene.scan(text).findings
    findings = texthygiene.scan(text, languages=["nl", "en"]).findings
    assert findings, "glued spam is still flagged when English is allowed"
    assert "language_mismatch" not in findings[0].reasons
    assert "spam_terms" in findings[0].reasons


def test_name_with_original_script_in_parentheses_is_legitimate() -> None:
    text = (
        "Deze winter las ik eindelijk Misdaad en straf van Dostojevski (Фёдор Достоевский). "
        "Daarna reisden we naar Athene (Αθήνα) en bezochten we de Akropolis."
    )
    assert texthygiene.scan(text, config=Config(threshold=0.2)).findings == ()


def test_clean_removes_whole_line_and_its_blank_line() -> None:
    text = DUTCH + "\n\nкупить дешевые лекарства без рецепта\n\n" + DUTCH
    assert texthygiene.clean(text) == DUTCH + "\n\n" + DUTCH


def test_clean_mid_paragraph_keeps_single_spaces() -> None:
    text = "Eerste zin over de tuin. 网上赌场注册送彩金 Tweede zin over het weer."
    assert texthygiene.clean(text + " " + DUTCH) == (
        "Eerste zin over de tuin. Tweede zin over het weer. " + DUTCH
    )


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Bestel goedkope viagra online zonder recept.", "spam_fragment"),
        ("Daftar slot gacor hari ini gampang menang.", "foreign_fragment"),
    ],
)
def test_spam_sentence_on_a_line_of_its_own_is_flagged_whole(line: str, kind: str) -> None:
    """Spam terms are injection evidence even when the spam has its own full stop."""
    (finding,) = texthygiene.scan(f"{DUTCH}\n{line}\n{DUTCH}").findings
    assert (finding.kind, finding.text, finding.position) == (kind, line[:-1], "own_line")
    assert texthygiene.clean(f"{DUTCH}\n{line}\n{DUTCH}") == f"{DUTCH}\n{DUTCH}"


RU = "где взять контент для блога"
HE = "שלום עולם זה טקסט"


@pytest.mark.parametrize(
    ("text", "cleaned"),
    [
        # every kind of line break ends a line; a hidden character does not fill one
        (f"{DUTCH}\n\u200b{RU}\n\n{DUTCH}", f"{DUTCH}\n\n{DUTCH}"),
        (f"{DUTCH}\r\n{RU}\r\n\r\n{DUTCH}", f"{DUTCH}\r\n\r\n{DUTCH}"),
        (f"{DUTCH}\u2028{RU}\u2028{DUTCH}", f"{DUTCH}\u2028{DUTCH}"),
        # a fragment's own full stop goes with it; a stolen one stays with the host
        (f"{DUTCH}{RU}.\n{DUTCH}", f"{DUTCH}\n{DUTCH}"),
        (f"{DUTCH[:-1]} {RU}. {DUTCH}", f"{DUTCH} {DUTCH}"),
        # direction marks touching a removed RTL fragment go with it
        (f"{DUTCH} {HE}\u200f\n{DUTCH}", f"{DUTCH}\n{DUTCH}"),
        (f"{DUTCH} \u200f{HE}\u200f.\n{DUTCH}", f"{DUTCH}\n{DUTCH}"),
    ],
)
def test_clean_removes_what_belongs_to_the_fragment(text: str, cleaned: str) -> None:
    assert texthygiene.clean(text) == cleaned
    assert texthygiene.clean(cleaned) == cleaned


def test_clean_keeps_a_control_character_that_separates_words() -> None:
    text = f"Hij zei Hello\x0cWorld tegen de kinderen. {DUTCH}"
    assert texthygiene.clean(text) == text


def test_clean_without_findings_equals_repair() -> None:
    text = "Het cafÃ© aan de Markt is weer open. " + DUTCH
    assert texthygiene.clean(text) == texthygiene.repair(text)


JAPANESE_HEADING = "いってきます"
NAMED_POST = (
    "Onze buurvrouw in Kyoto zei het elke ochtend als ze de deur uit ging. Ik verstond er "
    "eerst niets van en knikte maar vriendelijk terug.\n\n{heading}\n\nDat betekent zoiets "
    "als ‘ik ga en ik kom terug’, legde mijn taalleraar uit. {after}"
)


@pytest.mark.parametrize(
    ("after", "flagged"),
    [
        ("Het is het eerste Japans dat ik echt begreep.", False),  # the post names the language
        ("Het is het eerste woord dat ik echt begreep.", True),  # nothing says what it is
    ],
)
def test_a_heading_the_post_names_the_language_of_is_legitimate(after: str, flagged: bool) -> None:
    report = texthygiene.scan(NAMED_POST.format(heading=JAPANESE_HEADING, after=after))
    assert bool(report.findings) is flagged
    if not flagged:
        low = texthygiene.scan(
            NAMED_POST.format(heading=JAPANESE_HEADING, after=after), config=Config(threshold=0.001)
        )
        assert "language_named" in low.findings[0].reasons


def test_naming_the_language_does_not_excuse_glued_spam() -> None:
    text = f"Ik leer sinds januari Russisch op de volksuniversiteit.{RU}"
    assert texthygiene.scan(text).findings
