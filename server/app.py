"""The Starlette application: routes, middleware and the lifespan of the store connections."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from hmac import compare_digest
from typing import Any

from cross_web import AsyncHTTPRequestAdapter
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from sqlalchemy import text
from starlette.applications import Starlette
from starlette.datastructures import Headers
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.types import Message, Receive, Scope, Send
from strawberry.asgi import GraphQL

from auth.tokens import InvalidToken
from auth.viewer import ANONYMOUS, Viewer
from models.tenant import Tenant
from models.user import Role
from resolvers.context import Context
from resolvers.wording import megabytes, reader_language, say, use_accepted_language
from schema.document_limits import DocumentLimits
from schema.root import build_schema
from server.compression import compressed
from server.cors import PREFLIGHT_HEADERS, TenantCORS, TenantOrigins
from server.database import Stores, open_stores
from server.downloads import download
from server.embedded import EmbeddedStack
from server.frontend import (
    FrontendFiles,
    citizen_page,
    crest,
    operator_page,
    photo,
    theme_css,
)
from server.logs import configure_logging, log
from server.middleware import RequestMiddleware
from server.migrate import check_database
from server.persisted import PersistedDocuments, resolve_persisted
from server.request_limits import (
    RequestRefused,
    bad_multipart,
    declared_too_large,
    decode_json,
    is_multipart,
    limit_body,
)
from server.security_headers import SecurityHeaders
from server.settings import Settings, load_settings
from server.state import AppState
from server.tenancy import find_tenant, tenant_changes
from server.theme import Themes
from server.throttling import retry_after_answer

MULTIPART_ROOM = 1024 * 1024
"""Bytes a multipart request may carry beside its files: the operation, the map, part headers."""


def graphql_error(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse(
        {"data": None, "errors": [{"message": message, "extensions": {"code": code}}]},
        status_code=status,
    )


class GraphQLView(GraphQL[Context, None]):
    """Strawberry's ASGI view; the context is built beforehand by `TenantGraphQL`."""

    async def get_context(self, request: Any, response: Any) -> Context:
        context: Context = request.scope["state"]["sportello_context"]
        return context

    def decode_json(self, data: str | bytes) -> object:
        return decode_json(data)

    async def parse_multipart(self, request: AsyncHTTPRequestAdapter) -> dict[str, str]:
        try:
            operations = await super().parse_multipart(request)
        except (AttributeError, IndexError, TypeError, ValueError) as error:
            raise bad_multipart() from error
        if not isinstance(operations, dict):
            raise bad_multipart()
        return operations


def viewer_of(state: AppState, request: Request, tenant: Tenant) -> Viewer | JSONResponse:
    """The caller from a bearer token; an error response for a bad or foreign token."""
    authorization = request.headers.get("authorization", "")
    if not authorization:
        return ANONYMOUS
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token:
        message = say("Send the token as `Authorization: Bearer <token>`.")
        return graphql_error(401, "INVALID_TOKEN", message)
    try:
        claims = state.tokens.verify(token.strip())
    except InvalidToken:
        message = say("Your session has expired. Please log in again.")
        return graphql_error(401, "INVALID_TOKEN", message)
    viewer = claims.viewer()
    if claims.tenant != tenant.slug and not viewer.has(Role.PLATFORM_ADMIN):
        message = say("You are logged in with another municipality. Please log in here.")
        return graphql_error(403, "WRONG_TENANT", message)
    return viewer


def multipart_refusal(request: Request, max_upload_bytes: int) -> JSONResponse | None:
    """Uploads (GraphQL multipart requests) need a header that an HTML form cannot send, so a
    browser asks CORS first and no other site can forge them; and a size within the limit,
    declared up front so nothing larger is ever read."""
    if not request.headers.get("content-type", "").lower().startswith("multipart/"):
        return None
    if not any(request.headers.get(name) for name in PREFLIGHT_HEADERS):
        message = say("Send uploads with the `Apollo-Require-Preflight: true` header.")
        return graphql_error(400, "PREFLIGHT_REQUIRED", message)
    length = request.headers.get("content-length", "")
    if not length.isdigit():
        message = say("Send uploads with a `Content-Length` header.")
        return graphql_error(411, "LENGTH_REQUIRED", message)
    if int(length) > max_upload_bytes + MULTIPART_ROOM:
        message = say(
            "The file is too large: a request may upload at most {megabytes} MB.",
            megabytes=megabytes(max_upload_bytes),
        )
        return graphql_error(413, "REQUEST_TOO_LARGE", message)
    return None


PUBLIC_CACHE_SECONDS = 60
"""How long websites and CDNs may keep an anonymous GET answer (catalogue, free slots)."""


