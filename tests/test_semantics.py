"""Tests of ``specdiff.semantics`` and ``specdiff.lexicon``: what a text change does to the rule it states.

The table below is a reviewer's reading of clause pairs from a fictional
travel-and-booking assistant's spec. Each row says which effects a careful
reader expects (the exact set of effect types), the modal phrases and numbers
that changed, and the severity, all worked out from the rules in the module
docstrings of ``semantics`` and ``lexicon``, not from the code's output.
"""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from specdiff.lexicon import conditions, modals, numbers, polarity, quantifiers, sentences, uses_rfc2119_capitals
from specdiff.model import Effect
from specdiff.semantics import describe_change, describe_clause, obliges, severity

S, W, R = "strengthened", "weakened", "reversed"
BREAKING, SUBSTANTIVE, EDITORIAL = "breaking", "substantive", "editorial"


def row(
    id: str,
    old: str,
    new: str,
    types: set[str],
    sev: str,
    *,
    modality: tuple[tuple[str | None, str | None, str], ...] = (),
    number: tuple[str | None, str | None] | None = None,
    sentence: str | None = None,
    capitals: bool = False,
    xfail: str | None = None,
):
    """One table row; ``modality`` lists ``(old phrase, new phrase, direction)`` of every modality effect."""
    assert ("modality" in types) == bool(modality), f"{id}: modality rows name their phrases"
    assert ("number" in types) == (number is not None), f"{id}: number rows name their numbers"
    marks = [pytest.mark.xfail(strict=True, reason=xfail)] if xfail else []
    return pytest.param(old, new, types, sev, modality, number, sentence, capitals, id=id, marks=marks)


