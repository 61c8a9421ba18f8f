"""docker-compose.yml, read as Compose reads it (this machine has no Docker daemon to run it)."""
import re
from pathlib import Path

import pytest
import yaml

COMPOSE = Path(__file__).resolve().parents[1] / "docker-compose.yml"


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))


def test_the_file_has_the_four_services_sharing_one_app_environment(compose):
    assert set(compose["services"]) == {"db", "redis", "web", "worker"}
    assert compose["services"]["web"]["environment"] is compose["services"]["worker"]["environment"]
    assert compose["services"]["web"]["environment"]["DJANGO_SETTINGS_MODULE"] == "config.settings.prod"


def test_there_is_no_fallback_secret_key_compose_refuses_to_start_without_one(compose):
    secret = compose["services"]["web"]["environment"]["SECRET_KEY"]
    # ${VAR:?message} makes `docker compose up` stop with the message when VAR is unset or empty.
    assert re.fullmatch(r"\$\{SECRET_KEY:\?[^}]+\}", secret), secret


def test_the_demo_loads_only_when_asked(compose):
    web = compose["services"]["web"]
    assert web["environment"]["LOAD_DEMO"] == "${LOAD_DEMO:-0}"
    assert "$${LOAD_DEMO:-0} = 1" in web["command"] and "load_demo" in web["command"]


def test_the_worker_runs_celery_beat_for_the_deadline_reminders(compose):
    from config.celery import app

    assert " -B " in f" {compose['services']['worker']['command']} "
    assert app.conf.beat_schedule["deadline-reminders"]["task"] == "resolutions.filing.record.tasks.send_deadline_reminders"
    assert "resolutions.filing.record.tasks.send_deadline_reminders" in app.tasks
