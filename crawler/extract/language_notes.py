"""A note on the language a link's page is in ("Read (in French)", "Lire (en anglais)", "Leer [inglés]"): it
tells the reader what to expect and names nothing, so a pointer keeps pointing with it."""

from __future__ import annotations

import re

# Language names as a note gives them, in the languages the extractor reads (English, French, Spanish,
# Portuguese, German, Italian, Dutch), lower case.
_LANGUAGES = (
    "english|french|spanish|german|italian|portuguese|dutch|catalan|arabic|chinese|japanese|russian"
    "|anglais|français|francais|espagnol|allemand|italien|portugais|néerlandais"
    "|inglés|ingles|francés|frances|español|espanol|alemán|aleman|italiano|portugués|portugues|catalán"
    "|inglês|francês|espanhol|alemão|português|englisch|französisch|spanisch|deutsch|italienisch"
    "|inglese|francese|spagnolo|tedesco|portoghese|engels|frans|spaans|duits|nederlands"
)
# "(in French)", "(en français)", "(auf Englisch)", "[English]", "(in English only)" at the end of the text.
_LANGUAGE_NOTE = re.compile(
    rf"\s*[(\[]\s*(?:(?:in|en|em|auf|in lingua|op)\s+)?(?:{_LANGUAGES})(?:\s+only|\s+seulement)?\s*[)\]]\s*$",
    re.IGNORECASE,
)


def without_language_note(text: str) -> str:
    """`text` less a closing note on the language ("Read (in French)" -> "Read"); unchanged when the note is all
    there is."""
    rest = _LANGUAGE_NOTE.sub("", text)
    return rest if rest.strip() else text
