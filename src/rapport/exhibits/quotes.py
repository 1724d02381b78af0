"""Interview quotes as published elements: checked, attributed by informant group, written as a
Markdown block quote whose last line `--- Gruppe` the renderers set as the attribution (and
keep whole across PDF pages).

A quote is refused (:class:`QuoteError`, naming the quote id) when it

* holds an 11-digit number (a fødselsnummer or D-nummer), also written «010190 12345»;
* holds a personal name: a common Norwegian given name from :data:`GIVEN_NAMES`, a name the
  project lists (`names=`), or a capitalised word followed by a capitalised surname ending in
  -sen/-son/-stad/-land/-heim/-vik/-berg/-dal mid-sentence;
* is attributed to a group outside the project's list (`groups=`), or has no text.

Anonymised placeholders in brackets («[Veileder] i [kommune]») are allowed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rapport import context
from rapport.fsutil import atomic_write_text

from . import snippet

GIVEN_NAMES = frozenset("""
Anne Inger Kari Marit Ingrid Liv Eva Berit Astrid Bjørg Hilde Anna Solveig Marianne Randi Ida
Nina Ellen Elisabeth Kristin Tone Silje Hanne Heidi Gerd Ragnhild Camilla Tove Karin Linda
Wenche Turid Ingeborg Mari Lene Julie Nora Emma Sara Maria Sofie Ingvild Karen Reidun Fatima
Jan Per Bjørn Ole Lars Kjell Knut Arne Svein Hans Geir Tor Morten Terje Odd Erik Martin Jon
Andreas Thomas Rune Trond Tore Harald Olav Gunnar Jens Einar Nils Anders Espen Frode Kristian
Magnus Henrik Jonas Mathias Emil Fredrik Eirik Sindre Håkon Sigurd Mohammed Ali Ahmed André
""".split())
_SURNAME = re.compile(r"\b[A-ZÆØÅ][a-zæøå]+ [A-ZÆØÅ][a-zæøå]*(?:sen|son|stad|land|heim|vik|"
                      r"berg|dal)\b")
_ELEVEN = re.compile(r"(?<!\d)\d{6}[ .-]?\d{5}(?!\d)")


class QuoteError(ValueError):
    """A quote that must not be published; the message names the quote and the problem."""


def check_quote(quote_id: str, text: str, group: str, *, groups: Iterable[str],
                names: Iterable[str] = ()) -> None:
    """Raise QuoteError if the quote may not be published (see the module docstring)."""
    groups = list(groups)
    if not str(text or "").strip():
        raise QuoteError(f"sitat {quote_id}: mangler tekst")
    if group not in groups:
        raise QuoteError(f"sitat {quote_id}: informantgruppen «{group}» er ikke blant "
                         f"{groups}")
    m = _ELEVEN.search(text)
    if m:
        raise QuoteError(f"sitat {quote_id}: inneholder et 11-sifret nummer («{m.group(0)}»); "
                         "fjern det før sitatet publiseres")
    words = set(re.findall(r"\b[A-ZÆØÅ][a-zæøåA-ZÆØÅ-]+\b", text))
    listed = GIVEN_NAMES | set(names)
    found = sorted(w for w in words if w in listed)
    m = _SURNAME.search(text)
    if found or m:
        name = found[0] if found else m.group(0)
        raise QuoteError(f"sitat {quote_id}: inneholder et personnavn («{name}»); anonymiser "
                         "det, f.eks. «[veileder]»")


def quote_markdown(text: str, group: str) -> str:
    """The block quote: the text as paragraphs, an empty line, then `--- Gruppe`."""
    paragraphs = [" ".join(p.split()) for p in str(text).strip().split("\n\n")]
    body = "\n>\n".join(f"> {p}" for p in paragraphs)
    return f"{body}\n>\n> --- {group}\n"


def publish_quote(quote_id: str, text: str, group: str, *, groups: Iterable[str],
                  names: Iterable[str] = ()) -> str:
    """Check the quote and write `quote-<id>.md` into the notebook's artifacts directory.
    Include it in a chapter like an exhibit snippet. Returns the Markdown written."""
    quote_id = snippet.check_id(quote_id.removeprefix("quote-"))
    check_quote(quote_id, text, group, groups=groups, names=names)
    markdown = quote_markdown(text, group)
    atomic_write_text(context.artifacts_dir() / f"quote-{quote_id}.md", markdown)
    return markdown
