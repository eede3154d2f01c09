#!/usr/bin/env bash
# End-to-end test of juesuan's language server in a real Emacs with Eglot:
# `emacs --batch` loads editors/emacs/juesuan.el, opens a draft with a
# template placeholder (××) in text-mode, starts Eglot with `eglot-ensure`,
# polls Flymake for diagnostics and checks the text/placeholder one is on the
# right line; then shuts the server down through Eglot.
#
# Usage: scripts/e2e-emacs.sh
# Env:   JUESUAN  juesuan binary (default .build/release/juesuan under the repo root)
#        EMACS    emacs binary (default emacs on PATH; Debian: emacs-nox elpa-eglot,
#                 installed by scripts/install-test-tools.sh)
#        JUESUAN_E2E_TIMEOUT  seconds to wait for diagnostics (default 15)
#        JUESUAN_E2E_SKIP_MISSING=1  skip (exit 0) instead of failing when emacs,
#                 eglot or the binary is missing
#        KEEP=1   keep the temporary folder
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/_common.sh"

step "Emacs (Eglot + Flymake) end-to-end test of 'juesuan lsp'"
require_juesuan

EMACS="${EMACS:-$(command -v emacs || true)}"
if [ -z "$EMACS" ] || [ ! -x "$EMACS" ]; then
  missing "emacs not found (run scripts/install-test-tools.sh, or apt-get install emacs-nox elpa-eglot)"
fi
echo "emacs: $EMACS ($("$EMACS" --version | head -n1))"
# No -Q: Debian's site-start puts the elpa-* packages (eglot) on load-path.
if ! "$EMACS" --batch --eval '(require (quote eglot))' >/dev/null 2>&1; then
  missing "eglot is not loadable in $EMACS (apt-get install elpa-eglot, or use Emacs >= 29)"
fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/juesuan-e2e-emacs.XXXXXX")"
cleanup() { if [ "${KEEP:-0}" = 1 ]; then echo "kept $WORK"; else rm -rf "$WORK"; fi; }
trap cleanup EXIT

DRAFT="$WORK/draft/report.md"
mkdir -p "$WORK/draft"
if [ -f "$ROOT/samples/defective.md" ] && [ -n "$(placeholder_lines "$ROOT/samples/defective.md")" ]; then
  cp "$ROOT/samples/defective.md" "$DRAFT"
  EXPECTED_LINES="$(placeholder_lines "$ROOT/samples/defective.md" | tr '\n' ' ')"
  echo "draft: copy of samples/defective.md (placeholders on lines: $EXPECTED_LINES)"
else
  write_defective_draft "$DRAFT"
  EXPECTED_LINES="$DRAFT_PLACEHOLDER_LINE"
  echo "draft: built-in (placeholder on line $EXPECTED_LINES)"
fi
echo '{}' > "$WORK/draft/.juesuan.json"

OUT="$WORK/diagnostics.tsv"   # line (1-based) TAB code TAB text
RESULT="$WORK/result.txt"     # key=value lines

