"""Configuration read from the environment: safe defaults, loud failures."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent


def load_settings(**environment):
    """Import the real settings in a fresh interpreter with exactly this environment."""
    env = {"PATH": os.environ["PATH"], "DJANGO_ENV_FILE": os.devnull, **environment}
    code = "import comparesite.settings as s; print(s.DEBUG, s.ALLOWED_HOSTS, s.DATABASES['default']['ENGINE'])"
    return subprocess.run(  # noqa: S603 (our own interpreter and code)
        [sys.executable, "-c", code], cwd=PROJECT, env=env, capture_output=True, text=True, check=False
    )


def test_debug_is_off_and_a_secret_key_is_required_by_default():
    result = load_settings()

    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_production_settings_start_with_a_secret_key():
    result = load_settings(DJANGO_SECRET_KEY="x" * 50, DJANGO_ALLOWED_HOSTS="compare.example, www.compare.example")

    assert result.returncode == 0, result.stderr
    assert result.stdout.split(" ", 1)[0] == "False"
    assert "['compare.example', 'www.compare.example']" in result.stdout


def test_debug_mode_runs_without_a_secret_key_on_sqlite():
    result = load_settings(DJANGO_DEBUG="1")

    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("True")
    assert "sqlite3" in result.stdout


def test_database_url_selects_postgresql():
    result = load_settings(DJANGO_DEBUG="1", DATABASE_URL="postgres://postgres@127.0.0.1:5432/comparesite")

    assert result.returncode == 0, result.stderr
    assert "postgresql" in result.stdout


@pytest.mark.parametrize("value", ["maybe", "2"])
def test_a_malformed_boolean_is_refused_by_name(value):
    result = load_settings(DJANGO_DEBUG=value)

    assert result.returncode != 0
    assert "DJANGO_DEBUG must be a boolean" in result.stderr


def test_a_dotenv_file_is_read_but_real_environment_variables_win(tmp_path):
    env_file = tmp_path / ".env"
    env_file.write_text("DJANGO_DEBUG=1\nDJANGO_ALLOWED_HOSTS=from-file.example\n")

    result = load_settings(DJANGO_ENV_FILE=str(env_file), DJANGO_ALLOWED_HOSTS="from-env.example")

    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("True ['from-env.example']")


def test_empty_values_mean_the_defaults_not_the_current_folder():
    code = "import comparesite.settings as s; print(s.MEDIA_ROOT, s.STATIC_ROOT, s.DATABASES['default']['ENGINE'])"
    env = {
        "PATH": os.environ["PATH"],
        "DJANGO_ENV_FILE": os.devnull,
        "DJANGO_DEBUG": "1",
        "DJANGO_MEDIA_ROOT": "",
        "DJANGO_STATIC_ROOT": "",
        "DATABASE_URL": "",
    }
    result = subprocess.run(  # noqa: S603 (our own interpreter and code)
        [sys.executable, "-c", code], cwd=PROJECT, env=env, capture_output=True, text=True, check=False
    )

    assert result.returncode == 0, result.stderr
    media_root, static_root, engine = result.stdout.split()
    assert media_root == str(PROJECT / "media")
    assert static_root == str(PROJECT / "staticfiles")
    assert engine.endswith("sqlite3")


def database_options(**environment):
    env = {"PATH": os.environ["PATH"], "DJANGO_ENV_FILE": os.devnull, "DJANGO_DEBUG": "1", **environment}
    code = "import comparesite.settings as s; print(s.DATABASES['default'].get('OPTIONS', {}))"
    result = subprocess.run(  # noqa: S603 (our own interpreter and code)
        [sys.executable, "-c", code], cwd=PROJECT, env=env, capture_output=True, text=True, check=True
    )
    return result.stdout.strip()


def test_postgresql_compresses_with_lz4_and_binds_on_the_server_keeping_options_from_the_url():
    options = database_options(DATABASE_URL="postgres://u@db/site?options=-c%20statement_timeout%3D5000")

    assert "'options': '-c statement_timeout=5000 -c default_toast_compression=lz4'" in options
    assert "'server_side_binding': True" in options


def test_the_postgresql_tuning_can_be_turned_back_to_its_defaults():
    options = database_options(
        DATABASE_URL="postgres://u@db/site", DATABASE_TOAST_COMPRESSION="pglz", DATABASE_SERVER_SIDE_BINDING="0"
    )

    assert "'options': '-c default_toast_compression=pglz'" in options
    assert "'server_side_binding': False" in options
