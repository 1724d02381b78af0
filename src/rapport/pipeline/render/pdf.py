"""PDF: pandoc's Typst writer with the extension's Typst template (the partials Quarto uses),
compiled by the `typst` package as PDF/UA-1 (Typst refuses an image without alt text) with a
fixed timestamp."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from rapport.pipeline.render import pandoc
from rapport.pipeline.render.project import Project


def typst_writer(project: Project) -> list[str]:
    """How the book's second pass is written for Typst: pandoc's writer (citations as text,
    by citeproc) with the extension's template."""
    return ["-t", "typst-citations", "--wrap=preserve",
            f"--template={project.extension.typst_template()}"]


def compile_pdf(project: Project, source: str, target: Path, tmp: Path,
                timestamp: datetime) -> Path:
    import typst

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
            font_paths=[str(d) for d in project.extension.font_dirs()],
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