ROWS = [
    # -- modality: RFC 2119 capitals --------------------------------------------------------------
    row("rfc-should-must", "The assistant SHOULD cite its sources.", "The assistant MUST cite its sources.",
        {"modality"}, BREAKING, modality=(("SHOULD", "MUST", S),), capitals=True),
    row("rfc-must-should", "The assistant MUST cite its sources.", "The assistant SHOULD cite its sources.",
        {"modality"}, SUBSTANTIVE, modality=(("MUST", "SHOULD", W),), capitals=True),
    row("rfc-may-must", "Clients MAY cache the session token.", "Clients MUST cache the session token.",
        {"modality"}, BREAKING, modality=(("MAY", "MUST", S),), capitals=True),
    row("rfc-mustnot-shouldnot", "Servers MUST NOT log the payload.", "Servers SHOULD NOT log the payload.",
        {"modality"}, SUBSTANTIVE, modality=(("MUST NOT", "SHOULD NOT", W),), capitals=True),
    row("rfc-shouldnot-mustnot", "Clients SHOULD NOT poll the status endpoint.", "Clients MUST NOT poll the status endpoint.",
        {"modality"}, BREAKING, modality=(("SHOULD NOT", "MUST NOT", S),), capitals=True),
    row("rfc-shall-must-same-force", "Servers SHALL reject expired tokens.", "Servers MUST reject expired tokens.",
        {"editorial"}, EDITORIAL, capitals=True),
    row("rfc-mustnot-may-reversed", "Clients MUST NOT cache the token.", "Clients MAY cache the token.",
        {"modality", "negation"}, BREAKING, modality=(("MUST NOT", "MAY", R),), capitals=True),
    row("rfc-optional-required", "The `lang` field is OPTIONAL.", "The `lang` field is REQUIRED.",
        {"modality"}, BREAKING, modality=(("OPTIONAL", "REQUIRED", S),), capitals=True),
    # -- modality: plain English ------------------------------------------------------------------
    row("should-must", "The assistant should answer in English.", "The assistant must answer in English.",
        {"modality"}, BREAKING, modality=(("should", "must", S),)),
    row("should-avoid-must-never", "The assistant should avoid guessing a user's age.",
        "The assistant must never guess a user's age.",
        {"modality"}, BREAKING, modality=(("should avoid", "must never", S),)),
    row("may-must", "Users may export their travel history.", "Users must export their travel history.",
        {"modality"}, BREAKING, modality=(("may", "must", S),)),
    row("should-is-required-to", "The assistant should confirm before deleting files.",
        "The assistant is required to confirm before deleting files.",
        {"modality"}, BREAKING, modality=(("should", "is required to", S),)),
    row("must-ought-to", "The assistant must greet returning users by name.",
        "The assistant ought to greet returning users by name.",
        {"modality"}, SUBSTANTIVE, modality=(("must", "ought to", W),)),
    row("may-needs-to", "The assistant may ask for a pickup location.", "The assistant needs to ask for a pickup location.",
        {"modality"}, BREAKING, modality=(("may", "needs to", S),)),
    row("should-always", "The assistant should show prices in the local currency.",
        "The assistant always shows prices in the local currency.",
        {"modality"}, BREAKING, modality=(("should", "always", S),)),
    row("should-not-never", "The assistant should not reveal internal notes.", "The assistant never reveals internal notes.",
        {"modality"}, BREAKING, modality=(("should not", "never", S),)),
    row("should-not-dont", "The assistant should not store voice recordings.", "Don't store voice recordings.",
        {"modality"}, BREAKING, modality=(("should not", "Don't", S),)),
    row("should-not-do-not", "The assistant should not interrupt the user.", "Do not interrupt the user.",
        {"modality"}, BREAKING, modality=(("should not", "Do not", S),)),
    row("must-not-should-avoid", "The assistant must not use slang in formal replies.",
        "The assistant should avoid slang in formal replies.",
        {"modality"}, SUBSTANTIVE, modality=(("must not", "should avoid", W),)),
    row("avoid-never", "Avoid jargon in error messages.", "Never use jargon in error messages.",
        {"modality"}, BREAKING, modality=(("Avoid", "Never", S),)),
    row("refrains-from-must-not", "The assistant refrains from giving legal advice.",
        "The assistant must not give legal advice.",
        {"modality"}, BREAKING, modality=(("refrains from", "must not", S),)),
    row("should-not-is-not-allowed-to", "The assistant should not share a user's contacts.",
        "The assistant is not allowed to share a user's contacts.",
        {"modality"}, BREAKING, modality=(("should not", "is not allowed to", S),)),
    row("discouraged-prohibited", "Sharing payment details with partners is discouraged.",
        "Sharing payment details with partners is prohibited.",
        {"modality"}, BREAKING, modality=(("is discouraged", "is prohibited", S),)),
    row("may-cannot-reversed", "The assistant may change the delivery address.",
        "The assistant cannot change the delivery address.",
        {"modality", "negation"}, BREAKING, modality=(("may", "cannot", R),)),
    row("permission-to-prohibition", "Users may delete shared albums.", "Users must not delete shared albums.",
        {"modality", "negation"}, BREAKING, modality=(("may", "must not", R),)),
    row("prohibition-to-permission", "The assistant must not schedule meetings on weekends.",
        "The assistant may schedule meetings on weekends.",
        {"modality", "negation"}, BREAKING, modality=(("must not", "may", R),)),
    row("obligation-added", "The assistant confirms the booking by email.", "The assistant must confirm the booking by email.",
        {"modality"}, BREAKING, modality=((None, "must", S),)),
    row("obligation-removed", "The assistant must log every refund.", "The assistant logs every refund.",
        {"modality"}, BREAKING, modality=(("must", None, W),)),
    row("permission-added", "The assistant suggests nearby restaurants.", "The assistant may suggest nearby restaurants.",
        {"modality"}, SUBSTANTIVE, modality=((None, "may", W),)),
    row("permission-removed", "The assistant may suggest a tip.", "The assistant suggests a tip.",
        {"modality"}, SUBSTANTIVE, modality=(("may", None, S),)),
    # must -> may leaves a permission where an obligation was: the obligation is removed.
    row("must-may-weakened", "The assistant must attach a receipt.", "The assistant may attach a receipt.",
        {"modality"}, BREAKING, modality=(("must", "may", W),)),
    row("must-should-weakened", "The assistant must attach a receipt.", "The assistant should attach a receipt.",
        {"modality"}, SUBSTANTIVE, modality=(("must", "should", W),)),
    # "need not" lifts the obligation without forbidding anything: weakened to a permission.
    row("must-need-not", "The assistant must ask for a receipt.", "The assistant need not ask for a receipt.",
        {"modality"}, BREAKING, modality=(("must", "need not", W),)),
    row("must-not-omit-must-include", "Receipts must not omit the merchant's address.",
        "Receipts must include the merchant's address.", {"wording"}, SUBSTANTIVE),
    row("never-always", "The assistant never plays audio automatically.", "The assistant always plays audio automatically.",
        {"modality", "negation"}, BREAKING, modality=(("never", "always", R),)),
    row("allowed-required", "The assistant is allowed to round prices.", "The assistant is required to round prices.",
        {"modality"}, BREAKING, modality=(("is allowed to", "is required to", S),)),
    row("optional-mandatory", "Two-factor login is optional.", "Two-factor login is mandatory.",
        {"modality"}, BREAKING, modality=(("optional", "mandatory", S),)),
    row("can-has-to", "The assistant can archive old chats.", "The assistant has to archive old chats.",
        {"modality"}, BREAKING, modality=(("can", "has to", S),)),
    row("two-modals-one-changes", "The assistant may ask follow-up questions but must not repeat them.",
        "The assistant should ask follow-up questions but must not repeat them.",
        {"modality"}, BREAKING, modality=(("may", "should", S),)),
    row("modality-and-number", "Users may upload three photos.", "Users must upload five photos.",
        {"modality", "number"}, BREAKING, modality=(("may", "must", S),), number=("three", "five")),
    # -- negation ---------------------------------------------------------------------------------
    row("may-share-may-not-share", "The assistant may share the itinerary with travel companions.",
        "The assistant may not share the itinerary with travel companions.",
        {"modality", "negation"}, BREAKING, modality=(("may", "may not", R),)),
    row("do-dont-imperative", "Do mention the refund deadline.", "Don't mention the refund deadline.",
        {"modality", "negation"}, BREAKING, modality=(("Do", "Don't", R),)),
    # "does not" describes; it is a negation, not a prohibition ("don't" commands).
    row("includes-does-not-include", "The summary includes the title of the document.",
        "The summary does not include the title of the document.",
        {"negation"}, SUBSTANTIVE),
    row("non-modal-negated", "Exported files are encrypted at rest.", "Exported files are not encrypted at rest.",
        {"negation"}, SUBSTANTIVE),
    row("modal-sentence-negated", "The assistant must tell the user about the outage.",
        "The assistant must tell the user nothing about the outage.",
        {"negation"}, BREAKING),
    # -- numbers ----------------------------------------------------------------------------------
    row("digits-with-modal", "The assistant must keep replies under 200 words.",
        "The assistant must keep replies under 150 words.",
        {"number"}, BREAKING, number=("200", "150")),
    row("number-words-no-modal", "The onboarding tour has two steps.", "The onboarding tour has three steps.",
        {"number"}, SUBSTANTIVE, number=("two", "three")),
    row("age-with-modal", "Users under 13 cannot create an account.", "Users under 16 cannot create an account.",
        {"number"}, BREAKING, number=("13", "16")),
    row("percentage-no-modal", "The student discount is 10%.", "The student discount is 15%.",
        {"number"}, SUBSTANTIVE, number=("10%", "15%")),
    row("iso-date", "The new policy takes effect on 2025-03-01.", "The new policy takes effect on 2025-04-01.",
        {"number"}, SUBSTANTIVE, number=("2025-03-01", "2025-04-01")),
    row("day-of-date", "The beta closes on 3 March 2026.", "The beta closes on 5 March 2026.",
        {"number"}, SUBSTANTIVE, number=("3", "5")),
    row("number-words-with-modal", "The assistant should offer three alternatives.",
        "The assistant should offer five alternatives.",
        {"number"}, BREAKING, number=("three", "five")),
    row("limit-with-permission", "Users may attach up to 5 files.", "Users may attach up to 10 files.",
        {"number"}, BREAKING, number=("5", "10")),
    row("once-twice", "The assistant reminds the user once.", "The assistant reminds the user twice.",
        {"number"}, SUBSTANTIVE, number=("once", "twice")),
    row("two-numbers-change", "Support is staffed from 9 to 17 on weekdays.", "Support is staffed from 8 to 18 on weekdays.",
        {"number"}, SUBSTANTIVE, number=("9, 17", "8, 18")),
    row("digits-in-url-ignored", "The help pages live at https://example.com/2024/help.",
        "The help pages live at https://example.com/2025/help.",
        {"editorial"}, EDITORIAL),  # only where a link points changed
    # -- quantifiers ------------------------------------------------------------------------------
    row("all-some", "All invoices are archived after review.", "Some invoices are archived after review.",
        {"quantifier"}, SUBSTANTIVE),
    # "only" in what the rule asks narrows what complies: greeting a returning caller no longer does.
    row("every-only", "The assistant should greet every caller.", "The assistant should greet only new callers.",
        {"quantifier"}, BREAKING),
    # "only" before the rule's words narrows whom it binds: its scope, not what complies.
    row("only-in-subject", "Each team member can approve a pull request.", "Only team leads can approve a pull request.",
        {"quantifier"}, SUBSTANTIVE),
    row("each-most", "The assistant checks each attachment for viruses.", "The assistant checks most attachments for viruses.",
        {"quantifier"}, SUBSTANTIVE),
    # -- conditions -------------------------------------------------------------------------------
    row("unless-added", "The assistant must read new messages aloud.",
        "The assistant must read new messages aloud unless the user is in a meeting.",
        {"condition"}, SUBSTANTIVE),
    row("except-when-removed", "Notifications stay muted except when an alarm rings.", "Notifications stay muted.",
        {"condition"}, SUBSTANTIVE),
    row("only-if-added", "The assistant may share the location.", "The assistant may share the location only if the user asks.",
        {"condition"}, SUBSTANTIVE),
    row("if-added-no-modal", "The map is shown.", "The map is shown if the user shares a location.",
        {"condition"}, SUBSTANTIVE),
    row("unless-becomes-if", "The assistant must call back unless the line is busy.",
        "The assistant must call back if the line is busy.",
        {"condition"}, SUBSTANTIVE),
    # -- editorial --------------------------------------------------------------------------------
    row("typo-fixed", "The assistant should acknowlege every request.", "The assistant should acknowledge every request.",
        {"editorial"}, EDITORIAL),
    row("punctuation", "Keep answers short, clear and friendly.", "Keep answers short, clear, and friendly!",
        {"editorial"}, EDITORIAL),
    row("case-plain-english", "The Assistant should use the user's Preferred Name.",
        "The assistant should use the user's preferred name.",
        {"editorial"}, EDITORIAL),
    row("whitespace", "The assistant  may\npause   briefly.", "The assistant may pause briefly.",
        {"editorial"}, EDITORIAL),
    row("misspelled-modal-fixed", "The assistant shuold summarise long threads.",
        "The assistant should summarise long threads.",
        {"editorial"}, EDITORIAL),
    row("spelling-variant", "Use the colour scheme the user picked.", "Use the color scheme the user picked.",
        {"editorial"}, EDITORIAL),
    row("curly-vs-straight-apostrophe", "Don't share card numbers.", "Don’t share card numbers.",
        {"editorial"}, EDITORIAL),
    row("capitals-off-case-only", "Clients MUST retry on timeouts.", "Clients must retry on timeouts.",
        {"editorial"}, EDITORIAL),
    # -- wording ----------------------------------------------------------------------------------
    row("reworded-rule", "The assistant must reply in the language of the user.",
        "The assistant must answer in the user's own language.",
        {"wording"}, SUBSTANTIVE),
    row("reworded-description", "The dashboard lists recent trips.", "The dashboard shows the latest journeys.",
        {"wording"}, SUBSTANTIVE),
    # Words only added to what a rule asks narrow what complies (read with low confidence: worth a read).
    row("adjective-added", "The assistant should keep a friendly tone.", "The assistant should keep a warm and friendly tone.",
        {"wording"}, BREAKING),
    row("constraint-dropped", "Each key MUST be a non-empty string.", "Each key MUST be a string.",
        {"wording"}, SUBSTANTIVE, capitals=True),
    row("alternative-added", "The value must be a string.", "The value must be a string or a number.",
        {"wording"}, SUBSTANTIVE),
    # -- sentence level ---------------------------------------------------------------------------
    row("paragraph-one-obligation",
        "The assistant greets the user by name. It should offer help with bookings. "
        "It may mention current promotions. Replies stay short.",
        "The assistant greets the user by name. It must offer help with bookings. "
        "It may mention current promotions. Replies stay short.",
        {"modality"}, BREAKING, modality=(("should", "must", S),), sentence="must offer help with bookings"),
    row("paragraph-sentence-removed",
        "Calls are recorded. The assistant must log the call. Logs are kept private.",
        "Calls are recorded. Logs are kept private.",
        {"modality"}, BREAKING, modality=(("must", None, W),), sentence="must log the call"),
    row("paragraph-sentence-added",
        "Calls are recorded. Logs are kept private.",
        "Calls are recorded. The assistant must tell the caller. Logs are kept private.",
        {"modality"}, BREAKING, modality=((None, "must", S),), sentence="must tell the caller"),
    row("paragraph-number-sentence",
        "Rooms are booked by the hour. The assistant must hold a room for 15 minutes. Late guests are called.",
        "Rooms are booked by the hour. The assistant must hold a room for 10 minutes. Late guests are called.",
        {"number"}, BREAKING, number=("15", "10"), sentence="hold a room for 10 minutes"),
    row("split-same-words", "The assistant must check the calendar, then it must confirm the time.",
        "The assistant must check the calendar. Then it must confirm the time.",
        {"editorial"}, EDITORIAL),
    row("split-in-paragraph",
        "Bookings open at noon. The assistant must check the calendar and must confirm the time with the user. "
        "Prices are shown in euros.",
        "Bookings open at noon. The assistant must check the calendar. It must also confirm the time with the user. "
        "Prices are shown in euros.",
        {"editorial"}, EDITORIAL),  # split with "It ... also": the same two rules, a slight rewording
    row("merge-in-paragraph",
        "Bookings open at noon. The assistant must verify the caller. It must read back the order. Prices are in euros.",
        "Bookings open at noon. The assistant must verify the caller, and it must read back the order. Prices are in euros.",
        {"editorial"}, EDITORIAL),  # two sentences joined by "and": the same rules, a slight rewording
    # -- traps: modal words that are not the spec's own -----------------------------------------
    row("modal-in-code-span", "Log the `should` keyword count.", "Log the `must` keyword count.",
        {"wording"}, SUBSTANTIVE),
    row("modal-in-double-quotes", 'The greeting template says "you should rest".', 'The greeting template says "you must rest".',
        {"wording"}, SUBSTANTIVE),
    row("modal-in-curly-quotes", "The banner reads “You may now board”.", "The banner reads “You must now board”.",
        {"wording"}, SUBSTANTIVE),
    row("modal-in-link-target", "Read the [rules](https://example.com/should) first.",
        "Read the [rules](https://example.com/must) first.",
        {"editorial"}, EDITORIAL),
    # Only where a link or footnote points changed: the words are the same (the diff adds a reference effect).
    row("footnote-label", "The assistant should cite the source.[^m4y1]", "The assistant should cite the source.[^mu5t]",
        {"editorial"}, EDITORIAL),
    row("footnote-label-digits", "Refunds are issued within a week.[^7]", "Refunds are issued within a week.[^8]",
        {"editorial"}, EDITORIAL),
    row("substring-shoulder-canister", "A shoulder bag is included.", "A canister is included.",
        {"wording"}, SUBSTANTIVE),
    row("substring-mayor-mustard", "The mayor opens the fair.", "The mustard stand opens the fair.",
        {"wording"}, SUBSTANTIVE),
    row("curly-shouldnt", "The assistant should share draft replies.", "The assistant shouldn’t share draft replies.",
        {"modality", "negation"}, BREAKING, modality=(("should", "shouldn’t", R),)),
    # A sentence that starts with a command obliges: "Share ..." turned into "Don't share ..." is reversed.
    row("curly-dont-added", "Share card numbers with the bank.", "Don’t share card numbers with the bank.",
        {"modality", "negation"}, BREAKING, modality=(("Share", "Don’t", R),)),
    row("straight-dont-added", "Share card numbers with the bank.", "Don't share card numbers with the bank.",
        {"modality", "negation"}, BREAKING, modality=(("Share", "Don't", R),)),
    row("descriptive-do-not", "Sandbox keys work against the live API.", "Sandbox keys do not work against the live API.",
        {"negation"}, SUBSTANTIVE),
    # -- RFC 2119 capitals mode -------------------------------------------------------------------
    # Lower-case keywords in a capitals document still rule (real specs lower-case a "should" and mean it).
    row("caps-lower-case-still-rules", "The value may be empty.", "The value should be empty.",
        {"modality"}, BREAKING, modality=(("may", "should", S),), capitals=True),
    row("caps-lower-case-likelihood", "The cache may grow over time.", "The cache may shrink over time.",
        {"wording"}, SUBSTANTIVE, capitals=True),
    row("caps-mixed-clauses", "Servers MAY compress responses; the body may be empty.",
        "Servers MUST compress responses; the body may be empty.",
        {"modality"}, BREAKING, modality=(("MAY", "MUST", S),), sentence="Servers MUST compress", capitals=True),
    row("no-caps-lower-case-counts", "The value may be empty.", "The value should be empty.",
        {"modality"}, BREAKING, modality=(("may", "should", S),)),
    # Only the case of a keyword changed: the same rule, now (or no longer) marked.
    row("caps-keyword-lowered", "Clients MUST retry on timeouts.", "Clients must retry on timeouts.",
        {"editorial"}, EDITORIAL, capitals=True),
    row("caps-keyword-raised", "Users may log in.", "Users MAY log in.",
        {"editorial"}, EDITORIAL, capitals=True),
    row("caps-lower-must-not-reversed", "The field must not be null.", "The field must be null.",
        {"modality", "negation"}, BREAKING, modality=(("must not", "must", R),), capitals=True),
    # In a capitals document a lower-case keyword inside a condition closed by a comma is the condition's
    # plain English ("If it should sign first, ..."); with no comma it may be the main clause's.
    row("caps-should-in-condition", "If it signs first, it MUST send the signatures.",
        "If it should sign first, it MUST send the signatures.", {"scope"}, SUBSTANTIVE, capitals=True),
    row("caps-condition-not-closed", "If you change the API daily you may stay in version zero.",
        "If you change the API daily you should stay in version zero.",
        {"modality"}, BREAKING, modality=(("may", "should", S),), capitals=True),
    # A prohibition added to a sentence that had no rule negates nothing the sentence said.
    row("prohibition-added-no-negation", "Codes in this range are reserved.",
        "Codes in this range are reserved and MUST NOT be assigned.",
        {"modality"}, BREAKING, modality=((None, "MUST NOT", S),), capitals=True),
    # What a code span holds is a name or a value: a changed mark there is a change, backticks added are markup.
    # In a rule, a value replaced is a required value changed.
    row("code-span-rewritten", "The field MUST be a `*bool` value.", "The field MUST be a `bool` value.",
        {"value"}, BREAKING, capitals=True),
    row("code-span-value-renamed", "Set `mode` to `strict_v1`.", "Set `mode` to `strict_v2`.", {"value"}, BREAKING),
    row("backticks-added", "Use the {x,} quantifier.", "Use the `{x,}` quantifier.", {"editorial"}, EDITORIAL),
    # A value added to a list of code spans is a change, however long the clause (Iceberg's type lists).
    row("code-span-value-added",
        "The average fare is kept for rides of the kinds `single`, `return` and `day` in every city the service runs in.",
        "The average fare is kept for rides of the kinds `single`, `return`, `day` and `week` in every city the service runs in.",
        {"wording"}, SUBSTANTIVE),
    # A placeholder renamed in a path names the same part of it (OCI's `<reference>` -> `<tag-or-digest>`).
    row("placeholder-renamed",
        "To book, send a `POST` to `/v1/<city>/docks/<ref>/bookings` with the card and the start time of the ride.",
        "To book, send a `POST` to `/v1/<city>/docks/<dock-id>/bookings` with the card and the start time of the ride.",
        {"editorial"}, EDITORIAL),
    row("path-changed-around-placeholder",
        "To book, send a `POST` to `/v1/<city>/docks/<ref>/bookings` with the card and the start time of the ride.",
        "To book, send a `POST` to `/v1/<city>/bikes/<ref>/bookings` with the card and the start time of the ride.",
        {"value"}, BREAKING),
    # Pointers made more precise, or added: the same citation, nothing the rule asks.
    row("citation-gains-its-section", "Docks MUST log each return as described in [RFC 9999](https://example.org/rfc9999).",
        "Docks MUST log each return as described in [RFC 9999 (section 4)](https://example.org/rfc9999#section-4).",
        {"editorial"}, EDITORIAL, capitals=True),
    row("pointer-viewed-at", "Docks report their status every hour.",
        "Docks report their status every hour. The reports can be viewed at [the board](https://example.org/board).",
        {"editorial"}, EDITORIAL, capitals=True),
    # A sentence added whole says something new, however long the clause (below the 9 % of a slight rewording).
    row("sentence-added-to-a-long-clause",
        "Each station has a dock for every bike it rents out. The docks lock a returned bike at once and report it to "
        "the desk. A rider who returns a bike late pays the fee at the desk, in cash or by card, before renting again.",
        "Each station has a dock for every bike it rents out. The docks lock a returned bike at once and report it to "
        "the desk. Docks are painted green. A rider who returns a bike late pays the fee at the desk, in cash or by "
        "card, before renting again.",
        {"wording"}, SUBSTANTIVE),
    # "at least one" -> "one": the count is exact now, fewer comply (OpenMetrics' +Inf bucket).
    row("bound-dropped", "Each dock MUST have at least one free slot for returns, and the slot MUST be marked in green.",
        "Each dock MUST have one free slot for returns, and the slot MUST be marked in green.",
        {"wording"}, BREAKING, capitals=True),
    # Quotes inside a code span, and pointers without a link of their own: the same words.
    row("quotes-in-code-span", "The `\"fare\"` field MUST be a positive integer that caps the price of a ride.",
        "The `fare` field MUST be a positive integer that caps the price of a ride.", {"editorial"}, EDITORIAL, capitals=True),
    row("see-for-details", "Docks are registered.", "Docks are registered. See the Registered docks section for details.",
        {"editorial"}, EDITORIAL, capitals=True),
    row("see-numbered-section-for-details", "A key MUST NOT be used twice.",
        "A key MUST NOT be used twice. See Section 5.1 for more details.", {"editorial"}, EDITORIAL, capitals=True),
    row("see-for-further-details", "A key MUST NOT be used twice.",
        "A key MUST NOT be used twice. See {{key-reuse}} for further details.", {"editorial"}, EDITORIAL, capitals=True),
    row("see-line-gains-a-link", "see: [fares](../fares.md#day-pass)",
        "see: [fares](../fares.md#day-pass), [Requirement 1.2.4](./docks.md#requirement-124)", {"editorial"}, EDITORIAL),
    row("see-links-with-dotted-addresses", "Docks are listed.",
        "Docks are listed. See [dock](../terms.md#dock), [desk](../terms.md#desk) for details.", {"editorial"}, EDITORIAL),
    row("link-alone-saying-see", "Docks are listed.", "Docks are listed. [See the reference dock](https://example.org/dock.ts)",
        {"editorial"}, EDITORIAL),
    row("whatever-there-are", "The app MUST send the booking.", "The app MUST send the booking, with its voucher, if any.",
        {"wording"}, BREAKING, capitals=True),
    row("found-here", "Docks are listed.", "Docks are listed. The current list can be found [here](#docks).",
        {"editorial"}, EDITORIAL, capitals=True),
    # A step renumbered after a step was put before it (TUF's client workflow): a label, not a quantity.
    row("step-renumbered", "4.2. **Check the brakes.** The rider MUST check the brakes before each ride and report a fault.",
        "4.3. **Check the brakes.** The rider MUST check the brakes before each ride and report a fault.",
        {"editorial"}, EDITORIAL, capitals=True),
    # A rule that asks the opposite of what it asked, in a word or two (a Nostr NIP: "accepted" -> "rejected").
    row("rule-asks-opposite", "The desk MUST accept late returns.", "The desk MUST reject late returns.",
        {"wording"}, BREAKING, capitals=True),
    row("rule-asks-opposite-in-a-long-clause",
        "Returns are logged at the desk and counted each night. If the card is valid, the return MUST be accepted.",
        "Returns are logged at the desk and counted each night. If the card is valid, the return MUST be rejected.",
        {"wording"}, BREAKING, capitals=True),
    row("opposite-outside-a-rule", "Desks accept late returns.", "Desks reject late returns.", {"wording"}, SUBSTANTIVE),
    # A keyword in capitals is one where the repository mostly writes plain English (EIPs).
    row("capital-may-in-a-plain-repository", "Validators are created with the default threshold.",
        "Validators MAY be created with a custom threshold.", {"modality"}, SUBSTANTIVE, modality=((None, "MAY", W),)),
    # Not rules: a question (an RFC's unresolved questions), what may be so ("may have moved").
    row("question-removed", "Keep names short. Should we rename the field?", "Keep names short.", {"wording"}, SUBSTANTIVE),
    row("may-have-moved", "The group moved.", "The group may have moved.", {"wording"}, SUBSTANTIVE),
    # -- the same thing said again ------------------------------------------------------------------
    row("numbers-written-out", "Use a window of 10 datagrams, at most 14720 bytes.",
        "Use a window of ten datagrams, at most 14,720 bytes.", {"wording"}, SUBSTANTIVE),
    row("whether-or-not-moved", "Servers must say whether the request was processed or not.",
        "Servers must say whether or not the request was processed.", {"wording"}, SUBSTANTIVE),
    row("kind-noun-added", "Servers MUST send `CONNECTION_CLOSE` in 1-RTT packets.",
        "Servers MUST send a `CONNECTION_CLOSE` frame in 1-RTT packets.", {"editorial"}, EDITORIAL, capitals=True),
    row("pronoun-spelled-out", "Clients MAY fail it sooner.", "Clients MAY fail the incoming payment sooner.",
        {"wording"}, SUBSTANTIVE, capitals=True),
    row("pronoun-one-is-no-number", "Nodes must retry with a transaction.", "Nodes must retry with one that pays more.",
        {"wording"}, SUBSTANTIVE),
    # -- a command verb is an obligation, removed like any other -----------------------------------
    row("command-removed", "Include the title. Be brief.", "Be brief.",
        {"modality"}, BREAKING, modality=(("Include", None, W),)),
]  # fmt: skip


