"""The reviewers' Word copy: the book through pandoc's docx writer, marked as a draft.

    reference_docx(project, target)    the house reference document, made at build time
    write_docx(project, filtered_doc, target, tmp, timestamp)
    python -m rapport.pipeline.render.docx   the reference document for `quarto render --to
                                              rapport-docx` (Quarto's pre-render step calls it)

The reference document is pandoc's own default `reference.docx` (`--print-default-data-file`),
restyled with python-docx from the house style (`house-style.font`, `font-size`, `colors`):
body text, headings (a new page before each chapter), the caption styles pandoc uses
(«Image Caption», «Table Caption»), paragraph styles for figures' pictures (kept on the page
of their «Kilde:» line), «Kilde:» lines, table notes and boxes (the extension's filter names
them with `custom-style`), the table style (a grid of thin rules,
the header row repeated on a new page), the language nb-NO, and «Utkast – ikke for publisering»
in every page header. Nothing binary is committed.

The book's figures are SVG; Word copies get PNG renderings of them (Typst renders the SVG), so
that every Word and LibreOffice shows them; their alt text is kept (`wp:docPr descr`). The
result is made byte-identical between builds: every zip entry gets the book's timestamp, in a
fixed order, and the document properties carry that date instead of the time of the build.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import zipfile
from datetime import datetime
from pathlib import Path

from rapport.pipeline.render import pandoc
from rapport.pipeline.render.project import Project

DRAFT = "Utkast – ikke for publisering"
DRAFT_NOTE = ("Dette er en Word-kopi av rapporten for kommentarer og innspill. Den publiserte "
              "versjonen er PDF-en; tall, figurer og tabeller kommer fra analysen og rettes der, "
              "ikke i denne filen.")
LANG = "nb-NO"


def docx_name(project: Project) -> str:
    """The Word copy's name: the PDF's, with .docx."""
    return project.pdf_name()[: -len(".pdf")] + ".docx"


def _rgb(value: str, default: str) -> str:
    value = str(value or default)
    return value.lstrip("#").upper() if re.fullmatch(r"#[0-9a-fA-F]{6}", value) else default


def reference_docx(project: Project, target: Path) -> Path:
    """pandoc's default reference.docx in the house style (see the module docstring)."""
    import docx
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    data = pandoc.run_bytes(["--print-default-data-file", "reference.docx"])
    document = docx.Document(io.BytesIO(data))
    style = project.house_style()
    font = str(style.get("font") or "Source Sans Pro")
    size = float(str(style.get("font-size") or "10.5pt").rstrip("pt") or 10.5)
    colors = style.get("colors") or {}
    navy = RGBColor.from_string(_rgb(colors.get("primary"), "1F3A5F"))
    styles = document.styles

    def fonts(st, name: str = font) -> None:
        st.font.name = name
        rpr = st.element.get_or_add_rPr()
        rfonts = rpr.find(qn("w:rFonts"))
        for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            rfonts.set(qn(attr), name)
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
            rfonts.attrib.pop(qn(attr), None)

    by_name = {st.name: st for st in styles}

    def paragraph(name: str, base: str = "Normal"):
        if name not in by_name:
            by_name[name] = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            by_name[name].base_style = by_name[base]
        return by_name[name]

    # The document's defaults: the house font, and Norwegian for spelling and hyphenation.
    defaults = styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = defaults.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        defaults.append(lang)
    for attr in ("w:val", "w:eastAsia", "w:bidi"):
        lang.set(qn(attr), LANG)
    for name in ("Normal", "Body Text", "First Paragraph", "Compact", "Title", "Subtitle",
                 "Author", "Date", "Abstract", "Bibliography", "Block Text", "Footnote Text"):
        if name not in by_name:
            continue
        st = by_name[name]
        fonts(st)
        if name in ("Normal", "Body Text", "First Paragraph", "Compact"):
            st.font.size = Pt(size)
    for level, points in ((1, 20), (2, 15), (3, 12.5), (4, 11.5)):
        st = by_name[f"Heading {level}"]
        fonts(st)
        st.font.size, st.font.bold, st.font.color.rgb = Pt(points), True, navy
        st.paragraph_format.space_before = Pt(18 if level == 1 else 12)
        st.paragraph_format.space_after = Pt(6)
        st.paragraph_format.keep_with_next = True
        st.paragraph_format.page_break_before = level == 1
    st = by_name["Title"]
    st.font.color.rgb, st.font.size = navy, Pt(26)
    for name in ("Caption", "Image Caption", "Table Caption"):
        st = paragraph(name)
        fonts(st)
        st.font.size, st.font.bold, st.font.italic = Pt(size), False, False
        st.font.color.rgb = navy
        st.paragraph_format.space_before, st.paragraph_format.space_after = Pt(10), Pt(4)
        st.paragraph_format.keep_with_next = True
    for name, italic, small in (("Kilde", False, True), ("Tabellnote", False, True),
                                ("Boks", False, False), ("Utkast", True, False)):
        st = paragraph(name)
        fonts(st)
        st.font.size = Pt(size - 1.5 if small else size)
        st.font.italic = italic
        st.paragraph_format.space_before, st.paragraph_format.space_after = Pt(3), Pt(10)
    # A figure's picture and a table's note stay on the page of the «Kilde:» line below them.
    st = paragraph("Figurbilde")
    st.paragraph_format.space_before, st.paragraph_format.space_after = Pt(2), Pt(2)
    for name in ("Figurbilde", "Tabellnote"):
        by_name[name].paragraph_format.keep_with_next = True
    by_name["Utkast"].font.color.rgb = RGBColor(0x8A, 0x00, 0x00)
    by_name["Utkast"].font.bold = True
    _table_style(by_name["Table"], qn, OxmlElement)
    # «Utkast – ikke for publisering» in the header of every page (pandoc keeps the reference
    # document's headers and footers).
    section = document.sections[0]
    header = section.header
    header.is_linked_to_previous = False
    par = header.paragraphs[0] if header.paragraphs else header.add_paragraph()
    par.text = DRAFT
    par.style = paragraph("Header")
    run = par.runs[0]
    run.font.name, run.font.bold, run.font.size = font, True, Pt(9)
    run.font.color.rgb = RGBColor(0x8A, 0x00, 0x00)
    core = document.core_properties
    core.title, core.language, core.author, core.last_modified_by = DRAFT, LANG, "", ""
    core.created = core.modified = datetime(2000, 1, 1)
    buffer = io.BytesIO()
    document.save(buffer)
    target.write_bytes(normalized_zip(buffer.getvalue(), datetime(2000, 1, 1)))
    return target


