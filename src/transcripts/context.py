"""The text around the dialogue → metadata, topics, and who is who.

Reads the *intro zone* (the paragraphs between the post's dateline or the
document's start and the first turn) for the title, subtitle and show, the
recording date, the announced topics and the people it introduces; and the
paragraphs after the dialogue for a paywall and the topics behind it.
"""

from __future__ import annotations

import re

from typing import Iterator, Optional, Sequence

import attrs
import regex

from . import _patterns as P
from . import words as W
from .assemble import Dialogue
from .evidence import STRICT_TEMPLATES, intro_end
from .frontmatter import FrontMatter
from .items import Item
from .model import Metadata, Role, Span, Speaker, Topic, Turn
from .names import display_name, name_key, same_person
from .resolve import Person
from .rules import Label
from .times import parse_time

__all__ = ["Context", "find_people", "full_names", "read_context"]

#: How far before the first turn the intro may start, in paragraphs.
INTRO_REACH = 80
#: How far into a document without dialogue its title, dates and topics are looked for.
NO_DIALOGUE_REACH = 200


@attrs.frozen(slots=True)
class Context:
    metadata: Metadata
    topics: tuple[Topic, ...]
    speakers: tuple[Speaker, ...]


def _intro_zone(items: Sequence[Item], first: Optional[int]) -> tuple[int, int, Optional[int]]:
    """(start, stop, dateline index) of the intro zone (the opening of a
    document without dialogue)."""
    if first is None:
        return 0, min(len(items), NO_DIALOGUE_REACH), None
    j = first - 1
    while j >= 0 and first - j <= INTRO_REACH:
        if items[j].kind == "date":
            return j + 1, first, j
        j -= 1
    return max(j + 1, 0), first, None


def _clean_heading(text: str) -> str:
    m = P.MD_HEADING.match(text)
    if m:
        text = m["text"]
    return text.strip("*_ ").strip()


def _title(items: Sequence[Item], start: int, stop: int) -> tuple[Optional[str], Optional[str], Optional[str]]:
    """(title, subtitle, show) from the first group of headings in the zone."""
    group: list[str] = []
    for it in items[start:stop]:
        # (a heading or a bold line that a rule read as a name alone, "#
        # Harbour Lights", "**Harbour Lights**", and that is no speaker's
        # label is a heading still)
        unlabelled = not it.seen_labels or (
            it.label is None and (it.text[:1] == "#" or all(label.template in STRICT_TEMPLATES for label in it.seen_labels))
        )
        if it.kind == "heading" and unlabelled and not P.CHAPTER_LINE.match(it.text):
            group.append(_clean_heading(it.text))
        elif group:
            break
    if not group:
        return None, None, None
    show = None
    # "X - byline (Show)" followed by "X": the post title repeats the title.
    for i, head in enumerate(group):
        m = P.BYLINE_TITLE.match(head)
        if m and any(other == m["title"].strip() for other in group[i + 1 :]):
            show = m["show"]
            del group[i]
            break
    plus = [h for h in group if h.startswith("+ ")]
    rest = [h for h in group if not h.startswith("+ ")]
    title = rest[0] if rest else group[0].lstrip("+ ")
    subtitle = None
    if plus:
        subtitle = plus[0][2:].strip()
    elif len(rest) > 1:
        subtitle = rest[1]
    return title, subtitle, show


def _topic_title(text: str) -> str:
    m = P.BULLET.match(text)
    if m:
        text = m["text"]
    return text.strip().rstrip(",;.").strip()


def _list_after(items: Sequence[Item], lead: int, stop: int) -> list[int]:
    """Indices of the list items right after item ``lead``."""
    out = []
    for j in range(lead + 1, stop):
        if items[j].kind == "list_item":
            out.append(j)
        else:
            break
    return out


