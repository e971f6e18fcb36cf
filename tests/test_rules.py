"""One test group per rule."""

import pytest

from transcripts.rules import DEFAULT_RULES, classify_block, find_labels


def label(text):
    found = [l for l in find_labels(text) if l.rule == "colon"]
    return (found[0].name, found[0].text) if found else None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Jordan Schneider: Shashank, it seems", ("Jordan Schneider", "Shashank, it seems")),
        ("Shashank Joshi: It means", ("Shashank Joshi", "It means")),
        ("José Álvarez-Ruiz: Hola.", ("José Álvarez-Ruiz", "Hola.")),
        ("Ursula van der Berg: Yes.", ("Ursula van der Berg", "Yes.")),
        ("Mary O'Neil: Right.", ("Mary O'Neil", "Right.")),
        ("Dr. Amara Okafor: Indeed.", ("Dr. Amara Okafor", "Indeed.")),
        ("Zhang Wei 张伟: 你好", ("Zhang Wei 张伟", "你好")),
        ("Jordan Schneider:", ("Jordan Schneider", "")),
        # A dialogue dash before the label, the French space before the colon.
        ("— Sophie Laurent : Paul, depuis quand ?", ("Sophie Laurent", "Paul, depuis quand ?")),
        ("—Sophie Laurent: Paul ?", ("Sophie Laurent", "Paul ?")),
        # A parliament's question number before the member's label.
        ("Q1. [901234] Mrs Ann Lee (Bath) (LD): If he will list", ("Mrs Ann Lee", "If he will list")),
        ("T2. Ann Lee (Bath) (LD): What steps", ("Ann Lee", "What steps")),
        ("3. [901250] Ann Lee (Bath) (LD): What steps", ("Ann Lee", "What steps")),
        ("3. Ann Lee (Bath) (LD): What steps", ("Ann Lee", "What steps")),
        ("– Sophie Laurent: Paul ?", ("Sophie Laurent", "Paul ?")),
    ],
)
def test_name_colon_reads_labels(text, expected):
    assert label(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Number two, I think this is important: there is",
        "On the human capital front: DeepSeek has",
        "Read here: https://example.org",
        "The train was late: two hours.",
        "What’s more: parallelism is useful",
        "Ursula van: no",
        "[Jordan: export controls are changing]",
        "James writes the following substack:",
        "3. Ann Lee: the plan",  # a numbered list's item
    ],
)
def test_name_colon_rejects_sentences(text):
    assert label(text) is None


@pytest.mark.parametrize(
    "text, kind",
    [
        ("(...)", "elision"),
        ("[…]", "elision"),
        ("Paid subscribers get access to the rest of the conversation, where we discuss…", "paywall"),
        ("[Jordan: export controls are changing the fitness landscape.]", "note"),
        ("*[Transcript edited for clarity.]*", "note"),
        ("We discuss….", "topic_list"),
        ("In this interview, we discuss:", "topic_list"),
        ("• Trump’s pivot to Putin,", "list_item"),
        ("· How East Asian nations managed", "list_item"),
        ("1. How did DeepSeek outcompete", "list_item"),
        ("- a dash bullet", "list_item"),
        ("https://www.academia.edu/127962074/Trump", "chrome"),
        ("---", "chrome"),
        ("|------|:---:|", "chrome"),
        ("Page 12", "chrome"),
        ("- 12 -", "chrome"),
        ("BY MS. ORTIZ:", "note"),
        ("00:00:05:12 - 00:00:09:20", "timestamp"),
        ("00:01:02 - 00:01:09", "timestamp"),
        ("CROSS-EXAMINATION BY MR. LEE:", "note"),
        ("| Time | Speaker | Text |", "chrome"),
        ("domingo, 2 de março de 2025", "date"),
        ("February 13, 2025", "date"),
        ("Friday, 14 March 2025", "date"),
        ("2025-02-13", "date"),
        ("## The drone revolution", "heading"),
        ("Trump's Pivot to Putin", "heading"),
        ("This is a sentence that ends.", "prose"),
        ("Why is Trump appeasing Russia?", "prose"),
    ],
)
def test_block_kinds(text, kind):
    assert classify_block(text) == kind


def test_rules_are_named_and_unique():
    names = [r.name for r in DEFAULT_RULES.label_rules] + [r.name for r in DEFAULT_RULES.block_rules]
    assert len(names) == len(set(names))
    assert "colon" in names and {"caps-colon", "name-colon", "name-period"} <= set(DEFAULT_RULES.conventions())


def labels_by_rule(text, raw=None):
    return {l.rule: (l.name, l.text, l.start, l.role) for l in find_labels(text, raw or text)}


