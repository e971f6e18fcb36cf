"""The rule set: one object holding the parser's small named rules, in order.

A *label rule* recognises one way of writing who speaks ("Name: text",
"**Name:** text", "Chairman HOLLIS." …) and turns a match into a
:class:`Label` candidate.  A *block rule* recognises one kind of paragraph
that is not speech (an editor note, an elision, a bullet…).  Rules run in
their order; adding a dialect means adding a rule, before or after a named
one::

    rules = DEFAULT_RULES.copy()

    @rules.label_rule("dash-name", DASH_NAME, first=lambda o: o[:1] == "-", before="name-colon")
    def dash_name(rule, m, text): ...

    transcripts.parse(text, rules=rules)

Each :class:`RuleSet` keeps its own dispatch caches (which rules can match
a paragraph opening with these characters), rebuilt when it changes.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Callable, Iterable, Optional, TypeVar, Union

import attrs
import regex

from .. import _patterns as P

__all__ = [
    "BlockRule",
    "DEFAULT_RULES",
    "Label",
    "LabelRule",
    "RuleSet",
    "SHORT",
    "heading_or_prose",
    "name_start",
]


# Made by the thousand per document: a plain slotted class (attrs'
# frozen classes cost twice as much to build).  Treat as immutable.
@attrs.define(slots=True, eq=True)
class Label:
    """A label candidate: who (``name``, without a credential or role word;
    ``written`` as the document writes it), what follows on the line, what
    else the label says (a start time, a role word), what kind of words the
    slot holds (see :mod:`transcripts.slots`) and the template of the rule
    that read it."""

    rule: str
    name: str
    text: str
    start: Optional[float] = None
    role: Optional[str] = None
    kind: str = "person"
    written: str = ""
    template: str = ""
    prefix: str = ""  # what stands before the label on its line ("5:19 P.M. EDT"): a block of its own
    markup: str = ""  # the markup around it, where its rule has variants: "**", "*" (italics), "-**" (a list's), "###"


#: How far into a paragraph a rule's hint must occur by default (a label is short).
HINT_REACH = 160


#: A builder reads a rule's match: (rule, match, paragraph text) → label.
Builder = Callable[["LabelRule", "regex.Match[str]", str], Optional[Label]]


@attrs.frozen(slots=True)
class LabelRule:
    """A named, anchored pattern and the function that reads its match.

    ``template`` groups rules whose labels one document mixes ("MS. PSAKI:",
    "Q  …" and "Reporter:" are one template: a label and a colon);
    ``conventions`` are the names a document of this rule is recorded
    under (default: the rule's name).  ``first``, ``max_len``, ``hint``
    (within ``reach`` characters) and ``check`` are cheap tests before the
    pattern; ``raw`` says the pattern reads the
    first line as written rather than the normalised text; ``bare`` that
    the label has no markup at all (a name alone: weaker evidence)."""

    name: str
    pattern: "regex.Pattern[str]"
    build: Builder
    template: str
    conventions: tuple[str, ...]
    hint: Optional[str] = None  # a substring every match holds in its first ``reach`` characters
    raw: bool = False
    first: Optional[Callable[[str], bool]] = None  # which opening (two characters) a match can have
    max_len: Optional[int] = None  # the longest paragraph a match can be
    bare: bool = False
    reach: int = HINT_REACH  # how far into the paragraph the hint may be
    check: Optional[Callable[[str], bool]] = None  # a cheap test of the text before the pattern
    opens: bool = True  # whether its match opens a new paragraph in hard-wrapped text

    def may_start_with(self, opening: str) -> bool:
        """Whether a paragraph whose normalised text starts with ``opening``
        (its first two characters) can match."""
        return self.first is None or self.first(opening)


@attrs.frozen(slots=True)
class BlockRule:
    """A named test for one kind of non-speech paragraph."""

    name: str
    kind: str
    test: Callable[[str], bool]
    starts: Optional[frozenset[str]] = None  # first characters a match can have: a cheap pre-check
    labelled: bool = False  # also run on paragraphs that a label rule reads
    max_len: Optional[int] = None  # the longest paragraph it can accept



#: A label rule as :meth:`RuleSet.find_labels` runs it: (its ``max_len``,
#: -1 for none; ``raw``; ``hint``; ``reach``; ``check``; its pattern's
#: ``match``; ``build``; the rule).
_Step = tuple[int, bool, Optional[str], int, Optional[Callable[[str], bool]], Callable[[str], Optional["regex.Match[str]"]], Builder, LabelRule]

#: Paragraphs longer than this cannot match a rule with a ``max_len`` (a
#: name alone on its line, "Emma  0:03"): they skip those rules at once.
SHORT = 80

#: Length classes of paragraphs for the block rules' ``max_len`` (and one
#: past the longest for the rest).
_LENGTHS = (24, 60, 120, 200, 300)
#: The shortest paragraph of each length class (by ``bisect_left(_LENGTHS, size)``).
_LOWER = (0,) + tuple(n + 1 for n in _LENGTHS)

#: Headings are short: at most this many characters and words.
HEADING_MAX_CHARS = 160
HEADING_MAX_WORDS = 20


def name_start(opening: str) -> bool:
    """Whether a name can start so: a capital, or a letter of a script
    without case (张伟)."""
    char = opening[:1]
    return char.isalpha() and not char.islower()


#: The characters :data:`transcripts._patterns.SENTENCE_END` ends with.
_CLOSING = frozenset(".!?:;,…\"”’")


def _sentence_end(text: str) -> bool:
    """``P.SENTENCE_END.search(text)``, read off the last character (its
    ``$`` also matches before a final newline, which a paragraph has not)."""
    end = text[-1:]
    if end == "\n":
        return P.SENTENCE_END.search(text) is not None
    return end in _CLOSING


def heading_or_prose(text: str, top: bool = False) -> str:
    """Short text without closing punctuation is a heading; else prose.  A
    heading does not open in lower case ("and <https://…>" goes on), except
    at the document's ``top``, where there is nothing to go on
    ("libfoo-ng workshop"), when it holds no link."""
    if (not text[:1].islower() or (top and "<" not in text and "://" not in text)) and len(text) <= HEADING_MAX_CHARS and text.count(" ") < HEADING_MAX_WORDS and not _sentence_end(text):
        return "heading"
    return "prose"


R = TypeVar("R", LabelRule, BlockRule)


def _insert(rules: list[R], rule: R, before: Optional[str], after: Optional[str]) -> None:
    if any(r.name == rule.name for r in rules):
        raise ValueError(f"rule {rule.name!r} registered twice")
    if before is not None and after is not None:
        raise ValueError("give before= or after=, not both")
    anchor = before or after
    if anchor is None:
        rules.append(rule)
        return
    names = [r.name for r in rules]
    if anchor not in names:
        raise ValueError(f"no rule {anchor!r} to insert {rule.name!r} next to; known: {', '.join(names)}")
    at = names.index(anchor)
    rules.insert(at if before else at + 1, rule)


class RuleSet:
    """The ordered label and block rules the parser runs, with their
    dispatch caches.  ``DEFAULT_RULES`` holds the built-in ones; copy it to
    add, drop or reorder rules for one use."""

    __slots__ = ("_labels", "_blocks", "_by_opening", "_steps", "_blocks_by_first", "_openers", "_conventions", "_bare")

    def __init__(self, labels: Iterable[LabelRule] = (), blocks: Iterable[BlockRule] = ()) -> None:
        self._labels: list[LabelRule] = list(labels)
        self._blocks: list[BlockRule] = list(blocks)
        self._changed()

    def _changed(self) -> None:
        self._by_opening: dict[tuple[str, bool], tuple[LabelRule, ...]] = {}
        self._steps: dict[tuple[str, bool, bool], tuple[_Step, ...]] = {}
        self._blocks_by_first: dict[tuple[str, bool, int], tuple[BlockRule, ...]] = {}
        self._openers: dict[str, tuple[BlockRule, ...]] = {}
        self._conventions = tuple(dict.fromkeys(c for r in self._labels for c in r.conventions))
        self._bare = frozenset(r.name for r in self._labels if r.bare)

    # -- what it holds ------------------------------------------------------

    @property
    def label_rules(self) -> tuple[LabelRule, ...]:
        return tuple(self._labels)

    @property
    def block_rules(self) -> tuple[BlockRule, ...]:
        return tuple(self._blocks)

    def conventions(self) -> tuple[str, ...]:
        """The conventions its label rules record, in rule order."""
        return self._conventions

    def templates(self) -> tuple[str, ...]:
        """The templates of its label rules, in rule order."""
        return tuple(dict.fromkeys(r.template for r in self._labels))

    def copy(self) -> "RuleSet":
        return RuleSet(self._labels, self._blocks)

    def only(self, convention: str) -> "RuleSet":
        """The rules a document forced to ``convention`` runs: that
        convention's label rules and every block rule."""
        if convention not in self._conventions:
            raise ValueError(f"unknown convention {convention!r}; known: {', '.join(self._conventions)}")
        return RuleSet([r for r in self._labels if convention in r.conventions], self._blocks)

    def remove(self, name: str) -> None:
        """Drop the label or block rule called ``name``."""
        kept_labels = [r for r in self._labels if r.name != name]
        kept_blocks = [r for r in self._blocks if r.name != name]
        if len(kept_labels) == len(self._labels) and len(kept_blocks) == len(self._blocks):
            raise ValueError(f"no rule {name!r}")
        self._labels, self._blocks = kept_labels, kept_blocks
        self._changed()

    # -- adding rules -------------------------------------------------------

    def add(self, rule: Union[LabelRule, BlockRule], *, before: Optional[str] = None, after: Optional[str] = None) -> None:
        """Add a rule at the end, or before or after the rule so named."""
        if isinstance(rule, LabelRule):
            _insert(self._labels, rule, before, after)
        else:
            _insert(self._blocks, rule, before, after)
        self._changed()

    def label_rule(
        self,
        name: str,
        pattern: "regex.Pattern[str]",
        *,
        template: Optional[str] = None,
        conventions: Optional[tuple[str, ...]] = None,
        hint: Optional[str] = None,
        raw: bool = False,
        first: Optional[Callable[[str], bool]] = None,
        max_len: Optional[int] = None,
        bare: bool = False,
        reach: int = HINT_REACH,
        check: Optional[Callable[[str], bool]] = None,
        opens: bool = True,
        before: Optional[str] = None,
        after: Optional[str] = None,
    ) -> Callable[[Builder], Builder]:
        """Register the decorated function as the builder of a label rule.
        The template defaults to the rule's name, the conventions to the
        template."""

        def register(build: Builder) -> Builder:
            tmpl = template or name
            self.add(
                LabelRule(name, pattern, build, tmpl, conventions or (tmpl,), hint, raw, first, max_len, bare, reach, check, opens),
                before=before,
                after=after,
            )
            return build

        return register

    def block_rule(
        self,
        name: str,
        kind: str,
        *,
        starts: Optional[str] = None,
        labelled: bool = False,
        max_len: Optional[int] = None,
        before: Optional[str] = None,
        after: Optional[str] = None,
    ) -> Callable[[Callable[[str], bool]], Callable[[str], bool]]:
        """Register the decorated predicate as a block rule for ``kind``;
        ``starts`` lists the characters a matching paragraph can start with,
        ``max_len`` the longest paragraph it can accept (cheap pre-checks
        the rule runner caches)."""

        def register(test: Callable[[str], bool]) -> Callable[[str], bool]:
            rule = BlockRule(name, kind, test, frozenset(starts) if starts is not None else None, labelled, max_len)
            self.add(rule, before=before, after=after)
            return test

        return register

    # -- running them -------------------------------------------------------

    def _label_rules_for(self, opening: str, short: bool) -> tuple[LabelRule, ...]:
        key = (opening, short)
        rules = self._by_opening.get(key)
        if rules is None:
            rules = self._by_opening[key] = tuple(
                r for r in self._labels if r.may_start_with(opening) and (short or r.max_len is None or r.max_len > SHORT)
            )
        return rules

    def _label_steps(self, opening: str, short: bool, openers: bool) -> tuple[_Step, ...]:
        """The label rules for an opening as flat steps for
        :meth:`find_labels` (fields read once, not per paragraph), cached."""
        key = (opening, short, openers)
        steps = self._steps.get(key)
        if steps is None:
            steps = self._steps[key] = tuple(
                (-1 if r.max_len is None else r.max_len, r.raw, r.hint, r.reach, r.check, r.pattern.match, r.build, r)
                for r in self._label_rules_for(opening, short)
                if not (openers and (r.max_len is not None or not r.opens))
            )
        return steps

    def find_labels(self, text: str, raw: str = "", openers: bool = False) -> tuple[Label, ...]:
        """Every label rule's candidate for a paragraph, in rule order.

        Several conventions may read the same paragraph; the evidence across
        the whole document decides which one wins.  ``raw`` is the first
        line as written, for rules that read it.  ``openers`` keeps only
        rules that read the start of a line, not a whole short line ("Emma
        0:03", "Marisol Vega"): those say whether a line opens a new item in
        hard-wrapped text, where a short last line can look like a name.
        This runs on every paragraph: the rules are dispatched on the
        paragraph's opening and the cheap tests come first."""
        found: Optional[list[Label]] = None
        size = len(text)
        steps = self._steps.get((text[:2], size <= SHORT, openers))
        if steps is None:
            steps = self._label_steps(text[:2], size <= SHORT, openers)
        for max_len, read_raw, hint, reach, check, match, build, rule in steps:
            if 0 <= max_len < size:
                continue
            target = (raw or text) if read_raw else text
            if hint is not None and target.find(hint, 0, reach) < 0:
                continue
            if check is not None and not check(target):
                continue
            m = match(target)
            if m is not None:
                label = build(rule, m, text)
                if label is not None:
                    if found is None:
                        found = [label]
                    else:
                        found.append(label)
        return tuple(found) if found else ()

    def _block_rules_for(self, char: str, labelled: bool, size: int = 0) -> tuple[BlockRule, ...]:
        """The block rules a paragraph starting with ``char`` (of a length
        class) can match, cached."""
        lower = _LOWER[bisect_left(_LENGTHS, size)]  # the shortest paragraph of its length class
        key = (char, labelled, lower)
        rules = self._blocks_by_first.get(key)
        if rules is None:
            rules = self._blocks_by_first[key] = tuple(
                r
                for r in self._blocks
                if (r.labelled or not labelled) and (r.starts is None or char in r.starts) and (r.max_len is None or r.max_len >= lower)
            )
        return rules

    def classify_block(self, text: str, labelled: bool = False) -> str:
        """The kind of a paragraph read as non-speech (see ``BLOCK_KINDS``).

        ``labelled`` says a label rule reads the paragraph: then only the
        rules for label look-alikes run ("**Break:**", "Summary: …")."""
        for rule in self._block_rules_for(text[:1], labelled, len(text)):
            if rule.test(text):
                return rule.kind
        return heading_or_prose(text)

    def leading_aside(self, text: str) -> Optional[tuple[str, str, str]]:
        """``(kind, aside, rest)`` when a paragraph of speech opens with a
        parenthetical: "(As interpreted.)  I don't think…" → a note and the
        speech; "(Laughs.) If we could…" → an event and the speech."""
        if text[:1] not in "([\\":
            return None
        m = P.LEADING_PARENTHETICAL.match(text)
        if m is None:
            return None
        aside = text[: len(text) - len(m["rest"])].rstrip()
        kind = self.classify_block(aside)
        return (kind, aside, m["rest"]) if kind in ("event", "note") else None

    def is_item(self, text: str, raw: str) -> bool:
        """Whether a line is an item of its own in hard-wrapped text: a
        label alone on its line with its time or markup ("Emma  0:03",
        "[00:00:03] Ada Lindqvist"; not a bare name, which the short last
        line of a paragraph may look like)."""
        if len(text) > SHORT:
            return False
        return any(not label.text and label.rule not in self._bare for label in self.find_labels(text, raw))

    def opens_item(self, text: str, raw: str) -> bool:
        """Whether a line opens a new paragraph in hard-wrapped text: a
        label that reads a line's start (not in lower case), or a block that
        a line's first character announces (a bullet, a note, a time, a
        rule…; not the blocks known by their words, such as chrome, which a
        wrapped sentence may look like)."""
        if any(not label.name[:1].islower() for label in self.find_labels(text, raw, openers=True)):
            return True  # (a lower-case "country: the mRNA…" is a wrapped sentence)
        char = text[:1]
        rules = self._openers.get(char)
        if rules is None:
            rules = self._openers[char] = tuple(r for r in self._block_rules_for(char, False) if r.starts is not None)
        size = len(text)
        return any((rule.max_len is None or size <= rule.max_len) and rule.test(text) for rule in rules)


#: The built-in rules (registered by :mod:`transcripts.rules.labels` and
#: :mod:`transcripts.rules.blocks`).
DEFAULT_RULES = RuleSet()
