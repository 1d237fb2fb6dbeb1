"""The application around the views: Qt setup, main window, signal hub, theme, tray, idle lock,
window state, start-up (first paint, opening the data, recovery, passphrase, welcome).
May import `core` and `ui.widgets`; feature views are made by name, never imported at module level.
"""