@pytest.mark.parametrize(
    "rule, text, expected",
    [
        ("markdown-bold", "**Noor Haddad:** Welcome back.", ("Noor Haddad", "Welcome back.", None, None)),
        ("markdown-bold", "**Pieter van Dijk**: Thanks.", ("Pieter van Dijk", "Thanks.", None, None)),
        ("markdown-bold", "**Noor Haddad:**", ("Noor Haddad", "", None, None)),
        ("bold-name-time", "**Amara Okafor (00:01:10)** Let's go.", ("Amara Okafor", "Let's go.", 70.0, None)),
        ("bold-name-bracket-time", "**Lindsey** [0:17] When is", ("Lindsey", "When is", 17.0, None)),
        ("time-bold-name", "0:00:14.1 **Adam Garrett-Harris** Welcome", ("Adam Garrett-Harris", "Welcome", 14.1, None)),
        ("bracket-time-name", "[00:12:34] Lena Fischer: Welcome.", ("Lena Fischer", "Welcome.", 754.0, None)),
        # The time and the label in bold, the speech after it on the line.
        ("bracket-time-name", "**[00:12:34] Lena Fischer:** Welcome.", ("Lena Fischer", "Welcome.", 754.0, None)),
        ("bracket-time-name", "**[00:12:34] Lena Fischer**: Welcome.", ("Lena Fischer", "Welcome.", 754.0, None)),
        # A time and a name alone on a line, with or without a dash or bar between.
        ("time-name", "[00:00:03.12] Lena Fischer", ("Lena Fischer", "", 3.12, None)),
        ("time-name", "[00:00:03.12] - Lena Fischer", ("Lena Fischer", "", 3.12, None)),
        ("time-name", "00:01:07 – Lena Fischer", ("Lena Fischer", "", 67.0, None)),
        ("name-dash-time", "Lena Fischer - 00:01:07", ("Lena Fischer", "", 67.0, None)),
        # A time, a name and a dash, the speech on the same line.
        ("time-name-dash", "00:00:07 Speaker 2 - It starts in 1841.", ("Speaker 2", "It starts in 1841.", 7.0, None)),
        ("time-name-dash", "[00:07] Lena Fischer — Hello.", ("Lena Fischer", "Hello.", 7.0, None)),
        # A name and its time, the speech on the same line.
        ("name-time-text", "Lena Fischer 00:03 Welcome back.", ("Lena Fischer", "Welcome back.", 3.0, None)),
        ("name-time-text", "Speaker 1 01:02:03 Thanks.", ("Speaker 1", "Thanks.", 3723.0, None)),
        # A marked name and its time alone on a line, in either order.
        ("marked-name-time", "**Lena Fischer** *00:01:07*", ("Lena Fischer", "", 67.0, None)),
        ("marked-name-time", "### Lena Fischer 00:01:07", ("Lena Fischer", "", 67.0, None)),
        ("marked-name-time", "**[00:01:07] Lena Fischer:**", ("Lena Fischer", "", 67.0, None)),
        ("marked-name-time", "**Lena Fischer** · 1:07", ("Lena Fischer", "", 67.0, None)),
        ("otter", "Lena Fischer · 1:07", ("Lena Fischer", "", 67.0, None)),
        ("otter", "Lena Fischer *1:07*", ("Lena Fischer", "", 67.0, None)),
        ("otter", "Lena Fischer _(1:07)_", ("Lena Fischer", "", 67.0, None)),
        # A chat log's nick; its time is the time of day, no start.
        ("irc", "<roasbeef> so the agenda", ("roasbeef", "so the agenda", None, None)),
        ("irc", "[10:02] <@t-bast> Hi all", ("t-bast", "Hi all", None, None)),
        ("otter", "Marisol Vega 10:02 AM", ("Marisol Vega", "", None, None)),
        # Whisper's span before a recogniser's label.
        ("bracket-time-name", "[00:00.000 --> 00:04.000] SPEAKER_00: Hi.", ("SPEAKER_00", "Hi.", 0.0, None)),
        # A markdown table's row: perhaps a time, the speaker, the speech.
        ("table-row", "| 0:03 | Lena Fischer | Welcome. |", ("Lena Fischer", "Welcome.", 3.0, None)),
        ("table-row", "| **Lena Fischer** | Welcome. |", ("Lena Fischer", "Welcome.", None, None)),
        ("table-row", "|Lena Fischer|Welcome, a b \\| c|", ("Lena Fischer", "Welcome, a b \\| c", None, None)),
        ("name-dash-time", "Lena Fischer | 00:01:07", ("Lena Fischer", "", 67.0, None)),
        ("name-paren-time", "Speaker 1 (00:06): Great.", ("Speaker 1", "Great.", 6.0, None)),
        ("name-paren-time", "Speaker 1 (01:02:03):", ("Speaker 1", "", 3723.0, None)),
        ("name-paren-time", "Amara Okafor (00:00:01) Good morning.", ("Amara Okafor", "Good morning.", 1.0, None)),
        ("otter", "Unknown Speaker 2:57", ("Unknown Speaker", "", 177.0, None)),
        # Teams marks a participant from outside the organisation after the name.
        ("otter", "Aiko Tanaka (Guest) 1:01", ("Aiko Tanaka", "", 61.0, "guest")),
        # So do "(External)" and "(Unverified)": how they joined, no part of the name.
        ("otter", "Aiko Tanaka (External) 1:01", ("Aiko Tanaka", "", 61.0, None)),
        ("otter", "Aiko Tanaka (Unverified External) 1:01", ("Aiko Tanaka", "", 61.0, None)),
        ("colon", "Aiko Tanaka (Unverified Guest): Hello.", ("Aiko Tanaka", "Hello.", None, "guest")),
        ("colon", "Aiko Tanaka (Tokyo): Hello.", ("Aiko Tanaka (Tokyo)", "Hello.", None, None)),
        ("colon", "STEVE INSKEEP, HOST:", ("STEVE INSKEEP", "", None, "host")),
        ("colon", "MR. SMITH: I rode this boat.", ("MR. SMITH", "I rode this boat.", None, None)),
        ("colon", "BELL 7: Roger.", ("BELL 7", "Roger.", None, None)),
        ("own-line", "Ursula van der Berg", ("Ursula van der Berg", "", None, None)),
        ("own-line", "MARISOL VEGA", ("MARISOL VEGA", "", None, None)),
        # A script's mark of how the line is delivered is no part of the name.
        ("own-line", "MARISOL VEGA (O.S.)", ("MARISOL VEGA", "", None, None)),
        ("own-line", "MARISOL VEGA (V.O.) (CONT'D)", ("MARISOL VEGA", "", None, None)),
        ("colon", "MARISOL VEGA (CONT'D): Go on.", ("MARISOL VEGA", "Go on.", None, None)),
        ("colon", "Adam & Jen: Hi!", ("Adam & Jen", "Hi!", None, None)),
        # Markdown variants: italics, bold italics, a list's bullet, a blockquote.
        ("markdown-bold", "*Noor Haddad:* Welcome back.", ("Noor Haddad", "Welcome back.", None, None)),
        ("markdown-bold", "_Noor Haddad:_ Welcome back.", ("Noor Haddad", "Welcome back.", None, None)),
        ("markdown-bold", "***Noor Haddad:*** Welcome back.", ("Noor Haddad", "Welcome back.", None, None)),
        ("markdown-bold", "- **Noor Haddad:** Welcome back.", ("Noor Haddad", "Welcome back.", None, None)),
        ("markdown-bold", "* **Noor Haddad**: Welcome back.", ("Noor Haddad", "Welcome back.", None, None)),
        ("markdown-bold", "> **Noor Haddad:** Welcome back.", ("Noor Haddad", "Welcome back.", None, None)),
        # A marked name alone on its line, the speech below.
        ("marked-own-line", "**Noor Haddad**", ("Noor Haddad", "", None, None)),
        ("marked-own-line", "__Noor Haddad__", ("Noor Haddad", "", None, None)),
        ("marked-own-line", "### Noor Haddad", ("Noor Haddad", "", None, None)),
        ("marked-own-line", "## **Noor Haddad**", ("Noor Haddad", "", None, None)),
        # A role word in parentheses is the speaker's role.
        ("colon", "Noor Haddad (Host): Welcome.", ("Noor Haddad", "Welcome.", None, "host")),
        ("colon", "Pieter van Dijk (guest): Thanks.", ("Pieter van Dijk", "Thanks.", None, "guest")),
        ("colon", "CAPCOM (Guam): Roger.", ("CAPCOM (Guam)", "Roger.", None, None)),
    ],
)
def test_label_rules(rule, text, expected):
    assert labels_by_rule(text).get(rule) == expected


