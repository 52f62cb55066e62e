"""Text clean-up shared by every parser: one normaliser for the whole project."""

from __future__ import annotations

import html
import re
import unicodedata
from collections import Counter

# Spaces that web pages use and readers do not see as different from a space.
_SPACES = re.compile(r"[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
# Characters that show nothing, the one list (docs/failures.md): soft hyphen, the bidi marks (LRM, RLM, ALM:
# `&lrm;` beside Latin words in Arabic or Hebrew text), the bidi embeddings, overrides and isolates (U+202A-U+202E,
# U+2066-U+2069: a U+202E stored unclosed reverses whatever is shown after it; real pages hold them as pasted
# debris around Latin words), the Mongolian vowel separator, zero-width spaces and non-joiner, word joiner,
# invisible operators, the deprecated format controls, BOM, tag characters (U+E00xx: invisible letters). A
# zero-width joiner goes too, unless it joins two pictographs ("🕵️\u200d♂️", one emoji of three): there it is part
# of what is shown. A title typed as the page shows it has none of them.
_INVISIBLE = re.compile(
    r"[\u00ad\u061c\u180e\u200b\u200c\u200e\u200f\u202a-\u202e\u2060-\u206f\ufeff\U000e0000-\U000e007f]"
    r"|(?<![\ufe0f\u2600-\u27bf\U0001f000-\U0001faff])\u200d|\u200d(?![\u2600-\u27bf\U0001f000-\U0001faff])"
)
# C0 and C1 control characters (and DEL): never shown, never stored. Tab, newline, vertical
# tab, form feed, carriage return and NEL are white space, folded into a space below.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")
# A terminal's escape sequences, whole: CSI (ESC [ or U+009B, parameters, then a final byte: colours, cursor
# moves, clearing) and OSC (ESC ] or U+009D, up to BEL or ST: window titles, hyperlinks; never across a tag).
# Dropping only their control characters left "\x1b[31mRed\x1b[0m" as "[31mRed[0m".
ESCAPE_SEQUENCE = re.compile(r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]|(?:\x1b\]|\x9d)[^\x07\x1b\x9c<]*(?:\x07|\x1b\\|\x9c)")
# Private-use characters: icon-font glyphs ("\ue001" drawn as a calendar), no text of any language.
_PRIVATE_USE = re.compile(r"[\ue000-\uf8ff]")


def ascii_outside(char_class: re.Pattern) -> bytes:
    """The ASCII characters a one-character pattern (a character class) does not match, for has_char_in."""
    return bytes(c for c in range(128) if not char_class.fullmatch(chr(c)))


def has_char_in(text: str, char_class: re.Pattern, outside: bytes) -> bool:
    """Whether `text` holds a character `char_class` matches; `outside` is ascii_outside(char_class). Plain ASCII
    text is answered by deleting those characters from its bytes: 5-6x faster than the regex engine's scan."""
    if text.isascii():
        return bool(text.encode("ascii").translate(None, outside))
    return char_class.search(text) is not None


_NOT_CONTROL = ascii_outside(_CONTROL)


def without_escape_sequences(text: str) -> str:
    """`text` with every terminal escape sequence (ESCAPE_SEQUENCE) taken off whole."""
    if "\x1b" in text or "\x9b" in text or "\x9d" in text:
        return ESCAPE_SEQUENCE.sub("", text)
    return text


# C0 controls but tab and newline, DEL, C1 controls (U+0080-U+009F: a lone U+009B is a CSI),
# the bidirectional overrides and isolates that make "txt.exe" read as "exe.txt" (U+202A-U+202E,
# U+2066-U+2069), and the noncharacters U+FFFE / U+FFFF.
TERMINAL_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufffe\uffff]")


def as_shown(text: str) -> str:
    """`text` as a terminal shows it: no escape sequence (whole), no control character but newline and tab, no
    bidi override, no character that shows nothing (_INVISIBLE: a bidi mark, tag characters spelling hidden words).
    What the reports print, and what a user who copies a title from them types."""
    return without_format_marks(TERMINAL_UNSAFE.sub("", without_escape_sequences(text)))


def without_format_marks(text: str) -> str:
    """`text` without the characters that show nothing (_INVISIBLE): for comparing what is shown."""
    return text if text.isascii() else _INVISIBLE.sub("", text)


def without_hidden_characters(text: str) -> str:
    """`text` without what clean_text drops and a reader never sees (_INVISIBLE, control characters, escape
    sequences whole), its spacing and line breaks left as they are: what every scraped string of an entry passes
    before it is stored (crawler.validation.normalise_entry), whichever route it took. Clean text is its own."""
    if not text.isascii():
        text = _INVISIBLE.sub("", text)
    if not text.isprintable() and has_char_in(text, _CONTROL, _NOT_CONTROL):
        text = _CONTROL.sub("", without_escape_sequences(text))
    return text


# A run of letters (no digits, no underscore), in any script.
LETTERS = re.compile(r"[^\W\d_]+", re.UNICODE)


def words(text: str) -> frozenset[str]:
    """A set of words written as one string, one space or line between them."""
    return frozenset(text.split())


