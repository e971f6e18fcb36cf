"""Every word list the parser uses, in one place.

Patterns (:mod:`transcripts._patterns`), the label grammar
(:mod:`transcripts.slots`), name handling (:mod:`transcripts.names`) and
speaker resolution (:mod:`transcripts.resolve`) read these; none of them
keeps a list of its own.  All words are case-folded.
"""

from __future__ import annotations

from typing import Literal

__all__ = [
    "CHROME_FIRST_WORDS",
    "CREDENTIALS",
    "DELIVERY_MARKS",
    "FIELD_WORDS",
    "GENERIC_GUEST",
    "GENERIC_HOST",
    "GLUE_WORDS",
    "HONORIFICS",
    "MEETING_MARKS",
    "NOT_NAME_START",
    "PARTICLES",
    "RECORD_TITLES",
    "ROLE_WORDS",
    "SENTENCE_WORDS",
    "VOICE_QUANTIFIERS",
    "VOICE_WORDS",
]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Lower-case particles that may sit inside a name: "Ursula van der Berg".
PARTICLES = _words("van von der den de del della di da du dos das la le bin ibn al el ter ten y")

#: Honorifics written before a name, without their full stop: "Dr. Amara
#: Okafor", "MR. SMITH".
HONORIFICS = _words("dr mr mrs ms mx miss prof rev sen rep gov gen col capt sir dame fr hon amb st lt sgt maj adm cmdr")

#: Words that stand before a surname in capitals in congressional and court
#: records ("Chairman HOLLIS.", "The CHAIRMAN.", "Ms. JACKSON LEE.").
RECORD_TITLES = HONORIFICS | _words(
    """
    chairman chairwoman chair chairperson senator representative madam mister the secretary general admiral
    judge justice governor mayor commissioner director ambassador delegate speaker president vice acting
    ranking member dean professor father sister brother colonel captain lieutenant sergeant major
    """
)

#: Credentials and suffixes written after a name and a comma: "Ruth Okafor, PhD".
CREDENTIALS = _words(
    "phd psyd md do jd mba msc ma ba bsc rn np dds dvm cpa esq jr sr ii iii iv facs mph dphil llm edd cfa pe"
)

#: A script's marks after a character's name that say how the line is
#: delivered, not who speaks ("ELENA (O.S.)", "SAM (CONT'D)"), written
#: without their stops and apostrophes.
DELIVERY_MARKS = _words("os vo oc contd cont")

#: What a meeting tool writes in parentheses after a participant's name
#: to say how they joined, not who they are (Teams' "Aiko Tanaka (Guest)",
#: "Lukas Weber (External)", "(Unverified)", "(Unverified External)"):
#: no part of the name.  "guest" also gives the role (see
#: :data:`ROLE_WORDS`).
MEETING_MARKS = _words("guest external unverified federated anonymous")

#: Role words in labels ("STEVE INSKEEP, HOST:") and the role they give.
ROLE_WORDS: dict[str, Literal["host", "guest"]] = {
    "host": "host",
    "co-host": "host",
    "cohost": "host",
    "anchor": "host",
    "byline": "host",
    "moderator": "host",
    "interviewer": "host",
    "presenter": "host",
    "guest": "guest",
    "interviewee": "guest",
}

#: Generic labels that stand for the interviewer or the one interviewed.
#: "P"/"R" are Spanish and Portuguese (pregunta/pergunta, respuesta/resposta).
GENERIC_HOST = _words("q p host interviewer moderator question pregunta pergunta")
GENERIC_GUEST = _words("a r guest interviewee answer respuesta resposta")

#: Words a label naming a role rather than a person is made of: "Audience
#: member", "Unidentified speaker", "Male voice", "SENIOR ADMINISTRATION
#: OFFICIAL", "Speaker 2".
VOICE_WORDS = frozenset(ROLE_WORDS) | _words(
    """
    audience member members speaker speakers voice voices unidentified unknown unnamed unidentifiable male female
    man woman men women participant participants attendee attendees guest guests reporter reporters journalist
    journalists question questioner answer caller callers narrator announcer operator panelist panellist panelists
    panellists panel student students official officials senior administration administrator officer spokesperson
    spokesman spokeswoman interpreter translator crowd all everyone everybody both multiple several various group
    other another person people voiceover voice-over off-camera offscreen off-screen commentator correspondent
    producer editor staff staffer aide child kid boy girl q&a guy guys lady ladies folks
    """
)

#: Voice words that count rather than name a voice: "All", "Both", but not
#: "Thing all".
VOICE_QUANTIFIERS = _words("all everyone everybody both multiple several various other another")

#: Words that may join voice words in a role label: "Member of the audience".
GLUE_WORDS = _words("a an the of from in at on")

#: Words that open short lines of speech or headings ("Yes", "The End",
#: "Thank You") but no name in normal case.
NOT_NAME_START = _words(
    """
    the a an and but so or yes no okay ok well thanks thank right hi hello hey oh yeah sure
    good great wow what why how when where who this that these those it i we you they he she
    my our your their in on at of for to from with by as if not all end part chapter episode
    """
)

#: Words that cannot be a nickname label alone ("here:", "also:"): speech.
SENTENCE_WORDS = _words(
    """
    is are was were be been being am will would can could should shall may might must do does did done
    have has had not says said writes wrote asks asked means meant think thinks thought here there
    more most very really just also then than because which whose whom what's that's it's here's there's
    """
)

#: Words that often open a "Word: text" line but are never speakers.
FIELD_WORDS = _words(
    """
    summary outlook contact contacts vessels note notes update updates source sources
    date dates time location read listen share subscribe transcript transcripts related posted tags
    category categories topics topic chapters chapter links link email phone website web
    address price cost warning caution important tip tips example examples
    status result results conclusion introduction abstract keywords
    description title subject agenda attendees present absent minutes action actions
    disclaimer copyright credits credit photo photos image images video videos audio download watch follow
    episode show season part section step bonus correction editor break sponsor
    participants speakers panel cast guests hosts featuring produced producer
    transcription transcribed recorded music intro outro published filed
    comments comment reply menu search home more next previous end
    podcast podcasts slides slide paper papers media start started pdf blog twitter youtube github repo
    code demo reference references resources resource notebook proposal proposals spec specification
    bip bips pr prs issue issues mailing list lists website websites location venue event events
    ad ads advert commercial midroll mid-roll preroll pre-roll postroll
    goal goals option options problem problems solution solutions pros cons
    advantages disadvantages drawbacks downside downsides upside upsides takeaway takeaways
    todo to-do decision decisions outcome outcomes motivation rationale caveat caveats workaround
    """
)

#: First words that can open page chrome: a cheap test before the pattern.
CHROME_FIRST_WORDS = _words(
    """
    share listen subscribe follow related tags tagged filed category categories comment comments
    leave reply sign log skip back menu previous next download privacy terms newsletter show
    summary outlook contact links sponsor sponsors support home about archive search posted
    published transcribed transcript copyright © (c) all thanks
    """
)
