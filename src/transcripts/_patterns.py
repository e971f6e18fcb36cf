"""Every regular expression the parser uses, compiled once, commented.

All patterns are built from bounded quantifiers, and all but the few that
search within a paragraph (intro cues, name mentions, topic lead-ins) are
anchored, so each runs in time linear in the text it is given: no nested
unbounded repetition.  They
match against normalised lines (see :mod:`transcripts._source`), in which runs
of whitespace are a single ASCII space.
"""

from __future__ import annotations

from typing import Any, cast

import regex

from . import words as W

_F = regex.VERBOSE | regex.VERSION1

#: What a pattern offers, copied onto its stand-in when it is compiled.
_PATTERN_ATTRIBUTES = (
    "match", "fullmatch", "search", "finditer", "findall", "sub", "subn", "split", "splititer",
    "pattern", "flags", "groups", "groupindex", "scanner",
)


class _Deferred:
    """A pattern compiled the first time it is used: a process that reads
    one kind of document (or only prints ``--help``) compiles only the
    patterns it needs, and every batch worker starts sooner.  Compiling
    copies the pattern's methods onto this object, so that later calls cost
    what calls on the pattern cost."""

    def __init__(self, source: str, flags: int) -> None:
        self._source = (source, flags)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") or name == "_source":
            raise AttributeError(name)
        compiled = regex.compile(*self._source)
        for attribute in _PATTERN_ATTRIBUTES:
            setattr(self, attribute, getattr(compiled, attribute))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"compile_lazily({self._source[0]!r})"


def compile_lazily(source: str, flags: int = 0) -> "regex.Pattern[str]":
    """``regex.compile(source, flags)``, put off until the pattern is used.

    A case-insensitive pattern folds case simply, one character for one
    ("MARÇO" is "março"), not fully ("ß" is not "ss"): the words they match
    need no more, and full folding triples the time a pattern takes to
    compile."""
    if flags & regex.IGNORECASE:
        source = "(?-f)" + source
    return cast("regex.Pattern[str]", _Deferred(source, flags))


# ---------------------------------------------------------------------------
# Names
# ---------------------------------------------------------------------------

#: The particles as a pattern, longest first, and the scripts without case
#: whose words may make up a name.
_PARTICLE = "(?:" + "|".join(sorted(W.PARTICLES, key=len, reverse=True)) + ")"
_CJK = r"\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}"

#: Honorifics written before a name: "Dr. Amara Okafor", "MR. SMITH".
TITLE_WORD = "(?:" + "|".join(sorted((w.capitalize() for w in W.HONORIFICS), key=len, reverse=True)) + r")\.?"

#: One word of a name.  Bounded in length so the whole name is bounded.
NAME_WORD = rf"""
    (?:
        \p{{Lu}}[\p{{L}}\p{{M}}'’\-]{{0,30}}\.?      # Capitalised: O'Neil, Álvarez-Ruiz, Jr., J.
      | &                                      # a joint label: "Adam & Jen"
      | {_PARTICLE}(?=[ ])                     # van, der, de la…
      | [{_CJK}]{{1,8}}                        # 张伟
    )
"""



def _delivery_mark(word: str) -> str:
    """A delivery mark of :data:`transcripts.words.DELIVERY_MARKS` as it is
    written: "os" as "O.S.", "O. S.", "OS"; "contd" as "CONT'D", "Cont'd."."""
    letters = [f"[{c.upper()}{c}]" for c in word]
    if len(word) == 2:
        return rf"{letters[0]}\.?[ ]?{letters[1]}\.?"
    if word.endswith("d"):
        return "".join(letters[:-1]) + "['’]?" + letters[-1] + r"\.?"
    return "".join(letters) + r"\.?"


#: A script's mark after a name on its own line, how the line is
#: delivered: "ELENA (O.S.)", "MARCUS (V.O.)", "SAM (CONT'D)": the marks
#: of :data:`transcripts.words.DELIVERY_MARKS`, which :mod:`transcripts.slots`
#: leaves out of the name.
DELIVERY = r"[ ]\((?:" + "|".join(_delivery_mark(w) for w in sorted(W.DELIVERY_MARKS, key=lambda w: (-len(w), w))) + r")\)"

#: A full name: one to six words, single spaces, perhaps a number
#: ("Speaker 1").  An honorific ("Dr.", "Mr.") is a capitalised word too.
NAME = rf"""
    (?:{_PARTICLE}[ ]){{0,2}}                  # "du Châtelet", "de la Cruz", "van Gogh"
    (?:\p{{Lu}}[\p{{L}}\p{{M}}'’\-]{{0,30}}\.?|[{_CJK}]{{1,8}})
    (?:[ ]{NAME_WORD}){{0,7}}
    (?:[ ]\d{{1,3}})?
"""

#: A name in capitals: "STEVE INSKEEP", "MR. SMITH", "THE PRESIDENT",
#: "BELL 7", "JOSÉ ÁLVAREZ-RUIZ".  No lower-case letter anywhere.
CAP_NAME = rf"""
    (?:\p{{Lu}}[\p{{Lu}}\p{{M}}\p{{N}}'’\-]{{0,30}}\.?|[{_CJK}]{{1,8}})
    (?:[ ](?:\p{{Lu}}[\p{{Lu}}\p{{M}}\p{{N}}'’\-]{{0,30}}\.?|\d{{1,3}}|&|[{_CJK}]{{1,8}})){{0,7}}
"""

