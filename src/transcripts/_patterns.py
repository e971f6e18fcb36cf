"""Every regular expression the parser uses, compiled once, commented.

All patterns are anchored and built from bounded quantifiers, so each runs in
time linear in the line it is given: no nested unbounded repetition.  They
match against normalised lines (see :mod:`transcripts._source`), in which runs
of whitespace are a single ASCII space.
"""

from __future__ import annotations

import regex

_F = regex.VERBOSE | regex.VERSION1

# ---------------------------------------------------------------------------
# Names
# ---------------------------------------------------------------------------

#: Lower-case particles that may sit inside a name: "Ursula van der Berg".
PARTICLES = frozenset(
    "van von der den de del della di da du dos das la le bin ibn al el ter ten y".split()
)

#: Honorifics written before a name: "Dr. Amara Okafor", "MR. SMITH".
TITLE_WORD = r"(?:Dr|Mr|Mrs|Ms|Mx|Prof|Rev|Sen|Rep|Gov|Gen|Col|Capt|Sir|Dame|Fr|Hon|Amb|St)\.?"

#: One word of a name.  Bounded in length so the whole name is bounded.
NAME_WORD = r"""
    (?:
        \p{Lu}[\p{L}\p{M}'’\-]{0,30}\.?        # Capitalised: O'Neil, Álvarez-Ruiz, Jr.
      | \p{Lu}\.                               # an initial: "J."
      | (?:van|von|der|den|de|del|della|di|da|du|dos|das|la|le|bin|ibn|al|el|ter|ten|y)
      | [\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]{1,8}   # 张伟
    )
"""

#: A full name: an optional honorific, then one to six words, single spaces.
NAME = rf"""
    (?:{TITLE_WORD}[ ])?
    (?:\p{{Lu}}[\p{{L}}\p{{M}}'’\-]{{0,30}}\.?|\p{{Lu}}\.|[\p{{Han}}\p{{Hiragana}}\p{{Katakana}}\p{{Hangul}}]{{1,8}})
    (?:[ ]{NAME_WORD}){{0,5}}
"""

# ---------------------------------------------------------------------------
# Labels: "Full Name: text"
# ---------------------------------------------------------------------------

#: "Jordan Schneider: Shashank, it seems…" -- a name, a colon, a space, text.
#: A label alone on its line ("Jordan Schneider:") has empty text.
NAME_COLON = regex.compile(
    rf"""
    ^(?P<name>{NAME})
    [ ]?:                    # the colon, perhaps after a stray space
    (?:[ ](?P<text>.+))?$    # a space then the speech, or nothing
    """,
    _F,
)

#: Words that often open a "Word: text" line but are never speakers.
FIELD_WORDS = frozenset(
    """
    summary outlook contact contacts vessels note notes update updates source sources
    date dates time location read listen share subscribe transcript related posted tags
    category categories topics topic chapters chapter links link email phone website web
    address price cost warning caution important tip tips example examples question
    answer status result results conclusion introduction abstract keywords
    description title subject agenda attendees present absent minutes action actions
    disclaimer copyright credits credit photo image video audio download watch follow
    episode show season part section step bonus correction editor
    """.split()
)

# ---------------------------------------------------------------------------
# Non-dialogue paragraphs
# ---------------------------------------------------------------------------

#: "(...)", "[…]", "..." alone: where the free part of a conversation ends.
ELISION = regex.compile(r"^[(\[]?[ ]?(?:\.[ ]?\.[ ]?\.|…)[ ]?[)\]]?$")

#: A paragraph wholly in square brackets: "[Jordan: export controls…]", also
#: in markdown emphasis: "*[Transcript edited for clarity.]*".
BRACKET_NOTE = regex.compile(r"^(?P<em>[*_]{0,2})\[(?P<body>[^\]]{1,2000})\](?P=em)$")

#: "Paid subscribers get access to the rest of the conversation…"
PAYWALL = regex.compile(
    r"""
    ^(?:
        Paid[ ]subscribers[ ]get
      | (?:This|The[ ]rest[ ]of[ ]this)[ ](?:post|episode|conversation|transcript)[ ]is[ ]for[ ]paid
      | Keep[ ]reading[ ]with
      | Subscribe[ ]to[ ](?:read|continue|unlock)
      | Become[ ]a[ ]paid[ ]subscriber
      | To[ ](?:continue|keep)[ ](?:reading|listening)
    )
    """,
    _F | regex.IGNORECASE,
)

#: The lead-in of an announced topic list: "We discuss…", "In this
#: interview, we discuss:", "…, where we discuss…".
TOPIC_LEAD = regex.compile(
    r"""
    (?:^|[,;][ ]|^In[ ]this[ ](?:interview|episode|conversation|show)[ ]?,?[ ])
    (?:where[ ])?we[ ](?:discuss|cover|talk[ ]about|get[ ]into|dig[ ]into|explore)
    [ ]?(?:…\.?|\.\.\.\.?|:|\.)?$
    """,
    _F | regex.IGNORECASE,
)

#: A list item: a bullet (•, ·, -, *, –) or a number, then the text.  The
#: bullet may be followed by several (no-break) spaces, folded already.
BULLET = regex.compile(r"^(?:[•·◦▪‣\-\*–]|\d{1,2}[.)])[ ]+(?P<text>\S.*)$")

