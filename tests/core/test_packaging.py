"""Packaging files agree: one version everywhere, and launchers that point at the app."""

from __future__ import annotations

import configparser
import re
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import main

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
APP_ID = "io.github.caseloadcompanion.CaseloadCompanion"


def _version() -> str:
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]


def test_the_app_reports_the_packaged_version():
    assert main.__version__ == _version()


def test_metainfo_lists_the_current_release_and_makes_no_network_claims():
    tree = ET.parse(PACKAGING / f"{APP_ID}.metainfo.xml").getroot()
    assert tree.findtext("id") == APP_ID
    releases = [r.get("version") for r in tree.iter("release")]
    assert releases[0] == _version()
    assert tree.find("content_rating") is not None
    text = ET.tostring(tree, encoding="unicode").lower()
    assert "never connects to the internet" in text
    assert not re.search(r"\b(sync|cloud|upload)\b", text)


def test_desktop_file_launches_the_bundle_with_the_app_icon():
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive in .desktop files
    parser.read(PACKAGING / "caseload-companion.desktop")
    entry = parser["Desktop Entry"]
    assert entry["Exec"] == "caseload-companion"
    assert entry["Icon"] == APP_ID
    assert entry["Terminal"] == "false"


def test_installer_installs_per_user_without_admin_and_takes_the_version_from_the_build():
    script = (PACKAGING / "installer.iss").read_text()
    assert "PrivilegesRequired=lowest" in script
    assert "AppVersion={#AppVersion}" in script
    assert "{autoprograms}" in script  # Start menu entry
    build = (PACKAGING / "build.py").read_text()
    assert "/DAppVersion=" in build

