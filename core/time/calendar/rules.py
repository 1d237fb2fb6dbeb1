"""The practitioner's keyword rules (keyword in a subject -> activity), and private memory.

What was chosen last time for a subject is kept under a keyed hash of the subject (HMAC-SHA256
with a random key per data file), never the subject itself; so is each imported event's UID.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from functools import lru_cache
from typing import TypeVar

from sqlite_utils import Database

from core.common.errors import ValidationError
from core.common.identifiers import identifier_message
from core.time.activities import get_activity
from core.store.rows import inserted_id
from core.store.kept_deletion import KeptRows, delete_keeping

KEYWORD_MAX = 40
T = TypeVar("T")


@dataclass(frozen=True)
class KeywordRule:
    """A word or phrase that, found in an event's subject, proposes an activity."""

    keyword: str
    activity_id: int
    activity_name: str = ""
    id: int | None = None


def list_rules(db: Database) -> list[KeywordRule]:
    """Every keyword rule with its activity's name, by keyword (any letter case)."""
    rows = db.query(
        "SELECT r.id, r.keyword, r.activity_id, a.name FROM calendar_rules r "
        "JOIN activities a ON a.id = r.activity_id ORDER BY r.keyword COLLATE NOCASE"
    )
    return [KeywordRule(r["keyword"], r["activity_id"], r["name"], r["id"]) for r in rows]


def _keyword_problems(db: Database, keyword: str, exclude_id: int | None) -> list[str]:
    if not keyword:
        return ["Give a word or phrase to look for, such as home visit."]
    if len(keyword) > KEYWORD_MAX:
        return [f"Keep the keyword to {KEYWORD_MAX} characters or fewer."]
    message = identifier_message("keyword", keyword)
    if message:
        return [message]
    clash = list(
        db.query(
            "SELECT id FROM calendar_rules WHERE keyword = ? COLLATE NOCASE AND id IS NOT ?",
            [keyword, exclude_id],
        )
    )
    if clash:
        return [f"There is already a rule for “{keyword}”."]
    return []


def save_rule(
    db: Database, keyword: str, activity_id: int, rule_id: int | None = None
) -> KeywordRule:
    """Add a rule, or change rule `rule_id`; ValidationError (nothing saved) if it is not usable."""
    keyword = " ".join((keyword or "").split())
    problems = _keyword_problems(db, keyword, rule_id)
    try:
        get_activity(db, activity_id)
    except KeyError:
        problems.append("That activity no longer exists.")
    if problems:
        raise ValidationError(problems)
    with db.atomic():
        if rule_id is None:
            inserted = db.table("calendar_rules").insert(
                {"keyword": keyword, "activity_id": activity_id}
            )
            rule_id = inserted_id(inserted)
        else:
            changes = {"keyword": keyword, "activity_id": activity_id}
            db.table("calendar_rules").update(rule_id, changes)
    return next(r for r in list_rules(db) if r.id == rule_id)


def delete_rule(db: Database, rule_id: int) -> KeptRows:
    """Remove one rule; what was imported with it stays as it is. What went, for Undo."""
    return delete_keeping(db, "calendar_rules", "id", [rule_id])


@lru_cache(maxsize=1024)
def _pattern(keyword: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + re.escape(keyword.lower()) + r"(?!\w)")


# Where a subject's "what" ends and its "where" or "who" begins: "HV C08 - Flat 3 Rose Court",
# "PSR interview C07 at Leeds Crown Court", "Home visit, Court Lane". Words after it are weaker.
_DETAIL = re.compile(r"\s[-–—]\s|\sat\s|\s@\s|,|;|\|")


def subject_parts(subject: str) -> list[str]:
    """The subject (lower case, spaces collapsed) as its "what" and, after the first " - ",
    " at ", comma or the like, the rest: names and places, which are searched only second."""
    text = " ".join(subject.lower().split())
    found = _DETAIL.search(text)
    return [text[: found.start()], text[found.start() :]] if found else [text]


def first_named(words: list[tuple[T, str]], subject: str) -> T | None:
    """Of `(item, word)` pairs, the item whose word appears first in `subject` as whole words
    (any letter case): in its "what" before the rest (`subject_parts`), and at the same place
    the longer word (so "home visit" beats "visit"). None when no word appears."""
    for part in subject_parts(subject):
        best: tuple[tuple[int, int], T] | None = None
        for item, word in words:
            if word.lower() not in part:  # most words are not there at all: skip the search
                continue
            found = _pattern(word).search(part)
            if found and (best is None or (found.start(), -len(word)) < best[0]):
                best = ((found.start(), -len(word)), item)
        if best is not None:
            return best[1]
    return None


def matching_rule(rules: list[KeywordRule], subject: str) -> KeywordRule | None:
    """The rule whose keyword is named first in `subject` (see `first_named`): "HV C08 - Flat 3
    Rose Court" is a home visit, not court duty, because an address follows what the event is."""
    return first_named([(r, r.keyword) for r in rules], subject)


# Keyed hashes ---------------------------------------------------------------------------------
def _key(db: Database, create: bool) -> bytes | None:
    rows = list(db.query("SELECT key FROM calendar_key WHERE id = 1"))
    if rows:
        return bytes.fromhex(rows[0]["key"])
    if not create:
        return None  # nothing has been imported yet, so no hash can match
    db.execute("INSERT INTO calendar_key (id, key) VALUES (1, ?)", [secrets.token_hex(32)])
    return _key(db, False)


def keyed_hash(db: Database, text: str, create: bool = False) -> str | None:
    """HMAC-SHA256 of `text` under this data file's own random key, as hex; None when the file
    has no key yet and `create` is False (a preview writes nothing)."""
    key = _key(db, create)
    return None if key is None else hmac.new(key, text.encode("utf-8"), hashlib.sha256).hexdigest()


def subject_hash(db: Database, subject: str, create: bool = False) -> str | None:
    normal = " ".join(subject.lower().split())
    return keyed_hash(db, "subject:" + normal, create) if normal else None


def uid_hash(db: Database, uid: str, create: bool = False) -> str | None:
    return keyed_hash(db, "uid:" + uid, create)


def remembered_activity(db: Database, hashed: str | None) -> int | None:
    """The activity chosen last time for the subject with this hash, if it still exists."""
    if hashed is None:
        return None
    rows = list(
        db.query(
            "SELECT c.activity_id FROM calendar_choices c JOIN activities a "
            "ON a.id = c.activity_id WHERE c.subject_hash = ?",
            [hashed],
        )
    )
    return int(rows[0]["activity_id"]) if rows else None


def remember_activity(db: Database, hashed: str | None, activity_id: int) -> None:
    if hashed is not None:
        db.table("calendar_choices").upsert(
            {"subject_hash": hashed, "activity_id": activity_id}, pk="subject_hash"
        )
