"""m002: the supervision agenda gathered through the month (notes added from any view)."""

from sqlite_utils import Database

from core.store.migrations.registry import MIGRATIONS


@MIGRATIONS()
def m002_create_agenda(db: Database) -> None:
    db.table("agenda_items").create(
        {
            "id": int,
            "kind": str,
            "text": str,
            "case_reference": str,
            "reason": str,
            "created_on": str,
            "discussed_on": str,
        },
        pk="id",
        not_null={"kind", "text", "created_on"},
    )
    db.table("agenda_items").create_index(["discussed_on"])