def _number_set(value: str | None) -> set[str]:
    return set(value.split(", ")) if value else set()


@pytest.mark.parametrize("old, new, types, sev, modality, number, sentence, capitals", ROWS)
def test_clause_pair(old, new, types, sev, modality, number, sentence, capitals):
    effects = describe_change(old, new, capitals=capitals)
    got_types = {e.type for e in effects}
    got_modality = [(e.old, e.new, e.direction) for e in effects if e.type == "modality"]
    got_numbers = [(_number_set(e.old), _number_set(e.new)) for e in effects if e.type == "number"]
    got_severity = severity("modified", effects)
    summary = f"effects={effects!r} severity={got_severity}"
    assert got_types == types, summary
    assert Counter(got_modality) == Counter(modality), summary
    if number is not None:
        assert got_numbers == [(_number_set(number[0]), _number_set(number[1]))], summary
    assert got_severity == sev, summary
    if sentence is not None:
        about = [e for e in effects if e.type not in ("editorial", "wording")]
        assert about and all(sentence in (e.sentence or "") for e in about), summary


def test_table_is_large_and_covers_every_effect_type():
    assert len(ROWS) >= 60
    covered = set().union(*(p.values[2] for p in ROWS))
    assert covered >= {"modality", "negation", "number", "quantifier", "condition", "editorial", "wording"}
    assert {d for p in ROWS for *_, d in p.values[4]} == {S, W, R}
    assert {p.values[3] for p in ROWS} == {BREAKING, SUBSTANTIVE, EDITORIAL}


