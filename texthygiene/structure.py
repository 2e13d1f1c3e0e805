"""Structure: the markup in a plain text, and the lines that are units of their own.

A list item, a table row, a heading, a menu entry or a form label carries no sentence
punctuation, so read as prose it looks like a phrase pasted between two sentences or at a
paragraph's end, the positions that count as injection evidence. Such a line is a unit of
its own: foreign only on strong word evidence. Lines are units by their shape (bullets,
Markdown headings, table rows, short unpunctuated lines in a block of such lines) or, for
HTML, by the element they come from. A lone short line between two prose paragraphs is no
unit: that is where a spam line is pasted.

Markdown and template syntax in a plain text (fenced code, `` `code` ``, link targets,
shortcodes ``{{< … >}}``, placeholders ``{{count}}``, HTML tags, front matter) is code, not
prose: it carries no language evidence and is never part of a finding.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

import regex

from .segment import Token

#: Markup in a plain text, each alternative unambiguous enough to take for code anywhere.
MARKUP_RE = regex.compile(
    r"""
    \A(?:---|\+\+\+)[ \t]*\n(?:.*?\n)??(?:---|\+\+\+)[ \t]*(?=\n|\Z)  # front matter
  | ^[ \t]*(?P<fence>```|~~~).*?(?:^[ \t]*(?P=fence)[^\n]*|\Z)     # fenced code block
  | \{\{.*?\}\}                                     # shortcodes, template placeholders
  | \{%.*?%\}
  | \{[A-Za-z_][\w.]*\}                             # a format placeholder: {value}
  | <!--.*?(?:-->|\Z)
  | </?[A-Za-z][\w:-]*(?:\s[^<>\n]*)?/?>            # an HTML tag
  | \]\((?:[^()\n]|\([^()\n]*\))*\)                 # a Markdown link's target
    """,
    regex.VERBOSE | regex.DOTALL | regex.MULTILINE,
)
#: Characters without which ``MARKUP_RE`` cannot match (the usual text has none).
_MARKUP_MARKS = regex.compile(r"```|~~~|\{|<|\]\(|\A(?:---|\+\+\+)")

#: A line that starts a list item, a heading or a table row.
_SHAPED_RE = regex.compile(
    r"""
    [ \t]*(?:
        [-*+•·▪◦‣][ \t]                 # a bullet
      | \d{1,3}[.)][ \t]                # a numbered item
      | \#{1,6}[ \t]                    # a Markdown heading
      | \|                              # a table row
    )
    """,
    regex.VERBOSE,
)
#: A line ending in one of these is a sentence, not an item.
_SENTENCE_ENDS = frozenset(".!?。！？;；…")
UNIT_MAX_WORDS = 12  # a list item, label or menu entry is short
BLOCK_MIN_LINES = 3


def markup_as_code(text: str, tokens: list[Token]) -> list[Token]:
    """``tokens`` with every token that markup touches merged into ``code`` tokens, one per
    line of the markup (newlines stay tokens of their own, so lines keep their ends).

    >>> from texthygiene.segment import tokenize
    >>> text = "Zie [de gids](docs/start) en {{< ref x >}} hier"
    >>> [t.text for t in markup_as_code(text, tokenize(text)) if t.kind == "code"]
    ['](docs/start)', '{{< ref x >}}']
    """
    if _MARKUP_MARKS.search(text) is None:
        return tokens
    spans = [m.span() for m in MARKUP_RE.finditer(text) if m.end() > m.start()]
    if not spans:
        return tokens
    out: list[Token] = []
    n = 0
    for start, end in spans:
        while n < len(tokens) and tokens[n].end <= start:
            out.append(tokens[n])
            n += 1
        merged: Token | None = None
        while n < len(tokens) and tokens[n].start < end:
            token = tokens[n]
            n += 1
            if token.kind == "newline":
                if merged is not None:
                    out.append(merged)
                    merged = None
                out.append(token)
            elif merged is None:
                merged = token._replace(kind="code", script="Common", group="Common")
            else:
                merged = merged._replace(end=token.end, text=text[merged.start : token.end])
        if merged is not None:
            out.append(merged._replace(text=text[merged.start : merged.end]))
    out.extend(tokens[n:])
    return out


def unit_lines(
    text: str,
    tokens: Sequence[Token],
    ranges: Sequence[tuple[int, int]],
    units: Sequence[tuple[int, int]] = (),
) -> list[bool]:
    """For each line (token ranges from ``segment.line_ranges``), whether it is a unit of
    its own: a list item, heading or table row by its shape, a short unpunctuated line next
    to another such line, or a line inside one of ``units`` (text spans of structural HTML
    elements: list items, cells, headings, menus, labels).

    >>> from texthygiene.segment import line_ranges, tokenize
    >>> text = "Menu\\nHome\\n\\nA sentence, long enough to be prose: one two three four five.\\n"
    >>> text += "buy cheap pills\\n\\n- item\\n\\nCancel\\nCopied!\\nSave"
    >>> tokens = tokenize(text)
    >>> unit_lines(text, tokens, line_ranges(tokens))
    [True, True, False, False, False, False, True, False, True, True, True]
    """
    shape: list[str] = []  # "shaped", "short", "sentence" (short, punctuated), "blank", "prose"
    for first, last in ranges:
        if first >= last or all(tokens[i].kind == "space" for i in range(first, last)):
            shape.append("blank")
            continue
        start, end = tokens[first].start, tokens[last - 1].end
        if _SHAPED_RE.match(text, start, end):
            shape.append("shaped")
            continue
        words = sum(1 for i in range(first, last) if tokens[i].kind == "word")
        tail = text[start:end].rstrip()
        if not 0 < words <= UNIT_MAX_WORDS:
            shape.append("prose")
        else:
            shape.append("sentence" if tail[-1:] in _SENTENCE_ENDS else "short")
    # A block (lines between blank ones) of three or more short lines, most without a full
    # stop, is a list, a menu or a set of strings; a paragraph has longer lines or sentences.
    listed = [False] * len(shape)
    n = 0
    while n < len(shape):
        if shape[n] == "blank":
            n += 1
            continue
        end = n
        while end < len(shape) and shape[end] != "blank":
            end += 1
        block = shape[n:end]
        if (
            len(block) >= BLOCK_MIN_LINES
            and "prose" not in block
            and block.count("sentence") * 2 < len(block)
        ):
            listed[n:end] = [True] * (end - n)
        n = end
    outer = _outermost(units)
    starts = [a for a, _ in outer]
    flags = []
    for n, kind in enumerate(shape):
        if kind == "shaped" or listed[n]:
            flags.append(True)
        elif kind == "short":
            near = [shape[m] for m in (n - 1, n + 1) if 0 <= m < len(shape)]
            flags.append(any(k in ("short", "shaped") for k in near))
        else:
            flags.append(False)
        if not flags[-1] and kind != "blank" and outer:
            first, last = ranges[n]
            at = bisect_right(starts, tokens[first].start) - 1
            flags[-1] = at >= 0 and tokens[last - 1].end <= outer[at][1]
    return flags


def _outermost(ranges: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The ranges that no other one contains, sorted (structural elements nest)."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(ranges, key=lambda r: (r[0], -r[1])):
        if not out or start >= out[-1][1]:
            out.append((start, end))
    return out
