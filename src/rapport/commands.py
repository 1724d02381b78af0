"""The `rapport` console script: project commands, and the build commands of `rapport.pipeline.cli`.

    rapport new DIR                 a complete minimal report project in DIR (`rapport.scaffold`)
    rapport codebook draft FILE     a codebook YAML to edit, drafted from a .sav, .xlsx or .csv
    rapport report|prepare|render|data [--force] [--root DIR]    the build (`rapport.pipeline.cli`)
    rapport changes|baseline|preview                     for reviewers (`rapport.pipeline.review`)
    rapport docx                    the book, and its Word copy for reviewers' comments
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

BUILD_COMMANDS = ("report", "prepare", "render", "data", "changes", "baseline", "preview",
                  "docx")


def _new(args: argparse.Namespace) -> int:
    from rapport.scaffold import ScaffoldError, new_project

    try:
        root = new_project(args.directory, title=args.title, style=args.style,
                           place=args.place, author=args.author)
    except ScaffoldError as exc:
        print(f"rapport new: {exc}", file=sys.stderr)
        return 1
    print(f"created the report project {root}\n  next: make -C {root} report test")
    return 0


def _codebook_draft(args: argparse.Namespace) -> int:
    from rapport.data import DataError
    from rapport.data.codebook_draft import draft_codebook_text

    try:
        text = draft_codebook_text(args.file, dataset=args.dataset, root=args.root)
    except DataError as exc:
        print(f"rapport codebook draft: {exc}", file=sys.stderr)
        return 1
    if args.output:
        out = Path(args.output)
        if out.exists() and not args.overwrite:
            print(f"rapport codebook draft: {out} exists (use --overwrite)", file=sys.stderr)
            return 1
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
        print(f"wrote {out}: edit the labels, codes and ranges, then read the data through it")
    else:
        sys.stdout.write(text)
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in BUILD_COMMANDS:
        from rapport.pipeline.cli import main as build_main

        return build_main(argv)
    parser = argparse.ArgumentParser(prog="rapport", description=__doc__.splitlines()[0],
                                     epilog="Build: rapport {report,prepare,render,data} "
                                            "[--force] [--root DIR]")
    commands = parser.add_subparsers(dest="command", required=True, metavar="command")
    new = commands.add_parser("new", help="create a minimal report project that builds at once")
    new.add_argument("directory", type=Path, help="a directory that does not exist or is empty")
    new.add_argument("--title", default="Evaluering av tiltaket",
                     help="the book title (default: %(default)s)")
    new.add_argument("--style", default="oxford-research",
                     help="house style: oxford-research or oslo-economics (default: %(default)s)")
    new.add_argument("--place", default="Oslo", help="place in the signature (%(default)s)")
    new.add_argument("--author", default="Oxford Research AS", help="author (%(default)s)")
    new.set_defaults(run=_new)
    codebook = commands.add_parser("codebook", help="codebook tools")
    codebook_commands = codebook.add_subparsers(dest="codebook_command", required=True,
                                                metavar="command")
    draft = codebook_commands.add_parser(
        "draft", help="draft a codebook from a .sav, .xlsx or .csv (printed, or --output FILE)")
    draft.add_argument("file", type=Path)
    draft.add_argument("--dataset", help="the dataset name (default: the file's stem)")
    draft.add_argument("--root", type=Path, default=None,
                       help="project root the codebook's path is relative to (default: search up "
                            "from the file)")
    draft.add_argument("-o", "--output", help="write here instead of printing")
    draft.add_argument("--overwrite", action="store_true")
    draft.set_defaults(run=_codebook_draft)
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