@pytest.mark.parametrize(
    "rule, text",
    [
        ("name-time-text", "END 1:10 P.M. EST"),  # a time of day
        ("name-time-text", "Lena Fischer 00:03"),  # alone on its line: the Otter rule's
        ("table-row", "| Time | Speaker | Text |"),  # a header row
        ("time-name-dash", "00:00:07 Speaker 2 -"),
    ],
)
def test_label_rules_refuse(rule, text):
    assert rule not in labels_by_rule(text)


@pytest.mark.parametrize(
    "text, markup",
    [
        ("**Noor Haddad:** Hi.", "**"),
        ("__Noor Haddad:__ Hi.", "**"),
        ("***Noor Haddad:*** Hi.", "**"),
        ("*Noor Haddad:* Hi.", "*"),
        ("- **Noor Haddad:** Hi.", "-**"),
        ("+ *Noor Haddad:* Hi.", "-*"),
        ("> **Noor Haddad:** Hi.", ">**"),
    ],
)
def test_markdown_labels_record_their_markup(text, markup):
    (found,) = [l for l in find_labels(text, text) if l.rule == "markdown-bold"]
    assert found.markup == markup


def test_marked_own_line_records_its_markup():
    assert [l.markup for l in find_labels("**Noor Haddad**") if l.rule == "marked-own-line"] == ["**"]
    assert [l.markup for l in find_labels("### Noor Haddad") if l.rule == "marked-own-line"] == ["###"]


