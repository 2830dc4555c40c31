"""The feed and the chat as a participant reads them: order, threads, scrolling, highlights.

Both are drawn line by line (`FeedView`), so these tests read what the widget paints."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult

from readiness.engine import FeedItem
from readiness.engine.state import TICKS_PER_MINUTE
from readiness.models.scenario import Inject
from readiness.tui.widgets import feed_entry
from readiness.tui.widgets.feed_chat import ChatLog
from readiness.tui.widgets.feed_timeline import FeedTimeline
from readiness.tui.widgets.feed_view import FeedView

START = "09:00"


def item(
    ident: str,
    text: str,
    *,
    minute: int = 0,
    channel: str = "post",
    reply_to: str | None = None,
    likes: int = 0,
    growing: bool = False,
) -> FeedItem:
    inject = Inject.model_validate(
        {
            "id": ident,
            "at": minute,
            "channel": channel,
            "platform": "x" if channel in ("post", "comment") else "teams",
            "author": ident.capitalize(),
            "text": text,
            "reply_to": reply_to,
        }
    )
    return FeedItem(
        inject=inject,
        seq=0,
        ticks=minute * TICKS_PER_MINUTE,
        author=ident.capitalize(),
        handle=f"@{ident}",
        text=text,
        likes=likes,
        shares=0,
        comments=0,
        growing=growing,
    )


class Host(App[None]):
    def __init__(self, view: FeedView) -> None:
        super().__init__()
        self.view = view

    def compose(self) -> ComposeResult:
        yield self.view


def visible(view: FeedView) -> list[str]:
    """The lines on screen now, as the participant reads them."""
    return [view.render_line(y).text.rstrip() for y in range(view.size.height)]


async def test_new_posts_go_on_top_and_comments_hang_under_their_post() -> None:
    feed = FeedTimeline([item("lena", "Mouldy cake!")], START)
    async with Host(feed).run_test(size=(60, 20)) as pilot:
        feed.add(item("tom", "Same here.", minute=2, channel="comment", reply_to="lena"))
        feed.add(item("press", "What happened?", minute=3))
        feed.add(item("mia", "Me too.", minute=4, channel="comment", reply_to="tom"))
        await pilot.pause()
        lines = [line for line in feed.text_lines() if line]
    assert lines == [
        "X Press @press · 09:03",
        "What happened?",
        "X Lena @lena · 09:00",
        "Mouldy cake!",
        "   ▌ X Tom @tom · 09:02",
        "   ▌ Same here.",
        "   ▌ X Mia @mia · 09:04",  # a reply to a comment stays in the thread
        "   ▌ Me too.",
    ]


async def test_what_people_write_is_shown_as_written_never_as_markup() -> None:
    text = "[bold]Free[/bold] cake at [link=https://evil.example]our shop[/link] :smile:"
    feed = FeedTimeline([item("troll", text)], START)
    async with Host(feed).run_test(size=(100, 10)) as pilot:
        await pilot.pause()
        assert text in visible(feed)


async def test_a_reader_who_scrolled_down_keeps_their_place_when_posts_arrive() -> None:
    feed = FeedTimeline([item(f"user{n}", f"Post number {n}.", minute=n) for n in range(20)], START)
    async with Host(feed).run_test(size=(50, 12)) as pilot:
        await pilot.pause()
        feed.scroll_to(y=15, animate=False)
        await pilot.pause()
        before = visible(feed)
        feed.add(item("late", "A new post on top.", minute=30))
        await pilot.pause()
        assert visible(feed) == before
        assert feed.scroll_y == 15 + 3  # a blank line, the header, the text


async def test_at_the_top_a_new_post_is_seen_at_once() -> None:
    feed = FeedTimeline([item(f"user{n}", f"Post number {n}.", minute=n) for n in range(20)], START)
    async with Host(feed).run_test(size=(50, 12)) as pilot:
        await pilot.pause()
        feed.add(item("late", "A new post on top.", minute=30))
        await pilot.pause()
        assert feed.scroll_y == 0
        assert visible(feed)[1:3] == ["X Late @late · 09:30", "A new post on top."]


async def test_the_chat_follows_new_messages_only_while_the_reader_is_at_the_end() -> None:
    messages = [item(f"boss{n}", f"Message {n}.", minute=n, channel="chat") for n in range(12)]
    chat = ChatLog(messages, START)
    async with Host(chat).run_test(size=(50, 10)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert chat.scroll_y == chat.max_scroll_y > 0  # opens at the newest message
        chat.add(item("legal", "Do not delete anything.", minute=20, channel="chat"))
        await pilot.pause()
        assert "▌ Do not delete anything." in visible(chat)
        chat.scroll_to(y=0, animate=False)
        await pilot.pause()
        chat.add(item("it", "Password changed.", minute=21, channel="chat"))
        await pilot.pause()
        assert chat.scroll_y == 0  # reading older messages: not pulled away
        assert "▌ Password changed." in chat.text_lines()


async def test_climbing_likes_repaint_in_place() -> None:
    growing = item("lena", "Mouldy cake!", likes=5, growing=True)
    feed = FeedTimeline([growing], START)
    async with Host(feed).run_test(size=(60, 10)) as pilot:
        await pilot.pause()
        assert "♥ 5" in visible(feed)[3]
        growing.likes = 1234
        feed.refresh_counts()
        await pilot.pause()
        assert "♥ 1,234" in visible(feed)[3]


async def test_a_new_item_is_highlighted_for_a_while(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(feed_entry, "NEW_ITEM_SECONDS", 0.2)
    feed = FeedTimeline([], START)
    async with Host(feed).run_test(size=(60, 10)) as pilot:
        await pilot.pause()
        assert visible(feed)[0] == "Nothing in the feed yet."
        feed.add(item("lena", "Mouldy cake!"))
        await pilot.pause()

        def background() -> object:
            style = next(iter(feed.render_line(2))).style
            return style.bgcolor if style is not None else None

        highlighted = background()
        await pilot.pause(0.4)
        assert background() != highlighted
        assert visible(feed)[2] == "Mouldy cake!"


async def test_a_narrower_pane_rewraps_the_posts() -> None:
    text = "Why is Bakery Lindner silent about the mouldy cake they sold me on Saturday?"
    feed = FeedTimeline([item("lena", text)], START)
    async with Host(feed).run_test(size=(100, 12)) as pilot:
        await pilot.pause()
        wide = len(feed.text_lines())
        await pilot.resize_terminal(30, 12)
        await pilot.pause()
        narrow = feed.text_lines()
    assert len(narrow) > wide
    assert all(len(line) <= 28 for line in narrow)  # padding and scrollbar take two columns
