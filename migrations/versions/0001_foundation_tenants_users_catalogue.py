"""foundation: tenants, users, catalogue

Revision ID: 0001
Revises: 
Create Date: 2026-11-29 00:24:56.139608
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op
from sqlalchemy.dialects import postgresql

EXTENSIONS = ("unaccent", "pg_trgm", "btree_gist")

# Generated columns may only call IMMUTABLE functions; unaccent() is STABLE because its
# dictionary could change, so it is wrapped with the dictionary named explicitly.
SEARCH_FUNCTIONS = tuple(statement.strip() for statement in r"""
CREATE FUNCTION sportello_unaccent(text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;

CREATE FUNCTION sportello_json_strings(jsonb) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT coalesce(string_agg(item #>> '{}', ' '), '')
  FROM jsonb_path_query(coalesce($1, '{}'::jsonb), 'strict $.** ? (@.type() == "string")') AS item
$$;

CREATE FUNCTION sportello_search_text(name jsonb, summary jsonb, keywords jsonb, topics jsonb)
RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT lower(sportello_unaccent(concat_ws(' ',
    sportello_json_strings(name), sportello_json_strings(keywords),
    sportello_json_strings(topics), sportello_json_strings(summary))))
$$;

CREATE FUNCTION sportello_search_vector(
  name jsonb, summary jsonb, description jsonb, keywords jsonb, topics jsonb
) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT
    setweight(to_tsvector('italian'::regconfig, sportello_unaccent(concat_ws(' ',
      sportello_json_strings(name), sportello_json_strings(keywords)))), 'A')
    || setweight(to_tsvector('italian'::regconfig, sportello_unaccent(concat_ws(' ',
      sportello_json_strings(topics), sportello_json_strings(summary)))), 'B')
    || setweight(to_tsvector('italian'::regconfig,
      sportello_unaccent(sportello_json_strings(description))), 'C')
$$
""".split(";\n\n"))

DROP_SEARCH_FUNCTIONS = (
    "DROP FUNCTION sportello_search_vector(jsonb, jsonb, jsonb, jsonb, jsonb)",
    "DROP FUNCTION sportello_search_text(jsonb, jsonb, jsonb, jsonb)",
    "DROP FUNCTION sportello_json_strings(jsonb)",
    "DROP FUNCTION sportello_unaccent(text)",
)

revision: str = '0001'
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    for extension in EXTENSIONS:
        op.execute(f"CREATE EXTENSION IF NOT EXISTS {extension}")
    for statement in SEARCH_FUNCTIONS:
        op.execute(statement)
    op.create_table('tenant',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('slug', sqlmodel.sql.sqltypes.AutoString(length=63), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('istat_code', sqlmodel.sql.sqltypes.AutoString(length=6), nullable=False),
    sa.Column('fiscal_code', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('aoo_code', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
    sa.Column('site_url', sqlmodel.sql.sqltypes.AutoString(length=500), nullable=True),
    sa.Column('default_language', sqlmodel.sql.sqltypes.AutoString(length=2), nullable=False),
    sa.Column('languages', postgresql.ARRAY(sa.String(length=2)), nullable=False),
    sa.Column('theme', postgresql.JSONB(astext_type=sa.Text()), server_default=sa.text("'{}'::jsonb"), nullable=False),
    sa.Column('contacts', postgresql.JSONB(astext_type=sa.Text()), server_default=sa.text("'{}'::jsonb"), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('istat_code')
    )
    op.create_index(op.f('ix_tenant_slug'), 'tenant', ['slug'], unique=True)
    op.create_table('category',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('tenant_id', sa.Uuid(), nullable=False),
    sa.Column('slug', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
    sa.Column('name', postgresql.JSONB(astext_type=sa.Text()), server_default=sa.text("'{}'::jsonb"), nullable=False),
    sa.Column('description', postgresql.JSONB(astext_type=sa.Text()), server_default=sa.text("'{}'::jsonb"), nullable=False),
    sa.Column('parent_id', sa.Uuid(), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.ForeignKeyConstraint(['parent_id'], ['category.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('tenant_id', 'slug')
    )
    op.create_index(op.f('ix_category_parent_id'), 'category', ['parent_id'], unique=False)
    op.create_index(op.f('ix_category_tenant_id'), 'category', ['tenant_id'], unique=False)
    op.create_table('office',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('tenant_id', sa.Uuid(), nullable=False),
    sa.Column('slug', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
    sa.Column('name', postgresql.JSONB(astext_type=sa.Text()), server_default=sa.text("'{}'::jsonb"), nullable=False),
    sa.Column('address', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=True),
    sa.Column('contacts', postgresql.JSONB(astext_type=sa.Text()), server_default=sa.text("'{}'::jsonb"), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('tenant_id', 'slug')
    )
    op.create_index(op.f('ix_office_tenant_id'), 'office', ['tenant_id'], unique=False)
    op.create_table('service_group',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('tenant_id', sa.Uuid(), nullable=False),
    sa.Column('slug', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
    sa.Column('name', postgresql.JSONB(astext_type=sa.Text()), server_default=sa.text("'{}'::jsonb"), nullable=False),
    sa.Column('description', postgresql.JSONB(astext_type=sa.Text()), server_default=sa.text("'{}'::jsonb"), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('tenant_id', 'slug')
    )
    op.create_index(op.f('ix_service_group_tenant_id'), 'service_group', ['tenant_id'], unique=False)
    op.create_table('user',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('tenant_id', sa.Uuid(), nullable=True),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('roles', postgresql.ARRAY(sa.String(length=32)), nullable=False),
    sa.Column('username', sqlmodel.sql.sqltypes.AutoString(length=150), nullable=True),
    sa.Column('password_hash', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True),
    sa.Column('fiscal_code', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=True),
    sa.Column('given_name', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
    sa.Column('family_name', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
    sa.Column('gender', sqlmodel.sql.sqltypes.AutoString(length=1), nullable=True),
    sa.Column('birth_date', sa.Date(), nullable=True),
    sa.Column('birth_place', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=True),
    sa.Column('email', sqlmodel.sql.sqltypes.AutoString(length=254), nullable=True),
    sa.Column('phone', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=True),
    sa.Column('identity_provider', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('spid_level', sa.Integer(), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('tenant_id', 'fiscal_code'),
    sa.UniqueConstraint('tenant_id', 'username', postgresql_nulls_not_distinct=True)
    )
    op.create_index(op.f('ix_user_tenant_id'), 'user', ['tenant_id'], unique=False)
    op.create_table('operator_office',
    sa.Column('user_id', sa.Uuid(), nullable=False),
    sa.Column('office_id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['office_id'], ['office.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('user_id', 'office_id')
    )
    op.create_index(op.f('ix_operator_office_office_id'), 'operator_office', ['office_id'], unique=False)
    op.create_table('service',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('tenant_id', sa.Uuid(), nullable=False),
    sa.Column('slug', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
    sa.Column('name', postgresql.JSONB(astext_type=sa.Text()), server_default=sa.text("'{}'::jsonb"), nullable=False),
    sa.Column('short_description', postgresql.JSONB(astext_type=sa.Text()), server_default=sa.text("'{}'::jsonb"), nullable=False),
    sa.Column('description', postgresql.JSONB(astext_type=sa.Text()), server_default=sa.text("'{}'::jsonb"), nullable=False),
    sa.Column('how_to', postgresql.JSONB(astext_type=sa.Text()), server_default=sa.text("'{}'::jsonb"), nullable=False),
    sa.Column('requirements', postgresql.JSONB(astext_type=sa.Text()), server_default=sa.text("'{}'::jsonb"), nullable=False),
    sa.Column('costs', postgresql.JSONB(astext_type=sa.Text()), server_default=sa.text("'{}'::jsonb"), nullable=False),
    sa.Column('outcome', postgresql.JSONB(astext_type=sa.Text()), server_default=sa.text("'{}'::jsonb"), nullable=False),
    sa.Column('legal_basis', postgresql.JSONB(astext_type=sa.Text()), server_default=sa.text("'{}'::jsonb"), nullable=False),
    sa.Column('status', sa.Enum('CANCELLED', 'AVAILABLE', 'SUSPENDED', 'PRIVATE', 'SCHEDULED', name='servicestatus', native_enum=False, length=16), nullable=False),
    sa.Column('access_level', sa.Enum('ANONYMOUS', 'SOCIAL', 'SPID_L1', 'SPID_L2', 'CIE', name='serviceaccesslevel', native_enum=False, length=16), nullable=False),
    sa.Column('category_id', sa.Uuid(), nullable=True),
    sa.Column('group_id', sa.Uuid(), nullable=True),
    sa.Column('form_id', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
    sa.Column('payment_required', sa.Boolean(), nullable=False),
    sa.Column('booking_required', sa.Boolean(), nullable=False),
    sa.Column('max_response_days', sa.Integer(), nullable=True),
    sa.Column('publish_from', sa.DateTime(timezone=True), nullable=True),
    sa.Column('publish_until', sa.DateTime(timezone=True), nullable=True),
    sa.Column('topics', postgresql.JSONB(astext_type=sa.Text()), server_default=sa.text("'[]'::jsonb"), nullable=False),
    sa.Column('keywords', postgresql.JSONB(astext_type=sa.Text()), server_default=sa.text("'[]'::jsonb"), nullable=False),
    sa.Column('search_text', sa.Text(), sa.Computed('sportello_search_text(name, short_description, keywords, topics)', persisted=True), nullable=True),
    sa.Column('search_vector', postgresql.TSVECTOR(), sa.Computed('sportello_search_vector(name, short_description, description, keywords, topics)', persisted=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.ForeignKeyConstraint(['category_id'], ['category.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['group_id'], ['service_group.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('tenant_id', 'slug')
    )
    op.create_index(op.f('ix_service_category_id'), 'service', ['category_id'], unique=False)
    op.create_index(op.f('ix_service_group_id'), 'service', ['group_id'], unique=False)
    op.create_index('ix_service_search_text_trgm', 'service', ['search_text'], unique=False, postgresql_using='gin', postgresql_ops={'search_text': 'gin_trgm_ops'})
    op.create_index('ix_service_search_vector', 'service', ['search_vector'], unique=False, postgresql_using='gin')
    op.create_index(op.f('ix_service_tenant_id'), 'service', ['tenant_id'], unique=False)
    op.create_index('ix_service_tenant_status', 'service', ['tenant_id', 'status'], unique=False)
    op.create_table('service_office',
    sa.Column('service_id', sa.Uuid(), nullable=False),
    sa.Column('office_id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['office_id'], ['office.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['service_id'], ['service.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('service_id', 'office_id')
    )
    op.create_index(op.f('ix_service_office_office_id'), 'service_office', ['office_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_service_office_office_id'), table_name='service_office')
    op.drop_table('service_office')
    op.drop_index('ix_service_tenant_status', table_name='service')
    op.drop_index(op.f('ix_service_tenant_id'), table_name='service')
    op.drop_index('ix_service_search_vector', table_name='service', postgresql_using='gin')
    op.drop_index('ix_service_search_text_trgm', table_name='service', postgresql_using='gin', postgresql_ops={'search_text': 'gin_trgm_ops'})
    op.drop_index(op.f('ix_service_group_id'), table_name='service')
    op.drop_index(op.f('ix_service_category_id'), table_name='service')
    op.drop_table('service')
    op.drop_index(op.f('ix_operator_office_office_id'), table_name='operator_office')
    op.drop_table('operator_office')
    op.drop_index(op.f('ix_user_tenant_id'), table_name='user')
    op.drop_table('user')
    op.drop_index(op.f('ix_service_group_tenant_id'), table_name='service_group')
    op.drop_table('service_group')
    op.drop_index(op.f('ix_office_tenant_id'), table_name='office')
    op.drop_table('office')
    op.drop_index(op.f('ix_category_tenant_id'), table_name='category')
    op.drop_index(op.f('ix_category_parent_id'), table_name='category')
    op.drop_table('category')
    op.drop_index(op.f('ix_tenant_slug'), table_name='tenant')
    op.drop_table('tenant')
    for statement in DROP_SEARCH_FUNCTIONS:
        op.execute(statement)
