"""Row-level security for the migrations: the two roles the application acts as, their
privileges, and the policies that keep each municipality's rows to itself.

Migration 0006 applies them to every table it found. A later migration that adds a table of
tenant data calls `tenant_table()` for it (the table has `tenant_id`) or `child_table()` (its
rows belong to the tenant of a parent row, as a link table's do); tests/test_row_security.py
fails on a table that has neither. These functions are part of migrations already applied:
change what they write only by adding new ones.
"""

from __future__ import annotations

from dataclasses import dataclass

APP_ROLE = "sportello_app"
"""What every request's transaction runs as: no superuser, no BYPASSRLS, owns nothing, and
sees the rows of the tenant its transaction names (`TENANT_SETTING`) and nothing else."""
PLATFORM_ROLE = "sportello_platform"
"""What the explicitly cross-tenant work runs as (the worker's jobs, seeding, the CLI, finding
the tenant of a request): no superuser, no BYPASSRLS, but a policy on every table lets it see
every tenant's rows."""
TENANT_SETTING = "sportello.tenant_id"
"""The transaction's tenant, set with `SET LOCAL` by the application's session factory."""

CURRENT_TENANT = f"nullif(current_setting('{TENANT_SETTING}', true), '')::uuid"
"""The tenant of the transaction; NULL, so that no row matches, when none is set. A setting
once set on a connection reads as '' (not NULL) after its transaction: hence the nullif."""

SCHEMAS = ("public", "job_queue")
"""The application's tables (the models') and pgqueuer's queue, which requests write to."""

TENANT_POLICY = "tenant_rows"
CROSS_TENANT_POLICY = "cross_tenant"


@dataclass(frozen=True)
class Parent:
    """A row's owner through a reference: `column` holds the id of a row of `table`."""

    column: str
    table: str

    def of_current_tenant(self, child: str) -> str:
        return (
            f'EXISTS (SELECT FROM "{self.table}" AS parent WHERE parent.id = "{child}".'
            f"{self.column} AND parent.tenant_id = {CURRENT_TENANT})"
        )


def create_roles() -> list[str]:
    """Both roles, unless they exist (roles belong to the server, not to one database: other
    databases of the server may have created them already)."""
    statements = []
    for role in (APP_ROLE, PLATFORM_ROLE):
        statements.append(
            "DO $$ BEGIN"
            f" IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{role}') THEN"
            f" CREATE ROLE {role} NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;"
            " END IF;"
            " EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;"  # a race
            " END $$"
        )
    # The login role of DATABASE_URL switches to them (SET ROLE): a superuser may anyway;
    # another login role needs membership, which a role with CREATEROLE can give itself.
    statements.append(
        "DO $$ BEGIN"
        " IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN"
        f" EXECUTE format('GRANT {APP_ROLE}, {PLATFORM_ROLE} TO %I', current_user);"
        " END IF;"
        " EXCEPTION WHEN insufficient_privilege OR invalid_grant_operation THEN"
        f" RAISE WARNING 'grant {APP_ROLE} and {PLATFORM_ROLE} to %, who must SET ROLE to them',"
        " current_user;"
        " END $$"
    )
    return statements


def grant_privileges() -> list[str]:
    """Reading and writing rows, in these schemas, now and in tables created later by the same
    migrating role; never DDL, TRUNCATE or ownership. Which rows: the policies say."""
    roles = f"{APP_ROLE}, {PLATFORM_ROLE}"
    statements = []
    for schema in SCHEMAS:
        statements += [
            f"GRANT USAGE ON SCHEMA {schema} TO {roles}",
            f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {schema} TO {roles}",
            f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {schema} TO {roles}",
            f"ALTER DEFAULT PRIVILEGES IN SCHEMA {schema}"
            f" GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {roles}",
            f"ALTER DEFAULT PRIVILEGES IN SCHEMA {schema}"
            f" GRANT USAGE, SELECT ON SEQUENCES TO {roles}",
        ]
    return [
        *statements,
        # The schema's revision is the migrations' own; a request reads it at most.
        f"REVOKE INSERT, UPDATE, DELETE ON alembic_version FROM {roles}",
        # Municipalities are created (and removed) by the platform, never by a request.
        f"REVOKE INSERT, DELETE ON tenant FROM {APP_ROLE}",
    ]


def revoke_privileges() -> list[str]:
    roles = f"{APP_ROLE}, {PLATFORM_ROLE}"
    statements = []
    for schema in SCHEMAS:
        statements += [
            f"ALTER DEFAULT PRIVILEGES IN SCHEMA {schema}"
            f" REVOKE SELECT, INSERT, UPDATE, DELETE ON TABLES FROM {roles}",
            f"ALTER DEFAULT PRIVILEGES IN SCHEMA {schema}"
            f" REVOKE USAGE, SELECT ON SEQUENCES FROM {roles}",
            f"REVOKE ALL ON ALL TABLES IN SCHEMA {schema} FROM {roles}",
            f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA {schema} FROM {roles}",
            f"REVOKE USAGE ON SCHEMA {schema} FROM {roles}",
        ]
    return statements


def drop_roles() -> list[str]:
    """The roles, unless another database of the server still uses them."""
    return [
        "DO $$ BEGIN"
        f" DROP ROLE IF EXISTS {role};"
        " EXCEPTION WHEN dependent_objects_still_exist THEN NULL;"
        " END $$"
        for role in (PLATFORM_ROLE, APP_ROLE)
    ]


def cross_tenant_policy(table: str) -> str:
    return (
        f'CREATE POLICY {CROSS_TENANT_POLICY} ON "{table}" TO {PLATFORM_ROLE}'
        " USING (true) WITH CHECK (true)"
    )


def policies(table: str, seen: str, written: str | None = None) -> list[str]:
    """Row-level security on `table`: the application role sees the rows for which `seen`
    holds and writes those for which `written` (by default `seen`) holds; the platform role
    sees and writes every row."""
    return [
        f'ALTER TABLE "{table}" ENABLE ROW LEVEL SECURITY',
        f'CREATE POLICY {TENANT_POLICY} ON "{table}" TO {APP_ROLE}'
        f" USING ({seen}) WITH CHECK ({written or seen})",
        cross_tenant_policy(table),
    ]


def tenant_table(table: str, *, column: str = "tenant_id") -> list[str]:
    """A table whose rows carry their tenant in `column`: the application role reads and
    writes the rows of the transaction's tenant only."""
    return policies(table, f"{column} = {CURRENT_TENANT}")


def child_table(table: str, read_through: Parent, *also_checked: Parent) -> list[str]:
    """A table without `tenant_id` whose rows belong to the tenant of their parent rows (a
    link table): the application role sees a row whose `read_through` parent is of the
    transaction's tenant, and writes one only if every parent named is."""
    parents = (read_through, *also_checked)
    checked = " AND ".join(parent.of_current_tenant(table) for parent in parents)
    return policies(table, read_through.of_current_tenant(table), checked)


def disable(table: str, *extra_policies: str) -> list[str]:
    """Undo `tenant_table` or `child_table` (and the named extra policies) for `table`."""
    return [
        *(
            f'DROP POLICY IF EXISTS {policy} ON "{table}"'
            for policy in (TENANT_POLICY, CROSS_TENANT_POLICY, *extra_policies)
        ),
        f'ALTER TABLE "{table}" DISABLE ROW LEVEL SECURITY',
    ]
