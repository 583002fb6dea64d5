"""one open draft per citizen and service

Starting an application to a service the citizen already has a draft of resumes that draft;
a partial unique index keeps it so under concurrent requests. Citizens who already hold several
drafts of one service keep the one they changed last; the others are removed with their history,
messages and file records (the bytes of their uploads stay in the storage, unreferenced).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-15 10:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0010'
down_revision: str | None = '0009'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SETTLE = """
DELETE FROM practice AS older
 USING practice AS newer
 WHERE older.status = 'DRAFT' AND newer.status = 'DRAFT'
   AND older.tenant_id = newer.tenant_id
   AND older.applicant_id = newer.applicant_id
   AND older.service_id = newer.service_id
   AND (older.updated_at, older.id) < (newer.updated_at, newer.id)
"""


def upgrade() -> None:
    op.execute(SETTLE)
    op.create_index(
        'practice_one_open_draft',
        'practice',
        ['tenant_id', 'applicant_id', 'service_id'],
        unique=True,
        postgresql_where=sa.text("status = 'DRAFT'"),
    )


def downgrade() -> None:
    op.drop_index('practice_one_open_draft', table_name='practice')
