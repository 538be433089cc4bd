"""The whole site: extract the seeds, render the pages into docs/, build with MkDocs.

``update_docs`` (extract + render) is the one call the MkDocs hook makes, so
``mkdocs build`` and ``mkdocs serve`` regenerate the pages by themselves;
``build_site`` runs it once and then MkDocs with the hook silenced, so extraction does
not run twice.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
import jinja2.bccache

from . import incremental
from .changes import STATE_FILE, track_changes
from .collect import collecting_less
from .dump import forget_untouched
from .ingest import Skipped, read_folder
from .model import BriefingError, RawArticle
from .partial import SEARCH_INDEX, SEARCH_INDEXES, PartialBuild, config_inputs, site_key
from .pipeline import Options, RunReport, extract_briefing
from .render import RenderError, render_briefing

log = logging.getLogger("briefing")

_INNER_BUILD: ContextVar[bool] = ContextVar("briefing_inner_build", default=False)
#: build_site's plan for the MkDocs build it runs (None: the hook plans a build in place).
_PARTIAL: ContextVar[PartialBuild | None] = ContextVar("briefing_partial", default=None)
_GENERATED: dict[Path, frozenset[Path]] = {}  # docs folder -> the files the last render put there


class ThemeBytecode(jinja2.BytecodeCache):
    """The theme's templates compiled once per process. MkDocs makes a new Jinja environment
    for every build (``mkdocs serve`` reloads the configuration each time), which compiled
    the theme's templates again on every rebuild; a template whose source changed does not
    match its entry (Jinja checks the source's checksum) and is compiled afresh."""

    def __init__(self) -> None:
        self.codes: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self.codes.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.codes[bucket.key] = bucket.bytecode_to_string()


_THEME_BYTECODE = ThemeBytecode()


def theme_bytecode(env: jinja2.Environment) -> jinja2.Environment:
    """The theme's Jinja environment, given this process's compiled templates (``ThemeBytecode``)."""
    if env.bytecode_cache is None:
        env.bytecode_cache = _THEME_BYTECODE
    return env


@dataclass(frozen=True)
class Project:
    """Where one site's inputs live, from mkdocs.yml (``extra.briefing``) and its folder."""

    config_dir: Path
    docs_dir: Path
    seeds_dir: Path
    templates_dir: Path
    cache_dir: Path
    directory_urls: bool
    overrides_file: Path | None = None  # extra.briefing.overrides; absent file: no overrides


def project_of(config: Any, seeds_dir: Path | None = None) -> Project:
    """MkDocs config (+ a seeds folder that overrides it) -> Project. Relative paths: to mkdocs.yml."""
    config_dir = Path(config.config_file_path or "mkdocs.yml").resolve().parent
    extra = config.extra.get("briefing") or {}
    if not isinstance(extra, dict):
        raise BriefingError(f"{config.config_file_path}: extra.briefing must be a mapping")

    def folder(key: str, default: str) -> Path:
        value = extra.get(key, default)
        if not isinstance(value, str) or not value:
            raise BriefingError(f"{config.config_file_path}: extra.briefing.{key} must be a folder name")
        return config_dir / value

    return Project(config_dir=config_dir, docs_dir=Path(config.docs_dir),
                   seeds_dir=seeds_dir if seeds_dir is not None else folder("seeds_dir", "seeds"),
                   templates_dir=folder("templates_dir", "templates"),
                   cache_dir=folder("cache_dir", ".briefing-cache"),
                   directory_urls=bool(config.use_directory_urls),
                   overrides_file=folder("overrides", "overrides.yaml"))


@collecting_less
def update_docs(config: Any, seeds_dir: Path | None = None, use_cache: bool = True, jobs: int = 1,
                site_url: str | None = None,
                inputs: tuple[list[RawArticle], list[Skipped]] | None = None, load: bool = False) -> RunReport:
    """MkDocs config -> the briefing pages in its docs_dir, freshly extracted from the seeds.

    Needs the seeds folder and templates/. Raises BriefingError with a one-line reason.
    ``inputs``: the seeds folder as ``read_folder`` read it, if the caller already did.
    ``load``: run every stage even when the pages in docs/ are those of the same inputs (the
    caches make it quick, and the pages come out the same), so that a long-lived process
    (``briefing serve``'s first build) holds in memory what the stages read and its first
    rebuild after an edit does not read every article's extraction and memo from the cache folder.
    """
    project = project_of(config, seeds_dir)
    if not project.templates_dir.is_dir():
        raise BriefingError(f"{project.templates_dir}: no templates folder (set extra.briefing.templates_dir)")
    options = Options(seeds_dir=project.seeds_dir, cache_dir=project.cache_dir if use_cache else None,
                      overrides_file=project.overrides_file, jobs=jobs)
    if inputs is None:
        inputs = read_folder(project.seeds_dir)
    record_file = key = None
    if use_cache:  # the pages in docs/ are those of the same inputs: nothing to do
        key = incremental.digest_of([
            "docs", incremental.data_key(inputs[0], project.overrides_file),
            incremental.code_digest(incremental.BUILD_CODE), incremental.tree_digest(project.templates_dir),
            f"site_url={site_url or ''}", f"directory_urls={project.directory_urls}"])
        record_file = incremental.record_path(project.cache_dir, "docs", project.docs_dir)
        record = incremental.read_record(record_file)
        if not load and record is not None and record.get("key") == key \
                and record.get("docs") == incremental.tree_state(project.docs_dir):
            _GENERATED[project.docs_dir.resolve()] = frozenset(
                (project.docs_dir / name).resolve() for name in record["generated"])
            log.info("nothing changed since the pages in %s were rendered: kept them", project.docs_dir)
            return _replay(record, inputs)
        incremental.forget_record(record_file)
    briefing, report = extract_briefing(options, inputs=inputs)
    from .editions import MEMO_FILE, EditionsMemo
    editions = EditionsMemo(project.cache_dir / MEMO_FILE) if use_cache else None
    changes = track_changes(briefing, project.docs_dir / STATE_FILE, editions)
    try:
        files = render_briefing(briefing, project.docs_dir, project.templates_dir,
                                directory_urls=project.directory_urls, changes=changes, site_url=site_url,
                                cache_dir=project.cache_dir if use_cache else None)
    except RenderError as err:
        raise BriefingError(str(err)) from None
    resolved = [p.resolve() for p in files]  # (once: each is a few system calls, for ~1,500 files)
    _GENERATED[project.docs_dir.resolve()] = frozenset(resolved)
    if record_file is not None:
        docs = project.docs_dir.resolve()
        incremental.write_record(record_file, {
            "key": key, "docs": incremental.tree_state(project.docs_dir),
            "generated": sorted(p.relative_to(docs).as_posix() for p in resolved),
            "warnings": report.warnings, "skipped": [[s.file, s.reason] for s in report.skipped[len(inputs[1]):]]})
    log.info("rendered %d files into %s: %d sources, %d quotes, %d facts, %d disputed, %d timeline events",
             len(files), project.docs_dir, len(briefing.sources), len(briefing.quotes), len(briefing.facts),
             len(briefing.disputed), len(briefing.timeline))
    forget_untouched()  # memory keeps what this run's sources needed only
    return report


def generated_files(docs_dir: Path) -> frozenset[Path]:
    """The files the last ``update_docs`` rendered into ``docs_dir`` in this process (resolved paths)."""
    return _GENERATED.get(Path(docs_dir).resolve(), frozenset())


def partial_plan(config: Any, extra: str | None = None) -> PartialBuild:
    """The plan of the MkDocs build about to run: build_site's, or one for building in place.

    In place (``mkdocs build``, ``mkdocs serve``, ``briefing serve``), the previous output is the
    site folder itself, described by a record in the cache folder; the record is dropped now and
    written again when the build finishes, so a failed build is never taken for a finished one.
    ``extra``: anything else every page shows (the serve-time error banner).
    """
    plan = _PARTIAL.get()
    if plan is not None:
        return plan
    site = Path(config.site_dir)
    try:
        project = project_of(config)
        key = incremental.digest_of([site_key(config), f"extra={extra or ''}"])
    except (BriefingError, OSError):
        return PartialBuild(key="", docs_dir=Path(config.docs_dir), site_dir=site)
    record_file = incremental.record_path(project.cache_dir, "mkdocs", project.docs_dir)
    record = incremental.read_record(record_file)
    if record is not None and record.get("site") != str(site.resolve()):
        record = None
    incremental.forget_record(record_file)
    return PartialBuild(key=key, docs_dir=project.docs_dir, site_dir=site, previous=site, record=record,
                        record_file=record_file)


def finish_partial(plan: PartialBuild, config: Any) -> None:
    """After a build in place: record what it left, for the next one."""
    if plan.record_file is not None:
        incremental.write_record(plan.record_file, {**plan.new_record(), "site": str(Path(config.site_dir).resolve())})


def inner_build_active() -> bool:
    """True while ``build_site`` runs MkDocs: the hook must not extract again."""
    return _INNER_BUILD.get()


def watched_dirs(config: Any) -> list[Path]:
    """What ``mkdocs serve`` should watch besides docs/: seeds (with sources.yaml), templates, overrides file."""
    project = project_of(config)
    paths = [p for p in (project.seeds_dir, project.templates_dir) if p.is_dir()]
    if project.overrides_file is not None and project.overrides_file.is_file():
        paths.append(project.overrides_file)
    return paths


class _ToBriefingLog(logging.Handler):
    """Passes MkDocs' log records to the ``briefing`` logger, so the CLI prints them its way."""

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage().strip()
        if record.levelno >= logging.INFO and message:
            log.log(record.levelno, "mkdocs: %s", message)


@contextmanager
def mkdocs_logging() -> Iterator[None]:
    """While it lasts, MkDocs' log lines go through the ``briefing`` logger (prefixed 'mkdocs: ')."""
    logger = logging.getLogger("mkdocs")
    saved = (logger.handlers[:], logger.propagate, logger.level)
    logger.handlers[:] = [_ToBriefingLog()]
    logger.propagate = False
    logger.setLevel(logging.INFO)
    try:
        yield
    finally:
        logger.handlers[:], logger.propagate, level = saved
        logger.setLevel(level)


@collecting_less
def build_site(seeds_dir: Path, site_dir: Path | None = None, config_file: Path = Path("mkdocs.yml"),
               use_cache: bool = True, strict: bool = False, site_url: str | None = None,
               jobs: int = 1) -> RunReport:
    """Seeds folder -> the built site: extract, render into docs/, then MkDocs. Returns the run report.

    ``strict`` makes any MkDocs warning (a broken link or anchor included) fail the build.
    ``site_url`` (else mkdocs.yml's) is where the site is published: with it the sitemap,
    the feed and the canonical links are absolute; without it they cannot be (a warning says so).
    ``jobs``: processes for the per-article extraction (0: one per core).
    Raises BriefingError with a one-line message for every failure a user can cause.
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    if not Path(config_file).is_file():
        raise BriefingError(f"{config_file}: no such MkDocs configuration")
    with mkdocs_logging():
        try:
            config = load_config(config_file=str(config_file),
                                 site_dir=str(Path(site_dir).resolve()) if site_dir else None,
                                 strict=True if strict else None, site_url=site_url)
            if not config.site_url:
                log.info("%s: no site_url (set it there or pass --site-url URL): sitemap.xml stays empty "
                            "and the feed's links stay relative", config_file)
            final = Path(config.site_dir)
            project = project_of(config, Path(seeds_dir))
            inputs = read_folder(project.seeds_dir)
            record_file = key = None
            previous: dict[str, Any] | None = None
            if use_cache:  # nothing changed since the last build of this site: keep it
                key = build_key(config, project, inputs[0], strict)
                record_file = incremental.record_path(project.cache_dir, "build", final)
                previous = incremental.read_record(record_file)
                if previous is None or not final.is_dir() or previous.get("site") != _site_stamp(final):
                    previous = None
                reused = _reuse_build(record_file, key, project.docs_dir, final, inputs)
                if reused is not None:
                    log.info("nothing changed since the last build: %s is up to date "
                             "(--no-cache builds it again)", final)
                    return reused
                incremental.forget_record(record_file)
            report = update_docs(config, seeds_dir=Path(seeds_dir), use_cache=use_cache, jobs=jobs,
                                 site_url=config.site_url or None, inputs=inputs)
            # MkDocs empties site_dir first and then writes page by page: build beside it and
            # swap the finished site in, so a failed or interrupted build leaves the old one.
            final.parent.mkdir(parents=True, exist_ok=True)
            building = Path(tempfile.mkdtemp(prefix=f".{final.name}.building-", dir=final.parent))
            config.site_dir = str(building)
            # Only the pages whose Markdown changed are built again (briefing.partial); the others'
            # outputs are hard-linked from the previous site and their search entries kept.
            reusable = previous.get("mkdocs") if previous is not None else None
            plan = PartialBuild(key=site_key(config), docs_dir=project.docs_dir, site_dir=building,
                                previous=final if isinstance(reusable, dict) else None,
                                record=reusable if isinstance(reusable, dict) else None)
            token = _INNER_BUILD.set(True)
            plan_token = _PARTIAL.set(plan)
            try:
                config.plugins.on_startup(command="build", dirty=False)
                try:
                    build(config, dirty=plan.previous is not None)
                finally:
                    config.plugins.on_shutdown()
                mkdocs_record = plan.new_record()
                _swap_in(building, final)
                if plan.search_entries is not None:  # the next build merges them without reading the file
                    SEARCH_INDEXES.wrote(final / SEARCH_INDEX, plan.search_entries)
                report.reused = False  # the pages may have been kept; the site was built
                if record_file is not None:
                    incremental.write_record(record_file, {
                        "key": key, "docs": incremental.tree_state(project.docs_dir), "site": _site_stamp(final),
                        "mkdocs": mkdocs_record, "warnings": report.warnings,
                        "skipped": [[s.file, s.reason] for s in report.skipped[len(inputs[1]):]]})
            finally:
                _PARTIAL.reset(plan_token)
                _INNER_BUILD.reset(token)
                shutil.rmtree(building, ignore_errors=True)
        except MkDocsException as err:
            message = " ".join(str(err.format_message() if hasattr(err, "format_message") else err).split())
            raise BriefingError(f"{config_file}: {message}") from None
    log.info("site written to %s", final)
    return report


def build_key(config: Any, project: Project, raws: list[RawArticle], strict: bool) -> str:
    """Everything a site build reads, hashed: the data's inputs, templates, config, hooks, code, versions."""
    inputs = config_inputs(config)
    versions, rest = inputs[:2], inputs[2:]
    return incremental.digest_of([
        "build", incremental.data_key(raws, project.overrides_file), incremental.code_digest(incremental.BUILD_CODE),
        *versions, incremental.tree_digest(project.templates_dir), *rest,
        f"site_url={config.site_url or ''}", f"strict={bool(strict)}", f"docs={project.docs_dir.resolve()}",
        f"seeds={project.seeds_dir.resolve()}", f"directory_urls={project.directory_urls}"])


def _site_stamp(site: Path) -> list[int]:
    """What shows that a site folder is the one a build swapped in: its inode and mtime."""
    stat = site.stat()
    return [stat.st_ino, stat.st_mtime_ns]


def _reuse_build(record_file: Path, key: str, docs_dir: Path, site: Path,
                 inputs: tuple[list[RawArticle], list[Skipped]]) -> RunReport | None:
    """The last build's report when its key, docs/ (by stats) and site/ are all as it left them, else None."""
    record = incremental.read_record(record_file)
    if record is None or record.get("key") != key or not site.is_dir():
        return None
    if record.get("site") != _site_stamp(site) or record.get("docs") != incremental.tree_state(docs_dir):
        return None
    return _replay(record, inputs)


def _replay(record: dict[str, Any], inputs: tuple[list[RawArticle], list[Skipped]]) -> RunReport:
    """The report of a recorded run, its warnings said again (reading the seeds said their own)."""
    for file, reason in record["skipped"]:
        log.warning("skipped %s: %s", file, reason)
    for warning in record["warnings"]:
        log.warning("%s", warning)
    return RunReport(articles=len(inputs[0]), skipped=[*inputs[1], *(Skipped(f, r) for f, r in record["skipped"])],
                     warnings=list(record["warnings"]), reused=True)


def _swap_in(built: Path, final: Path) -> None:
    """Replace ``final`` by ``built`` with two renames; the old site is deleted afterwards."""
    old = None
    if final.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{final.name}.old-", dir=final.parent))
        old.rmdir()
        final.rename(old)
    built.rename(final)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
