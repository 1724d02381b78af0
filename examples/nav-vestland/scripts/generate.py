"""Synthetic inputs for the NAV Vestland example (seed 002), written into data/raw/.

Two files, both committed (small, deterministic: a fixed seed, no clock):

* ``arbeidsgiverundersokelse.csv``: the employer survey as a SurveyXact dataset export (one row
  per distributed respondent, ``;``-separated, codes not labels, multi-response options as
  ``s_13_1`` … with 1/0, empty where a question was not shown or not answered). 182 invited,
  66 completed; 26 questions with the report's routing (s_8 only after «Ja» on s_7, s_15 only
  for those who ticked «Tok kontakt med den sykmeldte» on s_13, s_17 only after «Ja» on s_16)
  and unforced answers, so N differs per question.
* ``stoppunkt2_logg.csv``: the sickness-absence department's case log for stoppunkt 2, weeks
  37 (2022) to 6 (2023): one row per job-expectation message sent, the answer (1–5) and whether
  a phone call was registered.

The counts below are chosen so that every share the report prints follows from the data
(seed002.md §7); the rest are invented and marked so in the codebooks. Run: ``make data``.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"
SEED = 20230331

INVITED, COMPLETED = 182, 66

# Single-choice questions: column -> {code: count}; respondents without a count stay empty
# (unforced). Order of the dict is the order codes are handed out.
SINGLE = {
    "s_1": {1: 14, 2: 11, 3: 9, 4: 8, 5: 7, 6: 6, 7: 11},
    "s_2": {1: 18, 2: 27, 3: 15, 4: 6},
    "s_3": {1: 21, 2: 29, 3: 12, 4: 3},
    "s_4": {1: 52, 2: 14},
    "s_5": {1: 38, 2: 11, 3: 6, 9: 9},
    "s_6": {1: 12, 2: 19, 3: 20, 4: 8, 5: 5, 9: 2},     # Figur 7, N = 66
    "s_7": {1: 35, 2: 29},
    "s_9": {1: 13, 2: 34, 3: 0, 9: 1},                   # Figur 3, N = 48
    "s_10": {1: 15, 2: 35, 9: 3},                        # 28 prosent, N = 53
    "s_11": {1: 18, 2: 33, 9: 2},                        # Figur 5, N = 53
    "s_12": {1: 19, 2: 31, 9: 3},                        # «noe mer enn 1 av 3»
    "s_16": {1: 41, 2: 9, 9: 12},
    "s_18": {1: 5, 2: 44, 3: 6, 9: 7},
    "s_19": {1: 38, 2: 22},
    "s_20": {1: 45, 2: 6, 9: 9},
    "s_21": {1: 40, 2: 12, 3: 3, 4: 4},
    "s_24": {1: 34, 2: 19, 9: 6},
    "s_25": {1: 20, 2: 32, 9: 6},
}
S8 = {1: 22, 2: 7, 3: 4}                                 # Figur 2, N = 33 of the 35 routed
S15 = {1: 1, 2: 3, 3: 7, 4: 2, 5: 1, 9: 1}               # Figur 4, N = 15 of the 18 routed
S17 = {1: 6, 2: 15, 3: 12, 4: 4, 5: 2}                   # 39 of the 41 routed
S13_N = 55                                               # Figur 6
S13_NONE = 27                                            # «Nei, ingen av disse»
S13 = {1: 18, 2: 6, 3: 11, 4: 10, 5: 7, 6: 5, 7: 1}
S14 = {2: 32, 1: 19, 9: 4}                               # 58 prosent «Nei», N = 55

FREE_TEXT = {
    "s_22": [
        "At vi fikk snakke om hvordan vi kunne legge opp dialogen med den sykmeldte.",
        "Oversikten over hva NAV kan hjelpe med, og hvem vi skal kontakte.",
        "Gode råd om oppfølgingsplanen.",
    ],
    "s_23": [
        "Samtalen kom litt brått på. En e-post i forkant hadde vært fint.",
        "Vi hadde allerede god kontroll, så samtalen ga oss lite nytt.",
    ],
    # The two free-text answers the report quotes in chapter 5.3.2 (verbatim from the report).
    "s_26": [
        "Jeg er ganske ny med ansvar for oppfølging av sykmeldte og opplever at det er litt "
        "vanskelig å vite om det jeg gjør er riktig. Fint å kunne diskutere med en som kan gi "
        "veiledning.",
        "I sjukeperioden til tilsett har det ikkje vore kontakt mellom arbeidsgjevar og NAV "
        "(dette grunna sjukdomsforløpet til den sjukemeldte). I samtalen kom vi fram til at "
        "kanskje kunne Hjelpemiddelsentralen bidra her – òg det kunne dei.",
        "Positivt at NAV tar kontakt tidlig.",
    ],
}

# Stoppunkt 2 case log: answers 1 = «Passar svært godt» … 5 = «Passar svært dårleg».
LOG_WEEKS = [(2022, w) for w in range(37, 53)] + [(2023, w) for w in range(1, 7)]
LOG_SENT = 587
LOG_ANSWERS = {1: 210, 2: 120, 3: 60, 4: 65, 5: 38}     # 493 answers, 103 low (4–5)
LOG_CALLS = 46                                           # all among the low scorers


def spread(rng, people: list[int], counts: dict) -> dict[int, object]:
    """Hand out codes to a shuffled subset of `people` by `counts`; the rest get nothing."""
    order = list(rng.permutation(people))
    total = sum(counts.values())
    if total > len(order):
        raise ValueError(f"{total} answers for {len(order)} respondents")
    out, i = {}, 0
    for code, k in counts.items():
        for person in order[i:i + k]:
            out[int(person)] = code
        i += k
    return out


def survey(rng) -> list[dict]:
    ids = [int(x) for x in 1001 + rng.permutation(INVITED)]
    done = sorted(ids[:COMPLETED])
    rows = {i: {"respondentid": i, "statoverall": 0} for i in sorted(ids)}
    for i in done:
        rows[i]["statoverall"] = 2
    answers: dict[str, dict[int, object]] = {}
    for col, counts in SINGLE.items():
        answers[col] = spread(rng, done, counts)
    asked8 = [i for i in done if answers["s_7"].get(i) == 1]
    answers["s_8"] = spread(rng, asked8, S8)
    # s_13 (multi) and s_14 are answered by the same 55; «ingen av disse» excludes the others.
    s13_people = list(rng.permutation(done))[:S13_N]
    none_people = [int(p) for p in s13_people[:S13_NONE]]
    acting = [int(p) for p in s13_people[S13_NONE:]]
    ticks = {opt: set() for opt in range(1, 9)}
    ticks[8] = set(none_people)
    ticks[1] = set(acting[:S13[1]])
    ticks[3] = set(acting[S13[1] - 1:S13[1] - 1 + S13[3]])    # covers everyone not in 1
    for opt in (2, 4, 5, 6, 7):
        ticks[opt] = {int(p) for p in rng.permutation(acting)[:S13[opt]]}
    for opt in range(1, 9):
        answers[f"s_13_{opt}"] = {p: int(p in ticks[opt]) for p in s13_people}
    # s_14: the «ingen av disse» group answers «Nei»; the rest are spread over the codes.
    s14 = {p: 2 for p in none_people}
    rest = dict(S14)
    rest[2] -= len(none_people)
    s14.update(spread(rng, acting, rest))
    answers["s_14"] = s14
    answers["s_15"] = spread(rng, sorted(ticks[1]), S15)
    asked17 = [i for i in done if answers["s_16"].get(i) == 1]
    answers["s_17"] = spread(rng, asked17, S17)
    for col, texts in FREE_TEXT.items():
        people = list(rng.permutation(done))[:len(texts)]
        answers[col] = {int(p): t for p, t in zip(people, texts)}
    columns = ["respondentid", "statoverall"] + [f"s_{q}" for q in range(1, 13)] + \
        [f"s_13_{o}" for o in range(1, 9)] + [f"s_{q}" for q in range(14, 27)]
    out = []
    for i in sorted(rows):
        row = rows[i]
        for col in columns[2:]:
            value = answers.get(col, {}).get(i)
            row[col] = "" if value is None else value
        out.append(row)
    return columns, out


def case_log(rng) -> tuple[list[str], list[dict]]:
    weeks = [LOG_WEEKS[k % len(LOG_WEEKS)] for k in range(LOG_SENT)]
    codes = [c for c, k in LOG_ANSWERS.items() for _ in range(k)]
    codes += [None] * (LOG_SENT - len(codes))
    codes = [codes[k] for k in rng.permutation(LOG_SENT)]
    low = [k for k, c in enumerate(codes) if c in (4, 5)]
    called = {int(k) for k in rng.permutation(low)[:LOG_CALLS]}
    rows = []
    order = sorted(range(LOG_SENT), key=lambda k: weeks[k])
    for n, k in enumerate(order, start=1):
        year, week = weeks[k]
        rows.append({"sak": f"S{n:04d}", "aar": year, "uke": week,
                     "svar": "" if codes[k] is None else codes[k],
                     "telefonsamtale": int(k in called)})
    return ["sak", "aar", "uke", "svar", "telefonsamtale"], rows


def write(path: Path, columns: list[str], rows: list[dict], *, sep: str) -> None:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, delimiter=sep, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_bytes(buffer.getvalue().encode("utf-8-sig"))
    print(f"wrote {path.name} ({len(rows)} rows)")


def main(out: Path = RAW) -> None:
    rng = np.random.default_rng(SEED)
    out.mkdir(parents=True, exist_ok=True)
    columns, rows = survey(rng)
    write(out / "arbeidsgiverundersokelse.csv", columns, rows, sep=";")
    columns, rows = case_log(rng)
    write(out / "stoppunkt2_logg.csv", columns, rows, sep=",")


if __name__ == "__main__":
    import sys
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else RAW)
