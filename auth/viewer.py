"""Who is asking: the identity behind a request, as read from its token."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from models.user import Role


@dataclass(frozen=True)
class Viewer:
    """The caller of one request. Anonymous callers have no user id and no roles."""

    user_id: uuid.UUID | None = None
    tenant_slug: str | None = None
    roles: frozenset[Role] = field(default_factory=frozenset)

    @property
    def authenticated(self) -> bool:
        return self.user_id is not None

    def has(self, role: Role) -> bool:
        return role in self.roles

    def is_tenant_admin_of(self, tenant_slug: str) -> bool:
        if self.has(Role.PLATFORM_ADMIN):
            return True
        return self.has(Role.TENANT_ADMIN) and self.tenant_slug == tenant_slug

    def can_manage_catalogue(self, tenant_slug: str) -> bool:
        """Only the tenant's admins (and platform admins) change its catalogue."""
        return self.is_tenant_admin_of(tenant_slug)

    def is_staff_of(self, tenant_slug: str) -> bool:
        """Operators and administrators of the tenant: they work its practices."""
        if self.is_tenant_admin_of(tenant_slug):
            return True
        staff = {Role.OPERATOR, Role.OPERATOR_ADMIN}
        return bool(self.roles & staff) and self.tenant_slug == tenant_slug

    def sees_unpublished_services(self, tenant_slug: str) -> bool:
        """Admins and operators of the tenant also see cancelled and private services in lists."""
        return self.is_staff_of(tenant_slug)


ANONYMOUS = Viewer()
