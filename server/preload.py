"""The apps' first query, asked for by their page: every page of the citizen area and of the
operators' app renders nothing until it knows the municipality (the `Tenant` query), so the
page tells the browser to fetch that answer while it is still downloading the scripts.

The browser hands a preloaded answer only to a request for the very same URL, so the URL here is
the one the apps' client builds (urql's persisted exchange over GET, `makeFetchURL`): the
parameters `operationName`, `variables`, `extensions` in that order, JSON with its keys sorted
(urql's `stringifyVariables`), each encoded as JavaScript's `encodeURIComponent` does.
`frontend/e2e/compression.spec.mjs` checks that the app's own request is served from it.
"""

from __future__ import annotations

import html
import json
import re
from urllib.parse import quote

from server.persisted import HASH_PREFIX, PersistedDocuments

FIRST_QUERY = "Tenant"
"""`frontend/src/shared/tenant.graphql`: no variables, the same answer for every visitor."""
URI_COMPONENT_SAFE = "!~*'()"
"""What `encodeURIComponent` leaves as it is, beside letters, digits and `-_.` (as `quote`)."""
OPERATION = re.compile(r"\s*query\s+(\w+)")


def operation_hash(documents: PersistedDocuments, name: str) -> str | None:
    """The hash of the persisted query named `name`, if the frontend has one."""
    documents.refresh()
    for hash_value, text in documents.documents.items():
        match = OPERATION.match(text)
        if match and match[1] == name:
            return hash_value
    return None


def component(value: object) -> str:
    return quote(json.dumps(value, separators=(",", ":"), sort_keys=True), safe=URI_COMPONENT_SAFE)


def first_query_link(documents: PersistedDocuments, slug: str) -> str:
    """The `<link rel="preload">` of the tenant's first query; "" without persisted documents."""
    hash_value = operation_hash(documents, FIRST_QUERY)
    if hash_value is None:
        return ""
    extensions = {"persistedQuery": {"version": 1, "sha256Hash": f"{HASH_PREFIX}{hash_value}"}}
    url = (
        f"/{quote(slug)}/graphql?operationName={quote(FIRST_QUERY)}"
        f"&variables={component({})}&extensions={component(extensions)}"
    )
    return f'<link rel="preload" as="fetch" crossorigin="anonymous" href="{html.escape(url)}">'