def _people(text: str) -> list[Person]:
    """The people an intro paragraph introduces as guests or hosts."""
    people: list[Person] = []
    cues: tuple[tuple["regex.Pattern[str]", Role], ...] = ((P.GUEST_CUE, "guest"), (P.HOST_CUE, "host"))
    for cue, role in cues:
        for m in cue.finditer(text):
            pos = m.end()
            while True:
                tail = text[pos : pos + 600]
                # Skip "and", "the", "professor", "glassblower": lower-case words.
                lead = regex.match(r"(?:(?:\p{Ll}[\p{L}'’\-]{0,20}|Professor)[ ]){0,3}", tail)
                pos += lead.end() if lead else 0
                nm = P.NAME_MENTION.match(text, pos)
                if nm is None:
                    break
                name = nm["name"]
                pos = nm.end()
                description = None
                # ", Bo Chen, and …": the next name of a list, not a description.
                after = pos + 2 + (4 if text.startswith("and ", pos + 2) else 0)
                follows = P.NAME_MENTION.match(text, after) if text.startswith(", ", pos) else None
                if follows is not None and regex.match(r"(?:,|[ ]and\b|\.|$)", text[follows.end() : follows.end() + 5]):
                    pass
                elif text.startswith(", ", pos):
                    d = regex.match(
                        r",[ ](?P<d>.{1,300}?)(?=,?[ ]and[ ]\p{Lu}|;|\.(?:[ ]|$)|,[ ]\p{Lu}[\p{Ll}]+[ ]\p{Lu}|$)",
                        text,
                        pos=pos,
                    )
                    if d:
                        description = d["d"].strip()
                        pos = d.end()
                people.append(Person(name, role, description))
                nxt = regex.match(r",?[ ](?:and[ ])?(?=\p{Lu})", text, pos=pos)
                if nxt is None:
                    break
                pos = nxt.end()
    return people


def _participants(text: str) -> list[Person]:
    """``Participants: Marisol Vega (MV), coastal engineer; Tomás Okafor
    (TO), historian`` → people with initials and descriptions."""
    m = P.PARTICIPANTS.match(text)
    if m is None:
        return []
    out = []
    for entry in regex.split(r"[;|]|,[ ](?=and[ ])", m["list"]):
        e = P.PARTICIPANT.match(entry.strip().rstrip("."))
        if e:
            out.append(Person(e["name"], None, e["description"], e["initials"]))
    return out


def _match(speaker: Speaker, name: str) -> bool:
    names = (speaker.name,) + speaker.aliases
    if any(same_person(n, name) for n in names):
        return True
    # A label that is a given name alone ("Lindsey") matches "Lindsey Kopacz".
    words = speaker.name.split(" ")
    return len(words) == 1 and name_key(name).split(" ")[0] == name_key(words[0])


def _roles(
    speakers: Sequence[Speaker], turns: Sequence[Turn], people: Sequence[Person], mentions: Sequence[str]
) -> list[Speaker]:
    out = []
    found_guest = False
    cast_host = None  # the interviewer a header names alone ("Interviewer: Dr. A. Mensah")
    for s in speakers:
        role, description, aliases = s.role, s.description, list(s.aliases)
        for person in people:
            if _match(s, person.name):
                role = person.role or role
                description = description or person.description
                found_guest |= person.role == "guest"
                if person.label and person.role == "host":
                    cast_host = s.id
        for mention in mentions:
            if (
                name_key(mention) != name_key(s.name)
                and mention not in aliases
                and len(s.name.split(" ")) > 1
                and same_person(s.name, mention)
            ):
                aliases.append(mention)
        out.append(attrs.evolve(s, role=role, description=description, aliases=tuple(aliases)))
    if not found_guest and len(out) >= 2 and all(s.role == "unknown" for s in out):
        # Without an intro, the show's opening may introduce its guests
        # ("Welcome to Go Time. Today I am joined by Mike Fridman.").
        # The one who opens it hosts; the others may be co-hosts or guests
        # introduced later, and stay unknown unless the questions tell.
        welcomed = _welcomed(out, turns)
        if welcomed:
            host = turns[0].speaker
            asked = _roles_from_questions(out, turns)
            if any(s.id == host and s.role == "host" for s in asked):
                out = asked  # the one who asks the questions opens the show too
            return [attrs.evolve(s, role="guest" if s.id in welcomed else "host" if s.id == host else s.role) for s in out]
    if found_guest:
        # Those the intro does not introduce are the hosts.
        out = [attrs.evolve(s, role="host") if s.role == "unknown" else s for s in out]
    elif len(out) >= 2 and all(s.role == "unknown" for s in out):
        out = _roles_from_questions(out, turns)
    elif cast_host is not None and len(out) >= 2 and all(s.role == "unknown" for s in out if s.id != cast_host):
        # The others, as the questions tell, when they agree with the header.
        asked = _roles_from_questions([attrs.evolve(s, role="unknown") for s in out], turns)
        if any(s.id == cast_host and s.role == "host" for s in asked):
            out = asked
    return out


#: How much of the first turn may introduce the guests.
OPENING_REACH = 600


