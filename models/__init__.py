"""Domain model: SQLModel tables, Beanie documents, enums and pure domain rules."""

from models.booking import (
    BookingStatus,
    Calendar,
    CalendarKind,
    Closure,
    Meeting,
    OpeningHour,
    Resource,
    ResourceBooking,
    ResourceKind,
    ServiceCalendar,
)
from models.catalogue import Category, Service, ServiceAccessLevel, ServiceGroup, ServiceStatus
from models.form import FormHead, FormVersion
from models.idempotency import IdempotencyKey
from models.office import Office, OperatorOffice, OperatorService, ServiceOffice
from models.outbox import Event
from models.page_rating import PageRating, RatedPage
from models.practice import (
    FilePurpose,
    Message,
    MessageVisibility,
    Practice,
    PracticeCounter,
    PracticeStatusChange,
    StoredFile,
)
from models.tenant import Tenant
from models.user import Role, User, UserKind

__all__ = [
    "BookingStatus",
    "Calendar",
    "CalendarKind",
    "Category",
    "Closure",
    "Event",
    "FilePurpose",
    "FormHead",
    "FormVersion",
    "IdempotencyKey",
    "Meeting",
    "Message",
    "MessageVisibility",
    "Office",
    "OpeningHour",
    "OperatorOffice",
    "OperatorService",
    "PageRating",
    "Practice",
    "PracticeCounter",
    "PracticeStatusChange",
    "RatedPage",
    "Resource",
    "ResourceBooking",
    "ResourceKind",
    "Role",
    "Service",
    "ServiceAccessLevel",
    "ServiceCalendar",
    "ServiceGroup",
    "ServiceOffice",
    "ServiceStatus",
    "StoredFile",
    "Tenant",
    "User",
    "UserKind",
]
