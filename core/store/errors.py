"""What can go wrong with the data file, phrased for the practitioner: the exceptions the store
raises and the hint that goes with a damaged file.

The lowest piece of `core.store`: the file checks (file_identity, disk_space) and the database
module all raise these, so they live apart from all of them.
"""

from __future__ import annotations


class StorageError(Exception):
    """A problem with the data file, phrased for the practitioner."""


class NewerDatabaseError(StorageError):
    """The file was written by a newer version of the app; it is left untouched."""


class DamagedDatabaseError(StorageError):
    """The file is damaged or is not a database; it is left untouched."""


class ForeignDatabaseError(DamagedDatabaseError):
    """The file is another program's SQLite database; it is left untouched."""


class DiskFullError(StorageError):
    """No space left to write; nothing was changed (core.store.disk_space)."""


class PassphraseRequiredError(StorageError):
    """The file is encrypted: ask for the passphrase and call open_database again with it."""


class WrongPassphraseError(StorageError):
    """The passphrase given does not open the file; nothing was changed."""


RECOVERY_HINT = (
    "Restore a backup with `restore FILE` (your backups are in the backups folder beside it), "
    "or move the file aside and start fresh; the app shows both choices when it starts."
)


class UnfinishedError(StorageError):
    """An operation failed after part of it was done and could not be taken back; its journal
    stays and the next start finishes it (the message says so)."""
