"""Running one subcommand: input errors exit 2 with one line, storage problems exit 1, and no
traceback ever reaches the terminal."""

from __future__ import annotations

import argparse
import sys

from core.common.terminal import say as _say
from core.common.terminal import shown_not_obeyed as _shown_not_obeyed
from core.store.applog import get_logger, setup_logging


def run_command(args: argparse.Namespace) -> int:
    """Run one subcommand; input errors exit 2 with one line, storage problems exit 1."""
    import sqlite3

    from cli.common import EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK, CommandError, make_context
    from cli.common import one_line, require_data, undo_if_it_fails
    from core.store.database import StorageError
    from core.common.errors import ValidationError
    from core.store.transactions import BUSY_MESSAGE, DataBusyError, is_busy
    from core.common.clock import ClockError

    ctx = make_context(args)
    try:
        require_data(args, ctx)  # before anything (even the log) is written into the folder
        undo, succeeded = undo_if_it_fails(args, ctx), False  # bad input leaves no new folder
        if ctx.db_path.exists() or getattr(args, "creates_data", False):
            setup_logging(ctx.data_dir)  # never makes a folder for `method` or `selfcheck`
    except CommandError as exc:
        _say(exc)
        return exc.code
    except OSError as exc:  # another user's folder, say: one line, never a traceback
        _say(f"The data folder {ctx.data_dir} cannot be used ({exc.strerror or exc}); choose "
             "a folder of your own with --data-dir. Nothing was changed.")
        return EXIT_FAILED
    try:
        with _shown_not_obeyed():
            code = int(args.func(args, ctx) or 0)
        succeeded = code == EXIT_OK
        if succeeded and ctx.opened is not None:  # the next start's words, if it had words
            from core.workload.words_after_command import keep_words_after_command

            keep_words_after_command(ctx.opened, ctx.data_dir)
        return code
    except ValidationError as exc:
        _say(one_line(exc.problems))
        return EXIT_BAD_INPUT
    except CommandError as exc:
        _say(exc)
        return exc.code
    except (StorageError, ClockError) as exc:
        _say(exc)
        return EXIT_FAILED
    except (DataBusyError, sqlite3.OperationalError) as exc:
        if not is_busy(exc):  # any other OperationalError (a full disk, say): said in one line
            get_logger("cli").exception("command failed")
            _say(_failure_message(exc, ctx.data_dir))
            return EXIT_FAILED
        said = str(exc) if isinstance(exc, DataBusyError) else BUSY_MESSAGE
        _say(said)  # another process kept the write lock
        return EXIT_FAILED
    except BrokenPipeError:  # output piped into `head` and closed early: not an error
        sys.stderr.close()
        return EXIT_OK
    except Exception as exc:  # noqa: BLE001 - no traceback ever reaches the user
        get_logger("cli").exception("command failed")
        if getattr(undo, "removes_log", False):  # a new folder is taken back, its log with it
            _say(f"something went wrong ({type(exc).__name__}); nothing was saved.")
        else:
            _say(_failure_message(exc, ctx.data_dir))
        return EXIT_FAILED
    finally:
        ctx.close()
        if not succeeded:
            undo()


def _failure_message(exc: Exception, data_dir) -> str:  # type: ignore[no-untyped-def]
    """One line for a command that failed: a full disk and a read-only folder say so."""
    from core.store.disk_space import storage_failure

    said = storage_failure(exc, data_dir)
    if said:
        return said
    if isinstance(exc, OSError):
        return f"{exc.strerror or exc}: {exc.filename or ''}".rstrip(": ")
    return "something went wrong; the details are in the log file."
