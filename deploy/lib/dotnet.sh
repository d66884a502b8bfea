# shellcheck shell=bash
# Makes sure the .NET SDK is on PATH (the machines this project targets have it; say so clearly if not).
ensure_dotnet() {
  if ! command -v dotnet >/dev/null 2>&1; then
    for candidate in "$HOME/.dotnet" /usr/share/dotnet /usr/lib/dotnet; do
      [ -x "$candidate/dotnet" ] && export PATH="$candidate:$PATH" && break
    done
  fi
  command -v dotnet >/dev/null 2>&1 || { echo "The .NET 10 SDK is required (https://dot.net); 'dotnet' was not found." >&2; return 1; }
  export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
}
