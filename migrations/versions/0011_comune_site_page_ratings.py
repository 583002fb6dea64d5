"""the municipality's site settings, services' audience, ratings of pages

A municipality names its parent institution, its VAT number and the pages of its own site the
footer links to (transparency, privacy, legal notes, cookies, site map, reporting a problem);
a service says whom it is for ("A chi è rivolto"); visitors rate the pages of the citizen area,
counted per page and read by the municipality's administrators.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-16 10:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op
from sqlalchemy.dialects import postgresql

from migrations.row_security import disable, tenant_table

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

EMPTY_OBJECT = sa.text("'{}'::jsonb")


def json_object(name: str) -> sa.Column:
    return sa.Column(
        name, postgresql.JSONB(astext_type=sa.Text()), server_default=EMPTY_OBJECT, nullable=False
    )


def upgrade() -> None:
    op.add_column(
        "tenant",
        sa.Column("vat_number", sqlmodel.sql.sqltypes.AutoString(length=11), nullable=True),
    )
    op.add_column("tenant", json_object("parent_institution"))
    op.add_column("tenant", json_object("links"))
    op.add_column("service", json_object("audience"))

    op.create_table(
        "rated_page",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("path", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(["tenant_id"], ["tenant.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_rated_page_tenant_id"), "rated_page", ["tenant_id"], unique=False)
    op.create_index("ix_rated_page_tenant_path", "rated_page", ["tenant_id", "path"], unique=True)
    op.create_table(
        "page_rating",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("page_id", sa.Uuid(), nullable=False),
        sa.Column("stars", sa.SmallInteger(), nullable=False),
        sa.Column(
            "answer",
            sa.Enum(
                "CLEAR",
                "COMPLETE",
                "ON_TRACK",
                "NO_TECHNICAL_PROBLEMS",
                "UNCLEAR",
                "INCOMPLETE",
                "LOST",
                "TECHNICAL_PROBLEMS",
                "OTHER",
                name="ratinganswer",
                native_enum=False,
                length=32,
            ),
            nullable=True,
        ),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.CheckConstraint("stars BETWEEN 1 AND 5", name="page_rating_stars"),
        sa.ForeignKeyConstraint(["page_id"], ["rated_page.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["tenant_id"], ["tenant.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_page_rating_tenant_id"), "page_rating", ["tenant_id"], unique=False)
    op.create_index(
        "ix_page_rating_page_created", "page_rating", ["page_id", "created_at"], unique=False
    )
    # Visitors rate the pages of one municipality; its administrators read those only.
    for table in ("rated_page", "page_rating"):
        for statement in tenant_table(table):
            op.execute(statement)


def downgrade() -> None:
    for table in ("page_rating", "rated_page"):
        for statement in disable(table):
            op.execute(statement)
    op.drop_index("ix_page_rating_page_created", table_name="page_rating")
    op.drop_index(op.f("ix_page_rating_tenant_id"), table_name="page_rating")
    op.drop_table("page_rating")
    op.drop_index("ix_rated_page_tenant_path", table_name="rated_page")
    op.drop_index(op.f("ix_rated_page_tenant_id"), table_name="rated_page")
    op.drop_table("rated_page")
    op.drop_column("service", "audience")
    op.drop_column("tenant", "links")
    op.drop_column("tenant", "parent_institution")
    op.drop_column("tenant", "vat_number")
