"""Setting up offices, their calendars (rules, opening hours, closures) and bookable resources.

Only the tenant's admins change them. Input is checked whole: every problem is reported at
once, and nothing is written unless there is none. The list of offices is public.
"""

from resolvers.calendar_admin.calendars import (
    ClosureRequest,
    OpeningHoursRule,
    add_closure,
    create_calendar,
    remove_closure,
    set_opening_hours,
    update_calendar,
)
from resolvers.calendar_admin.offices import create_office, list_offices, update_office
from resolvers.calendar_admin.resources import create_resource, update_resource

__all__ = [
    "ClosureRequest",
    "OpeningHoursRule",
    "add_closure",
    "create_calendar",
    "create_office",
    "create_resource",
    "list_offices",
    "remove_closure",
    "set_opening_hours",
    "update_calendar",
    "update_office",
    "update_resource",
]
