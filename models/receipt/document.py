"""What a submission receipt is made of, and the receipt as PDF bytes."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from models.formio.messages import pick_language
from models.receipt.blocks import Block, submission_blocks
from models.receipt.pdf import PAGE_COUNT, ReceiptPDF, Style, parse_colour
from models.receipt.texts import EMPTY, format_moment, word


@dataclass(frozen=True)
class ReceiptInput:
    """Everything printed on the receipt of one submitted practice."""

    tenant_name: str
    primary_colour: str | None
    """The tenant's theme colour, e.g. `#0066cc`; None (or unreadable) gives a neutral grey."""
    logo_png: bytes | None
    """The tenant's logo as PNG or JPEG bytes; None, or bytes that are no image, print none."""
    service_name: str
    practice_number: str
    submitted_at: datetime
    """Aware; printed as Rome wall-clock time, and the PDF's creation date."""
    applicant_name: str
    applicant_fiscal_code: str | None
    language: str
    definition: dict[str, Any]
    """The Form.io definition of the version the practice pinned."""
    data: dict[str, Any]
    """The submission data as validated and stored."""
    form_version: int


def render_receipt(receipt: ReceiptInput) -> bytes:
    """The receipt as a PDF; the same input always gives the same bytes."""
    language = pick_language(receipt.language)
    if receipt.submitted_at.tzinfo is None:  # not expected: taken as UTC, never as server time
        receipt = replace(receipt, submitted_at=receipt.submitted_at.replace(tzinfo=UTC))
    blocks = submission_blocks(receipt.definition, receipt.data, language)
    return bytes(_draw(receipt, language, blocks).output())


def _summary(receipt: ReceiptInput, language: str) -> list[tuple[str, str]]:
    return [
        (word("NUMBER", language), receipt.practice_number),
        (word("SUBMITTED_AT", language), format_moment(receipt.submitted_at, language)),
        (word("APPLICANT", language), receipt.applicant_name or EMPTY),
        (word("FISCAL_CODE", language), receipt.applicant_fiscal_code or EMPTY),
        (word("FORM_VERSION", language), str(receipt.form_version)),
    ]


def _draw(receipt: ReceiptInput, language: str, blocks: list[Block]) -> ReceiptPDF:
    style = Style(receipt.tenant_name, parse_colour(receipt.primary_colour), receipt.logo_png)
    footer_left = word("FOOTER", language, number=receipt.practice_number)
    footer_right = word("PAGE", language, page="{page}", pages=PAGE_COUNT)
    pdf = ReceiptPDF(style, footer_left, footer_right)
    title = word("TITLE", language)
    _metadata(pdf, receipt, language, f"{title} {receipt.practice_number}")
    pdf.add_page()
    pdf.title_block(title, receipt.service_name)
    for label, value in _summary(receipt, language):
        pdf.field(label, value, 0)
    pdf.part(word("DATA", language))
    for block in blocks:
        pdf.block(block)
    return pdf


def _metadata(pdf: ReceiptPDF, receipt: ReceiptInput, language: str, title: str) -> None:
    """Document properties; the creation date is the submission's, so a re-render is identical."""
    pdf.set_creation_date(receipt.submitted_at)
    pdf.set_title(_encodable(title))
    pdf.set_author(_encodable(receipt.tenant_name))
    pdf.set_subject(_encodable(receipt.service_name))
    pdf.set_creator("Sportello")
    pdf.set_lang(language)


def _encodable(text: str) -> str:
    """Metadata is written as UTF-16: lone surrogates would not encode."""
    return text.encode("utf-16", "replace").decode("utf-16")
