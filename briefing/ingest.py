"""Seeds folder -> RawArticle, one reader per file kind (.txt, .html, .md).

Needs: a folder. Adds: decoded text, format-level metadata, sources.yaml overrides.
Bad files are skipped with a warning that names them; nothing here raises on one
bad article, only on a bad folder or a malformed sources.yaml.

Everything read here is untrusted: file names, bytes, front matter and sources.yaml.
Readers keep text as it is (escaping is render's job, once, where text lands), but
drop what no reader may pass on: control characters, URLs other than http(s), YAML
values that are not plain scalars, files outside the seeds folder. Every check is
linear in the input, and a file larger than MAX_BYTES is not read at all.
"""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import logging
import marshal
import os
import re
import stat
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, fields, replace
from itertools import pairwise
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from .model import BriefingError, RawArticle, SourceMeta

log = logging.getLogger("briefing")

SOURCES_FILE = "sources.yaml"
SOURCE_KEYS = ("title", "author", "date", "publisher", "url")  # what a sources.yaml entry may set
MAX_BYTES = 20_000_000  # a news article is far smaller; larger files are skipped
MAX_SOURCES_BYTES = 5_000_000  # sources.yaml: metadata only
MAX_URL = 2048
MAX_META = 500  # characters kept of a title, author or publisher
PREFERRED_ENCODINGS = ("cp1252", "iso8859_15", "latin_1")  # tie-breakers, in order
COMMON_PUNCTUATION = frozenset("‘’“”„«»‹›–—…•·¡¿°€£¥§©®™×")
CONTROL_SHARE = 0.05  # decoded text with more control characters than this is binary
# Scheme, then a host; no white space, quotes, angle brackets, backslashes or backticks.
URL_RE = re.compile(r"https?://[^\s<>\"'`\\]+\Z", re.IGNORECASE)
DATE_LINE_RE = re.compile(r"\A[ \t\ufeff]*date[ \t]+(\d{4}-\d{2}-\d{2})\b[ \t]*")
FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f]")  # C0 and C1 but tab, line ends
# Elements whose content is never article text, and block elements that end a line.
NOT_TEXT_TAGS = ("script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math",
                 "head", "form", "button", "select", "textarea")
BLOCK_TAGS = frozenset("""p div br li ul ol h1 h2 h3 h4 h5 h6 tr table section article header footer
blockquote pre figure figcaption dd dt dl hr main aside nav address""".split())


@dataclass(frozen=True)
class Skipped:
    """A file that was not read, and why: shown to the user as a warning."""

    file: str
    reason: str

    def __str__(self) -> str:
        return f"{self.file}: {self.reason}"


def shown(name: str | Path) -> str:
    """A file name as a message may show it: control and format characters escaped.

    A file named ``a\\nwarning: ok.txt`` must not forge a line of output.
    """
    text = str(name)
    if all(ch.isprintable() for ch in text):
        return text
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape", "backslashreplace").decode("ascii")
                   for ch in text)


def source_id_for(file: str) -> str:
    """'000_e345b5.txt' -> '000-e345b5': a stable id from the file name alone."""
    stem = file.rsplit(".", 1)[0] if "." in file.rsplit("/", 1)[-1] else file
    slug = re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-")
    return slug or "article"


def clean_url(value: object, where: str) -> str | None:
    """Accept http(s) URLs with a host only; anything else is dropped with a warning."""
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        log.warning("%s: ignoring url: expected text, got %s", where, type(value).__name__)
        return None
    text = value.strip()
    ok = len(text) <= MAX_URL and URL_RE.match(text) is not None and text.isprintable()
    if ok:
        try:
            parts = urlsplit(text)
            ok = parts.scheme.lower() in ("http", "https") and bool(parts.hostname) and parts.port != 0
        except ValueError:  # a bad port or IPv6 literal
            ok = False
    if ok:
        return text
    log.warning("%s: ignoring url %r: only http and https URLs with a host are accepted",
                where, shown(text[:80]))
    return None


