"""compose.yaml and the Dockerfile stay consistent with the code (no engine runs them here)."""

from __future__ import annotations

from pathlib import Path

import yaml

from server.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
SETTING_NAMES = {field.alias for field in Settings.model_fields.values() if field.alias}


def compose() -> dict:
    return yaml.safe_load((ROOT / "compose.yaml").read_text())


def test_compose_sets_only_settings_the_app_reads() -> None:
    services = compose()["services"]
    for name in ("app", "migrate", "worker"):
        environment = services[name]["environment"]
        assert set(environment) <= SETTING_NAMES, (name, set(environment) - SETTING_NAMES)
        assert environment["SPORTELLO_ENV"] == "production"
        for url in ("DATABASE_URL", "MONGODB_URL", "REDIS_URL"):
            assert environment[url], (name, url)


def test_compose_runs_the_worker_after_the_migrations() -> None:
    worker = compose()["services"]["worker"]
    assert worker["command"] == ["sportello", "worker"]
    assert "profiles" not in worker  # `docker compose up` starts it
    assert worker["depends_on"]["migrate"] == {"condition": "service_completed_successfully"}


def test_compose_stores_match_the_urls() -> None:
    services = compose()["services"]
    environment = services["app"]["environment"]
    assert "@postgres:5432/" in environment["DATABASE_URL"]
    assert "//mongodb:27017" in environment["MONGODB_URL"]
    assert "//redis:6379" in environment["REDIS_URL"]
    assert {"postgres", "mongodb", "redis"} <= set(services)


def test_dockerfile_runs_the_cli_as_a_non_root_user_with_a_health_check() -> None:
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "USER 10001" in dockerfile
    assert "/healthz" in dockerfile
    assert '"sportello", "serve"' in dockerfile
    for package in ("schema", "resolvers", "models", "auth", "server", "migrations"):
        assert f"COPY {package} {package}" in dockerfile
