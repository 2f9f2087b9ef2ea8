"""What a text change does to the rule it states: its effects, and how serious it is.

:func:`describe_change` reads an old and a new text sentence by sentence and
returns :class:`~specdiff.model.Effect` s, each naming the sentence it is about:

``modality``
    an obliging word changed. Obligations rank may < should < must, and
    prohibitions likewise, may not < should not < must not. ``direction`` is
    ``strengthened``, ``weakened`` or ``reversed`` (a permission or obligation
    became a prohibition, or the reverse). ``old`` is ``None`` when a sentence
    gained the phrase (an obligation added: strengthened; a permission added:
    weakened), ``new`` is ``None`` when it lost it (an obligation taken away:
    weakened; a permission taken away: strengthened).
``negation``
    the sentence's polarity flipped ("may share" / "may not share").
``number``
    a number, date, age or limit changed; ``old`` and ``new`` list the numbers
    that went and came.
``quantifier``
    all / every / any against some / most / only / few changed.
``condition``
    an exception or condition came or went (unless, except, only if, if, when).
``example``
    an example block changed.
``wording``
    the words changed but none of the above did: read it, it may still matter.
``editorial``
    nothing normative changed: whitespace, punctuation, case, a typo.

(``reference``, ``attribute`` and ``heading`` effects come from the structure
around the text; see ``amendments``.)

>>> for e in describe_change("The assistant should answer in English.", "The assistant must answer in English."):
...     print(e.type, e.old, e.new, e.direction)
modality should must strengthened
>>> [e.type for e in describe_change("Recieve the book.", "Receive the book.")]
['editorial']

A sentence of a paragraph is compared with the sentence it became, so an
effect says where it is; sentences that were split, merged or reordered are
compared as a group.

:func:`severity` grades an amendment:

``breaking``
    an obligation was added, removed, reversed or strengthened (a modality
    effect strengthened or reversed where either side obliges, or an obliging
    phrase gone or left a mere permission: "must" to "may"); a permission
    taken away with its sentence (unless it held an "only": then the limit
    went, and the rule broadened); or a sentence that states a rule was
    negated, or had a number added or changed (a number gone with none in its
    place lifts a limit: substantive). A rule or number that only moved to
    another sentence of the clause counts for nothing, and a grade that rests
    only on a permission taken away or on "must" to "may" keeps its grade at
    confidence 0.6, worth a read (``docs/severity.md`` has the whole reading);
``editorial``
    only editorial effects (and the clause did not change section);
``substantive``
    anything else.

A diff suggests a version bump from its most serious amendment: breaking →
major, substantive → minor, editorial → patch.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import replace

from specdiff.editorial import (
    PIPE_IN_CELL,
    abbreviations_written_out,
    alt_text_given_or_taken,
    comparisons,
    data_values,
    editorial_form,
    fence_label_only_changed,
    grammar,
    inserted_and_deleted,
    json_members_reordered,
    only_abnf_comments_changed,
    only_force_changed,
    only_inflected,
    only_kind_of_a_name_said,
    only_numbering_changed,
    only_stamps_changed,
    only_typos,
    same_words,
    sample_names_renamed,
    sample_reshaped,
    slight_rewording,
    small_example_edit,
    version_bumped,
    without_inflections,
    without_numbering,
    without_respellings,
    words_only_added,
)
from specdiff.force import (
    EXAMPLE_ASIDE,
    LIKELY,
    UNSURE,
    Place,
    Reading,
    editors_note,
    read_all,
    read_sentence,
    requirement_level,
    rule_modals,
    rules,
    states_a_rule,
)
from specdiff.lexicon import (
    CONDITION,
    CONDITION_PHRASE,
    RFC_WORDS,
    SCOPE_PHRASE,
    TYPE_NAME,
    Modal,
    condition_words_folded,
    conditions,
    in_one_notation,
    inverted_by_wording,
    modal_meaning,
    negated_apart,
    negated_sense,
    number_value,
    numbers,
    prose,
    quantifiers,
    sentences,
    words,
)
from specdiff.model import PROSE_KINDS, Amendment, AmendmentKind, Effect, EffectType, Severity
from specdiff.parse import only_link_definitions
from specdiff.schema_blocks import declares_schema, doc_comments, field_changes, schema_changed
from specdiff.worddiff import token_opcodes

KINSHIP_CHARS_AT_MOST = 200_000
"""Characters of changed sentences beyond which they are compared as one group (see ``_changed_sentences``)."""

SENTENCE_PAIRS_AT_MOST = 40_000
"""Old sentences times new ones beyond which sentences are not compared one by one, a cost that
grows with that product. It bounds two steps: aligning a clause's sentences (past it,
``_changed_stretches`` sets aside the shared start and end instead of running ``SequenceMatcher``),
and pairing the changed sentences left by kinship (past it, ``_changed_sentences`` reads them as
one group). The most in 170,282 real clauses was 93 (93 x 93 = 8,649); a hostile line of 12,500
``1. `` took 141 s in ``SequenceMatcher`` alone."""

SENTENCE_KINSHIP = 0.5
"""A new sentence is the continuation of an old one (reworded, split, merged,
moved within the paragraph) when they share at least half their words (word
similarity, or the share of the shorter one's words found in the longer)."""


def describe_change(
    old: str,
    new: str,
    *,
    example: bool = False,
    capitals: bool = False,
    old_place: Place | None = None,
    new_place: Place | None = None,
) -> list[Effect]:
    """The effects of rewriting ``old`` as ``new``; ``[]`` if the texts are equal.

    ``capitals`` says the document writes RFC 2119 keywords in capitals on
    purpose, so lower-case "may" is plain English there. ``old_place`` and
    ``new_place`` say where each text sits (a list item under a lead-in, a
    change log, an example title ...), which decides which sentences state
    rules (see ``force``); they carry their own ``capitals``.
    """
    if old == new:
        return []
    if _TYPED_NUMBER_SPAN.sub(r"`\1`", old) == _TYPED_NUMBER_SPAN.sub(r"`\1`", new):
        return [Effect("editorial")]  # a number now written in its type, "`0`" -> "`Uint64(0)`": the same value
    if "0x" in old + new and in_one_notation(old) == in_one_notation(new):
        return [Effect("editorial")]  # "tab (0x09)" -> "tab (U+0009)": the same character
    if _LEADING_ORDINAL.sub("", old, count=1) == _LEADING_ORDINAL.sub("", new, count=1):
        # IPFS turned "- 1. IPFS and the Merkle DAG" into an ordered list's "1. IPFS and the Merkle DAG",
        # read as the number 1 gone: an item's number says where it stands, and its marker says it now
        return [Effect("editorial")]
    if "&" in old + new and PIPE_IN_CELL.sub(r"\\|", old) == PIPE_IN_CELL.sub(r"\\|", new):
        return [Effect("editorial")]  # OpenAPI's "A <span>&#124;</span> B" -> "A \| B": one pipe in a cell
    if "`_" in old + new and _RST_LINK.sub(r"\1", old) == _RST_LINK.sub(r"\1", new):
        return [Effect("editorial")]  # purl's "`/types <https://...>`_", reStructuredText left over: the same address
    old_place = old_place or Place(capitals=capitals)
    new_place = new_place or Place(capitals=capitals)
    keywords_in_capitals_only = old_place.capitals_only or new_place.capitals_only
    if not keywords_in_capitals_only and _keywords_one_way(old) == _keywords_one_way(new):
        # purl's type notes went from "must" to "shall" (32 in one commit), each read as reworded, and
        # from "`... MUST be lowercased.`" to "`... shall be lowercased.`", inside code marks. (Where
        # keywords bind only in capitals, "should" -> "SHOULD" makes a rule: OAuth 2.1's "Clients
        # should open the network port" -> "SHOULD".)
        return [Effect("editorial")]
    if abbreviations_written_out(old, new):
        return [Effect("editorial")]  # OAuth 2.1's "The AS SHOULD only redirect ..." -> "The authorization server SHOULD ..."
    # (where keywords bind only in capitals, a keyword recased is a rule made or unmade: "should" -> "SHOULD")
    keywords_recased = keywords_in_capitals_only and _KEYWORD_IN_CAPITALS.findall(old) != _KEYWORD_IN_CAPITALS.findall(new)
    # A word inflected otherwise (LSP's "... and avoiding returning lists" -> "... and avoid returning ...") or a
    # name's kind said (QUIC's "sends CONNECTION_CLOSE" -> "sends a CONNECTION_CLOSE frame") says the same, unless
    # a code span was rewritten with it (asked last: the two tests turn most texts away first).
    said_alike = not example and not keywords_recased and (only_inflected(old, new) or only_kind_of_a_name_said(old, new))
    if said_alike and not _code_rewritten(old, new):
        return [Effect("editorial")]
    if not example and "{{" in old + new and _pointer_reworded(old, new):
        return [Effect("editorial")]  # JSONPath's "The following examples show" -> "The examples in {{tbl-name}} show"
    old_read, new_read = _without_pointers(old, old_place), _without_pointers(new, new_place)
    if old_read != old or new_read != new:
        if same_words(old_read, new_read):
            return [Effect("editorial")]  # only a "see ..." pointer came or went
        if old_read and new_read:
            # (a text that is all pointer on one side only is read whole: "See more in the path resolution
            # spec (TODO)." -> "See more in the [path resolution spec](...)." only gained its link)
            old, new = old_read, new_read
    if _only_notes_column_changed(old, new, old_place, new_place):
        return [Effect("editorial")]  # "| `SLOTS` | `32` | slots |" -> "| `SLOTS` | `32` |": the table's Unit column went
    if _only_empty_marks_changed(old, new, old_place, new_place):
        return [Effect("editorial")]  # MLS's "| 0x0000 | RESERVED | N/A | RFC XXXX |" -> "| ... | - | ... |": no value either way
    if _column_names_cut_short(old, new, old_place, new_place):
        return [Effect("editorial")]  # MLS's "| Value | Name | Recommended | Reference |" -> "| ... | R | Ref |"
    if only_stamps_changed(old, new, releases=not example) and not (rules(old, old_place) or rules(new, new_place)):
        return [Effect("editorial")]  # SARIF's "## 04 December 2025" -> "## 05 February 2026": when a draft was written
    if only_numbering_changed(old, new):
        return [Effect("editorial", confidence=UNSURE)]  # TUF's "* **1.7**. **Repeat steps 1.1 to 1.7**." -> "1.8", "1.8"
    unnumbered_old, unnumbered_new = without_numbering(old), without_numbering(new)
    renumbered = (unnumbered_old, unnumbered_new) != (old, new) and not keywords_in_capitals_only
    if renumbered and _keywords_one_way(unnumbered_old) == _keywords_one_way(unnumbered_new):
        return [Effect("editorial", confidence=UNSURE)]  # TUF's "* **1.4. ...** ... must be" -> "* **5.1.4. ...** ... MUST be"
    if old_place.credits and new_place.credits and not (rules(old, old_place) or rules(new, new_place)):
        return [Effect("editorial")]  # "feedback on the document: Mike Bishop, {+Mallory Knodel, +}Roberto Polli"
    if old_place.changelog and new_place.changelog:
        return [Effect("editorial")]  # a change log's entry reworded: the change it tells of is read where it was made
    if example and schema_changed(old, new, under_schema_heading=_under_schema_heading(new_place)):
        # a field that came, went or changed its type says what changed; a schema this cannot read is an example changed
        return field_changes(old, new) or [Effect("example")]
    if example and declares_schema(old) and declares_schema(new):
        # Only a schema's comments changed: they are its prose, and say what its fields must hold.
        said_old, said_new = doc_comments(old), doc_comments(new)
        if said_old != said_new:
            return describe_change(
                said_old, said_new, old_place=replace(old_place, kind="paragraph"), new_place=replace(new_place, kind="paragraph")
            )
        return [Effect("editorial")]  # the same fields, their comments read alike: LSP's "@since 3.6.0 ..." tag added
    identifiers = _identifiers_renamed(old, new)  # (a media type or a well-known path is code written as words)
    code_changed = _code_rewritten(old, new) or bool(identifiers)
    level_changed = keywords_recased or requirement_level(old, old_place) != requirement_level(new, new_place)
    # (In a code block an address is a sample's value, not a link: `"type": "https://.../v0.2"`.)
    alike = same_words(old, new) and not (example and _ADDRESS.findall(old) != _ADDRESS.findall(new))
    alike = alike and not (example and comparisons(old) != comparisons(new))  # "if (a > b)" -> "if (a >= b)"
    # (a grammar's every mark counts, its spaces none: "( '+' | '-' ) digit+" -> "( '+' | '-' )? digit+";
    # and a rule's name respelled is no slip: "digit+" -> "digits+" names another rule)
    # (also in a block that completes its rule's sentence, "The code MUST match:", read line by line as its items)
    in_grammar = grammar(new)
    if in_grammar and only_abnf_comments_changed(old, new):
        return [Effect("editorial")]  # JSONPath rewrapped a comment, "; LogicalType or" / "; NodesType": the rules are the same
    alike = alike and not (in_grammar and _SPACES.sub("", old) != _SPACES.sub("", new))
    slips = not in_grammar and (only_typos(old, new) or only_typos(without_numbering(old), without_numbering(new)))
    data_kept = not example or data_values(old) == data_values(new)  # "kind": "taskStatusUpdate" -> "status-update"
    if not code_changed and not level_changed and data_kept and (alike or slips):
        # (a code block's names respelled are left to what its prose says: GraphQL's examples went from
        # "isHousetrained" to "isHouseTrained" throughout, a sample's spelling made consistent)
        if example and sample_reshaped(old, new):
            return [Effect("example")]  # a line of the sample moved under another key: its structure changed
        recased = [] if example else names_recased(old, new, new_place)
        return _address_values_changed(old, new, new_place) or recased or [Effect("editorial")]
    if _NAVIGATION.match(old) and _NAVIGATION.match(new):
        return [Effect("editorial", confidence=UNSURE)]  # a table of contents follows the headings it links to
    if alt_text_given_or_taken(old, new):
        return [Effect("editorial")]  # "![](img/build.png)" -> "![build diagram](img/build.png)": for a screen reader
    if example and fence_label_only_changed(old, new):
        return [Effect("editorial")]  # the OCI image spec's "```" -> "```ebnf": how to colour the code, not what it is
    if example and json_members_reordered(old, new):
        return [Effect("editorial")]  # the same data: '"size": 7023, "digest": ...' -> '"digest": ..., "size": 7023'
    if example:
        # (a release's number is no sample's value, nor a name the sample renamed throughout)
        slight = small_example_edit(old, new) or version_bumped(old, new) or sample_names_renamed(old, new)
        return [Effect("editorial", confidence=UNSURE)] if slight else [Effect("example")]
    if old_place.scenario_case and new_place.scenario_case and not (rules(old, old_place) or rules(new, new_place)):
        return [_case_changed(old, new)]
    if (
        _TITLE_OR_POINTER.match(old)
        and _TITLE_OR_POINTER.match(new)
        and not (rules(old, old_place) or rules(new, new_place))
        and _quoted_and_digits(old) == _quoted_and_digits(new)
    ):
        return [Effect("editorial", confidence=UNSURE)]  # an example's title or a "see also" line reworded
    if _repeat_dropped_or_added(old, new) or (new_place.kind in PROSE_KINDS and _run_of_words_repeated(old, new)):
        return [Effect("editorial")]
    changed = _with_rules_taken_in(_changed_sentences(old, new), old, old_place, new_place)
    # (a sentence said again says nothing new: OpAMP rewrote a field's description and said its "May be
    # omitted if nothing changed ..." twice in the new one)
    said_before = set(sentences(old))
    changed = [(o, n) for o, n in changed if not (o is None and n in said_before)]
    groups = [_sentence_effects(o, n, old_place, new_place) + _exemption_change(o, n, old, old_place) for o, n in changed]
    effects = [e for group in _with_limits_absorbed(groups) for e in group]
    effects = list(dict.fromkeys(_without_restated_rules(effects)))
    effects = _licences_beside_rules(effects, old, old_place)
    if not effects and all(o == n for o, n in changed):
        return [Effect("editorial")]  # sentences only put in another order (SCITT's "... out of scope." after the next)
    if not any(e.type == "value" for e in effects):
        effects += identifiers  # "application/dock-list" -> "application/bike-dock-list"
    # A sentence that came or went whole says something new or no longer says it, however long the
    # clause around it (TUF's older drafts hold a whole section in one clause).
    whole = any(o is None or n is None for o, n in changed)
    # (a keyword of the same force for a "can" names the change; in a long clause it is still a slight rewording)
    graded = [e for e in effects if not (e.type == "modality" and e.direction is None)]
    if graded or code_changed or whole or in_grammar or not slight_rewording(old, new) or _phrase_added(old, new, new_place):
        return effects or [Effect("wording")]  # (a grammar's marks are no slight rewording)
    if any(o and n and _alternative_of_a_rule_dropped(o, n, old_place, new_place) for o, n in changed):
        return effects or [Effect("wording")]
    if any(o and n and _condition_of_a_rule_reworded(o, n, old_place, new_place) for o, n in changed):
        return effects or [Effect("wording")]
    return [Effect("editorial", confidence=UNSURE)]


def _identifiers_renamed(old: str, new: str) -> list[Effect]:
    """The media types and well-known paths that prose names, written as words, each renamed one for
    one: Privacy Pass's "have the media type "application/token-issuer-directory" and are located at
    /.well-known/token-issuer-directory" took "private-" in both, one word twice in a long paragraph,
    read as a slight rewording; every client asks for the old names. (Written as code, a name is a
    value anyway.)

    >>> [(e.old, e.new) for e in _identifiers_renamed("type text/dock at /.well-known/a", "type text/bike at /.well-known/a")]
    [('text/dock', 'text/bike')]
    """
    said, saying = _PROTOCOL_IDENTIFIER.findall(old), _PROTOCOL_IDENTIFIER.findall(new)
    if said == saying or len(said) != len(saying):
        return []
    return [Effect("value", a, b, sentence=new) for a, b in zip(said, saying) if a != b]


MEDIA_TYPE_PREFIX = r"(?:application|text|image|audio|video|multipart|message|font|model)/"
"""The top-level types a media type opens with, and its slash."""
_PROTOCOL_IDENTIFIER = re.compile(rf"(?<![\w/.-])(?:{MEDIA_TYPE_PREFIX}[a-z0-9][\w.+-]*[\w+]|/\.well-known/[\w.-]*\w)")
"""A media type ("application/dock-list+json") or a well-known path ("/.well-known/dock-list")."""


def _condition_of_a_rule_reworded(old: str, new: str, old_place: Place, new_place: Place) -> bool:
    """Whether a sentence that states a rule on both sides says its condition in words of its own on
    each side, however few: the OCI distribution spec's "If the manifest is not found in the registry,
    the response code MUST be `404 Not Found`" -> "... in the repository, ..." read as a slight
    rewording, editorial; the rule answers other cases. (A synonym reads so too: worth a read.)"""
    if not (rules(old, old_place) and rules(new, new_place)):
        return False
    from rapidfuzz.distance import Levenshtein

    said, saying = " ".join(_own_conditions(old, new)), " ".join(_own_conditions(new, old))
    if not (said and saying):
        return False
    came, went = inserted_and_deleted(words(prose(said)), words(prose(saying)))
    # (a letter mistyped is no other condition: OpenTelemetry's "If no such lisf of references ..." -> "list")
    return not (len(came) == len(went) and all(Levenshtein.distance(a, b) <= 1 for a, b in zip(came, went)))


def _alternative_of_a_rule_dropped(old: str, new: str, old_place: Place, new_place: Place) -> bool:
    """Whether a sentence that states a rule on both sides lost one of the things it names side by side,
    and gained no word in its place, however long it is: the OCI distribution spec's "A client that
    pushes an image or artifact manifest ... MUST verify ..." -> "... an image manifest ..." read as a
    slight rewording, editorial; the rule reaches fewer things. (A word swapped for another, "lazy" ->
    "non-greedy", is as often a synonym as another thing; words only added are ``_phrase_added``'s.)"""
    came, went = without_inflections(*inserted_and_deleted(words(prose(old)), words(prose(new))))
    if [w for w in came if w not in _NAMES_NOTHING]:
        return False
    went = [w for w in went if w not in _NAMES_NOTHING and w.isalpha()]
    side_by_side = prose(old).lower()
    return (
        bool(went)
        and all(re.search(rf"\b(?:and|or)\s+{w}\b|\b{w}\s+(?:and|or)\b", side_by_side) for w in went)
        and bool(rules(old, old_place))
        and bool(rules(new, new_place))
    )


_RST_LINK = re.compile(r"`[^`<\n]*<([^<>\s]+)>`__?")
"""A link written as reStructuredText does, "`label <https://...>`_", which Markdown shows as it stands."""
_LEADING_ORDINAL = re.compile(r"^\s*\d{1,3}[.)](?=\s)\s*")
"""A number that opens a text as an ordered item's does: "1. ", "12) "."""


def _keywords_one_way(text: str) -> str:
    """``text`` with its RFC 2119 keywords in lower case and each "shall" written "must", which RFC 2119
    gives one meaning ("MUST   This word, or the terms "REQUIRED" or "SHALL", mean that ..."): two texts
    that differ only there say the same (a keyword only recased is editorial, as ``semantics_real``'s
    guide decides, in code marks too).

    >>> _keywords_one_way("Names SHALL NOT hold `::`; a tag MAY be empty. Shall it?")
    'Names must not hold `::`; a tag may be empty. Must it?'
    """
    lowered = _KEYWORD_IN_CAPITALS.sub(lambda found: found.group().lower(), text)
    return _SHALL.sub(lambda found: "Must" if found.group().startswith("S") else "must", lowered)


_SHALL = re.compile(r"\b(?:shall|Shall)\b")
_KEYWORD_IN_CAPITALS = re.compile(r"\b(?:MUST|SHALL|SHOULD|MAY|NOT|REQUIRED|RECOMMENDED|OPTIONAL)\b")


def _with_rules_taken_in(
    changed: list[tuple[str | None, str | None]], old: str, old_place: Place, new_place: Place
) -> list[tuple[str | None, str | None]]:
    """The changed sentences, a sentence gone joined to the changed one that took in all its rules
    (see :func:`_taken_in`), so that the two are read as one rewritten: no rule removed, and no
    reach widened by the words it brought ("MUST return X" -> "MUST return X and a document ...")."""
    joined = list(changed)
    if not any(gone is not None and came is None for gone, came in changed):
        return joined  # no sentence gone whole (most clauses)
    in_old = Counter(words(prose(old)))
    said_in = {text: _what_each_rule_says(text, new_place) for _, text in changed if text is not None}
    for gone, came in changed:
        if gone is None or came is not None:
            continue
        rules = _what_each_rule_says(gone, old_place)
        into = next(
            (
                k
                for k, (partner, became) in enumerate(joined)
                if partner is not None
                and became is not None
                and all(_taken_in(modal, said, in_old, said_in.get(became) or []) for modal, said in rules)
            ),
            None,
        )
        if rules and into is not None:
            partner, became = joined[into]
            joined[into] = (" ".join(sorted((partner or "", gone), key=old.find)), became)
            joined.remove((gone, None))
    return joined


def _taken_in(modal: Modal, said: str, in_old: Counter[str], new_rules: list[tuple[Modal, str]]) -> bool:
    """Whether a rule of the old text (whose words ``in_old`` counts), ``modal`` saying ``said``, lives on
    in one of ``new_rules`` (see :func:`_what_each_rule_says`).

    JSON:API joined "... it MUST return a `200 OK` response. The response document MUST include
    a representation of the updated resource(s) ..." into "... it MUST return a `200 OK` response
    and a document that contains the updated resource(s) as primary data.": the second MUST is no
    rule removed. A rule is taken in when a rule of the same force says two words or more of what
    it said that the rest of the old text does not. SemVer's "The string MUST be comprised of only
    alphanumerics ... and MUST begin with an alpha character" lost its second rule: what that one
    said ("begin with an alpha character") is said nowhere.
    """
    in_rule = Counter(words(prose(said)))
    own = {w for w in _content(said) if in_old[w] <= in_rule[w]}  # (a row that says it too says it elsewhere)
    force = (modal.polarity, modal.strength)
    return any(
        (other.polarity, other.strength) == force and len(own & _content(other_said)) >= 2 for other, other_said in new_rules
    )


def _what_each_rule_says(text: str, place: Place) -> list[tuple[Modal, str]]:
    """Each rule phrase of ``text`` (:func:`_rule_places`) with what it says: the words up to the
    sentence's next rule phrase, and for a sentence's first rule its subject before it. "The string
    MUST be X and MUST begin with Y.": the first MUST says "The string ... be X and", the second
    "begin with Y.". (A rule's words stop at a stop, colon or list item: a table cell's "See [Path
    Templating].<li>If `in` is `"body"`, the name MUST be `"body"`. <li>For all other cases ..." reads
    as one sentence.)"""
    places = sorted(_rule_places(text, place), key=lambda found: (found[2], found[0].span))
    said = []
    for k, (modal, _, index, before, after) in enumerate(places):
        first = k == 0 or places[k - 1][2] != index
        following = places[k + 1][0] if k + 1 < len(places) and places[k + 1][2] == index else None
        upto = following.span[0] - modal.span[1] if following is not None else len(after)
        subject = _PART_END.split(before)[-1] if first else ""
        said.append((modal, subject + _PART_END.split(after[:upto])[0]))
    return said


_PART_END = re.compile(r"[.;:](?:\s|<)|<li>")
"""Where a rule's words stop, within what reads as one sentence (not at a line's end: a paragraph's
sentences run on over its lines)."""


def _only_empty_marks_changed(old: str, new: str, old_place: Place, new_place: Place) -> bool:
    """Whether a table row only swapped one mark of a cell left empty for another ("N/A" for "-").

    >>> row = Place("table_row")
    >>> _only_empty_marks_changed("0x0000 | RESERVED | N/A", "0x0000 | RESERVED | -", row, row)
    True
    >>> _only_empty_marks_changed("0x0000 | RESERVED | N/A", "0x0000 | RESERVED | Y", row, row)
    False
    """
    if old_place.kind != "table_row" or new_place.kind != "table_row":
        return False
    cells_old, cells_new = _cells(old), _cells(new)
    if cells_old == cells_new or len(cells_old) != len(cells_new):
        return False
    return all(a == b or (a.lower() in _EMPTY_MARKS and b.lower() in _EMPTY_MARKS) for a, b in zip(cells_old, cells_new))


def _column_names_cut_short(old: str, new: str, old_place: Place, new_place: Place) -> bool:
    """Whether a table's header row only cut the names of its columns short, or wrote them out: of each
    name changed, one begins the other, in any case ("Recommended" -> "R", "Reference" -> "Ref", "Path
    Required" -> "Path"). The rows under it name the same things.

    >>> header = Place("table_row")
    >>> _column_names_cut_short("Value | Recommended", "Value | R", header, header)
    True
    >>> _column_names_cut_short("Value | Recommended", "Value | Optional", header, header)
    False
    """
    if not (_is_header_row(old_place) and _is_header_row(new_place)):
        return False
    cells_old, cells_new = _cells(old), _cells(new)
    if cells_old == cells_new or len(cells_old) != len(cells_new):
        return False
    return all(a == b or _one_begins_the_other(a.lower(), b.lower()) for a, b in zip(cells_old, cells_new))


def _one_begins_the_other(a: str, b: str) -> bool:
    """Whether two words, neither empty, are one the other's beginning ("ref", "reference")."""
    return bool(a and b) and (a.startswith(b) or b.startswith(a))


def _is_header_row(place: Place) -> bool:
    """Whether ``place`` is a table's header row (the first row of its table, which names the columns)."""
    return place.kind == "table_row" and place.header is None


_EMPTY_MARKS = frozenset({"", "-", "--", "\u2013", "\u2014", "n/a", "none", "\u2205"})
"""What a table writes in a cell that holds no value: nothing, a dash, "N/A", "none", "∅"."""


def _only_notes_column_changed(old: str, new: str, old_place: Place, new_place: Place) -> bool:
    """Whether a table row (or its header) only lost or gained the cells of columns that note, not
    state: a unit, a description, a comment. The consensus specs dropped the "Unit" column of their
    constants tables ("| Name | Value | Unit |" -> "| Name | Value |"), and each row read as reworded.

    >>> row = Place("table_row", header="Name | Value | Unit")
    >>> _only_notes_column_changed("`X` | `1` | slots", "`X` | `1`", row, Place("table_row", header="Name | Value"))
    True
    >>> _only_notes_column_changed("Name | Value | Unit", "Name | Value", Place("table_row"), Place("table_row"))
    True
    >>> _only_notes_column_changed("Name | Value | Required", "Name | Value", Place("table_row"), Place("table_row"))
    False
    >>> row = Place("table_row", header="Name | Description", capitals=True)
    >>> _only_notes_column_changed("`url` | The URL MUST be absolute.", "`url`", row, Place("table_row", header="Name"))
    False
    """
    if old_place.kind != "table_row" or new_place.kind != "table_row":
        return False
    header_old = old_place.header if old_place.header is not None else old
    header_new = new_place.header if new_place.header is not None else new
    columns_old, columns_new = _cells(header_old), _cells(header_new)
    cells_old, cells_new = _cells(old), _cells(new)
    if columns_old == columns_new or len(cells_old) != len(columns_old) or len(cells_new) != len(columns_new):
        return False
    changed = set(columns_old) ^ set(columns_new)
    if not changed or not all(column.lower() in _NOTES_COLUMNS for column in changed):
        return False
    kept_old = [cell for column, cell in zip(columns_old, cells_old) if column not in changed]
    kept_new = [cell for column, cell in zip(columns_new, cells_new) if column not in changed]
    noted = [cell for column, cell in [*zip(columns_old, cells_old), *zip(columns_new, cells_new)] if column in changed]
    # (a Description cell can hold the row's rules, "REQUIRED. The URL MUST be absolute.": those are read)
    return kept_old == kept_new and not any(rules(cell, replace(old_place, kind="paragraph")) for cell in noted)


def _only_described_otherwise(old: str, new: str) -> bool:
    """Whether a table row whose level has a cell of its own ("| `private` | MUST | ... |") changed only in the
    cells after that cell, which describe what the level binds and state no rule of their own: runtime-spec's
    mount options, "[^2] (bind mounts)" -> "Bind mount propagation [^2]", read as each option's MUST narrowed.

    >>> _only_described_otherwise("`rbind` | MUST | [^2] (bind mounts)", "`rbind` | MUST | Recursive bind mount [^2]")
    True
    >>> _only_described_otherwise("`rbind` | MUST | mounts", "`rbind` | MUST | mounts. It MUST NOT follow links.")
    False
    """
    cells_old, cells_new = _cells(old), _cells(new)
    if len(cells_old) != len(cells_new) or len(cells_old) < 3:
        return False
    level = next((k for k, cell in enumerate(cells_old) if _level_only(cell)), None)
    if level is None or level == 0 or cells_old[: level + 1] != cells_new[: level + 1]:
        return False
    return not any(rules(cell, Place(kind="paragraph")) for cell in cells_old[level + 1 :] + cells_new[level + 1 :])


def _level_only(cell: str) -> bool:
    """Whether a table cell holds only a requirement level, in capitals: "MUST", "SHOULD NOT"."""
    said = cell.split()
    return bool(said) and cell.isupper() and said[0] != "NOT" and all(w.lower() in RFC_WORDS for w in said)


def _cells(row: str) -> list[str]:
    return [cell.strip() for cell in row.split(" | ")]


_NOTES_COLUMNS = {"unit", "units", "description", "descriptions", "note", "notes", "comment", "comments", "remarks"}
"""Columns that note something of each row, not what the row states."""


def _said_alike(old: str, new: str) -> bool:
    """Whether two sentences say the same words but for punctuation, case, an article, a "so" or a
    word written twice: what they rule is the same, however the reader takes a comma. LSP's "If a
    server does the client needs to retrigger the request" -> "If a server does so, the client needs
    to ..." read as an obligation added (the comma now closes the condition).

    >>> _said_alike("If it fails the client needs to retry.", "If it fails, the the client needs to retry.")
    True
    >>> _said_alike("It MUST be a `*bool`.", "It MUST be a `bool`."), _said_alike("It should go.", "It SHOULD go.")
    (False, False)
    """
    return _said_plainly(old) == _said_plainly(new)


def _said_plainly(text: str) -> list[str]:
    """The words of ``text`` as written (code spans and marks whole, cases kept), without punctuation,
    articles, a "so", and a word's second copy."""
    found = [w for w in _PLAIN_TOKEN.findall(text) if w.lower() not in _SLIGHTEST]
    return [w for k, w in enumerate(found) if k == 0 or found[k - 1] != w]


_PLAIN_TOKEN = re.compile(r"`[^`]*`|\w+|[^\w\s.,;:!?'\"()\[\]\-\u2019]")
_SLIGHTEST = {"a", "an", "the", "so"}
"""Words a sentence gains or loses in a copy edit: its articles, and the "so" of "If a server does so, ..."."""


def _repeat_dropped_or_added(old: str, new: str) -> bool:
    """Whether the two texts say the same sentences in the same order, one of them said twice on one
    side only: OpAMP deleted the second of two "May be omitted if nothing changed since last
    AgentToServer message." in one paragraph, and it read as the permission taken away.

    >>> _repeat_dropped_or_added("Go. May stop. Turn. May stop.", "Go. May stop. Turn.")
    True
    >>> _repeat_dropped_or_added("A. B.", "B. A.")
    False
    """
    said, saying = sentences(old), sentences(new)
    return said != saying and list(dict.fromkeys(said)) == list(dict.fromkeys(saying))


def _run_of_words_repeated(old: str, new: str) -> bool:
    """Whether one text is the other with a run of two words or more said twice in a row: QPACK's draft
    said "A stream becomes unblocked when the Insert Count becomes unblocked when the Insert Count becomes
    greater than ...", words pasted twice, and dropping the repeat read as a condition taken away. (Prose
    only: a table row's "| ✅ | ✅ |" gaining a cell, or a sample's "1, 1, 1" a value, says more.)

    >>> _run_of_words_repeated("rings when it is lit when it is lit and free", "rings when it is lit and free")
    True
    >>> _run_of_words_repeated("rings when it is lit and free", "rings when it is free")
    False
    >>> _run_of_words_repeated("it rang rang", "it rang")
    False
    """
    longer, shorter = sorted((old.split(), new.split()), key=len, reverse=True)
    extra = len(longer) - len(shorter)
    if extra < 2:
        return False
    prefix = next((k for k, (a, b) in enumerate(zip(longer, shorter)) if a != b), len(shorter))
    suffix = next((k for k, (a, b) in enumerate(zip(reversed(longer), reversed(shorter))) if a != b), len(shorter))
    for start in range(max(0, len(shorter) - suffix), prefix + 1):  # where the run may stand, the rest kept
        run = longer[start : start + extra]
        if (start >= extra and longer[start - extra : start] == run) or longer[start + extra : start + 2 * extra] == run:
            return True
    return False


def _phrase_added(old: str, new: str, place: Place) -> bool:
    """Whether prose only gained words, enough to say something new however long the clause: JSON:API's
    "... or square-bracketed legal [member names]" -> "..., square-bracketed legal [member names], or
    square-bracketed dot-separated lists of legal member names". A rewording swaps words here and
    there; it does not only add them. (Cross-references added, "({{HTTP, Section 9.3.3}})", are
    pointers; HTML blocks and front matter are markup and metadata.)"""
    if place.kind not in ("paragraph", "list_item", "table_row", "blockquote"):
        return False
    return len(words_only_added(_REFERENCE.sub(" ", old), _REFERENCE.sub(" ", new))) >= PHRASE_ADDED_AT_LEAST


PHRASE_ADDED_AT_LEAST = 5
"""Words (not counting articles) only added to a clause, none taken away, that are never a slight rewording."""


def _code_rewritten(old: str, new: str) -> bool:
    """Whether a code span's text was rewritten in place: what it holds is a name or a value, where a
    changed letter or mark is a change ("`*bool`" -> "`bool`", an enum value renamed), never a typo
    fixed. Backticks put around text already there, or a link's label (its target names the thing),
    are markup.

    >>> _code_rewritten("Set `mode` to `*bool`.", "Set `mode` to `bool`."), _code_rewritten("Use {x}.", "Use `{x}`.")
    (True, False)
    >>> _code_rewritten("Append '/' to the `purl`.", "Append '/' to the PURL.")  # (the backticks went, and the case)
    False
    >>> _code_rewritten("See [`Incomplete`][r] here.", "See [`InputRequired`][r] here.")
    False

    A placeholder renamed is a label changed, not a value: "`/v2/<name>/manifests/<reference>`"
    -> "`/v2/<name>/manifests/<tag-or-digest>`" names the same part of the same path.

    >>> _code_rewritten("GET `/v2/<name>/tags/<reference>`", "GET `/v2/<name>/tags/<tag-or-digest>`")
    False
    >>> _code_rewritten("Run `git reset --hard <unreviewed revision id>`.", "Run `git reset --hard <unreviewed revision ID>`.")
    False
    >>> _code_rewritten("GET `/v2/<name>/tags/<reference>`", "GET `/v2/<name>/blobs/<reference>`")
    True
    >>> _code_rewritten("Types `string`, `binary`.", "Types `string`, `binary`, `uuid`.")
    True
    """
    keyed_a, keyed_b = _code_keyed(old), _code_keyed(new)
    a, b = [key for key, _ in keyed_a], [key for key, _ in keyed_b]
    raw_a, raw_b = [span for _, span in keyed_a], [span for _, span in keyed_b]
    if a == b:
        return False
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "replace":
            return True
        # A code span that came or went with its text is a value added to (or taken from) a list:
        # "`string`, `binary`" -> "`string`, `binary`, `geometry`" (Iceberg). Backticks put around
        # words already there are markup.
        if tag == "insert" and any(_new_to(old, span) for span in raw_b[j1:j2]):
            return True
        if tag == "delete" and any(_new_to(new, span) for span in raw_a[i1:i2]):
            return True
    return False


def _new_to(text: str, span: str) -> bool:
    """Whether a code span's text stands nowhere in ``text``, as it is or as it is compared
    (``_code_key``): JSONPath's 'The "length" function' -> 'The `length()` function' only marked it."""
    return span.lower() not in text.lower() and _code_key(span).lower() not in text.lower()


def _value_change(old: str, new: str, where: str | None, normative: bool) -> list[Effect]:
    """A name or value written as code that another took the place of, among the same words: a
    required value changed. "The status MUST be `409 Conflict`." -> "... `400 Bad Request`." and
    "The protocol id MUST be `/dock`." -> "... `/dock/1.0`." change what complies (unless the
    document renamed the thing throughout: ``amendments`` tells, with both versions at hand). Only
    code spans that took each other's places one for one between unchanged words count: one that
    only came or went (a value added to a list, or taken from it) is left to the words around it,
    as is a sentence rewritten around other values; one of digits alone is a ``number`` and a
    requirement level's word a ``modality``.

    >>> [(e.old, e.new) for e in _value_change("Set `mode` to `fast`.", "Set `mode` to `slow`.", None, True)]
    [('fast', 'slow')]
    >>> _value_change("Types `string`, `binary`.", "Types `string`, `binary`, `uuid`.", None, True)
    []
    """
    if "`" not in old + new and "<code>" not in (old + new).lower():
        return []  # (the usual case, told without reading)
    if len(old) + len(new) > VALUE_SENTENCE_AT_MOST:
        return []
    # (a value in an example of the rule is the example's: JSON:API's "(for example, updating the
    # `updated-at` attribute ...)" -> "`updatedAt`", the document's attributes renamed)
    old, new = EXAMPLE_ASIDE.sub("", old), EXAMPLE_ASIDE.sub("", new)
    keyed_old, keyed_new = _code_keyed(old), _code_keyed(new)
    if keyed_old == keyed_new:
        return []
    # Replaced one for one among the code spans alone (not a list grown, "`a` or `b`" -> "`a`, `b` or
    # `c`", nor rewritten with more values, "`\\uXXXX` or `\\UXXXXXXXX`" -> three forms), and among
    # the words too (not a sentence rewritten around other values).
    in_words = set(_replaced_one_for_one(_words_and_code(old), _words_and_code(new)))
    effects = []
    for was, now in _replaced_one_for_one(keyed_old, keyed_new):
        if (was, now) not in in_words or (_DIGITS_ALONE.fullmatch(_code_key(was)) and _DIGITS_ALONE.fullmatch(_code_key(now))):
            continue
        if modal_meaning(was) or modal_meaning(now):
            continue  # a requirement level (`Recommended` -> `Required`): the modality effect reads it
        # (a name spelt in other capitals is the same name: SPIFFE's "the `CA` field" -> "the `cA` field")
        renamed = "renamed" if was.casefold() == now.casefold() else None
        effects.append(Effect("value", was, now, renamed, sentence=where, normative=normative))
    return effects


def _replaced_one_for_one(old: list[tuple[str, str]], new: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The code spans of ``new`` that took the places of as many of ``old``, one for one, as
    (old text, new text) pairs. Each side lists (key, text): compared by key, a word's text empty."""
    pairs: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(None, [key for key, _ in old], [key for key, _ in new], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        gone, came = [text for _, text in old[i1:i2]], [text for _, text in new[j1:j2]]
        if tag == "replace" and len(gone) == len(came) and all(gone + came):
            pairs += zip(gone, came)
    return pairs


def _code_keyed(text: str) -> list[tuple[str, str]]:
    """The code spans of ``text``, each keyed without its placeholders' names (``_PLACEHOLDER``) and
    a number without the type written around it (:func:`_code_key`)."""
    return [(_code_key(span), span) for span in code_spans(text)]


def _code_key(span: str) -> str:
    """What a code span is compared by: its placeholders without their names, a number without the
    type it is written in, and no spaces beside a separator. The consensus specs wrote their constants'
    values with their types, "`0`" -> "`Uint64(0)`", "`2**4`" -> "`uint64(2**4)`": the same value.
    JSON:API wrote "`text/html; charset="utf-8"`" as "`text/html;charset="utf-8"`": the same header.
    A slash escaped is a slash: the OCI distribution spec wrote its name pattern's "`(/[a-z0-9]+`" as
    "`(\\/[a-z0-9]+`", which matches the same names.

    >>> _code_key("Uint64(0)"), _code_key("uint64(2**4)"), _code_key("/v2/<name>/tags"), _code_key("Epoch(x)")
    ('0', '2**4', '/v2/<>/tags', 'Epoch(x)')
    >>> _code_key('text/html; charset="utf-8"'), _code_key("a b"), _code_key(r"(\\/[a-z]+)*")
    ('text/html;charset="utf-8"', 'a b', '(/[a-z]+)*')

    A function's name written with its call's empty brackets is the same name: JSONPath's "`length`"
    -> "`length()`".

    >>> _code_key("length()"), _code_key("()")
    ('length', '()')
    """
    typed = _TYPED_NUMBER.fullmatch(span)
    if typed:
        return typed.group(1)
    span = _EMPTY_CALL.sub("", span)
    return _SPACED_SEPARATOR.sub(r"\1", _PLACEHOLDER.sub(r"\1\2", span.replace("\\/", "/")))


_EMPTY_CALL = re.compile(r"(?<=\w)\(\)$")
"""Empty brackets after a name, that write it as a function's: "length()"."""


_SPACED_SEPARATOR = re.compile(r"\s*([;,=])\s*")
"""A separator in code with the spaces around it, which say nothing: "`a; b`" is "`a;b`"."""


_TYPED_NUMBER = re.compile(r"\s*" + TYPE_NAME + r"\(\s*(-?\d+(?:\.\d+)?|\d+\s*\*\*\s*\d+)\s*\)\s*")
"""A number, or a power of two, written in its type (``lexicon.TYPE_NAME``): ``Uint64(0)``, ``uint64(2**4)``."""
_TYPED_NUMBER_SPAN = re.compile(f"`{_TYPED_NUMBER.pattern}`")


def _case_changed(old: str, new: str) -> Effect:
    """A scenario's WHEN (or GIVEN) step reworded: the case its THEN steps oblige in changed. Words only
    added narrow it ("WHEN a user runs their first command{+ without `--json`+}"), words only dropped
    widen it, and the THEN steps then bind in more cases; words that carve a case out ("unless", "other
    than") add or remove an exception.

    >>> old = "WHEN a dock is full"
    >>> [_case_changed(old, new).direction for new in ("WHEN a city dock is full", "WHEN full", "WHEN a dock is shut")]
    ['scope_narrowed', 'scope_widened', None]
    """
    old_words, new_words = old.split(), new.split()
    kept, came = set(old_words), set(new_words)
    direction = "scope_narrowed" if kept < came else "scope_widened" if came < kept else None
    opcodes = [op for op in token_opcodes(old_words, new_words) if op[0] != "equal"]
    dropped = " … ".join(" ".join(old_words[i1:i2]) for _, i1, i2, _, _ in opcodes if i2 > i1) or None
    added = " … ".join(" ".join(new_words[j1:j2]) for _, _, _, j1, j2 in opcodes if j2 > j1) or None
    if direction is not None and _CARVED_OUT.search((added if direction == "scope_narrowed" else dropped) or ""):
        # "fails{+ for any reason other than the label missing+}": a case carved out of the rule
        direction = "exception_added" if direction == "scope_narrowed" else "exception_removed"
    return Effect("condition", dropped, added, direction, sentence=new, normative=True, old_obliges=True, new_obliges=True)


_CARVED_OUT = re.compile(r"(?i)\b(?:unless|except|other\s+than)\b")



def _words_and_code(text: str) -> list[tuple[str, str]]:
    """The words and code spans of ``text`` in order, each with the key it is compared by and, for a
    code span, its text (empty for a word). A placeholder's name is no part of the key
    (``_PLACEHOLDER``).

    >>> _words_and_code("Set `mode` to <code>on</code>.")
    [('set', ''), ('\\x00mode', 'mode'), ('to', ''), ('\\x00on', 'on')]
    """
    found: list[tuple[str, str]] = []
    for match in _WORD_OR_CODE.finditer(text):
        if match.group("word"):
            found.append((match.group("word").lower(), ""))
        elif not match.group(0).startswith("["):
            span = _span_text(match)
            found.append(("\0" + _code_key(span), span))
    return found


_DIGITS_ALONE = re.compile(r"\s*-?\d+(?:\.\d+)?%?\s*")
"""A code span holding a number alone (`` `3` ``, or once its type is set aside, `` `Uint64(3)` ``), which
:func:`numbers` reads."""


def code_spans(text: str) -> list[str]:
    """The code spans of ``text``, without the quotes around each (`` `"limit"` `` names the field
    `` `limit` `` names); :func:`_code_rewritten` blanks their placeholders' names (``<name>``, ``{id}``).
    A sentence in backticks is no name or value: purl writes its types' notes as code ("- **Note:**
    `Technically the name is case-perserving, ...`"), and a typo fixed there read as a value changed.

    >>> code_spans("Set `mode` to ``fast``. `The name is case-preserving, but case-insensitive.`")
    ['mode', 'fast']
    """
    spans = (_span_text(m) for m in _CODE_SPAN.finditer(text) if not m.group(0).startswith("["))
    return [span for span in spans if not _SENTENCE_IN_CODE.fullmatch(span)]


_SENTENCE_IN_CODE = re.compile(r"[A-Z][a-z]*(?: \S+){4,} \S*[.:]")
"""A sentence written as code: a capitalised word and five words more, up to a full stop or a colon."""


def _span_text(match: re.Match[str]) -> str:
    """The text of a code span matched by ``_CODE_SPAN`` (or ``_WORD_OR_CODE``), its spacing and quotes put
    aside: the OCI image spec's "`gid `" -> "`gid`" named the same field (a span of spaces only is kept)."""
    spaced = _SPACES.sub(" ", match.group(1) or match.group(2) or match.group(3) or "")
    return (spaced.strip() or spaced).strip("\"'")


# A code span, or one that is a link's whole label ("[`Result`][ref]", left out by the caller), or
# an HTML code element: OSV's registry of ID prefixes is an HTML table of <code>SUSE-SU</code> cells.
# A span between double backticks is one span too: purl's "``maven``" (reStructuredText's way) is
# CommonMark's "`maven`".
_CODE_SPAN = re.compile(r"\[`[^`\n]*`\]|``([^`\n]+)``|`([^`\n]*)`|<code>([^<\n]*)</code>", re.IGNORECASE)
# A placeholder in a code span: a name in angle brackets or braces, perhaps of a few words ("`git reset
# --hard <unreviewed revision id>`" in SLSA), keeping the brackets.
_PLACEHOLDER = re.compile(r"([<{])[A-Za-z][\w.-]*(?: [A-Za-z][\w.-]*){0,5}([>}])")
_SPACES = re.compile(r"\s+")
# A code span (as ``_CODE_SPAN``) or a word: a sentence as ``_value_change`` compares it.
_WORD_OR_CODE = re.compile(_CODE_SPAN.pattern + r"|(?P<word>\w+)", re.IGNORECASE)
VALUE_SENTENCE_AT_MOST = 20_000
"""Characters of two sentences at most for a value replaced in them to be looked for (a huge line
of code spans is no sentence)."""


def _alike_but_examples(old: str, new: str) -> bool:
    """Whether two texts say the same words once their examples in brackets are set aside (``_said``)."""
    return _said(EXAMPLE_ASIDE.sub(" ", old)) == _said(EXAMPLE_ASIDE.sub(" ", new))


def _exemption_change(old: str | None, new: str | None, whole: str, place: Place) -> list[Effect]:
    """An exemption sentence beside a rule that now exempts more (or fewer) cases.

    "Requests that finish the upload are exempt from this limit." -> "This limit does not
    apply to empty requests, or to requests that finish the upload." states no rule of its
    own, but widens the carve-out of the rule beside it: ``exception_added``; shrunk, it is
    ``exception_removed``. Read only when both versions exempt and one list holds the other.
    """
    if old is None or new is None or not (_EXEMPTION.search(old) and _EXEMPTION.search(new)):
        return []
    before = set(words(prose(_EXEMPTION_WORDING.sub(" ", old)))) - _FILLER
    after = set(words(prose(_EXEMPTION_WORDING.sub(" ", new)))) - _FILLER
    if before == after or not (before < after or after < before):
        return []
    if not states_a_rule(whole, place):
        return []
    obliging = obliges(whole, place=place)
    direction = "exception_added" if before < after else "exception_removed"
    return [Effect("condition", None, None, direction, sentence=new, normative=True, old_obliges=obliging, new_obliges=obliging)]


_EXEMPTION = re.compile(
    r"(?i)\b(?:(?:is|are)\s+exempt(?:ed)?\s+from|(?:does|do)\s+not\s+apply\s+to|(?:is|are)\s+not\s+subject\s+to)\b"
)
# The words an exemption is worded with, set aside to compare what it exempts.
_EXEMPTION_WORDING = re.compile(
    _EXEMPTION.pattern + r"|(?i:\b(?:this|the|that)\s+(?:limit|requirement|rule|restriction)\b|\bor\s+to\b)"
)


def _quoted_and_digits(text: str) -> tuple[list[str], list[str]]:
    """What a title's quotations and numbers say: a change there is a change of the example."""
    return re.findall(r"\"[^\"]*\"|“[^”]*”|`[^`]*`", text), re.findall(r"\d+", text)


# A sentence or parenthesis that only points elsewhere: "See [Appendix E](#e) for details.",
# "See [domain](../glossary.md#domain), [provider](../glossary.md#provider) for details." (a dot in
# a later link's address ends no sentence), "(see also [?](#style))", a link alone that says so
# ("[See the reference implementation](https://...)"), a link by reference ("See the [lifecycle
# document][lifecycle-spec] for context"). Adding one changes no rule.
_POINTER = re.compile(
    r"\(\s*see\b(?:[^()]|\([^()]*\))*\)|(?:(?<=[.!?;])|^)\s*\(?see\s+(?:also\s+)?(?:the\s+)?(?:(?!(?:must|shall|should|may)\b)[a-z][\w-]*\s+){0,5}\[[^\]]*\](?:\([^)]*\)|\[[^\]]*\])"
    r"(?:\[[^\]]*\](?:\([^)]*\))?|[^.!?\[])*[.!?]?\)?\s*(?=$|[A-Z])"
    r"|(?:(?<=[.!?;])|^)\s*\[see\b[^\]]*\]\([^)]*\)\s*\.?\s*$"
    # a "see:" line of links closing the text: "see: [error codes](../types.md#error-code), [Requirement 1.1.2.4](...)"
    r"|(?:(?<=[.!?;])|^)\s*see(?:\s+also)?:\s*(?:\[[^\]]*\]\([^)]*\)(?:\s*,\s*|\s+and\s+|\s+)?)+\s*$",
    re.IGNORECASE,
)


def _pointer_reworded(old: str, new: str) -> bool:
    """Whether a kramdown-rfc reference to a table, a figure or a section came (or went) in place of words
    that point: JSONPath's "The following examples show ..." -> "The examples in {{tbl-name}} show ...",
    "..., as in the table below" -> "..., as shown in {{tbl-esc}}". Only the pointing words may differ.

    >>> _pointer_reworded("The following rows list docks.", "The rows in {{tbl-docks}} list docks.")
    True
    >>> _pointer_reworded("The rows list docks.", "The rows in {{tbl-docks}} list bikes.")
    False
    """
    cited, citing = set(_KRAMDOWN_REFERENCE.findall(old)), set(_KRAMDOWN_REFERENCE.findall(new))
    if cited == citing or not (cited < citing or citing < cited):
        return False  # (one reference swapped for another is read: "{{RFC7230}}" -> "{{Section 3.5 of RFC9110}}")
    said = [[w for w in words(_KRAMDOWN_REFERENCE.sub(" ", text)) if w not in _POINTING_WORDS] for text in (old, new)]
    return said[0] == said[1]


_KRAMDOWN_REFERENCE = re.compile(r"\{\{[!?]?[\w.:/-]+\}\}")
"""A kramdown-rfc reference, "{{tbl-docks}}", "{{!RFC9110}}" (not a template's "{{ proto_to_table("Dock") }}")."""
_POINTING_WORDS = frozenset("following below above shown in as the table figure see here this these".split())
"""Words that point at a table, a figure or a place in the text ("the following", "as shown in the table below")."""


_LINK_OR_REFERENCE = r"(?:\[[^\]]*\](?:\([^)]*\)|\[[^\]]*\])?|" + _KRAMDOWN_REFERENCE.pattern + ")"
"""A Markdown link, or a kramdown-rfc reference to a section or a document ("{{sec-errors}}", "{{!RFC9110}}")."""

# A sentence that only says where something is written: "The full grammar can be found in the
# [ABNF file][abnf].", "Results can be viewed at [the board](...)", "To test a server, please use
# the [test suite](./suite/).", "See the Registered types section for details.", "You may learn
# more in [the guide](...)", "Check out [the FAQ](...) for ...". It states nothing
# itself. (:data:`_POINTER` takes the "See [link] ..." sentences and asides.)
_WHERE_WRITTEN = re.compile(
    r"(?:(?<=[.!?])|^)[^.!?\[]*\b(?:(?:can|may)\s+be\s+(?:found|viewed|seen)(?:\s+(?:in|at|on|under))?"
    r"|please\s+(?:use|see|refer\s+to|consult|read))\s+(?:the\s+)?(?:[a-z]+\s+){0,3}?"  # ("in the introduction to {{x}}")
    + _LINK_OR_REFERENCE
    + r"[^.!?\[]*[.!?]?\)?\s*$"  # (JSONPath's "(Additional discussion ... can be found in {{sec-x}}.)")
    # "An [example](#ex) is available to illustrate the difference."
    r"|(?:(?<=[.!?])|^)\s*(?:an?|the)\s+\[[^\]]*\]\([^)]*\)\s+(?:is|are)\s+available\b[^.!?\[]*[.!?]?\s*$"
    # "See the Registered types section for details.", "See Section 5.1 for more details.", "See {{sec-x}} for more."
    r"|(?:(?<=[.!?])|^)\s*see\s+(?:[^.!?\[]|\.(?=\d)){1,80}?\bfor\s+(?:(?:more\s+|further\s+)?(?:details|information|examples)|more)"
    r"\s*[.!?]?\s*$"
    # "You may learn more in [the guide](...)", "you can view an example in [...]", "Check out [the FAQ](...) to ..."
    r"|(?:(?<=[.!?])|^)[^.!?\[]*\b(?:(?:can|may)\s+(?:learn|read|find\s+out|view|see)\s+(?:more|an?\s+example|examples)\b[^.!?\[]*"
    r"|check\s+out\s+(?:the\s+)?)"
    + _LINK_OR_REFERENCE
    + r"[^.!?\[]*[.!?]?\s*$"
    # in-toto's "The predicate for SPDX v2 is preserved in [spdx2.md](spdx2.md)."
    r"|(?:(?<=[.!?])|^)[^.!?\[]*\b(?:is|are)\s+(?:now\s+)?(?:preserved|kept|archived)\s+(?:in|at)\s+"
    + _LINK_OR_REFERENCE
    + r"\s*[.!?]?\s*$"
    # in-toto's "For a simpler verification results predicate, see https://in-toto.io/attestation/svr/v0.1"
    r"|(?:(?<=[.!?])|^)[^.!?\[]*,\s*see\s+https?://\S+?[.!?]?\s*$",
    re.IGNORECASE | re.MULTILINE,
)
_POINTER_WORDS = (
    "see", "found", "viewed", "please", "available", "learn", "view", "read", "check", "preserved", "kept", "archived",
)  # fmt: skip


_ADDRESS = re.compile(r"https?://[^\s\"'<>()\[\]`]+")
"""A web address as a code block writes it, up to a quote, a bracket or a space."""


def _address_values_changed(old: str, new: str, place: Place) -> list[Effect]:
    """A web address that is what the text names, not where to read more, swapped for another: the
    ``value`` effects. in-toto's "Type URI: https://in-toto.io/attestation/svr/v0.1" -> ".../v0.2"
    and "The predicateType MUST be https://.../v1" name the identifier producers write (under its label,
    the one a page declares, which binds as a rule does); a changed link, "see https://..." or
    "Repository URL: https://...", only points elsewhere (editorial).

    >>> [(e.old, e.new) for e in _address_values_changed("Type URI: https://x.dev/a/v1", "Type URI: https://x.dev/a/v2", Place())]
    [('https://x.dev/a/v1', 'https://x.dev/a/v2')]
    >>> _address_values_changed("Source: https://x.dev/a", "Source: https://x.dev/b", Place())
    []
    """
    was, now = _ADDRESS_VALUE.findall(old), _ADDRESS_VALUE.findall(new)
    if was == now or len(was) != len(now):
        return []
    # (the identifier a page declares under its label is what every statement of that type writes)
    normative = bool(rules(new, place)) or _IDENTIFIER_LABEL.search(new) is not None
    return [Effect("value", a, b, sentence=new, normative=normative) for a, b in zip(was, now) if a != b]


def names_recased(old: str, new: str, place: Place | None = None) -> list[Effect]:
    """Names written in camel case whose letters changed case: the ``value`` effects. CloudEvents
    renamed the subscription's wire keys "sinkCredential" -> "sinkcredential", "credentialType" ->
    "credentialtype", in headings and in "REQUIRED for credentialType=..." alike; a client that
    sends the old key is no longer understood. A word of prose written again in capitals ("should"
    -> "SHOULD", "Json" -> "JSON") names nothing in code, nor does a product's name ("LateX" -> "LaTeX"),
    nor a link's target.

    >>> [(e.old, e.new) for e in names_recased("REQUIRED for accessToken.", "REQUIRED for accesstoken.")]
    [('accessToken', 'accesstoken')]
    >>> names_recased("Clients should send Json in LateX.", "Clients SHOULD send JSON in LaTeX.")
    []
    """
    was, now = _NAME_WORD.findall(editorial_form(old)), _NAME_WORD.findall(editorial_form(new))
    if len(was) != len(now):
        return []
    recased = [
        (a, b)
        for a, b in zip(was, now)
        if a != b and a.casefold() == b.casefold() and a[0].islower() and b[0].islower() and (_CAMEL.match(a) or _CAMEL.match(b))
    ]
    normative = bool(recased) and bool(rules(new, place or Place()))
    return [Effect("value", a, b, sentence=new, normative=normative) for a, b in dict.fromkeys(recased)]


_NAME_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*")
_CAMEL = re.compile(r"[a-z]+[A-Z]")
"""A word that opens in lower case and goes on with a capital: "sinkCredential", a name as code
writes it. Both spellings keep the lower-case start: "devOps" -> "DevOps" and "LateX" -> "LaTeX"
fix how a word is written, and a heading put in title case ("toolComponent lookup" ->
"Toolcomponent Lookup") respells the name it talks about, not the name a program sends."""


_LABEL_OF_AN_IDENTIFIER = r"(?i:\b(?:type|types|id|identifier|namespace|uri|iri|urn)\b)\**:"
"""A label naming an identifier: "Type URI:", "Namespace:", "**ID**:"."""
_ADDRESS_VALUE = re.compile(
    rf"(?:\b(?:is|be|are|equals?)|{_LABEL_OF_AN_IDENTIFIER})\**\s+<?`?({_ADDRESS.pattern}?)[.,;]?(?=[\s>`]|$)"
)
"""An address that follows "is", "be" or a label naming an identifier: the value the text names."""
_IDENTIFIER_LABEL = re.compile(rf"{_LABEL_OF_AN_IDENTIFIER}\**\s+<?`?https?://")
"""Such a label before its address: in-toto's "Type URI: https://in-toto.io/attestation/svr/v0.1"."""


def _under_schema_heading(place: Place) -> bool:
    """Whether a code block sits right under a heading that names it the schema ("## Schema": each of
    in-toto's predicate pages declares its fields in a JSON sketch there)."""
    return bool(place.heading_path) and _SCHEMA_HEADING.fullmatch(place.heading_path[-1]) is not None


_SCHEMA_HEADING = re.compile(r"(?i)\W*(?:\d+(?:\.\d+)*\.?\s+)?(?:json\s+)?schemas?\W*")


def _without_pointers(text: str, place: Place | None = None) -> str:
    """``text`` without what only points elsewhere; nothing at all for a link item of a "See also:" list."""
    if (place is not None and _pointer_item(text, place)) or _TRACKER_LINKS.match(text):
        return ""
    folded = text.casefold()  # (both expressions ignore case; one of these words is in every match)
    if not any(word in folded for word in _POINTER_WORDS):
        return text.strip()  # the usual case: scanning 12,500 characters of a block for them cost 5 ms
    return _WHERE_WRITTEN.sub(" ", _POINTER.sub(" ", text)).strip()


def _pointer_item(text: str, place: Place) -> bool:
    """Whether ``text`` is an item of a list of pointers: under "See also:", "- [The fare table](#fares)
    for day passes" points, as a "See ..." sentence does (unless it states a rule of its own)."""
    see_also = place.kind == "list_item" and bool(place.lead_in and _SEE_LEAD_IN.match(place.lead_in))
    return see_also and text.lstrip().startswith("[") and not rules(text, place)


_TRACKER_ADDRESS = r"https?://[^)\s>]*/(?:issues|pull|pulls|discussions|merge_requests|commit)/\w+[^)\s>]*"
_TRACKER_LINKS = re.compile(
    r"\s*(?:[A-Z][\w -]{0,30}:\s*)?"  # a label: "Discussion issue: ", "CLI PR: "
    rf"(?:(?:\[[^\]]*\]\({_TRACKER_ADDRESS}\)|<?{_TRACKER_ADDRESS}>?)\s*[,;]?\s*)+\.?\s*$"
)
"""Text that is only links to issues, pull requests, discussions or commits of a tracker, perhaps
after a label: CloudEvents keeps its v2 backlog as "- [How should we handle text_data in
proto](https://github.com/cloudevents/spec/issues/1186)"; the Dev Container spec heads each
proposal with "* Discussion issue: https://github.com/devcontainers/spec/issues/198". The link's
words are a thread's title, not the spec's; adding one to the list changes no rule."""


# A lead-in that opens a list of pointers: "See also:", "For more, see:", "Further reading:".
_SEE_LEAD_IN = re.compile(r"(?i)^\W*(?:(?:for\s+(?:more|details)\W*)?see(?:\s+also)?|further\s+reading|references)\W*:\s*$")


# A line that is only a link to a place in the document, perhaps numbered: a table-of-contents
# entry ("[Preliminaries](#preliminaries)"). Its words are the heading's, read where the heading is.
_NAVIGATION = re.compile(
    r"^\s*(?:(?:[-*+]\s+)?(?:(?:Appendix\s+)?(?:\d+|[A-Z])(?:\.\d+)*\\?[.)]?\s*)?\[[^\]]+\]\(#[^)\s]*\)\s*)+$"
)
"""A table of contents, or one entry of it: links to headings of the page, each perhaps after its
section's number ("2.4. [Parsing](#24-parsing)", "1\\. [Introduction](#1-introduction)", "Appendix
A. [Example](#appendix-a-example)"); SPIFFE writes its whole table as one paragraph of such lines."""

_LABEL_OR_CONTENTS_BOX = re.compile(
    r"(?is)[\s*_]*(?:examples?|for\s+example|e\.g\.|notes?)[\s*_]*:?[\s*_]*"
    r"|\s*<details>\s*<summary>\s*(?:table\s+of\s+contents|contents|toc)\s*</summary>\s*"
)
"""A label alone that names what follows ("Examples:", a definition list's "Note:"), or the box a table of
contents is folded in."""

_TITLE_OR_POINTER = re.compile(r"^\W*(?:examples?\b|counter-?examples?\b|see\s+also\b|see\s+\[)", re.I)


def describe_clause(
    text: str, *, added: bool, example: bool = False, capitals: bool = False, place: Place | None = None
) -> list[Effect]:
    """The effects of adding (or removing) a whole clause: the rules it brings (or takes)."""
    if example:
        return [Effect("example")]
    place = place or Place(capitals=capitals)
    if not words(_without_pointers(text, place)) or _NAVIGATION.match(text) or only_link_definitions(text):
        return [Effect("editorial")]  # a line of "see also" pointers, a table-of-contents entry, link targets
    if _LABEL_OR_CONTENTS_BOX.fullmatch(text):
        return [Effect("editorial")]  # "Examples:" above a list of them, "<details><summary>Table of Contents</summary>"
    if editors_note(text, place):
        return [Effect("editorial")]  # "TODO: Ask the project to choose a URI": the editors' own note
    if _is_header_row(place) and "|" in text.strip().strip("|"):
        return [Effect("editorial")]  # a table's header row, "| Key | Type | Required |": its rows say what the table does
    effects = []
    for sentence in sentences(text):
        for reading in read_sentence(sentence, place):
            if reading.rule:
                pair = (None, reading.modal) if added else (reading.modal, None)
                effects.append(replace(_modality(*pair, sentence=sentence), confidence=reading.confidence))
    if not effects and (place.credits or place.changelog):
        # a name thanked in the acknowledgements; an entry of a change log ("* Redefine Upload-Complete
        # on the server side."), which tells of a change read where it was made
        return [Effect("editorial")]
    return effects


def obliges(text: str, *, capitals: bool = False, place: Place | None = None) -> bool:
    """Whether ``text`` states an obligation or prohibition (not just a permission).

    >>> obliges("You may ask."), obliges("Never guess."), obliges("It avoids `must`.")
    (False, True, True)
    >>> obliges("Users may feel rushed; the method can be applied twice.")
    False
    """
    return any(m.obliges for m in rule_modals(text, place or Place(capitals=capitals)))


def severity(kind: AmendmentKind, effects: list[Effect], *, moved_across_sections: bool = False) -> Severity:
    """Grade an amendment ``editorial``, ``substantive`` or ``breaking`` (rules above)."""
    if breaking_effects(effects):
        return "breaking"
    if kind in ("added", "removed") and effects and all(e.type == "editorial" for e in effects):
        return "editorial"  # a line of "see also" pointers came or went
    if kind in ("added", "removed") or moved_across_sections:
        return "substantive"
    if any(e.type == "editorial" for e in effects) and all(e.type in ("editorial", "reference") for e in effects):
        return "editorial"  # the words are the same; only where a link points, or a footnote marker, changed
    if effects and all(_keyword_for_its_word(e) for e in effects):
        return "editorial"  # "This object can be extended" -> "This object MAY be extended": the same leave, now marked
    if not effects and kind == "moved":  # reordered within its section, text unchanged
        return "editorial"
    return "substantive"


def _keyword_for_its_word(effect: Effect) -> bool:
    """Whether ``effect`` is a keyword of the same force put for a plain word, or the other way round
    (``_ability_made_a_keyword``): the only modality effect with no direction."""
    return effect.type == "modality" and effect.direction is None and effect.old is not None and effect.new is not None


def breaking_effects(effects: list[Effect]) -> list[Effect]:
    """The effects that make an amendment breaking (none: it is not), to say why it is."""
    restated = _restated(effects)
    return [
        e
        for e in effects
        if id(e) not in restated
        and _is_breaking(e, effects)
        and not (e.type == "negation" and _force_explains(effects, e.sentence))
    ]


UNSURE_BREAK = UNSURE
"""The confidence given to the effects behind a ``breaking`` grade that careful readers split on
(below ``model.UNSURE_BELOW``, so the amendment is flagged worth a read)."""


def with_unsure_breaks(effects: list[Effect]) -> list[Effect]:
    """``effects``, with those behind a debatable ``breaking`` grade marked unsure.

    Two grounds for ``breaking`` divide careful readers, so the grade stands but asks for a
    read: a permission taken away (is what it allowed now forbidden, or only no longer
    promised?) and an obligation left as a licence, "MUST" -> "MAY" (a guarantee gone, or a
    rule weakened?). On issue 19's real set the labels go both ways on each.
    """
    found = breaking_effects(effects)
    if not found or not all(_debatable_break(e) for e in found):
        return effects
    unsure = {id(e) for e in found}
    return [replace(e, confidence=min(e.confidence, UNSURE_BREAK)) if id(e) in unsure else e for e in effects]


def _debatable_break(effect: Effect) -> bool:
    if effect.type != "modality" or effect.old is None:
        return False
    permission_gone = effect.new is None and not effect.old_obliges
    licence_left = effect.new is not None and effect.old_obliges and not effect.new_obliges
    return permission_gone or licence_left


def _restated(effects: list[Effect]) -> set[int]:
    """The number effects that only move a number to another sentence of the clause.

    "Floats should be 64-bit." -> "Sizes are free. It's recommended that floats be 64-bit.":
    "64" went from one sentence and came in the other; the limit did not change, so neither
    effect makes the amendment breaking. (A rule that moved to another sentence never reaches
    here: ``describe_change`` drops the pair in ``_without_restated_rules``.)
    """
    found: set[int] = set()
    numbers = [e for e in effects if e.type == "number"]
    for gone in numbers:
        for came in numbers:
            same = set((gone.old or "").split(", ")) & set((came.new or "").split(", ")) - {""}
            if gone is not came and gone.sentence != came.sentence and same and not gone.new and not came.old:
                found |= {id(gone), id(came)}
    return found


def _is_breaking(effect: Effect, effects: list[Effect]) -> bool:
    """Whether ``effect`` (one of the amendment's ``effects``) may leave what complied non-compliant."""
    if effect.type == "modality":
        if effect.old_obliges and not effect.new_obliges:
            return True  # an obligation left as a mere permission
        if effect.new is None and effect.old is not None:
            # A permission taken away with its sentence: what relied on it may no longer comply.
            # One that carried "only" was a limit ("MAY be used only on ..."): that broadens; one
            # left as a statement ("may retry" -> "retries") still allows what it did.
            return _sentence_gone(effect) and not _restrictive(effect, effects)
        if effect.direction in ("strengthened", "reversed"):
            return effect.new_obliges or effect.old_obliges
        return False
    if effect.type == "number":
        # A number gone with none in its place lifts a limit ("increment it by one" -> "increment
        # it"): more complies, as with words taken from a rule. A number added or changed binds.
        return effect.normative and effect.new is not None
    if effect.type == "negation":
        return effect.normative
    if effect.type == "value":
        return effect.normative and effect.direction != "renamed"  # (a name changed throughout asks nothing new)
    if effect.type == "holder":
        return True
    if effect.type in ("wording", "quantifier") and effect.direction == "narrowed":
        return True  # fewer behaviours comply: "a string" -> "a non-empty string"
    if effect.type == "wording" and effect.direction in ("reversed", "replaced"):
        return effect.new_obliges  # "MUST be accepted" -> "MUST be rejected"; "MUST log a warning" -> "MUST stop"
    if effect.type in ("condition", "scope", "quantifier"):
        widened = effect.direction in ("exception_removed", "scope_widened")
        return widened and effect.new_obliges
    return False


_ONLY = re.compile(r"\bonly\b", re.IGNORECASE)


def _sentence_gone(effect: Effect) -> bool:
    """Whether the sentence of a modality effect whose phrase went is gone too (it names the old text then)."""
    return bool(effect.old and effect.sentence and effect.old.lower() in effect.sentence.lower())


def _restrictive(permission: Effect, effects: list[Effect]) -> bool:
    """Whether a permission that went held an "only": its "only" went with it, or its sentence went whole."""
    quantifiers = [e for e in effects if e.type == "quantifier" and e.sentence == permission.sentence]
    if not quantifiers:
        return bool(permission.sentence and _ONLY.search(permission.sentence))
    return any("only" in (e.old or "").split(", ") and "only" not in (e.new or "").split(", ") for e in quantifiers)


# A rule made stronger or weaker is named before a rule that came or went beside it: "SHOULD
# follow" -> "MUST apply ..., and MAY ..." is a strengthening first. The change with the larger
# consequence comes first: a rule split into a MUST and a SHOULD part that also lost its "unless"
# is an exception removed (breaking) before it is weakened (the real set's guide, section 2).
_DIRECTION_ORDER = (
    "reversed", "strengthened", "exception_removed", "weakened", "added", "removed", "holder_changed", "replaced",
    "number_changed", "exception_added", "scope_widened", "scope_narrowed", "narrowed", "broadened",
)  # fmt: skip


def _force_explains(effects: list[Effect], sentence: str | None) -> bool:
    """Whether a change of force in ``sentence`` accounts for its polarity flip.

    A rule added or dropped, or a prohibition made weaker or stronger ("MUST NOT" -> "SHOULD NOT,
    as clients might not follow it"), flips the sentence's sign by the words around it, not by
    reversing the rule.
    """
    return any(
        e.type == "modality" and e.sentence == sentence and (e.old is None or e.new is None or e.direction != "reversed")
        for e in effects
    )


def main_direction(amendment: Amendment) -> str:
    """The one change in force a reviewer would name first, in the vocabulary of ``docs/severity.md``.

    ``none`` when no rule changed in force or content (editorial, same-meaning
    rewording, or no rule on either side); ``added`` / ``removed`` when a rule
    came or went; else the most serious of ``reversed``, ``strengthened``,
    ``weakened``, ``holder_changed``, ``replaced``, ``number_changed``, ``exception_removed``,
    ``exception_added``, ``scope_widened``, ``scope_narrowed``, ``narrowed``,
    ``broadened``.
    """
    found: set[str] = set()
    for effect in amendment.effects:
        if effect.type == "modality":
            if amendment.kind in ("added", "removed"):
                found.add(amendment.kind)
            elif effect.old is None and effect.direction != "reversed":
                found.add("added")
            elif effect.new is None and effect.direction != "reversed":
                found.add("removed")
            elif effect.direction:
                found.add(effect.direction)
        elif effect.type == "negation" and effect.normative and not _force_explains(amendment.effects, effect.sentence):
            found.add("reversed")
        elif effect.type == "number" and effect.normative:
            found.add("number_changed")
        elif effect.type == "holder":
            found.add("holder_changed")
        elif effect.type in ("condition", "scope", "quantifier", "wording") and effect.direction:
            found.add(effect.direction)
    return next((d for d in _DIRECTION_ORDER if d in found), "none")


# -- sentences -------------------------------------------------------------------


def _changed_sentences(old: str, new: str) -> list[tuple[str | None, str | None]]:
    """The sentences that changed, each with what it became.

    Unchanged sentences are set aside. The rest are grouped by kinship: each
    links to its closest kin on the other side, so a sentence split in two
    joins both halves, two merged join their one result, and a sentence moved
    within the paragraph finds itself. A sentence with no kin that sits where
    another one without kin was is that sentence rewritten. Each group comes
    back as its old and new text joined, with ``None`` for a side that has no
    sentence (a sentence added or removed).
    """
    from rapidfuzz.distance import Indel

    a, b = sentences(old), sentences(new)
    if len(a) == len(b) == 1:  # most clauses: one sentence each side, one group whatever their kinship
        return [] if a == b else [(a[0], b[0])]
    stretches = _changed_stretches(a, b)
    olds = [i for stretch, _ in stretches for i in stretch]
    news = [j for _, stretch in stretches for j in stretch]
    too_many = len(olds) * len(news) > SENTENCE_PAIRS_AT_MOST
    if too_many or sum(len(a[i]) for i in olds) + sum(len(b[j]) for j in news) > KINSHIP_CHARS_AT_MOST:
        # Pairing sentences compares every changed one with every other; past these sizes (no
        # paragraph a person wrote) the changed sentences are read as one group.
        return [(" ".join(a[i] for i in olds) or None, " ".join(b[j] for j in news) or None)]
    old_words = {i: words(prose(a[i])) for i in olds}
    new_words = {j: words(prose(b[j])) for j in news}

    known: dict[tuple[int, int], float] = {}

    def kin(i: int, j: int) -> float:
        # Asked about each pair from both sides, and again for the closest: worked out once.
        # (One distance gives both measures: what ``Indel.normalized_similarity`` returns is 1 - d / (m + n).)
        found = known.get((i, j))
        if found is None:
            x, y = old_words[i], new_words[j]
            if not x or not y:
                found = 0.0
            else:
                distance = Indel.distance(x, y)
                found = max(1 - distance / (len(x) + len(y)), (len(x) + len(y) - distance) / 2 / min(len(x), len(y)))
            known[i, j] = found
        return found

    groups = _Groups()
    for i in olds:
        closest = max(news, key=lambda j: kin(i, j), default=None)
        if closest is not None and kin(i, closest) >= SENTENCE_KINSHIP:
            groups.link(("old", i), ("new", closest))
    for j in news:
        closest = max(olds, key=lambda i: kin(i, j), default=None)
        if closest is not None and kin(closest, j) >= SENTENCE_KINSHIP:
            groups.link(("old", closest), ("new", j))
    for old_stretch, new_stretch in stretches:
        lonely_old = [i for i in old_stretch if not groups.linked(("old", i))]
        lonely_new = [j for j in new_stretch if not groups.linked(("new", j))]
        for i, j in zip(lonely_old, lonely_new):
            groups.link(("old", i), ("new", j))
    members: dict[tuple[str, int], tuple[list[str], list[str]]] = {}
    for i in olds:
        members.setdefault(groups.root(("old", i)), ([], []))[0].append(a[i])
    for j in news:
        members.setdefault(groups.root(("new", j)), ([], []))[1].append(b[j])
    return [(" ".join(o) or None, " ".join(n) or None) for o, n in members.values()]


def _changed_stretches(a: list[str], b: list[str]) -> list[tuple[range, range]]:
    """The stretches of old and new sentences that differ, in order.

    ``SequenceMatcher`` finds them for any paragraph a person writes. Its cost grows
    with the product of the two counts (more so when sentences repeat), so past
    ``SENTENCE_PAIRS_AT_MOST`` the sentences both sides begin and end with are set
    aside and what lies between is one stretch.

    >>> _changed_stretches(["1."] * 300, ["1."] * 300 + ["Log it."])
    [(range(300, 300), range(300, 301))]
    """
    if len(a) * len(b) <= SENTENCE_PAIRS_AT_MOST:
        return [
            (range(i1, i2), range(j1, j2))
            for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
            if tag != "equal"
        ]
    start = 0
    while start < min(len(a), len(b)) and a[start] == b[start]:
        start += 1
    end_a, end_b = len(a), len(b)
    while end_a > start and end_b > start and a[end_a - 1] == b[end_b - 1]:
        end_a, end_b = end_a - 1, end_b - 1
    return [(range(start, end_a), range(start, end_b))] if (start, start) != (end_a, end_b) else []


class _Groups:
    """Union-find over sentences, named ("old", i) or ("new", j)."""

    def __init__(self) -> None:
        self._parent: dict[tuple[str, int], tuple[str, int]] = {}

    def root(self, item: tuple[str, int]) -> tuple[str, int]:
        while self._parent.get(item, item) != item:
            item = self._parent[item]
        return item

    def link(self, x: tuple[str, int], y: tuple[str, int]) -> None:
        self._parent.setdefault(x, x)
        self._parent.setdefault(y, y)
        self._parent[self.root(x)] = self.root(y)

    def linked(self, item: tuple[str, int]) -> bool:
        return item in self._parent


def _sentence_effects(old: str | None, new: str | None, old_place: Place, new_place: Place) -> list[Effect]:
    """The effects of one sentence (or group) changing; ``None`` for a side that is not there."""
    if old is not None and new is not None and _said_alike(old, new):
        return []
    old_text, new_text = old or "", new or ""
    where = new or old
    old_all, new_all = read_all(old_text, old_place), read_all(new_text, new_place)
    old_readings = [r for r in old_all if r.rule] or _standing_in(old_text, old_place, new_text, new_place)
    new_readings = [r for r in new_all if r.rule] or _standing_in(new_text, new_place, old_text, old_place)
    sure = min([r.confidence for r in old_readings + new_readings], default=1.0)
    # A modal's force is read with its sentence's sense: "must not omit" obliges as "must include" does.
    # (lower-case keywords are read in capitals documents too, so the lexicon reads every case here)
    old_modals = _in_sense([r.modal for r in old_readings], inverted_by_wording(old_text))
    new_modals = _in_sense([r.modal for r in new_readings], inverted_by_wording(new_text))
    normative = bool(old_modals or new_modals)
    obliging = any(m.obliges for m in old_modals + new_modals)
    pairs = _paired_modals(old_modals, new_modals)
    pairs = [(a, b) for a, b in pairs if not _likelihood_now(a, b, old_text, new_text)]
    pairs = [pair for pair in pairs if not _keyword_repeated(pair, (old_modals, new_modals), (old_text, new_text))]
    joined: list[Effect] = []
    if (
        old is not None
        and new is not None
        and old_modals
        and any(a is None or b is None or a.polarity != b.polarity for a, b in pairs)
    ):
        pairs, joined = _rules_rejoined(pairs, old_text, new_text, old_place, new_place, where)
    said_anew = [
        (a, b) for a, b in pairs if a and b and _restated_the_other_way(a, b, (old_text, old_place), (new_text, new_place))
    ]
    # (a rule said anew the other way round keeps or changes only its strength)
    pairs = [(replace(a, polarity=b.polarity), b) if a and b and (a, b) in said_anew else (a, b) for a, b in pairs]
    effects = [_modality(a, b, sentence=where) for a, b in pairs]
    effects = [replace(e, confidence=sure) for e in effects if e.direction is not None] + joined
    if old is not None and new is not None and not pairs:
        effects += _ability_made_a_keyword(old_all, new_all, old_modals, new_modals, where)
    if old is not None and new is not None and not joined:
        before = _polarity(old_modals, old_text)
        after = _polarity(new_modals, new_text)
        if bool(old_modals) != bool(new_modals):
            # A rule came or went: its modality effect tells its force, and "are reserved" -> "are
            # reserved and MUST NOT be assigned" negated nothing. Only the words outside it count.
            before, after = negated_sense(old_text), negated_sense(new_text)
        if before != after and not said_anew and not _negated_phrase_of_its_own(old_modals, new_modals, old_text, new_text):
            effects.append(
                Effect(
                    "negation",
                    _polarity_word(before),
                    _polarity_word(after),
                    sentence=where,
                    normative=normative,
                    confidence=sure,
                )
            )
    word_classes: tuple[tuple[EffectType, Callable[[str], list[str]]], ...] = (
        ("number", numbers),
        ("quantifier", quantifiers),
        ("condition", conditions),
    )
    for effect_type, reader in word_classes:
        effects += _word_class_change(effect_type, reader, old_text, new_text, where, normative)
    if old is not None and new is not None:
        effects += _value_change(old_text, new_text, where, normative)
    if old is None or new is None:
        # A sentence that came or went whole takes its numbers, quantifiers and conditions with its
        # rule, which the modality effect names: "Returns are only allowed at the desk." added is
        # a rule added, not a narrowing by its "only".
        effects = [replace(e, normative=False) if e.type in ("number", "quantifier", "condition") else e for e in effects]
    effects = [_with_number_reading(e) if e.type == "number" else e for e in effects]
    effects = [_with_condition_direction(e, obliging, old_text, new_text) if e.type == "condition" else e for e in effects]
    effects = [e for e in effects if not (e.type == "condition" and _condition_restates(e, old_text, new_text))]
    prohibits = any(m.polarity < 0 for m in new_modals or old_modals)
    effects = [
        _with_only_direction(e, prohibits, new_text, new_modals) if e.type == "quantifier" and normative else e for e in effects
    ]
    restated = _restated_limit(old_text, new_text, old_place, new_place) if normative else None
    if restated is not None:
        return [e for e in effects if e.type == "condition"] + restated  # its numbers and keywords are the restated list
    if old is not None and new is not None and normative and all(_leaves_content_to_read(e) for e in effects):
        if not (old_place.kind == new_place.kind == "table_row" and _only_described_otherwise(old_text, new_text)):
            effects += _scope_and_content(old_text, new_text, old_modals, new_modals, where, obliging)
        effects += _holder_change(old_text, new_text, old_readings, new_readings, where)
    return effects


def _ability_made_a_keyword(
    old_all: list[Reading], new_all: list[Reading], old_modals: list[Modal], new_modals: list[Modal], where: str | None
) -> list[Effect]:
    """A "can" that a keyword of the same force took the place of: "This object can be extended" -> "This
    object MAY be extended" (AsyncAPI, under twenty objects) grants what the "can" stood in for, now in the
    words the spec rules with. Named, with no direction: the force is the same (the other way round too),
    so alone it is editorial, as a keyword only put in capitals is.
    """
    if any(r.rule for r in old_all) == any(r.rule for r in new_all):
        return []  # (both sides state rules, or neither does: nothing stood in)
    return [
        Effect("modality", a.phrase, b.phrase, None, sentence=where, normative=True, confidence=UNSURE)
        for a, b in zip(old_modals, new_modals)
        if a.phrase.lower() != b.phrase.lower() and (a.polarity, a.strength) == (b.polarity, b.strength)
    ]


def _keyword_repeated(
    pair: tuple[Modal | None, Modal | None], modals: tuple[list[Modal], list[Modal]], texts: tuple[str, str]
) -> bool:
    """Whether a keyword that came or went only repeats, over a second verb after "and" or "or", the same
    keyword before it, which both versions keep: "MUST validate the card and MUST reject expired ones" ->
    "MUST validate the card and reject expired ones" leaves the second verb under the first MUST
    (OpenAPI's "MUST X and MUST Y"). ``modals`` and ``texts`` are the old and the new side's."""
    side = 0 if pair[0] is not None else 1
    lone = pair[side]
    if lone is None or pair[1 - side] is not None or not _AFTER_AND_OR.search(texts[side], 0, lone.span[0]):
        return False
    phrase = lone.phrase.lower()
    earlier = any(m.phrase.lower() == phrase and m.span[1] <= lone.span[0] for m in modals[side])
    verb = re.match(r"\s*(\w+)", texts[side][lone.span[1] :])
    # the other version has the verb right after its "and" ("and reject"): the same verb, its keyword left out
    bare = verb is not None and re.search(rf"\b(?:and|or)\s+{re.escape(verb.group(1))}\b", texts[1 - side], re.IGNORECASE)
    return earlier and bool(bare) and any(m.phrase.lower() == phrase for m in modals[1 - side])


_AFTER_AND_OR = re.compile(r"\b(?:and|or)\s+$", re.IGNORECASE)


def _rules_rejoined(
    pairs: list[tuple[Modal | None, Modal | None]], old: str, new: str, old_place: Place, new_place: Place, where: str | None
) -> tuple[list[tuple[Modal | None, Modal | None]], list[Effect]]:
    """Read rules that came or flipped in a sentence that already stated rules, as a reviewer would.

    - **Split**: "clients MUST call A, build B and send C" -> "clients MUST call A.
      Clients SHOULD build B and send C": the SHOULD is no new rule but part of the
      old MUST with a new force (weakened), found by its words, which the old rule
      carried and the kept MUST does not.
    - **Joined**: "MUST take the form X" -> "MUST take the form X, and MUST NOT
      contain spaces", or "if it is a list, it MUST be non-empty": an obligation or
      prohibition added to the same subject (no subject of its own, or "it") asks
      more of what the sentence already ruled: ``narrowed``, not a rule added.
    - **Rather than**: "MUST NOT rewrite the value" -> "MUST pass the value unchanged
      rather than rewriting it" keeps the prohibition as the refused alternative and
      adds a duty: ``narrowed``, not reversed.
    - **Merged**: "it MUST return a `200 OK` response. The response document MUST
      include the updated bike." -> "it MUST return a `200 OK` response and a document
      that contains the updated bike": no rule gone but one taken in (``_taken_in``),
      a rewording.

    Returns the pairs left to read as modality changes, and the effects found here.
    """
    old_rules, new_rules = _rule_places(old, old_place), _rule_places(new, new_place)
    old_actions = [_content(rest) for *_, rest in old_rules]
    new_actions = [_content(rest) for *_, rest in new_rules]
    kept: list[tuple[Modal | None, Modal | None]] = []
    effects: list[Effect] = []
    gone_whole = any(a is not None and b is None for a, b in pairs)
    old_said = _what_each_rule_says(old, old_place) if gone_whole else []
    new_said = _what_each_rule_says(new, new_place) if gone_whole else []
    in_old = Counter(words(prose(old))) if gone_whole else Counter()
    for a, b in pairs:
        if a is not None and b is None:
            said = next((said for m, said in old_said if m.span == a.span), None)
            if said is not None and _taken_in(a, said, in_old, new_said):
                # merged into a kept rule, which asks what both did in other words: worth a read
                merged = Effect("wording", a.phrase, None, sentence=where, normative=True, confidence=UNSURE)
                effects.append(replace(merged, old_obliges=a.obliges, new_obliges=a.obliges))
                continue
        found = _placed(b, new_rules) if b is not None else None
        if a is None and b is not None and found is not None:
            index, _, after = found
            action = _content(after)
            others = {
                w
                for (m, _, i, _, _), words_after in zip(new_rules, new_actions)
                if not (i == index and m.span == b.span)
                for w in words_after
            }
            source = next(
                (m for (m, *_), old_action in zip(old_rules, old_actions) if _takes_over(action, old_action, others)), None
            )
            if source is not None and (source.polarity, source.strength) != (b.polarity, b.strength):
                kept.append((source, b))  # split off an old rule, with a new force
                continue
            # Pairing by keywords cannot tell which of two MUSTs of a sentence is the new one: any
            # of them with no subject of its own (or "it") makes the sentence's added rule a joined one.
            alike = [
                (m, rest_before)
                for m, _, i, rest_before, _ in new_rules
                if i == index and (m.polarity, m.strength) == (b.polarity, b.strength)
            ]
            if b.obliges and any(_joined(m, rest_before, index, new_rules) for m, rest_before in alike):
                effects.append(_narrowed(None, b.phrase, where))
                continue
        if a is not None and b is not None and a.polarity < 0 < b.polarity and found is not None:
            refused = _RATHER_THAN.search(found[2])
            gone = _placed(a, old_rules)
            if refused and gone and len(_content(refused.group(1)) & _content(gone[2])) >= 0.5 * max(1, len(_content(gone[2]))):
                effects.append(_narrowed(a.phrase, b.phrase, where))
                continue
        kept.append((a, b))
    return kept, effects


def _restated_the_other_way(old: Modal, new: Modal, old_said: tuple[str, Place], new_said: tuple[str, Place]) -> bool:
    """Whether a rule whose polarity turned asks for another act, not the opposite of the same one.

    The OCI image spec rewrote "Any extra fields ... MUST be ignored by any implementations which are
    unable to interpret them" as "... MUST NOT generate an error by any implementations ...": ignoring
    them still complies, and the rule is said anew the other way round; "SHOULD be safely ignored" ->
    "MUST NOT generate an error" made it stronger. A reversal asks the opposite of the same act, its
    verb kept: "MUST include the header" -> "MUST NOT include the header". (Words of negative sense
    that turned a rule round are read already: "must include" -> "must omit", ``_in_sense``.)
    """
    (old_text, old_place), (new_text, new_place) = old_said, new_said
    if old.polarity == new.polarity or inverted_by_wording(old_text) or inverted_by_wording(new_text):
        return False
    old_at, new_at = _placed(old, _rule_places(old_text, old_place)), _placed(new, _rule_places(new_text, new_place))
    if old_at is None or new_at is None:
        return False
    old_act, new_act = _asked_act(old.phrase, old_at[2]), _asked_act(new.phrase, new_at[2])
    return old_act is not None and new_act is not None and old_act != new_act


def _asked_act(phrase: str, after: str) -> str | None:
    """The verb of what a rule phrase asks, by its first letters (one word inflected: "ignore",
    "ignored"): a command's own verb ("Do not redirect" -> "redir"), else the first word after a
    keyword ("be safely ignored by ..." -> "ignor", "NOT generate an error" -> "gener"); ``None`` when
    nothing follows, or a word that names no act ("is not to be expected that an implementation would").

    >>> _asked_act("MUST", " be safely ignored by clients"), _asked_act("SHOULD", " not to be set to `null`.")
    ('ignor', 'set')
    >>> _asked_act("Do not redirect", " the user."), _asked_act("MUST", ".")
    ('redir', None)
    """
    verbs = [word for word in words(phrase) if word not in _WORDS_OF_FORCE and not word.endswith("ly")]
    if verbs:
        return verbs[-1][:_STEM_LETTERS]
    for word in words(prose(after)):
        if word not in _AROUND_THE_ACT and not word.endswith("ly"):
            return None if word in _NAMES_NOTHING else word[:_STEM_LETTERS]  # ("is expected that X would ...": not here)
    return None


_WORDS_OF_FORCE = RFC_WORDS | frozenset(
    """might can could will would need needs ought cannot cant mustnt shouldnt neednt dont do does require requires
    allowed allow allows permitted forbidden prohibited mandatory encouraged discouraged expected free mutually
    exclusive of has have had to never no yes always please and then is are be it that""".split()
)
"""The words of a rule phrase that give its force ("MUST NOT", "is free to", "Always"), and those of "and
then" that join two; any other is a command's verb ("Do not redirect")."""

_AROUND_THE_ACT = frozenset("not be been being is are was were to also always never ever only then a an the".split())
"""Words between a rule phrase and the act it asks for: "MUST NOT be", "is required to", "SHOULD also be"."""

_STEM_LETTERS = 5
"""Letters that tell a verb apart from another, whatever its ending ("ignore", "ignored", "ignoring")."""


def _joined(modal: Modal, before: str, index: int, places: list[tuple[Modal, str, int, str, str]]) -> bool:
    """Whether a rule phrase continues its sentence's subject: "..., and MUST NOT ...", "it MUST ..."."""
    subject = _subject_of(before)
    earlier = any(i == index and m.span[0] < modal.span[0] for m, _, i, _, _ in places)
    return (subject is None and earlier) or subject in ("it", "they")


def _takes_over(action: set[str], old_action: set[str], others: set[str]) -> bool:
    """Whether a new rule's ``action`` carries on an old rule's: most of its words come from the
    old rule, and they cover at least half of what the old rule asked beyond the other new rules."""
    rest = old_action - others
    return len(action) >= 3 and len(action & old_action) >= 0.6 * len(action) and len(action & rest) >= 0.5 * len(rest) > 0


_RATHER_THAN = re.compile(r"(?i)\b(?:rather\s+than|instead\s+of)\b(.*)")


def _narrowed(old: str | None, new: str | None, where: str | None) -> Effect:
    return Effect(
        "wording", old, new, "narrowed", sentence=where, normative=True, old_obliges=True, new_obliges=True, confidence=UNSURE
    )


def _rule_places(text: str, place: Place) -> list[tuple[Modal, str, int, str, str]]:
    """Each rule phrase of ``text``: the phrase, its sentence, the sentence's index, the words before and after it."""
    found = []
    for index, sentence in enumerate(sentences(text)):
        for reading in read_sentence(sentence, place):
            if reading.rule:
                start, end = reading.modal.span
                found.append((reading.modal, sentence, index, sentence[:start], sentence[end:]))
    return found


def _placed(modal: Modal, places: list[tuple[Modal, str, int, str, str]]) -> tuple[int, str, str] | None:
    for m, _, index, before, after in places:
        if m.span == modal.span and m.phrase == modal.phrase:
            return index, before, after
    return None


def _content(text: str) -> set[str]:
    return set(words(prose(text))) - _FILLER - {"to", "of", "in", "on", "for", "with", "by", "or", "as", "be", "is", "are"}


def _subject_of(before: str) -> str | None:
    """The subject word right before a rule phrase in its clause ("it", "clients"), or ``None``."""
    clause = re.split(r"[,;:(]|\b(?:and|but|or|then|that|which)\b", before)[-1]
    found = [w.lower() for w in re.findall(r"[A-Za-z][\w'-]*", clause)]
    return found[-1] if found else None


def _restated_limit(old: str, new: str, old_place: Place, new_place: Place) -> list[Effect] | None:
    """A limit on values said the other way round: neither a reversal nor a rule added or removed.

    A rule can fix a set of values from either side: as a list of what is
    allowed ("names MUST contain only letters", "keys may only contain ASCII")
    or as what is not ("names MUST NOT contain control characters", "comments
    may contain any character except NUL"). Rewriting one as the other flips
    the sentence's polarity, but a reviewer reads it as the set changing:

    - an "only" list that became a prohibition or an "any ... except", or went
      away, lets more through: ``broadened``;
    - an "only" list that came (from a prohibition, from "any ... except", or
      as a new sentence) lets less through: ``narrowed``;
    - "any ... except" restated as a prohibition reads as ``narrowed``, and the
      other way round as ``broadened``, with less confidence: only the lists
      themselves say which set is larger;
    - an "only" list kept while its keyword changed ("MAY be included only if"
      -> "MUST be included only if") restricts the same way: no change in force,
      editorial (flagged), unless a duty changed grade ("MUST only authenticate
      over TLS" -> "SHOULD only ...": weakened, read as any other modal); an "only" list whose items changed is left as wording
      to read ("only digits" -> "only digits and dashes" lets more through, but
      words added to a rule read as narrowing everywhere else).

    ``None`` when neither side fixes a set this way.
    """
    if not any(w in f"{old} {new}".lower() for w in ("only", "any", "not", "never", "cannot", "prohibit", "forbid")):
        return None  # no limit words: skip reading the sentences again
    if not old or new.startswith(old.rstrip()):
        return None  # a new sentence with its own force is a rule added, even when it limits (guide, section 2)
    before, after = _limit_kinds(old, old_place), _limit_kinds(new, new_place)
    if not before and not after:
        return None
    direction, sure = None, 0.75
    loose = {"prohibition", "except", "permission"}  # what can stand for an "only" list said otherwise
    if before == after == {"only"}:
        direction = ""
    elif "only" in before and "only" not in after and not after - loose:
        direction = "broadened"
    elif "only" in after and "only" not in before and not before - loose:
        direction = "narrowed"
    elif before == {"except"} and after == {"prohibition"}:
        direction, sure = "narrowed", UNSURE
    elif before == {"prohibition"} and after == {"except"}:
        direction, sure = "broadened", UNSURE
    if direction is None:
        return None
    if not direction:
        came, went = inserted_and_deleted(_said(old), _said(new))
        if set(came + went) <= _GRAMMAR_WORDS:
            # (JSONPath's "Note that this can only be used with ..." -> "Note: this can only be used with ...")
            return [Effect("editorial", sentence=new or old)]
        if not only_force_changed(old, new):
            return [Effect("wording", sentence=new or old, normative=True, confidence=UNSURE)]  # the list itself changed: read it
        if _duty_graded_otherwise(old, new, old_place, new_place):
            return None  # "MUST only authenticate over TLS" -> "SHOULD only ...": the limit binds less firmly
        return [Effect("editorial", sentence=new or old, confidence=UNSURE)]  # the same limit: flagged, not graded
    return [
        Effect(
            "wording",
            "/".join(sorted(before)) or None,
            "/".join(sorted(after)) or None,
            direction,
            sentence=new or old,
            normative=True,
            old_obliges=True,
            new_obliges=True,
            confidence=sure,
        )
    ]


def _duty_graded_otherwise(old: str, new: str, old_place: Place, new_place: Place) -> bool:
    """Whether a duty of ``old`` is another grade of duty in ``new`` ("must" -> "should"): the "only"
    list is the same, but how firmly it binds is not."""
    duties_old = {m.strength for m in rule_modals(old, old_place) if m.polarity > 0 and m.strength >= 2}
    duties_new = {m.strength for m in rule_modals(new, new_place) if m.polarity > 0 and m.strength >= 2}
    return bool(duties_old and duties_new) and duties_old != duties_new


def _with_limits_absorbed(groups: list[list[Effect]]) -> list[list[Effect]]:
    """Drop the prohibitions that came (or went) beside an "only" list that went (or came).

    "Keys may only contain letters." -> "Keys may contain any letter. Spaces are not
    allowed." restates one limit over two sentences: the new prohibition is the
    rest of the restatement, not a rule added.
    """
    gone = any(e.type == "wording" and "only" in (e.old or "").split("/") and e.direction for g in groups for e in g)
    came = any(e.type == "wording" and "only" in (e.new or "").split("/") and e.direction for g in groups for e in g)
    if not gone and not came:
        return groups

    def absorbed(group: list[Effect]) -> bool:
        modal = [e for e in group if e.type == "modality"]
        if not modal or any(e.type not in ("modality", "negation") for e in group):
            return False
        if gone and all(e.old is None and e.new is not None and _prohibits(e.new) for e in modal):
            return True
        return came and all(e.new is None and e.old is not None and _prohibits(e.old) for e in modal)

    return [g for g in groups if not absorbed(g)]


def _prohibits(phrase: str) -> bool:
    found = modal_meaning(phrase)
    return found is not None and found.polarity < 0


def _limit_kinds(text: str, place: Place) -> set[str]:
    """How ``text``'s rules fix a set: ``only`` (a list of what is allowed), ``prohibition``, ``except``
    ("may contain any ... except"), else ``permission`` or ``rule`` (an obligation)."""
    kinds = set()
    for sentence in sentences(text):
        clean = prose(sentence)
        for reading in read_sentence(sentence, place):
            if not reading.rule:
                continue
            modal = reading.modal
            after = clean[modal.span[1] : modal.span[1] + 120] if modal.span != (0, 0) else clean
            if modal.polarity > 0 and (" only " in f" {modal.phrase.lower()} " or _ONLY_AFTER.match(after)):
                kinds.add("only")
            elif modal.polarity < 0:
                kinds.add("prohibition")
            elif modal.strength == 1 and _ANY_EXCEPT.match(after):
                kinds.add("except")
            else:
                kinds.add("permission" if modal.strength == 1 else "rule")
    return kinds


# "MUST contain only", "may only contain", "MAY be used only on": the words right after a rule's keyword.
_ONLY_AFTER = re.compile(r"(?i)\s+(?:(?:be\s+)?[\w-]+\s+)?only\b")
_ANY_EXCEPT = re.compile(r"(?i)\s+(?:[\w-]+\s+){0,2}?any\b[^.;]*?\b(?:except|other\s+than|but)\b")


_LIKELIHOOD = re.compile(r"\b(?:might|could)\b", re.IGNORECASE)


def _likelihood_now(old: Modal | None, new: Modal | None, old_text: str, new_text: str) -> bool:
    """A "may" that became "might" or "could" (or the reverse) was a likelihood all along."""
    if old is not None and new is None and old.phrase.lower() in ("may", "can"):
        return bool(_LIKELIHOOD.search(new_text)) and not _LIKELIHOOD.search(old_text)
    if new is not None and old is None and new.phrase.lower() in ("may", "can"):
        return bool(_LIKELIHOOD.search(old_text)) and not _LIKELIHOOD.search(new_text)
    return False


def _standing_in(text: str, place: Place, other_text: str, other_place: Place) -> list[Reading]:
    """A side's "can" or "may" read as force after all, when the other side states a rule in its place.

    "The widget can be embedded" reads as ability alone, but rewritten as
    "must not be embedded" the sentence was about what is allowed all along:
    the change is a reversal, not a prohibition out of nothing. In place of an
    obligation or prohibition means about the same act: a word right after its
    keyword is among the words right after the "can". A2A's "Metadata keys are
    strings and values can be any valid value that can be represented in JSON" ->
    "Metadata keys must be strings, and values can be any valid JSON value" added a
    rule; its "can"s stay abilities. Any "can" stands in for a permission ("type
    systems can add scalars" -> "services may use custom scalars": no change of force).
    """
    other_rules = [(reading, words) for reading, words in _with_next_words(other_text, other_place) if reading.rule]
    if not other_rules:
        return []
    permits = any(not reading.modal.obliges for reading, _ in other_rules)
    acts = {word for reading, words in other_rules if reading.modal.obliges for word in words}
    return [
        replace(r, rule=True, confidence=UNSURE)
        for r, words in _with_next_words(text, place)
        if r.reason in ("ability", "hedge") and r.modal.span != (0, 0) and (permits or acts & words)
    ]


def _with_next_words(text: str, place: Place) -> list[tuple[Reading, set[str]]]:
    """Each reading of ``text``, with the words of what its phrase says is done: the first few after
    it, but for "be", "not" and the like ("can be embedded" -> {"embedded"})."""
    found = []
    for sentence in sentences(text):
        for reading in read_sentence(sentence, place):
            following = re.findall(r"[\w'-]+", sentence[reading.modal.span[1] :])[:4]
            found.append((reading, {w.lower() for w in following} - _NOT_THE_ACT))
    return found


_NOT_THE_ACT = {"be", "been", "being", "not", "to", "the", "a", "an", "any", "only", "also", "then", "still", "always", "never"}
"""Words after a keyword that say nothing of what is done: "must not be the ..." shares them with any rule."""


def _negated_phrase_of_its_own(old_modals: list[Modal], new_modals: list[Modal], old_text: str, new_text: str) -> bool:
    """Whether two versions' polarities differ only by a negated phrase one of them added or dropped
    whole (``lexicon.negated_apart``), their modals and their words of negative sense alike."""
    if bool(old_modals) == bool(new_modals) and _sign(old_modals) != _sign(new_modals):
        return False
    return inverted_by_wording(old_text) == inverted_by_wording(new_text) and negated_apart(old_text, new_text)


def _sign(found: list[Modal]) -> int:
    return -1 if sum(1 for modal in found if modal.polarity < 0) % 2 else 1


def _polarity(found: list[Modal], text: str) -> int:
    """+1 for an affirmative sentence, -1 for a negated one, counting only the modals that state rules."""
    sign = 1
    for modal in found:
        sign *= modal.polarity
    if found and inverted_by_wording(text):
        sign *= -1  # the first modal's sign was already turned by the wording (``_in_sense``)
    return sign * negated_sense(text)


def _without_restated_rules(effects: list[Effect]) -> list[Effect]:
    """Drop a rule "removed" in one sentence and the same rule "added" in another.

    A paragraph rewritten so that the "must" moved to another sentence still
    states its obligation: that is a rewording, not an obligation removed.
    """
    effects = _with_force_moved(effects)
    gone = [e for e in effects if e.type == "modality" and e.new is None and e.old is not None]
    came = [e for e in effects if e.type == "modality" and e.old is None and e.new is not None]
    dropped: set[int] = set()
    for removed in gone:
        twin = next(
            (
                a
                for a in came
                if id(a) not in dropped and _same_force(removed.old, a.new) and a.new_obliges == removed.old_obliges
            ),
            None,
        )
        if twin is not None:
            dropped |= {id(removed), id(twin)}
    return [e for e in effects if id(e) not in dropped]


def _with_force_moved(effects: list[Effect]) -> list[Effect]:
    """Re-pair a rule whose force moved to another sentence.

    "Floats should be 64-bit." -> "Sizes are free. It is recommended that floats be
    64-bit." pairs "should" with "are free" by place, and "it is recommended" comes as
    new; but the recommendation is the old "should" restated. When a changed pair's old
    phrase has the force of a phrase that came elsewhere, the pair is split: the old rule
    goes to its twin (and ``_without_restated_rules`` drops both), the new phrase came.
    """
    came = [e for e in effects if e.type == "modality" and e.old is None and e.new is not None]
    if not came:
        return effects
    out: list[Effect] = []
    for e in effects:
        changed = e.type == "modality" and e.old is not None and e.new is not None and e.direction in ("strengthened", "weakened")
        if changed and any(_same_force(e.old, c.new) for c in came):
            out += [
                replace(e, new=None, new_obliges=False, direction=_modality_of(e.old, None)),
                replace(e, old=None, old_obliges=False, direction=_modality_of(None, e.new)),
            ]
        else:
            out.append(e)
    return out


def _modality_of(old: str | None, new: str | None) -> str | None:
    a, b = modal_meaning(old or ""), modal_meaning(new or "")
    return _modality(a if old else None, b if new else None, sentence=None).direction


def _licences_beside_rules(effects: list[Effect], old: str, old_place: Place) -> list[Effect]:
    """A permission added to a text that already stated rules widens what complies: ``broadened``.

    "Floats should be 64-bit." -> "Implementations are free to support any size. It is
    recommended that floats be 64-bit." licenses more behaviour beside the kept rule; it
    is not a rule out of nothing (``added`` is kept for obligations and prohibitions, and
    for permissions in a text that had no rule).
    """
    licences = [
        e
        for e in effects
        if e.type == "modality"
        and e.old is None
        and e.new is not None
        and not e.new_obliges
        and not _limits(e.new, e.sentence or "")
    ]
    if not licences or not states_a_rule(old, old_place):
        return effects
    return [
        Effect("wording", None, e.new, "broadened", sentence=e.sentence, normative=True, confidence=min(e.confidence, 0.75))
        if e in licences and not _prohibits(e.new or "")
        else e
        for e in effects
    ]


def _limits(phrase: str, sentence: str) -> bool:
    """Whether a permission carries "only" ("are only allowed as ...", "may be used only on"): a limit, not a licence."""
    return " only " in f" {phrase.lower()} " or bool(re.search(re.escape(phrase) + r"\s+(?:\w+\s+)?only\b", sentence, re.I))


def _same_force(a: str | None, b: str | None) -> bool:
    x, y = modal_meaning(a or ""), modal_meaning(b or "")
    if x is None or y is None:
        return a is not None and b is not None and " ".join(a.lower().split()) == " ".join(b.lower().split())
    return (x.polarity, x.strength) == (y.polarity, y.strength)


def _leaves_content_to_read(effect: Effect) -> bool:
    """An effect that does not say what the change does: a quantifier or a keyword of the same force with no
    direction ("can" -> "MAY"), a number that only went."""
    if effect.type in ("quantifier", "modality"):
        return not effect.direction
    return effect.type == "number" and not effect.normative


def _with_number_reading(effect: Effect) -> Effect:
    """A number that went alone, with none in its place, went with its words.

    "MUST increase by increments of one" -> "MUST increase": no limit was changed,
    a constraint was dropped, and that is read as what the rule asks (broadened or
    narrowed, by ``_scope_and_content``). A number replaced by another ("at
    least 20" -> "at least 10") is a changed limit, and so is a number that came
    ("change it regularly" -> "change it every 90 days"): a new limit.
    """
    if effect.new is None:
        return replace(effect, normative=False)
    return effect


_EXCEPTIONS = {"unless", "except", "except when", "except where", "except if", "except for"}
# A condition joined to another by "or" is an alternative: "when A or if B" reaches more cases.
_ALTERNATIVE_CONDITION = re.compile(r"(?i)\bor\s+(?:if|when|whenever|where|while)\b")


def _with_condition_direction(effect: Effect, obliging: bool, old: str = "", new: str = "") -> Effect:
    """Name what a condition change does: an exception came or went, or the rule's scope changed.

    "unless" / "except" carve an exception out of a rule: adding one relaxes it,
    removing one tightens it. "if", "when", "only if" bound where a rule
    applies: adding one narrows its scope, removing one widens it, unless it is
    an alternative ("... or if the value is unknown"): an alternative condition
    added widens the rule's reach, removed narrows it.
    """
    came = [w.strip() for w in (effect.new or "").split(",") if w.strip()]
    gone = [w.strip() for w in (effect.old or "").split(",") if w.strip()]
    direction = None
    if came and not gone:
        direction = "exception_added" if any(w in _EXCEPTIONS for w in came) else "scope_narrowed"
        if len(_ALTERNATIVE_CONDITION.findall(new)) > len(_ALTERNATIVE_CONDITION.findall(old)):
            # "... when an order ships or when its date changes": a second trigger widens the rule's
            # reach, though a reviewer may read it as a new case; named as neither, and flagged.
            return replace(effect, new_obliges=obliging, old_obliges=obliging, confidence=UNSURE)
    elif gone and not came:
        direction = "exception_removed" if any(w in _EXCEPTIONS for w in gone) else "scope_widened"
        if direction == "scope_widened" and len(_ALTERNATIVE_CONDITION.findall(old)) > len(_ALTERNATIVE_CONDITION.findall(new)):
            direction = "scope_narrowed"
    if not effect.normative:
        direction = None
    return replace(effect, direction=direction, new_obliges=obliging, old_obliges=obliging)


def _condition_restates(effect: Effect, old: str, new: str) -> bool:
    """Whether a condition that came (or went) only restates what the sentence already said.

    "The booking step allows a note to be attached." -> "When a booking is made, a note is
    allowed to be attached.": the "when" clause names the booking the old subject named, so the
    rule reaches the same cases. Read so when every word of the new condition (the old one, for
    a condition gone) stood in the other version's sentence, compared without their
    endings ("booking", "booked"). A condition with a word of its own narrows or widens.
    """
    if not old or not new or effect.direction not in ("scope_narrowed", "scope_widened") or bool(effect.old) == bool(effect.new):
        return False
    if effect.old and len(_REGARDLESS.findall(prose(new))) > len(_REGARDLESS.findall(prose(old))):
        return False  # "when the change declared the marker" -> "whether or not ...": its words stay, its reach is every case
    before, after = CONDITION_PHRASE.findall(prose(old)), CONDITION_PHRASE.findall(prose(new))
    if effect.new:  # a condition came
        phrases, other = [c for c in after if c not in before], old
    else:
        phrases, other = [c for c in before if c not in after], new
    return bool(phrases) and all(_said_in(c, other) for c in phrases)


_REGARDLESS = re.compile(r"(?i)\b(?:whether\s+or\s+not|regardless\s+of|irrespective\s+of)\b")
"""Words that lift a condition while naming it: OpenSpec's "say which lines stood in the way when the change
declared the marker" -> "... whether or not the change declared the marker"."""


def _said_in(condition: str, other: str) -> bool:
    """Whether every word of ``condition`` (but its condition word, fillers and "is") stands in ``other``."""
    said = {stem(w) for w in words(prose(other))}
    content = set(words(CONDITION.sub(" ", condition))) - _FILLER - _PLAIN_VERBS
    return bool(content) and all(stem(w) in said for w in content)


def _own_conditions(text: str, other: str) -> list[str]:
    """The condition and "where" clauses of ``text`` that say something ``other`` does not. An example in
    brackets is none of a condition's words: OpenTelemetry's "If applying the View would produce semantic
    errors (e.g. the View sets ...)" -> "(for example, configuring ...)" read as the rule's scope narrowed."""
    return [c for c in SCOPE_PHRASE.findall(EXAMPLE_ASIDE.sub(" ", prose(text))) if not _said_in(c, other)]


_PLAIN_VERBS = {"is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "does", "do"}


def stem(word: str) -> str:
    """``word`` without a plural or verb ending, so that "created" and "creation", "booked" and
    "booking" read as one word."""
    for ending in ("ings", "ing", "ions", "ion", "ed", "es", "s"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


def _with_only_direction(effect: Effect, prohibits: bool, new: str, new_modals: list[Modal]) -> Effect:
    """ "only" added to what a rule requires or permits narrows what complies ("may discuss it,
    only from an objective point of view"); taken away, it broadens it. A prohibition turns round.
    Before the rule's words, "only" picks whom the rule binds: "Only team leads can approve"
    narrows its scope, not what complies."""
    came, gone = (effect.new or "").split(", "), (effect.old or "").split(", ")
    if ("only" in came) == ("only" in gone):
        return effect
    if "only" in came and _only_aside(new):
        return effect  # "(deprecated, migration only)": an aside about one value, not the rule's limit
    first = new_modals[0].span[0] if new_modals and new_modals[0].span != (0, 0) else 0
    only_at = prose(new).lower().find("only")
    if "only" in came and 0 <= only_at < first:
        return replace(effect, direction="scope_narrowed")
    narrowed = ("only" in came) != prohibits
    return replace(effect, direction="narrowed" if narrowed else "broadened")


def _only_aside(text: str) -> bool:
    """Whether every "only" of ``text`` sits inside a parenthesis."""
    return "only" in prose(text).lower() and not re.search(r"(?i)\bonly\b", _without_asides(prose(text)))


def _alternative_added(old: str, new: str) -> bool:
    """Whether ``new`` says one more "or" than ``old`` outside brackets: "when the dock is full" -> "when the
    dock is full or closed", not "outside the range (before or after)".

    >>> _alternative_added("When it is full, wait.", "When it is full or closed, wait.")
    True
    >>> _alternative_added("When it is outside, wait.", "When it is outside (before or after), wait.")
    False
    """
    return len(_OR.findall(_without_asides(prose(new)))) > len(_OR.findall(_without_asides(prose(old))))


_OR = re.compile(r"\bor\b", re.IGNORECASE)


def _without_asides(text: str) -> str:
    return re.sub(r"\([^()]*\)", " ", text)


# Words that restrict who or when a rule reaches: dropping "explicitly" from "when explicitly
# asked" widens it; adding "only" narrows it.
_SCOPE_WORDS = {
    "explicitly", "expressly", "specifically", "directly", "clearly", "only", "solely", "exclusively", "strictly",
    "genuinely", "truly", "actually", "legitimately", "certain", "particular", "specific", "themselves",
    "explicit", "express",
}  # fmt: skip


def _cases_joined_otherwise(old: str, new: str, new_modals: list[Modal]) -> tuple[str, str, str] | None:
    """The cases of a rule's opening condition joined by "or" where they were joined by "and", or the other
    way round, and nothing else changed: JSON:API's "If a server encounters a query parameter that does not
    follow the naming conventions above, and the server does not know how to process it ..., it **MUST**
    return `400 Bad Request`" -> "..., or the server ...": the rule binds in more cases (``scope_widened``);
    "or" made "and", in fewer.

    >>> _cases_joined_otherwise("If A is set and B is set, X MUST stop.", "If A is set or B is set, X MUST stop.", [])
    ('and', 'or', 'scope_widened')
    """
    if not _OPENS_ON_A_CASE.match(old):
        return None
    old, new = " ".join(old.split()), " ".join(new.split())
    at = next((k for k, (a, b) in enumerate(zip(old, new)) if a != b), min(len(old), len(new)))
    keyword = new_modals[0].phrase if new_modals else None
    if keyword and 0 <= new.find(keyword) < at:
        return None  # (the texts part after the rule's keyword: not in its condition)
    before = old[at - 1] if at else " "
    for was, now, direction in (("and", "or", "scope_widened"), ("or", "and", "scope_narrowed")):
        joined = old.startswith(was, at) and new.startswith(now, at) and old[at + len(was) :] == new[at + len(now) :]
        if joined and not before.isalnum() and not old[at + len(was) : at + len(was) + 1].isalnum():
            return was, now, direction
    return None


_OPENS_ON_A_CASE = re.compile(r"(?i)\W*(?:if|when|whenever)\b")
"""A sentence that opens on the case its rule binds in: "If a bike is late, ...", "When the dock is full, ..."."""


def _scope_and_content(
    old: str, new: str, old_modals: list[Modal], new_modals: list[Modal], where: str | None, obliging: bool
) -> list[Effect]:
    """Scope and content changes of a rule whose force stayed the same.

    Words added to a condition, or restricting words ("only", "explicitly")
    added anywhere, narrow the rule's scope; taken away, they widen it. Words
    only added to what the rule requires or permits narrow the set of
    compliant behaviours ("a string" -> "a non-empty string"); only taken
    away, they broaden it. For a prohibition it is the other way round, and
    an added "or" offers an alternative, which also turns it round.
    """
    effects: list[Effect] = []
    if words(old.replace("`", "")) == words(new.replace("`", "")):
        return []  # only code marks came or went ("e.g. 1234" -> "e.g. `1234`"): the rule asks the same
    joined = _cases_joined_otherwise(old, new, new_modals)
    if joined:
        return [Effect("condition", *joined, sentence=where, normative=True, old_obliges=obliging, new_obliges=obliging)]
    old, new = _unwrapped(old, new), _unwrapped(new, old)
    a, b = _said(prose(old)), _said(prose(new))
    # (a word respelled or inflected otherwise names the same: "implementors" -> "implementers")
    inserted, deleted = without_respellings(*inserted_and_deleted(a, b))
    # (a condition that only restates what the other version said, "the booking step allows" ->
    # "when a ride is booked, ... is allowed", bounds nothing new: see ``_condition_restates``)
    old_cond = set(_said(" ".join(_own_conditions(old, new))))
    new_cond = set(_said(" ".join(_own_conditions(new, old))))
    if "not only" in " ".join(a + b):  # "not only X but also Y" restricts nothing
        return []
    # A restricting word inside a parenthesis is an aside about one value ("(deprecated, migration only)").
    old_outside, new_outside = set(_said(_without_asides(prose(old)))), set(_said(_without_asides(prose(new))))
    scope_in = [w for w in inserted if (w in _SCOPE_WORDS and w in new_outside) or (w in new_cond and w not in old_cond)]
    scope_out = [w for w in deleted if (w in _SCOPE_WORDS and w in old_outside) or (w in old_cond and w not in new_cond)]
    # (pronouns and "that" swapped in a condition reworded bound nothing: "indicates if the server
    # supports it" -> "indicates that it supports them")
    scope_in, scope_out = ([] if set(side) <= _FUNCTION_WORDS | _FILLER else side for side in (scope_in, scope_out))
    # Inside an "unless" or "except" the carve-out is what narrows or widens: dropping "explicitly"
    # from "unless explicitly delegated" widens the exception, so the rule reaches fewer cases.
    if _in_exception(scope_in, new) or _in_exception(scope_out, old):
        scope_in, scope_out = scope_out, scope_in
    # An alternative dropped ("when A or B" -> "when B") narrows where the rule reaches; one added to
    # a condition the rule had widens it (the OCI distribution spec's "... returns a 404{+ or the
    # `OCI-Subject` header was not set+}, the client MUST:"), flagged: a reviewer may read it as a case
    # of its own; an "or" in brackets is named as neither. A condition added whole narrows (below),
    # whatever "or" it holds ("Where an event (or batch of events) is ...").
    if scope_in and "or" in scope_in and not scope_out and conditions(old):
        effects.append(
            Effect(
                "scope",
                None,
                " ".join(scope_in),
                "scope_widened" if _alternative_added(old, new) else None,
                sentence=where,
                normative=True,
                old_obliges=obliging,
                new_obliges=obliging,
                confidence=UNSURE,
            )
        )
    elif scope_in and not scope_out:
        effects.append(
            Effect(
                "scope",
                None,
                " ".join(scope_in),
                "scope_narrowed",
                sentence=where,
                normative=True,
                old_obliges=obliging,
                new_obliges=obliging,
            )
        )
    elif scope_out and not scope_in:
        effects.append(
            Effect(
                "scope",
                " ".join(scope_out),
                None,
                "scope_narrowed" if _alternative_dropped(scope_out) else "scope_widened",
                sentence=where,
                normative=True,
                old_obliges=obliging,
                new_obliges=obliging,
            )
        )
    if effects or [(m.polarity, m.strength) for m in old_modals] != [(m.polarity, m.strength) for m in new_modals]:
        return effects
    # What the rule asks is what follows its words; what comes before names whom it binds.
    first = new_modals[0].span[0] if new_modals and new_modals[0].span != (0, 0) else 0
    before_old = old_modals[0].span[0] if old_modals and old_modals[0].span != (0, 0) else 0
    if new_modals and _PASSIVE_PREDICATE.match(new_modals[0].phrase):
        first = before_old = 0  # "references ... are allowed": the subject is what the rule licenses
    subject_in_lead_in = False
    if _inherited(old_modals) != _inherited(new_modals):
        # One side's force is its lead-in's, which stands nowhere in the item: read both items whole
        # ("Rate Limiting: Implement ..." -> "Rate Limiting: SHOULD implement ..." drops no words),
        # unless the other side's subject went to the lead-in with its keyword: SLSA made "The SCS MUST
        # prevent X" an item "Prevent X" under "The SCS MUST". Then what each asks is compared.
        first = before_old = 0
        if _inherited(new_modals) and old_modals and _asked_from_its_keyword(prose(old), old_modals[0], prose(new)):
            before_old, subject_in_lead_in = old_modals[0].span[0], True
        elif _inherited(old_modals) and new_modals and _asked_from_its_keyword(prose(new), new_modals[0], prose(old)):
            first, subject_in_lead_in = new_modals[0].span[0], True
    subject_old, subject_new = (_said(_CLAUSE_START.split(prose(t)[:at])[-1]) for t, at in ((old, before_old), (new, first)))
    # (an example in brackets names no one the rule binds: see ``_own_conditions``)
    subjects = prose(old)[:before_old], prose(new)[:first]
    example_only = any(EXAMPLE_ASIDE.search(t) for t in subjects) and _alike_but_examples(*subjects)
    # (the same words before the keyword, only punctuated, respelled or inflected otherwise, name the same
    # holder in the same case: LSP's "If an `InsertReplaceEdit` is returned the edit's insert range must" ->
    # "... returned, the edit's ...", where the comma cut the condition off the subject; "In future version
    # of the protocol this property" -> "In future versions of the protocol, this property")
    same_lead_in = _said(subjects[0]) == _said(subjects[1]) or only_typos(*subjects) or only_inflected(*subjects)
    if subject_in_lead_in or example_only or same_lead_in:
        subject_old = subject_new = []
    if subject_old != subject_new and not _demonstrative_for(subject_old, subject_new):
        # Words only added to the rule's subject ("Clients MUST" -> "Clients using the kiosk MUST")
        # bind fewer of them: scope_narrowed; only taken away, scope_widened. Else read as wording
        # (a holder change is found apart).
        grew, shrank = inserted_and_deleted(subject_old, subject_new)
        # "using the kiosk", "that declare X": a who-or-when phrase ("and Mexico" adds subjects instead:
        # wording), or a word added that says which ("Every response message" -> "Every stream response
        # message"; one taken away may only have said the same twice, "New keys cannot be added" -> "Keys")
        qualifying = grew or shrank
        one_word = grew == qualifying and len(grew) == 1 and grew[0] not in _NOT_QUALIFYING and not quantifiers(grew[0])
        qualifier = (len(qualifying) >= 2 and qualifying[0] not in ("and", "or")) or one_word
        # ("Each upload MUST have a 202 response" -> "The response for each upload MUST be 202": the
        # words that came before the old subject make it the rule's object, no narrower one)
        framed = bool(grew) and subject_new[: len(grew)] == grew and grew[-1] in _FRAMING_PREPOSITIONS
        narrower = bool(grew) != bool(shrank) and qualifier and not framed
        if narrower and subject_old and subject_new and not _new_holder(subject_old, subject_new):
            scope = Effect(
                "scope", " ".join(shrank) or None, " ".join(grew) or None, "scope_narrowed" if grew else "scope_widened"
            )
            # (one word may only say the same thing closer, "the AI assistant": worth a read)
            sure = UNSURE if one_word else 1.0
            scope = replace(scope, sentence=where, normative=True, old_obliges=obliging, new_obliges=obliging, confidence=sure)
            return [*effects, scope]
        return effects
    asked_old, asked_new = _said(prose(old)[before_old:]), _said(prose(new)[first:])
    inserted, deleted = inserted_and_deleted(asked_old, asked_new)
    if _alike_but_examples(prose(old)[before_old:], prose(new)[first:]):
        return effects  # TUF's "MUST write the file ... as FILENAME.EXT{+ (e.g. timestamp.json)+}": an example of it
    outside = inserted_and_deleted(_said(_without_asides(prose(old)[before_old:])), _said(_without_asides(prose(new)[first:])))
    if any(outside) and outside != (inserted, deleted):
        # Where the words outside parentheses changed, they say what the rule asks now; the asides
        # ("(containing a scheme)" -> "(without a fragment)") restate or explain it.
        inserted, deleted = outside
    relabelled_in, relabelled_out = _relabelled_link_words(old, new)
    # A lead-in's force written out in the item is no word of what is asked ("Implement pooling"
    # under "... SHOULD implement:" -> "SHOULD implement pooling"), nor the other way round (a
    # command's verb is: only the keywords' words are left out).
    force = set()
    if _inherited(old_modals):
        force |= {w for m in new_modals for w in words(m.phrase)} & RFC_WORDS
    if _inherited(new_modals):
        force |= {w for m in old_modals for w in words(m.phrase)} & RFC_WORDS
    not_asked = _SCOPE_WORDS | _FILLER | force
    content_in = [w for w in inserted if w not in not_asked and w not in relabelled_in]
    content_out = [w for w in deleted if w not in not_asked and w not in relabelled_out]
    swapped = _opposite_swapped(content_out, content_in) if new_modals else None
    if swapped is not None:
        # "MUST be accepted" -> "MUST be rejected": the rule asks the opposite of what it asked.
        turned = Effect("wording", swapped[0], swapped[1], "reversed", sentence=where, normative=True)
        return [*effects, replace(turned, old_obliges=obliging, new_obliges=obliging, confidence=LIKELY)]
    if content_in and content_out:
        # (only a rule in keywords written in capitals, and words outside its asides: "MUST log a
        # warning" -> "MUST generate an error, stop the container" asks another thing; "should weigh
        # the costs" in plain English, or "(used in sparse fieldsets)", may only say the same again)
        in_capitals = bool(old_modals and new_modals) and all(m.obliges and m.phrase.isupper() for m in old_modals + new_modals)
        replaced = _asks_replaced(content_out, content_in, old, new) if in_capitals and any(outside) else None
        content_in, content_out = _beside_rewordings(
            asked_old, asked_new, not_asked | relabelled_in | relabelled_out, old, new
        )
        if replaced and not content_in and not content_out:
            swap = Effect("wording", " ".join(replaced[0]), " ".join(replaced[1]), "replaced", sentence=where, normative=True)
            return [*effects, replace(swap, old_obliges=True, new_obliges=True, confidence=UNSURE)]
    if bool(content_in) == bool(content_out):
        return effects  # reworded both ways: read as wording
    came, went = inserted_and_deleted(_said(old.replace("`", "")), _said(new.replace("`", "")))
    if set(came + went) <= _GRAMMAR_WORDS:
        # "can be used [-a-]{+as the+} default response": grammar mended, nothing more asked (every word
        # counts here, those of code and links too: "a new resource[-, from [`Attributes`](...)-]" is not)
        return effects
    if set(content_in or content_out) == {"following"} and _ANNOUNCES_A_LIST.search(prose(new if content_in else old)):
        return effects  # libp2p's "points should have:" -> "should have the following:": the list says what is asked
    if set(content_in) <= _citations_added(old, new) and set(content_out) <= _citations_added(new, old):
        return effects  # "[sorting](...) {+{{WHATWG-INFRA}}+}": where a term is defined, nothing more asked
    if _said(_without_remarks(prose(new))) == _said(_without_remarks(prose(old))):
        # JSON:API's "The response SHOULD include a `Location` header ...{+, in order to comply with [RFC
        # 7231](...)+}": why the rule is there, nothing more asked
        return effects
    if set(content_in or content_out) <= _CONJUNCTIONS and _one_for_one(came, went):
        # A2A's "(`completed`, `failed`, `canceled`, or `rejected`)" -> "(`TASK_STATE_COMPLETED`, ...,
        # `TASK_STATE_REJECTED`)": the list lost its "or", and names the same four states
        return effects
    prohibits = any(m.polarity < 0 for m in new_modals)
    if _under_a_denial(prose(new if content_in else old), content_in or content_out):
        # "... without doing any case normalization" -> "... normalization or sanitization": what
        # came sits in what the rule rules out, so it reads as a prohibition does
        prohibits = not prohibits
    alternative = "or" in (content_in or content_out) or _among_alternatives(asked_old, asked_new)
    # "MUST be either `A` or `B`" -> "either `A`, `B` or both": one more way to comply, as an alternative added is
    or_both = set(content_in or content_out) == {"both"} and _OR_BOTH.search(new if content_in else old) is not None
    alternative = alternative or (or_both and not prohibits)
    # "at least one bucket" -> "one bucket": a bound dropped makes the count exact, so fewer comply.
    changed = set(content_in or content_out)
    bound = changed <= _BOUND_WORDS and bool(changed & {"least", "most", "up", "more", "fewer", "less"})
    narrowed = bool(content_in) ^ prohibits ^ (alternative or bound)
    direction = "narrowed" if narrowed else "broadened"
    reach = _reach_change(inserted, deleted, asked_old, asked_new)
    if reach is not None:
        scope = Effect("scope", " ".join(content_out) or None, " ".join(content_in) or None, reach, sentence=where)
        return [*effects, replace(scope, normative=True, old_obliges=obliging, new_obliges=obliging, confidence=UNSURE)]
    if _spells_out(inserted, deleted, content_in) or _name_lengthened(old, new, content_in, content_out):
        return effects
    effects.append(
        Effect(
            "wording",
            " ".join(content_out) or None,
            " ".join(content_in) or None,
            direction,
            sentence=where,
            normative=True,
            confidence=UNSURE,
        )
    )
    return effects


def _without_remarks(text: str) -> str:
    """``text`` without the remarks on its rule that ask nothing more: a reason of compliance (", in order
    to comply with [RFC 7231](...)") or a purpose (", in order to ensure that ..."), or what it leaves out
    of scope after a "however" or "but" in the same part of the sentence (CESQL's "An engine SHOULD also
    allow users to define their custom functions, however, the mechanism by which this is done is out of
    scope of this specification").

    >>> _without_remarks("Docks SHOULD log rides, but how is out of scope of this spec. Docks MUST lock.")
    'Docks SHOULD log rides. Docks MUST lock.'
    """
    text = _REASON_OR_PURPOSE.sub("", text)
    cuts: list[tuple[int, int]] = []
    for found in _OUT_OF_SCOPE.finditer(text) if "scope" in text else ():
        done = cuts[-1][1] if cuts else 0
        if found.start() < done:
            continue  # (inside a remark already cut)
        # (the nearest "however" or "but" up to 200 characters before it: a window, so that a text of
        # many "but"s is read once, not once per "but")
        window_start = max(done, found.start() - 200)
        window = text[window_start : found.start()]
        turns = [t for t in _TURN.finditer(window) if not _PART_END_MARK.search(window, t.end())]
        if turns:
            part_end = _PART_END_MARK.search(text, found.end())
            cuts.append((window_start + turns[-1].start(), part_end.start() if part_end else len(text)))
    kept = zip([0] + [end for _, end in cuts], [start for start, _ in cuts] + [len(text)])
    return "".join(text[start:end] for start, end in kept)


_REASON_OR_PURPOSE = re.compile(
    r"(?i),?\s*(?:in\s+order\s+)?(?:to\s+comply\s+with|for\s+compliance\s+with)\b[^.;]*|,\s*in\s+order\s+to\b[^.;]*"
)
"""A reason of compliance, or a purpose after a comma, to the end of its part of the sentence: ", in order to
comply with [RFC 7231](...)", QUIC's ", in order to ensure that QUIC connections that disable the spin bit are
commonly observed on the network"."""
_OUT_OF_SCOPE = re.compile(r"(?i)\bout\s+of\s+(?:the\s+)?scope\b")
_TURN = re.compile(r"(?i),?\s*\b(?:however|but)\b")
"""The word that turns from a rule to a remark on it: ", however", "but"."""
_PART_END_MARK = re.compile(r"[.;]")
"""Where a part of a sentence ends, for a remark: a full stop or a semicolon."""


def _alternative_dropped(dropped: list[str]) -> bool:
    """Whether the words dropped from a condition took one of its alternatives, leaving another: "when A or
    B" -> "when B" drops "A or", and the rule reaches fewer cases. When the whole choice went, both sides
    of its "or" with it, the condition asks less and reaches more: the OCI distribution spec's "When pushing
    an image or artifact manifest ..." -> "When pushing a manifest ..." binds clients pushing any manifest.

    >>> _alternative_dropped(["a", "or"]), _alternative_dropped(["an", "image", "or", "artifact"])
    (True, False)
    >>> _alternative_dropped(["api", "returns", "a", "404", "or", "the"])  # "... or the header was not set" left
    True
    """
    while dropped and dropped[-1] in _ARTICLES:
        dropped = dropped[:-1]
    return any(word == "or" and k in (0, len(dropped) - 1) for k, word in enumerate(dropped))


_ARTICLES = frozenset(("a", "an", "the"))
_CONJUNCTIONS = frozenset(("and", "or"))


def _one_for_one(inserted: list[str], deleted: list[str]) -> bool:
    """Whether, leaving "and" and "or" aside, as many words came as went: each one put in another's
    place, not one more item ("lexical order" -> "lexical or "ASCIIbetical" order" names one more)."""
    return sum(w not in _CONJUNCTIONS for w in inserted) == sum(w not in _CONJUNCTIONS for w in deleted)


def _unwrapped(text: str, other: str) -> str:
    """``text`` with the backticks blanked off each code span whose words ``other`` writes plainly, in
    any case, as often, and never as code (the text keeps its length: its modals' places stand). purl
    wrote "a `purl` must not use" as "a PURL shall not use", and with the code span's words read as no
    words (``prose``), "purl" read as a word added to the rule's subject, its scope narrowed.

    >>> _unwrapped("a `purl` must not use ``scheme``", "a PURL shall not use the scheme")
    'a  purl  must not use   scheme  '
    """
    if "`" not in text:
        return text
    still_code = {m.group(2).lower() for m in _BACKTICKED.finditer(other)}
    other_plain = _BACKTICKED.sub(lambda m: " " * len(m.group(0)), other)  # (a word inside code there is not plain)

    def plain_in_other(span: re.Match[str]) -> str:
        said = span.group(2)
        if said.lower() in still_code:
            return span.group(0)  # written as code there too: a plain word beside it is a word added
        # the same number of times on each side: written otherwise, not added ("`string` | A version string")
        times = re.compile(rf"(?<!\w){re.escape(said)}(?!\w)", re.IGNORECASE)
        if not times.search(other_plain) or len(times.findall(text)) != len(times.findall(other_plain)):
            return span.group(0)
        marks = " " * len(span.group(1))
        return marks + said + marks

    return _BACKTICKED.sub(plain_in_other, text)


_BACKTICKED = re.compile(r"(`+)([^`\n]+?)\1")


def _asks_replaced(content_out: list[str], content_in: list[str], old: str, new: str) -> tuple[list[str], list[str]] | None:
    """The words a rule no longer asks and the words it asks now, when it asks another thing: two
    words or more on each side that the other version does not have in any form (nor respelled,
    "least-saver" -> "least-severe"), and none of them a keyword, a number or a word of grammar.
    ``None`` when the rule's words were only reworded around what it asks.

    >>> old = "If a hook fails, the runtime MUST log a warning and go on."
    >>> new = "If a hook fails, the runtime MUST generate an error and stop the container."
    >>> _asks_replaced(["log", "warning", "go", "on"], ["generate", "error", "stop", "container"], old, new)
    (['log', 'warning', 'go'], ['generate', 'error', 'stop', 'container'])
    >>> old, new = "The server MUST send the created resources.", "The server SHALL return the resource it created."
    >>> _asks_replaced(["must", "send", "created", "resources"], ["shall", "return", "resource", "it"], old, new) is None
    True
    """
    if len(content_out) + len(content_in) > ASKS_REPLACED_WORDS_AT_MOST:
        return None
    from rapidfuzz.distance import Indel

    def root(word: str) -> str:
        return stem(word).rstrip("e")  # "resources" and "resource", "replaced" and "replace" alike

    not_asked = _GRAMMAR_WORDS | RFC_WORDS | _MODAL_WORDS

    def own(side: list[str], other: str) -> list[str]:
        others = _said(other.replace("`", ""))
        roots = {root(w) for w in others}
        return [
            w
            for w in side
            if w not in not_asked
            and not w.isdigit()
            and root(w) not in roots
            and not any(Indel.normalized_similarity(w, o) >= 0.8 for o in others)
        ]

    gone, came = own(content_out, new), own(content_in, old)
    return (gone, came) if len(gone) >= 2 and len(came) >= 2 else None


ASKS_REPLACED_WORDS_AT_MOST = 40
"""Most words a rule's asks may lose and gain together to be read as replaced (the longest in 4,043 real
commits was 22). Past it the rule is read as reworded: each word is compared with every word of the
other version, and a hostile 2,000-word rule rewritten whole took 2.6 s."""


_MODAL_WORDS = {"can", "cannot", "never", "always", "do", "need", "needs", "has", "have", "will", "would", "could", "might"}
"""Words of a rule's force outside RFC 2119's keywords: none of them says what a rule asks."""


def _beside_rewordings(
    old: list[str], new: list[str], not_asked: set[str], old_text: str, new_text: str
) -> tuple[list[str], list[str]]:
    """The words of what a rule asks that only came (or only went) in one place of the sentence,
    beside words swapped for others elsewhere in it: AsyncAPI's "MUST be in the format of a URL" ->
    "MUST be in the form of an absolute URL" swaps "format" for "form" and adds "absolute", which
    narrows what complies. ``([], [])`` unless words only came, or only went, and others were swapped.

    >>> old, new = "in the format of a URL", "in the form of an absolute URL"
    >>> _beside_rewordings(old.lower().split(), new.lower().split(), {"the", "a", "an"}, old, new)
    (['absolute'], [])
    >>> _beside_rewordings(["send", "the", "fee"], ["pay", "the", "charge"], {"the"}, "send the fee", "pay the charge")
    ([], [])
    """
    came: list[str] = []
    went: list[str] = []
    head = ""
    swapped = False
    for tag, i1, i2, j1, j2 in token_opcodes(old, new):
        if tag == "equal":
            continue
        here_in = [w for w in new[j1:j2] if w not in not_asked and w not in _FUNCTION_WORDS]
        here_out = [w for w in old[i1:i2] if w not in not_asked and w not in _FUNCTION_WORDS]
        if here_in and here_out:
            if len(here_in) > 2 or len(here_out) > 2:
                return [], []  # a phrase rewritten, not a word swapped: read as wording
            swapped = True
        elif here_in or here_out:
            if came or went:
                return [], []  # words came or went in two places: read as wording
            came, went = here_in, here_out
            # (between words kept: "an absolute URL", not "object type, so" nor "List of products")
            start, end, side = (j1, j2, new) if here_in else (i1, i2, old)
            head = side[end] if 0 < start and end < len(side) else ""
    if not swapped or not 0 < len(came or went) <= 2 or not all(w.isalpha() for w in came or went):
        return [], []
    if not head or head in not_asked or head in _FUNCTION_WORDS:
        return [], []
    # (words that only moved, in another form or into code, "preferred name" -> "name they prefer",
    # "subcomponents" -> "`subcomponents`", are no qualifier)
    other = (old_text if came else new_text).lower()
    if any(re.search(rf"\b{re.escape(w[: max(4, len(w) - 2)])}", other) for w in came or went):
        return [], []
    return came, went


_FUNCTION_WORDS = {
    *("as", "at", "by", "from", "into", "than", "that", "which", "who", "so", "also", "then", "there"),
    *("it", "its", "they", "them", "their", "we", "you", "your"),
}
"""Words that carry no qualifier of their own (``_beside_rewordings``): "used a default" -> "used as the default"."""
_NAMES_NOTHING = _FUNCTION_WORDS | {
    *("a", "an", "the", "of", "to", "in", "on", "for", "with", "and", "or"),
    *("be", "is", "are", "this", "these", "those"),
}
"""Words whose coming or going names nothing a rule reaches (``_alternative_of_a_rule_dropped``): those
above, articles, prepositions, "and" and "or", the verb "to be"."""


def _asked_from_its_keyword(text: str, modal: Modal, item: str) -> bool:
    """Whether ``item``, which takes its force from a lead-in, opens on the words that follow ``text``'s own
    keyword: "Prevent properties from ..." against "The SCS MUST prevent properties from ...".

    >>> text = "The SCS MUST prevent properties from starting with X."
    >>> _asked_from_its_keyword(text, Modal("MUST", 1, 3, (8, 12)), "Prevent properties from starting with Y.")
    True
    >>> _asked_from_its_keyword(text, Modal("MUST", 1, 3, (8, 12)), "Rate limiting: prevent properties.")
    False
    """
    if modal.span == (0, 0):
        return False
    asked, opening = words(text[modal.span[1] :])[:2], words(item)[:2]
    return len(opening) == 2 and [w.lower() for w in asked] == [w.lower() for w in opening]


def _inherited(modals: list[Modal]) -> bool:
    """Whether one of a text's forces is its lead-in's (read with no place in the text, ``force``)."""
    return any(m.span == (0, 0) for m in modals)


def _under_a_denial(text: str, changed: list[str]) -> bool:
    """Whether the words that came to (or went from) ``text`` follow a "without", "no", "not" or
    "never" of their own clause, with "or" joining them to what it denied.

    >>> _under_a_denial("Keep the name without any case folding or trimming.", ["or", "trimming"])
    True
    >>> _under_a_denial("Keep the name or the alias.", ["or", "the", "alias"])
    False
    """
    content = [w for w in changed if w not in ("or", "and")]
    if "or" not in changed or not content:
        return False
    # (within 200 characters of the denial: a 10 MB line of "no no no ..." is not read to its end from each;
    # a keyword's own "not" is the rule's, which ``prohibits`` reads: "MUST NOT send append or creation requests")
    denied = rf"(?:\b(?:without|no|never)|{_NOT_OF_A_KEYWORD}\bnot)\b"
    denial = rf"{denied}[^.;:,]{{0,200}}\bor\s+(?:\w+\s+){{0,3}}?{re.escape(content[0])}\b"
    return bool(re.search(denial, text, re.I))


_NOT_OF_A_KEYWORD = "".join(rf"(?<!\b{verb}\s)" for verb in ("must", "shall", "should", "may", "do", "does", "did", "will"))
"""Before a "not" that is no keyword's own: "MUST NOT", "do not" and "will not" state the rule itself."""


def _relabelled_link_words(old: str, new: str) -> tuple[set[str], set[str]]:
    """Words that came to and went from the labels of links that still lead where they led: the
    label of a link to one object renamed ("a defined [Source](#source-object)" -> "a defined
    [Source Description](#source-object)") names the same thing and asks nothing new.

    >>> _relabelled_link_words("see [Source](#src) or [x](#a)", "see [Source Description](#src) or [y](#b)")
    ({'description'}, set())
    """
    if "](" not in old or "](" not in new:
        return set(), set()
    labels_old, labels_new = _link_labels(old), _link_labels(new)
    came: set[str] = set()
    went: set[str] = set()
    for target in labels_old.keys() & labels_new.keys():
        came |= labels_new[target] - labels_old[target]
        went |= labels_old[target] - labels_new[target]
    return came, went


def _citations_added(old: str, new: str) -> set[str]:
    """The words of the kramdown-rfc citations ``new`` adds when it drops none of ``old``'s: a citation
    set beside a term says where the term is defined and asks nothing more. The HTTP No-Vary-Search
    draft linked "sorting" to the WHATWG Infra standard, "the result of [sorting](...) {{WHATWG-INFRA}}",
    and the rule read as narrowed by "whatwginfra". (One citation swapped for another is left to read.)

    >>> sorted(_citations_added("sort them", "sort them {{WHATWG-INFRA}} ({{fig-sort}})"))
    ['figsort', 'whatwginfra']
    >>> _citations_added("as in {{RFC1}}", "as in {{RFC2}}")
    set()
    """
    cited_old = {_said(m)[0] for m in _REFERENCE.findall(old) if _said(m)}
    cited_new = {_said(m)[0] for m in _REFERENCE.findall(new) if _said(m)}
    return cited_new - cited_old if cited_old <= cited_new else set()


def _link_labels(text: str) -> dict[str, set[str]]:
    """The words of the labels of ``text``'s inline links, by target."""
    labels: dict[str, set[str]] = defaultdict(set)
    for label, target in _INLINE_LINK.findall(text):
        labels[target].update(_said(label))
    return labels


_INLINE_LINK = re.compile(r"(?<!!)\[([^\[\]\n]{0,200})\]\(\s*<?([^()\s>]{1,2000})[^()\n]{0,200}\)")
"""An inline link: its label and its target (bounded, so that a line of unclosed "[a](b" is read in one pass)."""


def _said(text: str) -> list[str]:
    """The words of ``text`` for reading what a rule asks: a condition in other words is the same
    condition, a cross-reference is one word, however its label is written ("{{OpenID.Connect}}"),
    and "e.g.", "i.e.", the "(s)" of "task(s)" and the numbers of steps are none (TUF renumbered its
    steps, "begin at step 0" -> "begin at step 5.0", in rules it reworded).

    >>> _said("as in {{OpenID.Connect}}, except for tests (e.g. unit tests)")
    ['as', 'in', 'openidconnect', 'except', 'tests', 'unit', 'tests']
    >>> _said("begin at step 5.0") == _said("begin at step 0")
    True
    """
    text = _ABBREVIATION.sub(" ", _REFERENCE.sub(lambda m: _NOT_A_WORD.sub("", m.group(0)), text))
    text = _LETTERED_STEP.sub(" ", without_numbering(text))
    text = _PLURAL_MARK.sub("", text)
    return condition_words_folded(words(text))


_LETTERED_STEP = re.compile(r"(?:^|(?<=\s))(?:[a-z]\.(?=\s+[A-Z`*_\[(])|[a-h]\.\s*$)")
"""A lettered step written inline, "a. Skip if empty b. Extract the type" (the "b." ends the sentence
before it): the letter is no word of the rule (steps once labelled "a."-"e." in a paragraph, now a
nested list, read as "b e" dropped). At a sentence's end only "a."-"h.": "... `channel_update`s." is no step."""

_ABBREVIATION = re.compile(r"\b(?:e\.\s?g|i\.\s?e)\b\.?", re.IGNORECASE)
""""e.g." and "i.e.": they introduce an example or a restatement, and their letters are no words
of the rule (the "e" of an "(e.g." cut off at its full stop read as a condition word dropped)."""
_PLURAL_MARK = re.compile(r"(?<=\w)\(s\)")
"""The "(s)" of "task(s)": one or more of the same thing, no word of its own."""
_REFERENCE = re.compile(r"\{\{[^{}\n]*\}\}")
"""A kramdown-rfc cross-reference: "{{RFC9110}}", "{{Section 4 of RFC9110}}", "{{OpenID.Connect}}"."""
_NOT_A_WORD = re.compile(r"\W")


def _demonstrative_for(old: list[str], new: list[str]) -> bool:
    """Whether one subject is a demonstrative standing for the other ("Value MUST ..." -> "This MUST
    ..."): the rule binds what it bound. ("It" is no such word: "it is unacceptable to" has none.)

    >>> _demonstrative_for(["value"], ["this"]), _demonstrative_for(["clients"], ["servers"]), _demonstrative_for(["it"], ["you"])
    (True, False, False)
    """
    return (len(old) == 1 and old[0] in _DEMONSTRATIVES) or (len(new) == 1 and new[0] in _DEMONSTRATIVES)


_DEMONSTRATIVES = {"this", "these", "that", "those"}


_OR_BOTH = re.compile(r"(?i)\bor\s+both\b")


def _among_alternatives(old: list[str], new: list[str]) -> bool:
    """Whether words were only put into (or only taken from) a list of alternatives, just before its
    "or": "MAY be a call to an operation or a workflow" -> "... an operation, an event or a workflow"
    offers one more way to comply, as an "or ..." added does.

    >>> _among_alternatives("may be a call or a workflow".split(), "may be a call a message or a workflow".split())
    True
    >>> _among_alternatives("must support a and b".split(), "must support a c and b".split())
    False
    >>> _among_alternatives("may be a call a workflow etc".split(), "may be a call a message a workflow etc".split())
    True
    """
    # (``token_opcodes``, not difflib's alone: a 50,000-character block of 200,000 table rows "| cell must |
    # other |" read word by word took 4.6 of 5 s there)
    changes = [op for op in token_opcodes(old, new) if op[0] != "equal"]
    if len(changes) != 1 or changes[0][0] == "replace":
        return False
    tag, i1, i2, j1, j2 = changes[0]
    words_of, start, end = (new, j1, j2) if tag == "insert" else (old, i1, i2)
    # (a list left open, "a microservice, a mainframe process, etc.", names some of the ways to comply)
    closing = set(words_of[end : end + _ALTERNATIVE_WORDS_AT_MOST])
    return not {"or", "and"} & set(words_of[start:end]) and bool({"or", "etc"} & closing)


_ALTERNATIVE_WORDS_AT_MOST = 6
"""Words after an inserted list item within which the list's "or" (or its "etc.") must come."""


# Where the clause that holds a rule's subject starts: the words before are framing ("One
# consequence is that, beyond X, the assistant should ..."), not whom the rule binds.
_CLAUSE_START = re.compile(r"[,;:(\u2014]|\b(?:that|which|because|since|although|though|but|however)\b", re.IGNORECASE)


def _opposite_swapped(deleted: list[str], inserted: list[str]) -> tuple[str, str] | None:
    """A word of a rule swapped for its opposite ("accepted" -> "rejected", "enable" -> "disable"),
    as ``(old, new)``; ``None`` when there is none. A Nostr NIP turned "the event MUST be accepted"
    into "MUST be rejected with ..." and it read as a slight, editorial rewording.

    >>> _opposite_swapped(["accepted"], ["rejected", "duplicate"]), _opposite_swapped(["lower"], ["smaller"])
    (('accepted', 'rejected'), None)
    """
    roots_in = {_root(w): w for w in inserted}
    for word in deleted:
        for opposite in _OPPOSITES.get(_root(word), ()):
            if opposite in roots_in:
                return word, roots_in[opposite]
    return None


def _root(word: str) -> str:
    """:func:`stem`, and a final "e" dropped and "i" read as "y": "disable" and "disabled" are
    one word, "denied" and "deny" too.

    >>> [_root(w) for w in ("rejected", "disable", "disabled", "denied", "closes", "min")]
    ['reject', 'disabl', 'disabl', 'deny', 'clos', 'min']
    """
    word = stem(word)
    word = word[:-1] if word.endswith("e") and len(word) > 3 else word
    return word[:-1] + "y" if word.endswith("i") else word


_OPPOSITE_PAIRS = (
    ("accept", "reject"), ("allow", "deny"), ("allow", "forbid"), ("allow", "block"), ("permit", "deny"),
    ("enable", "disable"), ("include", "exclude"), ("add", "remove"), ("open", "close"), ("start", "stop"),
    ("grant", "revoke"), ("valid", "invalid"), ("true", "false"), ("succeed", "fail"), ("success", "failure"),
    ("before", "after"), ("minimum", "maximum"), ("min", "max"), ("increase", "decrease"), ("upper", "lower"),
    ("first", "last"), ("public", "private"), ("encrypt", "decrypt"), ("keep", "discard"), ("keep", "drop"),
    ("retain", "discard"), ("show", "hide"), ("lock", "unlock"), ("above", "below"), ("earlier", "later"),
    ("inclusive", "exclusive"), ("ascending", "descending"), ("approve", "reject"), ("ignore", "process"),
)  # fmt: skip
"""Words a rule cannot swap for one another and ask the same."""


def _opposites_by_root(pairs: tuple[tuple[str, str], ...]) -> dict[str, set[str]]:
    """Each word's root with the roots of its opposites, both ways."""
    found: dict[str, set[str]] = {}
    for one, other in pairs:
        found.setdefault(_root(one), set()).add(_root(other))
        found.setdefault(_root(other), set()).add(_root(one))
    return found


_OPPOSITES = _opposites_by_root(_OPPOSITE_PAIRS)


def _spells_out(inserted: list[str], deleted: list[str], content_in: list[str]) -> bool:
    """Whether the words a rule gained only say again what it named: the kind of a thing its
    identifier names ("send CONNECTION_CLOSE" -> "send a CONNECTION_CLOSE frame"), a cross-reference
    ("...; see {{errors}}"), or what a pronoun stood for ("MAY fail it" -> "MAY fail the incoming
    HTLC"). QUIC's RFC editor made several such edits to RFC 9000; each was read as narrowing the rule.

    >>> _spells_out(["a", "frame"], [], ["frame"]), _spells_out(["see", "errors"], [], ["see", "errors"])
    (True, True)
    >>> _spells_out(["the", "incoming", "htlc"], ["it"], ["incoming", "htlc"])
    True
    >>> _spells_out(["and", "frames"], [], ["frames"]), _spells_out(["padding"], [], ["padding"])
    (False, False)
    >>> _spells_out(["section", "14"], [], ["section", "14"]), _spells_out(["14"], [], ["14"])
    (True, False)
    >>> _spells_out(["section", "4", "3", "of"], [], ["section", "4", "3", "of"])
    True
    """
    if not content_in or {"and", "or"} & set(inserted):
        return False
    if all(w in _KIND_NOUNS for w in content_in) or (content_in[0] == "see" and not deleted):
        return True
    if _POINTER_NOUNS & set(content_in) and all(w in _POINTER_NOUNS or w.isdigit() or w == "of" for w in content_in):
        return True  # "as described in [RFC 7234]" -> "[RFC 7234 (section 5.5)]": the same citation, more precise
    return bool(deleted) and all(w in _PRONOUNS for w in deleted)


def _name_lengthened(old: str, new: str, content_in: list[str], content_out: list[str]) -> bool:
    """Whether the words a rule gained (or lost) sit inside a name of capitalised words, which the other
    side writes without them: runtime-spec's "the version of the Open Container Runtime Specification" ->
    "... Open Container Initiative Runtime Specification" names the same document, and asks nothing more.

    >>> _name_lengthened("Open Container Runtime Spec", "Open Container Initiative Runtime Spec", ["initiative"], [])
    True
    >>> _name_lengthened("the runtime", "the Linux runtime", ["linux"], [])
    False
    """
    longer, shorter, added = (new, old, set(content_in)) if content_in else (old, new, set(content_out))
    names = [run.split() for run in _NAME_RUN.findall(prose(longer)) if {w.lower() for w in run.split()} & added]
    if not names or not added <= {w.lower() for name in names for w in name}:
        return False
    return all(" ".join(w for w in name if w.lower() not in added) in prose(shorter) for name in names)


_NAME_RUN = re.compile(r"\b[A-Z][\w-]*(?:\s+[A-Z][\w-]*){2,}")
"""Three capitalised words or more in a row: a name ("Open Container Initiative Runtime Specification")."""


_KIND_NOUNS = {
    "frame", "frames", "packet", "packets", "field", "fields", "value", "values", "message", "messages",
    "parameter", "parameters", "header", "headers", "property", "properties", "member", "members",
    "attribute", "attributes", "element", "elements", "object", "objects", "keyword", "keywords",
}  # fmt: skip
"""Words that name what kind of thing an identifier is: added beside it, they restate it."""
_PRONOUNS = {"it", "its", "that", "this", "these", "those", "them", "they", "their", "one"}
_POINTER_NOUNS = {"section", "sections", "appendix", "chapter", "rfc", "step", "steps"}
_BOUND_WORDS = {"at", "least", "most", "up", "to", "or", "more", "fewer", "less", "than"}
"""The words of a bound on a number: "at least", "at most", "up to", "or more", "no fewer than"."""


def _new_holder(old: list[str], new: list[str]) -> bool:
    """Whether the subject's head word changed ("client" -> "server"): a holder change, not a scope change."""
    return bool(old and new) and old[-1] != new[-1] and not set(old) <= set(new) and not set(new) <= set(old)


def _reach_change(inserted: list[str], deleted: list[str], old: list[str], new: list[str]) -> str | None:
    """A things-or-places list at the end of a rule that grew or shrank: the rule reaches more or fewer.

    "Avoid errors in replies" -> "Avoid errors in replies or any later actions" and "Use
    short paths in docs and config files" -> "Use short paths in docs" change where or to
    what the rule applies, for a duty and a ban alike: ``scope_widened`` / ``scope_narrowed``.
    A rule that fixes a value ("MUST be a string or null") is left to narrowed/broadened.
    """
    if bool(inserted) == bool(deleted) or {"be", "is", "are"} & set((new or old)[:3]):
        return None  # (the words start at the rule's keyword: "MUST be a string or null")
    tail, words_of = (inserted, new) if inserted else (deleted, old)
    if tail[0] not in ("and", "or") or len(tail) < 2 or words_of[-len(tail) :] != tail:
        return None
    widened = bool(inserted)
    if _CARVE_OUT & set(words_of[-len(tail) - 8 : -len(tail)]):
        widened = not widened  # "artifacts unrelated to A and B": the list names what the rule leaves out
    return "scope_widened" if widened else "scope_narrowed"


_CARVE_OUT = {"unrelated", "except", "excluding", "besides", "other", "apart", "outside"}


_EXCEPTION_PHRASE = re.compile(r"(?i)\b(?:unless|except)\b[^,;.]*")


def _in_exception(found: list[str], text: str) -> bool:
    inside = set(words(" ".join(_EXCEPTION_PHRASE.findall(prose(text)))))
    return bool(found) and all(w in inside for w in found)


_PASSIVE_PREDICATE = re.compile(r"(?i)(?:is|are|be|been|being|remains?)\b")

# Words whose coming or going does not change what a rule asks.
_FILLER = {
    "the",
    "a",
    "an",
    "that",
    "also",
    "just",
    "please",
    "then",
    "this",
    "these",
    "those",
    "its",
    "their",
    "and",
    "so",
    "but",
    "it",
    "they",
}
_GRAMMAR_WORDS = _FUNCTION_WORDS | _FILLER | {"in", "of", "on", "to", "for", "with", "be", "been"}
"""Words that, only added to a rule or only dropped from it, mend its grammar: "can be used [-a-]{+as the+}
default", "reported in subsequent [-in-] report notifications", "how members may {+be+} named"."""


_ANNOUNCES_A_LIST = re.compile(r"(?i)\bthe\s+following\s*:\s*$")
"""The words that end a lead-in by announcing the list under it: "... should have the following:"."""


_FRAMING_PREPOSITIONS = {"of", "for", "to", "from", "on", "in", "by", "with"}
"""A preposition ending the words put before a rule's old subject: "The response for each upload"."""
_NOT_QUALIFYING = _FILLER | {"more", "less", "fewer", "further", "anymore"} | {
    "therefore", "thus", "hence", "so", "consequently", "accordingly", "however", "moreover", "furthermore",
    "additionally", "likewise", "similarly", "finally", "instead",
}  # fmt: skip
"""Words that, added to a rule's subject alone, say nothing of which it binds ("no more data can be
appended" for "no data can be appended anymore"), and the words that join a sentence to the one
before (GraphQL's "The executor must, in serial:" -> "Therefore the executor must, in serial:")."""


def _holder_change(old: str, new: str, old_rules: list[Reading], new_rules: list[Reading], where: str | None) -> list[Effect]:
    """Who must comply changed: "Clients MUST retry" -> "Servers MUST retry"."""
    if not old_rules or not new_rules:
        return []
    before, after = old_rules[0].holder, new_rules[0].holder
    if before and after and before != after and before != "you" and after != "you":
        return [Effect("holder", before, after, "holder_changed", sentence=where, normative=True, confidence=0.75)]
    return []


def _in_sense(found: list[Modal], inverted: bool) -> list[Modal]:
    """The modals with the first one's polarity turned when the wording inverts it."""
    if not inverted or not found:
        return found
    return [replace(found[0], polarity=-found[0].polarity), *found[1:]]


def _polarity_word(sign: int) -> str:
    return "affirmative" if sign > 0 else "negative"


def _word_class_change(
    effect_type: EffectType, reader: Callable[[str], list[str]], old: str, new: str, where: str | None, normative: bool
) -> list[Effect]:
    found_old, found_new = reader(old), reader(new)
    if found_old == found_new:
        return []  # (the usual case, told without counting)
    if effect_type == "number":
        found_old = [n for n in found_old if n not in _numbers_of_names_only_in(old, new) and n not in _named_codes(new)]
        found_new = [n for n in found_new if n not in _numbers_of_names_only_in(new, old) and n not in _named_codes(old)]
    before, after = Counter(found_old), Counter(found_new)
    if before == after:
        return []
    if effect_type == "number" and Counter(map(number_value, found_old)) == Counter(map(number_value, found_new)):
        return []  # "10" -> "ten", "14720" -> "14,720": the same numbers
    gone = ", ".join((before - after).elements()) or None
    came = ", ".join((after - before).elements()) or None
    return [Effect(effect_type, gone, came, sentence=where, normative=normative)]


def _numbers_of_names_only_in(text: str, other: str) -> set[str]:
    """The numbers that are part of a name ``text`` has and ``other`` lacks: "ROS 2" added to a list of
    brokers brings a product, not the number 2 (where "Python 3" -> "Python 4" changes a number).

    >>> sorted(_numbers_of_names_only_in("Kafka, Pulsar, ROS 2.", "Kafka, Pulsar."))
    ['2']

    A name may go on after its number: OAuth 2.1's "if neither OAuth metadata {{RFC8414}} nor ..." ->
    "OAuth 2.0 Authorization Server Metadata {{RFC8414}}" names a document.

    >>> sorted(_numbers_of_names_only_in("if OAuth 2.0 Server Metadata is used", "if OAuth metadata is used"))
    ['2.0']
    """
    found = set()
    for m in _NAME_AND_NUMBER.finditer(text):
        name = m.group(3).strip() or m.group(1)
        if not re.search(rf"\b{re.escape(name)}\b", other):
            found.add(m.group(2))
    return found


def _named_codes(text: str) -> set[str]:
    """The numbers ``text`` writes as code with their names: the OCI distribution spec wrote "receiving a
    404" as "receiving a `404 Not Found`", which read as the number 404 taken out. (A value replaced in
    code, "`409 Conflict`" -> "`400 Bad Request`", is told as a value.)

    >>> sorted(_named_codes("After a `404 Not Found` or a `410`, retry."))
    ['404']
    """
    return {m.group(1) for m in _NAMED_CODE.finditer(text)} if "`" in text else set()


_NAMED_CODE = re.compile(r"`(\d+)(?:\s+[A-Z][A-Za-z-]*){1,4}`")
"""A number in code followed by its name: an HTTP status, "`404 Not Found`"."""

_NAME_AND_NUMBER = re.compile(r"(?<=[\w,;(] )([A-Z][\w-]*)\s+(\d+(?:\.\d+)?)\b(?![.,:]\d)((?:\s+[A-Z][\w-]*)*)")
"""A capitalised word and a number, inside a sentence ("Retry 3 times" opens one: a command and its count),
and the capitalised words that go on with the name ("OAuth 2.0 Authorization Server Metadata")."""


# -- modality --------------------------------------------------------------------


def _paired_modals(old: list[Modal], new: list[Modal]) -> list[tuple[Modal | None, Modal | None]]:
    """Pair the modal phrases of two versions of a sentence whose forces changed, in order; unpaired ones with ``None``."""
    pairs: list[tuple[Modal | None, Modal | None]] = []
    keys_old = [(m.polarity, m.strength) for m in old]
    keys_new = [(m.polarity, m.strength) for m in new]
    if sorted(keys_old) == sorted(keys_new):
        # Nothing to pair: the same forces, in the same order or another ("SHOULD inform ... and
        # MUST NOT redirect" -> "MUST NOT redirect ... and SHOULD inform": paired by position,
        # that was a SHOULD reversed into a MUST NOT and a MUST NOT removed).
        return pairs
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, keys_old, keys_new, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        olds, news = old[i1:i2], new[j1:j2]
        for k in range(max(len(olds), len(news))):
            pairs.append((olds[k] if k < len(olds) else None, news[k] if k < len(news) else None))
    return pairs


def _restricts(modal: Modal) -> bool:
    """A leave given only there, which forbids it elsewhere: TOML's "Carriage returns are only allowed as
    part of a newline sequence" came as a restriction, not as a licence.

    >>> _restricts(Modal("are only allowed", 1, 1)), _restricts(Modal("are allowed", 1, 1))
    (True, False)
    """
    return "only" in modal.phrase.lower().split()


def _modality(old: Modal | None, new: Modal | None, *, sentence: str | None) -> Effect:
    """A modality effect; its direction is ``None`` when nothing changed in force."""
    direction: str | None
    if old is None and new is not None:
        direction = "strengthened" if new.obliges or _restricts(new) else "weakened"
    elif new is None and old is not None:
        direction = "weakened" if old.obliges or _restricts(old) else "strengthened"
    elif old is not None and new is not None and old.polarity != new.polarity:
        direction = "reversed"
    elif old is not None and new is not None and old.strength != new.strength:
        direction = "strengthened" if new.strength > old.strength else "weakened"
    else:
        direction = None
    return Effect(
        "modality",
        old.phrase if old else None,
        new.phrase if new else None,
        direction,
        sentence=sentence,
        normative=True,
        old_obliges=bool(old and old.obliges),
        new_obliges=bool(new and new.obliges),
    )
