"""The HTTP side of a refusal for too many attempts: 429 with `Retry-After` (RFC 6585)."""

from __future__ import annotations

from starlette.types import Message, Send

from resolvers.context import Context


def retry_after_answer(context: Context, send: Send) -> Send:
    """Sends the GraphQL answer as 429 with `Retry-After` when a use case of the request set
    `context.retry_after` (a throttled login); the body, with its payload error
    TOO_MANY_ATTEMPTS, stays as it is."""

    async def send_answer(message: Message) -> None:
        if message["type"] == "http.response.start" and context.retry_after is not None:
            message["status"] = 429
            headers = [
                (name, value)
                for name, value in message.get("headers", [])
                if name.lower() != b"retry-after"
            ]
            headers.append((b"retry-after", str(context.retry_after).encode()))
            message["headers"] = headers
        await send(message)

    return send_answer
