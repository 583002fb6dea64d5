"""resources' address, photo and payment instructions; the office's note on a booking

A resource says where it is, shows a photo with its text alternative and, when it has a price,
how to pay; a booking keeps the office's note on its decision (the reason of a refusal, shown
to the citizen). The offices list the bookings to decide on by status, soonest first.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-14 10:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = '0009'
down_revision: str | None = '0008'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

EMPTY_OBJECT = sa.text("'{}'::jsonb")


def upgrade() -> None:
    op.add_column(
        'resource',
        sa.Column('address', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=True),
    )
    op.add_column(
        'resource',
        sa.Column('photo_url', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=True),
    )
    for name in ('photo_alt', 'payment_instructions'):
        op.add_column(
            'resource',
            sa.Column(
                name,
                postgresql.JSONB(astext_type=sa.Text()),
                server_default=EMPTY_OBJECT,
                nullable=False,
            ),
        )
    op.add_column('resource_booking', sa.Column('outcome_note', sa.Text(), nullable=True))
    op.create_index(
        'ix_resource_booking_status_start',
        'resource_booking',
        ['tenant_id', 'status', 'start_at'],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index('ix_resource_booking_status_start', table_name='resource_booking')
    op.drop_column('resource_booking', 'outcome_note')
    for name in ('payment_instructions', 'photo_alt', 'photo_url', 'address'):
        op.drop_column('resource', name)
