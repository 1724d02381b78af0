"""Backtest: every quantified statement of the printed report, compared with the built facts.

Expected values come from data/reference/alle_tallfestede_utsagn.csv (copied from the printed
report, see data/reference/README.md); actual values and texts from the built report
(_build/facts.json, written by `make report`). data/raw/tall.csv is used only to find which fact
key holds which printed statement (its `kilde` and `beskrivelse` columns name the statement).
"""

import csv
import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NBSP = "\u00a0"
# Number words the printed report uses, written out here independently of the formatter.
WORDS = {2: {"to"}, 3: {"tre"}, 4: {"fire"}, 5: {"fem"}, 6: {"seks"}, 7: {"syv", "sju"},
         8: {"åtte"}, 10: {"ti"}}
# Where this edition writes one form for the report's several (vedlegg «Avvik»): «sju» → «syv».
SAME_WORD = {"sju": "syv"}


def _rows(path):
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _facts():
    path = ROOT / "_build" / "facts.json"
    assert path.is_file(), f"{path} is missing: run `make report` in {ROOT} first"
    return json.loads(path.read_text(encoding="utf-8"))


REFERENCE = _rows(ROOT / "data" / "reference" / "alle_tallfestede_utsagn.csv")
KEYS = {(row["kilde"], row["beskrivelse"], row["periode"]): row["noekkel"]
        for row in _rows(ROOT / "data" / "raw" / "tall.csv")}


def test_reference_has_all_68_statements():
    assert len(REFERENCE) == 68


def test_every_statement_has_one_fact():
    facts = _facts()
    missing = [(r["src"], r["statement"]) for r in REFERENCE
               if (r["src"], r["statement"], r["period_as_printed"]) not in KEYS]
    assert not missing
    keys = [KEYS[(r["src"], r["statement"], r["period_as_printed"])] for r in REFERENCE]
    assert len(set(keys)) == len(keys)
    assert not [k for k in keys if k not in facts]


@pytest.mark.parametrize("row", REFERENCE, ids=lambda r: f'{r["src"]}-{r["as_printed"][:30]}')
def test_value_and_wording(row):
    fact = _facts()[KEYS[(row["src"], row["statement"], row["period_as_printed"])]]
    value = float(row["value"])
    assert float(fact["value"]) == pytest.approx(value, abs=1e-9)

    text = fact["text"].replace(NBSP, " ")
    printed = row["as_printed"].replace(NBSP, " ")
    if row["qualifier"] in ("om lag", "knappe"):
        assert text.startswith(row["qualifier"] + " ")
    unit = row["unit"]
    if unit == "prosent":
        assert text.endswith(" prosent")
    elif "kroner" in unit:
        assert text.endswith(" kroner")
    elif unit.startswith("millioner"):
        assert text.endswith(" millioner")

    words = [w for w in re.findall(r"[a-zæøå]+", printed.lower())
             if value in WORDS and w in WORDS[value]]
    if words:  # printed as a number word: the fact gives the word (one seven form)
        assert re.sub(r"^(om lag|knappe) ", "", text).split(" ")[0] == SAME_WORD.get(words[0], words[0])
    else:  # printed in digits: the same digits, decimal comma and grouping
        number = re.search(r"\d[\d ]*(,\d+)?", re.sub(r"^(om lag|knappe) ", "", text)).group(0)
        assert number.strip() in printed
