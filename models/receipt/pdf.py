"""The receipt's pages drawn with fpdf2: tenant band, summary, sections, fields, tables, footer."""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Container
from dataclasses import dataclass
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import MethodReturnValue, TableBordersLayout, WrapMode
from fpdf.fonts import FontFace, TTFFont
from fpdf.image_datastructures import RasterImageInfo
from fpdf.image_parsing import preload_image

from models.receipt.blocks import Block, Field, Heading, Table

FONTS = Path(__file__).parent / "fonts"
FAMILY = "DejaVuSans"
"""DejaVu Sans ships with the project (fonts/LICENSE.txt): Latin, Greek, Cyrillic, symbols."""

Colour = tuple[int, int, int]
NEUTRAL: Colour = (63, 74, 90)
INK: Colour = (33, 37, 41)
MUTED: Colour = (96, 102, 110)
RULE: Colour = (206, 212, 218)
HEAD_FILL: Colour = (238, 241, 244)
WHITE: Colour = (255, 255, 255)
HEX_COLOUR = re.compile(r"#?([0-9a-fA-F]{6}|[0-9a-fA-F]{3})")

MARGIN = 18.0
BAND = 24.0
LOGO_HEIGHT = 14.0
LOGO_MAX_WIDTH = 45.0
BOTTOM = 20.0
LABEL_WIDTH = 62.0
INDENT = 4.0
MAX_INDENT = 12.0
LINE = 5.0
KEEP_WITH_NEXT = 22.0
KEEP_TOGETHER = 40.0
"""A field up to this tall moves whole to the next page; a taller one splits across pages."""

DROPPED_CATEGORIES = frozenset({"Cc", "Cf", "Mn", "Me"})
"""Controls, invisible format marks (ZWJ, variation selectors) and stray combining marks."""


@dataclass(frozen=True)
class Style:
    """What the tenant gives the page: name, colour and logo."""

    tenant_name: str
    colour: Colour
    logo: bytes | None


def parse_colour(text: str | None) -> Colour:
    """`#0066cc` or `#06c` as RGB; anything else is the neutral default."""
    match = HEX_COLOUR.fullmatch(text.strip()) if isinstance(text, str) else None
    if match is None:
        return NEUTRAL
    digits = match.group(1)
    if len(digits) == 3:
        digits = "".join(digit * 2 for digit in digits)
    red, green, blue = (int(digits[i : i + 2], 16) for i in (0, 2, 4))
    return red, green, blue


def is_light(colour: Colour) -> bool:
    """Light enough that white text on it, or it as text on white, would be hard to read."""
    red, green, blue = colour
    return (0.2126 * red + 0.7152 * green + 0.0722 * blue) / 255 > 0.6


PAGE_COUNT = "\ue000"
"""Stands for the number of pages until the document is written (fpdf2's alias): a private-use
character, so a citizen's "{nb}" stays text and the pages are drawn once."""


def printable(text: str, glyphs: Container[int]) -> str:
    """`text` with only characters the font can draw: invisible marks dropped, tabs as spaces,
    anything else the font lacks (CJK, most emoji, lone surrogates) as U+FFFD."""
    shown: list[str] = []
    for char in unicodedata.normalize("NFC", text):
        if char in ("\n", PAGE_COUNT) or ord(char) in glyphs:
            shown.append(char)
        elif char == "\t":
            shown.append("    ")
        elif unicodedata.category(char) not in DROPPED_CATEGORIES:
            shown.append("\ufffd" if 0xFFFD in glyphs else "?")
    return "".join(shown)


