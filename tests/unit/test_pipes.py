"""pipes: the one component machinery of extract and link."""

import pytest

from briefing.link import LINK_PIPELINE, LinkContext
from briefing.pipes import Component, Pipeline


def noop(ctx: LinkContext) -> None:
    return None


def test_link_runs_as_named_components_in_order():
    assert LINK_PIPELINE.names == ("quotes", "claim_graph", "facts", "discrepancies", "disputes", "timeline",
                                   "meta")


def test_a_link_component_reading_what_nobody_assigned_fails_when_the_pipeline_is_built():
    with pytest.raises(ValueError, match="requires \\['graph'\\]"):
        Pipeline(LinkContext, {"sources", "extractions"}, (Component("facts", noop, requires=("graph",)),))
    with pytest.raises(ValueError, match="unknown context fields"):
        Pipeline(LinkContext, {"sources", "extractions"}, (Component("x", noop, assigns=("no_such_field",)),))


def test_a_replaced_component_keeps_the_order_checked_and_the_original_untouched():
    def no_timeline(ctx: LinkContext) -> None:
        ctx.timeline = ()

    pipe = LINK_PIPELINE.replace("timeline", Component("timeline", no_timeline, assigns=("timeline",)))
    assert pipe.names == LINK_PIPELINE.names and pipe.components[5].func is no_timeline
    assert LINK_PIPELINE.components[5].func is not no_timeline
    timings: dict[str, float] = {}
    ctx = pipe.run(LinkContext(sources=(), extractions=()), timings)
    assert ctx.timeline == () and set(timings) == set(pipe.names)
