"""The submission receipt: rendered as PDF when a practice is sent and kept with its files."""

from __future__ import annotations

import asyncio
import hashlib
from typing import Any

from sqlmodel.ext.asyncio.session import AsyncSession

from models.catalogue import Service
from models.practice import FilePurpose, Practice, StoredFile
from models.receipt import ReceiptInput, render_receipt
from models.user import User
from resolvers.context import Context
from resolvers.practice_lookup import pinned_form


async def store_receipt(
    session: AsyncSession, ctx: Context, practice: Practice, service: Service, data: dict[str, Any]
) -> StoredFile:
    """Render the receipt off the event loop, store its bytes, and add its file row."""
    applicant = await session.get(User, practice.applicant_id)
    version = await pinned_form(ctx, practice)
    assert applicant is not None
    assert version is not None
    assert practice.submitted_at is not None
    receipt = ReceiptInput(
        tenant_name=ctx.tenant.name,
        primary_colour=ctx.tenant.theme.get("primaryColor"),
        logo_png=None,
        service_name=ctx.text(service.name) or service.slug,
        practice_number=practice.number or "",
        submitted_at=practice.submitted_at,
        applicant_name=applicant.full_name,
        applicant_fiscal_code=applicant.fiscal_code,
        language=practice.locale,
        definition=version.definition,
        data=data,
        form_version=practice.form_version,
    )
    content = await asyncio.to_thread(render_receipt, receipt)
    stored = StoredFile(
        tenant_id=ctx.tenant.id,
        practice_id=practice.id,
        uploaded_by=None,
        purpose=FilePurpose.RECEIPT,
        name=f"ricevuta-{(practice.number or '').replace('/', '-')}.pdf",
        content_type="application/pdf",
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
        storage_key="",
    )
    stored.storage_key = f"{ctx.tenant.id}/{stored.id}"
    await ctx.storage.put(stored.storage_key, content, stored.content_type)
    session.add(stored)
    return stored
