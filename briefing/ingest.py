"""Seeds folder -> RawArticle, one reader per file kind (.txt, .html, .md).

Needs: a folder. Adds: decoded text, format-level metadata, sources.yaml overrides.
Bad files are skipped with a warning that names them; nothing here raises on one
bad article, only on a bad folder or a malformed sources.yaml.
"""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import logging
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, fields, replace
from pathlib import Path

import yaml

from .model import BriefingError, RawArticle, SourceMeta

log = logging.getLogger("briefing")

SOURCES_FILE = "sources.yaml"
MAX_BYTES = 20_000_000  # a news article is far smaller; larger files are skipped
URL_RE = re.compile(r"https?://[^\s<>\"'`\\]+\Z", re.IGNORECASE)
DATE_LINE_RE = re.compile(r"\A[ \t\ufeff]*date[ \t]+(\d{4}-\d{2}-\d{2})\b[ \t]*")
FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)


@dataclass(frozen=True)
class Skipped:
    """A file that was not read, and why: shown to the user as a warning."""

    file: str
    reason: str

    def __str__(self) -> str:
        return f"{self.file}: {self.reason}"


def source_id_for(file: str) -> str:
    """'000_e345b5.txt' -> '000-e345b5': a stable id from the file name alone."""
    stem = file.rsplit(".", 1)[0] if "." in file.rsplit("/", 1)[-1] else file
    slug = re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-")
    return slug or "article"


def clean_url(value: object, where: str) -> str | None:
    """Accept http(s) URLs only; anything else is dropped with a warning."""
    if value in (None, ""):
        return None
    text = str(value).strip()
    if URL_RE.match(text):
        return text
    log.warning("%s: ignoring url %r: only http and https URLs are accepted", where, text[:80])
    return None


def clean_date(value: object, where: str) -> str | None:
    """Accept YYYY-MM-DD (a string or a YAML date); anything else is dropped with a warning."""
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        log.warning("%s: ignoring date %r: expected YYYY-MM-DD", where, text[:40])
        return None


def meta_from_mapping(data: dict, where: str) -> SourceMeta:
    """A mapping (sources.yaml entry, front matter) -> SourceMeta; unknown keys ignored."""
    def text(key: str) -> str | None:
        value = data.get(key)
        if value is None:
            return None
        if not isinstance(value, (str, int, float)):
            log.warning("%s: ignoring %s: expected text", where, key)
            return None
        value = " ".join(str(value).split())
        return value[:500] or None

    return SourceMeta(
        title=text("title"),
        author=text("author"),
        date=clean_date(data.get("date"), where),
        publisher=text("publisher"),
        url=clean_url(data.get("url"), where),
    )


def merge_meta(base: SourceMeta, top: SourceMeta) -> SourceMeta:
    """Fields set in ``top`` win over ``base``."""
    return replace(base, **{f.name: getattr(top, f.name) for f in fields(top)
                            if getattr(top, f.name) is not None})