class ReceiptPDF(FPDF):
    """A4 pages in the tenant's style, each with the tenant band and a footer with its number."""

    def __init__(self, style: Style, footer_left: str, footer_right: str) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.style = style
        self.footer_left = footer_left
        self.footer_right = footer_right
        self.accent = INK if is_light(style.colour) else style.colour
        self.add_font(FAMILY, "", FONTS / "DejaVuSans.ttf")
        self.add_font(FAMILY, "B", FONTS / "DejaVuSans-Bold.ttf")
        self.alias_nb_pages(PAGE_COUNT)
        self.set_margins(MARGIN, BAND + 10, MARGIN)
        self.set_auto_page_break(True, margin=BOTTOM)
        self.logo_size = self._load_logo()

    def normalize_text(self, text: str) -> str:
        font = self.current_font
        if isinstance(font, TTFFont):
            text = printable(text, font.cmap)
        return super().normalize_text(text)

    # Page furniture --------------------------------------------------------------------
    def _load_logo(self) -> tuple[float, float] | None:
        if not self.style.logo:
            return None
        try:
            _, _, info = preload_image(self.image_cache, io.BytesIO(self.style.logo))
        except Exception:  # a broken logo must not cost the citizen their receipt
            return None
        if not isinstance(info, RasterImageInfo):
            return None
        width, height = info.size_in_document_units(0, LOGO_HEIGHT, scale=self.k)
        if width > LOGO_MAX_WIDTH:
            width, height = info.size_in_document_units(LOGO_MAX_WIDTH, 0, scale=self.k)
        return width, height

    def header(self) -> None:
        self.set_fill_color(*self.style.colour)
        self.rect(0, 0, self.w, BAND, style="F")
        x = MARGIN
        if self.logo_size is not None and self.style.logo:
            width, height = self.logo_size
            self.image(io.BytesIO(self.style.logo), x, (BAND - height) / 2, width, height)
            x += width + 5
        self.set_text_color(*(INK if is_light(self.style.colour) else WHITE))
        size = 14.0
        self.set_font(FAMILY, "B", size)
        while size > 8 and self.get_string_width(self.style.tenant_name) > self.w - MARGIN - x:
            size -= 0.5
            self.set_font(FAMILY, "B", size)
        self.set_xy(x, 0)
        self.cell(self.w - MARGIN - x, BAND, self.style.tenant_name)
        self.set_xy(MARGIN, self.t_margin)

    def footer(self) -> None:
        self.set_draw_color(*RULE)
        self.set_line_width(0.2)
        self.line(MARGIN, self.h - 14, self.w - MARGIN, self.h - 14)
        self.set_xy(MARGIN, self.h - 13)
        self.set_font(FAMILY, "", 8)
        self.set_text_color(*MUTED)
        half = self.epw / 2
        self.cell(half, LINE, self.footer_left)
        self.cell(half, LINE, self.footer_right.format(page=self.page_no()), align="R")

    # Content ---------------------------------------------------------------------------
    def title_block(self, title: str, subtitle: str) -> None:
        self.set_text_color(*self.accent)
        self.set_font(FAMILY, "B", 18)
        self.multi_cell(0, 9, title, new_x="LMARGIN", new_y="NEXT", align="L")
        self.set_text_color(*INK)
        self.set_font(FAMILY, "B", 12)
        self.multi_cell(0, 6.5, subtitle, new_x="LMARGIN", new_y="NEXT", align="L")
        self.ln(3)

    def part(self, text: str) -> None:
        """A heading above everything that follows, e.g. the submitted data."""
        self._keep_with_next()
        self.ln(3)
        self.set_text_color(*self.accent)
        self.set_font(FAMILY, "B", 13)
        self.multi_cell(0, 7, text, new_x="LMARGIN", new_y="NEXT", align="L")
        self._rule(self.accent, 0.5)

    def block(self, block: Block) -> None:
        if isinstance(block, Heading):
            self.heading(block)
        elif isinstance(block, Field):
            self.field(block.label, block.value, block.depth)
        else:
            self.table_block(block)

    def heading(self, heading: Heading) -> None:
        self._keep_with_next()
        self.ln(2)
        indent = _indent(heading.depth)
        self.set_x(self.l_margin + indent)
        self.set_text_color(*(INK if heading.depth == 0 else MUTED))
        self.set_font(FAMILY, "B", 11.5 if heading.depth == 0 else 10)
        self.multi_cell(
            self.epw - indent, 6, heading.text, new_x="LMARGIN", new_y="NEXT", align="L"
        )
        if heading.depth == 0:
            self._rule(RULE, 0.3)
        self.ln(1)

    def field(self, label: str, value: str, depth: int) -> None:
        """Label and value side by side: moved whole to the next page, or split when long."""
        indent = _indent(depth)
        label_x, label_width = self.l_margin + indent, LABEL_WIDTH - indent - 3
        value_x, value_width = self.l_margin + LABEL_WIDTH, self.epw - LABEL_WIDTH
        height = max(
            self._height(label, label_width, "B", 8.5), self._height(value, value_width, "", 10)
        )
        room = self.page_break_trigger - self.y
        if height > room and (height <= KEEP_TOGETHER or room < KEEP_WITH_NEXT):
            self.add_page()
        top, page = self.y, self.page
        self._text(label_x, top, label_width, label, "B", 8.5, MUTED)
        self._text(value_x, top, value_width, value, "", 10, INK)
        bottom = top + height if self.page == page else self.y
        self.set_xy(self.l_margin, bottom + 1.5)

    def table_block(self, table: Table) -> None:
        self.heading(Heading(table.label, table.depth))
        indent = _indent(table.depth + 1)
        self.set_font(FAMILY, "", 9)
        self.set_text_color(*INK)
        self.set_draw_color(*RULE)
        self.set_line_width(0.2)
        headings = FontFace(emphasis="BOLD", color=INK, fill_color=HEAD_FILL)
        with self.table(
            width=self.epw - indent,
            align="RIGHT",
            borders_layout=TableBordersLayout.HORIZONTAL_LINES,
            headings_style=headings,
            line_height=4.6,
            padding=1.2,
            text_align="LEFT",
            v_align="TOP",
            wrapmode=WrapMode.WORD,
        ) as grid:
            for line in (table.columns, *table.rows):
                row = grid.row()
                for text in line:
                    row.cell(text)
        self.ln(2)

    # Helpers ---------------------------------------------------------------------------
    def _height(self, text: str, width: float, style: str, size: float) -> float:
        self.set_font(FAMILY, style, size)
        height = self.multi_cell(
            width, LINE, text, align="L", dry_run=True, output=MethodReturnValue.HEIGHT
        )
        return float(height) if isinstance(height, int | float) else 0.0

    def _text(
        self, x: float, y: float, width: float, text: str, style: str, size: float, colour: Colour
    ) -> None:
        self.set_font(FAMILY, style, size)
        self.set_text_color(*colour)
        self.set_xy(x, y)
        self.multi_cell(width, LINE, text, align="L")

    def _rule(self, colour: Colour, width: float) -> None:
        self.set_draw_color(*colour)
        self.set_line_width(width)
        self.line(self.l_margin, self.y + 0.5, self.w - self.r_margin, self.y + 0.5)
        self.ln(2)

    def _keep_with_next(self) -> None:
        if self.y + KEEP_WITH_NEXT > self.page_break_trigger:
            self.add_page()


def _indent(depth: int) -> float:
    return min(depth * INDENT, MAX_INDENT)
