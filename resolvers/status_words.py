"""The statuses of practices, appointments and resource bookings as a person reads them, in
the request's language (the labels the apps show for them)."""

from __future__ import annotations

from models.booking import BookingStatus
from models.practice_states import PracticeStatus
from resolvers.wording import say


def practice_status(status: PracticeStatus) -> str:
    """The label of a practice's status, e.g. "In progress"."""
    s = PracticeStatus
    labels = {
        s.DRAFT: say("Draft"),
        s.PAYMENT_PENDING: say("Awaiting payment"),
        s.PAYMENT_OUTCOME_PENDING: say("Payment being checked"),
        s.PAYMENT_SUCCESS: say("Paid"),
        s.PAYMENT_ERROR: say("Payment failed"),
        s.PRE_SUBMIT: say("Sent"),
        s.SUBMITTED: say("Received"),
        s.REGISTERED: say("Registered"),
        s.PENDING: say("In progress"),
        s.REQUEST_INTEGRATION: say("More information requested"),
        s.DRAFT_FOR_INTEGRATION: say("More information being prepared"),
        s.SUBMITTED_AFTER_INTEGRATION: say("More information sent"),
        s.REGISTERED_AFTER_INTEGRATION: say("More information registered"),
        s.PENDING_AFTER_INTEGRATION: say("In progress after your additions"),
        s.COMPLETE_WAITING_OUTCOME_REGISTRATION: say("Accepted, outcome being registered"),
        s.COMPLETE: say("Accepted"),
        s.CANCELLED_WAITING_OUTCOME_REGISTRATION: say("Rejected, outcome being registered"),
        s.CANCELLED: say("Rejected"),
        s.WITHDRAWN: say("Withdrawn"),
        s.REVOKED: say("Revoked"),
    }
    return labels[status]


def appointment_state(status: BookingStatus) -> str:
    """A sentence saying where an appointment stands, e.g. when a change is refused for it."""
    s = BookingStatus
    sentences = {
        s.DRAFT: say("This appointment is not confirmed yet."),
        s.PENDING: say("This appointment is awaiting the office's approval."),
        s.APPROVED: say("This appointment is already confirmed."),
        s.REFUSED: say("The office has refused this appointment."),
        s.MISSED: say("This appointment has been marked as missed."),
        s.DONE: say("This appointment has already taken place."),
        s.CANCELLED: say("This appointment has been cancelled."),
        s.EXPIRED: say("This reservation has expired: please choose a time again."),
    }
    return sentences[status]


def resource_booking_state(status: BookingStatus) -> str:
    """A sentence saying where a booking of a room or other resource stands."""
    s = BookingStatus
    sentences = {
        s.DRAFT: say("This booking is not confirmed yet."),
        s.PENDING: say("This booking is awaiting the office's approval."),
        s.APPROVED: say("This booking is already confirmed."),
        s.REFUSED: say("The office has refused this booking."),
        s.MISSED: say("This booking has been marked as not used."),
        s.DONE: say("This booking has already taken place."),
        s.CANCELLED: say("This booking has been cancelled."),
        s.EXPIRED: say("This booking has expired."),
    }
    return sentences[status]
