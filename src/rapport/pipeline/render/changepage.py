"""The change page of the preview («Endringer siden …») and the review marks on its pages.

`change_page(changes, label, marked, chapters, exhibits)` returns the page's body (HTML):
every fact whose text changed (old → new, linked to each marked place in the prose), every
changed table cell, every figure whose data changed (the data diff, both images side by side),
exhibits added or removed, and the prose diff per chapter word by word (each run linked to its
mark in the chapter page). `decorate_site(site, body, label, …)` writes it as `endringer.html`
in the chrome of the site's home page, links it from the top of every page, and notes each
changed exhibit where it is shown. Only the preview site is decorated, and only when a
baseline is set; the published book never is.
"""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

from rapport.pipeline.changes import Changes, ExhibitChange, counts_line
from rapport.pipeline.marks import Marked
from rapport.pipeline.render.project import page_name

PAGE = "endringer.html"
IMAGES = "endringer"
MAIN_OPEN = '<main id="innhold" class="content" data-pagefind-body>'
_EXHIBIT = re.compile(r"\{\{<\s*exhibit\s+([\w.-]+)/([\w.-]+)\s*>\}\}")
_ALT = re.compile(r'fig-alt="([^"]*)"')


def _e(text) -> str:
    return html.escape("" if text is None else str(text), quote=True)


def _value(text: str | None, tag: str) -> str:
    if text is None:
        return '<span class="rapport-ingen">finnes ikke</span>'
    return f"<{tag}>{_e(text)}</{tag}>"


def exhibit_pages(chapters: dict[str, str]) -> dict[str, str]:
    """Exhibit id → the page that shows it (from the chapters' exhibit shortcodes)."""
    pages: dict[str, str] = {}
    for rel, text in chapters.items():
        for _nb, ident in _EXHIBIT.findall(text):
            pages.setdefault(ident, page_name(rel))
    return pages


def _facts(changes: Changes, marked: Marked) -> list[str]:
    out = ['<section id="endringer-tall"><h2>Tall i teksten</h2>',
           '<table class="rapport-endringer"><thead><tr><th scope="col">Tall (nøkkel)</th>'
           '<th scope="col">Før</th><th scope="col">Nå</th><th scope="col">Brukt i teksten</th>'
           "</tr></thead><tbody>"]
    for f in changes.facts:
        places = []
        for place in f.used:
            href = marked.facts.get((f.key, place))
            places.append(f'<a href="{_e(href)}">{_e(place)}</a>' if href else _e(place))
        out.append(f'<tr><th scope="row"><code>{_e(f.key)}</code></th>'
                   f"<td>{_value(f.old, 'del')}</td><td>{_value(f.new, 'ins')}</td>"
                   f"<td>{', '.join(places) or '–'}</td></tr>")
    out.append("</tbody></table></section>")
    return out


def _cells(ex: ExhibitChange) -> list[str]:
    figure = ex.ident.startswith("fig-")
    label = "Datapunkter som er endret" if figure else "Celler som er endret"
    out = [f'<table class="rapport-endringer"><caption>{label} ({len(ex.cells)})</caption>'
           '<thead><tr><th scope="col">Rad</th><th scope="col">Kolonne</th>'
           '<th scope="col">Før</th><th scope="col">Nå</th></tr></thead><tbody>']
    for c in ex.cells:
        out.append(f'<tr><th scope="row">{_e(c.row)}</th><td>{_e(c.column)}</td>'
                   f"<td>{_value(c.old, 'del')}</td><td>{_value(c.new, 'ins')}</td></tr>")
    out.append("</tbody></table>")
    return out


def _images(ex: ExhibitChange, images: dict[str, tuple[str | None, str | None]],
            alts: dict[str, tuple[str, str]]) -> list[str]:
    old, new = images.get(ex.ident, (None, None))
    old_alt, new_alt = alts.get(ex.ident, ("", ""))
    out = ['<div class="rapport-endringer-bilder">']
    for word, src, alt in (("Før", old, old_alt), ("Nå", new, new_alt)):
        if src:
            inner = f'<img src="{_e(src)}" alt="{_e(word + ": " + (alt or ex.caption))}">'
        else:
            inner = '<p class="rapport-ingen">Bildet fra denne versjonen er ikke tatt vare på.</p>'
        out.append(f"<figure><figcaption>{word}</figcaption>{inner}</figure>")
    out.append("</div>")
    return out


