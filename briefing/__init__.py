"""briefing: a folder of news articles -> a cited news briefing site.

The pipeline, one module a stage: ingest -> clean -> sentences -> extract -> link ->
dump (YAML) -> render (Markdown via Jinja) -> MkDocs site. See ``briefing.pipeline``.
"""

__version__ = "0.1.0"
