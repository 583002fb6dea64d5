"""Password hashes of local accounts (argon2id), computed off the event loop."""

from __future__ import annotations

import asyncio
import os
from concurrent.futures import ThreadPoolExecutor

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_hasher = PasswordHasher()

# Verifying against this keeps a login for an unknown user as slow as one for a known user.
_DUMMY_HASH = _hasher.hash("sportello-timing-equaliser")

PASSWORD_THREADS = max(1, min(4, os.cpu_count() or 1))
"""Hashes computed at the same time. argon2 takes ~50 ms of one core and 64 MiB each: more
threads than cores would only queue inside the kernel, and the bound keeps memory in check."""

_executor = ThreadPoolExecutor(max_workers=PASSWORD_THREADS, thread_name_prefix="argon2")


def _verify(password_hash: str | None, password: str) -> bool:
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and bool(password_hash)
    except (VerificationError, InvalidHashError):
        return False


async def hash_password(password: str) -> str:
    """The argon2id hash of `password`, computed in a worker thread: the event loop keeps
    serving other requests meanwhile (argon2 releases the GIL)."""
    return await asyncio.get_running_loop().run_in_executor(_executor, _hasher.hash, password)


async def verify_password(password_hash: str | None, password: str) -> bool:
    """Whether `password` matches the hash, as slowly for a missing hash as for a real one;
    computed in a worker thread like `hash_password`."""
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(_executor, _verify, password_hash, password)