#: A role word after a name in capitals: "STEVE INSKEEP, HOST:".
CAP_ROLE = r"\p{Lu}[\p{Lu}\-]{1,20}(?:[ ]\p{Lu}[\p{Lu}\-]{1,20}){0,2}"

#: A clock time: "0:03", "01:02:03", "0:00:14.1", "00:00:00:01".
TIME = r"\d{1,3}(?::\d{1,2}){1,3}(?:[.,]\d{1,3})?"

#: What stands between the two times of a span: "00:01 - 00:04", Whisper's
#: "[00:00.000 --> 00:04.000]".
SPAN_TO = r"[ ]?(?:-->|[-–])[ ]?"

#: A clock time as Otter and its peers write it after a name: "0:03", "01:02:03".
_CLOCK_TIME = r"\d{1,2}:\d{2}(?::\d{2})?"

# ---------------------------------------------------------------------------
# Labels.  A label rule's pattern reads the label's *slot* loosely (any short
# run of words, a qualifier in parentheses, a credential after a comma) and
# the markup, delimiter and time around it exactly; what the slot holds is
# judged by :mod:`transcripts.slots` and by the evidence of the whole
# document.  Label patterns match the label only: the speech is the rest of
# the paragraph.
# ---------------------------------------------------------------------------

#: One word of a label slot: letters, digits and the marks names and
#: handles use ("O'Neil", "Garrett-Harris", "J.", "sipa_", "Speaker #2"),
#: and symbols some write in a name ("Paul Frazee✌").
_SLOT_WORD = r"[\p{L}\p{M}\p{N}\p{So}\p{Sk}\u200d'’\-.&/_@#+]{1,30}"

#: A label as a document writes it: up to eight words (or "?"), perhaps a
#: qualifier in parentheses ("CAPCOM (Guam)") and a credential or role
#: after a comma ("Ruth Okafor, PhD", "STEVE INSKEEP, HOST").
SLOT = rf"""
    (?:{_SLOT_WORD}|\?{{1,3}})(?:[ ]{_SLOT_WORD}){{0,7}}
    (?:[ ]\([^()\n:*]{{1,40}}\)){{0,2}}
    (?:,[ ][^,:()*\n]{{1,40}})?
"""

#: A speech recogniser's speaker label: "SPEAKER_00", "spk_0",
#: "Speaker_1".  Kept as written (never put in normal case), so that it
#: can be named.
DIARISED = compile_lazily(r"^(?i:speaker|spkr|spk)[_-]?[0-9]{1,3}$")

#: A numbered speaker as recognisers and editors write it: "Speaker 1",
#: "SPEAKER_00", "spk 2".
NUMBERED_SPEAKER = compile_lazily(r"^(?i:speaker|spkr|spk)[ _-]?[0-9]{1,3}$")

#: A time, perhaps bracketed or escaped, and nothing else: the rest of a
#: label line whose speech is below it ("Ines Caro: 00:00:00").
TIME_REST = compile_lazily(rf"^\\?[\[(]?{TIME}\\?[\])]?$")

#: Two such times and "to" or a dash between them, and nothing else: the
#: span of a clip or a jingle ("**Jingle:** \\[56:55\\] to \\[57:12\\]").
TIME_SPAN_REST = compile_lazily(rf"^\\?[\[(]?(?P<a>{TIME})\\?[\])]?[ ]?(?:to|[-–—])[ ]?\\?[\[(]?{TIME}\\?[\])]?$")

#: "Jordan Schneider: Shashank, it seems…", "STEVE INSKEEP, HOST:",
#: "roasbeef: It's good to be here.", "Audience member: …" -- a label, a
#: colon (perhaps after a stray space), then a space and speech or nothing.
#: Meeting notes write the label after a bullet, broadcast captions after
#: ">>" (a new speaker); a briefing's first label may follow the time of
#: day on its line.
#: A time of day before a label on its line: "5:19 P.M. EDT MODERATOR: …".
_CLOCK = r"\d{1,2}:\d{2}[ ]?[AaPp]\.?[Mm]\.?(?:[ ][A-Z]{2,4})?"

#: A parliament's question number before the member's label: "Q1.
#: [901234] Ann Lee (Bath) (LD): …" (a prime minister's and a topical
#: question, "T2.", with the question's reference), "3. [901250] Ann Lee
#: …", and "3. Ann Lee (Bath) (LD): …" before a seat and a party.
_QUESTION_NUMBER = r"""(?:
    [QT]\d{1,3}\.(?:[ ]\[\d{1,8}\])?
  | \d{1,3}\.[ ]\[\d{1,8}\]
  | \d{1,3}\.(?=[ ][^():\n]{1,60}[ ]\([^()\n]{1,40}\)[ ]\([^()\n]{1,20}\):[ ])
)"""

COLON = compile_lazily(
    rf"""
    ^(?:(?P<prefix>{_CLOCK})[ ]|(?P<prefix>{_QUESTION_NUMBER})[ ]|[-*•][ ]|[—–][ ]?|>>>?[ ]?)?  # a time of day, a question's number, a list's bullet ("- audience: …"), a dialogue dash ("— Anne :"), a caption's ">>"
    (?P<open>\[)?(?P<name>{SLOT})(?(open)\])   # "[Audience]:" too
    (?:[ ]?:(?:[ ]|$)|：[ ]?)                  # a full-width colon ("主持人：") needs no space

    """,
    _F,
)

