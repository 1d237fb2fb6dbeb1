"""Where the practitioner's data lives: one place decides, overridable by flag, env var and tests."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "Caseload Companion"
ORG_NAME = "Caseload Companion"
DATA_DIR_ENV = "CASELOAD_COMPANION_DATA_DIR"
DB_FILENAME = "caseload.db"


def default_data_dir() -> Path:
    """The per-user application data folder (not Documents or Desktop, which may sync)."""
    import platformdirs  # only here: the window frame is painted before any path is looked up

    return Path(platformdirs.user_data_dir(APP_NAME, ORG_NAME, roaming=False))


def empty_data_dir_problem(override: str | None) -> str | None:
    """The one-line reason the data folder asked for is empty (`--data-dir ""`, or the
    environment variable set to nothing or spaces, as a script with an unset variable does);
    None when it is not. An empty value never falls back to the default folder, which holds
    the practitioner's real data (`delete-all --yes` included)."""
    if override is not None:
        if not str(override).strip():
            return ("--data-dir is empty; name the folder for your data, or leave --data-dir "
                    "out to use your usual one. Nothing was changed.")
        return None
    env = os.environ.get(DATA_DIR_ENV)
    if env is not None and not env.strip():
        return (f"{DATA_DIR_ENV} is set but empty; name the folder for your data in it, or "
                "unset it to use your usual one. Nothing was changed.")
    return None


def resolve_data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """`--data-dir` wins, then the environment variable, then the platform default. An empty
    value is refused before this is reached (empty_data_dir_problem)."""
    if override:
        return Path(override).expanduser()
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env).expanduser()
    return default_data_dir()


def not_a_folder_problem(path: Path) -> str | None:
    """The one-line reason `path` cannot be a data folder because it, or a folder above it, is
    a file (a mistyped `--data-dir` naming caseload.db, say); None when it can be."""
    for part in (path, *path.parents):
        if part.exists():
            if part.is_dir():
                return None
            return f"{part} is a file, not a folder; choose a folder for your data with --data-dir."
    return None


def ensure_private_dir(path: Path) -> Path:
    """Create the folder if needed, readable by the owner only (0700 where the OS has modes).
    Raises core.common.errors.ValidationError when the path (or a folder above it) is a file
    (not_a_folder_problem), before anything is made."""
    from core.common.errors import ValidationError
    from core.store.disk_space import tighten_only

    problem = not_a_folder_problem(path)
    if problem:
        raise ValidationError(problem)
    if not path.is_dir():
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
    # Group and other lose access; a folder the practitioner made read-only stays read-only.
    tighten_only(path, 0o700)
    return path


def database_path(data_dir: Path) -> Path:
    return data_dir / DB_FILENAME
