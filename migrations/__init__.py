"""Alembic migrations: the only way the PostgreSQL schema changes."""