def _welcomed(speakers: Sequence[Speaker], turns: Sequence[Turn]) -> set[str]:
    """The speakers the first turn introduces as its guests by their full
    names ("Today I am joined by Mike Fridman", "my guest today is …"),
    when it opens the show ("welcome to", "I'm your host"): not the one
    who speaks it."""
    if not turns or not turns[0].paragraphs:
        return set()
    first = turns[0]
    text = " ".join(first.paragraphs)[:OPENING_REACH]
    if not _OPENING.search(text):
        return set()
    found = set()
    for person in _people(text):
        if person.role != "guest" or " " not in person.name:
            continue
        for s in speakers:
            if s.id != first.speaker and _match(s, person.name):
                found.add(s.id)
    return found


_OPENING = regex.compile(r"\b(?:welcome(?:[ ]back)?[ ]to|I'm[ ]your[ ]host|I[ ]am[ ]your[ ]host)\b", regex.IGNORECASE)


def _roles_from_questions(speakers: list[Speaker], turns: Sequence[Turn]) -> list[Speaker]:
    """Without an intro, the one who asks the questions hosts."""
    asked = {s.id: 0 for s in speakers}
    spoke = {s.id: 0 for s in speakers}
    for t in turns:
        spoke[t.speaker] += 1
        if t.paragraphs and t.paragraphs[-1].rstrip().endswith("?"):
            asked[t.speaker] += 1
    rate = {k: asked[k] / spoke[k] if spoke[k] else 0.0 for k in spoke}
    top = max(rate, key=lambda k: rate[k])
    others = [rate[k] for k in rate if k != top]
    if rate[top] >= 0.4 and all(r * 2 <= rate[top] for r in others) and spoke[top] >= 2:
        return [attrs.evolve(s, role="host" if s.id == top else "guest") for s in speakers]
    return speakers


#: How many paragraphs from the top the intro may reach when looking for the
#: people it introduces.
PEOPLE_REACH = 200


def find_people(
    items: Sequence[Item], matter: Optional[FrontMatter] = None, bare: frozenset[str] = frozenset()
) -> tuple[Person, ...]:
    """The people the document introduces: its front matter's speakers,
    hosts and guests, and those its opening paragraphs introduce (an intro
    naming guests and hosts, a participants line).  The intro ends at the
    first label with markup (``bare`` names the rules without): people the speakers mention ("I spoke with
    Prime Minister Johnson") are not introduced."""
    people: list[Person] = []
    if matter is not None:
        people.extend(Person(name, role, listed=True) for name, role in matter.people)  # type: ignore[arg-type]
    for it in items[: intro_end(items, bare, PEOPLE_REACH)]:
        if it.kind == "metadata":
            people.extend(attrs.evolve(p, listed=True) for p in _participants(it.text))
        elif it.kind in ("prose", "heading") and not it.seen_labels:
            if it.kind == "prose":
                people.extend(_people(it.text))
            m = _ROSTER.match(it.text) if it.kind == "heading" and it.text[:1] != "#" else None
            if m is not None:
                said = m["d"] or m["p"].strip()[1:-1].replace(") (", ", ")
                people.append(Person(m["name"], None, said.replace("\\_", "_").strip()))
    return tuple(people)


#: Capitalised words before a surname that are a title or a job, not a
#: given name ("Press Secretary Lee", "Majority Leader Lee").
_NOT_GIVEN = W.RECORD_TITLES | frozenset(
    """
    leader administrator coordinator adviser advisor spokesperson spokesman spokeswoman press deputy principal
    chief officer minister commander surgeon attorney assistant counselor counsellor envoy special senior
    official first lady lord dear and by with from for of to at
    """.split()
)

#: Titles a label writes before a surname ("MS. LEE:", "Secretary Lee:").
_LABEL_TITLES = W.RECORD_TITLES - frozenset({"the", "vice", "acting", "ranking", "member"})