# -- sentence level, spelled out ---------------------------------------------------------------------


def test_only_the_changed_sentence_of_a_paragraph_is_reported():
    old = (
        "The assistant greets the user by name. It should offer help with bookings. "
        "It may mention current promotions. Replies stay short."
    )
    new = old.replace("It should offer", "It must offer")
    effects = describe_change(old, new)
    (effect,) = [e for e in effects if e.type == "modality"]
    assert effect.sentence == "It must offer help with bookings."
    assert effect.normative is True
    assert effects == [effect], "the unchanged sentences (with their own 'may') add nothing"


def test_removed_sentence_is_named_as_it_read():
    effects = describe_change("Calls are recorded. The assistant must log the call.", "Calls are recorded.")
    assert [(e.type, e.old, e.new, e.sentence) for e in effects] == [
        ("modality", "must", None, "The assistant must log the call.")
    ]


@pytest.mark.parametrize(
    "old, new",
    [
        (
            "Rooms are cleaned daily. The assistant must check the calendar and must confirm the time with the user.",
            "Rooms are cleaned daily. The assistant must check the calendar. It must also confirm the time with the user.",
        ),
        (
            "The assistant must verify the caller. It must read back the order. Prices are in euros.",
            "The assistant must verify the caller, and it must read back the order. Prices are in euros.",
        ),
        (
            "Never share a passport number. The assistant should greet guests warmly.",
            "The assistant should greet guests warmly. Never share a passport number.",
        ),
    ],
    ids=["split", "merged", "reordered"],
)
def test_split_merged_or_reordered_sentences_keep_their_obligations(old, new):
    effects = describe_change(old, new)
    assert not [e for e in effects if e.type in ("modality", "negation")], effects
    assert severity("modified", effects) != BREAKING


