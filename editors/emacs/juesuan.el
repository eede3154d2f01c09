;;; juesuan.el --- Check departmental final-accounts reports with juesuan -*- lexical-binding: t; -*-

;; Copyright (C) 2026 The juesuan authors

;; Author: The juesuan authors
;; Maintainer: The juesuan authors
;; Version: 0.1.0
;; Package-Requires: ((emacs "27.1") (eglot "1.9"))
;; Keywords: tools, languages, convenience
;; URL: https://example.invalid/juesuan

;; This file is not part of GNU Emacs.

;;; Commentary:

;; juesuan checks drafts of departmental final-accounts reports
;; (部门决算公开稿): sums, cross-references between tables and text,
;; subject codes, explanations and wording.  Its language server
;; (`juesuan lsp') gives diagnostics and quick fixes through Eglot.
;;
;; Setup:
;;
;;   (add-to-list 'load-path "/path/to/juesuan/editors/emacs")
;;   (require 'juesuan)
;;   (add-hook 'text-mode-hook #'juesuan-eglot-ensure)      ; .txt drafts
;;   (add-hook 'markdown-mode-hook #'juesuan-eglot-ensure)  ; .md drafts
;;
;; `juesuan-eglot-ensure' starts Eglot only for files whose names match
;; `juesuan-file-regexp' (so commit messages and other text buffers are left
;; alone).  Diagnostics show through Flymake; quick fixes through
;; `eglot-code-actions'.  `M-x juesuan-check-buffer' runs `juesuan check' on
;; the current file into a compilation buffer, and `M-x juesuan-fix-buffer'
;; applies its safe fixes.

;;; Code:

(require 'eglot)
(require 'compile)

(defgroup juesuan nil
  "Check departmental final-accounts reports (部门决算公开) with juesuan."
  :group 'tools
  :prefix "juesuan-")

(defcustom juesuan-executable "juesuan"
  "Name or path of the juesuan executable."
  :type 'string)

(defcustom juesuan-modes '(markdown-mode gfm-mode text-mode)
  "Major modes for which Eglot uses juesuan as the language server.
Modes derived from these match too (Eglot's rule), so `M-x eglot' in,
say, a LaTeX buffer would also pick juesuan; use `juesuan-eglot-ensure'
from hooks to limit it to drafts.  Set this before loading juesuan.el,
or call `juesuan--register' after changing it."
  :type '(repeat symbol))

(defcustom juesuan-file-regexp "\\.\\(txt\\|md\\|markdown\\)\\'"
  "Files that `juesuan-eglot-ensure' starts the language server for."
  :type 'regexp)

(defcustom juesuan-check-arguments '("--format" "text" "--no-color")
  "Extra arguments for `juesuan check' in `juesuan-check-buffer'."
  :type '(repeat string))

(defcustom juesuan-initialization-options nil
  "Settings sent to the server, as a plist with the keys of .juesuan.json.
For example (:failLevel \"warning\" :rules (:text/punctuation \"off\")).
They override the nearest .juesuan.json."
  :type '(plist))

;; In Emacs 28 with Eglot 1.9 a contact may carry :initializationOptions.
(defun juesuan--eglot-contact (&optional _interactive)
  "The command line of the juesuan language server, for Eglot."
  (append (list juesuan-executable "lsp")
          (and juesuan-initialization-options
               (list :initializationOptions juesuan-initialization-options))))

(defun juesuan--mode-specs ()
  "`juesuan-modes' as Eglot mode specs with LSP language ids.
Markdown modes come first: they derive from `text-mode', and Eglot
takes the first spec that a buffer's mode derives from."
  (let (markdown text)
    (dolist (mode juesuan-modes)
      (if (string-match-p "markdown\\|gfm" (symbol-name mode))
          (push (list mode :language-id "markdown") markdown)
        (push (list mode :language-id "plaintext") text)))
    (append (nreverse markdown) (nreverse text))))

(defun juesuan--register ()
  "Put juesuan first in `eglot-server-programs' for `juesuan-modes'."
  (setq eglot-server-programs
        (cons (cons (juesuan--mode-specs) #'juesuan--eglot-contact)
              (seq-remove (lambda (entry) (eq (cdr entry) #'juesuan--eglot-contact))
                          eglot-server-programs))))

(juesuan--register)

;; Settings reach the server as workspace/configuration (section "juesuan")
;; through `eglot-workspace-configuration'; set it per project in
;; .dir-locals.el, e.g.
;;   ((nil . ((eglot-workspace-configuration
;;             . (:juesuan (:failLevel "warning"))))))

;;;###autoload
(defun juesuan-eglot-ensure ()
  "Start Eglot with juesuan in this buffer if it visits a draft.
Meant for `text-mode-hook' and `markdown-mode-hook'."
  (when (and buffer-file-name
             (string-match-p juesuan-file-regexp buffer-file-name)
             (apply #'derived-mode-p juesuan-modes))
    (eglot-ensure)))

(defun juesuan--file ()
  "The file of the current buffer, saved, or an error."
  (unless buffer-file-name
    (user-error "Buffer %s visits no file" (buffer-name)))
  (when (buffer-modified-p)
    (save-buffer))
  buffer-file-name)

;;;###autoload
(defun juesuan-check-buffer ()
  "Run `juesuan check' on the current file into a compilation buffer.
Findings are listed as FILE:LINE:COLUMN, so `next-error' visits them."
  (interactive)
  (let* ((file (juesuan--file))
         (default-directory (file-name-directory file))
         (command (mapconcat #'shell-quote-argument
                             (append (list juesuan-executable "check")
                                     juesuan-check-arguments
                                     (list (file-local-name file)))
                             " ")))
    (compilation-start command 'compilation-mode
                       (lambda (_mode) "*juesuan check*"))))

;;;###autoload
(defun juesuan-fix-buffer ()
  "Apply juesuan's safe fixes to the current file, then revert the buffer."
  (interactive)
  (let* ((file (juesuan--file))
         (default-directory (file-name-directory file)))
    (with-current-buffer (get-buffer-create "*juesuan fix*")
      (let ((inhibit-read-only t)) (erase-buffer)))
    (let ((status (call-process juesuan-executable nil "*juesuan fix*" nil
                                "fix" (file-local-name file))))
      (revert-buffer t t t)
      (if (eq status 0)
          (message "juesuan fix: %s"
                   (with-current-buffer "*juesuan fix*"
                     (string-trim (buffer-string))))
        (display-buffer "*juesuan fix*")
        (message "juesuan fix exited with %s" status)))))

(provide 'juesuan)

;;; juesuan.el ends here
