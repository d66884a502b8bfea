# shellcheck shell=bash

# The API's smallest gen0 budget (128 MB, hexadecimal as the runtime reads it), for deploy/up and the benchmarks: the
# runtime's default on a small machine is a few tens of MB, so under load it collects (and pauses every request)
# several times more often. Only an environment variable sets it (no runtimeconfig knob); the Dockerfile sets the same.
PLATFORM_GEN0_SIZE=0x8000000

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
