"""An export as a QRunnable: the summary is composed on the UI thread, drawn and saved off it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, Signal

from core.store.applog import get_logger
from core.common.errors import ValidationError
from core.supervision.export import write_atomically
from core.supervision.summary_model import Summary


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
    text: str = ""  # html, md or csv, already composed
    candidates: list[Summary] = field(default_factory=list)  # pdf: whole, then with cuts


class ExportJob(QRunnable):
    def __init__(self, work: ExportWork):
        super().__init__()
        self.work = work
        self.signals = ExportSignals()
        self.setAutoDelete(False)  # the dialog keeps it until the result has arrived

    def run(self) -> None:
        work = self.work
        try:
            if work.fmt == "pdf":
                from ui.supervision.pdf_export import write_pdf_candidates

                path = write_pdf_candidates(work.candidates, work.path)
            else:
                path = write_atomically(
                    work.path, lambda temp: temp.write_text(work.text, encoding="utf-8")
                )
        except ValidationError as exc:
            self.signals.failed.emit(" ".join(exc.problems))
            return
        except Exception:  # noqa: BLE001 - reported calmly; details go to the log
            get_logger("export").exception("export failed")
            self.signals.failed.emit(
                "The file could not be saved. Nothing was written; the details are in the log file."
            )
            return
        self.signals.finished.emit(str(path))