#: A bare "Q" for an unnamed reporter, as written: "Q  Thank you" (two
#: spaces or a no-break space after it; matched on the raw line), or one
#: space before a capital ("Q Cookies!"); and the "Q. … A. …" of court and
#: deposition transcripts ("A." needs its stop or two spaces: "A New York
#: paper" is speech).
BARE_Q = compile_lazily(
    r"^[ \t\u00a0]*(?:(?P<name>Q)\.?(?:[ \t]*\u00a0[ \t\u00a0]*|[ \t]{2,}|[ \t]*$|[ ](?=[\p{Lu}\"“(\[¿¡\d]))"
    r"|(?P<answer>A)(?:\.[ \t\u00a0]+(?=\S)|[ \t]*\u00a0[ \t\u00a0]*|[ \t]{2,}))"
)

#: "Q - Are you hiring?", "A - The way we…": questions and answers with a dash.
QA_DASH = compile_lazily(r"^(?P<name>Q|A)[ ][-–—][ ](?=\S)")

#: "Speaker 1 [00:00:05] text", "Name [01:02:03]" alone: a label and a
#: bracketed time, no markup.
NAME_BRACKET_TIME = compile_lazily(
    rf"""
    ^(?P<name>{SLOT})[ ]\\?\[(?P<time>{TIME})\\?\]:?
    (?:[ ]|$)
    """,
    _F,
)

#: "Stephan Livera – 00:03:20:" alone on its line, the speech below.
NAME_DASH_TIME = compile_lazily(
    rf"""
    ^(?P<name>{SLOT})[ ][-–—|][ ](?P<time>{TIME}):?$
    """,
    _F,
)

#: Markdown bold labels: "**Name:** text", "**Name**: text", "__Name:__",
#: "**Name** 00:37:24" (a bold name, then only a time), and a bold that
#: closes late, "**Name: I**ndeed"; their variants in italics ("*Name:*
#: text", "***Name:*** text"), in a list ("- **Name:** text") and in a
#: blockquote ("> **Name:** text").
MD_BOLD_COLON = compile_lazily(
    rf"""
    ^(?P<list>[-*+•>][ ])?                      # a list's bullet or a blockquote's mark
    [^\s*_\p{{L}}]?(?P<b>\*{{1,3}}|_{{1,3}})       # (a stray character before it: "1**Chris:**")
    (?P<name>{SLOT})
    [ ]?(?::(?P=b)|(?P=b)[ ]?:|(?P=b)(?=[ ]\\?[\[(]?{TIME}\\?[\])]?$)|(?P<late>:)(?=[ ]\S))
    [ ]?                     # the speech may follow without a space: "**Ann:**…"
    """,
    _F,
)

#: "**Name (00:00:31)** text", "**Name (00:00:31):** text" and
#: "**Name** (00:00:31): text".
MD_BOLD_TIME = compile_lazily(
    rf"""
    ^\*\*(?P<name>{SLOT})
    (?:[ ]\((?P<time>{TIME})\):?\*\*:?|\*\*:?[ ]\((?P<time>{TIME})\):?)   # the time inside the bold or after it
    (?:[ ]|$)
    """,
    _F,
)

#: "**Lindsey** [0:00] text": a bold name, no colon, a bracketed time.
BOLD_BRACKET_TIME = compile_lazily(
    rf"""
    ^\*\*(?P<name>{SLOT})\*\*:?[ ]?\\?\[(?P<time>{TIME})\\?\]
    (?:[ ]|$)
    """,
    _F,
)

#: "0:00:14.1 **Adam Garrett-Harris** text": a time, then a bold name.
TIME_BOLD = compile_lazily(
    rf"""
    ^\\?\[?(?P<time>{TIME})\\?\]?[ ]\*\*(?P<name>{SLOT}):?\*\*:?
    (?:[ ]|$)
    """,
    _F,
)

#: "[00:12:34] Name: text" (also "[00:12:34] NAME:", escaped "\[…\]" and
#: Zoom's "00:00:05 Name: text" without brackets).
BRACKET_TIME_NAME = compile_lazily(
    rf"""
    ^(?P<bo>\*\*)?                                      # all in bold: "**[00:00:05] Ann:** …"
    (?:\\?[\[(](?P<time>{TIME})(?:{SPAN_TO}{TIME})?\\?[\])]|(?P<bare>{TIME}))[ ]   # "00:00:05 Ann: …", "(00:05) Ann: …", a span
    (?P<name>{SLOT})(?(bo)(?::\*\*|\*\*:)|[ ]?:)
    (?:[ ]|$)
    """,
    _F,
)

#: "[00:00:03.12] Alex Smith" or "00:00:03 Alex Smith" alone on its line,
#: the speech below (Happy Scribe, Trint, Google Meet exports).
TIME_NAME = compile_lazily(
    rf"""
    ^\\?\[?(?P<time>{TIME})\\?\]?[ ](?:[-–—|][ ])?(?P<name>{NAME}|{CAP_NAME})$
    """,
    _F,
)