def _table_style(st, qn, OxmlElement) -> None:
    """pandoc's «Table» style: thin rules around every cell, a shaded, repeated header row."""
    el = st.element
    tblpr = el.find(qn("w:tblPr"))
    if tblpr is None:
        tblpr = OxmlElement("w:tblPr")
        el.append(tblpr)
    for old in tblpr.findall(qn("w:tblBorders")):
        tblpr.remove(old)
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        b = OxmlElement(f"w:{edge}")
        b.set(qn("w:val"), "single")
        b.set(qn("w:sz"), "4")
        b.set(qn("w:space"), "0")
        b.set(qn("w:color"), "B8C2CF")
        borders.append(b)
    tblpr.append(borders)
    for cond in el.findall(qn("w:tblStylePr")):
        if cond.get(qn("w:type")) == "firstRow":
            trpr = cond.find(qn("w:trPr"))
            if trpr is None:
                trpr = OxmlElement("w:trPr")
                cond.append(trpr)
            trpr.append(OxmlElement("w:tblHeader"))
            tcpr = cond.find(qn("w:tcPr"))
            if tcpr is None:
                tcpr = OxmlElement("w:tcPr")
                cond.append(tcpr)
            shd = OxmlElement("w:shd")
            shd.set(qn("w:val"), "clear")
            shd.set(qn("w:color"), "auto")
            shd.set(qn("w:fill"), "E8ECF2")
            tcpr.append(shd)
            rpr = cond.find(qn("w:rPr"))
            if rpr is None:
                rpr = OxmlElement("w:rPr")
                cond.append(rpr)
            rpr.append(OxmlElement("w:b"))


def svg_to_png(svg: Path, out_dir: Path, font_dirs: list[Path]) -> Path:
    """A PNG rendering of an SVG figure (Typst renders it; 200 dpi at the figure's own size)."""
    import typst

    digest = hashlib.sha256(svg.read_bytes()).hexdigest()[:16]
    target = out_dir / f"{svg.stem}-{digest}.png"
    if target.is_file():
        return target
    out_dir.mkdir(parents=True, exist_ok=True)
    copy = out_dir / f"{svg.stem}-{digest}.svg"
    copy.write_bytes(svg.read_bytes())
    main = out_dir / f"{svg.stem}-{digest}.typ"
    main.write_text('#set page(width: auto, height: auto, margin: 0pt, fill: white)\n'
                    f'#image("{copy.name}")\n', encoding="utf-8")
    png = typst.compile(str(main), root=str(out_dir), format="png", ppi=200,
                        font_paths=[str(d) for d in font_dirs], ignore_system_fonts=True)
    target.write_bytes(png)
    main.unlink()
    copy.unlink()
    return target


