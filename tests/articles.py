"""Articles of the test's own sentences: cleaned (for extraction tests) or also extracted (for linking)."""

from briefing.extract.claims import extract_claims
from briefing.extract.dates import extract_events
from briefing.model import ArticleExtraction, CleanArticle, Paragraph, Source, SourceMeta
from briefing.sentences import split_sentences


def make(source_id: str, publisher: str | None, published: str, *paras: str
         ) -> tuple[Source, ArticleExtraction]:
    """Body paragraphs of one article -> its Source and its extraction (claims and events)."""
    text = "\n\n".join(paras)
    out, pos = [], 0
    for para in paras:
        out.append(Paragraph(pos, pos + len(para), "body"))
        pos += len(para) + 2
    art = CleanArticle(source_id=source_id, file=f"{source_id}.txt", text=text, paragraphs=tuple(out),
                       offset_map=((0, 0, len(text)),), removed=(),
                       meta=SourceMeta(date=published, publisher=publisher))
    sentences = tuple(split_sentences(art))
    source = Source(id=source_id, file=art.file, text=text, sentences=sentences, paragraphs=art.paragraphs,
                    date=published, publisher=publisher)
    return source, ArticleExtraction(source_id=source_id, claims=extract_claims(art, sentences),
                                     events=extract_events(art, sentences))


def article(*paras: str, kinds: tuple[str, ...] = (), source_id: str = "src",
            date: str = "2031-03-04") -> CleanArticle:
    """Paragraphs (of the given kinds, else body) -> one cleaned article of the test's own text."""
    text = "\n\n".join(paras)
    out, pos = [], 0
    for i, para in enumerate(paras):
        out.append(Paragraph(pos, pos + len(para), kinds[i] if i < len(kinds) else "body"))
        pos += len(para) + 2
    return CleanArticle(source_id=source_id, file=f"{source_id}.txt", text=text, paragraphs=tuple(out),
                        offset_map=((0, 0, len(text)),), removed=(), meta=SourceMeta(date=date))
