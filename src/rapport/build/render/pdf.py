"""PDF: pandoc's Typst writer with the project's template, compiled by the `typst` package as
PDF/UA-1 (Typst refuses an image without alt text) with a fixed timestamp."""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

from rapport.build.render import pandoc
from rapport.build.render.html import font_dir
from rapport.build.render.project import Project


def typst_str(value) -> str:
    text = str(value).replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")
    return f'"{text}"'


def meta_dict(project: Project) -> str:
    book = project.book
    report = project.report
    authors = book.get("author") or []
    if isinstance(authors, str):
        authors = [authors]
    authors = [str(a.get("name", a)) if isinstance(a, dict) else str(a) for a in authors]
    colophon = [("Tittel", str(book.get("title", "")))]
    if book.get("subtitle"):
        colophon.append(("Undertittel", str(book["subtitle"])))
    if report.get("client"):
        colophon.append(("Oppdragsgiver", str(report["client"])))
    if report.get("project-period"):
        colophon.append(("Prosjektperiode", str(report["project-period"])))
    if report.get("team"):
        colophon.append(("Team", str(report["team"])))
    if authors:
        colophon.append(("Utført av", ", ".join(authors)))
    if report.get("place-date"):
        colophon.append(("Sted og dato", str(report["place-date"])))
    elif project.date_text():
        colophon.append(("Dato", project.date_text()))
    lang = project.lang().split("-")[0]
    toc_title = project.language.get("toc-title-document", "Innhold")
    pairs = ", ".join(f"({typst_str(k)}, {typst_str(v)})" for k, v in colophon)
    return (
        "#let meta = (\n"
        f"  title: {typst_str(book.get('title', ''))},\n"
        f"  subtitle: {typst_str(book.get('subtitle', ''))},\n"
        f"  authors: ({', '.join(typst_str(a) for a in authors)}{',' if len(authors) == 1 else ''}),\n"
        f"  client: {typst_str(report.get('client', ''))},\n"
        f"  date: {typst_str(project.date_text())},\n"
        f"  lang: {typst_str(lang)},\n"
        f"  toc-title: {typst_str(toc_title)},\n"
        f"  toc-depth: {int(project.toc_depth())},\n"
        f"  colophon: ({pairs},),\n"
        ")"
    )


def typst_source(project: Project, ast_json: str, meta_file: Path) -> str:
    return pandoc.run(
        [
            "-f", "json", "-t", "typst-citations", "--wrap=preserve",
            f"--template={pandoc.TEMPLATES / 'book.typ'}",
            f"--metadata-file={meta_file}",
            pandoc.filter_arg("rapport.lua"),
            "--citeproc",
            "-V", f"rapport-meta={meta_dict(project)}",
        ],
        input=ast_json, fmt="typst",
    )


def compile_pdf(project: Project, source: str, target: Path, tmp: Path,
                timestamp: datetime) -> Path:
    import typst

    fonts = tmp / "fonts"
    fonts.mkdir(exist_ok=True)
    for ttf in sorted(font_dir().glob("*.ttf")):
        shutil.copyfile(ttf, fonts / ttf.name)
    # Typst wants the main file inside the compile root (the project root, so that "/_build/..."
    # paths resolve): it goes under _build/ (never committed) with a name unique to this render,
    # and is removed afterwards.
    main = project.root / "_build" / "render" / f"book-{tmp.name}.typ"
    main.parent.mkdir(parents=True, exist_ok=True)
    main.write_text(source, encoding="utf-8")
    try:
        pdf = typst.compile(
            str(main),
            root=str(project.root),
            font_paths=[str(fonts)],
            ignore_system_fonts=True,
            pdf_standards=["ua-1"],
            timestamp=int(timestamp.timestamp()),
        )
    except Exception as exc:  # typst raises its own error type with the diagnostics
        (tmp / "book.typ").write_text(source, encoding="utf-8")
        raise pandoc.RenderError(f"typst failed ({tmp / 'book.typ'}):\n{exc}") from exc
    finally:
        main.unlink(missing_ok=True)
    target.write_bytes(pdf)
    return target