#: "00:00:07 Alex Smith - Hello everyone.", "[00:07] Alex Smith — Hello.": a
#: time, a name and a dash, the speech after it on the same line.
TIME_NAME_DASH = compile_lazily(
    rf"""
    ^\\?[\[(]?(?P<time>{TIME})\\?[\])]?[ ](?P<name>{NAME}|{CAP_NAME})[ ][-–—][ ](?=\S)
    """,
    _F,
)

#: A chat log's line: "<roasbeef> so the agenda", "[10:02] <t-bast> Hi",
#: "10:02 <@cdecker> Yes" (the time is the time of day; "@" and "+" are
#: the nick's channel modes).
IRC = compile_lazily(
    rf"""
    ^(?:\\?\[?{TIME}\\?\]?[ ])?<[@+%~&]?[ ]?(?P<name>[\p{{L}}\p{{N}}_\-\[\]^{{}}|`.]{{1,30}})>[ ](?=\S)
    """,
    _F,
)

#: "Alex Smith 00:03 Hello everyone.", "Speaker 1 00:00:09 Thanks.": a name
#: and its start time, the speech after them on the same line (a plain-text
#: export whose columns the normalised spaces joined).  A time of day
#: ("Remarks 1:10 P.M.") is no start.
NAME_TIME_TEXT = compile_lazily(
    rf"""
    ^(?P<name>{NAME}|{CAP_NAME})[ ](?P<time>{_CLOCK_TIME})[ ](?=[^\s\d\-–—])(?![AaPp]\.?[Mm]\b)  # not "END 1:10 P.M."
    """,
    _F,
)

#: A row of a markdown table whose cells are the speaker and the speech,
#: perhaps after a time: "| 0:03 | Alex Smith | Hello. |", "| **Alex** | Hi |".
TABLE_ROW = compile_lazily(
    rf"""
    ^\|[ ]?(?:\[?(?P<time>{TIME})\]?[ ]?\|[ ]?)?
    (?P<mark>\*\*|__)?(?P<name>{SLOT})(?P=mark)?[ ]?\|[ ]?(?=[^\s|])
    """,
    _F,
)

#: A page's number alone on its line: "Page 12", "PAGE 12 of 80", "- 12 -".
PAGE_NUMBER = compile_lazily(r"^(?:(?i:page|pg\.?)[ ]\d{1,5}(?:[ ](?:of|/)[ ]\d{1,5})?|-[ ]?\d{1,5}[ ]?-)$")

#: A court record's line naming who examines from here on: "BY MS. ORTIZ:",
#: "CROSS-EXAMINATION BY MR. LEE:", "(By Mr. Lee)"; the Q. below is theirs.
EXAMINER = compile_lazily(
    r"""^\(?(?:(?:(?i:direct|cross|redirect|recross|further|continued)[ -]){0,3}(?i:examination)[ ])?
    (?i:by)[ ](?i:"""
    + "|".join(sorted(W.HONORIFICS, key=len, reverse=True))
    + r""")\.?[ ]\p{Lu}[\p{L}'’\-]{0,30}(?:[ ]\p{Lu}[\p{L}'’\-]{0,30}){0,3}\)?:?$""",
    _F,
)

#: The rule under a markdown table's header row: "|------|:---:|", "--- | ---".
TABLE_RULE = compile_lazily(r"^\|?[ ]?:?-{3,80}:?[ ]?(?:\|[ ]?:?-{3,80}:?[ ]?){1,30}\|?$")

#: "[Alex Smith] 10:02:15" alone on its line, the speech below (Zoom).
BRACKET_NAME_TIME = compile_lazily(
    rf"""
    ^\[(?P<name>{SLOT})\][ ](?P<time>{TIME})$
    """,
    _F,
)

#: "[Alex Smith] Hello everyone.": a bracketed name and the speech (a
#: colon after it, "[Audience]: …", as a colon label reads it too).
BRACKET_NAME = compile_lazily(
    rf"""
    ^\[(?P<name>{SLOT})\]:?[ ](?=[^\s\d])
    """,
    _F,
)

#: "Alex Smith — Hello everyone.": a label and a dash (en or em).
NAME_DASH = compile_lazily(
    rf"""
    ^(?P<name>{SLOT})[ ][—–][ ](?=\S)
    """,
    _F,
)

#: Rev: "Speaker 1 (00:00): text", "Name (01:02:03):" alone, and "Name
#: (00:01:02) text" without the colon.
NAME_PAREN_TIME = compile_lazily(
    rf"""
    ^(?P<name>{SLOT})[ ]\((?P<time>{TIME})\):?
    (?:[ ]|$)
    """,
    _F,
)

#: A title of a congressional or court record, before a surname in capitals.
_RECORD_TITLE = "(?i:" + "|".join(sorted(W.RECORD_TITLES, key=len, reverse=True)) + r")\.?"

#: A word in capitals of at least two letters: "HOLLIS", "JACKSON-LEE".
_CAPS_WORD = r"\p{Lu}[\p{Lu}\p{M}'’\-]{1,30}"