def clean_date(value: object, where: str) -> str | None:
    """Accept YYYY-MM-DD (a string or a YAML date); anything else is dropped with a warning."""
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    if not isinstance(value, (str, int)) or isinstance(value, bool):
        log.warning("%s: ignoring date: expected YYYY-MM-DD, got %s", where, type(value).__name__)
        return None
    text = str(value).strip()
    try:
        if len(text) == 10:
            return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        pass
    log.warning("%s: ignoring date %r: expected YYYY-MM-DD", where, shown(text[:40]))
    return None


def meta_from_mapping(data: dict, where: str, where_of: Callable[[str], str] | None = None) -> SourceMeta:
    """A mapping (sources.yaml entry, front matter) -> SourceMeta; unknown keys ignored here.

    ``where_of(key)`` names a key's place in messages (file, line and key); without it, ``where``.
    """
    def text(key: str) -> str | None:
        value = data.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            if where_of is not None:
                log.warning("%s: expected text, got %s; ignored", where_of(key), _kind(value))
            else:
                log.warning("%s: ignoring %s: expected text, got %s", where, key, type(value).__name__)
            return None
        value = " ".join(CONTROL_RE.sub(" ", str(value)).split())
        return value[:MAX_META] or None

    return SourceMeta(
        title=text("title"),
        author=text("author"),
        date=clean_date(data.get("date"), where_of("date") if where_of else where),
        publisher=text("publisher"),
        url=clean_url(data.get("url"), where_of("url") if where_of else where),
    )


def _kind(value: object) -> str:
    return {dict: "a mapping", list: "a list", bool: "true/false"}.get(type(value), type(value).__name__)


def _entry_lines(node: yaml.Node | None) -> dict[str, tuple[int, dict[str, int]]]:
    """sources.yaml's node -> {entry name: (its line, {key: line})}: two levels only, so aliases cost nothing."""
    out: dict[str, tuple[int, dict[str, int]]] = {}
    if not isinstance(node, yaml.MappingNode):
        return out
    for key, value in node.value:
        if not isinstance(key, yaml.ScalarNode):
            continue
        keys: dict[str, int] = {}
        if isinstance(value, yaml.MappingNode):
            for sub, _ in value.value:
                if isinstance(sub, yaml.ScalarNode):
                    keys.setdefault(str(sub.value), sub.start_mark.line + 1)
        out.setdefault(str(key.value), (key.start_mark.line + 1, keys))
    return out


def merge_meta(base: SourceMeta, top: SourceMeta) -> SourceMeta:
    """Fields set in ``top`` win over ``base``."""
    return replace(base, **{f.name: getattr(top, f.name) for f in fields(top)
                            if getattr(top, f.name) is not None})


def yaml_problem(err: yaml.YAMLError, where: str, first_line: int = 1) -> str:
    """A YAML error -> 'FILE: line N: problem' (N counted from ``first_line``)."""
    mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
    line = f" line {mark.line + first_line}:" if mark is not None else ""
    problem = getattr(err, "problem", None) or getattr(err, "context", None) or "malformed YAML"
    return f"{where}:{line} {problem}"


class _Loader(yaml.SafeLoader):
    """SafeLoader that leaves dates as text (checked by clean_date, with a warning) and
    reports a number too long to convert at its line, instead of raising ValueError."""

    def construct_yaml_int(self, node: yaml.Node) -> int:  # type: ignore[override]
        try:
            return super().construct_yaml_int(node)
        except ValueError:
            raise yaml.constructor.ConstructorError(None, None, "number too long", node.start_mark) from None


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_constructor("tag:yaml.org,2002:int", _Loader.construct_yaml_int)


def load_yaml(text: str) -> object:
    """YAML text -> plain data, safely: no object tags, dates kept as text. Raises yaml.YAMLError."""
    return yaml.load(text, Loader=_Loader)  # _Loader is a SafeLoader


