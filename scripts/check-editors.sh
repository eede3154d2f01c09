#!/usr/bin/env bash
# Static checks of the editor integrations and the pre-commit manifest (no
# juesuan binary needed):
#   - editors/vscode/extension.js is valid JavaScript (node --check);
#   - editors/vscode/package.json parses, has the required fields, and its
#     contributes.configuration settings (less juesuan.path and
#     juesuan.trace.server) are exactly `juesuan.` + each top-level key of
#     schema/juesuan.schema.json; the schema is valid draft-07 (when the
#     jsonschema module is there) and editors/vscode/juesuan.schema.json is an
#     identical copy;
#   - .pre-commit-hooks.yaml parses and each hook has id, name, entry, language;
#   - editors/helix/languages.toml parses (tomllib) and defines the server;
#   - editors/nvim/lsp/juesuan.lua loads and returns the expected table (with
#     Neovim, when installed: .build/tools/venv/bin/nvim or nvim on PATH);
#   - editors/emacs/juesuan.el byte-compiles with Eglot (when Emacs is there);
#   - the scripts in scripts/ pass `bash -n`.
# Usage: scripts/check-editors.sh
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/_common.sh"
cd "$ROOT"

step "static checks of editors/, schema/ and .pre-commit-hooks.yaml"

check() {  # check DESCRIPTION COMMAND...
  local what="$1"
  shift
  local out
  if out="$("$@" 2>&1)"; then
    pass "$what"
    [ -z "$out" ] || echo "$out" | sed 's/^/    /'
  else
    fail "$what"
    [ -z "$out" ] || echo "$out" | sed 's/^/    /'
  fi
}

# --- VS Code ------------------------------------------------------------------
if command -v node >/dev/null 2>&1; then
  check "node --check editors/vscode/extension.js" node --check editors/vscode/extension.js
else
  skip "node not found: editors/vscode/extension.js not syntax-checked"
fi

check "editors/vscode/juesuan.schema.json is identical to schema/juesuan.schema.json" \
  cmp schema/juesuan.schema.json editors/vscode/juesuan.schema.json

check "schema/juesuan.schema.json parses (and is valid draft-07 when jsonschema is installed)" python3 - <<'PY'
import json
schema = json.load(open("schema/juesuan.schema.json", encoding="utf-8"))
assert schema.get("$schema", "").startswith("http://json-schema.org/draft-07/schema"), "not draft-07"
assert schema.get("type") == "object", "top level must be an object"
props = schema.get("properties") or {}
for key in ["rules", "failLevel", "reportYear", "catalogueEdition", "catalogue", "ignore", "explainThreshold"]:
    assert key in props, f"schema lacks {key}"
    assert props[key].get("description"), f"{key} has no description"
assert props["rules"]["propertyNames"]["pattern"] == "^[a-z]+/([a-z-]+|\\*)$", "rules.propertyNames pattern"
try:
    import jsonschema
except ImportError:
    print("(jsonschema not installed: meta-validation skipped)")
else:
    jsonschema.Draft7Validator.check_schema(schema)
    v = jsonschema.Draft7Validator(schema)
    good = {"rules": {"text/placeholder": "error", "explain/*": "off", "sum/rounding-tail": False},
            "failLevel": "warning", "reportYear": 2023, "catalogueEdition": 2024,
            "catalogue": "codes.tsv", "ignore": ["old/**"], "explainThreshold": 10}
    errors = [e.message for e in v.iter_errors(good)]
    assert not errors, errors
    for bad in ({"rules": {"Placeholder": "error"}}, {"rules": {"text/placeholder": "fatal"}},
                {"failLevel": "off"}, {"explainThreshold": "10"}, {"ignore": "old/**"}, {"unknownKey": 1}):
        assert list(v.iter_errors(bad)), f"schema accepts {bad}"
    print("draft-07 meta-schema: valid; sample configurations: accepted / rejected as expected")
PY

# Rule codes documented in docs/rules.md (generated from the rule declarations)
# that the schema does not list for completion: a note, not a failure (the
# schema's propertyNames pattern accepts them anyway).
if [ -f docs/rules.md ]; then
  python3 - <<'PY' || true
import json, re
schema = json.load(open("schema/juesuan.schema.json", encoding="utf-8"))
listed = set(schema["properties"]["rules"].get("properties", {}))
documented = set(re.findall(r"\b((?:sum|xref|change|subject|explain|text|table|perf)/[a-z][a-z-]*)\b",
                            open("docs/rules.md", encoding="utf-8").read()))
missing = sorted(documented - listed)
if missing:
    print("note: rules in docs/rules.md not listed in schema/juesuan.schema.json (completion only):", ", ".join(missing))
