"""Codebooks: one YAML file per dataset in `data/codebook/`, shared code lists in `codes.yml`.

`load_codebook("tilsagn")` reads `data/codebook/tilsagn.yml` into a `Codebook` (format in
docs/architecture.md, "Codebooks"); `codes:` is resolved by name from `codes.yml` or taken as an
inline mapping. The YAML is read with a loader that keeps `02` as the text "02" (not octal 2) and
`NO`/`yes` as text (not booleans), so code lists can be written without defensive quoting.

Rendering a codebook for people (Markdown) lives in `rapport.data.codebook_doc`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from collections.abc import Mapping
from typing import Any

import pandas as pd
import yaml

from rapport import context
from rapport.data.errors import CodebookError, Problem, display_path

TYPES = ("int", "float", "str", "date", "bool", "category")
CODEBOOK_DIR = Path("data") / "codebook"
CODES_FILE = "codes.yml"

FORMAT_KEYS = {
    "sep",  # CSV field separator (default ",")
    "decimal",  # CSV decimal mark (default "," when sep is ";", else ".")
    "thousands",  # CSV thousands separator to strip from numbers (default none)
    "encoding",  # CSV encoding (default: UTF-8 with or without BOM, else Windows-1252)
    "na_values",  # extra text meaning "missing" (default: only empty cells)
    "date_format",  # strptime format for dates in text (default: 2024-05-05 or 05.05.2024)
    "sheet",  # XLSX sheet name (default: the first sheet)
    "header_row",  # XLSX/CSV row holding the column names, 1-based (default 1)
}
TOP_KEYS = {
    "dataset", "title", "path", "format", "key", "columns", "questions", "extra_columns",
    "description", "source", "note", "notes",
}
COLUMN_KEYS = {
    "name", "label", "type", "codes", "min", "max", "nullable", "question", "group",
    "date_format", "description", "note", "unit",
}
EXTRA_COLUMNS = ("error", "drop")


class _Loader(yaml.SafeLoader):
    """SafeLoader with YAML 1.2-like scalars: decimal ints only, booleans only true/false."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if not tag.endswith((":int", ":bool"))]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^[-+]?(?:0|[1-9][0-9_]*)$"), list("-+0123456789")
)


