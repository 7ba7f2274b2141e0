# Puts the installed Netlens folder on the current user's PATH, so `netlens-cli` works in any
# terminal (jpackage's .msi has no PATH option). Usage, after installing the .msi:
#   powershell -ExecutionPolicy Bypass -File add-to-path.ps1 ["C:\Program Files\Netlens"]
param([string]$InstallDir = (Join-Path $env:ProgramFiles 'Netlens'))
$ErrorActionPreference = 'Stop'
if (-not (Test-Path (Join-Path $InstallDir 'netlens-cli.exe'))) { throw "no netlens-cli.exe in $InstallDir" }
$path = [Environment]::GetEnvironmentVariable('Path', 'User')
if (($path -split ';') -notcontains $InstallDir) {
  [Environment]::SetEnvironmentVariable('Path', (($path, $InstallDir) | Where-Object { $_ }) -join ';', 'User')
  "added $InstallDir to your PATH; open a new terminal"
} else { "$InstallDir is already on your PATH" }