def _load_with_lines(text: str) -> tuple[object, dict[str, tuple[int, dict[str, int]]]]:
    """``load_yaml`` and ``_entry_lines`` from one parse: the node graph is composed once,
    its lines read before construction (which rewrites merge keys), then constructed as
    ``yaml.load`` does. Raises yaml.YAMLError.

    The last text parsed is remembered (a long-lived process reads the same sources.yaml at
    every rebuild); each call returns a fresh copy. A large file read again after some entries
    changed is parsed run by run (``_load_by_runs``): only the runs whose text changed."""
    kept = _PARSED.get("last")
    if kept is not None and kept[0] == text:
        return marshal.loads(kept[1])  # type: ignore[no-any-return]
    parsed = _load_by_runs(text)
    if parsed is None:
        parsed = _parse_with_lines(text)
    try:
        _PARSED["last"] = (text, marshal.dumps(parsed))
    except ValueError:  # a value marshal cannot write: not remembered
        _PARSED.pop("last", None)
    return parsed


_PARSED: dict[str, tuple[str, bytes]] = {}
#: The runs of entries of the last large sources.yaml parsed run by run: their text -> the marshalled
#: (data, lines counted from the run's first line).
_PARSED_RUNS: dict[str, bytes] = {}
#: Files of fewer entries are parsed whole; beyond, a run ends after an entry whose first line's hash
#: ends in ``RUN_BITS`` zero bits (about 32 entries a run, cut by the entries themselves).
RUNS_FROM_ENTRIES = 64
RUN_BITS = 5
#: What may be an anchor's name ("&name" after a space or a bracket), for ``_load_by_runs``.
_ANCHOR_RE = re.compile(r"(?:^|(?<=[\s\[\]{},]))&([^\s\[\]{},]+)")
#: Line breaks of YAML other than "\n" (the runs are cut at "\n" only).
_OTHER_BREAKS = ("\r", "\x85", "\u2028", "\u2029")


def _load_by_runs(text: str) -> tuple[object, dict[str, tuple[int, dict[str, int]]]] | None:
    """``_parse_with_lines(text)`` of a large plain file (a mapping whose every top-level line starts
    with a letter, a digit or "_": an entry's name), put together from runs of its entries, each parsed
    alone or taken from the last call's runs: the same data (a later entry of one name wins, as in the
    whole mapping) and the same lines (the first entry's). None, for the caller to parse the whole
    text, when the file is not of that shape or a run does not parse to a mapping on its own (an
    alias to an anchor of another run, a quoted value going on at the start of a line, any error)."""
    if any(b in text for b in _OTHER_BREAKS):
        return None
    lines = text.split("\n")
    starts: list[int] = []
    for number, line in enumerate(lines):
        if not line or line[0] in " \t#":
            continue
        if not (line[0].isascii() and (line[0].isalnum() or line[0] == "_")):
            return None  # a document marker, a directive, a sequence, a quoted or complex key…
        starts.append(number)
    if len(starts) < RUNS_FROM_ENTRIES:
        return None
    mask = (1 << RUN_BITS) - 1
    firsts = [0] + [start for before, start in pairwise(starts)
                    if not hashlib.blake2b(lines[before].encode("utf-8", "surrogatepass"),
                                           digest_size=4).digest()[-1] & mask]
    data: dict[Any, Any] = {}
    entry_lines: dict[str, tuple[int, dict[str, int]]] = {}
    runs: dict[str, bytes] = {}
    anchors: set[str] = set()
    for first, end in zip(firsts, [*firsts[1:], len(lines)], strict=True):
        run = "\n".join(lines[first:end]) + ("\n" if end < len(lines) else "")
        if "&" in run:
            named = set(_ANCHOR_RE.findall(run))
            if named & anchors:
                return None  # (perhaps) an anchor of two runs: the whole document's error to say
            anchors |= named
        packed = runs.get(run) or _PARSED_RUNS.get(run)
        try:
            if packed is None:
                packed = marshal.dumps(_parse_with_lines(run))
            run_data, run_lines = marshal.loads(packed)
        except Exception:  # noqa: BLE001 - any problem: the whole text is parsed and says it
            return None
        if not isinstance(run_data, dict) or not run_data:
            return None
        runs[run] = packed
        data.update(run_data)
        for name, (line, keys) in run_lines.items():
            entry_lines.setdefault(name, (line + first, {k: n + first for k, n in keys.items()}))
    _PARSED_RUNS.clear()
    _PARSED_RUNS.update(runs)
    return data, entry_lines


