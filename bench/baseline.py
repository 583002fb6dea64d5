"""The practical ceiling: the catalogue page as hand-written SQL and a Mongo query, no GraphQL.

Served by `bench/catalogue.py` beside Sportello; answers `POST /{tenant}/graphql` with exactly
the JSON Sportello gives for the benchmark query (it ignores the query text).
"""

from __future__ import annotations

import base64
import json
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import asyncpg
from bson import ObjectId
from pymongo import AsyncMongoClient
from sqlalchemy.engine import make_url
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

PAGE = int(os.environ.get("BENCH_PAGE", "50"))

SQL = """
SELECT s.id, coalesce(s.name->>'it', '') AS name,
       coalesce(c.name->>'it', c.slug) AS category, coalesce(g.name->>'it', g.slug) AS grp,
       s.form_id
FROM service s
JOIN tenant t ON t.id = s.tenant_id
LEFT JOIN category c ON c.id = s.category_id
LEFT JOIN service_group g ON g.id = s.group_id
WHERE t.slug = $1 AND s.status IN ('AVAILABLE', 'SUSPENDED', 'SCHEDULED')
  AND (s.publish_from IS NULL OR s.publish_from <= now())
  AND (s.publish_until IS NULL OR s.publish_until > now())
ORDER BY lower(sportello_unaccent(coalesce(s.name->>'it', ''))), s.id
LIMIT $2
"""


def global_id(type_name: str, node_id: object) -> str:
    return base64.b64encode(f"{type_name}:{node_id}".encode()).decode()


@asynccontextmanager
async def lifespan(app: Starlette) -> AsyncIterator[None]:
    dsn = make_url(os.environ["DATABASE_URL"]).set(drivername="postgresql")
    app.state.pool = await asyncpg.create_pool(dsn.render_as_string(hide_password=False))
    app.state.mongo = AsyncMongoClient(os.environ["MONGODB_URL"])
    app.state.forms = app.state.mongo[os.environ["MONGODB_DATABASE"]]["forms"]
    yield
    await app.state.pool.close()
    await app.state.mongo.close()


async def catalogue(request: Request) -> Response:
    rows = await request.app.state.pool.fetch(SQL, request.path_params["tenant"], PAGE)
    form_ids = [ObjectId(row["form_id"]) for row in rows if row["form_id"]]
    titles = {
        str(form["_id"]): form["title"]
        async for form in request.app.state.forms.find({"_id": {"$in": form_ids}}, {"title": 1})
    }
    edges = [
        {
            "node": {
                "id": global_id("Service", row["id"]),
                "name": row["name"],
                "category": {"name": row["category"]},
                "group": {"name": row["grp"]},
                "form": {"title": titles.get(row["form_id"])},
            }
        }
        for row in rows
    ]
    body = json.dumps({"data": {"services": {"edges": edges}}})
    return Response(body, media_type="application/json")


app = Starlette(routes=[Route("/{tenant}/graphql", catalogue, methods=["POST"])], lifespan=lifespan)
