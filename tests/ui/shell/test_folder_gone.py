"""The window notices when the folder it holds is gone (issue 29, item 3): its hold is on the
folder itself, and a folder moved away under it is told apart from the one its path now names."""

from __future__ import annotations

from ui.shell.single_instance import FolderOwner


def test_the_window_is_told_when_its_folder_is_moved_away(qtbot, tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    owner = FolderOwner(folder)
    assert owner.claim()
    owner.listen()
    try:
        assert owner.check_still_held()
        folder.rename(tmp_path / "moved")
        folder.mkdir()  # a new, empty folder where the data was: not the one the window holds
        with qtbot.waitSignal(owner.lost, timeout=1000):
            assert not owner.check_still_held()
    finally:
        owner.release()