#: Records' labels end with a full stop: "Chairman HOLLIS.", "Mr. BRANDT.",
#: "CHAIR WEXLER.", "The CHAIRMAN.", "Ms. JACKSON LEE.", inline before the
#: speech or alone with the speech below.
NAME_PERIOD = compile_lazily(
    rf"""
    ^(?P<name>(?P<title>(?:{_RECORD_TITLE}[ ]){{0,2}}){_CAPS_WORD}(?:[ ]{_CAPS_WORD}){{0,3}})
    \.(?:[ ]|$)
    """,
    _F,
)

#: Otter: "Emma  0:03" alone on a line, the text below; some tools write the
#: range, "Emma 00:00:01 - 00:00:05", and chat exports the time of day,
#: "Emma  10:02 AM"; some mark the time, "Emma *0:03*", "Emma · 0:03".
OTTER = compile_lazily(
    rf"^(?P<name>{NAME}(?:[ ]\([^()\n:*\d]{{1,30}}\))?)[ ](?:[·•][ ])?(?P<mark>[*_]{{1,2}}\(?)?(?P<time>{_CLOCK_TIME})(?:[ ]?[-–—][ ]?{_CLOCK_TIME})?(?P<day>[ ]?[AaPp]\.?[Mm]\.?)?(?(mark)\)?[*_]{{1,2}})$",  # a time or its range
    _F,
)

#: Emphasis around a word of a marked label: "**", "*", "__", "_" (and bold italics).
_EMPHASIS = r"(?:\*{1,3}|_{1,3})?"

#: What may stand between a name and its time: a middle dot, a bullet, a
#: bar or a dash ("**Ann Lee** · 00:01:23").
_NAME_TIME_SEP = r"(?:[·•|\-–—][ ])?"

#: A marked name and its time alone on a line, in either order, the speech
#: below: "**Ann Lee** *00:01:23*", "### Ann Lee 00:01:23", "**[00:01:23]
#: Ann Lee:**", "**Ann Lee** · 00:01:23".  A name without markup before its
#: time is Otter's ("Ann Lee *00:01:23*" too), a time before one the
#: time-name rule's.
MARKED_NAME_TIME = compile_lazily(
    rf"""
    ^(?:\#{{1,6}}[ ])?{_EMPHASIS}
    (?:(?P<name>{NAME}|{CAP_NAME}){_EMPHASIS}:?{_EMPHASIS}[ ]{_NAME_TIME_SEP}{_EMPHASIS}\\?[\[(]?(?P<time>{TIME})\\?[\])]?
      | \\?[\[(]?(?P<time>{TIME})\\?[\])]?{_EMPHASIS}[ ]{_NAME_TIME_SEP}{_EMPHASIS}(?P<name>{NAME}|{CAP_NAME})
    ){_EMPHASIS}:?{_EMPHASIS}$
    """,
    _F,
)

#: A marked name alone on its line, the speech in the paragraphs below:
#: "**Marisol Vega**", "__Marisol Vega__", "### Marisol Vega" (or "###
#: **Marisol Vega**").
MARKED_OWN_LINE = compile_lazily(
    rf"""
    ^(?:(?P<b>\*\*|__)(?P<name>{SLOT})(?P=b)
      | (?P<h>\#{{1,6}})[ ](?P<hb>\*\*)?(?P<name>{SLOT})(?(hb)\*\*)
    )$
    """,
    _F,
)

#: A name alone on its line, the text below: "Marisol Vega", "STEVE
#: INSKEEP", "STEVE INSKEEP, HOST".
OWN_LINE = compile_lazily(
    rf"""
    ^(?P<name>(?:{NAME}|{CAP_NAME})(?:{DELIVERY}){{0,2}})          # a script's "ELENA (O.S.)"
    (?:,[ ](?P<role>{CAP_ROLE}|[Hh]ost|[Gg]uest)
      |[ ]--[ ](?P<title>\p{{Lu}}[^\n]{{0,60}}))?$   # an earnings call's "Jane Doe -- Chief Financial Officer"
    """,
    _F,
)



# ---------------------------------------------------------------------------
# Non-dialogue paragraphs
# ---------------------------------------------------------------------------

#: A screenplay's scene heading (slugline), in capitals: "INT. KITCHEN -
#: NIGHT", "EXT. RIVERBANK - CONTINUOUS", "INT./EXT. CAR - DAY", "I/E VAN".
#: A paragraph bold from end to end: "**How did you begin?**" (a
#: newspaper interview's question).
BOLD_PARAGRAPH = compile_lazily(r"^(?P<b>\*\*|__)(?P<text>[^*_\s][^\n]{0,400})(?P=b)$")

#: A script's delivery mark ending a name as written: "SAM (CONT'D)".
DELIVERY_END = compile_lazily(rf"{DELIVERY}$")

SLUGLINE = compile_lazily(r"^(?:INT\.?/EXT|EXT\.?/INT|INT|EXT|I/E)\.?[ ][^\p{Ll}\n]{2,100}$")

#: "(...)", "[…]", "..." alone: where the free part of a conversation ends.
ELISION = compile_lazily(r"^\\?[(\[]?[ ]?(?:\.[ ]?\.[ ]?\.|…)[ ]?\\?[)\]]?$")

#: A paragraph wholly in square brackets: "[Jordan: export controls…]", also
#: in markdown emphasis: "*[Transcript edited for clarity.]*".
BRACKET_NOTE = compile_lazily(r"^(?P<em>[*_]{0,2})\\?\[(?P<body>[^\]\\]{1,2000})\\?\](?P=em)$")