def test_example_blocks_give_only_an_example_effect():
    old, new = "```\nsay hello to the guest\n```", "```\nyou must never greet anyone and must leave the lobby now\n```"
    assert describe_change(old, new, example=True) == [Effect("example")]
    assert describe_change("same", "same", example=True) == []


def test_equal_texts_have_no_effects():
    assert describe_change("The assistant must greet guests.", "The assistant must greet guests.") == []


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet='abc must may not never 12.,;`"', min_size=1, max_size=40))
def test_whitespace_around_text_is_editorial(text):
    effects = describe_change(text, f"  {text}\n")
    assert effects == [Effect("editorial")]
    assert severity("modified", effects) == EDITORIAL


# -- describe_clause, severity of added / removed / moved, obliges --------------------------------


def test_clause_added_with_an_obligation():
    text = "The assistant must confirm the time. It may suggest a slot."
    effects = describe_clause(text, added=True)
    assert [(e.type, e.old, e.new, e.direction, e.sentence) for e in effects] == [
        ("modality", None, "must", S, "The assistant must confirm the time."),
        ("modality", None, "may", W, "It may suggest a slot."),
    ]
    assert all(e.normative for e in effects)
    assert severity("added", effects) == BREAKING


def test_clause_removed_with_an_obligation():
    effects = describe_clause("Never share a passport number.", added=False)
    assert [(e.type, e.old, e.new, e.direction) for e in effects] == [("modality", "Never", None, W)]
    assert severity("removed", effects) == BREAKING


