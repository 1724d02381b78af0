"""Write the example's synthetic inputs (not committed): the registration-form export and the
NAV register extracts, when missing, altered or made by another version of this generator.

Usage (from the example's root; `report.data-command` in _quarto.yml):
    python generator/generate.py [--force]

Outputs, in the formats such data are delivered in:
- data/raw/skjema/registreringsskjema.csv: the web form's export (one row per mapped candidate;
  «;» separated, UTF-8 with BOM, dates dd.mm.yyyy, unanswered items left empty);
- data/raw/register/*.csv: register extracts keyed on the pseudonymous `lopenr` («;» separated,
  ISO dates): persons, sickness benefits (summary and per month), employment relationships with
  day-works per month, and measure participation from Arena.
Every file is checked against its codebook before it is written. A stamp
(data/raw/register/_generator.json) records the generator's hash and the files' hashes.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import io
import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SEED = 2022_75
FORM = ROOT / "data/raw/skjema/registreringsskjema.csv"
REGISTER = ROOT / "data/raw/register"
STAMP = REGISTER / "_generator.json"

FORM_COLUMNS = [
    "skjema_id", "lopenr", "registrert", "fylke", "samtaledato", "kjonn", "fodselsaar",
    "identifisert_av", "gjennomfort_av", "helse_naa", "ag_tilrettelagt", "ag_muligheter",
    "mangler_kompetanse", "onsker_annet_arbeid", "onsker_annen_ag", "trenger_kompetanse",
    "aktuell", "arsak_ikke_aktuell", "karriereveiledning", "utdanning", "vedtak",
    "tiltakstype", "amo_kurs", "planlagt_oppstart", "planlagt_slutt",
    "utover_sykepengeperioden", "nyttig", "situasjon", "bidratt",
]


def generator_hash() -> str:
    digest = hashlib.sha256()
    for path in sorted(HERE.glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def outputs() -> list[Path]:
    names = ["personer", "sykepenger", "sykepenger_mnd", "arbeidsforhold", "dagsverk",
             "arena_tiltak"]
    return [FORM] + [REGISTER / f"{n}.csv" for n in names]


def is_fresh() -> bool:
    try:
        stamp = json.loads(STAMP.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if stamp.get("generator") != generator_hash() or stamp.get("seed") != SEED:
        return False
    files = stamp.get("files", {})
    return all(p.is_file() and files.get(p.relative_to(ROOT).as_posix()) == sha(p)
               for p in outputs())


def _text(value, *, form: bool) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.strftime("%d.%m.%Y") if form else value.isoformat()
    return str(value)


def csv_text(rows: list[dict], columns: list[str], *, form: bool = False) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n" if form else "\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_text(row.get(c), form=form) for c in columns])
    return buffer.getvalue()


def month_date(mi: int) -> dt.date:
    return dt.date(mi // 12, mi % 12 + 1, 1)


def last_day(mi: int) -> dt.date:
    return month_date(mi + 1) - dt.timedelta(days=1)


def tables(seed: int = SEED) -> dict[Path, str]:
    sys.path.insert(0, str(HERE))
    from population import build

    data = build(seed)
    rng = random.Random(seed + 1)
    form, reg, end = data["form"], data["register"], data["end"]
    ids = sorted(form)
    pseudo = dict(zip(ids, rng.sample(range(100_000, 999_999), len(ids))))
    form_rows = []
    for i in ids:
        row = {k: v for k, v in form[i].items() if not k.startswith("_")}
        row["lopenr"] = pseudo[i]
        form_rows.append(row)
    out = {FORM: "\ufeff" + csv_text(form_rows, FORM_COLUMNS, form=True)}

    linked = sorted(data["linked"], key=lambda i: pseudo[i])
    persons = [{"lopenr": pseudo[i], "fodeland": reg[i]["fodeland"]} for i in linked]
    sick = [{"lopenr": pseudo[i], "sykepengedager_5aar": reg[i]["sykepengedager_5aar"],
             "diagnose": reg[i]["diagnose"], "arbeidsufor_fra": reg[i]["arbeidsufor_fra"]}
            for i in linked]
    jobs, days, sick_months = [], [], []
    employer_ids = rng.sample(range(800_000_000, 999_999_999), 3 * len(linked))
    side = set(rng.sample(linked, 30))
    job_id = 0
    for k, i in enumerate(linked):
        r = reg[i]
        c = r["conv_m"]
        n_new = r["n_new"]
        switch = n_new <= end
        job_id += 1
        a = {"arbeidsforhold_id": job_id, "lopenr": pseudo[i], "arbeidsgiver_id": employer_ids[3 * k],
             "sektor": r["sektor"], "yrke": r["yrke"],
             "fom": month_date(c - rng.randint(6, 120)),
             "tom": last_day(n_new - 1) if switch else None}
        jobs.append(a)
        spans = [(a, c, (n_new - 1) if switch else max(end, c), False)]
        if switch:
            job_id += 1
            b = {"arbeidsforhold_id": job_id, "lopenr": pseudo[i],
                 "arbeidsgiver_id": employer_ids[3 * k + 1], "sektor": r["ny_sektor"],
                 "yrke": r["ny_yrke"], "fom": month_date(n_new), "tom": None}
            jobs.append(b)
            spans.append((b, n_new, end, False))
        if i in side:
            job_id += 1
            s = {"arbeidsforhold_id": job_id, "lopenr": pseudo[i],
                 "arbeidsgiver_id": employer_ids[3 * k + 2], "sektor": "privat", "yrke": "9",
                 "fom": month_date(c - rng.randint(1, 24)), "tom": None}
            jobs.append(s)
            spans.append((s, c, end, True))
        for job, lo, hi, side_job in spans:
            for m in range(lo, hi + 1):
                days.append({"arbeidsforhold_id": job["arbeidsforhold_id"],
                             "maaned": month_date(m),
                             "dagsverk": rng.randint(2, 5) if side_job else rng.randint(15, 21)})
        first = c + (1 if r["arbeidsufor_fra"] is None else 0)
        for m in range(first, min(r["t_work"], end + 1)):
            sick_months.append({"lopenr": pseudo[i], "maaned": month_date(m),
                                "dager": rng.randint(15, 31)})
    days.sort(key=lambda d: (d["arbeidsforhold_id"], d["maaned"]))
    sick_months.sort(key=lambda d: (d["lopenr"], d["maaned"]))
    arena = sorted(({**row, "lopenr": pseudo[row["_i"]]} for row in data["arena"]),
                   key=lambda r: r["lopenr"])
    out[REGISTER / "personer.csv"] = csv_text(persons, ["lopenr", "fodeland"])
    out[REGISTER / "sykepenger.csv"] = csv_text(
        sick, ["lopenr", "sykepengedager_5aar", "diagnose", "arbeidsufor_fra"])
    out[REGISTER / "sykepenger_mnd.csv"] = csv_text(sick_months, ["lopenr", "maaned", "dager"])
    out[REGISTER / "arbeidsforhold.csv"] = csv_text(
        jobs, ["arbeidsforhold_id", "lopenr", "arbeidsgiver_id", "sektor", "yrke", "fom", "tom"])
    out[REGISTER / "dagsverk.csv"] = csv_text(days, ["arbeidsforhold_id", "maaned", "dagsverk"])
    out[REGISTER / "arena_tiltak.csv"] = csv_text(arena, ["lopenr", "tiltak", "fra", "til"])
    return out


def check(files: dict[Path, str]) -> None:
    """Validate each output against its codebook before anything is written."""
    import tempfile

    from rapport.data import read_dataset

    with tempfile.TemporaryDirectory() as tmp:
        tmp_root = Path(tmp)
        (tmp_root / "data" / "codebook").mkdir(parents=True)
        for cb in (ROOT / "data/codebook").glob("*.yml"):
            (tmp_root / "data/codebook" / cb.name).write_bytes(cb.read_bytes())
        for path, text in files.items():
            target = tmp_root / path.relative_to(ROOT)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8", newline="")
        for path in files:
            name = "registreringsskjema" if path == FORM else path.stem
            read_dataset(name, root=tmp_root)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true")
    args = parser.parse_args(argv)
    if not args.force and is_fresh():
        print("    synthetic inputs are up to date")
        return 0
    files = tables()
    check(files)
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="")
    STAMP.write_text(json.dumps({
        "generator": generator_hash(), "seed": SEED,
        "files": {p.relative_to(ROOT).as_posix(): sha(p) for p in outputs()},
    }, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"    wrote {len(files)} files ({sum(t.count(chr(10)) for t in files.values())} lines)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