def _parse_with_lines(text: str) -> tuple[object, dict[str, tuple[int, dict[str, int]]]]:
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        lines = _entry_lines(node)
        return (loader.construct_document(node) if node is not None else None), lines
    finally:
        loader.dispose()


def read_sources_yaml(folder: Path) -> dict[str, SourceMeta]:
    """seeds/sources.yaml -> {file name: SourceMeta}. Malformed YAML raises, naming file and line."""
    path = folder / SOURCES_FILE
    where = shown(path)
    if not path.exists() and not path.is_symlink():
        return {}
    problem = link_problem(path, folder.resolve()) if path.is_symlink() else None
    if problem:
        raise BriefingError(f"{where}: {problem}")
    if not path.is_file():
        raise BriefingError(f"{where}: not a regular file")
    try:
        if path.stat().st_size > MAX_SOURCES_BYTES:
            raise BriefingError(f"{where}: too large for a metadata file (limit {MAX_SOURCES_BYTES:,} bytes)")
        raw = path.read_bytes()
    except OSError as err:
        raise BriefingError(f"{where}: cannot read ({err.strerror or err})") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise BriefingError(f"{where}: not UTF-8 text (byte {err.start}: {err.reason})") from None
    try:
        data, lines = _load_with_lines(text)
    except yaml.YAMLError as err:
        raise BriefingError(yaml_problem(err, where)) from None
    except (RecursionError, ValueError) as err:
        raise BriefingError(f"{where}: malformed YAML ({shown(str(err)[:120]) or 'nested too deeply'})") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise BriefingError(f"{where}: expected a mapping from file name to metadata, got {type(data).__name__}")
    out: dict[str, SourceMeta] = {}
    for key, value in data.items():
        if not isinstance(key, (str, int, float)) or isinstance(key, bool):
            log.warning("%s: entry of type %s is not a file name; ignored", where, type(key).__name__)
            continue
        name = str(key)
        entry_line, key_lines = lines.get(name, (None, {}))

        def at(field: str | None = None, name: str = name, entry_line: int | None = entry_line,
               key_lines: dict[str, int] = key_lines) -> str:
            """'seeds/sources.yaml: line 4: a.txt.publsher': file, line and key, as overrides.yaml says it."""
            line = key_lines.get(field, entry_line) if field else entry_line
            key = shown(name[:80]) + ("." + shown(field[:40]) if field else "")
            return f"{where}:{f' line {line}:' if line else ''} {key}"

        if value is None:
            value = {}
        if not isinstance(value, dict):
            log.warning("%s: expected a mapping of %s, got %s; entry ignored", at(), ", ".join(SOURCE_KEYS),
                        _kind(value))
            continue
        for unknown in sorted((k for k in value if k not in SOURCE_KEYS), key=str):
            log.warning("%s: unknown key %r ignored (allowed: %s)", at(str(unknown)), shown(str(unknown)[:40]),
                        ", ".join(SOURCE_KEYS))
        out[name] = meta_from_mapping(value, f"{where}: {shown(name[:80])}", where_of=at)
    return out


