; Inno Setup 6 script for Caseload Companion on Windows.
; Built by `python packaging/build.py --installer`, which passes the version and folders:
;   iscc /DAppVersion=0.1.0 /DBundleDir=dist\caseload-companion /DOutputDir=dist packaging\installer.iss
; Installs per user without administrator rights (managed laptops), or for all users if the
; person installing chooses that and may. The practitioner's data is not in the install folder
; (it is in the per-user application data folder) and uninstalling never removes it.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef BundleDir
  #define BundleDir "..\dist\caseload-companion"
#endif
#ifndef OutputDir
  #define OutputDir "..\dist"
#endif
#ifndef RootDir
  #define RootDir ".."
#endif
#define AppName "Caseload Companion"
#define AppExe "caseload-companion.exe"

[Setup]
; The AppId identifies the app for upgrades and uninstall: never change it.
AppId={{74972911-17F7-577E-A701-67E2A3678D15}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#OutputDir}
OutputBaseFilename=caseload-companion-{#AppVersion}-setup
SetupIconFile={#RootDir}\resources\icons\app.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "Your caseload, time and workload in plain words"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
