"""Logging to a private file in the data folder: tracebacks go here, never to the user."""

from __future__ import annotations

import logging
import os
from pathlib import Path

LOG_NAME = "caseload_companion"


def setup_logging(data_dir: Path) -> Path | None:
    """Log to `logs/app.log` (rotated, owner-only); return its path, or None if unwritable."""
    import logging.handlers  # ~8 ms, so only once there is a folder to log into

    logger = logging.getLogger(LOG_NAME)
    if logger.handlers:
        return None
    logger.setLevel(logging.INFO)
    quiet_handler = _quiet_handler_class()
    try:
        log_dir = data_dir / "logs"
        log_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        path = log_dir / "app.log"
        # a path in a record need not be UTF-8 (a folder named in Latin-1): escaped, not dropped
        handler = quiet_handler(path, maxBytes=512_000, backupCount=2, encoding="utf-8",
                                errors="backslashreplace")
        if os.name == "posix":
            path.touch(exist_ok=True)
            os.chmod(path, 0o600)
    except OSError:
        logger.addHandler(logging.NullHandler())
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger.addHandler(handler)
    return path


def log_to_file_now(data_dir: Path | None) -> None:
    """Set up the log file on demand, if nothing has yet: the window sets it up only once its
    first frame is painted (`logging.handlers` costs ~8 ms), so an error before then would
    otherwise be told to look in a log that holds nothing."""
    if data_dir is None or logging.getLogger(LOG_NAME).handlers:
        return
    from core.store.paths import not_a_folder_problem

    if not_a_folder_problem(Path(data_dir)) is None:  # a file has no logs folder to hold a log
        setup_logging(Path(data_dir))


def _quiet_handler_class():
    import logging.handlers

    class QuietFileHandler(logging.handlers.RotatingFileHandler):
        """A log line that cannot be written (a full disk) is dropped without a word: Python's
        default prints "--- Logging error ---" and a traceback to the terminal."""

        def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 (logging's name)
            pass

    return QuietFileHandler


def get_logger(name: str = "") -> logging.Logger:
    return logging.getLogger(f"{LOG_NAME}.{name}" if name else LOG_NAME)
