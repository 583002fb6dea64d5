"""The request context handed to every resolver: tenant, viewer, language, stores, loaders."""

from __future__ import annotations

from dataclasses import dataclass, field

from pymongo.asynchronous.database import AsyncDatabase
from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel.ext.asyncio.session import AsyncSession

from auth.login_throttle import LoginLimits
from auth.tokens import TokenService
from auth.viewer import Viewer
from models.i18n import pick_text
from models.tenant import Tenant
from models.uploads import UploadPolicy
from resolvers.loaders import Loaders
from resolvers.storage import FileStorage


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
    client_address: str | None = None
    """The caller's IP address: the direct peer, or the client a trusted proxy names
    (uvicorn's `FORWARDED_ALLOW_IPS`); None when unknown (a Unix socket)."""
    retry_after: int | None = None
    """Set by a use case that refused for too many attempts: the seconds to wait. The HTTP
    answer is then 429 with this `Retry-After`."""
    loaders: Loaders = field(init=False)

    def __post_init__(self) -> None:
        self.loaders = Loaders.for_tenant(self.db, self.tenant.id)

    def text(self, translations: dict[str, str] | None) -> str | None:
        """Translatable text in the request's language, falling back to the tenant's default."""
        return pick_text(translations, self.language, self.tenant.default_language)
