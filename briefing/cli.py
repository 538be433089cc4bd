"""The ``briefing`` command: thin click commands that parse, delegate and report.

Every failure a user can cause ends in one line naming the file and the reason, and a
non-zero exit status; never a traceback.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import click

from . import __version__
from .model import BriefingError

log = logging.getLogger("briefing")

EXIT_ERROR = 1
EXIT_WARNINGS = 3  # with --strict: the run finished, but some input was skipped


class _Formatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        prefix = {logging.WARNING: "warning: ", logging.ERROR: "error: "}.get(record.levelno, "")
        return prefix + record.getMessage()


def _setup_logging(verbose: bool, quiet: bool) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_Formatter())
    log.handlers[:] = [handler]
    log.setLevel(logging.DEBUG if verbose else logging.WARNING if quiet else logging.INFO)
    log.propagate = False


def _verbosity(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    """-v / -q given after the subcommand: they override what was given before it."""
    if value:
        _setup_logging(verbose=param.name == "verbose", quiet=param.name == "quiet")


def verbosity_options(command: Any) -> Any:
    """-v/--verbose and -q/--quiet, accepted after a subcommand as well as before it."""
    command = click.option("-q", "--quiet", is_flag=True, expose_value=False, callback=_verbosity,
                           help="Only warnings and errors (also accepted before the command).")(command)
    return click.option("-v", "--verbose", is_flag=True, expose_value=False, callback=_verbosity,
                        help="Say more about each stage (also accepted before the command).")(command)


def _site_url(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname or any(c.isspace() for c in value):
        raise click.BadParameter(f"expected an http:// or https:// URL, got {value!r}")
    return value if value.endswith("/") else value + "/"


def _fail(err: Exception) -> None:
    click.echo(f"error: {err}", err=True)
    sys.exit(EXIT_ERROR)


SEEDS = click.argument("seeds_dir", required=False, default="seeds",
                       type=click.Path(path_type=Path, file_okay=False))
JOBS = click.option("-j", "--jobs", type=click.IntRange(min=0), default=1, show_default=True,
                    help="Processes for per-article extraction (0: one per core); the output is the same.")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="briefing")
@click.option("-v", "--verbose", is_flag=True, help="Say more about each stage.")
@click.option("-q", "--quiet", is_flag=True, help="Only warnings and errors.")
def main(verbose: bool, quiet: bool) -> None:
    """Turn a folder of news articles into a cited news briefing site.

    Drop article files (.txt, .html, .md) into seeds/, optionally with a
    seeds/sources.yaml naming each one's publisher and URL, then run
    `briefing build` (or `mkdocs build` / `mkdocs serve`). Every fact, quote and
    disputed claim on the site carries footnotes that lead to the exact sentence
    of its source article.
    """
    _setup_logging(verbose, quiet)


@main.command()
@SEEDS
@click.option("--out", "out", required=True, type=click.Path(path_type=Path, dir_okay=False),
              help="Where to write the briefing data (.yaml, or .json by its suffix).")
@click.option("--no-cache", is_flag=True, help="Neither read nor write the extraction cache.")
@click.option("--cache-dir", type=click.Path(path_type=Path, file_okay=False),
              default=Path(".briefing-cache"), show_default=True, help="Where cached extractions live.")
@click.option("--strict", is_flag=True, help=f"Exit {EXIT_WARNINGS} when any article was skipped.")
@click.option("--overrides", "overrides_file", default=None,
              type=click.Path(path_type=Path, dir_okay=False, exists=True),
              help="Apply this editorial overrides file (as the site build does with overrides.yaml).")
@JOBS
@verbosity_options
def extract(seeds_dir: Path, out: Path, no_cache: bool, cache_dir: Path, strict: bool, jobs: int,
            overrides_file: Path | None) -> None:
    """Extract facts, quotes, disputes and a timeline from SEEDS_DIR into --out.

    SEEDS_DIR defaults to seeds/. The output is the YAML the site is rendered from:
    every item cites its source articles down to the sentence.
    """
    from .pipeline import Options, extract_to_file

    options = Options(seeds_dir=seeds_dir, cache_dir=None if no_cache else cache_dir, jobs=jobs,
                      overrides_file=overrides_file)
    try:
        counts, report = extract_to_file(options, out)
    except (BriefingError, OSError) as err:
        _fail(err)
    log.info("wrote %s: %d sources, %d quotes, %d facts, %d disputed, %d timeline events",
             out, counts["sources"], counts["quotes"], counts["facts"], counts["disputed"], counts["timeline"])
    if strict and report.skipped:
        sys.exit(EXIT_WARNINGS)


@main.command()
@SEEDS
@click.option("--site-dir", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="Where to write the site (default: site_dir of mkdocs.yml, i.e. site/).")
@click.option("--config", "config_file", type=click.Path(path_type=Path, dir_okay=False),
              default=Path("mkdocs.yml"), show_default=True, help="The MkDocs configuration.")
@click.option("--no-cache", is_flag=True, help="Neither read nor write the extraction cache.")
@click.option("--strict", is_flag=True,
              help=f"Fail on MkDocs warnings; exit {EXIT_WARNINGS} when any article was skipped.")
@click.option("--site-url", default=None, callback=_site_url, metavar="URL",
              help="The published site's address (else site_url of mkdocs.yml): makes the sitemap, "
                   "the feed's links and canonical links absolute.")
@JOBS
@verbosity_options
def build(seeds_dir: Path, site_dir: Path | None, config_file: Path, no_cache: bool, strict: bool,
          site_url: str | None, jobs: int) -> None:
    """Build the whole briefing site from SEEDS_DIR (default seeds/).

    Extracts the briefing, renders its pages into docs/ and runs MkDocs, as
    `mkdocs build` does for seeds/.
    """
    from .site import build_site

    try:
        report = build_site(seeds_dir=seeds_dir, site_dir=site_dir, config_file=config_file,
                            use_cache=not no_cache, strict=strict, site_url=site_url, jobs=jobs)
    except (BriefingError, OSError) as err:
        _fail(err)
    if strict and report.skipped:
        sys.exit(EXIT_WARNINGS)


@main.command()
@click.option("--config", "config_file", type=click.Path(path_type=Path, dir_okay=False),
              default=Path("mkdocs.yml"), show_default=True, help="The MkDocs configuration.")
@click.option("-a", "--dev-addr", default="127.0.0.1:8000", show_default=True, help="Address to serve on.")
@verbosity_options
def serve(config_file: Path, dev_addr: str) -> None:
    """Preview the site, regenerating it whenever seeds/ or templates/ change.

    The same as `mkdocs serve`: the project's MkDocs hook rebuilds the briefing, once
    per burst of edits. It prints the address it serves on; an error (a broken
    overrides.yaml, say) is printed and shown on the served pages, which stay the last
    good ones until it is fixed.
    """
    from mkdocs.commands.serve import serve as mkdocs_serve

    from .site import mkdocs_logging

    if not Path(config_file).is_file():
        _fail(BriefingError(f"{config_file}: no such MkDocs configuration"))
    try:
        with mkdocs_logging():  # MkDocs' lines ("Serving on http://...") through ours
            # dirty: each rebuild builds only the pages whose Markdown changed (briefing.partial
            # keeps the site complete: search index, sitemap, vanished pages)
            mkdocs_serve(config_file=str(config_file), dev_addr=dev_addr, livereload=True, build_type="dirty")
    except Exception as err:  # noqa: BLE001 - MkDocs raises many kinds; the user needs one line
        _fail(err)