@pytest.mark.parametrize("added", [True, False])
def test_clause_with_only_a_permission_is_substantive_added_and_breaking_removed(added):
    # A permission granted takes nothing away; one taken away may leave guests who relied on it
    # out of line (see test_severity_real_classes for the permission that was a limit).
    effects = describe_clause("Guests may pick a room colour.", added=added)
    assert [(e.old, e.new) for e in effects] == ([(None, "may")] if added else [("may", None)])
    assert severity("added" if added else "removed", effects) == (SUBSTANTIVE if added else BREAKING)


@pytest.mark.parametrize("kind", ["added", "removed"])
def test_clause_without_modal_is_substantive(kind):
    effects = describe_clause("The lobby has plants.", added=kind == "added")
    assert effects == []
    assert severity(kind, effects) == SUBSTANTIVE


def test_added_example_block_gives_only_example():
    effects = describe_clause("assistant: you must never do this", added=True, example=True)
    assert effects == [Effect("example")]
    assert severity("added", effects) == SUBSTANTIVE


def test_describe_clause_respects_capitals():
    assert describe_clause("The cache may grow in the future.", added=True, capitals=True) == []
    assert describe_clause("The method can fail twice.", added=True, capitals=True) == []
    (effect,) = describe_clause("The value MUST be set.", added=True, capitals=True)
    assert (effect.old, effect.new, effect.direction) == (None, "MUST", S)


def test_severity_of_moves_and_plain_modifications():
    assert severity("moved", [], moved_across_sections=True) == SUBSTANTIVE
    assert severity("moved", []) == EDITORIAL
    assert severity("moved", [Effect("editorial")]) == EDITORIAL
    assert severity("moved", [Effect("editorial")], moved_across_sections=True) == SUBSTANTIVE
    assert severity("modified", [Effect("editorial")]) == EDITORIAL
    assert severity("modified", [Effect("wording")]) == SUBSTANTIVE
    assert severity("modified", [Effect("editorial"), Effect("wording")]) == SUBSTANTIVE
    assert severity("modified", [Effect("number", "1", "2", normative=False)]) == SUBSTANTIVE
    assert severity("modified", [Effect("number", "1", "2", normative=True)]) == BREAKING
    assert severity("modified", [Effect("negation", "affirmative", "negative", normative=True)]) == BREAKING
    assert severity("modified", [Effect("quantifier", "all", "some", normative=True)]) == SUBSTANTIVE
    assert severity("modified", [Effect("condition", None, "unless", normative=True)]) == SUBSTANTIVE


@pytest.mark.parametrize(
    "text, capitals, expected",
    [
        ("You may ask about the weather.", False, False),
        ("Users can log in with a passkey.", False, False),
        ("The assistant should reply within a day.", False, True),
        ("The assistant must reply.", False, True),
        ("Never guess a password.", False, True),
        ("Users may not rename the group.", False, True),
        ("It avoids `must`.", False, True),
        ("The log shows the `must` flag.", False, False),
        ("Log the `must` flag.", True, True),
        ('The sign says "you must stop".', False, False),
        ("The mayor's shoulder aches.", False, False),
        ("The value must be set.", True, True),
        ("The value MUST be set.", True, True),
        ("The value MAY be empty.", True, False),
        ("Don’t guess.", True, True),
    ],
)
def test_obliges(text, capitals, expected):
    assert obliges(text, capitals=capitals) is expected


# -- lexicon -------------------------------------------------------------------------------------