def change_page(changes: Changes, label: str, marked: Marked, chapters: dict[str, str],
                images: dict[str, tuple[str | None, str | None]] | None = None,
                alts: dict[str, tuple[str, str]] | None = None) -> str:
    """The body of the change page (see the module docstring)."""
    shown_on = exhibit_pages(chapters)
    out = [f'<h1 id="endringer">Endringer siden {_e(label)}</h1>']
    if changes.empty():
        out.append("<p>Ingen tall, tabeller, figurer eller tekst er endret.</p>")
        return "\n".join(out) + "\n"
    out.append(f'<p class="rapport-endringer-antall">{_e(counts_line(changes))}</p>')
    out.append('<p>Endringene er også merket i kapitlene: ny tekst er understreket, fjernet '
               'tekst gjennomstreket, og endrede tall viser tallet fra før i parentes.</p>')
    if changes.facts:
        out += _facts(changes, marked)
    if changes.exhibits:
        out.append('<section id="endringer-utstillinger"><h2>Tabeller og figurer</h2>')
        for ex in changes.exhibits:
            where = shown_on.get(ex.ident)
            title = _e(ex.caption or ex.ident)
            link = f'<a href="{_e(where)}#{_e(ex.ident)}">{title}</a>' if where else title
            out.append(f'<section id="endring-{_e(ex.ident)}" class="rapport-endret-utstilling">'
                       f"<h3>{link} <code>{_e(ex.ident)}</code></h3>")
            if ex.text:
                out.append("<ul>" + "".join(
                    f"<li>{_e(part)}: «{_value(a, 'del')}» → «{_value(b, 'ins')}»</li>"
                    for part, a, b in ex.text) + "</ul>")
            if ex.cells:
                out += _cells(ex)
            if ex.ident.startswith("fig-"):
                out += _images(ex, images or {}, alts or {})
            out.append("</section>")
        out.append("</section>")
    if changes.added or changes.removed:
        out.append('<section id="endringer-nye-fjernede"><h2>Nye og fjernede tabeller og '
                   "figurer</h2><ul>")
        for ident in changes.added:
            where = shown_on.get(ident)
            name = f'<a href="{_e(where)}#{_e(ident)}">{_e(ident)}</a>' if where else _e(ident)
            out.append(f"<li>Lagt til: <code>{name}</code></li>")
        out += [f"<li>Fjernet: <code>{_e(ident)}</code></li>" for ident in changes.removed]
        out.append("</ul></section>")
    if changes.prose:
        out.append('<section id="endringer-tekst"><h2>Teksten, ord for ord</h2>')
        for rel, hunks in changes.prose.items():
            page = page_name(rel)
            out.append(f'<h3><a href="{_e(page)}">{_e(rel)}</a></h3><ul class="rapport-ordendringer">')
            for k, h in enumerate(hunks):
                parts = [f"…{_e(h.before)} "]
                if h.removed:
                    parts.append('<del class="rapport-endring"><span class="visually-hidden">'
                                 f"Fjernet tekst: </span>{_e(h.removed)}</del> ")
                if h.added:
                    parts.append('<ins class="rapport-endring"><span class="visually-hidden">'
                                 f"Ny tekst: </span>{_e(h.added)}</ins> ")
                parts.append(f"{_e(h.after)}…")
                href = marked.prose.get((rel, k))
                if href:
                    parts.append(f' <a class="rapport-vis" href="{_e(href)}">vis i kapitlet</a>')
                out.append("<li>" + "".join(parts) + "</li>")
            out.append("</ul>")
        out.append("</section>")
    return "\n".join(out) + "\n"


def figure_alts(exhibits: dict) -> dict[str, str]:
    """Exhibit id → the figure's alt text, from a record's snippets."""
    alts = {}
    for ident, item in exhibits.items():
        found = _ALT.search(item.get("snippet") or "")
        if found:
            alts[ident] = html.unescape(found.group(1))
    return alts


def copy_images(site: Path, root: Path, changes: Changes, old_dir: Path | None
                ) -> dict[str, tuple[str | None, str | None]]:
    """The old and new image of each changed figure, copied into the site's `endringer/`."""
    result: dict[str, tuple[str | None, str | None]] = {}
    for ex in changes.exhibits:
        if not ex.ident.startswith("fig-"):
            continue
        pair: list[str | None] = []
        for side, paths, base in (("for", ex.images[0], old_dir), ("na", ex.images[1], root)):
            path = next((p for p in paths if p.endswith(".svg")), paths[0] if paths else None)
            source = base / path if (base is not None and path) else None
            if source is None or not source.is_file():
                pair.append(None)
                continue
            target = site / IMAGES / f"{ex.ident}-{side}{source.suffix}"
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
            pair.append(f"{IMAGES}/{target.name}")
        result[ex.ident] = (pair[0], pair[1])
    return result


def _banner(label: str, count: int) -> str:
    return (f'<p class="rapport-endringer-lenke" data-pagefind-ignore><a href="{PAGE}">'
            f"Endringer siden {_e(label)}</a> ({count} endringer)</p>")


def decorate_site(site: Path, body: str, label: str, count: int,
                  exhibits: list[str]) -> Path:
    """Write the change page into `site` and link it (and each changed exhibit) from its pages."""
    banner = _banner(label, count)
    for page in sorted(site.glob("*.html")):
        text = page.read_text(encoding="utf-8")
        text = text.replace(MAIN_OPEN, MAIN_OPEN + "\n" + banner, 1)
        for ident in exhibits:
            note = (f'<p class="rapport-endret-merknad" data-pagefind-ignore><a href="{PAGE}'
                    f'#endring-{_e(ident)}">Endret siden {_e(label)}: se hva som er endret</a></p>')
            text = re.sub(rf'(<[a-z]+ id="{re.escape(ident)}")', lambda m: note + m.group(1),
                          text, count=1)
        page.write_text(text, encoding="utf-8")
    home = (site / "index.html").read_text(encoding="utf-8")
    start = home.index(MAIN_OPEN) + len(MAIN_OPEN)
    end = home.index('<nav class="page-nav"', start)
    page = home[:start] + "\n" + banner + "\n" + body + home[end:]
    page = re.sub(r"<title>.*?</title>", f"<title>Endringer siden {_e(label)}</title>", page,
                  count=1)
    page = page.replace(' aria-current="page"', "")
    page = re.sub(r'(<aside class="page-toc)[^"]*(".*?<ul>).*?(</ul>)',
                  r"\1 empty\2\3", page, count=1, flags=re.S)
    target = site / PAGE
    target.write_text(page, encoding="utf-8")
    return target
