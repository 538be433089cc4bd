"""The key of each whole-briefing page: a digest of exactly the parts of the briefing it shows.

A page such as Quotes is made of some fields of the briefing (the quotes, the phrases, the
speakers), the meta, and, for its footnotes and JSON-LD, what it says of the sources it
cites: each cited sentence's text and whether the source has it, and each source's
*header* (title, outlet, date, URL, file; whether its title was made from its lede).
The key covers those, the templates the page is made of, the code and the options; when a
rebuild finds the key of the page in docs/, the page is kept without rendering it. An
edited article then renders again only the pages whose shown items or cited sentences
changed, not every page (the data's digest changes with any edit).

What a page reads is declared in ``PAGE_READS`` for the Python side (what ``render``
computes for the page) and read from the templates themselves: ``briefing.<field>`` names a
field; any other use of ``briefing``, any attribute of ``index`` and any use of ``page``
beyond its footnote and link methods make the page's key None (it is rendered every time),
so a template edit can never leave a page stale.
"""

from __future__ import annotations

import hashlib
import json
import weakref
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import jinja2
from jinja2 import nodes

from .dump import by_value, kept, to_data
from .model import Briefing, Citation, Discrepancy, Dispute, Event, Fact, Phrase, Quote, Source
from .sentences import title_from_lede

#: Page template -> the briefing fields ``render`` reads for it (beside the templates' own reads).
PAGE_READS: dict[str, tuple[str, ...]] = {
    "index.md.j2": ("meta", "facts", "disputed", "quotes"),
    "facts.md.j2": ("meta", "facts"),
    "quotes.md.j2": ("meta", "quotes", "phrases", "speakers"),
    "disputed.md.j2": ("meta", "disputed"),
    "discrepancies.md.j2": ("meta", "discrepancies"),
    "timeline.md.j2": ("meta", "timeline"),
}
#: What a page learns of a source besides its header: only the sentences it cites.
SOURCE_BODY = frozenset({"text", "sentences", "paragraphs", "removed"})
#: What a template may ask of ``page`` (footnotes and links: they read cited sentences and headers).
PAGE_METHODS = frozenset({"cite", "footnotes", "source_href", "outlets", "root", "depth"})
#: Fields whose items cite nothing.
NOT_CITING = frozenset({"meta", "sources", "speakers"})
#: The fields of a citation's data.
CITATION_KEYS = frozenset({"source", "sentence", "start", "end", "text"})


def _digest(parts: Iterable[str]) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8") + b"\0")
    return digest.hexdigest()


def citations_in(briefing: Briefing, field: str) -> Iterator[Citation] | None:
    """Every citation in one field's items (disputes' sides and discrepancies' versions too);
    None for a field this function does not know (then no key can be made)."""
    items = getattr(briefing, field, None)
    if field in NOT_CITING:
        return iter(())
    if field in ("quotes", "phrases", "facts", "timeline"):
        return (c for item in items for c in item.citations)  # type: ignore[union-attr]
    if field == "disputed":
        return (c for d in items for c in (*d.citations, *(c for s in d.sides for c in s.citations)))  # type: ignore[union-attr]
    if field == "discrepancies":
        return (c for d in items for v in d.versions for c in v.citations)  # type: ignore[union-attr]
    return None


def _citations_of(item: Any) -> tuple[Citation, ...] | None:
    """Every citation an item holds (what ``display_data`` shows by its anchor), for the items of the
    pages; None for anything else."""
    if isinstance(item, (Quote, Phrase, Fact, Event)):
        return item.citations
    if isinstance(item, Dispute):
        return (*item.citations, *(c for side in item.sides for c in side.citations))
    if isinstance(item, Discrepancy):
        return tuple(c for version in item.versions for c in version.citations)
    return None


def source_header(source: Source) -> dict[str, Any]:
    """A source as footnotes, outlets and JSON-LD see it: all but its text, sentences and paragraphs."""
    data = {k: v for k, v in to_data(source).items() if k not in SOURCE_BODY}
    data["title_from_lede"] = title_from_lede(source)
    return data


#: What one parsed template names (its ``briefing.<field>`` reads, or None: it may read more), by the
#: environment and the template's text, as ``render.template_closure`` keeps the parsed trees: a
#: rebuild asks it of the same templates for every page part, and a tree's walk is dear.
_tree_reads: weakref.WeakKeyDictionary[jinja2.Environment, dict[str, frozenset[str] | None]] = \
    weakref.WeakKeyDictionary()


