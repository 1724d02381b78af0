"""The project's Quarto extension (`_extensions/rapport/_extension.yml`): where this renderer
finds the same shortcodes, filters, CSS, fonts and Typst template partials that Quarto uses."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from rapport.pipeline.checks import CheckError

NAME = "rapport"


@dataclass(frozen=True)
class Extension:
    dir: Path
    spec: dict

    def _format(self, name: str) -> dict:
        return (self.spec.get("contributes") or {}).get("formats", {}).get(name) or {}

    def shortcodes(self) -> list[Path]:
        return [self.dir / p for p in (self.spec.get("contributes") or {}).get("shortcodes", [])]

    def filters(self) -> list[Path]:
        return [self.dir / (f["path"] if isinstance(f, dict) else f)
                for f in self._format("common").get("filters", [])]

    def css(self) -> Path:
        return self.dir / self._format("html")["css"]

    def html_resources(self) -> list[Path]:
        """The files rapport.css uses (`html-assets`, a key of this project's: Quarto ships what
        the CSS names by itself)."""
        return [self.dir / p for p in self.spec.get("html-assets", [])]

    def font_dirs(self) -> list[Path]:
        """As Quarto reads them: a leading "/" means the project folder."""
        root = self.dir.parents[1]
        return [root / p.lstrip("/") for p in self._format("typst").get("font-paths", [])]

    def typst_template(self) -> Path:
        """The main template: it calls the partials listed for the typst format."""
        return self.dir / "typst" / "rapport.typ"


def load_extension(root: Path) -> Extension:
    path = Path(root) / "_extensions" / NAME / "_extension.yml"
    if not path.is_file():
        raise CheckError(f"_extensions/{NAME}/_extension.yml:1: the project's Quarto extension "
                         "is missing (copy _extensions/rapport/ from the toolkit)")
    return Extension(path.parent, yaml.safe_load(path.read_text(encoding="utf-8")) or {})