@pytest.mark.parametrize(
    "text, rule",
    [
        ("*Editor's note: this was recorded remotely.*", "markdown-bold"),  # an italic sentence with a colon
        ("_page: 77", "markdown-bold"),
        ("**Noor Haddad** and more", "marked-own-line"),
        ("**Noor Haddad:**", "marked-own-line"),  # (markdown-bold's)
        ("### What the tide brings?", "marked-own-line"),
        ("###Noor Haddad", "marked-own-line"),
        ("**roasbeef**", "marked-own-line"),  # a word in bold, no name
    ],
)
def test_markdown_look_alikes_are_not_those_labels(text, rule):
    assert rule not in labels_by_rule(text)


def test_bare_q_reads_the_raw_line():
    # Two spaces or a no-break space after the Q, as the White House writes it.
    assert labels_by_rule("Q Thank you.", "Q  Thank you.")["bare-q"] == ("Q", "Thank you.", None, None)
    assert labels_by_rule("Q Thank you.", "Q\u00a0 Thank you.")["bare-q"] == ("Q", "Thank you.", None, None)
    # One space before a capital, as later briefings write it ("Q Cookies!").
    assert labels_by_rule("Q Cookies!", "Q Cookies!")["bare-q"] == ("Q", "Cookies!", None, None)
    assert "bare-q" not in labels_by_rule("Q and A follows.", "Q and A follows.")
    assert "bare-q" not in labels_by_rule("Q thank you.", "Q thank you.")


@pytest.mark.parametrize(
    "text",
    [
        "The train was late: two hours.",
        "First, on vaccinations: On December 8th, I indicated",
        "Tidewater Notes is a reader-supported publication.",
        "Number two, I think this is important: there is",
    ],
)
def test_sentences_are_not_labels(text):
    assert [l for l in find_labels(text, text) if l.rule != "own-line"] == []


@pytest.mark.parametrize(
    "text, kind",
    [
        ("(LAUGHTER)", "event"),
        ("(SOUNDBITE OF MUSIC)", "event"),
        ("[crosstalk]", "event"),
        ("(Applause.)", "event"),
        ("(Intro music: Electro Swing)", "event"),
        ("(As interpreted.)", "note"),
        ("[00:00:00:01]", "timestamp"),
        ("(00:12:34)", "timestamp"),
        ("1:27 P.M. EDT", "date"),
        ("END 6:45 P.M. EST", "date"),
        ("_page: 42", "metadata"),
        ("Participants: Marisol Vega (MV), coastal engineer; Tomás Okafor (TO), historian.", "metadata"),
        ("**Break:** \\[13:19\\]", "break"),
        ("Share:", "chrome"),
        ("Listen on: Apple Podcasts · Spotify", "chrome"),
        ("Posted on March 3, 2025 by the editors", "chrome"),
        ("Related episodes:", "chrome"),
        ("Transcribed by https://otter.ai", "chrome"),
        ("© 2025 Crumb Radio", "chrome"),
        ("3 comments", "chrome"),
        ("Summary: Calm seas.", "chrome"),
        ("Note: this transcript was machine-generated.", "note"),
        ("\\_\\_\\_\\_\\_\\_", "chrome"),
        ("Listen, I think that's wrong.", "prose"),
        ("Next, we went north.", "prose"),
    ],
)
def test_more_block_kinds(text, kind):
    labelled = bool(find_labels(text, text))
    assert classify_block(text, labelled) == kind