cat > "$WORK/test.el" <<'ELISP'
;;; test.el --- run by scripts/e2e-emacs.sh -*- lexical-binding: t; -*-
(require 'cl-lib)
(require 'eglot)
(require 'flymake)

(defvar e2e-results nil)
(defun e2e-result (key value)
  (push (format "%s=%s" key value) e2e-results))
(defun e2e-write (file lines)
  (with-temp-file file
    (dolist (l lines) (insert l "\n"))))
(defun e2e-code (diag)
  "The LSP code of a Flymake DIAG made by Eglot."
  (or (ignore-errors
        (let ((lsp (alist-get 'eglot-lsp-diag (flymake-diagnostic-data diag))))
          (and (plist-get lsp :code) (format "%s" (plist-get lsp :code)))))
      (let ((text (flymake-diagnostic-text diag)))
        (and (string-match "\\[\\([a-z]+/[a-z-]+\\)\\]" text) (match-string 1 text)))
      ""))
(defun e2e-diagnostics ()
  "Flymake's diagnostics as \"LINE<TAB>CODE<TAB>TEXT\" lines, by line."
  (mapcar (lambda (entry) (format "%d\t%s\t%s" (nth 0 entry) (nth 1 entry) (nth 2 entry)))
          (sort (mapcar (lambda (d)
                          (list (line-number-at-pos (flymake-diagnostic-beg d))
                                (e2e-code d)
                                (replace-regexp-in-string "[\t\n]" " " (flymake-diagnostic-text d))))
                        (flymake-diagnostics))
                (lambda (a b) (or (< (car a) (car b))
                                  (and (= (car a) (car b)) (string< (cadr a) (cadr b))))))))
(defun e2e-placeholders ()
  (cl-count-if (lambda (d) (equal (e2e-code d) "text/placeholder")) (flymake-diagnostics)))
(defun e2e-wait (seconds pred)
  "Run the event loop until PRED is non-nil or SECONDS pass."
  (let ((deadline (+ (float-time) seconds)) (ok nil))
    (while (and (not (setq ok (funcall pred))) (< (float-time) deadline))
      (accept-process-output nil 0.1))
    ok))

(defun e2e-main ()
  (let* ((timeout (string-to-number (getenv "E2E_TIMEOUT")))
         (eglot-sync-connect t)
         (eglot-connect-timeout timeout))
    (load (getenv "E2E_JUESUAN_EL") nil t)
    (setq juesuan-executable (getenv "JUESUAN"))
    (find-file (getenv "E2E_DRAFT"))
    (text-mode)
    (e2e-result "major_mode" major-mode)
    ;; What a user's hook does; post-command-hook never runs in batch mode,
    ;; so run it once by hand to let eglot-ensure connect.
    (juesuan-eglot-ensure)
    (run-hooks 'post-command-hook)
    (unless (bound-and-true-p eglot--managed-mode)
      (apply #'eglot (eglot--guess-contact)))
    (let ((server (eglot-current-server)))
      (e2e-result "managed" (if (and server (bound-and-true-p eglot--managed-mode)) "true" "false"))
      (when server
        (e2e-result "language_id" (ignore-errors (eglot--language-id server)))
        (e2e-result "flymake" (if (bound-and-true-p flymake-mode) "true" "false"))
        (let ((got (e2e-wait timeout
                             (lambda ()
                               ;; Ask Flymake to (re)collect Eglot's diagnostics.
                               (when (and (bound-and-true-p flymake-mode) (= 0 (e2e-placeholders)))
                                 (flymake-start))
                               (> (e2e-placeholders) 0)))))
          (e2e-wait 0.5 #'ignore)
          (let ((lines (e2e-diagnostics)))
            (e2e-write (getenv "E2E_OUT") lines)
            (e2e-result "diagnostics" (length lines)))
          (e2e-result "placeholder_found" (if got "true" "false")))
        ;; M-x juesuan-check-buffer: `juesuan check' into a compilation buffer.
        (let ((buffer (juesuan-check-buffer)))
          (e2e-wait timeout (lambda () (not (get-buffer-process buffer))))
          (with-current-buffer buffer
            (e2e-write (getenv "E2E_CHECK_OUT") (list (buffer-string)))
            (e2e-result "check_buffer_placeholder"
                        (if (save-excursion (goto-char (point-min))
                                            (search-forward "text/placeholder" nil t))
                            "true" "false"))
            ;; next-error must find a location in the draft.
            (e2e-result "check_buffer_locus"
                        (condition-case nil
                            (progn (goto-char (point-min))
                                   (compilation-next-error 1)
                                   "true")
                          (error "false")))))
        (let ((proc (jsonrpc--process server)))
          (eglot-shutdown server)
          (e2e-result "stopped" (if (e2e-wait timeout (lambda () (not (process-live-p proc))))
                                    "true" "false")))))))

(let ((status 0))
  (condition-case err
      (e2e-main)
    (error (e2e-result "lisp_error" (replace-regexp-in-string "\n" " " (format "%S" err)))
           (setq status 3)))
  (e2e-write (getenv "E2E_RESULT") (reverse e2e-results))
  (kill-emacs status))
ELISP

step "running emacs --batch (timeout ${JUESUAN_E2E_TIMEOUT:-15} s per wait)"
set +e
E2E_TIMEOUT="${JUESUAN_E2E_TIMEOUT:-15}" E2E_JUESUAN_EL="$ROOT/editors/emacs/juesuan.el" \
E2E_DRAFT="$DRAFT" E2E_OUT="$OUT" E2E_RESULT="$RESULT" E2E_CHECK_OUT="$WORK/check-buffer.txt" HOME="$WORK/home" \
  timeout 180 "$EMACS" --batch -l "$WORK/test.el" </dev/null >"$WORK/emacs.out" 2>&1
rc=$?
set -e
echo "emacs exited with $rc"
echo "--- emacs output (last 30 lines)"; tail -n 30 "$WORK/emacs.out"
if [ ! -f "$RESULT" ]; then
  fail "Emacs wrote no result (exit $rc)"
  summary; exit $?
fi
echo "--- result"; cat "$RESULT"
get() { sed -n "s/^$1=//p" "$RESULT" | head -n1; }

[ -z "$(get lisp_error)" ] || fail "Lisp error: $(get lisp_error)"
if [ "$(get managed)" = true ]; then
  pass "Eglot manages the buffer with juesuan (mode $(get major_mode), language id $(get language_id))"
else
  fail "Eglot did not start juesuan for the buffer"
  summary; exit $?
fi
if [ "$(get flymake)" = true ]; then
  pass "Flymake is on in the buffer"
else
  fail "Flymake is off in the Eglot-managed buffer"
fi
echo "--- Flymake diagnostics (line, code, text)"
[ -f "$OUT" ] && cat "$OUT"
if [ "$(get placeholder_found)" = true ]; then
  pass "text/placeholder diagnostic shown by Flymake"
else
  fail "no text/placeholder diagnostic within ${JUESUAN_E2E_TIMEOUT:-15} s"
fi
found_line=""
for l in $EXPECTED_LINES; do
  if awk -F'\t' -v l="$l" '$1 == l && $2 == "text/placeholder" { f = 1 } END { exit !f }' "$OUT" 2>/dev/null; then
    found_line="$l"; break
  fi
done
if [ -n "$found_line" ]; then
  pass "text/placeholder diagnostic on line $found_line"
else
  fail "no text/placeholder diagnostic on the expected line(s) $EXPECTED_LINES"
fi
if [ -n "$(get check_buffer_placeholder)" ]; then
  echo "--- *juesuan check* buffer"
  sed 's/^/    /' "$WORK/check-buffer.txt"
  if [ "$(get check_buffer_placeholder)" = true ] && [ "$(get check_buffer_locus)" = true ]; then
    pass "M-x juesuan-check-buffer lists text/placeholder with a location next-error can visit"
  else
    fail "M-x juesuan-check-buffer: placeholder listed=$(get check_buffer_placeholder), visitable location=$(get check_buffer_locus)"
  fi
fi
if [ -n "$(get stopped)" ]; then
  if [ "$(get stopped)" = true ]; then
    pass "server exited after eglot-shutdown"
  else
    fail "server still running ${JUESUAN_E2E_TIMEOUT:-15} s after eglot-shutdown"
  fi
fi
if [ "$rc" -ne 0 ] && [ -z "$(get lisp_error)" ]; then
  fail "emacs exited with status $rc"
fi

summary
