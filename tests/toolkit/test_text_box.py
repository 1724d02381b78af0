"""Text boxes as figures (rapport.exhibits.figures.text_box)."""

import pytest

from rapport.exhibits.figures._common import meta
from rapport.exhibits.figures.text_box import text_box


def test_alt_text_holds_the_whole_text_in_order():
    fig = text_box([("lead", "Melding:"), ("text", "Svar på påstanden."),
                    ("option", "Passar godt"), ("option", "Passar dårleg")], title="Melding")
    info = meta(fig)
    assert info["alt"] == "Melding: Melding: Svar på påstanden. «Passar godt» «Passar dårleg»"
    assert list(info["data"]["del"]) == ["lead", "text", "option", "option"]


def test_unknown_line_kind_is_refused():
    with pytest.raises(ValueError, match="line 1: kind 'bold'"):
        text_box([("text", "a"), ("bold", "b")])
