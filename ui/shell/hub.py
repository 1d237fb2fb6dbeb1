"""The one small signal hub, created in main.py and passed to each view; views never call each other."""

from PySide6.QtCore import QObject, Signal


class Hub(QObject):
    """Past-tense signals that say what changed, so every view can refresh itself.

    Signals:
        casesChanged: cases were added, edited, closed, reopened, imported or deleted.
        profileChanged: grade, contracted hours or protected ceiling changed.
        reductionsChanged: reductions or court reports were added or removed.
        weightingsChanged: the weightings table was edited or restored.
        timeLogged: time entries or the timer changed.
        supervisionChanged: supervision notes, sessions or actions changed.
        settingsChanged: an app preference changed (e.g. "Show figures").
        dataReplaced: the whole database was replaced (restore, delete-all); reload everything.
    """

    casesChanged = Signal()
    profileChanged = Signal()
    reductionsChanged = Signal()
    weightingsChanged = Signal()
    timeLogged = Signal()
    supervisionChanged = Signal()
    settingsChanged = Signal()
    dataReplaced = Signal()

    def workload_inputs_changed(self) -> list[Signal]:
        """Every signal after which the workload estimate must be worked out again."""
        return [
            self.casesChanged,
            self.profileChanged,
            self.reductionsChanged,
            self.weightingsChanged,
            self.dataReplaced,
        ]
