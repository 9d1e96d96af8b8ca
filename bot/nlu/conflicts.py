"""The phrase tables against the content's own questions: what `madoguchi kb check` tells a
curator before an edit to an alarm, a hypothetical opener or a rule of scope ships.

An alarm escalates, a hypothetical opener or pair keeps the models from escalating, a rule of the
out-of-scope intent refuses: each is a phrase lookup that no model weighs, so a phrase that also
stands in a question the content answers changes that answer with nobody noticing. A calm example
that holds an alarm would be escalated; an urgent example that reads as hypothetical is an
emergency the models no longer escalate; a question of an entry (or of a calm intent) that holds
a rule would be refused; an example of an intent that holds the intent's own `unless` would never
rank as that intent; a question of an entry that holds a related entry's mark and none of its own
would be handed to that neighbour when the two rank close. Each is one line that names the file,
the field and the question.
"""

from __future__ import annotations

from bot.content.loader import Content
from bot.nlu.alarms import Alarms
from bot.nlu.marks import Marks
from bot.nlu.phrases import holds, table, terms
from bot.nlu.scope import Beyond

__all__ = ["conflicts"]


def conflicts(content: Content) -> list[str]:
    """Every question of the content that a phrase table would decide against its own label."""
    alarms = Alarms.of(content.intents.get("urgent"))
    beyond = Beyond.of(content.intents.get("out-of-scope"))
    marks = Marks.of(content)
    found: list[str] = []
    calm: list[tuple[str, str]] = []  # (where, question)
    for entry in content.entries.values():
        path = f"knowledge/{entry.category}/{entry.id}.yaml"
        calm += [
            (f"{path}: questions.{lang}", q) for lang, qs in entry.questions.items() for q in qs
        ]
        calm += [(f"{path}: title.{lang}", t) for lang, t in entry.title.items()]
        for lang, qs in entry.questions.items():
            for q in qs:
                words = terms(q)
                if marks.marked(entry.id, words):
                    continue
                found += [
                    f"{path}: questions.{lang}: {q!r} holds a mark of {other}: it would go to"
                    " that neighbour when the two rank close"
                    for other in sorted({*marks.tables, *marks.together})
                    if (entry.id, other) in marks.neighbours.related and marks.marked(other, words)
                ]
    for intent in content.intents.values():
        examples = [
            (f"intents/{intent.id}.yaml: examples.{lang}", q)
            for lang, qs in intent.examples.items()
            for q in qs
        ]
        if intent.id == "urgent":
            found += [
                f"{where}: {q!r} reads as a question about the rules (hypothetical): the models"
                " would not escalate it"
                for where, q in examples
                if alarms.hypothetical(terms(q))
            ]
        else:
            calm += examples
        if intent.unless:
            unless = table(intent.unless)
            found += [
                f"{where}: {q!r} holds the intent's own `unless`: it would never rank as"
                f" {intent.id}"
                for where, q in examples
                if holds(terms(q), unless)
            ]
    for where, q in calm:
        words = terms(q)
        if alarms.found(words):
            found.append(f"{where}: {q!r} holds an alarm of intents/urgent.yaml: it would escalate")
        about = beyond.which(words)
        if about is not None and not where.startswith("intents/out-of-scope.yaml"):
            found.append(
                f"{where}: {q!r} holds a rule of intents/out-of-scope.yaml ({about}): it would be"
                " refused"
            )
    return found
