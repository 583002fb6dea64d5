"""The request context handed to every resolver: tenant, viewer, language, stores, loaders."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

from pymongo.asynchronous.database import AsyncDatabase
from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel.ext.asyncio.session import AsyncSession

from auth.login_throttle import LoginLimits
from auth.scope import StaffScope
from auth.tokens import TokenService
from auth.viewer import Viewer
from models.booking import DEFAULT_MAX_OPEN_HOLDS
from models.i18n import pick_text
from models.tenant import Tenant
from models.uploads import UploadPolicy
from resolvers.loaders import Loaders
from resolvers.staff_scope import load_staff_scope
from resolvers.storage import FileStorage
from resolvers.wording import use_language


@dataclass(frozen=True)
class TokenLifetimes:
    access_seconds: int
    refresh_seconds: int


@dataclass
class Context:
    """One per GraphQL request; never shared between requests."""

    tenant: Tenant
    viewer: Viewer
    language: str
    db: async_sessionmaker[AsyncSession]
    mongo: AsyncDatabase
    redis: Redis
    tokens: TokenService
    token_lifetimes: TokenLifetimes
    storage: FileStorage
    upload_policy: UploadPolicy
    download_link_seconds: int
    login_limits: LoginLimits = field(default_factory=LoginLimits)
    max_open_holds: int = DEFAULT_MAX_OPEN_HOLDS
    """Unconfirmed holds one person may have on one calendar at a time."""
    client_address: str | None = None
    """The caller's IP address: the direct peer, or the client a trusted proxy names
    (uvicorn's `FORWARDED_ALLOW_IPS`); None when unknown (a Unix socket)."""
    retry_after: int | None = None
    """Set by a use case that refused for too many attempts: the seconds to wait. The HTTP
    answer is then 429 with this `Retry-After`."""
    loaders: Loaders = field(init=False)
    _staff_scope: StaffScope | None = field(default=None, init=False)
    _staff_scope_read: asyncio.Future[StaffScope] | None = field(
        default=None, init=False, repr=False
    )
    """The one reading of the scope: the fields of every row of a list ask at once and all
    resume together, so that what they load next still falls into one DataLoader batch."""

    def __post_init__(self) -> None:
        self.loaders = Loaders.for_tenant(self.db, self.tenant.id)
        use_language(self.language)  # the messages of this request (`resolvers.wording.say`)

    async def staff_scope(self, session: AsyncSession | None = None) -> StaffScope:
        """Whose work the viewer does as staff; read once per request (on `session` if the
        caller holds one), and only for operators: admins and citizens need no statement."""
        if self._staff_scope is not None:
            return self._staff_scope
        if self._staff_scope_read is None:
            self._staff_scope_read = asyncio.ensure_future(
                load_staff_scope(self.db, self.tenant.id, self.tenant.slug, self.viewer, session)
            )
        self._staff_scope = await asyncio.shield(self._staff_scope_read)
        return self._staff_scope

    def text(self, translations: dict[str, str] | None) -> str | None:
        """Translatable text in the request's language, falling back to the tenant's default."""
        return pick_text(translations, self.language, self.tenant.default_language)