PY
fi

check "editors/vscode/package.json: fields, activation, commands, settings = schema keys" python3 - <<'PY'
import json
pkg = json.load(open("editors/vscode/package.json", encoding="utf-8"))
schema = json.load(open("schema/juesuan.schema.json", encoding="utf-8"))
for field in ["name", "publisher", "version", "engines", "main", "activationEvents", "contributes"]:
    assert field in pkg, f"package.json lacks {field}"
assert pkg["name"] == "juesuan" and pkg["publisher"] == "juesuan", "name/publisher"
assert pkg["engines"]["vscode"].startswith("^1.85"), "engines.vscode"
assert pkg["main"] == "./extension.js", "main"
for ev in ["onLanguage:plaintext", "onLanguage:markdown"]:
    assert ev in pkg["activationEvents"], f"activationEvents lacks {ev}"
assert pkg.get("dependencies", {}).get("vscode-languageclient", "").startswith("^9"), "vscode-languageclient ^9"
contributes = pkg["contributes"]
config = contributes["configuration"]
configs = config if isinstance(config, list) else [config]
settings = {}
for c in configs:
    settings.update(c.get("properties", {}))
for key, spec in settings.items():
    assert "type" in spec or "enum" in spec, f"setting {key} has no type"
    assert spec.get("description") or spec.get("markdownDescription"), f"setting {key} has no description"
server_settings = set(settings) - {"juesuan.path", "juesuan.trace.server"}
assert {"juesuan.path", "juesuan.trace.server"} <= set(settings), "juesuan.path / juesuan.trace.server missing"
expected = {"juesuan." + k for k in schema["properties"]}
missing, extra = sorted(expected - server_settings), sorted(server_settings - expected)
assert not missing and not extra, f"settings differ from the schema: missing {missing}, extra {extra}"
# enums agree with the schema's
assert settings["juesuan.failLevel"]["enum"] == schema["properties"]["failLevel"]["enum"], "failLevel enum"
commands = {c["command"] for c in contributes.get("commands", [])}
for cmd in ["juesuan.restartServer", "juesuan.showOutput"]:
    assert cmd in commands, f"command {cmd} not contributed"
validations = contributes.get("jsonValidation", [])
assert any(v.get("fileMatch") in (".juesuan.json", "**/.juesuan.json", [".juesuan.json"])
           and v.get("url") in ("./juesuan.schema.json", "juesuan.schema.json") for v in validations), \
    "jsonValidation must map .juesuan.json to ./juesuan.schema.json"
# commands used by extension.js are contributed, and vice versa
js = open("editors/vscode/extension.js", encoding="utf-8").read()
for cmd in commands:
    assert f"'{cmd}'" in js, f"{cmd} contributed but not registered in extension.js"
print(f"{len(server_settings)} server settings = schema keys; commands {sorted(commands)}")
PY

check "editors/vscode has README.md and .vscodeignore" test -s editors/vscode/README.md -a -s editors/vscode/.vscodeignore

# --- pre-commit -----------------------------------------------------------------
check ".pre-commit-hooks.yaml: hooks juesuan and juesuan-fix with id, name, entry, language" python3 - <<'PY'
import re, yaml
hooks = yaml.safe_load(open(".pre-commit-hooks.yaml", encoding="utf-8"))
assert isinstance(hooks, list) and hooks, "must be a list of hooks"
by_id = {}
for h in hooks:
    for key in ["id", "name", "entry", "language"]:
        assert h.get(key), f"hook {h.get('id')} lacks {key}"
    by_id[h["id"]] = h
assert by_id["juesuan"]["entry"] == "juesuan check", "juesuan entry"
assert by_id["juesuan-fix"]["entry"] == "juesuan fix", "juesuan-fix entry"
for h in hooks:
    assert h["language"] == "swift", f"{h['id']}: language should be swift"
    files = re.compile(h["files"])
    for name in ["report.txt", "docs/2023/决算.md", "a.markdown"]:
        assert files.search(name), f"{h['id']} files: misses {name}"
    for name in ["Package.swift", "notes.csv", "md.txt.bak"]:
        assert not files.search(name), f"{h['id']} files: matches {name}"
print("hooks:", ", ".join(by_id))
PY
PRE_COMMIT_BIN="$VENV/bin/pre-commit"
[ -x "$PRE_COMMIT_BIN" ] || PRE_COMMIT_BIN="$(command -v pre-commit || true)"
if [ -n "$PRE_COMMIT_BIN" ]; then
  check "pre-commit validate-manifest .pre-commit-hooks.yaml" "$PRE_COMMIT_BIN" validate-manifest .pre-commit-hooks.yaml