def _read(text, **kwargs):
    return [(m.phrase, m.polarity, m.strength) for m in modals(text, **kwargs)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The assistant must not guess.", [("must not", -1, 3)]),
        ("The assistant MUST NOT guess.", [("MUST NOT", -1, 3)]),
        ("The assistant must   not guess.", [("must not", -1, 3)]),
        ("You may ask, but it should avoid slang.", [("may", 1, 1), ("should avoid", -1, 2)]),
        ("It should refrain from jokes.", [("should refrain from", -1, 2)]),
        ("It ought to wait.", [("ought to", 1, 2)]),
        ("It needs to wait.", [("needs to", 1, 3)]),
        ("It is required to wait.", [("is required to", 1, 3)]),
        ("It is not allowed to wait.", [("is not allowed to", -1, 3)]),
        ("It is allowed to wait.", [("is allowed to", 1, 1)]),
        ("It cannot wait.", [("cannot", -1, 1)]),
        ("It always waits.", [("always", 1, 3)]),
        ("Never wait.", [("Never", -1, 3)]),
        ("Do cite the source.", [("Do", 1, 3)]),
        ("Do not cite the source.", [("Do not", -1, 3)]),
        ("Don’t cite the source.", [("Don’t", -1, 3)]),
        ("It shouldn’t wait.", [("shouldn’t", -1, 2)]),
        ("It mustn't wait.", [("mustn't", -1, 3)]),
        ("Wait if you can.", [("Wait", 1, 3), ("can", 1, 1)]),
        ("Support is staffed on weekdays.", []),
        ("To avoid doubt, the need to log is stated in May 2025.", []),
        ("If a client needs to retry, it must wait.", [("must", 1, 3)]),  # the need says when, not what
        ("When clients need to log, they must redact.", [("must", 1, 3)]),
        ("Clients need to log if asked.", [("need to", 1, 3)]),
        ("Should a team lead step down, members may self-nominate.", [("may", 1, 1)]),  # "If a team lead ..."
        ("Logs are kept. Should any check fail, the desk must close.", [("must", 1, 3)]),
        ("Should the relay retry?", [("Should", 1, 2)]),  # a question, not a condition (force reads it as asking)
        ("Group identifiers must be strings.", [("must", 1, 3)]),  # "Group" is the subject's, not a command
        ("Send messages that must be short.", [("Send", 1, 3), ("must", 1, 3)]),
        ("This allows users to be notified.", []),  # what a thing brings about
        ("The spec allows servers to retry.", [("allows", 1, 1)]),
        ("Should be kept short, as the desk reads it.", [("Should", 1, 2)]),  # no subject: a rule
        ("Berth numbers are to be painted white.", [("are to be", 1, 3)]),  # "to be" and a participle oblige
        ("Delays are to be expected; what is to be done is unclear.", []),  # foreseen: no one's duty
        ("Riders are to be expected to queue.", [("be expected to", 1, 2)]),
        ("The plan names which dock prefix is to be used.", []),  # an indirect question
        ("Count and bucket values MUST be integers.", [("MUST", 1, 3)]),  # "Count" opens the subject
        ("Default Repository URL: https://example.org", []),  # a field's label
        ("Keep in mind that dock names are case sensitive.", []),
        ("ADD COLUMN fare INT, then SET the default.", []),  # words in capitals are literals
        ("The mayor's shoulder has a canister of mustard.", []),
        ('They say `must` or "should" or “may” or ‘never’.', []),
        ("The [rules](https://example.com/must/never) and <https://example.com/may>.", []),
        ("A note.[^must] Another.[^m4y1]", []),
        ("I do like it.", []),
        ("", []),
    ],
)
def test_modals(text, expected):
    assert _read(text) == expected


def test_modals_in_capitals_mode_skip_lower_case_rfc_words_only():
    text = "Servers MUST reject it; the value may be empty and should be short, but never null."
    assert _read(text, capitals=True) == [("MUST", 1, 3), ("never", -1, 3)]
    assert [m.phrase for m in modals(text)] == ["MUST", "may", "should", "never"]


def test_modal_obliges_property():
    assert [m.obliges for m in modals("It may go, can stay, should eat, must pay, may not shout.")] == [
        False,
        False,
        True,
        True,
        True,
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The assistant may share it.", 1),
        ("The assistant may not share it.", -1),
        ("The assistant must not share it.", -1),
        ("The assistant must share nothing.", -1),
        ("The assistant must not share nothing.", 1),
        ("Exports are not encrypted.", -1),
        ("Exports aren't encrypted.", -1),
        ("Exports aren’t encrypted.", -1),
        ("Never guess.", -1),
        ("The assistant works without a network.", -1),
        ("Set the `not` flag.", 1),
        ('The button says "do not press".', 1),
        ("The note is a knot.", 1),
        ("Should the patron not return it, the desk must send a reminder.", 1),  # the "not" is the condition's
        ("Neither a late fee nor a lost card blocks the return.", -1),  # one negation, carried on by "nor"
        ("The kiosk must send the empty receipt.", 1),  # "the empty receipt" names a thing
        ("The kiosk must list the missing bikes.", 1),
        ("The receipt must not be empty.", 1),  # "must have something"
    ],
)
def test_polarity(text, expected):
    assert polarity(text) == expected


