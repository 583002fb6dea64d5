"""job queue: pgqueuer's tables in their own schema

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02 10:00:00.000000

The objects are pgqueuer's own install statements (its `QueryBuilderEnvironment`), in the
schema `job_queue`, so that they stay apart from the models' tables (the autogenerate
comparison looks at the default schema only). A pgqueuer release that changes its schema
comes with a migration of its own (pgqueuer's upgrade statements).
"""

from collections.abc import Sequence

from alembic import op
from pgqueuer.adapters.persistence.qb import DBSettings, Durability, QueryBuilderEnvironment

revision: str = '0003'
down_revision: str | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SCHEMA = "job_queue"

# The names as resolvers/jobs.py uses them; spelled out so that no PGQUEUER_* variable of
# the environment changes what this migration creates.
QUEUE = DBSettings(
    prefix="",
    db_schema=SCHEMA,
    channel="ch_pgqueuer",
    function="fn_pgqueuer_changed",
    statistics_table="pgqueuer_statistics",
    queue_status_type="pgqueuer_status",
    queue_table="pgqueuer",
    queue_table_log="pgqueuer_log",
    trigger="tg_pgqueuer_changed",
    schedules_table="pgqueuer_schedules",
    durability=Durability.durable,
)


def upgrade() -> None:
    # This statement goes through SQLAlchemy, which opens the migration's transaction on
    # the connection; the install script (several statements, which a prepared statement
    # cannot hold) then runs on the same asyncpg connection, inside that transaction.
    op.execute(f"CREATE SCHEMA {SCHEMA}")
    install = QueryBuilderEnvironment(QUEUE).build_install_query(create_schema=False)
    op.get_bind().connection.dbapi_connection.run_async(lambda raw: raw.execute(install))


def downgrade() -> None:
    # The schema holds nothing but the queue: its tables, type, function and trigger.
    op.execute(f"DROP SCHEMA {SCHEMA} CASCADE")