def _reads_of_tree(tree: nodes.Template) -> frozenset[str] | None:
    """The fields one template names as ``briefing.<field>``; None when it uses ``briefing`` otherwise,
    any attribute of ``index`` or of ``page`` beyond ``PAGE_METHODS``."""
    fields: set[str] = set()
    names = {"briefing": 0, "index": 0, "page": 0}
    for node in tree.find_all(nodes.Name):
        if node.name in names:
            names[node.name] += 1
    attrs = {"briefing": 0, "index": 0, "page": 0}
    for node in tree.find_all(nodes.Getattr):
        if isinstance(node.node, nodes.Name) and node.node.name in attrs:
            attrs[node.node.name] += 1
            if node.node.name == "briefing":
                fields.add(node.attr)
            elif node.node.name == "index" or node.attr not in PAGE_METHODS:
                return None
    if names["briefing"] != attrs["briefing"]:
        return None  # briefing passed whole, subscripted or iterated
    return frozenset(fields)


def template_reads(env: jinja2.Environment, template: str) -> frozenset[str] | None:
    """The briefing fields the template (and all it extends, includes or imports, and the macros)
    names as ``briefing.<field>``; None when it may read more than fields and footnotes."""
    from .render import template_closure

    fields: set[str] = set()
    try:
        closure = list(template_closure(env, [template, "_macros.md.j2"]))
    except jinja2.TemplateError:
        return None
    known = _tree_reads.setdefault(env, {})
    for _name, text, tree, refs in closure:
        if None in refs:
            return None  # a template chosen at render time
        if text not in known:  # the same environment parses the same text to the same tree
            known[text] = _reads_of_tree(tree)
        reads = known[text]
        if reads is None:
            return None
        fields |= reads
    return frozenset(fields)