def _images_as_png(node, root: Path, out_dir: Path, font_dirs: list[Path]) -> None:
    """Every SVG image in the AST swapped for its PNG rendering (in place)."""
    if isinstance(node, list):
        for item in node:
            _images_as_png(item, root, out_dir, font_dirs)
    elif isinstance(node, dict):
        if node.get("t") == "Image":
            target = node["c"][2]
            if target[0].lower().endswith(".svg") and (root / target[0]).is_file():
                png = svg_to_png(root / target[0], out_dir, font_dirs)
                target[0] = png.relative_to(root).as_posix()
        for value in node.values():
            if isinstance(value, (list, dict)):
                _images_as_png(value, root, out_dir, font_dirs)


def draft_blocks() -> list[dict]:
    """The first paragraphs: «Utkast – ikke for publisering» and what the copy is for."""
    def para(text: str) -> dict:
        words = text.split(" ")
        inlines: list[dict] = []
        for i, word in enumerate(words):
            if i:
                inlines.append({"t": "Space"})
            inlines.append({"t": "Str", "c": word})
        return {"t": "Para", "c": inlines}

    return [{"t": "Div", "c": [["rapport-utkast", [], [["custom-style", "Utkast"]]],
                               [para(DRAFT + "."), para(DRAFT_NOTE)]]}]


DOCUMENT_FIELDS = ("title", "subtitle", "author", "date", "abstract", "lang", "keywords",
                   "subject", "description")


def write_docx(project: Project, doc: dict, target: Path, tmp: Path,
               timestamp: datetime) -> Path:
    """The Word copy of the book from its filtered AST (the second pass: the extension's
    filters with RAPPORT_FORMAT=docx, citeproc), written to `target`."""
    root = project.root
    _images_as_png(doc["blocks"], root, root / "_build" / "render-cache" / "docx-png",
                   project.extension.font_dirs())
    doc["blocks"] = draft_blocks() + doc["blocks"]
    # pandoc writes every metadata field into the document's custom properties: only the
    # document's own go (the build's fields hold the CSL's path on this machine, the index).
    doc["meta"] = {k: v for k, v in doc["meta"].items() if k in DOCUMENT_FIELDS}
    reference = reference_docx(project, tmp / "reference.docx")
    out = tmp / target.name
    pandoc.run(["-f", "json", "-t", "docx", f"--reference-doc={reference}",
                "--metadata", f"lang={LANG}", "-o", str(out)],
               input=json.dumps(doc), fmt="docx", cwd=root,
               env={"SOURCE_DATE_EPOCH": str(int(timestamp.timestamp()))})
    target.write_bytes(normalized_zip(out.read_bytes(), timestamp, _picture_alt))
    return target


_DRAWING = re.compile(rb'<wp:docPr descr="([^"]*)"(.*?)<pic:cNvPr descr="[^"]*"', re.S)


def _picture_alt(name: str, body: bytes) -> bytes:
    """The picture's own description is its alt text too (pandoc puts the file name there)."""
    if name != "word/document.xml":
        return body
    return _DRAWING.sub(lambda m: b'<wp:docPr descr="' + m.group(1) + b'"' + m.group(2)
                        + b'<pic:cNvPr descr="' + m.group(1) + b'"', body)


_CORE_DATES = re.compile(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)")


def normalized_zip(data: bytes, when: datetime, edit=None) -> bytes:
    """The same document with fixed zip timestamps and document-property dates (and each part
    passed through `edit(name, body)` when given)."""
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        names = source.namelist()
        # [Content_Types].xml first, as Word expects; the rest in their own order.
        for name in sorted(names, key=lambda n: (n != "[Content_Types].xml", names.index(n))):
            body = source.read(name)
            if name == "docProps/core.xml":
                body = _CORE_DATES.sub(lambda m: m.group(1) + stamp + m.group(3), body)
            if edit is not None:
                body = edit(name, body)
            info = zipfile.ZipInfo(name, date_time=when.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            out.writestr(info, body)
    return buffer.getvalue()


# Where `quarto render --to rapport-docx` finds the reference document (the extension's
# `rapport-docx` format names this path, relative to the project).
QUARTO_REFERENCE = "_build/docx/reference.docx"


if __name__ == "__main__":
    from rapport.pipeline.render.project import load_project

    target = Path.cwd() / QUARTO_REFERENCE
    target.parent.mkdir(parents=True, exist_ok=True)
    reference_docx(load_project(Path.cwd()), target.with_suffix(".tmp"))
    target.with_suffix(".tmp").replace(target)
