"""What the running application holds between requests, and the request context made from it."""

from __future__ import annotations

from dataclasses import dataclass

from auth.tokens import TokenService
from auth.viewer import Viewer
from models.tenant import Tenant
from models.uploads import UploadPolicy
from resolvers.context import Context, TokenLifetimes
from resolvers.storage import FileStorage, open_storage
from server.database import Stores
from server.settings import Settings


@dataclass
class AppState:
    settings: Settings
    stores: Stores
    tokens: TokenService
    lifetimes: TokenLifetimes
    storage: FileStorage
    upload_policy: UploadPolicy

    @classmethod
    def open(cls, settings: Settings, stores: Stores) -> AppState:
        """Everything but the stores (opened by the caller) from the settings."""
        return cls(
            settings,
            stores,
            TokenService(settings.signing_key, settings.previous_secret_keys),
            TokenLifetimes(settings.access_token_minutes * 60, settings.refresh_token_days * 86400),
            open_storage(settings.storage_url, settings.data_dir),
            UploadPolicy(settings.max_upload_bytes, tuple(settings.allowed_upload_types)),
        )

    def context(
        self, tenant: Tenant, viewer: Viewer, language: str, client_address: str | None = None
    ) -> Context:
        """A fresh context (with its own DataLoaders) for one request or one unit of work."""
        return Context(
            tenant=tenant,
            viewer=viewer,
            language=language,
            db=self.stores.tenant_sessions(tenant.id),
            mongo=self.stores.mongo,
            redis=self.stores.redis,
            tokens=self.tokens,
            token_lifetimes=self.lifetimes,
            storage=self.storage,
            upload_policy=self.upload_policy,
            download_link_seconds=self.settings.download_link_seconds,
            login_limits=self.settings.login_limits,
            max_open_holds=self.settings.max_open_holds,
            client_address=client_address,
        )

    async def close(self) -> None:
        await self.stores.close()
        await self.storage.close()
