"""Domain model: SQLModel tables, Beanie documents, enums and pure domain rules."""

from models.catalogue import Category, Service, ServiceAccessLevel, ServiceGroup, ServiceStatus
from models.form import FormHead, FormVersion
from models.office import Office, OperatorOffice, ServiceOffice
from models.tenant import Tenant
from models.user import Role, User, UserKind

__all__ = [
    "Category",
    "FormHead",
    "FormVersion",
    "Office",
    "OperatorOffice",
    "Role",
    "Service",
    "ServiceAccessLevel",
    "ServiceGroup",
    "ServiceOffice",
    "ServiceStatus",
    "Tenant",
    "User",
    "UserKind",
]
