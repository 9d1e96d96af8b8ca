"""Content with and without a phrase table (alarms, the out-of-scope intent's rules): a table
must move nothing but the decision about the messages that hold it, which is checked by ranking
the same messages with both."""

from __future__ import annotations

from dataclasses import replace

from bot.content.loader import Content, default_content_dir, load_content
from bot.nlu.match import Matcher
from bot.nlu.meaning import Vectors


def with_and_without(intent_id: str, **cleared: object) -> tuple[Content, Content]:
    """Six entries and every intent (quick to fit), as shipped and with the intent's `cleared`
    fields emptied."""
    content = load_content(default_content_dir())
    small = replace(content, entries=dict(list(content.entries.items())[:6]))
    intent = small.intents[intent_id]
    assert all(getattr(intent, name) for name in cleared), f"{intent_id} ships {list(cleared)}"
    quiet = intent.model_copy(update=cleared)
    return small, replace(small, intents={**small.intents, intent_id: quiet})


def matchers_of(contents: tuple[Content, Content], folder) -> tuple[Matcher, Matcher]:
    """A matcher for each, sharing the shipped vectors (copied into `folder`)."""
    seed = default_content_dir() / "knowledge" / Vectors.FILE
    return tuple(Matcher(c, vectors=Vectors(folder, seed=seed)) for c in contents)
