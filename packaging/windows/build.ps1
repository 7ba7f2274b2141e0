# Windows recipe: builds target\jpackage\Netlens-VERSION.msi from the shaded jar, with a jlink runtime.
# Run on Windows 10/11 with JDK 17 (jlink, jpackage) and WiX Toolset 3.x on the PATH (jpackage 17
# makes .msi files with WiX 3: candle.exe, light.exe), after `mvn -DskipTests package` built
# target\netlens.jar there (it then carries JavaFX's Windows natives). Or run `mvn -Ppackage
# -DskipTests package` from Git Bash, which calls this script through packaging/build.sh.
# Usage: powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1 [VERSION]
param([string]$Version)
$ErrorActionPreference = 'Stop'
Set-Location (Join-Path $PSScriptRoot '..\..')

$jar = 'target\netlens.jar'
if (-not (Test-Path $jar)) { throw "packaging: $jar missing; run mvn -DskipTests package first" }
if (-not $Version) { $Version = ((& java -jar $jar --version) -split ' ')[1] }

$modules = (Get-Content packaging\jlink-modules.txt | Where-Object { $_ -and -not $_.StartsWith('#') }) -join ','
Remove-Item -Recurse -Force target\jlink, target\jpackage, target\jpackage-input -ErrorAction SilentlyContinue
& jlink --add-modules $modules --strip-debug --no-header-files --no-man-pages --compress=2 --output target\jlink\runtime
if ($LASTEXITCODE) { throw 'jlink failed' }
New-Item -ItemType Directory -Force target\jpackage-input | Out-Null
Copy-Item $jar target\jpackage-input\

# Two launchers: Netlens.exe opens the window (no console); netlens-cli.exe is a console program,
# so `netlens-cli --version` and `netlens-cli export ...` print to the terminal.
# The upgrade UUID is fixed so a newer .msi replaces an older one.
& jpackage --type msi --name Netlens --app-version $Version --vendor Netlens `
  --description 'Draws Docker networking as the kernel really has it' `
  --input target\jpackage-input --main-jar netlens.jar --main-class dev.netlens.Launcher `
  --runtime-image target\jlink\runtime --icon assets\icons\netlens.ico `
  --add-launcher netlens-cli=packaging\windows\netlens-cli.properties `
  --win-menu --win-menu-group Netlens --win-shortcut --win-dir-chooser `
  --win-upgrade-uuid 6f3c2a4e-9b1d-4e57-8c2a-5d7e0b9f4a11 --dest target\jpackage
if ($LASTEXITCODE) { throw 'jpackage failed' }
Get-ChildItem target\jpackage\*.msi | ForEach-Object { "packaging: $($_.FullName) ($([math]::Round($_.Length / 1MB)) MB)" }