else
  skip "pre-commit not installed: validate-manifest not run"
fi

# --- Helix ----------------------------------------------------------------------
check "editors/helix/languages.toml parses and wires juesuan to markdown and text" python3 - <<'PY'
import tomllib
doc = tomllib.load(open("editors/helix/languages.toml", "rb"))
server = doc["language-server"]["juesuan"]
assert server["command"] == "juesuan" and server["args"] == ["lsp"], "language-server.juesuan"
langs = {l["name"]: l for l in doc["language"]}
for name in ["markdown", "text"]:
    assert "juesuan" in langs[name]["language-servers"], f"{name} does not use juesuan"
assert "txt" in langs["text"]["file-types"] and langs["text"]["scope"], "text language"
print("languages:", ", ".join(langs))
PY

# --- Neovim ---------------------------------------------------------------------
NVIM_BIN="${NVIM:-}"
[ -n "$NVIM_BIN" ] || { [ -x "$VENV/bin/nvim" ] && NVIM_BIN="$VENV/bin/nvim"; } || NVIM_BIN="$(command -v nvim || true)"
if [ -n "$NVIM_BIN" ] && [ -x "$NVIM_BIN" ]; then
  check "editors/nvim/lsp/juesuan.lua loads in Neovim and returns the config" \
    "$NVIM_BIN" --headless --clean -l /dev/stdin "$ROOT/editors/nvim/lsp/juesuan.lua" <<'LUA'
local file = arg[1]
local chunk, err = loadfile(file)
if not chunk then io.stderr:write(err .. '\n') os.exit(1) end
local ok, cfg = pcall(chunk)
if not ok then io.stderr:write(tostring(cfg) .. '\n') os.exit(1) end
local function check(cond, what) if not cond then io.stderr:write('bad: ' .. what .. '\n') os.exit(1) end end
check(type(cfg) == 'table', 'returns a table')
check(vim.deep_equal(cfg.cmd, { 'juesuan', 'lsp' }), 'cmd')
check(vim.deep_equal(cfg.filetypes, { 'text', 'markdown' }), 'filetypes')
check(vim.deep_equal(cfg.root_markers, { '.juesuan.json', '.git' }), 'root_markers')
check(type(cfg.settings) == 'table' and type(cfg.settings.juesuan) == 'table', 'settings.juesuan')
check(vim.json.encode(cfg.settings) == '{"juesuan":{}}', 'settings must encode as {"juesuan":{}} (use vim.empty_dict())')
print(vim.inspect(cfg, { newline = ' ', indent = '' }))
LUA
else
  skip "nvim not installed (scripts/install-test-tools.sh): editors/nvim/lsp/juesuan.lua not loaded"
fi
check "editors/nvim/README.md shows vim.lsp.enable and an nvim-lspconfig snippet" \
  grep -q "vim.lsp.enable('juesuan')" editors/nvim/README.md
check "editors/nvim/README.md has an nvim-lspconfig snippet" grep -q "lspconfig" editors/nvim/README.md

# --- Emacs ----------------------------------------------------------------------
if command -v emacs >/dev/null 2>&1 && emacs --batch --eval '(require (quote eglot))' >/dev/null 2>&1; then
  tmp="$(mktemp -d)"
  cp editors/emacs/juesuan.el "$tmp/"
  check "editors/emacs/juesuan.el byte-compiles without warnings and provides juesuan" \
    emacs --batch --eval "(progn (add-to-list 'load-path \"$tmp\") (setq byte-compile-error-on-warn t))" \
      -f batch-byte-compile "$tmp/juesuan.el"
  check "juesuan.el registers (\"juesuan\" \"lsp\") for text-mode and markdown-mode in eglot-server-programs" \
    emacs --batch -l "$tmp/juesuan.el" --eval "(progn
      (require 'juesuan)
      (dolist (mode '(text-mode markdown-mode))
        (let* ((entry (cl-find-if (lambda (e) (member mode (mapcar (lambda (s) (if (consp s) (car s) s))
                                                                 (if (listp (car e)) (car e) (list (car e))))))
                                  eglot-server-programs))
               (contact (and entry (if (functionp (cdr entry)) (funcall (cdr entry) nil) (cdr entry)))))
          (unless (equal contact '(\"juesuan\" \"lsp\")) (error \"%s -> %S\" mode contact))))
      (unless (commandp 'juesuan-check-buffer) (error \"juesuan-check-buffer is not a command\")))"
  rm -rf "$tmp"
else
  skip "emacs with eglot not installed: editors/emacs/juesuan.el not compiled"
fi

# --- scripts --------------------------------------------------------------------
for script in scripts/*.sh; do
  check "bash -n $script" bash -n "$script"
done

summary
