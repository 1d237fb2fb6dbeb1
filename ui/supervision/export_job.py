"""An export as a QRunnable: the summary is composed and fitted on the UI thread (so the dialog
can say what was left out before saving), drawn and saved off it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from core.store.applog import get_logger
from core.common.errors import ValidationError
from core.store.errors import StorageError
from core.supervision.export import write_text
from core.supervision.summary_model import Summary
from ui.widgets.kept_jobs import KeptJob


class ExportSignals(QObject):
    """Signals:
    finished(str): the path the file was saved at.
    failed(str): a calm sentence saying what went wrong (nothing was written).
    """

    finished = Signal(str)
    failed = Signal(str)


@dataclass
class ExportWork:
    fmt: str
    path: Path
    text: str = ""  # html, md or csv, already composed from `summary`
    summary: Summary | None = None  # pdf: the fitted summary to draw
    overwrite: bool = False  # the user agreed to replace an existing file


class ExportJob(KeptJob):
    def __init__(self, work: ExportWork):
        super().__init__()
        self.export = work
        self.signals = ExportSignals()

    def work(self) -> None:  # type: ignore[override]
        work = self.export
        try:
            if work.fmt == "pdf":
                from ui.supervision.pdf_export import write_pdf

                assert work.summary is not None
                path = write_pdf(work.summary, work.path, work.overwrite)
            else:
                path = write_text(work.path, work.text, work.overwrite)
        except ValidationError as exc:
            self.signals.failed.emit(" ".join(exc.problems))
            return
        except StorageError as exc:  # a full disk: the same sentence as everywhere
            self.signals.failed.emit(str(exc))
            return
        except Exception:  # noqa: BLE001 - reported calmly; details go to the log
            get_logger("export").exception("export failed")
            self.signals.failed.emit(
                "The file could not be saved. Nothing was written; the details are in the log file."
            )
            return
        self.signals.finished.emit(str(path))
