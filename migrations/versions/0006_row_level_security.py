"""row level security: tenants apart in the database too

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-08 09:00:00.000000

Two roles without BYPASSRLS, owning nothing: `sportello_app`, which every request's transaction
acts as and which sees the rows of the tenant that transaction names (`SET LOCAL
sportello.tenant_id`) and nothing else, and `sportello_platform`, for the work that is
cross-tenant by nature (the worker's jobs, seeding, the CLI, finding a request's tenant).
The tables stay owned by the role that migrates; as owner, without FORCE ROW LEVEL SECURITY,
it is not bound by the policies, so migrations see and change every row. See
docs/security.md, "Tenants apart in the database".
"""

from collections.abc import Sequence

from alembic import op

from migrations.row_security import (
    APP_ROLE,
    CURRENT_TENANT,
    Parent,
    child_table,
    create_roles,
    cross_tenant_policy,
    disable,
    drop_roles,
    grant_privileges,
    revoke_privileges,
    tenant_table,
)

revision: str = '0006'
down_revision: str | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TENANT_TABLES = (
    'calendar',
    'category',
    'closure',
    'event',
    'idempotency_key',
    'meeting',
    'message',
    'office',
    'opening_hour',
    'practice',
    'practice_counter',
    'practice_status_change',
    'resource',
    'resource_booking',
    'service',
    'service_group',
    'stored_file',
    'user',
)

# Link tables: read through the first parent, written only between parents of one tenant.
CHILD_TABLES = {
    'service_office': (Parent('service_id', 'service'), Parent('office_id', 'office')),
    'operator_office': (Parent('office_id', 'office'), Parent('user_id', 'user')),
    'service_calendar': (Parent('service_id', 'service'), Parent('calendar_id', 'calendar')),
}

PLATFORM_ADMINS = 'platform_admins'


def upgrade() -> None:
    statements = [*create_roles(), *grant_privileges()]
    for table in TENANT_TABLES:
        statements += tenant_table(table)
    for table, parents in CHILD_TABLES.items():
        statements += child_table(table, *parents)
    statements += [
        # Platform admins belong to no tenant (tenant_id is NULL) and log in at any: each
        # tenant reads them (login, authors of history), none writes them.
        f'CREATE POLICY {PLATFORM_ADMINS} ON "user" FOR SELECT TO {APP_ROLE}'
        ' USING (tenant_id IS NULL)',
        # The municipality itself: a request reads and updates its own row only.
        'ALTER TABLE tenant ENABLE ROW LEVEL SECURITY',
        f'CREATE POLICY tenant_rows ON tenant TO {APP_ROLE}'
        f' USING (id = {CURRENT_TENANT}) WITH CHECK (id = {CURRENT_TENANT})',
        cross_tenant_policy('tenant'),
    ]
    for statement in statements:
        op.execute(statement)


def downgrade() -> None:
    statements = disable('tenant') + disable('user', PLATFORM_ADMINS)
    for table in (*CHILD_TABLES, *TENANT_TABLES):
        if table != 'user':
            statements += disable(table)
    statements += revoke_privileges() + drop_roles()
    for statement in statements:
        op.execute(statement)