def full_names(labels: Sequence[Label], texts: Sequence[str], items: Sequence[Item]) -> tuple[Person, ...]:
    """The full names that labels of an honorific (or a title) and a
    surname stand for ("MS. LEE:", "Dr. Lee:"), where ``texts`` (the
    front matter's title, the intro) give one person with that surname ("Press
    Briefing by Press Secretary Ann Lee"): the one given name written
    before the surname (a middle initial may follow it), which is no title
    or job ("Secretary Lee" is not a full name) and which the document
    never writes in lower case ("Energy Innovation Lee": a word, no name).
    Two people with that surname, or none, give nothing."""
    out: dict[str, Person] = {}
    done: set[str] = set()
    text = "\n".join(t for t in texts if t)
    for label in labels:
        head, _, rest = label.name.partition(" ")
        key = name_key(rest)
        if (
            label.kind not in ("person", "caps")
            or key in done
            or head.rstrip(".").casefold() not in _LABEL_TITLES
            or not key
            or " " in key
            or key in W.RECORD_TITLES
            or key in W.VOICE_WORDS
        ):
            continue
        done.add(key)
        if key not in text.casefold():
            continue
        found: list[str] = []
        pattern = rf"(?<![\p{{L}}\p{{M}}])(\p{{Lu}}\p{{Ll}}[\p{{Ll}}\p{{M}}'’\-]{{0,30}})((?:[ \u00a0]\p{{Lu}}\.)?)[ \u00a0]((?i:{regex.escape(rest)}))(?![\p{{L}}\p{{M}}])"
        compiled = regex.compile(pattern)

        def given(text: str) -> Iterator[str]:
            for m in compiled.finditer(text):
                if m[1].casefold() not in _NOT_GIVEN and not _in_lower_case(m[1].casefold(), items):
                    yield f"{m[1]}{m[2].replace(chr(0xA0), ' ')} {m[3]}"

        for name in given(text):
            if not any(same_person(name, f) for f in found):
                found.append(name)
        if len(found) != 1:
            continue
        # Another given name with that surname in the text is another
        # person, or the title's was a word ("… Clean Energy Innovation
        # Lee" above "John Lee" in the speech).
        shown = display_name(rest)
        if any(not same_person(name, found[0]) for it in items if shown in it.text for name in given(it.text)):
            continue
        out.setdefault(name_key(found[0]), Person(found[0]))
    return tuple(out.values())


def _in_lower_case(word: str, items: Sequence[Item]) -> bool:
    """Whether the document writes a word in lower case somewhere."""
    pattern = regex.compile(rf"(?<![\p{{L}}\p{{M}}]){regex.escape(word)}(?![\p{{L}}\p{{M}}])")
    return any(word in it.text and pattern.search(it.text) is not None for it in items)


#: A line of a panel's roster in the intro (short, without a stop), a
#: full name and what the page says of them: "Matthew Bishop, The Economist - Moderator", "Ada Lee
#: (Acme) (moderator)".  It tells whom later initials stand for ("MB:");
#: the role is left to the dialogue.
_ROSTER = regex.compile(
    r"^(?P<name>\p{Lu}[\p{Ll}\p{M}'’\-]{1,30}(?:[ ]\p{Lu}\.?|[ ]\p{Lu}[\p{Ll}\p{M}'’\-]{1,30}){1,3})"
    r"(?:,[ ](?P<d>[^,()]{2,100})|(?P<p>(?:[ ]\([^()]{1,40}\)){1,2}))$"
)


# Where a recording date may be: the word, in any case (found without
# lowering the text, which for a long paragraph of non-ASCII text costs
# twelve bytes a character).
_RECORDED_WORD = re.compile("recorded", re.IGNORECASE)


def read_context(items: Sequence[Item], dialogue: Dialogue, people: Sequence[Person] = ()) -> Context:
    """Metadata, topics and speaker details from around the dialogue."""
    start, stop, dateline = _intro_zone(items, dialogue.first)
    title, subtitle, show = _title(items, start, stop)

    published = items[dateline].text if dateline is not None else None
    recorded = None
    people = list(people)
    mentions: dict[str, None] = {}  # the names mentioned, each once, in order
    topics: list[Topic] = []
    for i in range(start, stop):
        it = items[i]
        if recorded is None:
            m = P.RECORDED.search(it.text) if _RECORDED_WORD.search(it.text) else None
            if m:
                recorded = m["date"]
        if it.kind in ("prose", "heading"):
            for m in P.NAME_MENTION.finditer(it.text):
                mentions.setdefault(m["name"])
        if it.kind == "topic_list":
            for j in _list_after(items, i, stop):
                items[j].kind = "topic_list"
                topics.append(Topic(_topic_title(items[j].text), "announced", True, (), None, items[j].span))

    truncated = False
    if dialogue.end is not None:
        for i in range(dialogue.end, len(items)):
            it = items[i]
            if it.kind == "date":
                break
            if it.kind in ("elision", "paywall"):
                truncated = True
            if it.kind == "paywall" or (truncated and it.kind == "topic_list"):
                for j in _list_after(items, i, len(items)):
                    items[j].kind = "topic_list"
                    topics.append(Topic(_topic_title(items[j].text), "paywalled", False, (), None, items[j].span))

    topics.extend(_chapter_topics(items, dialogue, start, stop))
    topics.extend(_heading_topics(items, dialogue))
    speakers = _roles(dialogue.speakers, dialogue.turns, people, list(mentions))
    metadata = Metadata(
        title=title,
        subtitle=subtitle,
        show=show,
        recorded=recorded,
        published=published,
        convention=dialogue.convention,
        truncated=truncated,
    )
    return Context(metadata, tuple(topics), tuple(speakers))