class PageKeys:
    """Keys of the whole-briefing pages of one render (``key``), from the data's per-field digests."""

    def __init__(self, briefing: Briefing, field_digests: dict[str, str], base: str,
                 sentence_ids: dict[str, set[str]], citation_text: dict[tuple[str, str], str],
                 anchor: Callable[[str, str], str] | None = None, remember: bool = False) -> None:
        self.briefing = briefing
        self.fields = field_digests
        self.base = base
        self.sentence_ids = sentence_ids
        self.citation_text = citation_text
        self.anchor = anchor  # a cited sentence's anchor on its source page (footnote labels and links)
        self._headers: str | None = None
        self._cited: dict[tuple[str, bool], str] = {}
        self._display: dict[str, str] = {}
        self._sources: dict[str, Source] | None = None
        self.remember = remember  # ``shown`` of an item equal to one of the last run's, with the same anchors
        self._reads: dict[tuple[jinja2.Environment, str], frozenset[str] | None] = {}

    def _template_reads(self, env: jinja2.Environment, template: str) -> frozenset[str] | None:
        """``template_reads``, worked out once a render for each template (each cited page's key asked it)."""
        if (env, template) not in self._reads:
            self._reads[(env, template)] = template_reads(env, template)
        return self._reads[(env, template)]

    def _cite_line(self, c: Citation, display: bool = False) -> str:
        """What a footnote shows of one cited sentence: whether the source has it, its text, its anchor;
        and its id, unless ``display`` (the page shows the anchor, not the id)."""
        sentence = "" if display and self.anchor else c.sentence
        return (f"{c.source}\0{sentence}\0{c.sentence in self.sentence_ids.get(c.source, ())}\0"
                f"{self.citation_text.get((c.source, c.sentence), '')}\0"
                f"{self.anchor(c.source, c.sentence) if self.anchor else ''}")

    def display_data(self, item: Any) -> Any:
        """An item's data as its page shows it: each citation as its source, its sentence's anchor
        and its text, without the sentence id and offsets, which a sentence added before it moves."""
        return self._as_shown(to_data(item))

    def _as_shown(self, data: Any) -> Any:
        if isinstance(data, dict):
            if self.anchor is not None and data.keys() == CITATION_KEYS:
                return {"source": data["source"], "anchor": self.anchor(data["source"], data["sentence"]),
                        "text": data["text"]}
            return {k: self._as_shown(v) for k, v in data.items()}
        if isinstance(data, list):
            return [self._as_shown(v) for v in data]
        return data

    def shown(self, item: Any) -> str:
        """``display_data`` as JSON (for ``items_key``). With ``remember``, an item equal to one of the
        last run's in this process whose citations have the same anchors takes that run's text."""
        cites = _citations_of(item) if self.remember else None
        if cites is None:
            return json.dumps(self.display_data(item), ensure_ascii=False, sort_keys=True)
        anchors = tuple(self.anchor(c.source, c.sentence) for c in cites) if self.anchor else ()
        return by_value(item, "shown", lambda: json.dumps(self.display_data(item), ensure_ascii=False,
                                                          sort_keys=True), anchors)

    def display(self, field: str) -> str | None:
        """Digest of a field's items as their pages show them (``display_data``; None: no such field)."""
        if field in NOT_CITING:
            return self.fields.get(field)
        if field not in self._display:
            items = getattr(self.briefing, field, None)
            if items is None:
                return None
            self._display[field] = _digest(self.shown(item) for item in items)
        return self._display[field]

    def headers(self) -> str:
        """Digest of every source's header, in briefing order."""
        if self._headers is None:
            self._headers = _digest(kept(s, "header", lambda s=s: json.dumps(source_header(s), ensure_ascii=False,
                                                                             sort_keys=True))
                                    for s in self.briefing.sources)
        return self._headers

    def cited(self, field: str, display: bool = False) -> str | None:
        """Digest of what the footnotes of a field's items show of their sentences (None: unknown field)."""
        if (field, display) not in self._cited:
            cites = citations_in(self.briefing, field)
            if cites is None:
                return None
            self._cited[(field, display)] = _digest(self._cite_line(c, display) for c in cites)
        return self._cited[(field, display)]

    def items_key(self, env: jinja2.Environment, template: str, extra: str, own: frozenset[str],
                  shown: Iterable[str], cites: Iterable[Citation]) -> str | None:
        """The key of a page made of some items of the fields ``own`` (a part of the Quotes page),
        computed by the caller (so nothing of ``PAGE_READS``): the template's other reads as for
        ``key``, then, instead of the whole fields ``own``, what the page shows of them (``shown``:
        the items' JSON and whatever else it prints of them) and what its footnotes show: each
        cited sentence and the header of each cited source."""
        reads = self._template_reads(env, template)
        if reads is None:
            return None
        parts = [self.base, extra, "items of", *sorted(own)]
        for field in sorted(reads - own):
            digest, cited = self.display(field), self.cited(field, True)
            if digest is None or cited is None:
                return None
            parts += [field, digest, cited]
        parts += ["shown", *shown, "cited"]
        if self._sources is None:
            self._sources = {s.id: s for s in self.briefing.sources}
        headers: dict[str, str] = {}
        for c in cites:
            parts.append(self._cite_line(c, True))
            source = self._sources.get(c.source)
            if c.source not in headers:
                headers[c.source] = "" if source is None else kept(
                    source, "header", lambda s=source: json.dumps(source_header(s), ensure_ascii=False, sort_keys=True))
        parts += ["headers", *(f"{k}\0{v}" for k, v in sorted(headers.items()))]
        return _digest(parts)

    def key(self, env: jinja2.Environment, template: str, extra: str, display: bool = False) -> str | None:
        """The page's key: its templates' reads and ``PAGE_READS``, the headers, ``extra`` (the
        templates' digest and the options); None when the page must be rendered every time.

        ``display``: the fields as their pages show them (``display_data``: citations by their
        sentences' anchors), not as the data holds them. Dearer to compute, asked when the key
        changed: a sentence added mid-article moves the ids and offsets of the sentences after it,
        which the data's digests see and the pages do not."""
        declared = PAGE_READS.get(template)
        reads = self._template_reads(env, template)
        if declared is None or reads is None:
            return None
        parts = [self.base, extra, "headers", self.headers(), "display" if display else "data"]
        for field in sorted({*declared, *reads}):
            digest = self.display(field) if display else self.fields.get(field)
            cited = self.cited(field, display)
            if digest is None or cited is None:
                return None
            parts += [field, digest, cited]
        return _digest(parts)
