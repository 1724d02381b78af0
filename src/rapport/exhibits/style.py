"""House style for figures: palette, font, sizes, Norwegian ticks, deterministic SVG.

* **Colours.** Blues for one series and for ordered scales (sequential, light → dark), orange
  against blue for the negative side of diverging scales, grey for «vet ikke» and «ukjent»;
  categorical states from the Okabe–Ito set. These stay apart for the common colour-vision
  deficiencies and in greyscale print (they differ in lightness). Fills lighter than 3:1
  against white get a dark outline (WCAG 2.1, 1.4.11). Text on a coloured area is black or
  white, whichever has the higher contrast (:func:`text_color`).
* **Font.** Source Sans Pro (package `font_source_sans_pro`), registered with matplotlib.
  SVGs store glyphs as paths (`svg.fonttype: path`), so browsers and Typst draw the same
  letters without having the font.
* **Size.** Figures are 16 cm wide (an A4 text column) and drawn at 100 %: 9 pt text.
* **Determinism.** Fixed `svg.hashsalt`, no date or creator metadata: the same figure gives
  the same bytes.
"""

from __future__ import annotations

import os
from contextlib import contextmanager

import matplotlib

matplotlib.use("Agg")
import matplotlib.font_manager as font_manager  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.colors import to_rgb  # noqa: E402
from matplotlib.ticker import FuncFormatter  # noqa: E402

from . import fmt  # noqa: E402

CM = 1 / 2.54
WIDTH = 16 * CM  # inches
FONT = "Source Sans Pro"
TEXT = "#1A1A1A"
GRID = "#D9D9D9"

# One series, and the two survey rounds (older lighter, newer darker).
BLUE = "#1F5F99"
ROUNDS = ("#9DC3E6", "#1F5F99")
# Sequential blues (light → dark) for ordered categories and years.
BLUES = ("#DEEBF7", "#B8D4EC", "#86B5DB", "#4F8FC6", "#1F5F99", "#0B3A66")
ORANGES = ("#FBD3B0", "#F3A46B", "#D3651F", "#9A3F0A")
NEUTRAL = "#D0D0D0"
DONT_KNOW = "#9A9A9A"
HIGHLIGHT = BLUE
MUTED = "#E6E6E6"
# Okabe & Ito (2008) categorical colours.
OKABE_ITO = ("#0072B2", "#56B4E9", "#009E73", "#CC79A7", "#E69F00", "#D55E00", "#BBBBBB",
             "#F0E442", "#000000")
SALT = "rapport"
SVG_METADATA = {"Date": None, "Creator": None}

RC = {
    "font.family": "sans-serif",
    "font.sans-serif": [FONT, "DejaVu Sans"],
    "font.size": 9,
    "axes.titlesize": 9.5,
    "axes.titleweight": "semibold",
    "axes.labelsize": 9,
    "axes.edgecolor": "#4D4D4D",
    "axes.linewidth": 0.6,
    "axes.labelcolor": TEXT,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.unicode_minus": True,
    "xtick.labelsize": 8.5,
    "ytick.labelsize": 9,
    "xtick.color": TEXT,
    "ytick.color": TEXT,
    "xtick.major.width": 0.6,
    "ytick.major.width": 0.6,
    "text.color": TEXT,
    "legend.fontsize": 8.5,
    "legend.frameon": False,
    "figure.dpi": 100,
    "savefig.dpi": 200,
    "svg.fonttype": "path",
    "svg.hashsalt": SALT,
    "path.simplify": False,
    "hatch.linewidth": 0.6,
}


def _register_fonts() -> None:
    import font_source_sans_pro

    folder = os.path.join(os.path.dirname(font_source_sans_pro.__file__), "files")
    known = {f.fname for f in font_manager.fontManager.ttflist}
    for name in ("Regular", "It", "Semibold", "SemiboldIt", "Bold", "BoldIt", "Light"):
        path = os.path.join(folder, f"SourceSansPro-{name}.ttf")
        if os.path.exists(path) and path not in known:
            font_manager.fontManager.addfont(path)


_register_fonts()


@contextmanager
def house():
    """Context in which figures are built and saved in the house style."""
    with plt.rc_context(RC):
        yield


def luminance(color) -> float:
    """WCAG 2.1 relative luminance of a colour."""
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in to_rgb(color))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b) -> float:
    """WCAG contrast ratio between two colours (1–21)."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def text_color(background) -> str:
    """Black-ish or white text on `background`, whichever contrasts more."""
    return TEXT if contrast(TEXT, background) >= contrast("#FFFFFF", background) else "#FFFFFF"


def edge_color(fill) -> str:
    """An outline for fills too light to stand out against white (contrast < 3:1), else none."""
    return "#4D4D4D" if contrast(fill, "#FFFFFF") < 3 else "none"


def _scale(palette, k: int, name: str) -> list[str]:
    """k colours spread over a light → dark palette; up to len-1 levels skip the palest."""
    if not 1 <= k <= len(palette):
        raise ValueError(f"skalaen {name} har 1–{len(palette)} nivåer, ikke {k}")
    scale = palette if k == len(palette) else palette[1:]
    if k == 1:
        return [scale[-2] if len(scale) > 2 else scale[-1]]
    return [scale[round(i * (len(scale) - 1) / (k - 1))] for i in range(k)]


def sequential(k: int, *, reverse: bool = False) -> list[str]:
    """k blues, light → dark (reverse: dark → light). Every fill shows against white."""
    colors = _scale(BLUES, k, "blå")
    return colors[::-1] if reverse else colors


def oranges(k: int, *, reverse: bool = False) -> list[str]:
    """k oranges, light → dark (the negative side of a diverging scale)."""
    colors = _scale(ORANGES, k, "oransje")
    return colors[::-1] if reverse else colors


def pct_formatter(decimals: int = 0) -> FuncFormatter:
    """Axis ticks for shares: 0.46 → «46 %»."""
    return FuncFormatter(lambda x, _pos: fmt.pct(x, decimals))


def number_formatter(decimals: int = 0) -> FuncFormatter:
    """Axis ticks for numbers: «1 000», «2,5»."""
    return FuncFormatter(lambda x, _pos: fmt.decimal(x, decimals))


def millions_formatter(decimals: int = 0) -> FuncFormatter:
    """Axis ticks for kroner shown in millions: 12 500 000 → «12,5» (label the axis «mill. kr»)."""
    return FuncFormatter(lambda x, _pos: fmt.decimal(x / 1e6, decimals))


def new_figure(height_cm: float, ncols: int = 1, nrows: int = 1, **kwargs):
    """A figure 16 cm wide (A4 text column) of the given height, in the house style."""
    with house():
        fig, axes = plt.subplots(nrows, ncols, figsize=(WIDTH, height_cm * CM), **kwargs)
    return fig, axes
