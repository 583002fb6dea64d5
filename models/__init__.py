"""Domain model: SQLModel tables, Beanie documents, enums and pure domain rules."""

from models.catalogue import Category, Service, ServiceAccessLevel, ServiceGroup, ServiceStatus
from models.form import FormHead, FormVersion
from models.idempotency import IdempotencyKey
from models.office import Office, OperatorOffice, ServiceOffice
from models.outbox import Event
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
    "Category",
    "Event",
    "FilePurpose",
    "FormHead",
    "FormVersion",
    "IdempotencyKey",
    "Message",
    "MessageVisibility",
    "Office",
    "OperatorOffice",
    "Practice",
    "PracticeCounter",
    "PracticeStatusChange",
    "Role",
    "Service",
    "ServiceAccessLevel",
    "ServiceGroup",
    "ServiceOffice",
    "ServiceStatus",
    "StoredFile",
    "Tenant",
    "User",
    "UserKind",
]