def load_yaml(path: Path) -> Any:
    """Parse a YAML file with the codebook loader (see module docstring)."""
    with open(path, encoding="utf-8") as handle:
        return yaml.load(handle, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass


@dataclass(frozen=True)
class Column:
    """One variable of a dataset, as declared in its codebook."""

    name: str
    label: str
    type: str
    codes: dict[Any, str] | None = None  # code -> Norwegian label, in codebook order
    codes_name: str | None = None  # the codes.yml list it came from, if named
    min: Any = None
    max: Any = None
    nullable: bool = False
    question: str | None = None
    group: str | None = None
    date_format: str | None = None
    description: str | None = None

    @property
    def code_type(self) -> type | None:
        """`int` or `str`: the Python type of this column's codes (None without codes)."""
        if not self.codes:
            return None
        return int if all(isinstance(code, int) for code in self.codes) else str


@dataclass(frozen=True)
class Question:
    """A survey question: its verbatim text, whether several answers are allowed, its base."""

    id: str
    text: str
    multi: bool = False
    base: str | None = None


@dataclass(frozen=True)
class Codebook:
    """A dataset's codebook: where the file is, how to read it, and what it must contain."""

    dataset: str
    title: str
    path: str  # root-relative
    format: dict[str, Any]
    key: tuple[str, ...]
    columns: tuple[Column, ...]
    questions: dict[str, Question] = field(default_factory=dict)
    extra_columns: str = "error"
    description: str | None = None
    source_file: Path | None = None  # the YAML it was read from
    codes_file: Path | None = None  # codes.yml, when a column names a list in it

    @property
    def names(self) -> list[str]:
        return [column.name for column in self.columns]

    def column(self, name: str) -> Column:
        for column in self.columns:
            if column.name == name:
                return column
        raise KeyError(f'{self.dataset}: no column "{name}" in the codebook')

    def labels(self, name: str) -> dict[Any, str]:
        """code -> label for a coded column (empty dict for uncoded columns)."""
        return dict(self.column(name).codes or {})

    def group(self, group: str) -> list[Column]:
        """The columns of a multi-select question, in codebook order."""
        return [column for column in self.columns if column.group == group]

    def options(self, group: str) -> dict[str, str]:
        """{column: label} of a multi-select question or an item battery (the columns sharing
        `group`), in codebook order: what `rapport.stats.multi_select`/`battery` take."""
        members = self.group(group)
        if not members:
            raise KeyError(f'{self.dataset}: no columns with group "{group}" in the codebook')
        return {column.name: column.label for column in members}

    def question_text(self, name: str) -> str | None:
        """Verbatim question text for a column, a group or a `questions:` id."""
        if name in self.questions:
            return self.questions[name].text
        members = self.group(name)
        if members:
            return members[0].question
        try:
            column = self.column(name)
        except KeyError:
            return None
        if column.group and column.group in self.questions:
            return self.questions[column.group].text
        return column.question

    def caption(self, name: str) -> str:
        """The verbatim question text for an exhibit's caption (see :meth:`question_text`).

        Unlike `question_text`, a missing text is an error: a survey figure's caption is the
        question as asked, never a made-up title. Raises KeyError naming the dataset.
        """
        text = self.question_text(name)
        if not text:
            raise KeyError(f"{self.dataset}: ingen spørsmålstekst for {name}")
        return text

    def is_multi(self, name: str) -> bool:
        """True when `questions:` marks the question `name` as multi-select (`multi: true`),
        i.e. its caption gets «(Flere svar mulig)». False for an id without a `questions:`
        entry."""
        question = self.questions.get(name)
        return bool(question and question.multi)

    def decode(self, frame: pd.DataFrame, columns: list[str] | None = None) -> pd.DataFrame:
        """A copy of `frame` with codes replaced by their labels (categorical, codebook order)."""
        out = frame.copy()
        for column in self.columns:
            if not column.codes or column.name not in out.columns:
                continue
            if columns is not None and column.name not in columns:
                continue
            labels = list(dict.fromkeys(column.codes.values()))
            values = out[column.name].astype(object).map(column.codes)
            out[column.name] = pd.Categorical(values, categories=labels)
        return out


def codebook_dir(root: Path | None = None) -> Path:
    return (root or context.project_root()) / CODEBOOK_DIR


def list_codebooks(root: Path | None = None) -> list[str]:
    """Names of all datasets that have a codebook, sorted."""
    folder = codebook_dir(root)
    return sorted(p.stem for p in folder.glob("*.yml") if p.name != CODES_FILE)


def codebook_file(dataset: str | Path, root: Path | None = None) -> Path:
    """The YAML file for a dataset name (or the path itself when given a .yml path)."""
    text = str(dataset)
    if text.endswith((".yml", ".yaml")) or "/" in text:
        path = Path(text)
        return path if path.is_absolute() else (root or context.project_root()) / path
    return codebook_dir(root) / f"{text}.yml"


def load_codes(root: Path | None = None) -> dict[str, dict[str, Any]]:
    """All shared code lists: name -> {"title": str, "codes": {code: label}}."""
    root = root or context.project_root()
    path = codebook_dir(root) / CODES_FILE
    shown = display_path(path, root)
    if not path.is_file():
        return {}
    raw = _parse(path, shown)
    if not isinstance(raw, dict):
        raise CodebookError(shown, [Problem(None, "expected a mapping of code-list names")])
    lists: dict[str, dict[str, Any]] = {}
    problems: list[Problem] = []
    for name, entry in raw.items():
        if isinstance(entry, dict) and "codes" in entry:
            title, codes = str(entry.get("title", name)), entry["codes"]
        else:
            title, codes = str(name), entry
        try:
            lists[str(name)] = {"title": title, "codes": _code_mapping(codes)}
        except ValueError as err:
            problems.append(Problem(None, f'code list "{name}": {err}'))
    if problems:
        raise CodebookError(shown, problems)
    return lists


def load_codebook(dataset: str | Path, root: Path | None = None) -> Codebook:
    """Read and check `data/codebook/<dataset>.yml`; raises CodebookError on any problem."""
    root = root or context.project_root()
    path = codebook_file(dataset, root)
    shown = display_path(path, root)
    if not path.is_file():
        known = ", ".join(list_codebooks(root)) or "none"
        raise CodebookError(shown, [Problem(None, f"no codebook file (codebooks: {known})")])
    raw = _parse(path, shown)
    if not isinstance(raw, dict):
        raise CodebookError(shown, [Problem(None, "expected a mapping (dataset, path, columns)")])
    problems: list[Problem] = []

    def problem(text: str, column: str | None = None) -> None:
        problems.append(Problem(column, text))

    for key in sorted(set(raw) - TOP_KEYS, key=str):
        problem(f'unknown key "{key}" (allowed: {", ".join(sorted(TOP_KEYS))})')
    for key in ("dataset", "path", "columns"):
        if not raw.get(key):
            problem(f'"{key}" is required')
    if problems:
        raise CodebookError(shown, problems)
    if path.stem != str(raw["dataset"]) and path.name.endswith(".yml"):
        problem(f'dataset "{raw["dataset"]}" does not match the file name "{path.name}"')
    fmt = raw.get("format") or {}
    if not isinstance(fmt, dict):
        problem("format must be a mapping, e.g. {sep: \";\", decimal: \",\"}")
        fmt = {}
    for key in sorted(set(fmt) - FORMAT_KEYS, key=str):
        problem(f'unknown format option "{key}" (allowed: {", ".join(sorted(FORMAT_KEYS))})')
    extra = raw.get("extra_columns", "error")
    if extra not in EXTRA_COLUMNS:
        problem(f'extra_columns must be one of {", ".join(EXTRA_COLUMNS)}, not "{extra}"')

    code_lists: dict[str, dict[str, Any]] | None = None
    columns: list[Column] = []
    seen: set[str] = set()
    for index, spec in enumerate(raw["columns"] or [], start=1):
        if not isinstance(spec, dict) or not spec.get("name"):
            problem(f"columns entry {index} has no name")
            continue
        name = str(spec["name"])
        if name in seen:
            problem("declared twice", name)
        seen.add(name)
        for key in sorted(set(spec) - COLUMN_KEYS, key=str):
            problem(f'unknown key "{key}" (allowed: {", ".join(sorted(COLUMN_KEYS))})', name)
        ctype = spec.get("type")
        if ctype not in TYPES:
            problem(f'type must be one of {", ".join(TYPES)}, not "{ctype}"', name)
            continue
        codes, codes_name = None, None
        if spec.get("codes") is not None:
            if isinstance(spec["codes"], str):
                codes_name = spec["codes"]
                if code_lists is None:
                    code_lists = load_codes(root)
                if codes_name not in code_lists:
                    known = ", ".join(sorted(code_lists)) or "none"
                    problem(f'code list "{codes_name}" is not in codes.yml (lists: {known})', name)
                    continue
                codes = code_lists[codes_name]["codes"]
            else:
                try:
                    codes = _code_mapping(spec["codes"])
                except ValueError as err:
                    problem(str(err), name)
                    continue
            if ctype in ("float", "date", "bool"):
                problem(f"codes are not allowed on a {ctype} column", name)
            elif ctype == "int" and not all(isinstance(c, int) for c in codes):
                problem("an int column needs whole-number codes", name)
            elif ctype == "str" and not all(isinstance(c, str) for c in codes):
                problem('a str column needs text codes (quote them: "1": …)', name)
        bounds = {}
        for bound in ("min", "max"):
            value = spec.get(bound)
            if value is None:
                bounds[bound] = None
            elif ctype == "date":
                try:
                    bounds[bound] = pd.Timestamp(value)
                except (ValueError, TypeError):
                    problem(f"{bound} must be a date (YYYY-MM-DD), not {value!r}", name)
            elif ctype in ("int", "float") and isinstance(value, (int, float)):
                bounds[bound] = value
            else:
                problem(f"{bound} is only allowed on int, float and date columns", name)
        nullable = spec.get("nullable", False)
        if not isinstance(nullable, bool):
            problem("nullable must be true or false", name)
        columns.append(
            Column(
                name=name,
                label=str(spec.get("label") or name),
                type=ctype,
                codes=codes,
                codes_name=codes_name,
                min=bounds.get("min"),
                max=bounds.get("max"),
                nullable=bool(nullable),
                question=_text(spec.get("question")),
                group=_text(spec.get("group")),
                date_format=_text(spec.get("date_format")),
                description=_text(spec.get("description")),
            )
        )
    key = raw.get("key") or []
    key = [key] if isinstance(key, str) else list(key)
    for name in key:
        if name not in seen:
            problem(f'key column "{name}" is not among the columns')
    questions = _questions(raw.get("questions") or {}, problem)
    if problems:
        raise CodebookError(shown, problems)
    return Codebook(
        dataset=str(raw["dataset"]),
        title=str(raw.get("title") or raw["dataset"]),
        path=str(raw["path"]),
        format=dict(fmt),
        key=tuple(str(k) for k in key),
        columns=tuple(columns),
        questions=questions,
        extra_columns=extra,
        description=_text(raw.get("description")),
        source_file=path,
        codes_file=(codebook_dir(root) / CODES_FILE) if code_lists is not None else None,
    )


def _parse(path: Path, shown: str) -> Any:
    try:
        return load_yaml(path)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        reason = getattr(err, "problem", None) or str(err)
        raise CodebookError(shown, [Problem(None, f"not valid YAML{where}: {reason}")]) from None


def _code_mapping(codes: Any) -> dict[Any, str]:
    """Normalise a code list: {code: label} or [code, …]; codes all int or all text.

    Digit codes where some have a leading zero ({02: …, 10: …}) are all text ("02", "10").
    """
    if isinstance(codes, list):
        codes = {code: str(code) for code in codes}
    if not isinstance(codes, Mapping) or not codes:
        raise ValueError("codes must be a non-empty mapping {code: label} or a code-list name")
    out: dict[Any, str] = {}
    for code, label in codes.items():
        if label is None:
            raise ValueError(
                f'code {code!r} has no label; in an inline list {{1: …, 2: …}} a label with a '
                'comma must be quoted: {1: "Ja, og jeg kjenner godt til den"}'
            )
        if isinstance(code, bool) or not isinstance(code, (int, str)):
            raise ValueError(f"code {code!r} must be a whole number or text")
        out[code] = str(label)
    kinds = {type(code) for code in out}
    if kinds == {int, str} and all(isinstance(c, int) or c.isdigit() for c in out):
        # {02: …, 10: …} unquoted: "02" stays text, 10 is read as a number; all are text codes
        out = {str(code): label for code, label in out.items()}
        kinds = {str}
    if len(kinds) > 1:
        raise ValueError("codes mix numbers and text: quote them all or none")
    return out


def _questions(raw: Any, problem) -> dict[str, Question]:
    if not isinstance(raw, dict):
        problem("questions must be a mapping id -> {text, multi, base}")
        return {}
    out = {}
    for qid, spec in raw.items():
        if isinstance(spec, str):
            spec = {"text": spec}
        if not isinstance(spec, dict) or not spec.get("text"):
            problem(f'question "{qid}" needs a text')
            continue
        out[str(qid)] = Question(
            id=str(qid),
            text=str(spec["text"]),
            multi=bool(spec.get("multi", False)),
            base=_text(spec.get("base")),
        )
    return out


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def codebook_markdown(dataset: str | Codebook, root: Path | None = None) -> str:
    """One dataset's codebook as a Markdown table (see `rapport.data.codebook_doc`)."""
    from rapport.data.codebook_doc import codebook_markdown as render

    return render(dataset, root)


def write_codebook_readme(root: Path | None = None) -> Path:
    """Write data/codebook/README.md listing all datasets (see `rapport.data.codebook_doc`)."""
    from rapport.data.codebook_doc import write_codebook_readme as write

    return write(root)
