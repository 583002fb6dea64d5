"""Settings of a Sportello process, read from the environment or `.env`."""

from __future__ import annotations

import secrets
from enum import StrEnum
from functools import cached_property
from pathlib import Path
from typing import Annotated

from pydantic import Field, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from auth.login_throttle import LoginLimits
from models.booking import DEFAULT_MAX_OPEN_HOLDS
from models.uploads import DEFAULT_ALLOWED_TYPES, GLOBAL_MAX_BYTES
from schema.query_cost import DEFAULT_BUDGETS, CostBudgets

REPOSITORY = Path(__file__).resolve().parents[1]
FRONTEND_SOURCE = REPOSITORY / "frontend"
"""The frontend's sources: its build scripts (the theme compiler) and node_modules."""


class Environment(StrEnum):
    DEVELOPMENT = "development"
    PRODUCTION = "production"


class SettingsError(RuntimeError):
    """A setting is missing or wrong; the process must not start."""


class Settings(BaseSettings):
    """Every setting the platform reads. Unset store URLs mean "start the embedded server"."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore", populate_by_name=True)

    database_url: str | None = Field(default=None, alias="DATABASE_URL")
    mongodb_url: str | None = Field(default=None, alias="MONGODB_URL")
    mongodb_database: str = Field(default="sportello", alias="MONGODB_DATABASE")
    redis_url: str | None = Field(default=None, alias="REDIS_URL")
    data_dir: Path = Field(default=Path(".sportello"), alias="SPORTELLO_DATA_DIR")
    secret_key: str | None = Field(default=None, alias="SPORTELLO_SECRET_KEY")
    previous_secret_keys: Annotated[list[str], NoDecode] = Field(
        default_factory=list, alias="SPORTELLO_PREVIOUS_SECRET_KEYS"
    )
    env: Environment = Field(default=Environment.DEVELOPMENT, alias="SPORTELLO_ENV")
    allowed_origins: Annotated[list[str], NoDecode] = Field(
        default_factory=lambda: ["http://localhost:3000", "http://127.0.0.1:3000"],
        alias="SPORTELLO_ALLOWED_ORIGINS",
    )
    access_token_minutes: int = Field(default=15, ge=1, alias="SPORTELLO_ACCESS_TOKEN_MINUTES")
    refresh_token_days: int = Field(default=14, ge=1, alias="SPORTELLO_REFRESH_TOKEN_DAYS")
    max_query_depth: int = Field(default=10, ge=2, alias="SPORTELLO_MAX_QUERY_DEPTH")
    max_query_tokens: int = Field(default=2000, ge=50, alias="SPORTELLO_MAX_QUERY_TOKENS")
    max_query_aliases: int = Field(default=30, ge=1, alias="SPORTELLO_MAX_QUERY_ALIASES")
    max_query_length: int = Field(default=100_000, ge=1000, alias="SPORTELLO_MAX_QUERY_LENGTH")
    """Characters of a GraphQL document, refused before it is parsed."""
    max_query_cost_anonymous: int = Field(
        default=DEFAULT_BUDGETS.anonymous, ge=1, alias="SPORTELLO_MAX_QUERY_COST_ANONYMOUS"
    )
    """The estimated cost (objects the answer may hold, see `schema/query_cost.py`) an operation
    may have, by the caller's largest role; over it, refused before it runs."""
    max_query_cost_citizen: int = Field(
        default=DEFAULT_BUDGETS.citizen, ge=1, alias="SPORTELLO_MAX_QUERY_COST_CITIZEN"
    )
    max_query_cost_staff: int = Field(
        default=DEFAULT_BUDGETS.staff, ge=1, alias="SPORTELLO_MAX_QUERY_COST_STAFF"
    )
    max_query_cost_admin: int = Field(
        default=DEFAULT_BUDGETS.admin, ge=1, alias="SPORTELLO_MAX_QUERY_COST_ADMIN"
    )
    max_body_bytes: int = Field(default=1024 * 1024, ge=1024, alias="SPORTELLO_MAX_BODY_BYTES")
    """Bytes of a JSON request body; multipart requests may carry the upload limit plus 1 MiB."""
    db_pool_size: int = Field(default=10, ge=1, alias="SPORTELLO_DB_POOL_SIZE")
    login_free_attempts: int = Field(default=5, ge=1, le=100, alias="SPORTELLO_LOGIN_FREE_ATTEMPTS")
    login_delay_seconds: float = Field(default=1, gt=0, alias="SPORTELLO_LOGIN_DELAY_SECONDS")
    login_max_delay_seconds: float = Field(
        default=60, gt=0, alias="SPORTELLO_LOGIN_MAX_DELAY_SECONDS"
    )
    login_window_seconds: float = Field(default=900, gt=0, alias="SPORTELLO_LOGIN_WINDOW_SECONDS")
    login_address_failures: int = Field(default=50, ge=1, alias="SPORTELLO_LOGIN_ADDRESS_FAILURES")
    max_open_holds: int = Field(
        default=DEFAULT_MAX_OPEN_HOLDS, ge=1, le=50, alias="SPORTELLO_MAX_OPEN_HOLDS"
    )
    """Unconfirmed holds one person may have on one calendar at a time."""
    log_level: str = Field(default="INFO", alias="SPORTELLO_LOG_LEVEL")
    server_timing: bool | None = Field(default=None, alias="SPORTELLO_SERVER_TIMING")
    introspection: bool | None = Field(default=None, alias="SPORTELLO_INTROSPECTION")
    metrics_token: str | None = Field(default=None, alias="SPORTELLO_METRICS_TOKEN")
    storage_url: str | None = Field(default=None, alias="SPORTELLO_STORAGE_URL")
    max_upload_bytes: int = Field(
        default=GLOBAL_MAX_BYTES, ge=1, alias="SPORTELLO_MAX_UPLOAD_BYTES"
    )
    allowed_upload_types: Annotated[list[str], NoDecode] = Field(
        default_factory=lambda: list(DEFAULT_ALLOWED_TYPES), alias="SPORTELLO_ALLOWED_UPLOAD_TYPES"
    )
    download_link_seconds: int = Field(default=300, ge=1, alias="SPORTELLO_DOWNLOAD_LINK_SECONDS")
    smtp_url: str | None = Field(default=None, alias="SPORTELLO_SMTP_URL")
    mail_from: str = Field(default="Sportello <noreply@localhost>", alias="SPORTELLO_MAIL_FROM")
    worker_concurrency: int = Field(default=4, ge=1, alias="SPORTELLO_WORKER_CONCURRENCY")
    frontend_dir: Path = Field(default=FRONTEND_SOURCE / "dist", alias="SPORTELLO_FRONTEND_DIR")
    """The built frontend (`npm --prefix frontend run build`), served under /app/ and /{tenant}/."""
    persisted_documents: Path = Field(
        default=FRONTEND_SOURCE / "src" / "gql" / "persisted-documents.json",
        alias="SPORTELLO_PERSISTED_DOCUMENTS",
    )
    """Hash → GraphQL document, as GraphQL Code Generator writes them: the queries clients may
    send by hash alone (over GET, so that public answers are cacheable)."""

    @field_validator(
        "allowed_origins", "previous_secret_keys", "allowed_upload_types", mode="before"
    )
    @classmethod
    def _split_commas(cls, value: object) -> object:
        if isinstance(value, str):
            return [item.strip() for item in value.split(",") if item.strip()]
        return value

    @property
    def production(self) -> bool:
        return self.env is Environment.PRODUCTION

    @property
    def expose_server_timing(self) -> bool:
        """Round-trip counts go out in `Server-Timing` unless switched off; off in production."""
        return self.server_timing if self.server_timing is not None else not self.production

    @property
    def allow_introspection(self) -> bool:
        """Schema introspection unless switched off; off in production (partners have the
        committed schema and its generated clients)."""
        return self.introspection if self.introspection is not None else not self.production

    @property
    def metrics_public(self) -> bool:
        """`/metrics` without a token: only in development and only when no token is set."""
        return self.metrics_token is None and not self.production

    @model_validator(mode="after")
    def _delays_fit_the_window(self) -> Settings:
        # Failures older than the window are forgotten, so a longer delay could not be kept.
        if self.login_max_delay_seconds > self.login_window_seconds:
            raise ValueError(
                "SPORTELLO_LOGIN_MAX_DELAY_SECONDS must not exceed SPORTELLO_LOGIN_WINDOW_SECONDS"
            )
        return self

    @property
    def query_cost_budgets(self) -> CostBudgets:
        return CostBudgets(
            anonymous=self.max_query_cost_anonymous,
            citizen=self.max_query_cost_citizen,
            staff=self.max_query_cost_staff,
            admin=self.max_query_cost_admin,
        )

    @property
    def login_limits(self) -> LoginLimits:
        return LoginLimits(
            free_attempts=self.login_free_attempts,
            first_delay=self.login_delay_seconds,
            max_delay=self.login_max_delay_seconds,
            window=self.login_window_seconds,
            failures_per_address=self.login_address_failures,
        )

    def check_production(self) -> None:
        """Production never falls back to embedded servers or a generated key."""
        if not self.production:
            return
        missing = [
            name
            for name, value in (
                ("DATABASE_URL", self.database_url),
                ("MONGODB_URL", self.mongodb_url),
                ("REDIS_URL", self.redis_url),
                ("SPORTELLO_SECRET_KEY", self.secret_key),
            )
            if not value
        ]
        if missing:
            raise SettingsError(
                "SPORTELLO_ENV=production needs these settings, which are unset: "
                + ", ".join(missing)
            )
        assert self.secret_key is not None
        if len(self.secret_key) < 32:
            raise SettingsError("SPORTELLO_SECRET_KEY must be at least 32 characters long")

    @cached_property
    def signing_key(self) -> str:
        """The JWT signing secret: the setting, or one generated once into the data dir."""
        if self.secret_key:
            return self.secret_key
        self.check_production()
        path = self.data_dir / "secret_key"
        if not path.exists():
            self.data_dir.mkdir(parents=True, exist_ok=True)
            path.write_text(secrets.token_urlsafe(48))
            path.chmod(0o600)
        return path.read_text().strip()


def load_settings() -> Settings:
    settings = Settings()
    settings.check_production()
    return settings
