"""Policy constants and checks for the Quill assistant.

Generated from spec/behavior.md. Do not edit by hand; regenerate instead.
"""

from datetime import date, timedelta

# specdiff: spec/behavior.md#account_access
MIN_SELF_SERVICE_AGE = 13
MAX_VERIFICATION_ATTEMPTS = 3

# specdiff: spec/behavior.md#holds_and_renewals
HOLD_PICKUP_DAYS = 5
MAX_RENEWALS = 2

# specdiff: spec/behavior.md#fines_and_fees
LOST_ITEM_PROCESSING_FEE = 0

# specdiff: spec/behavior.md#room_bookings
ROOM_BOOKING_MIN_AGE = 18
ROOM_BOOKING_WINDOW_DAYS = 14
ROOM_MAX_HOURS_PER_DAY = 3


def can_manage_own_card(age: int) -> bool:
    """Whether a cardholder of this age may change their own account."""
    return age >= MIN_SELF_SERVICE_AGE


def should_hand_off(failed_attempts: int) -> bool:
    """Whether verification has failed often enough to stop and offer a handoff."""
    return failed_attempts >= MAX_VERIFICATION_ATTEMPTS


def hold_expires_on(ready_on: date) -> date:
    """Last day a ready hold stays on the hold shelf."""
    return ready_on + timedelta(days=HOLD_PICKUP_DAYS)


def can_renew(times_renewed: int, has_waiting_hold: bool) -> bool:
    """Whether a loan may be renewed once more."""
    return times_renewed < MAX_RENEWALS and not has_waiting_hold


def may_book_room(age: int, verified: bool, days_ahead: int, hours: float) -> bool:
    """Whether a meeting room booking request is within the rules."""
    return (
        verified
        and age >= ROOM_BOOKING_MIN_AGE
        and 0 <= days_ahead <= ROOM_BOOKING_WINDOW_DAYS
        and 0 < hours <= ROOM_MAX_HOURS_PER_DAY
    )
