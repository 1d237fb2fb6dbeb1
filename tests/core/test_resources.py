"""Resources are found both from the source tree and from inside a frozen bundle."""

from __future__ import annotations

import struct
import sys
from pathlib import Path

import pytest

from core.common.resources import resource_path, resource_root

ROOT = Path(__file__).resolve().parents[2]
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def test_from_source_finds_the_icon():
    assert resource_root() == ROOT / "resources"
    assert resource_path("icon.svg").is_file()
    assert resource_path("icons", "app-256.png").is_file()


def test_from_a_bundle_looks_inside_the_bundle(tmp_path, monkeypatch):
    bundled = tmp_path / "resources" / "icon.svg"
    bundled.parent.mkdir()
    bundled.write_text("<svg/>")
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resource_root() == tmp_path / "resources"
    assert resource_path("icon.svg") == bundled
    assert resource_path("icon.svg").read_text() == "<svg/>"


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


@pytest.mark.parametrize("size", PNG_SIZES)
def test_every_platform_icon_size_is_rendered(size):
    data = resource_path("icons", f"app-{size}.png").read_bytes()
    assert _png_size(data) == (size, size)


def test_windows_icon_holds_every_size_up_to_256():
    data = resource_path("icons", "app.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    sizes = []
    for i in range(count):
        width, _h, _c, _r, _p, _b, length, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * i: 22 + 16 * i]
        )
        png = data[offset: offset + length]
        assert _png_size(png)[0] == (width or 256)
        sizes.append(width or 256)
    assert sorted(sizes) == [16, 24, 32, 48, 64, 128, 256]


def test_macos_icon_is_a_complete_icns_file():
    data = resource_path("icons", "app.icns").read_bytes()
    assert data[:4] == b"icns"
    assert struct.unpack(">I", data[4:8])[0] == len(data)
    kinds, pos = set(), 8
    while pos < len(data):
        kinds.add(data[pos: pos + 4])
        pos += struct.unpack(">I", data[pos + 4: pos + 8])[0]
    assert pos == len(data)
    assert {b"icp4", b"ic07", b"ic08", b"ic09", b"ic10"} <= kinds
