"""operators bound to single services; sent practices belong to their service's office

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07 21:40:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from migrations.row_security import Parent, child_table, disable

revision: str = '0008'
down_revision: str | None = '0007'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'operator_service',
        sa.Column('user_id', sa.Uuid(), nullable=False),
        sa.Column('service_id', sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(['service_id'], ['service.id'], ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['user_id'], ['user.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('user_id', 'service_id'),
    )
    op.create_index(
        op.f('ix_operator_service_service_id'), 'operator_service', ['service_id'], unique=False
    )
    # a link table: read through the service, written only between rows of one municipality
    for statement in child_table(
        'operator_service', Parent('service_id', 'service'), Parent('user_id', 'user')
    ):
        op.execute(statement)
    # Sent practices nobody took in charge had no office; from now on a practice belongs to
    # the office handling its service from submission (the first by slug, as on submission).
    op.execute(
        """
        UPDATE practice SET office_id = (
            SELECT so.office_id FROM service_office so JOIN office o ON o.id = so.office_id
            WHERE so.service_id = practice.service_id ORDER BY o.slug LIMIT 1
        )
        WHERE office_id IS NULL AND status <> 'DRAFT'
        """
    )


def downgrade() -> None:
    for statement in disable('operator_service'):
        op.execute(statement)
    op.drop_index(op.f('ix_operator_service_service_id'), table_name='operator_service')
    op.drop_table('operator_service')
