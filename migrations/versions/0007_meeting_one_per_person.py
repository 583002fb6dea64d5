"""one appointment per person and time on a calendar

A person may hold or book one place at a time on a calendar: a citizen by account, someone the
office books for by fiscal code. Appointments that already break the rule (one person on two
desks of one slot) are settled first, keeping each person's earliest: a later hold expires, a
later confirmed appointment is cancelled with a note saying why.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30 10:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0007'
down_revision: str | None = '0006'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OCCUPYING = "status IN ('DRAFT', 'PENDING', 'APPROVED')"
PERSONS = {
    # constraint name: (the column naming the person, the rows it covers)
    'meeting_one_per_citizen': ('citizen_id', 'citizen_id IS NOT NULL'),
    'meeting_one_per_fiscal_code': (
        'fiscal_code',
        'citizen_id IS NULL AND fiscal_code IS NOT NULL',
    ),
}
SETTLE = """
UPDATE meeting AS later
   SET status = CASE WHEN later.status = 'DRAFT' THEN 'EXPIRED' ELSE 'CANCELLED' END,
       outcome_note = CASE WHEN later.status = 'DRAFT' THEN later.outcome_note
           ELSE 'Annullato: la stessa persona aveva già un appuntamento a quell''ora.' END,
       updated_at = now()
  FROM meeting AS earlier
 WHERE later.calendar_id = earlier.calendar_id
   AND later.{column} = earlier.{column}
   AND later.during && earlier.during
   AND (earlier.created_at, earlier.id) < (later.created_at, later.id)
   AND later.status IN ('DRAFT', 'PENDING', 'APPROVED')
   AND earlier.status IN ('DRAFT', 'PENDING', 'APPROVED')
   AND {covered}
"""


def upgrade() -> None:
    settle_by_account = 'later.citizen_id IS NOT NULL'
    settle_by_code = 'later.citizen_id IS NULL AND earlier.citizen_id IS NULL'
    op.execute(SETTLE.format(column='citizen_id', covered=settle_by_account))
    op.execute(SETTLE.format(column='fiscal_code', covered=settle_by_code))
    for name, (column, covered) in PERSONS.items():
        op.create_exclude_constraint(
            name,
            'meeting',
            (sa.column('calendar_id'), '='),
            (sa.column(column), '='),
            (sa.column('during'), '&&'),
            where=sa.text(f'{OCCUPYING} AND {covered}'),
            using='gist',
        )


def downgrade() -> None:
    for name in PERSONS:
        op.drop_constraint(name, 'meeting')
