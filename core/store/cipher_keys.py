"""SQLCipher keys derived once per passphrase and file, then given to SQLCipher ready-made.

A passphrase opens an encrypted file through a deliberately slow key derivation (PBKDF2 with
the file's own random salt, 256,000 rounds, about a tenth of a second), which SQLCipher runs
again at every connection: the window, the writer beside it, each backup and each check of a
copy. Here it runs once per (passphrase, salt) in this process: the key is derived exactly as
SQLCipher derives it, with the algorithm and rounds the connection reports, and handed over in
SQLCipher's raw-key form (`x'<key><salt>'`). The file is the same file either way: one made
here opens with the plain passphrase in any SQLCipher, and one made there opens here.

The keys stay in this process's memory only, as the open connection's passphrase already does;
nothing is written, and a new passphrase or a new file (a new salt) derives afresh.
"""

from __future__ import annotations

import os
from typing import Any

# SQLCipher's names for its key derivations, as hashlib names the digest underneath.
_DIGESTS = {"PBKDF2_HMAC_SHA512": "sha512", "PBKDF2_HMAC_SHA256": "sha256",
            "PBKDF2_HMAC_SHA1": "sha1"}
_KEY_BYTES = 32  # AES-256, SQLCipher's only cipher
_SALT_BYTES = 16
_KEPT = 32  # keys kept at most (a handful of files and passphrases in any one session)

_derived: dict[tuple[str, str, str, int], str] = {}


def quoted(passphrase: str) -> str:
    # PRAGMA takes no bound parameters: quote as an SQL string literal.
    return "'" + passphrase.replace("'", "''") + "'"


def _raw(passphrase: str, salt: str, algorithm: str, rounds: int) -> str | None:
    """`<key hex><salt hex>` for SQLCipher's raw-key form, derived at most once; None when the
    derivation is not one this module knows (SQLCipher then derives it itself)."""
    digest = _DIGESTS.get(algorithm)
    if digest is None or rounds < 1 or len(salt) != 2 * _SALT_BYTES:
        return None
    found = (passphrase, salt, digest, rounds)
    raw = _derived.get(found)
    if raw is None:
        try:
            secret, salt_bytes = passphrase.encode("utf-8"), bytes.fromhex(salt)
        except (UnicodeEncodeError, ValueError):
            return None
        import hashlib  # OpenSSL (3-4 MiB) only for encrypted data, not for every start

        raw = hashlib.pbkdf2_hmac(digest, secret, salt_bytes, rounds, _KEY_BYTES).hex() + salt
        if len(_derived) >= _KEPT:
            del _derived[next(iter(_derived))]
        _derived[found] = raw
    return raw


def _one(conn: Any, sql: str) -> str | None:
    row = conn.execute(sql).fetchone()
    return None if row is None else str(row[0])


def key_connection(conn: Any, passphrase: str, error: type[Exception]) -> None:
    """`PRAGMA key` on a new SQLCipher connection, before anything is read through it.

    SQLCipher derives nothing until the first page is read, and by then it has read the salt
    from the file (or drawn a new one for a new file): the salt, algorithm and rounds are asked
    of the connection itself (never by reading the file beside it, which would drop this
    process's locks on it), and the key set again in raw form."""
    conn.execute(f"PRAGMA key = {quoted(passphrase)}")
    try:
        salt = _one(conn, "PRAGMA cipher_salt")
        algorithm = _one(conn, "PRAGMA cipher_kdf_algorithm")
        rounds = _one(conn, "PRAGMA kdf_iter")
    except error:  # `error`: SQLCipher's own; the first read then says what is wrong
        return
    if salt is None or algorithm is None or rounds is None or not rounds.isdigit():
        return  # keyed with the passphrase: SQLCipher derives as it always has
    raw = _raw(passphrase, salt.lower(), algorithm, int(rounds))
    if raw is not None:
        conn.execute(f"PRAGMA key = \"x'{raw}'\"")


def new_file_key(conn: Any, passphrase: str, error: type[Exception]) -> str:
    """The key for `ATTACH DATABASE … KEY ?` making a new encrypted file, with a fresh random
    salt of SQLCipher's size, so that the file's later opens need no derivation of their own.
    The passphrase itself when the connection's defaults are not ones this module knows."""
    try:
        algorithm = _one(conn, "PRAGMA cipher_default_kdf_algorithm")
        rounds = _one(conn, "PRAGMA cipher_default_kdf_iter")
    except error:
        return passphrase
    if algorithm is None or rounds is None or not rounds.isdigit():
        return passphrase
    raw = _raw(passphrase, os.urandom(_SALT_BYTES).hex(), algorithm, int(rounds))
    return passphrase if raw is None else f"x'{raw}'"
