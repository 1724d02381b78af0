"""Shared plumbing for published exhibits: CSV files, ids, Markdown escaping, snippet parts.

The snippet syntax is the contract in docs/architecture.md ("Snippet syntax"); figures and
tables both build their `.md` files from the pieces here so that the two stay identical. The
house style (docs/house-style.md, read by `rapport.housestyle`) decides the default «Kilde:»
source, how a base is written («(n = 214)», «(N = 48)») and where it goes (caption or Kilde line).
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from rapport import context, housestyle
from rapport.fsutil import atomic_write_text

from . import fmt


class _HouseSource:
    """The default of every `source=`: the house style's `source`."""

    def __repr__(self) -> str:
        return "HOUSE_SOURCE"


HOUSE_SOURCE = _HouseSource()
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#@~^|$])")


class Published(dict):
    """What a publish function returns: the files written and the texts used. Shown in a
    notebook (and so in its published executed copy) with the project-rooted paths the book
    uses, never the build directory, which differs from machine to machine."""

    def __repr__(self) -> str:
        shown = {key: context.published_path(value) if isinstance(value, Path) else value
                 for key, value in self.items()}
        return repr(shown)

    def _repr_pretty_(self, printer, cycle) -> None:  # IPython's display
        printer.text(repr(self))


def check_id(exhibit_id: str) -> str:
    """An exhibit id (without the fig-/tbl- prefix): lowercase ascii letters, digits and «-»."""
    if not isinstance(exhibit_id, str) or not _ID.match(exhibit_id):
        raise ValueError(
            f"ugyldig id {exhibit_id!r}: bruk små bokstaver a–z, sifre og bindestrek "
            "(uten fig-/tbl-prefiks), f.eks. 'kjennskap'"
        )
    return exhibit_id


def write_csv(path: Path, data: pd.DataFrame) -> Path:
    """The data behind an exhibit: UTF-8, «,» separator, «.» decimals, no index, LF endings."""
    text = data.to_csv(index=False, lineterminator="\n")
    return atomic_write_text(path, text)


def md_escape(text: str) -> str:
    """Escape Markdown specials so that a question text stays literal (no emphasis, no @cite)."""
    return _MD_SPECIAL.sub(r"\\\1", str(text)).replace("\n", " ")


def attr_escape(text: str) -> str:
    """A value for a pandoc/Quarto attribute in double quotes."""
    return str(text).replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")


def style() -> housestyle.HouseStyle:
    """The project's house style (its files are recorded as reads of the running notebook)."""
    return housestyle.load()


def resolve_source(source, house: housestyle.HouseStyle, exhibit: str) -> str | None:
    """The «Kilde:» text: the one given, None for none, or the house style's default."""
    if source is not HOUSE_SOURCE:
        return source
    if not house.source:
        raise ValueError(f"{exhibit}: no source: pass source=… or set house-style.source "
                         "(a style in metadata-files, or house-style: in _quarto.yml)")
    return house.source


def place_n(n_part: str | None, house: housestyle.HouseStyle, source: str | None):
    """(n for the caption, n for the Kilde line) as the house style's `n-placement` says; with
    no Kilde line the base stays in the caption."""
    if n_part and house.n_placement == "source" and source:
        return None, n_part
    return n_part, None


def n_text(data: pd.DataFrame | None, n=None, *, round_col: str | None = None,
           template: str = "(n = {n})") -> str | None:
    """The «(n = …)» part of a caption, written as `template` (the house style's `n-format`).

    `n` may be an int («(n = 214)»), a dict {round: n} («(n 2022 = 261, n 2024 = 271)»), a ready
    string, or False (no n). With n=None it is computed from `data`: the column `n` (the base of
    each plotted value); per `round_col` when given and present; several different bases give a
    range «(n = 203–216)».
    """
    if n is False:
        return None
    if isinstance(n, str):
        return n
    if isinstance(n, dict):
        return fmt.n_rounds(n, template=template)
    if n is not None:
        return fmt.n_label(n, template=template)
    if data is None or "n" not in data.columns:
        return None
    if round_col and round_col in data.columns and data[round_col].nunique() > 1:
        per_round = data.dropna(subset=["n"]).groupby(round_col)["n"].max()
        return fmt.n_rounds({key: int(value) for key, value in per_round.items()},
                            template=template)
    values = sorted({int(v) for v in data["n"].dropna()})
    if not values:
        return None
    if len(values) == 1:
        return fmt.n_label(values[0], template=template)
    return fmt.n_range(values[0], values[-1], template=template)


def caption_text(caption: str, *, multi: bool = False, n_part: str | None = None) -> str:
    """Caption paragraph: question text, «(Flere svar mulig)», «(n = …)», Markdown-escaped."""
    parts = [md_escape(caption.strip())]
    if multi:
        parts.append("(Flere svar mulig)")
    if n_part:
        parts.append(n_part)  # built by fmt: digits, «n =», parentheses, en dash only
    return " ".join(parts)


def tail(source: str | None, csv_path: Path, notes: list[str] | None = None,
         n_part: str | None = None) -> str:
    """Notes (`.tabellnote`), the «Kilde:» line (ending with the base when the house style
    places it there: «Kilde: Registreringsskjema (n=721)») and the CSV download link."""
    blocks = []
    if notes:
        body = "\n\n".join(notes)
        blocks.append(f"::: {{.tabellnote}}\n{body}\n:::\n")
    if source:
        line = f"{source} {n_part}" if n_part else source
        blocks.append(f"::: {{.kilde}}\nKilde: {line}\n:::\n")
    link = context.published_path(csv_path)
    blocks.append(
        '::: {.content-visible when-format="html"}\n'
        f"[Last ned data (CSV)]({link}){{.download}}\n:::\n"
    )
    return "\n".join(blocks)