def cache_headers(request: Request, send: Send) -> Send:
    """Anonymous GET queries are public and cacheable for a minute; everything else is not
    stored, since it may hold what one caller alone may see."""
    public = (
        request.method == "GET"
        and "authorization" not in request.headers
        and "text/html" not in request.headers.get("accept", "")
    )
    value = f"public, max-age={PUBLIC_CACHE_SECONDS}" if public else "no-store"

    async def with_cache_headers(message: Message) -> None:
        if message["type"] == "http.response.start":
            headers = [
                (name, header)
                for name, header in message.get("headers", [])
                if name.lower() != b"cache-control"
            ]
            headers.append((b"cache-control", value.encode()))
            headers.append((b"vary", b"accept-language, x-tenant, authorization"))
            message["headers"] = headers
        await send(message)

    return with_cache_headers


class TenantGraphQL:
    """ASGI endpoint of `/{tenant}/graphql` and `/graphql`: finds the tenant and the caller,
    builds the request context, then hands over to the strawberry view."""

    def __init__(self, view: GraphQLView, documents: PersistedDocuments) -> None:
        self.view = view
        self.documents = documents

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Serve the request with its body limited (`server/request_limits.py`): one that
        says or turns out to be too large, or too deep, is answered with its refusal."""
        state: AppState = scope["app"].state.sportello
        settings: Settings = scope["app"].state.settings
        headers = Headers(scope=scope)
        # refusals before the municipality is known speak the caller's language already
        use_accepted_language(headers.get("accept-language"))
        if is_multipart(headers):  # its declared size is checked by `multipart_refusal`
            limit, refused = state.upload_policy.max_bytes + MULTIPART_ROOM, None
        else:
            limit = settings.max_body_bytes
            refused = declared_too_large(headers, limit)
        try:
            if refused is not None:
                raise refused
            await self.serve(scope, limit_body(receive, limit), send)
        except RequestRefused as refusal:
            await graphql_error(refusal.status, refusal.code, refusal.message)(scope, receive, send)

    async def serve(self, scope: Scope, receive: Receive, send: Send) -> None:
        request = Request(scope, receive)
        state: AppState = request.app.state.sportello
        refusal = multipart_refusal(request, state.upload_policy.max_bytes)
        if refusal is not None:
            await refusal(scope, receive, send)
            return
        slug = request.path_params.get("tenant") or request.headers.get("x-tenant", "")
        if not slug:
            message = say("Name the municipality: /{{tenant}}/graphql or the `X-Tenant` header.")
            await graphql_error(400, "TENANT_REQUIRED", message)(scope, receive, send)
            return
        tenant = await find_tenant(state, slug)
        if tenant is None:
            message = say("There is no municipality “{slug}”.", slug=slug)
            await graphql_error(404, "TENANT_NOT_FOUND", message)(scope, receive, send)
            return
        viewer = viewer_of(state, request, tenant)
        if isinstance(viewer, JSONResponse):
            await viewer(scope, receive, send)
            return
        language = reader_language(request.headers.get("accept-language"), tenant.default_language)
        persisted = await resolve_persisted(request, scope, receive, self.documents)
        if persisted.answer is not None:
            await persisted.answer(scope, receive, send)
            return
        scope = persisted.scope
        # The direct peer, or the client a trusted proxy names: uvicorn's proxy headers
        # middleware (`FORWARDED_ALLOW_IPS`) has already put it into the scope.
        address = request.client.host if request.client else None
        context = state.context(tenant, viewer, language, address)
        scope.setdefault("state", {})["sportello_context"] = context
        answer = retry_after_answer(context, cache_headers(request, send))
        await self.view(scope, persisted.receive, answer)


async def check_stores(stores: Stores) -> dict[str, str]:
    async def postgres() -> None:
        async with stores.engine.connect() as connection:
            await connection.execute(text("select 1"))

    async def mongodb() -> None:
        await stores.mongo.command("ping")

    async def redis() -> None:
        await stores.redis.ping()

    checks = {"postgres": postgres(), "mongodb": mongodb(), "redis": redis()}
    results = await asyncio.gather(
        *(asyncio.wait_for(check, 3) for check in checks.values()), return_exceptions=True
    )
    return {
        name: "ok" if result is None else f"error: {result!r}"
        for name, result in zip(checks, results, strict=True)
    }


async def healthz(request: Request) -> JSONResponse:
    checks = await check_stores(request.app.state.sportello.stores)
    healthy = all(value == "ok" for value in checks.values())
    return JSONResponse(
        {"status": "ok" if healthy else "unavailable", "checks": checks},
        status_code=200 if healthy else 503,
    )


async def metrics(request: Request) -> Response:
    """Prometheus metrics, for a scraper that sends `Authorization: Bearer
    <SPORTELLO_METRICS_TOKEN>`; open without a token only in development."""
    settings: Settings = request.app.state.settings
    if not settings.metrics_public:
        scheme, _, token = request.headers.get("authorization", "").partition(" ")
        expected = settings.metrics_token
        if expected is None or scheme.lower() != "bearer" or not compare_digest(token, expected):
            message = "send `Authorization: Bearer <SPORTELLO_METRICS_TOKEN>`"
            return JSONResponse({"code": "METRICS_TOKEN_REQUIRED", "message": message}, 401)
    return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)


async def tenant_home(request: Request) -> Response:
    """`/bugliano` → `/bugliano/`, by a relative address: never one built from the `Host`
    header, which the client chose."""
    return RedirectResponse(f"/{request.path_params['tenant']}/", status_code=307)


def create_app(settings: Settings | None = None) -> Starlette:
    """The ASGI app. Store URLs left unset start the embedded servers for this process."""
    settings = settings or load_settings()
    configure_logging(settings.log_level)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        stack = EmbeddedStack(
            settings.data_dir,
            postgres=settings.database_url is None,
            mongodb=settings.mongodb_url is None,
            redis=settings.redis_url is None,
        )
        urls = await asyncio.to_thread(stack.start)
        try:
            database_url = settings.database_url or urls.database_url or ""
            await check_database(database_url)
            stores = await open_stores(
                database_url,
                settings.mongodb_url or urls.mongodb_url or "",
                settings.mongodb_database,
                settings.redis_url or urls.redis_url or "",
                settings.db_pool_size,
            )
            state = app.state.sportello = AppState.open(settings, stores)

            async def changed(slug: str) -> None:
                origins.forget(slug)
                tenant = await find_tenant(state, slug)
                if tenant is not None:
                    themes.start(tenant.theme.get("primaryColor"))

            async with tenant_changes(state, changed):
                log.info("started", env=settings.env.value)
                yield
            await state.close()
        finally:
            await asyncio.to_thread(stack.stop)

    origins = TenantOrigins(settings.allowed_origins)
    themes = Themes(settings)
    documents = PersistedDocuments(
        settings.persisted_documents,
        DocumentLimits(settings.max_query_length, settings.max_query_tokens),
    )
    endpoint = TenantGraphQL(
        GraphQLView(
            build_schema(
                max_depth=settings.max_query_depth,
                max_tokens=settings.max_query_tokens,
                max_aliases=settings.max_query_aliases,
                max_length=settings.max_query_length,
                mask_errors=settings.production,
                introspection=settings.allow_introspection,
                cost_budgets=settings.query_cost_budgets,
            ),
            graphql_ide=None if settings.production else "graphiql",
            allow_queries_via_get=True,
            multipart_uploads_enabled=True,
        ),
        documents,
    )

    app = Starlette(
        routes=[
            Route("/healthz", healthz),
            Route("/metrics", metrics, middleware=compressed()),
            Route("/graphql", endpoint, methods=["GET", "POST"], middleware=compressed()),
            Mount("/app", FrontendFiles(settings.frontend_dir)),
            Route(
                "/{tenant:str}/graphql", endpoint, methods=["GET", "POST"], middleware=compressed()
            ),
            Route("/{tenant:str}/files/{token:str}", download, methods=["GET"]),
            Route("/{tenant:str}/theme.css", theme_css, methods=["GET", "HEAD"]),
            Route("/{tenant:str}/logo.svg", crest, methods=["GET", "HEAD"]),
            Route("/{tenant:str}/photos/{name:str}", photo, methods=["GET", "HEAD"]),
            Route(
                "/{tenant:str}/operator",
                operator_page,
                methods=["GET", "HEAD"],
                middleware=compressed(),
            ),
            Route(
                "/{tenant:str}/operator/{path:path}",
                operator_page,
                methods=["GET", "HEAD"],
                middleware=compressed(),
            ),
            Route(
                "/{tenant:str}/{path:path}",
                citizen_page,
                methods=["GET", "HEAD"],
                middleware=compressed(),
            ),
            Route("/{tenant:str}", tenant_home, methods=["GET", "HEAD"]),
        ],
        middleware=[
            Middleware(SecurityHeaders, strict_transport=settings.production),
            Middleware(RequestMiddleware, server_timing=settings.expose_server_timing),
            Middleware(TenantCORS, origins=origins),
        ],
        lifespan=lifespan,
    )
    # Starlette's own slash redirects would build the address from the `Host` header.
    app.router.redirect_slashes = False
    app.state.settings = settings
    app.state.themes = themes
    app.state.documents = documents
    return app
