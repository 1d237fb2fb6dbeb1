"""Reading the app through AT-SPI as a screen reader does, and pressing keys as a user does."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from typing import Any

# Keysyms (X11): what the keyboard sends.
TAB, CONTROL_L = 0xFF09, 0xFFE3
# What a keyboard user operates: Tab must reach each of these when it is shown and enabled.
CONTROL_ROLES = {
    "push button", "toggle button", "check box", "radio button", "combo box", "text",
    "password text", "spin button", "table", "tree table", "list", "tree", "slider",
    "page tab list", "page tab", "date editor", "entry",
}
# Roles whose children are items moved between with arrows, not Tab stops of their own.
ITEM_HOLDERS = {"table", "tree table", "list", "tree", "combo box", "page tab list", "menu bar",
                "menu", "scroll bar", "spin button", "text"}


class Bus:
    """The accessible tree of one application, and its keyboard focus."""

    def __init__(self, atspi: Any, pid: int):
        self.Atspi = atspi
        self.pid = pid
        self.app: Any = None
        self._focus: list[Any] = []
        self._listener = atspi.EventListener.new(self._on_focus)
        self._listener.register("object:state-changed:focused")
        from gi.repository import GLib

        self._context = GLib.MainContext.default()

    # --- finding ----------------------------------------------------------------------------
    def wait_for_app(self, timeout: float = 60.0) -> Any:
        """The application with our process id, once its main window is on the bus."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            desktop = self.Atspi.get_desktop(0)
            for index in range(desktop.get_child_count()):
                app = desktop.get_child_at_index(index)
                try:
                    if app is not None and app.get_process_id() == self.pid and self.frame(app):
                        self.app = app
                        return app
                except Exception:  # noqa: BLE001 - an app leaving the bus while we look
                    continue
            self.pump(0.2)
        raise TimeoutError("the app did not appear on the accessibility bus")

    def frame(self, app: Any = None) -> Any:
        app = app or self.app
        for index in range(app.get_child_count()):
            child = app.get_child_at_index(index)
            if child is not None and child.get_role_name() == "frame":
                return child
        return None

    def states(self, obj: Any) -> set[str]:
        state_set = obj.get_state_set()
        return {s.value_nick for s in self.Atspi.StateType.__enum_values__.values()
                if state_set.contains(s)}

    def showing(self, obj: Any) -> bool:
        state_set = obj.get_state_set()
        return state_set.contains(self.Atspi.StateType.SHOWING)

    def walk(self, root: Any, into: Callable[[Any], bool] | None = None) -> Iterator[Any]:
        """Every showing object under `root`, depth first; `into(obj)` False skips its children."""
        stack = [root]
        while stack:
            obj = stack.pop()
            try:
                if obj is not root and not self.showing(obj):
                    continue
                yield obj
                if into is not None and not into(obj):
                    continue
                count = obj.get_child_count()
            except Exception:  # noqa: BLE001 - gone while walking (a view replaced)
                continue
            children = [obj.get_child_at_index(i) for i in range(count)]
            stack.extend(reversed([c for c in children if c is not None]))

    def controls(self, root: Any) -> list[Any]:
        """The enabled, showing controls under `root` that a keyboard user must reach."""
        found = []
        for obj in self.walk(root, into=lambda o: o.get_role_name() not in ITEM_HOLDERS):
            role = obj.get_role_name()
            if role in CONTROL_ROLES and role != "page tab":
                st = obj.get_state_set()
                if (st.contains(self.Atspi.StateType.ENABLED)
                        and st.contains(self.Atspi.StateType.FOCUSABLE)):
                    found.append(obj)
        return found

    def by_role(self, root: Any, role: str) -> list[Any]:
        return [o for o in self.walk(root) if o.get_role_name() == role]

    # --- focus and keys ---------------------------------------------------------------------
    def _on_focus(self, event: Any) -> None:
        if event.detail1:
            self._focus.append(event.source)

    def pump(self, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if not self._context.iteration(False):
                time.sleep(0.005)

    def focused_after(self, act: Callable[[], None], timeout: float = 3.0) -> Any:
        """Do `act` (a key press) and return the object that has focus afterwards: the last
        one announced, or None when focus did not move. A table, list or tree with items
        announces itself and then its current item (Qt gives a view without one its first on
        focus): that second announcement is waited for too, so it never arrives during the
        next press."""
        self.pump(0.02)
        self._focus.clear()
        act()
        deadline = time.monotonic() + timeout
        while not self._focus and time.monotonic() < deadline:
            self.pump(0.02)
        if self._focus and self._has_items(holder := self._focus[-1]):
            while time.monotonic() < deadline and not any(
                    f is not holder and self.stop_of(f) == holder for f in self._focus):
                self.pump(0.02)
        return self._focus[-1] if self._focus else None

    def _has_items(self, obj: Any) -> bool:
        """True for a table with rows, or a list or tree with items."""
        try:
            role = obj.get_role_name()
            if role in ("table", "tree table"):
                return self.Atspi.Table.get_n_rows(obj) > 0
            return role in ("list", "tree") and obj.get_child_count() > 0
        except Exception:  # noqa: BLE001 - gone from the bus (a view replaced)
            return False

    def key(self, keysym: int) -> None:
        self.Atspi.generate_keyboard_event(keysym, None, self.Atspi.KeySynthType.SYM)

    def ctrl(self, keysym: int) -> None:
        synth = self.Atspi.KeySynthType
        code = 37  # Control_L in the X server's default keymap (Xvfb's)
        self.Atspi.generate_keyboard_event(code, None, synth.PRESS)
        self.Atspi.generate_keyboard_event(keysym, None, synth.SYM)
        self.Atspi.generate_keyboard_event(code, None, synth.RELEASE)

    @staticmethod
    def stop_of(obj: Any) -> Any:
        """The Tab stop an announced object belongs to: a table for its cell, a list for its
        item, a tab bar for its tab."""
        role = obj.get_role_name()
        if role in ("table cell", "list item", "tree item", "page tab", "table row"):
            parent = obj.get_parent()
            while parent is not None and parent.get_role_name() not in ITEM_HOLDERS:
                parent = parent.get_parent()
            return parent or obj
        return obj

    @staticmethod
    def describe(obj: Any) -> str:
        try:
            return f"{obj.get_role_name()} {obj.get_name()!r}"
        except Exception:  # noqa: BLE001
            return "(gone)"


def activate_window(bus: Bus) -> None:
    """Give the window the keyboard, as a window manager would when it opens: a click on the
    empty foot of the navigation list (Xvfb runs no window manager, so nothing else does)."""
    atspi = bus.Atspi
    views = next(o for o in bus.walk(bus.frame()) if o.get_role_name() == "list")
    box = atspi.Component.get_extents(views, atspi.CoordType.SCREEN)
    atspi.generate_mouse_event(box.x + 20, box.y + box.height - 12, "b1c")
    deadline = time.monotonic() + 10
    while "active" not in bus.states(bus.frame()) and time.monotonic() < deadline:
        bus.pump(0.05)


def open_menu(bus: Bus, item: Any) -> Any:
    """The menu under a menu bar's `item` once it shows and is the active window (it has the
    keyboard: a key sent sooner goes to the window behind), else None."""
    item.clear_cache()  # its menu's states asked afresh
    for index in range(item.get_child_count()):
        menu = item.get_child_at_index(index)
        if menu is not None and menu.get_role_name() in ("popup menu", "menu") \
                and {"showing", "active"} <= bus.states(menu):
            return menu
    return None


VIEW_KEYS = (("Overview", ord("1")), ("Caseload", ord("2")), ("Time", ord("3")),
             ("Supervision", ord("4")), ("Settings", ord("5")))


def places(bus: Bus) -> Iterator[str]:
    """Open each view with its Ctrl+number, then each page behind each of its tab bars (with
    the tab's own action, as a screen reader does); yield a name for each place on screen."""
    for title, key in VIEW_KEYS:
        bus.focused_after(lambda k=key: bus.ctrl(k))
        _wait_for_title(bus, title)
        count = len(bus.by_role(bus.frame(), "page tab list"))
        if not count:
            yield title
        for which in range(count):
            # Asked for afresh each time: Qt makes a tab's accessible object anew on changes.
            def tab_list(which: int = which) -> Any:
                found = bus.by_role(bus.frame(), "page tab list")[which]
                found.clear_cache()  # its children are asked for again, not remembered
                return found

            count_tabs = sum(1 for i in range(tab_list().get_child_count())
                             if tab_list().get_child_at_index(i).get_role_name() == "page tab")
            for index in range(count_tabs):
                name = _press_tab(bus, tab_list, index)
                bus.pump(0.3)  # a page made on first showing fills in
                yield f"{title} > {name}"
            _press_tab(bus, tab_list, 0)
            bus.pump(0.2)


def _press_tab(bus: Bus, tab_list: Callable[[], Any], index: int) -> str:
    """Press the tab's own action until it is the selected one; its name."""
    atspi = bus.Atspi
    deadline = time.monotonic() + 10
    while True:
        try:
            tab = tab_list().get_child_at_index(index)
            if tab.get_state_set().contains(atspi.StateType.SELECTED):
                return tab.get_name()
            atspi.Action.do_action(tab, 0)
        except Exception:  # noqa: BLE001 - the tab was made anew (its text changed): ask again
            if time.monotonic() > deadline:
                raise
        bus.pump(0.1)


def _wait_for_title(bus: Bus, title: str) -> None:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        labels = [o for o in bus.walk(bus.frame(), into=lambda o: o.get_role_name()
                                      not in ITEM_HOLDERS) if o.get_role_name() == "label"]
        if any(o.get_name() == title for o in labels):
            return
        bus.pump(0.1)
    raise TimeoutError(f"the {title} view did not open")
