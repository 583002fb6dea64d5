"""Settings: production refuses to start on guesses; development fills the gaps itself."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from server.settings import Settings, SettingsError

SETTING_NAMES = (
    "DATABASE_URL",
    "MONGODB_URL",
    "REDIS_URL",
    "SPORTELLO_SECRET_KEY",
    "SPORTELLO_ENV",
    "SPORTELLO_DATA_DIR",
    "SPORTELLO_ALLOWED_ORIGINS",
    "SPORTELLO_MAX_QUERY_COST_ANONYMOUS",
    "SPORTELLO_MAX_QUERY_COST_CITIZEN",
    "SPORTELLO_MAX_QUERY_COST_STAFF",
    "SPORTELLO_MAX_QUERY_COST_ADMIN",
    "SPORTELLO_MAX_OPEN_HOLDS",
)


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Only what a test sets counts: no inherited variables, no `.env` of the checkout."""
    for name in SETTING_NAMES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)


def test_production_without_store_urls_or_secret_is_a_clear_error() -> None:
    settings = Settings(SPORTELLO_ENV="production")
    with pytest.raises(SettingsError) as raised:
        settings.check_production()
    message = str(raised.value)
    for name in ("DATABASE_URL", "MONGODB_URL", "REDIS_URL", "SPORTELLO_SECRET_KEY"):
        assert name in message


def test_production_refuses_a_short_secret() -> None:
    settings = Settings(
        SPORTELLO_ENV="production",
        DATABASE_URL="postgresql://db/sportello",
        MONGODB_URL="mongodb://mongo",
        REDIS_URL="redis://redis",
        SPORTELLO_SECRET_KEY="short",
    )
    with pytest.raises(SettingsError, match="at least 32"):
        settings.check_production()


def test_development_generates_the_secret_once_into_the_data_dir(tmp_path: Path) -> None:
    first = Settings(SPORTELLO_DATA_DIR=tmp_path).signing_key
    second = Settings(SPORTELLO_DATA_DIR=tmp_path).signing_key
    assert first == second
    assert len(first) >= 48
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0


def test_lists_are_read_from_comma_separated_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SPORTELLO_ALLOWED_ORIGINS", "https://www.comune.bugliano.it, https://app.x")
    assert Settings().allowed_origins == ["https://www.comune.bugliano.it", "https://app.x"]


def test_query_cost_budgets_are_read_per_role(monkeypatch: pytest.MonkeyPatch) -> None:
    defaults = Settings().query_cost_budgets
    monkeypatch.setenv("SPORTELLO_MAX_QUERY_COST_STAFF", "50000")
    budgets = Settings().query_cost_budgets
    assert budgets.staff == 50_000
    assert (budgets.anonymous, budgets.citizen, budgets.admin) == (
        defaults.anonymous,
        defaults.citizen,
        defaults.admin,
    )


def test_a_query_cost_budget_below_one_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SPORTELLO_MAX_QUERY_COST_ANONYMOUS", "0")
    with pytest.raises(ValidationError, match="SPORTELLO_MAX_QUERY_COST_ANONYMOUS"):
        Settings()


def test_open_holds_per_person_and_calendar_are_two_unless_set(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert Settings().max_open_holds == 2
    monkeypatch.setenv("SPORTELLO_MAX_OPEN_HOLDS", "5")
    assert Settings().max_open_holds == 5
    for refused in ("0", "51"):
        monkeypatch.setenv("SPORTELLO_MAX_OPEN_HOLDS", refused)
        with pytest.raises(ValidationError, match="SPORTELLO_MAX_OPEN_HOLDS"):
            Settings()
