"""Submission receipts: a practice's data as submitted, as a PDF in the tenant's style (no I/O)."""

from models.receipt.document import ReceiptInput, render_receipt

__all__ = ["ReceiptInput", "render_receipt"]