#: A bare web address on its own line.
URL = regex.compile(r"^(?:<)?(?:https?://|www\.)\S{1,2000}$")

#: Month names (English, Portuguese, Spanish, French, German) for datelines.
_MONTHS = r"""
    (?:jan(?:uary|eiro|vier)?|feb(?:ruary)?|fev(?:ereiro)?|f[ée]v(?:rier)?|mar(?:ch|ço|zo|s)?|
       apr(?:il)?|abr(?:il)?|avr(?:il)?|may|mai(?:o)?|mayo|jun(?:e|ho|io)?|juin|jul(?:y|ho|io)?|juil(?:let)?|
       aug(?:ust)?|ago(?:sto)?|août|sep(?:t(?:ember)?|tiembre)?|set(?:embro)?|oct(?:ober)?|out(?:ubro)?|
       nov(?:ember|embro|iembre)?|dec(?:ember)?|dez(?:embro)?|dic(?:iembre)?|d[ée]c(?:embre)?|
       januar|februar|märz|juni|juli|oktober|dezember)\.?
"""

#: A dateline: a short line holding a month name and a day or a year, or an
#: ISO date.  "domingo, 2 de março de 2025", "February 13, 2025", "2025-02-13".
DATELINE = regex.compile(
    rf"""
    ^(?=.{{4,60}}$)
    (?:
        (?:\p{{L}}{{2,15}}-?\p{{L}}{{0,8}},[ ])?    # weekday: "domingo, ", "terça-feira, "
        (?:\d{{1,2}}(?:[ ]de)?[ ]{_MONTHS}(?:[ ]de)?,?[ ]\d{{4}}
          |{_MONTHS}[ ]\d{{1,2}}(?:st|nd|rd|th)?,?[ ]\d{{4}})
      | \d{{4}}-\d{{2}}-\d{{2}}
    )$
    """,
    _F | regex.IGNORECASE,
)

#: "This episode was recorded on Feb. 26, two days before…"
RECORDED = regex.compile(
    rf"""
    \b(?:was|were)[ ]recorded[ ](?:on|in)[ ]
    (?P<date>
        {_MONTHS}[ ]\d{{1,2}}(?:st|nd|rd|th)?(?:,?[ ]\d{{4}})?
      | \d{{1,2}}[ ]{_MONTHS}(?:[ ]\d{{4}})?
      | \d{{4}}-\d{{2}}-\d{{2}}
      | {_MONTHS}[ ]\d{{4}}
    )
    """,
    _F | regex.IGNORECASE,
)

#: A markdown heading: "## Topic".
MD_HEADING = regex.compile(r"^(?P<hashes>\#{1,6})[ ](?P<text>.{1,300})$")

#: A markdown rule or a line of dashes: "---", "***", "___".
RULE = regex.compile(r"^(?:[-*_][ ]?){3,40}$")

#: Sentence-final punctuation, to tell prose from a heading.
SENTENCE_END = regex.compile(r"[.!?:;,…\"”’]$")

#: "Trump's Pivot to Putin - Jordan Schneider, … (China Talk)": a post
#: title carrying a byline and the show in parentheses.
BYLINE_TITLE = regex.compile(r"^(?P<title>.{1,200}?)[ ][-–—][ ](?P<byline>.{1,400}?)(?:[ ]\((?P<show>[^()]{1,80})\))?$")

#: Who is interviewed and who hosts, in an intro paragraph.
GUEST_CUE = regex.compile(
    r"""
    \b(?:interview(?:ed|s|ing)?(?:[ ]with)?|joined[ ]by|joining[ ](?:me|us)[ ](?:is|are|today)|
        (?:my|our)[ ]guests?[ ](?:today[ ])?(?:is|are|was|were)|welcom(?:e|ed|es)|
        (?:spoke|speaks|speak|talked|talks|chatted|sat[ ]down)[ ](?:to|with)|
        conversation[ ]with|in[ ]conversation[ ]with)[ ]
    """,
    _F | regex.IGNORECASE,
)
HOST_CUE = regex.compile(
    r"""
    \b(?:co-?host(?:ing|ed|s)?(?:[ ]today)?[ ](?:is|are|was|by)|hosted[ ]by|conducted[ ]by|
        your[ ]host(?:s)?(?:[ ]is|[ ]are)?|I'm[ ]your[ ]host,?|I[ ]am[ ]your[ ]host,?)[ ]
    """,
    _F | regex.IGNORECASE,
)

#: A name mention in prose (two to four capitalised words).
NAME_MENTION = regex.compile(
    rf"""
    (?<![\p{{L}}\p{{M}}'’\-])
    (?P<name>(?:{TITLE_WORD}[ ])?\p{{Lu}}[\p{{L}}\p{{M}}'’\-]{{0,30}}
       (?:[ ](?:(?:van|von|der|den|de|del|da|di|du|le|la|bin|al)[ ]){{0,2}}\p{{Lu}}[\p{{L}}\p{{M}}'’\-]{{0,30}}){{1,3}})
    (?![\p{{L}}\p{{M}}])
    """,
    _F,
)
