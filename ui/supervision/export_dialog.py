"""Export the supervision summary: period, format, what to include, classification and file name."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QStandardPaths, QThreadPool, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from core.common.paths import shown_path
from core.common import clock
from core.common.errors import ValidationError
from core.supervision.export import (
    FORMAT_LABELS,
    FORMATS,
    PAGELESS,
    check_target,
    default_file_name,
    export_text,
    summary_text,
)
from core.store.settings import set_setting
from core.supervision.summary import (
    CLASSIFICATION_SETTING,
    SummaryOptions,
    classification_line,
    compose_summary,
    default_period,
)
from ui.widgets import confirm, reading_accessible
from ui.widgets.date_fields import DateField
from ui.supervision.export_job import ExportJob, ExportWork
from ui.widgets.announce import announce
from ui.widgets.form_helpers import ProblemsLabel, note_label, range_to
from ui.widgets.kept_jobs import start_kept
from ui.widgets.line_field import LineField

KEPT = "Kept the file; nothing saved."  # "Keep it" at "Replace the file?"


class ExportDialog(QDialog):
    """Saves on a worker thread and stays open to say how it went.

    Signals:
        exported(str): the file was saved at this path.
    """

    exported = Signal(str)

    def __init__(self, db: Database, today: date | None = None, pool: QThreadPool | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._db = db
        self._today = today or clock.today()
        self._pool = pool or QThreadPool.globalInstance()
        self._job: ExportJob | None = None
        self.fit_message = ""  # what was left out or shortened to fit one page, in words
        # An existing file chosen in the file dialog, which asked about replacing it: agreed
        # for the next save only. A new name chosen there agrees to nothing: once this dialog
        # has saved to it, saving again asks, as for any file already there.
        self._replace_agreed: Path | None = None
        self._build_ui()
        self._connect_signals()

    @staticmethod
    def run(parent: QWidget | None, db: Database) -> None:
        ExportDialog(db, parent=parent).exec()

    def _build_ui(self) -> None:
        self.setWindowTitle("Export supervision summary")
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        start, end = default_period(self._db, self._today)
        period = QHBoxLayout()
        self.start, self.end = DateField(start), DateField(end)
        # The first is named by its label, "Period", alone: named "Period from" as well, Orca said
        # "Period Period from 08/11/2026" (the label, then a name that repeats it).
        self.start.setAccessibleName("Period")
        self.end.setAccessibleName("Period to")
        period.addWidget(self.start)
        period.addWidget(range_to())
        period.addWidget(self.end)
        period.addStretch(1)
        period_label = QLabel("&Period")
        period_label.setBuddy(self.start)
        form.addRow(period_label, period)
        self.format = QComboBox()
        for fmt in FORMATS:
            self.format.addItem(FORMAT_LABELS[fmt], fmt)
        form.addRow("&Format", self.format)
        self.include_cases = QCheckBox("Include case &references (left out by default)")
        self.include_wellbeing = QCheckBox("Include my &wellbeing check-in, for this export only")
        # By default a reduction shows only its category ("other agreed reduction").
        self.include_reasons = QCheckBox("Include typed reduction r&easons, for this export only")
        form.addRow("", self.include_cases)
        form.addRow("", self.include_wellbeing)
        form.addRow("", self.include_reasons)
        self.classification = LineField(classification_line(self._db))
        form.addRow("&Classification line", self.classification)
        file_row = QHBoxLayout()
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        where = Path(folder) if folder and Path(folder).is_dir() else Path.home()
        self.path = LineField(str(where / default_file_name("pdf", self._today)))
        self.path.setAccessibleName("File")
        self.browse = QPushButton("C&hoose…")
        file_row.addWidget(self.path, 1)
        file_row.addWidget(self.browse)
        file_label = QLabel("F&ile")
        file_label.setBuddy(self.path)
        form.addRow(file_label, file_row)
        layout.addLayout(form)
        layout.addWidget(note_label(
            "The summary is aggregate: no case references, no wellbeing notes and no typed "
            "reduction reasons unless ticked above. The PDF carries no metadata at all."
        ))
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy: the work takes a moment and has no steps to count
        self.progress.setAccessibleName("Saving")
        self.progress.hide()
        layout.addWidget(self.progress)
        self.status = QLabel()
        reading_accessible.mark(self.status, reading_accessible.STATUS_PROPERTY)  # said once
        self.status.setWordWrap(True)
        self.status.hide()
        layout.addWidget(self.status)
        self.problems = ProblemsLabel()
        layout.addWidget(self.problems)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.preview_button = QPushButton("Pre&view")
        self.save_button = QPushButton("&Save")
        self.save_button.setDefault(True)
        self.buttons.addButton(self.preview_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        layout.addWidget(self.buttons)
        # Tab into the button box lands on its default button (Save), and Close, made first,
        # sat before Save in the chain, so Tab never reached it: Save, Preview, then Close.
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        QWidget.setTabOrder(self.save_button, self.preview_button)
        QWidget.setTabOrder(self.preview_button, close)

    def _connect_signals(self) -> None:
        self.format.currentIndexChanged.connect(self._format_changed)
        self.browse.clicked.connect(self._choose_file)
        self.preview_button.clicked.connect(self._preview)
        self.save_button.clicked.connect(self.save)
        self.buttons.rejected.connect(self.reject)

    def current_format(self) -> str:
        return str(self.format.currentData())

    def options(self) -> SummaryOptions:
        return SummaryOptions(
            start=self.start.value(),
            end=self.end.value(),
            include_cases=self.include_cases.isChecked(),
            include_wellbeing=self.include_wellbeing.isChecked(),
            classification=self.classification.text().strip(),
            include_reasons=self.include_reasons.isChecked(),
        )

    def _format_changed(self) -> None:
        path = Path(self.path.text().strip() or default_file_name("pdf", self._today))
        self.path.setText(str(path.with_suffix("." + self.current_format())))
        self.preview_button.setEnabled(self.current_format() != "csv")

    def _choose_file(self) -> None:
        fmt = self.current_format()
        chosen, _ = QFileDialog.getSaveFileName(
            self, "Save the summary as", self.path.text(), f"{fmt.upper()} files (*.{fmt})"
        )
        if chosen:
            self.path.setText(chosen)
            # The file dialog has already asked about replacing a file that is there.
            path = Path(chosen).expanduser()
            self._replace_agreed = path if path.exists() else None
            self.save_button.setFocus()  # the file chosen, Save is next; Return saves

    def _preview(self) -> None:
        from ui.supervision.pdf_export import fitted_summary
        from ui.supervision.summary_preview import SummaryPreview

        fmt = self.current_format()
        try:
            # The preview is what gets saved: whole for a format without pages, fitted for the PDF.
            summary = (compose_summary(self._db, self.options(), self._today) if fmt in PAGELESS
                       else fitted_summary(self._db, self.options(), self._today))
        except ValidationError as exc:
            self.problems.show_problems(exc.problems)
            return
        SummaryPreview.show_preview(self, summary, fmt)

    def prepare(self) -> ExportWork | None:
        """Compose and fit the export, and ask what needs asking, before anything is written:
        what was left out to fit one page, and whether to replace an existing file. None when
        the user went back, or the input was refused (the problems are shown)."""
        self.problems.show_problems([])
        fmt, path = self.current_format(), Path(self.path.text().strip()).expanduser()
        try:
            check_target(path, overwrite=True)
            options = self.options()
            work = ExportWork(fmt, path)
            if fmt == "csv":
                work.text = export_text(self._db, fmt, options, self._today)
            elif fmt in PAGELESS:  # no pages: the whole summary, nothing to leave out
                work.summary = compose_summary(self._db, options, self._today)
                work.text = summary_text(work.summary, fmt)
            else:
                from ui.supervision.pdf_export import fitted_summary

                summary = fitted_summary(self._db, options, self._today)
                work.summary = summary
                work.text = "" if fmt == "pdf" else summary_text(summary, fmt)
        except ValidationError as exc:
            self.problems.show_problems(exc.problems)
            return None
        self.fit_message = work.summary.fit_message() if work.summary else ""
        self.status.setText(self.fit_message)
        self.status.setVisible(bool(self.fit_message))
        if self.fit_message and not confirm.ask(
            self, "Fitting the summary on one page", self.fit_message, "Save", "Back",
            True,  # Save is what this question is for; nothing is lost by it
        ):
            return None
        agreed, self._replace_agreed = self._replace_agreed, None  # for this save only
        if path.exists() and path != agreed:
            if not confirm.ask(self, "Replace the file?",
                               f"{shown_path(path.name)} already exists in {shown_path(path.parent)}. Replace it?",
                               "Replace", "Keep it"):
                self.status.setText(KEPT)  # seen, and heard: nothing else says the file stayed
                self.status.show()
                announce(self, KEPT)
                return None
        work.overwrite = path.exists()  # only after the user agreed, here or when choosing
        set_setting(self._db, CLASSIFICATION_SETTING, options.classification)
        return work

    def save(self) -> None:
        """Compose and ask here (quick reads), then draw and write on the thread pool."""
        work = self.prepare()
        if work is None:
            return
        self._set_busy(True)
        self.status.setText(
            "Saving…" + (f" {self.fit_message}" if self.fit_message else ""))
        self.status.show()
        self._job = ExportJob(work)
        self._job.signals.finished.connect(self._done)
        self._job.signals.failed.connect(self._failed)
        start_kept(self._job, self._pool)  # held until it ends, whatever the dialog does

    def _set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        for widget in (self.save_button, self.preview_button, self.browse):
            widget.setEnabled(not busy)

    # Slots declared up front: connecting a plain method at run time adds it to the dialog's
    # meta-object, and Qt then gives the open dialog a new accessible object, so Orca read
    # the whole dialog a second time when the keyboard came back to it.
    @Slot(str)
    def _done(self, path: str) -> None:
        self._set_busy(False)
        where = Path(path)
        self.status.setText(f"Saved {where.name} in {where.parent}."
                            + (f" {self.fit_message}" if self.fit_message else ""))
        announce(self, self.status.text())
        self.exported.emit(path)

    @Slot(str)
    def _failed(self, message: str) -> None:
        self._set_busy(False)
        self.status.hide()
        self.problems.show_problems([message])