def test_polarity_in_capitals_mode_reads_lower_case_not_as_english():
    # "must" is plain English in a capitals document, but its "not" still negates.
    assert polarity("The field MUST NOT be null.", capitals=True) == -1
    assert polarity("The field must not be null.", capitals=True) == -1


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Within 14 days, twice a year.", ["14", "twice"]),
        ("Refunds take 3 days.[^12]", ["3"]),
        ("See https://example.com/v2/2024 and [docs](https://example.com/7).", []),
        ("Run `retry 5` once.", ["once"]),
        ("A 15% fee after 2025-03-01.", ["15%", "2025-03-01"]),
        ("Wait 2.5 seconds, then Two more.", ["2.5", "two"]),
        ("Version v2 of the mp3 player.", []),
        ("Someone often tones it down.", []),
        ("Open from 9:30 to 17:00.", ["9:30", "17:00"]),
        ("Twenty guests, one host.", ["twenty", "one"]),
        # a manual page's section, step and requirement ids, a version: labels, not amounts
        ("See mount(2) and steps 4.2.1-4.2.3 for the 3 retries.", ["3"]),
        ("4.2. Check the brakes within 1.5 days.", ["1.5"]),
        ("It takes 3.5-4.5 days under Requirement 2.1 of version 1.0.10.", ["3.5-4.5"]),
        ("A one-time code, a two-factor login, after twenty-five days.", ["twenty", "five"]),  # compound adjectives
        ("A to-one link, a one-to-one map, many-to-one keys.", []),  # kinds of relationship
        ("[Berth](#berth) &#124; [Quay](#quay), within 2 days.", ["2"]),  # a "|" written as its character code
        ("Docks offer one or more of the following, within 3 days.", ["3"]),  # "one or more": any number
        ("Tickets up to 64KB, or 8 KiB, in 10ms; docks help one another.", ["64", "8", "10"]),  # glued to a unit
        ("Reply with code `-32001` or `404`.", ["-32001", "404"]),  # a negative error code
        ("A dock's name is shown if one is set, within 2 days.", ["2"]),  # "if one is set": a pronoun
        ("Docks on row 2 may charge 20% more from 1 May.", ["2", "20%", "1", "may"]),  # the verb, then the month
    ],
)
def test_numbers(text, expected):
    assert numbers(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Reply unless the user is busy.", ["unless"]),
        ("Reply except when the user is busy.", ["except when"]),
        ("Reply only If asked.", ["only if"]),
        pytest.param("Reply only\nif asked, except\nwhen busy.", ["only if", "except when"], id="wrapped-condition"),
        # Synonyms read as one condition: when/whenever as if, provided that/as long as as provided.
        ("Reply if asked, when idle, until noon.", ["if", "if", "until"]),
        ("Reply provided that it is day, as long as it is light.", ["provided", "provided"]),
        ("Everyone except staff.", ["except"]),
        ("A gift of wheniest sunshine.", []),
        ("Use `if` in code.", []),
        # "provided" as a participle is no condition
        ("Reply, provided the header is provided by the server.", ["provided"]),
        ("Stop when a `Link` header is provided.", ["if"]),
        # "even if" holds in every case: no condition
        ("Count a key once, even if it is listed twice.", []),
    ],
)
def test_conditions(text, expected):
    assert conditions(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # Universal quantifiers read as one: all, every and each as every.
        ("All invoices, every receipt, each note.", ["every", "every", "every"]),
        ("Only staff, some guests, most days.", ["only", "some", "most"]),
        ("Reply only if asked.", []),
        ("Everyone and no one.", ["every", "no one"]),
        ("Rotate keys every 90 days.", []),
        ("A tall ball, a fewer sum.", []),
        ('The label "all" is fine.', []),
        ("Keep at most one key for most roles.", ["most"]),  # "at most" is a limit, not a quantifier
        ("Return the most recent timetable.", []),  # a superlative
    ],
)
def test_quantifiers(text, expected):
    assert quantifiers(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Be brief. Cite sources; never guess. e.g. it stays.", ["Be brief.", "Cite sources;", "never guess. e.g. it stays."]),
        ("Is it late? Call back! Then stop.", ["Is it late?", "Call back!", "Then stop."]),
        ("Keep it short. cite sources.", ["Keep it short. cite sources."]),
        ("Rooms hold two. 3 rooms are free.", ["Rooms hold two.", "3 rooms are free."]),
        ('He said no. "Fine," she said.', ["He said no.", '"Fine," she said.']),
        ("  One sentence only.  ", ["One sentence only."]),
        ("", []),
    ],
)
def test_sentences(text, expected):
    assert sentences(text) == expected


@pytest.mark.parametrize(
    "texts, expected",
    [
        (["Implementations MUST reject it.", "The value MAY be empty.", "It should parse."], True),
        (["The assistant should answer.", "It must not guess.", "It MUST be kind."], False),
        (["It MUST go.", "it must stay."], False),
        (["Never guess.", "Always cite.", "It MUST go."], True),
        (['Set `MUST` and "SHOULD" here.', "It must go."], False),
        ([], False),
    ],
)
def test_uses_rfc2119_capitals(texts, expected):
    assert uses_rfc2119_capitals(texts) is expected


def test_a_keyword_repeated_over_a_second_verb_is_no_second_rule():
    both = "The kiosk MUST check the card and MUST reject expired cards."
    once = "The kiosk MUST check the card and reject expired cards."
    for old, new in ((both, once), (once, both)):
        assert not [e for e in describe_change(old, new, capitals=True) if e.type == "modality"], (old, new)
    # a keyword of another force over the second verb is a change of its own
    weaker = "The kiosk MUST check the card and SHOULD reject it."
    effects = describe_change(weaker, "The kiosk MUST check the card and reject it.")
    assert [(e.type, e.old, e.new) for e in effects if e.type == "modality"] == [("modality", "SHOULD", None)]


@pytest.mark.parametrize(
    ("old", "new", "value", "sev"),
    [
        # a required value replaced: what complied no longer does (A2A's error table, libp2p's protocol id)
        (
            "Docks MUST answer `409 Conflict` when full.",
            "Docks MUST answer `400 Bad Request` when full.",
            ("409 Conflict", "400 Bad Request"),
            BREAKING,
        ),
        (
            "The unlock check MUST compare `keys.ed25519`.",
            "The unlock check MUST compare `keys.curve25519`.",
            ("keys.ed25519", "keys.curve25519"),
            BREAKING,
        ),
        # outside a rule the value is named, not graded breaking
        ("The protocol id is `/dock`.", "The protocol id is `/dock/1.0`.", ("/dock", "/dock/1.0"), SUBSTANTIVE),
        # a value added to a list, a list rewritten with more values, and a number in code are read otherwise
        ("Riders MAY pay with `card` or `cash`.", "Riders MAY pay with `card`, `cash` or `token`.", None, None),
        ("Codes MAY use `\\uXXXX` or `\\UXXXXXXXX`.", "Codes MAY use `\\xHH`, `\\uHHHH` or `\\UHHHHHHHH`.", None, None),
        ("Docks MUST retry `3` times.", "Docks MUST retry `4` times.", None, BREAKING),
        # a sentence rewritten around other values: no value took another's place
        (
            "For `cargo` bikes, which carry two riders, riders MUST book ahead at the desk.",
            "Bikes whose names start with `c` MUST be booked.",
            None,
            None,
        ),
        # a placeholder renamed names the same part of the path
        ("Clients MUST call `/docks/<id>`.", "Clients MUST call `/docks/<dock-id>`.", None, None),
    ],
)
def test_a_value_in_code_replaced_by_another(old, new, value, sev):
    effects = describe_change(old, new, capitals=True)
    values = [(e.old, e.new) for e in effects if e.type == "value"]
    assert values == ([value] if value else []), effects
    if sev is not None:
        assert severity("modified", effects) == sev, effects


def test_a_value_spelt_in_other_capitals_is_the_same_name():
    effects = describe_change("Check that the `CA` flag is unset.", "Check that the `cA` flag is unset.")
    assert [(e.type, e.direction) for e in effects] == [("value", "renamed")]
    assert severity("modified", effects) == SUBSTANTIVE


def test_a_table_of_contents_renumbered_is_editorial():
    charts = "Appendix A. [Charts](#appendix-a-charts)"
    old = f"1\\. [Berths](#1-berths)  \n2\\. [Lights](#2-lights)  \n{charts}"
    new = f"1\\. [Berths](#1-berths)  \n2\\. [Buoys](#2-buoys)  \n3\\. [Lights](#3-lights)  \n{charts}"
    assert [e.type for e in describe_change(old, new)] == ["editorial"]


def test_if_any_between_commas_is_no_condition():
    assert conditions("Docks SHOULD light each berth, if any, at dusk.") == []
    assert conditions("If any berth is free, docks SHOULD light it.") == ["if"]
