"""Command-line subcommands: thin layers over the same `core` functions the GUI uses.

Each module here has `register(subparsers)`; order is the order shown in `--help`.
"""

from cli import caseload_commands
from cli import storage_commands
from cli import time_commands

COMMAND_MODULES = [caseload_commands]
COMMAND_MODULES.append(storage_commands)
COMMAND_MODULES.append(time_commands)
from cli import estimate_commands  # noqa: E402

COMMAND_MODULES.append(estimate_commands)
from cli import export_commands  # noqa: E402

COMMAND_MODULES.append(export_commands)
from cli import selfcheck_commands  # noqa: E402

COMMAND_MODULES.append(selfcheck_commands)
