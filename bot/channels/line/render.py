"""Reply -> LINE messages: plain text (LINE shows no markup, so nothing needs escaping), cut at
LINE's 5,000 characters, sources as links under the answer, buttons as quick replies.

LINE's limits: 5 messages per reply call, 13 quick-reply buttons, 20 characters of label,
300 of postback data. A quick reply shows under the last message only and goes at the next
message, so the last reply's buttons (the next step) are quick replies, and an earlier reply's
buttons (the language picker before the menu) stay in the chat as a Flex bubble of buttons.
"""

from __future__ import annotations

from linebot.v3.messaging import (
    FlexBox,
    FlexBubble,
    FlexButton,
    FlexMessage,
    FlexText,
    PostbackAction,
    QuickReply,
    QuickReplyItem,
    TextMessage,
)

from bot.channels.text import split_text
from bot.core.turns import Button, Reply

__all__ = [
    "LABEL_LIMIT",
    "MESSAGES_PER_CALL",
    "QUICK_REPLY_LIMIT",
    "TEXT_LIMIT",
    "quick_reply",
    "render",
    "text_messages",
]

TEXT_LIMIT = 5000
MESSAGES_PER_CALL = 5
QUICK_REPLY_LIMIT = 13
LABEL_LIMIT = 20
DATA_LIMIT = 300
SOURCES_SHOWN = 2
FLEX_TEXT_LIMIT = 2000  # a longer text with buttons leaves as text; its buttons are dropped
ALT_TEXT_LIMIT = 400  # what a notification or an old client shows for a Flex message


def _label(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= LABEL_LIMIT else text[: LABEL_LIMIT - 1] + "…"


def quick_reply(buttons: tuple[Button, ...] | list) -> QuickReply | None:
    """Buttons (or the outbox's stored rows of {"label", "action"}) -> quick replies."""
    items = []
    for button in buttons:
        label, action = (
            (button.label, button.action)
            if isinstance(button, Button)
            else (button["label"], button["action"])
        )
        if not action or len(action) > DATA_LIMIT:
            continue
        # The pressed label shows in the chat as the user's message, as a typed one would.
        items.append(
            QuickReplyItem(
                action=PostbackAction(label=_label(label), data=action, display_text=label[:300])
            )
        )
        if len(items) == QUICK_REPLY_LIMIT:
            break
    return QuickReply(items=items) if items else None


def _body(reply: Reply) -> str:
    links = [f"🔗 {s.title}\n{s.url}" for s in reply.sources[:SOURCES_SHOWN]]
    return "\n\n".join([reply.text, *links]) if links else reply.text


def text_messages(text: str, quick: QuickReply | None = None) -> list[TextMessage]:
    chunks = split_text(text, TEXT_LIMIT) or [text]
    return [
        TextMessage(text=chunk, quick_reply=quick if n == len(chunks) - 1 else None)
        for n, chunk in enumerate(chunks)
    ]


def _bubble(text: str, buttons: tuple[Button, ...]) -> FlexMessage:
    usable = [b for b in buttons if b.action and len(b.action) <= DATA_LIMIT]
    return FlexMessage(
        alt_text=text[:ALT_TEXT_LIMIT],
        contents=FlexBubble(
            body=FlexBox(layout="vertical", contents=[FlexText(text=text, wrap=True)]),
            footer=FlexBox(
                layout="vertical",
                spacing="sm",
                contents=[
                    FlexButton(
                        action=PostbackAction(
                            label=_label(b.label), data=b.action, display_text=b.label[:300]
                        ),
                        style="secondary",
                        height="sm",
                    )
                    for b in usable
                ],
            ),
        ),
    )


def render(replies: list[Reply]) -> list[TextMessage | FlexMessage]:
    """The replies of one turn, in order. The last reply with buttons puts them under the last
    message as quick replies; an earlier one with buttons is a Flex bubble that keeps them."""
    with_buttons = [n for n, r in enumerate(replies) if r.buttons]
    last = with_buttons[-1] if with_buttons else None
    messages: list[TextMessage | FlexMessage] = []
    for n, reply in enumerate(replies):
        if not reply.text.strip():
            continue
        body = _body(reply)
        if reply.buttons and n != last and len(body) <= FLEX_TEXT_LIMIT:
            messages.append(_bubble(body, reply.buttons))
        else:
            messages += text_messages(body)
    if messages and last is not None:
        quick = quick_reply(replies[last].buttons)
        end = messages[-1]
        messages[-1] = (
            TextMessage(text=end.text, quick_reply=quick)
            if isinstance(end, TextMessage)
            else FlexMessage(alt_text=end.alt_text, contents=end.contents, quick_reply=quick)
        )
    return messages
