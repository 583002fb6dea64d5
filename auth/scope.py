"""Whose work a member of staff does: the offices (and, optionally, single services) an
operator belongs to, or the whole municipality for its administrators."""

from __future__ import annotations

import uuid
from dataclasses import dataclass


@dataclass(frozen=True)
class StaffScope:
    """The part of the municipality's work a viewer sees and acts on as staff.

    An operator works the practices of their offices from the moment they are submitted, the
    appointments and agendas of their offices' calendars and the bookings of the resources those
    calendars hold; bound to single services as well, only those services' practices. Tenant
    admins work everything; citizens and strangers nothing.
    """

    everything: bool = False
    office_ids: frozenset[uuid.UUID] = frozenset()
    service_ids: frozenset[uuid.UUID] | None = None
    """None: every service of those offices."""

    @property
    def staff(self) -> bool:
        return self.everything or bool(self.office_ids)

    def covers_office(self, office_id: uuid.UUID | None) -> bool:
        """An office's agenda, calendars and bookings; one without an office is the admins'."""
        return self.everything or (office_id is not None and office_id in self.office_ids)

    def covers_practice(self, office_id: uuid.UUID | None, service_id: uuid.UUID) -> bool:
        if self.everything:
            return True
        if not self.covers_office(office_id):
            return False
        return self.service_ids is None or service_id in self.service_ids


NOBODY = StaffScope()
EVERYTHING = StaffScope(everything=True)
