#!/usr/bin/env bash
# Installs alpha's dependencies from the operating system's package manager (apt on
# Debian/Ubuntu). Never downloads sources: no git, curl, wget, pip or FetchContent.
#
#   install-deps.sh                 install the required and test groups (idempotent)
#   install-deps.sh --check         only report what is missing (exit 1 if anything is)
#   install-deps.sh --print         print the package names that would be installed
#   install-deps.sh --with-bench    also Google Benchmark      (--with-docs, --with-tools likewise)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
list="$here/packages-debian.txt"
groups=(required test)
mode=install
for arg in "$@"; do
  case "$arg" in
    --check) mode=check ;;
    --print) mode=print ;;
    --with-bench) groups+=(bench) ;;
    --with-docs) groups+=(docs) ;;
    --with-tools) groups+=(tools) ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "install-deps.sh: unknown option '$arg' (see --help)" >&2; exit 2 ;;
  esac
done

# Package names of the selected groups, from packages-debian.txt.
packages=()
current=""
while IFS= read -r line; do
  line="${line%%#*}"; line="${line//[[:space:]]/}"
  [[ -z "$line" ]] && continue
  if [[ "$line" =~ ^\[(.*)\]$ ]]; then current="${BASH_REMATCH[1]}"; continue; fi
  for g in "${groups[@]}"; do [[ "$g" == "$current" ]] && packages+=("$line"); done
done < "$list"

if [[ "$mode" == print ]]; then printf '%s\n' "${packages[@]}"; exit 0; fi

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }

if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
  echo "install-deps.sh: this system has no apt-get/dpkg. Nothing is downloaded by this script;" >&2
  echo "install these packages (or your system's equivalents, see conanless-install/README.md):" >&2
  printf '  %s\n' "${packages[@]}" >&2
  exit 2
fi

missing=()
for p in "${packages[@]}"; do installed "$p" || missing+=("$p"); done

if [[ "$mode" == check ]]; then
  if ((${#missing[@]})); then
    echo "missing: ${missing[*]}"
    exit 1
  fi
  echo "all ${#packages[@]} packages installed"
  exit 0
fi

if ((${#missing[@]})); then
  as_root=()
  if [[ "$(id -u)" != 0 ]]; then
    command -v sudo >/dev/null 2>&1 || { echo "install-deps.sh: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
    as_root=(sudo)
  fi
  echo "install-deps.sh: installing ${missing[*]}"
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

echo "install-deps.sh: dependencies present:"
for p in "${packages[@]}"; do
  printf '  %-20s %s\n' "$p" "$(dpkg-query -W -f='${Version}' "$p" 2>/dev/null)"
done