def clean_text(value: str | None) -> str | None:
    """Drop invisible, control and private-use (icon) characters, fold white space.

    `value` is text as shown: an HTML parser decoded its entities, so "&lt;div&gt;" left in it is what the page
    shows (written "&amp;lt;div&amp;gt;") and is kept; text still written with entities (a JSON-LD string) goes
    through unescaped_text. Curly quotes, dashes and every other visible character are kept as they are.
    Returns None for None or for text that is empty once cleaned.
    """
    if value is None:
        return None
    text = str(value)
    if not text.isascii():  # plain ASCII holds nothing to compose, hide or replace
        text = unicodedata.normalize("NFC", text)
        text = _PRIVATE_USE.sub(" ", _INVISIBLE.sub("", text))
    # Every character _CONTROL matches is unprintable: a printable text (nearly every one: a line of a page)
    # is answered by one C scan, without has_char_in's encoding and translation.
    if not text.isprintable() and has_char_in(text, _CONTROL, _NOT_CONTROL):
        text = _CONTROL.sub("", without_escape_sequences(text))
    # split() cuts at exactly the characters _SPACES matches (Unicode white space; the control
    # characters it also cuts at are gone by now): the same text, at a third of the cost.
    text = " ".join(text.split())
    return text or None


def shown_line(value: str | None) -> str | None:
    """clean_text's one line as a terminal shows it (as_shown: no bidi override either): what a stored note quotes
    of a page (a script link, an off-site address) is read by `sqlite3` and notifications, which print it raw."""
    text = clean_text(value)
    return as_shown(text) if text else text


def unescaped_text(value: str | None) -> str | None:
    """clean_text of text written with HTML entities, no parser having read it ("Caf&eacute;" in a JSON-LD
    string): its entities decoded once."""
    if value is None:
        return None
    text = str(value)
    return clean_text(html.unescape(text) if "&" in text else text)


# The only characters that lower() turns into ASCII or that match an ASCII letter case-insensitively
# while lower() keeps them apart ("İ", "ı", "ſ", Kelvin "K"): without them, lower() and a substring
# test say what an IGNORECASE pattern of lower-case ASCII words says.
_FOLDS_ODDLY = ("\u0130", "\u0131", "\u017f", "\u212a")


def folds_plainly(text: str) -> bool:
    """Whether lower() and a substring test say what an IGNORECASE pattern of lower-case ASCII words says."""
    # Written out, not any() over a generator: asked some 50 times a page, the generator cost more than the tests.
    return not ("\u0130" in text or "\u0131" in text or "\u017f" in text or "\u212a" in text)


def has_any(text: str, words: tuple[str, ...], pattern: re.Pattern) -> bool:
    """Whether `text` holds one of `words` (lower-case, accents as written: "côtés"), in any case; `pattern` is the same
    test as an IGNORECASE regex, used for the rare text where lower() would answer differently.
    Substring tests on lower() are 3-4x faster than the regex."""
    if not folds_plainly(text):
        return bool(pattern.search(text))
    lowered = text.lower()
    for word in words:  # noqa: SIM110  (a loop, not any() over a generator: see folds_plainly)
        if word in lowered:
            return True
    return False


def clean_paragraphs(paragraphs) -> str | None:
    """Clean each paragraph and join the non-empty ones with a newline."""
    kept = [p for p in (clean_text(p) for p in paragraphs) if p]
    return "\n".join(kept) or None


_EN = {"the", "and", "of", "to", "in", "for", "with", "on", "is", "by", "from", "at", "will", "new"}
_FR = {"le", "la", "les", "des", "et", "du", "pour", "dans", "une", "sur", "au", "aux", "est", "avec", "par"}
_ES = {"el", "los", "las", "y", "del", "para", "una", "con", "por", "en", "sobre", "al", "es", "se"}
# German and Portuguese too, so that their pages are not taken for French or Spanish ones.
_DE = {"der", "die", "das", "und", "mit", "für", "von", "im", "ist", "auf", "den", "ein", "eine", "zu", "nicht"}
_PT = {"o", "os", "as", "e", "do", "da", "dos", "das", "em", "no", "na", "para", "com", "uma", "não"}
_LANGUAGE_WORDS = {"en": _EN, "fr": _FR, "es": _ES, "de": _DE, "pt": _PT}
_WORD = re.compile(r"[a-záéíóúñçàèâêîôûëïüäöãõß']+")


def language_scores(text: str | None) -> dict[str, int]:
    """How many common function words of en, fr, es, de and pt the text holds."""
    counts = Counter(_WORD.findall((text or "").lower()))  # counted once, in C: a page's sample is 20,000 characters
    # Only the words the text holds: a Counter answers each absent one through a Python-level __missing__.
    return {language: sum(counts[w] for w in common & counts.keys()) for language, common in _LANGUAGE_WORDS.items()}


def guess_language(text: str | None) -> str | None:
    """Guess en, fr, es, de or pt from common function words; None when unsure."""
    if not text:
        return None
    scores = language_scores(text)
    best = max(scores, key=scores.get)
    ranked = sorted(scores.values(), reverse=True)
    if ranked[0] < 2 or ranked[0] == ranked[1]:
        return None
    return best
