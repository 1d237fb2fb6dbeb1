"""GTimeLog (Debian's `gtimelog`), timed to its first paint the way ui/shell/paint_probe.py times
the app: a monotonic timestamp once its main window's first frame is drawn, memory then and
1.5 s later, then quit. Run with the system Python that GTimeLog is installed for:

    /usr/bin/python3 benchmarks/gtimelog_probe.py

GTimeLog reads `$XDG_DATA_HOME/gtimelog/timelog.txt`; run_benchmarks.py writes ten years there.
Nothing of GTimeLog is changed: its own `main()` runs, with a handler added on its window.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

SETTLE_MS = 1500  # as paint_probe.SETTLE_MS


def memory_kib() -> dict[str, int]:
    """VmRSS and VmHWM from /proc/self/status and Pss from /proc/self/smaps_rollup (KiB)."""
    values: dict[str, int] = {}
    for source, keys in (("/proc/self/status", ("VmRSS", "VmHWM")),
                         ("/proc/self/smaps_rollup", ("Pss",))):
        try:
            for line in Path(source).read_text().splitlines():
                key, _, rest = line.partition(":")
                if key in keys:
                    values[key] = int(rest.split()[0])
        except OSError:
            pass
    return values


def report(prefix: str) -> None:
    memory = memory_kib()
    print(f"{prefix} {time.monotonic():.6f} rss_kib {memory.get('VmRSS', 0)} "
          f"hwm_kib {memory.get('VmHWM', 0)} cpu {time.process_time():.6f} "
          f"pss_kib {memory.get('Pss', 0)}", flush=True)


def main() -> None:
    import gi

    gi.require_version("Gtk", "3.0")
    from gi.repository import GLib
    from gtimelog import main as gtimelog

    made = gtimelog.Window.__init__
    done: set[str] = set()

    def after_paint(window) -> None:
        # The frame clock's after-paint comes once a frame has been drawn and presented. The
        # first is the first paint; the first with the timelog loaded (GTimeLog reads it just
        # after showing its window) is its data on screen.
        if "first-paint" not in done:
            done.add("first-paint")
            report("first-paint")
        if "data-paint" not in done and window.timelog is not None:
            done.add("data-paint")
            report("data-paint")
            GLib.timeout_add(SETTLE_MS, settled, window.get_application())

    def settled(app) -> bool:
        report("settled")
        app.quit()
        return False

    def init(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        made(self, *args, **kwargs)
        self.connect_after("realize", lambda window: window.get_frame_clock().connect(
            "after-paint", lambda _clock: after_paint(window)))

    gtimelog.Window.__init__ = init
    sys.argv = ["gtimelog"]
    gtimelog.main()


if __name__ == "__main__":
    main()
