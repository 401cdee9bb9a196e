"""Command line: python -m ita {parse,import,build,export,brief}."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ita import db
from ita.errors import ItaError

EXIT_REJECTED = 1
EXIT_UNREADABLE = 2


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    return args.run(args)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m ita", description="ITA documents and score sheets into DuckDB."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    parse = commands.add_parser("parse", help="read one report document and print it as JSON")
    parse.add_argument("file", type=Path)
    parse.set_defaults(run=_parse)

    imp = commands.add_parser("import", help="import documents and score sheets into the database")
    imp.add_argument(
        "--db", type=Path, default=db.DEFAULT_DB, help="database file (default: data/ita.duckdb)"
    )
    imp.add_argument("files", type=Path, nargs="+", metavar="FILE")
    imp.set_defaults(run=_import)

    build = commands.add_parser(
        "build", help="build the database from data/ (real documents + synthetic sample)"
    )
    build.add_argument(
        "--db", type=Path, default=db.DEFAULT_DB, help="database file (default: data/ita.duckdb)"
    )
    build.add_argument("--no-synthetic", action="store_true", help="real documents only")
    build.add_argument(
        "--from", dest="source", type=Path, help="restore from a Parquet export instead of data/"
    )
    build.add_argument(
        "--if-missing", action="store_true", help="only when the database file does not exist yet"
    )
    build.set_defaults(run=_build)

    export = commands.add_parser("export", help="write every table and public view as Parquet or CSV")
    export.add_argument(
        "--db", type=Path, default=db.DEFAULT_DB, help="database file (default: data/ita.duckdb)"
    )
    export.add_argument("--format", choices=("parquet", "csv"), default="parquet")
    export.add_argument("directory", type=Path)
    export.set_defaults(run=_export)

    brief = commands.add_parser("brief", help="write a province's printable brief (HTML, optionally PDF)")
    brief.add_argument(
        "--db", type=Path, default=db.DEFAULT_DB, help="database file (default: data/ita.duckdb)"
    )
    brief.add_argument("--province", required=True, help="Thai name or two-digit code, as in the URL")
    brief.add_argument("--year", type=int, required=True, help="fiscal year (B.E.), e.g. 2566")
    brief.add_argument("--out", type=Path, required=True, help="the HTML file to write")
    brief.add_argument("--lang", choices=("th", "en"), default="th")
    brief.add_argument("--real-only", action="store_true", help="leave the synthetic sample out")
    brief.add_argument("--pdf", action="store_true", help="also print it to PDF (beside --out) with Chromium")
    brief.set_defaults(run=_brief)

    serve = commands.add_parser("serve", help="run N dashboard processes behind a sticky proxy (HAProxy)")
    serve.add_argument("--workers", type=int, default=2, help="dashboard processes, one per core (default 2)")
    serve.add_argument("--port", type=int, default=8501, help="the proxy's port; workers take the next ones")
    serve.add_argument("--address", default="0.0.0.0", help="the proxy's address (default: every interface)")
    serve.set_defaults(run=_serve)
    return parser


def _serve(args: argparse.Namespace) -> int:
    from ita import serve

    if args.workers < 1:
        print("--workers must be at least 1", file=sys.stderr)
        return EXIT_REJECTED
    try:
        return serve.serve(args.workers, args.port, args.address)
    except serve.ServeError as error:
        print(error, file=sys.stderr)
        return EXIT_REJECTED


def _parse(args: argparse.Namespace) -> int:
    from ita.parse.report import parse_report

    try:
        document = parse_report(args.file, progress=lambda *page: _page_read(str(args.file), *page))
    except ItaError as error:
        error.file = str(args.file)
        print(error, file=sys.stderr)
        return EXIT_UNREADABLE
    except OSError as error:
        print(f"{args.file}: {error.strerror}", file=sys.stderr)
        return EXIT_UNREADABLE
    json.dump(document.to_json(), sys.stdout, ensure_ascii=False, indent=2)
    print()
    return 0


def _import(args: argparse.Namespace) -> int:
    from ita import load, snapshot
    from ita.store import Store

    status = 0
    with snapshot.writing(args.db) as con:
        importer = load.Importer(con, Store.beside(args.db), progress=_page_read)
        # The database and its store keep a file's own name, not where it lay on this machine; an error
        # names the path as typed. One outcome per file, in order.
        outcomes = importer.import_files((path, path.name) for path in args.files)
        for path, outcome in zip(args.files, outcomes, strict=True):
            if isinstance(outcome, ItaError):
                outcome.file = str(path)
                print(outcome, file=sys.stderr)
                status = EXIT_REJECTED
                continue
            print(outcome.summary())
            for warning in outcome.warnings:
                print(f"  warning: {warning}")
    return status


def _page_read(file: str, page: int, pages: int, how: str) -> None:
    print(f"{file}: page {page} of {pages}: {how}", file=sys.stderr, flush=True)


def _export(args: argparse.Namespace) -> int:
    from ita import backup

    counts = backup.export(args.db, args.directory, args.format)
    print(f"exported {len(counts)} tables and views to {args.directory} ({args.format})")
    return 0


def _brief(args: argparse.Namespace) -> int:
    from ita import brief, geography
    from ita.brief import pdf

    province = geography.province_named(args.province)
    if province is None:
        print(f"{args.province}: not a province name or code", file=sys.stderr)
        return EXIT_UNREADABLE
    con = db.connect(args.db)
    try:
        facts = brief.gather(
            lambda name, **params: db.run_query(con, name, params),
            province,
            args.year,
            include_synthetic=not args.real_only,
        )
    finally:
        con.close()
    if facts.result(args.year) is None:
        print(f"{province} has no assessment in {args.year} in {args.db}", file=sys.stderr)
        return EXIT_REJECTED
    args.out.write_text(brief.render(facts, args.lang), encoding="utf-8")
    print(f"wrote {args.out}")
    if args.pdf:
        printed = args.out.with_suffix(".pdf")
        try:
            pdf.print_pdf(args.out, printed)
        except pdf.PrintError as error:
            print(error, file=sys.stderr)
            return EXIT_REJECTED
        print(f"wrote {printed}")
    return 0


def _build(args: argparse.Namespace) -> int:
    from ita.build import build

    if args.if_missing and args.db.exists():
        return 0
    if args.source:
        from ita import backup

        backup.restore(args.source, args.db)
        print(f"built {args.db} from {args.source}")
        return 0

    report = build(args.db, with_synthetic=not args.no_synthetic)
    for error in report.rejected:
        print(error, file=sys.stderr)
    rows = ", ".join(f"{n:,} {t}" for t, n in report.synthetic_rows.items())
    kept = f" ({report.count_from_store} of them kept in the store)" if report.count_from_store else ""
    print(f"built {args.db} in {report.seconds:.1f} s: {len(report.imported)} real files imported{kept}")
    if rows:
        print(f"synthetic sample: {rows}")
    return EXIT_REJECTED if report.rejected else 0