def decode(data: bytes, where: str) -> str:
    """Bytes -> text: BOMs first, then UTF-8, then a detected legacy encoding.

    Raises BriefingError for binary data: NUL bytes without a BOM, or text that decodes
    to more than CONTROL_SHARE control characters.
    """
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"),
                          (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as err:
                raise BriefingError(f"{where}: bad {encoding} text (byte {err.start}: {err.reason})") from None
            return _not_binary(text, where)
    if b"\x00" in data:
        raise BriefingError(f"{where}: binary file (NUL bytes), not article text"
                            " (UTF-16 or UTF-32 text needs a byte-order mark)")
    try:
        return _not_binary(data.decode("utf-8"), where)
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    results = from_bytes(data)
    best = results.best()
    if best is not None:
        # charset_normalizer cannot tell Latin code pages apart on short text and then picks
        # rare ones ("naïve" read as cp775 "na’ve"). Among its least chaotic readings, take
        # the one with the fewest stray symbols (cp1252 reads Polish "ł" as "³"); on a tie,
        # the web's usual code page (WHATWG reads latin-1 as windows-1252).
        ties = [m for m in results if m.chaos <= best.chaos]
        best = min(ties, key=lambda m: (_stray_symbols(str(m)), _preference(m.encoding)))
    if best is None:
        raise BriefingError(f"{where}: binary or unreadable file (not text in any known encoding)")
    text = _not_binary(str(best), where)
    log.warning("%s: not UTF-8; read as %s", where, best.encoding)
    return text


def _stray_symbols(text: str) -> int:
    """Non-ASCII characters that are neither letters nor common punctuation: signs of a wrong code page."""
    return sum(1 for ch in text if ord(ch) > 127 and ch not in COMMON_PUNCTUATION
               and unicodedata.category(ch)[0] not in "LMZ")


def _preference(encoding: str) -> int:
    return PREFERRED_ENCODINGS.index(encoding) if encoding in PREFERRED_ENCODINGS else len(PREFERRED_ENCODINGS)


def _not_binary(text: str, where: str) -> str:
    controls = len(CONTROL_RE.findall(text))
    if controls > CONTROL_SHARE * len(text):
        raise BriefingError(f"{where}: binary file ({controls:,} control characters), not article text")
    return text


def normalise_text(text: str) -> str:
    """Unify line ends (CR LF, CR, NEL) and drop control characters; keeps every printable character."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x85", "\n")
    return CONTROL_RE.sub("", text)


def read_txt(text: str, where: str) -> tuple[str, SourceMeta]:
    """A scraped .txt: an optional ' date YYYY-MM-DD' prefix, then the page text."""
    match = DATE_LINE_RE.match(text)
    if not match:
        return text, SourceMeta()
    # Keep the text's length so offsets stay true; blank the prefix instead of cutting it.
    return " " * match.end() + text[match.end():], SourceMeta(date=clean_date(match.group(1), where))


def read_md(text: str, where: str) -> tuple[str, SourceMeta]:
    """Markdown with optional YAML front matter (title, author, date, publisher, url).

    Malformed front matter is blanked and ignored with a warning naming its line; the
    body is still read. The body stays plain text: nothing in it is ever rendered as
    Markdown.
    """
    match = FRONT_MATTER_RE.match(text)
    if not match:
        if re.match(r"---[ \t]*\n", text):
            log.warning("%s: front matter is not closed by a '---' line; read as article text", where)
        return text, SourceMeta()
    try:
        data = load_yaml(match.group(1))
    except yaml.YAMLError as err:
        log.warning("%s; front matter ignored", yaml_problem(err, where, first_line=2))
        data = None
    except (RecursionError, ValueError) as err:
        log.warning("%s: malformed front matter (%s); ignored", where, shown(str(err)[:120]) or "nested too deeply")
        data = None
    if data is not None and not isinstance(data, dict):
        log.warning("%s: front matter is not a mapping of title, author, date, publisher, url; ignored", where)
    meta = meta_from_mapping(data, f"{where}: front matter") if isinstance(data, dict) else SourceMeta()
    return " " * match.end() + text[match.end():], meta


def html_text(markup: str) -> str:
    """HTML -> its title and visible text, one line per block element; scripts, styles,
    forms and comments dropped.

    The fallback when trafilatura finds no main text. Returns "" when lxml cannot parse.
    """
    from lxml import etree
    from lxml import html as lxml_html

    try:
        root = lxml_html.document_fromstring(re.sub(r"\A\s*<\?xml[^>]{0,200}\?>", "", markup))
    except (etree.ParserError, ValueError, etree.XMLSyntaxError):
        return ""
    title = " ".join((root.findtext(".//title") or "").split())
    for element in list(root.iter(*NOT_TEXT_TAGS, etree.Comment, etree.ProcessingInstruction)):
        parent = element.getparent()
        if parent is not None:
            element.drop_tree()
    parts: list[str] = []
    for event, element in etree.iterwalk(root, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            if tag in BLOCK_TAGS:
                parts.append("\n")
            if element.text:
                parts.append(element.text)
        else:
            if tag in BLOCK_TAGS:
                parts.append("\n")
            if element.tail:
                parts.append(element.tail)
    lines = [" ".join(line.split()) for line in "".join(parts).split("\n")]
    return "\n".join(line for line in [title, *lines] if line)


def read_html(text: str, where: str) -> tuple[str, SourceMeta]:
    """HTML -> (main text, metadata) with trafilatura; falls back to the page's visible text."""
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(text, include_comments=False, include_tables=False,
                                          include_images=False, with_metadata=True,
                                          favor_precision=True)
    except Exception as err:  # noqa: BLE001 - a third-party parser on hostile markup; we fall back
        log.warning("%s: main-text extraction failed (%s); using the page's visible text", where,
                    type(err).__name__)
        doc = None
    body = getattr(doc, "text", None) if doc is not None else None
    if not body:
        return html_text(text), SourceMeta()
    title = getattr(doc, "title", None)
    meta = meta_from_mapping({
        "title": title,
        "author": getattr(doc, "author", None),
        "date": getattr(doc, "date", None),
        "publisher": getattr(doc, "sitename", None),
        "url": getattr(doc, "url", None),
    }, where)
    if meta.title and not body.lstrip().startswith(meta.title):
        body = f"{meta.title}\n\n{body}"
    return body, meta


READERS: dict[str, Callable[[str, str], tuple[str, SourceMeta]]] = {
    ".txt": read_txt,
    ".md": read_md,
    ".markdown": read_md,
    ".html": read_html,
    ".htm": read_html,
}


def link_problem(path: Path, root: Path) -> str | None:
    """Why the symlink ``path`` may not be followed (None: it stays inside ``root``, resolved)."""
    try:
        target = path.resolve(strict=False)
    except (OSError, RuntimeError):  # RuntimeError: a loop, on Python 3.11 and 3.12
        return "symlink loop"
    if not target.is_relative_to(root):
        return "symlink points outside the seeds folder"
    return None


def scan_folder(folder: Path) -> tuple[list[tuple[Path, str]], list[Skipped]]:
    """Article files below ``folder``, sorted by relative POSIX name, and the files passed over.

    Hidden names (".git", ".DS_Store") and sources.yaml are not articles and pass silently.
    Symlinks are followed only when they stay inside the folder; symlinked folders are
    never entered (their files are read where they really are, once). Other file kinds,
    special files and names that are not valid Unicode are skipped with a reason.
    """
    root = folder.resolve()
    found: list[tuple[Path, str]] = []
    skipped: list[Skipped] = []
    pending = [(folder, "")]
    while pending:
        directory, prefix = pending.pop()
        try:
            entries = sorted(os.scandir(directory), key=lambda e: e.name)
        except OSError as err:
            skipped.append(Skipped(shown(prefix or "."), f"cannot list folder ({err.strerror or err})"))
            continue
        for entry in entries:
            rel = prefix + entry.name
            path = Path(entry.path)
            if entry.name.startswith(".") or (not prefix and entry.name == SOURCES_FILE):
                continue
            if not _valid_name(entry.name):
                skipped.append(Skipped(shown(rel), "file name is not valid UTF-8; rename the file"))
                continue
            is_link = entry.is_symlink()
            problem = link_problem(path, root) if is_link else None
            if problem:
                skipped.append(Skipped(shown(rel), problem))
                continue
            try:
                mode = path.stat().st_mode
            except OSError as err:
                skipped.append(Skipped(shown(rel), f"cannot read ({err.strerror or err})"))
                continue
            if stat.S_ISDIR(mode):
                if not is_link:
                    pending.append((path, rel + "/"))
                continue
            if not stat.S_ISREG(mode):
                skipped.append(Skipped(shown(rel), "not a regular file"))
                continue
            if path.suffix.lower() not in READERS:
                skipped.append(Skipped(shown(rel), "not an article file (.txt, .html and .md are read)"))
                continue
            found.append((path, rel))
    found.sort(key=lambda pair: pair[1])
    skipped.sort(key=lambda s: s.file)
    return found, skipped


def _valid_name(name: str) -> bool:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:  # undecodable bytes, kept by Python as lone surrogates
        return False
    return True


def read_article(path: Path, file: str, override: SourceMeta | None = None,
                 max_bytes: int = MAX_BYTES) -> RawArticle:
    """One file -> RawArticle. Raises BriefingError naming the file when it cannot be read."""
    where = shown(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise BriefingError(f"{where}: too large ({size:,} bytes; the limit is {max_bytes:,})")
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)  # the file may have grown since stat
    except OSError as err:
        raise BriefingError(f"{where}: cannot read ({err.strerror or err})") from None
    if len(data) > max_bytes:
        raise BriefingError(f"{where}: too large (over {max_bytes:,} bytes)")
    if not data.strip():
        raise BriefingError(f"{where}: empty file")
    text = normalise_text(decode(data, where))
    try:
        body, meta = READERS[path.suffix.lower()](text, where)
    except BriefingError:
        raise
    except Exception as err:  # noqa: BLE001 - a reader's library failing on one file must not stop the run
        raise BriefingError(f"{where}: could not be read as {path.suffix.lower()} ({type(err).__name__}: "
                            f"{' '.join(str(err).split())[:160]})") from None
    if not body.strip():
        raise BriefingError(f"{where}: no text")
    return RawArticle(
        source_id=source_id_for(file),
        file=file,
        text=body,
        meta=merge_meta(meta, override or SourceMeta()),
        digest=hashlib.sha256(data).hexdigest(),
    )


def unique_id(wanted: str, file: str, taken: set[str]) -> str:
    """An id not in ``taken``: ``wanted``, else one from the whole file name, else numbered."""
    if wanted not in taken:
        return wanted
    candidate = source_id_for(file.replace(".", "-"))
    number = 2
    while candidate in taken:
        candidate = f"{source_id_for(file.replace('.', '-'))}-{number}"
        number += 1
    return candidate


def read_folder(folder: Path, max_bytes: int = MAX_BYTES) -> tuple[list[RawArticle], list[Skipped]]:
    """Seeds folder -> (articles sorted by file, skipped files). Raises on a missing folder."""
    if not folder.is_dir():
        raise BriefingError(f"{shown(folder)}: no such folder")
    overrides = read_sources_yaml(folder)
    files, skipped = scan_folder(folder)
    for item in skipped:
        log.warning("skipped %s: %s", shown(folder / item.file), item.reason)
    articles: list[RawArticle] = []
    taken: set[str] = set()
    for path, rel in files:
        try:
            article = read_article(path, rel, overrides.get(rel), max_bytes)
        except BriefingError as err:
            log.warning("skipped %s", err)
            reason = str(err).removeprefix(f"{shown(path)}: ")
            skipped.append(Skipped(shown(rel), reason))
            continue
        # a.txt and a.html: keep both, tell them apart; ids stay unique whatever the names
        article = replace(article, source_id=unique_id(article.source_id, rel, taken))
        taken.add(article.source_id)
        articles.append(article)
    for name in sorted(set(overrides) - {a.file for a in articles} - {s.file for s in skipped}):
        log.warning("%s: entry %r names no article file", shown(folder / SOURCES_FILE), shown(name[:80]))
    skipped.sort(key=lambda s: s.file)
    return articles, skipped