def _break(heading: str) -> bool:
    """Whether a heading's text marks an ad break (perhaps with the span of
    its times), not a topic.  Every break's word holds "reak", "REAK" or
    "roll" (which cutting off a span leaves as it was): a cheap test first."""
    if "reak" not in heading and "REAK" not in heading and "roll" not in heading:
        return False
    return P.BREAK.match(P.BREAK_UNTIL.sub("", heading.strip())) is not None


def _heading_topics(items: Sequence[Item], dialogue: Dialogue) -> list[Topic]:
    """Markdown headings inside the dialogue are topic boundaries: a heading
    covers the turns up to the next heading of its level or above (its
    subheadings' turns too); a turn that goes on below a heading is the
    first of its section.  Headings right before the first turn count when
    the dialogue has headings of their level; ad breaks do not count."""
    if dialogue.first is None or dialogue.end is None:
        return []
    lead = dialogue.first
    while lead > 0 and items[lead - 1].kind == "heading" and P.MD_HEADING.match(items[lead - 1].text):
        lead -= 1
    heads: list[tuple[int, str, Span, int]] = []  # level, title, lines, first turn
    inside: set[int] = set()
    for i in range(lead, dialogue.end):
        it = items[i]
        m = P.MD_HEADING.match(it.text) if not it.speech and it.kind == "heading" else None
        if m and not _break(m["text"]):  # "# **Break:** \[14:22\]"
            follows = it.turn
            begin = 0 if follows is None else follows + 1
            # A turn that goes on below the heading belongs to its section.
            if follows is not None and i + 1 < len(items) and items[i + 1].speech and items[i + 1].turn == follows:
                begin = follows
            heads.append((len(m["hashes"]), _clean_heading(it.text), it.span, begin))
            if i >= dialogue.first:
                inside.add(len(m["hashes"]))
    before = dialogue.first - lead
    heads = [h for k, h in enumerate(heads) if k >= before or h[0] in inside]
    topics = []
    n = len(dialogue.turns)
    # Where each section stops: at the next heading of its level or above,
    # found in one pass from the end (a stack of the headings below).
    stops = [n] * len(heads)
    open_: list[int] = []
    for k in range(len(heads) - 1, -1, -1):
        level = heads[k][0]
        while open_ and heads[open_[-1]][0] > level:
            open_.pop()
        stops[k] = heads[open_[-1]][3] if open_ else n
        open_.append(k)
    for k, (level, title, span, begin) in enumerate(heads):
        stop = stops[k]
        covered = tuple(range(begin, stop))
        start = dialogue.turns[begin].start if begin < n else None
        topics.append(Topic(title, "heading", True, covered, start, span, 1.0))
    return topics


def _chapter_topics(items: Sequence[Item], dialogue: Dialogue, start: int, stop: int) -> list[Topic]:
    """A chapter list with times ("00:12:30 The sea wall"), two lines or
    more with rising times, in the intro or after the dialogue."""
    zones = [(start, stop)]
    if dialogue.end is not None:
        zones.append((dialogue.end, len(items)))
    topics: list[Topic] = []
    for lo, hi in zones:
        run: list[tuple[int, float, str]] = []
        for i in range(lo, hi + 1):
            m = P.CHAPTER_LINE.match(items[i].text) if i < hi and items[i].label is None else None
            seconds = parse_time(m["time"]) if m else None
            if seconds is not None and (not run or seconds > run[-1][1]):
                run.append((i, seconds, m["title"].strip()))
                continue
            if len(run) >= 2 and not topics:
                for j, t, title in run:
                    items[j].kind = "topic_list"
                    topics.append(Topic(title, "chapter", True, (), t, items[j].span))
            run = []
            if seconds is not None:
                run.append((i, seconds, m["title"].strip()))
    return topics
