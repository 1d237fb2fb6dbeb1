"""Build the Caseload Companion bundle for this OS: icons, PyInstaller folder, Windows installer.

    python packaging/build.py               # dist/caseload-companion/ (macOS: also the .app)
    python packaging/build.py --installer   # Windows: also the Inno Setup installer (needs iscc)

Run with the project's virtualenv after `pip install -e '.[build]'`.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
SPEC = PACKAGING / "caseload-companion.spec"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
EXE_NAME = "caseload-companion"


def project_version() -> str:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)["project"]["version"]


def bundle_executable() -> Path:
    """Where the built program is, on this OS."""
    suffix = ".exe" if sys.platform == "win32" else ""
    return DIST / EXE_NAME / f"{EXE_NAME}{suffix}"


def icons_stale() -> bool:
    svg = ROOT / "resources" / "icon.svg"
    outputs = [ROOT / "resources" / "icons" / n for n in ("app-256.png", "app.ico", "app.icns")]
    return any(not p.is_file() or p.stat().st_mtime < svg.stat().st_mtime for p in outputs)


def run(cmd: list[str]) -> None:
    print("+ " + " ".join(cmd), flush=True)
    subprocess.run(cmd, cwd=ROOT, check=True)


def build_bundle(clean: bool) -> Path:
    if icons_stale():
        run([sys.executable, str(PACKAGING / "make_icons.py")])
    cmd = [sys.executable, "-m", "PyInstaller", str(SPEC), "--noconfirm",
           "--distpath", str(DIST), "--workpath", str(WORK), "--log-level", "WARN"]
    if clean:
        cmd.append("--clean")
    run(cmd)
    exe = bundle_executable()
    if not exe.is_file():
        raise SystemExit(f"error: the build finished but {exe} is missing")
    return exe


def build_installer(version: str) -> Path:
    """Windows only: compile packaging/installer.iss with Inno Setup's command-line compiler."""
    iscc = shutil.which("iscc") or shutil.which("ISCC")
    default = Path(r"C:\Program Files (x86)\Inno Setup 6\ISCC.exe")
    if iscc is None and default.is_file():
        iscc = str(default)
    if iscc is None:
        raise SystemExit("error: Inno Setup 6 (iscc) was not found; install it or drop --installer")
    run([iscc, f"/DAppVersion={version}", f"/DBundleDir={DIST / EXE_NAME}",
         f"/DOutputDir={DIST}", f"/DRootDir={ROOT}", str(PACKAGING / "installer.iss")])
    return DIST / f"caseload-companion-{version}-setup.exe"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0], allow_abbrev=False)
    parser.add_argument("--clean", action="store_true", help="discard PyInstaller's cache first")
    parser.add_argument("--installer", action="store_true",
                        help="Windows: also build the installer with Inno Setup")
    args = parser.parse_args(argv)
    version = project_version()
    started = time.monotonic()
    exe = build_bundle(args.clean)
    print(f"bundle: {exe.relative_to(ROOT)} (version {version})")
    if sys.platform == "darwin":
        print(f"app: {(DIST / 'Caseload Companion.app').relative_to(ROOT)}")
    if args.installer:
        if sys.platform != "win32":
            raise SystemExit("error: the installer is built on Windows only")
        print(f"installer: {build_installer(version).relative_to(ROOT)}")
    print(f"built in {time.monotonic() - started:.0f} seconds")
    return 0


if __name__ == "__main__":
    sys.exit(main())
