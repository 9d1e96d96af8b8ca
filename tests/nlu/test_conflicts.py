"""The phrase tables against the content's own questions (`madoguchi kb check`).

An alarm, a hypothetical opener or a rule of scope decides a message by a phrase, and no model
weighs it: the shipped content has no question that one would decide against its own label, and a
curator who writes one is told which file, which field and which question, in one line.
"""

from __future__ import annotations

from dataclasses import replace

from bot.content.loader import Content, default_content_dir, load_content
from bot.nlu.conflicts import conflicts


def planted(content: Content) -> Content:
    """The shipped content with one question of each kind that a phrase table would overrule."""
    leave = content.entries["annual-paid-leave"]
    questions = {
        **leave.questions,
        "en": [*leave.questions["en"], "my mum visits on a tourist visa"],
    }
    greeting = content.intents["greeting"]
    urgent = content.intents["urgent"]
    return replace(
        content,
        entries={**content.entries, leave.id: leave.model_copy(update={"questions": questions})},
        intents={
            **content.intents,
            "greeting": greeting.model_copy(
                update={"examples": {**greeting.examples, "en": ["hi, my friend passed out"]}}
            ),
            "urgent": urgent.model_copy(
                update={
                    "examples": {
                        **urgent.examples,
                        "en": [*urgent.examples["en"], "if I fall off the ladder, who pays?"],
                    }
                }
            ),
        },
    )


def test_the_shipped_content_has_no_question_a_phrase_would_overrule() -> None:
    assert conflicts(load_content(default_content_dir())) == []


def test_a_curator_is_told_each_question_in_one_line() -> None:
    found = conflicts(planted(load_content(default_content_dir())))
    assert len(found) == 3, found
    rule, alarm, opener = sorted(found, key=lambda line: ("out-of-scope" not in line, line))
    assert rule.startswith("knowledge/foreign-employee/annual-paid-leave.yaml: questions.en:")
    assert "a parent's visit to Japan as a tourist" in rule and "refused" in rule
    assert alarm.startswith("intents/greeting.yaml: examples.en: 'hi, my friend passed out'")
    assert opener.startswith("intents/urgent.yaml: examples.en:") and "hypothetical" in opener


def test_an_example_that_holds_its_intents_own_unless_is_named() -> None:
    content = load_content(default_content_dir())
    switch = content.intents["change-language"]
    example = "where can i call in tagalog?"
    planted = replace(
        content,
        intents={
            **content.intents,
            "change-language": switch.model_copy(
                update={"examples": {**switch.examples, "en": [*switch.examples["en"], example]}}
            ),
        },
    )
    assert conflicts(planted) == [
        f"intents/change-language.yaml: examples.en: {example!r} holds the intent's own"
        " `unless`: it would never rank as change-language"
    ]


def test_a_question_that_holds_a_neighbours_mark_is_named() -> None:
    content = load_content(default_content_dir())
    overtime = content.entries["paid-leave-overtime-reduction"]
    question = "we pledged to cut overtime, now what?"
    planted = replace(
        content,
        entries={
            **content.entries,
            overtime.id: overtime.model_copy(
                update={
                    "questions": {**overtime.questions, "en": [*overtime.questions["en"], question]}
                }
            ),
        },
    )
    assert conflicts(planted) == [
        f"knowledge/workstyle/paid-leave-overtime-reduction.yaml: questions.en: {question!r}"
        " holds a mark of work-style-reform-declaration: it would go to that neighbour when the"
        " two rank close"
    ]


def test_a_question_that_holds_every_group_of_a_neighbours_marks_told_together_is_named() -> None:
    content = load_content(default_content_dir())
    succession = content.entries["skills-succession"]
    one = "our retirees could teach the young ones, how do we set that up?"
    both = "could retirees and housewives on short shifts pass our skills on?"
    planted = replace(
        content,
        entries={
            **content.entries,
            succession.id: succession.model_copy(
                update={
                    "questions": {
                        **succession.questions,
                        "en": [*succession.questions["en"], one, both],
                    }
                }
            ),
        },
    )
    assert conflicts(planted) == [
        f"knowledge/training/skills-succession.yaml: questions.en: {both!r}"
        " holds a mark of hiring-women-seniors: it would go to that neighbour when the"
        " two rank close"
    ]