#: "Paid subscribers get access to the rest of the conversation…"
PAYWALL = compile_lazily(
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
TOPIC_LEAD = compile_lazily(
    r"""
    (?:^|[,;][ ]|^In[ ]this[ ](?:interview|episode|conversation|show)[ ]?,?[ ])
    (?:where[ ])?we[ ](?:discuss|cover|talk[ ]about|get[ ]into|dig[ ]into|explore)
    [ ]?(?:…\.?|\.\.\.\.?|:|\.)?$
    """,
    _F | regex.IGNORECASE,
)

#: A list item: a bullet (•, ·, -, *, –) or a number, then the text.  The
#: bullet may be followed by several (no-break) spaces, folded already.
BULLET = compile_lazily(r"^(?:[•·◦▪‣\-\*–]|\d{1,2}[.)])[ ]+(?P<text>\S.*)$")

#: Emphasis marks around numbers and no word: "\*\*3", "\*\*12:30-end".
STRAY_MARKER = compile_lazily(r"^(?:\\?[*#]){1,3}(?=[^\p{L}]*\d)[\d:.,\-–]{1,12}(?:[ -]?\p{L}{1,3})?(?:\\?\*){0,3}$")

#: A bare web address on its own line.
URL = compile_lazily(r"^(?:<)?(?:https?://|www\.)\S{1,2000}$")

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
DATELINE = compile_lazily(
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
RECORDED = compile_lazily(
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

#: A clock time and nothing else.
TIME_ONLY = compile_lazily(rf"^{TIME}$")

#: A bracketed time opening a paragraph: "[08:02] ", "\[08:02\] ",
#: "(00:00:27) ".  A bare "10:30 works for me" is speech, not a time stamp.
LEADING_TIME = compile_lazily(
    rf"""
    ^(?P<stamp>\\?\[(?P<a>{TIME})\\?\]|\((?P<b>{TIME})\))
    (?:[ ]+|$)
    """,
    _F,
)

#: A time alone on its line: "[00:00:00:01]", "(00:12:34)", "\[08:02\]",
#: before the count ends "[-00:00:00:05]", with tenths "[00:01:02:03.4]".
TIME_LINE = compile_lazily(rf"^\\?[\[(]?-?{TIME}\\?[\])]?$")

#: A video editor's timecode span alone on its line (Premiere Pro's
#: transcript export, "00:00:05:12 - 00:00:09:20"): hours, minutes,
#: seconds and frames, ";" before the frames where they drop.
TIMECODE = r"(?P<h>\d{2})[:;](?P<m>\d{2})[:;](?P<s>\d{2})[:;](?P<f>\d{2})"
TIMECODE_SPAN = compile_lazily(rf"^\[?{TIMECODE}\]?[ ]?[-–][ ]?\[?\d{{2}}[:;]\d{{2}}[:;]\d{{2}}[:;]\d{{2}}\]?$")

#: A line of speech that opens with its time or its span, bare or
#: bracketed (a bracket that opens closes): "00:00:07 Welcome back…",
#: "[0:07] Welcome…", Whisper's "[00:00.000 --> 00:04.000]  Welcome…".
TIMED_LINE = compile_lazily(rf"^\\?([\[(])?(?P<time>{TIME})(?:{SPAN_TO}{TIME})?(?(1)\\?[\])])[ ](?=\S)")

#: A clock time of day alone: "1:27 P.M. EDT", "END 6:45 P.M. EST".
CLOCK_LINE = compile_lazily(r"^(?:END[ ])?\(?\d{1,2}:\d{2}[ ]?[AaPp]\.?[Mm]\.?(?:[ ][A-Z]{2,4})?\)?$")

#: A paragraph wholly in parentheses or brackets: "(LAUGHTER)", "[laughs]",
#: "(Applause.)", "(Intro music: Electro Swing)", "(As interpreted.)".
PARENTHETICAL = compile_lazily(
    r"^(?P<em>[*_]{0,2})\\?[(\[]{1,2}(?P<body>[^()\[\]\\]{1,2000})\\?[)\]]{1,2}\.?(?P=em)(?:[ ]\\?\[\d{1,3}(?::\d{1,2}){1,3}(?:[.,]\d{1,3})?\\?\])?$"
)

#: Inline markup in brackets around a word of speech: "[glossary:SECO]".
INLINE_TAG = compile_lazily(r"^[a-z][a-z_\-]{0,20}:\S")

#: A parenthetical opening a paragraph of speech: "(As interpreted.)  I…".
LEADING_PARENTHETICAL = compile_lazily(r"^\\?[(\[](?P<body>[^()\[\]\\]{1,300})\\?[)\]]\.?[ ](?P<rest>\S.*)$")

#: What makes a parenthetical a sound event rather than an editor's note.
EVENT_WORDS = compile_lazily(
    r"""
    ^(?:laugh|chuckl|giggl|applau|sigh|cough|cheer|crosstalk|cross-talk|cross[ ]talk|   # stems
        (?:soundbite|sound|music|intro[ ]music|outro|theme|inaudible|unintelligible|indiscernible|
           silence|pause|clears[ ]throat|beep|static|overlapping|crying|singing|sings|break|ad[ ]break|
           clip|video|audio|ringing|off[ ]mic|off-mic|noise|technical[ ]difficulties|end[ ]of)\b)
    """,
    _F | regex.IGNORECASE,
)

#: An ad break: "**Break:** \[13:19\]", "AD BREAK", "[Break]".
BREAK = compile_lazily(
    rf"""
    ^(?:\*\*|__)?(?:Break|Ad[ ]break|Sponsor[ ]break|Commercial[ ]break|Mid-?roll|BREAK|AD[ ]BREAK)
    (?:\*\*|__)?:?(?:\*\*|__)?
    (?:[ ]\\?[\[(]?{TIME}\\?[\])]?)?$
    """,
    _F,
)

#: A segment marker: a short name and only a time or a span of times,
#: "**Song extract:** \[01:07:46.23\]", "Outro: \[55:34\]", "**Break:** \[34:12\] to
#: \[36:18\]".  A speaker's label with only a time is read as a label first.
_STAMP = rf"\\?[\[(]{TIME}\\?[\])]"
MARKER = compile_lazily(
    rf"""
    ^(?:\*\*|__)?\p{{L}}[^:*_\n]{{0,40}}(?:\*\*|__)?:?(?:\*\*|__)?
    [ ]{_STAMP}(?:[ ](?:to|-|–)[ ]{_STAMP})?$
    """,
    _F,
)

#: A metadata line some archives keep: "_page: 42", "_page : 77", "_note:".
META_LINE = compile_lazily(r"^_[a-z][a-z_]{0,30}[ ]?:(?:[ ]\S.{0,2000})?$")

#: A field whose value is a link: "Podcast: https://…", "Slides: <https://…>",
#: "Transcript: [here](https://…)"; the field's name is at most five words.
LINK_FIELD = compile_lazily(
    r"^(?:\*\*)?[^\s:*]{1,30}(?:[ ][^\s:*]{1,30}){0,4}:(?:\*\*)?[ ](?:<?(?:https?://|www\.)\S{1,2000}|\[[^\]\n]{0,200}\]\(\S{1,2000}\))$"
)

#: A short field: "Start time: 6:09:50", "Video:", "**Location:** Room 4".
FIELD_LINE = compile_lazily(r"^(?:\*\*)?(?P<key>_?\p{Lu}[\p{L}\- ]{0,30}?)(?:\*\*)?[ ]?:(?:\*\*)?(?:[ ].{0,100})?$")

#: A line of structured data left in a page: "{", "],", '"caption": "…",'.
DATA_LINE = compile_lazily(r"""^(?:[\[\]{}],?|"[A-Za-z_][\w\-]{0,40}"[ ]?:[ ].{0,500})$""")

#: Page chrome: navigation, sharing, comments, footers, trailers.  Words
#: that also open sentences ("Next, …", "Listen, …") count only before a
#: colon or alone; the phrases of the second group may run on.
CHROME = compile_lazily(
    r"""
    ^(?:
        (?:Share(?:[ ]this)?(?:[ ](?:episode|post|article))?|Listen(?:[ ]now)?(?:[ ]on)?|Subscribe|
           Follow(?:[ ]us)?|Related(?:[ ](?:episodes?|posts?|articles?|content|links))?|Tags|Tagged|
           Filed[ ]under|Categor(?:y|ies)|Comments?|Leave[ ]a[ ](?:comment|reply)|Reply|Sign[ ](?:in|up)|
           Log[ ]in|Skip[ ]to(?:[ ](?:main[ ])?content)?|Back[ ]to[ ]top|Menu|Previous(?:[ ](?:episode|post))?|
           Next(?:[ ](?:episode|post))?|Download(?:[ ](?:MP3|audio|transcript))?|Privacy(?:[ ]policy)?|
           Terms(?:[ ]of[ ](?:use|service))?|Newsletter|Show[ ]notes|Summary|Outlook|Contact(?:[ ]us)?|Links|
           Sponsors?|Support[ ]the[ ]show|Home|About|Archive|Search)
        [ ]?(?::|$)
      | (?:Posted|Published)[ ](?:on|in|by)[ ]
      | (?:Listen|Subscribe|Share)[ ](?:on|to|now|via)[ ]
      | Transcri(?:bed|pt)[ ](?:by|with|using|generated)[ ]
      | (?:Copyright|©|\(c\)[ ]\d{4}|All[ ]rights[ ]reserved)
      | \d{1,5}[ ](?:comments?|replies|likes|shares)(?:[ ]?[·|•].{0,60})?$
      | Thanks[ ]for[ ]reading[ ]
    )
    """,
    _F | regex.IGNORECASE,
)

#: A newsletter's footer: "ChinaTalk is a reader-supported publication."
PUBLICATION_FOOTER = compile_lazily(
    r"^.{1,80}?[ ]is[ ]a[ ]reader-supported[ ]publication\b",
    _F | regex.IGNORECASE,
)


#: "Note: …", "Editor's note: …", "Correction: …": an editor's note.
NOTE_LINE = compile_lazily(
    r"^(?:\*{1,2}|_{1,2})?(?:Note|Editor['’]s[ ]note|Correction|Update|Clarification|Disclaimer)(?:\*{1,2}|_{1,2})?:",
    _F | regex.IGNORECASE,
)

#: A participants line: "Participants: Marisol Vega (MV), coastal engineer; …".
PARTICIPANTS = compile_lazily(
    r"^(?:\*\*)?(?:Participants|Speakers|Panel(?:ists)?|Present|Cast|Featuring|Guests|Hosts)(?:\*\*)?[ ]?:(?:\*\*)?[ ](?P<list>.{3,2000})$",
    _F | regex.IGNORECASE,
)

#: One entry of a participants list: "Marisol Vega (MV), coastal engineer".
PARTICIPANT = compile_lazily(
    rf"""
    ^(?:and[ ])?(?P<name>{NAME})
    (?:[ ]\((?P<initials>[\p{{Lu}}]{{1,5}})\))?
    (?:,?[ ](?:[-–—][ ])?(?P<description>.{{1,300}}))?$
    """,
    _F,
)

#: A markdown heading: "## Topic".
MD_HEADING = compile_lazily(r"^(?P<hashes>\#{1,6})[ ](?P<text>.{1,300})$")

#: A markdown rule or a line of dashes: "---", "***", "___".
RULE = compile_lazily(r"^(?:[-*_=][ ]?){3,200}$")

#: Sentence-final punctuation, to tell prose from a heading.
SENTENCE_END = compile_lazily(r"[.!?:;,…\"”’]$")

#: "Trump's Pivot to Putin - Jordan Schneider, … (China Talk)": a post
#: title carrying a byline and the show in parentheses.
BYLINE_TITLE = compile_lazily(r"^(?P<title>.{1,200}?)[ ][-–—][ ](?P<byline>.{1,400}?)(?:[ ]\((?P<show>[^()]{1,80})\))?$")

#: Who is interviewed and who hosts, in an intro paragraph.
GUEST_CUE = compile_lazily(
    r"""
    \b(?:interview(?:ed|s|ing)?(?:[ ]with)?|joined[ ]by|joining[ ](?:me|us)[ ](?:is|are|today)|
        (?:my|our)[ ]guests?[ ](?:today[ ])?(?:is|are|was|were)|welcom(?:e|ed|es)|
        (?:spoke|speaks|speak|talked|talks|chatted|sat[ ]down)[ ](?:to|with)|
        conversation[ ]with|in[ ]conversation[ ]with)[ ]
    """,
    _F | regex.IGNORECASE,
)
HOST_CUE = compile_lazily(
    r"""
    \b(?:co-?host(?:ing|ed|s)?(?:[ ]today)?[ ](?:is|are|was|by)|hosted[ ]by|conducted[ ]by|
        your[ ]host(?:s)?(?:[ ]is|[ ]are)?|I'm[ ]your[ ]host,?|I[ ]am[ ]your[ ]host,?)[ ]
    """,
    _F | regex.IGNORECASE,
)

#: A name mention in prose (two to four capitalised words).
NAME_MENTION = compile_lazily(
    rf"""
    (?<![\p{{L}}\p{{M}}'’\-])
    (?P<name>(?:{TITLE_WORD}[ ])?\p{{Lu}}[\p{{L}}\p{{M}}'’\-]{{0,30}}
       (?:[ ](?:{_PARTICLE}[ ]){{0,2}}(?:\p{{Lu}}[\p{{L}}\p{{M}}'’\-]{{0,30}}|[{_CJK}]{{1,8}})){{1,3}}
     | [{_CJK}]{{2,8}}(?:[ ][{_CJK}]{{1,8}})?)   # 刘洋, 佐藤 花子
    (?![\p{{L}}\p{{M}}])
    """,
    _F,
)

# ---------------------------------------------------------------------------
# Topics: chapter lists with times
# ---------------------------------------------------------------------------

#: A line of a chapter list: "00:12:30 The sea wall", "(12:30) The sea wall",
#: "- [12:30] - The sea wall", "12:30 – The sea wall".  Not a clock time
#: ("12:30 P.M. EDT") and not a label ("[12:30] Name: text" is speech).
CHAPTER_LINE = compile_lazily(
    rf"""
    ^(?:[-*•–][ ]{{1,3}})?
    [\[(]?(?P<time>{TIME})[\])]?
    (?:[ ]{{0,3}}[-–—:|])?[ ]{{1,3}}
    (?![AaPp]\.?[Mm]\.?(?:[ ]|$))
    (?P<title>\S.{{0,200}})$
    """,
    _F,
)

#: A word of a topic title (letters and digits; apostrophes and hyphens split).
TOPIC_WORD = compile_lazily(r"[\p{L}\p{N}]{1,40}")

#: The end of an ad break given as a range: "**Break:** \[25:59\] to \[27:11\]".
BREAK_UNTIL = compile_lazily(rf"[ ]to[ ]\\?[\[(]?{TIME}\\?[\])]?$")

#: An emoji that decorates a label ("🎙️ Ann Lee: …", "🎧 **Bo:** …"): one
#: shown as a picture (or asked to be, with U+FE0F; not "©" or "™"), its
#: joined parts and skin tones, and a space.
EMOJI_OPENING = compile_lazily(
    r"^(?:\p{Emoji_Presentation}|\p{Extended_Pictographic}\uFE0F)[\uFE0F\u200D\p{Extended_Pictographic}\p{Emoji_Modifier}]{0,8}[ \u00a0]{1,3}(?=\S)"
)