def read_sources_yaml(folder: Path) -> dict[str, SourceMeta]:
    """seeds/sources.yaml -> {file name: SourceMeta}. Malformed YAML raises, naming file and line."""
    path = folder / SOURCES_FILE
    if not path.is_file():
        return {}
    where = str(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError as err:
        raise BriefingError(f"{where}: not UTF-8 text ({err.reason})") from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = f" line {mark.line + 1}" if mark is not None else ""
        problem = getattr(err, "problem", None) or "malformed YAML"
        raise BriefingError(f"{where}:{line}: {problem}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise BriefingError(f"{where}: expected a mapping from file name to metadata")
    out: dict[str, SourceMeta] = {}
    for key, value in data.items():
        if value is None:
            value = {}
        if not isinstance(value, dict):
            log.warning("%s: entry %r is not a mapping; ignored", where, key)
            continue
        out[str(key)] = meta_from_mapping(value, f"{where}: {key}")
    return out


def decode(data: bytes, where: str) -> str:
    """Bytes -> text: BOMs first, then UTF-8, then a detected legacy encoding."""
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"),
                          (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as err:
                raise BriefingError(f"{where}: bad {encoding} text ({err.reason})") from None
    if b"\x00" in data:
        raise BriefingError(f"{where}: binary file (NUL bytes), not article text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise BriefingError(f"{where}: unreadable text (encoding not recognised)")
    text = str(best)
    log.warning("%s: not UTF-8; read as %s", where, best.encoding)
    return text


def normalise_text(text: str) -> str:
    """Unify line ends and drop control characters; keeps every printable character."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", "", text)


def read_txt(text: str, where: str) -> tuple[str, SourceMeta]:
    """A scraped .txt: an optional ' date YYYY-MM-DD' prefix, then the page text."""
    match = DATE_LINE_RE.match(text)
    if not match:
        return text, SourceMeta()
    # Keep the text's length so offsets stay true; blank the prefix instead of cutting it.
    return " " * match.end() + text[match.end():], SourceMeta(date=clean_date(match.group(1), where))


def read_md(text: str, where: str) -> tuple[str, SourceMeta]:
    """Markdown with optional YAML front matter (title, author, date, publisher, url)."""
    match = FRONT_MATTER_RE.match(text)
    if not match:
        return text, SourceMeta()
    try:
        data = yaml.safe_load(match.group(1))
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = f" line {mark.line + 2}" if mark is not None else ""
        log.warning("%s:%s: malformed front matter ignored", where, line)
        data = None
    meta = meta_from_mapping(data, where) if isinstance(data, dict) else SourceMeta()
    return " " * match.end() + text[match.end():], meta


def read_html(text: str, where: str) -> tuple[str, SourceMeta]:
    """HTML -> (main text, metadata) with trafilatura; falls back to tag stripping."""
    import trafilatura

    doc = trafilatura.bare_extraction(text, include_comments=False, include_tables=False,
                                      include_images=False, with_metadata=True,
                                      favor_precision=True)
    body = getattr(doc, "text", None) if doc is not None else None
    if not body:
        from lxml import html as lxml_html

        try:
            body = lxml_html.fromstring(text).text_content()
        except Exception:  # noqa: BLE001 - lxml raises many kinds on broken markup
            body = ""
        meta = SourceMeta()
    else:
        title = getattr(doc, "title", None)
        meta = meta_from_mapping({
            "title": title,
            "author": getattr(doc, "author", None),
            "date": getattr(doc, "date", None),
            "publisher": getattr(doc, "sitename", None),
            "url": getattr(doc, "url", None),
        }, where)
        if title and not body.lstrip().startswith(title):
            body = f"{title}\n\n{body}"
    return body, meta


READERS: dict[str, Callable[[str, str], tuple[str, SourceMeta]]] = {
    ".txt": read_txt,
    ".md": read_md,
    ".markdown": read_md,
    ".html": read_html,
    ".htm": read_html,
}


def article_files(folder: Path) -> Iterator[tuple[Path, str]]:
    """Article files below ``folder``, sorted, as (path, relative POSIX name)."""
    root = folder.resolve()
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        if path.suffix.lower() not in READERS or any(p.startswith(".") for p in rel.split("/")):
            continue
        if path.is_symlink():
            target = path.resolve()
            if not target.is_relative_to(root):
                log.warning("%s: skipped: symlink points outside the seeds folder", path)
                continue
        if path.is_file():
            yield path, rel


def read_article(path: Path, file: str, override: SourceMeta | None = None,
                 max_bytes: int = MAX_BYTES) -> RawArticle:
    """One file -> RawArticle. Raises BriefingError naming the file when it cannot be read."""
    where = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise BriefingError(f"{where}: too large ({size:,} bytes; the limit is {max_bytes:,})")
        data = path.read_bytes()
    except OSError as err:
        raise BriefingError(f"{where}: cannot read ({err.strerror or err})") from None
    if not data.strip():
        raise BriefingError(f"{where}: empty file")
    text = normalise_text(decode(data, where))
    body, meta = READERS[path.suffix.lower()](text, where)
    if not body.strip():
        raise BriefingError(f"{where}: no text")
    return RawArticle(
        source_id=source_id_for(file),
        file=file,
        text=body,
        meta=merge_meta(meta, override or SourceMeta()),
        digest=hashlib.sha256(data).hexdigest(),
    )


def read_folder(folder: Path, max_bytes: int = MAX_BYTES) -> tuple[list[RawArticle], list[Skipped]]:
    """Seeds folder -> (articles sorted by file, skipped files). Raises on a missing folder."""
    if not folder.is_dir():
        raise BriefingError(f"{folder}: no such folder")
    overrides = read_sources_yaml(folder)
    articles: list[RawArticle] = []
    skipped: list[Skipped] = []
    seen: dict[str, str] = {}
    for path, rel in article_files(folder):
        try:
            article = read_article(path, rel, overrides.get(rel), max_bytes)
        except BriefingError as err:
            log.warning("skipped %s", err)
            skipped.append(Skipped(rel, str(err).split(": ", 1)[-1]))
            continue
        if article.source_id in seen:  # a.txt and a.html: keep both, tell them apart
            article = replace(article, source_id=source_id_for(rel.replace(".", "-")))
        seen[article.source_id] = rel
        articles.append(article)
    for name in sorted(set(overrides) - {a.file for a in articles} - {s.file for s in skipped}):
        log.warning("%s: entry %r names no article file", folder / SOURCES_FILE, name)
    return articles, skipped
