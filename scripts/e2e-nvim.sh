#!/usr/bin/env bash
# End-to-end test of juesuan's language server in a real Neovim (0.11+):
# headless Neovim loads editors/nvim/lsp/juesuan.lua through vim.lsp.config /
# vim.lsp.enable, opens a draft with a template placeholder (××), waits for
# the server's diagnostics and checks the text/placeholder one is on the
# right line; then asks for code actions on it, applies the
# "ignore this rule on this line" one and checks the diagnostic goes away;
# finally stops the server and checks it exits.
#
# Usage: scripts/e2e-nvim.sh
# Env:   JUESUAN  juesuan binary (default .build/release/juesuan under the repo root)
#        NVIM     nvim binary (default .build/tools/venv/bin/nvim, then nvim on PATH;
#                 install with scripts/install-test-tools.sh)
#        JUESUAN_E2E_TIMEOUT  seconds to wait for diagnostics (default 15)
#        JUESUAN_E2E_SKIP_MISSING=1  skip (exit 0) instead of failing when nvim
#                 or the binary is missing
#        KEEP=1   keep the temporary folder
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/_common.sh"

step "Neovim end-to-end test of 'juesuan lsp'"
require_juesuan

NVIM="${NVIM:-}"
if [ -z "$NVIM" ]; then
  if [ -x "$VENV/bin/nvim" ]; then NVIM="$VENV/bin/nvim"; else NVIM="$(command -v nvim || true)"; fi
fi
if [ -z "$NVIM" ] || [ ! -x "$NVIM" ]; then
  missing "nvim not found (run scripts/install-test-tools.sh, or set NVIM=path)"
fi
NVIM_VERSION="$("$NVIM" --version | head -n1)"
echo "nvim: $NVIM ($NVIM_VERSION)"
if ! "$NVIM" --headless --clean -c 'lua if vim.fn.has("nvim-0.11") == 1 then vim.cmd("qall!") else vim.cmd("cquit 1") end' >/dev/null 2>&1; then
  missing "$NVIM_VERSION is older than 0.11 (vim.lsp.config is needed)"
fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/juesuan-e2e-nvim.XXXXXX")"
cleanup() { if [ "${KEEP:-0}" = 1 ]; then echo "kept $WORK"; else rm -rf "$WORK"; fi; }
trap cleanup EXIT

# The draft: samples/defective.md when the repo has it, else a small one.
DRAFT="$WORK/draft/report.md"
mkdir -p "$WORK/draft"
if [ -f "$ROOT/samples/defective.md" ]; then
  cp "$ROOT/samples/defective.md" "$DRAFT"
  EXPECTED_LINES="$(placeholder_lines "$ROOT/samples/defective.md" | tr '\n' ' ')"
  echo "draft: copy of samples/defective.md (placeholders on lines: ${EXPECTED_LINES:-none})"
  if [ -z "$EXPECTED_LINES" ]; then
    echo "samples/defective.md has no placeholder; using the built-in draft instead"
    write_defective_draft "$DRAFT"
    EXPECTED_LINES="$DRAFT_PLACEHOLDER_LINE"
  fi
else
  write_defective_draft "$DRAFT"
  EXPECTED_LINES="$DRAFT_PLACEHOLDER_LINE"
  echo "draft: built-in (placeholder on line $EXPECTED_LINES)"
fi
echo '{}' > "$WORK/draft/.juesuan.json"   # a root marker, with default settings
DRAFT_TXT="$WORK/draft/report.txt"
write_defective_draft "$DRAFT_TXT"

OUT="$WORK/diagnostics.tsv"     # lnum (1-based) TAB code TAB message
AFTER="$WORK/after-fix.tsv"     # the same, after applying the code action
ACTIONS="$WORK/actions.txt"     # titles of the code actions offered
RESULT="$WORK/result.txt"       # key=value lines written by the Lua side
LOG="$WORK/nvim.log"

cat > "$WORK/test.lua" <<'LUA'
-- Runs inside `nvim --headless --clean`. Everything goes through pcall so
-- that an error ends Neovim (cquit) instead of leaving it waiting.
local env = vim.env
local timeout = tonumber(env.E2E_TIMEOUT) * 1000
local results = {}
local function result(k, v) results[#results + 1] = k .. '=' .. tostring(v) end
local function write_lines(path, lines)
  local f = assert(io.open(path, 'w'))
  for _, l in ipairs(lines) do f:write(l, '\n') end
  f:close()
end
local function code_of(d)
  return d.code or vim.tbl_get(d, 'user_data', 'lsp', 'code') or ''
end
local function dump(bufnr, path)
  local diags = vim.diagnostic.get(bufnr)
  table.sort(diags, function(a, b)
    if a.lnum ~= b.lnum then return a.lnum < b.lnum end
    return code_of(a) < code_of(b)
  end)
  local lines = {}
  for _, d in ipairs(diags) do
    lines[#lines + 1] = string.format('%d\t%s\t%s', d.lnum + 1, code_of(d), (d.message:gsub('[\t\n]', ' ')))
  end
  write_lines(path, lines)
  return lines
end
local function placeholders(bufnr)
  local n = 0
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if code_of(d) == 'text/placeholder' then n = n + 1 end
  end
  return n
end

local function main()
  vim.opt.runtimepath:prepend(env.E2E_RTP)     -- finds lsp/juesuan.lua
  vim.lsp.config('juesuan', { cmd = { env.JUESUAN, 'lsp' } })
  vim.lsp.enable('juesuan')

  vim.cmd.edit(vim.fn.fnameescape(env.E2E_DRAFT))
  local bufnr = vim.api.nvim_get_current_buf()
  result('filetype', vim.bo[bufnr].filetype)

  local attached = vim.wait(timeout, function()
    return #vim.lsp.get_clients({ bufnr = bufnr, name = 'juesuan' }) > 0
  end, 50)
  result('attached', attached)
  if not attached then return end
  local client = vim.lsp.get_clients({ bufnr = bufnr, name = 'juesuan' })[1]
  result('root_dir', client.root_dir)
  result('server_name', vim.tbl_get(client, 'server_info', 'name') or '')

  local got = vim.wait(timeout, function() return placeholders(bufnr) > 0 end, 50)
  vim.wait(500)   -- let any further publications settle
  result('diagnostics', #dump(bufnr, env.E2E_OUT))
  result('placeholder_found', got)
  if not got then return end

  -- Code action round-trip on the first placeholder diagnostic.
  local function code_action_roundtrip()
    local diag
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      if code_of(d) == 'text/placeholder' and (not diag or d.lnum < diag.lnum) then diag = d end
    end
    local lsp_diag = vim.tbl_get(diag, 'user_data', 'lsp') or {
      range = { start = { line = diag.lnum, character = diag.col },
                ['end'] = { line = diag.end_lnum, character = diag.end_col } },
      code = code_of(diag), message = diag.message, severity = diag.severity, source = diag.source,
    }
    local params = {
      textDocument = { uri = vim.uri_from_bufnr(bufnr) },
      range = lsp_diag.range,
      context = { diagnostics = { lsp_diag }, triggerKind = 1 },
    }
    local resp, err = client:request_sync('textDocument/codeAction', params, timeout, bufnr)
    if not resp or resp.err then
      result('code_action_error', vim.inspect(err or resp.err):gsub('\n', ' '))
      return
    end
    local actions = resp.result or {}
    local titles = {}
    for _, a in ipairs(actions) do titles[#titles + 1] = (a.kind or '') .. '\t' .. a.title end
    write_lines(env.E2E_ACTIONS, titles)
    result('code_actions', #actions)

    -- Prefer the suppression action (it must make the diagnostic go away).
    local function edit_text(a)
      return a.edit and vim.inspect(a.edit) or ''
    end
    local chosen
    for _, a in ipairs(actions) do
      if a.edit == nil and a.command == nil and a.data ~= nil
        and vim.tbl_get(client.server_capabilities, 'codeActionProvider', 'resolveProvider') then
        local r = client:request_sync('codeAction/resolve', a, timeout, bufnr)
        if r and r.result then a = r.result end
      end
      if a.edit and edit_text(a):find('juesuan%-disable%-next%-line') then chosen = a break end
    end
    result('suppress_action', chosen and chosen.title or '')
    if not chosen then return end
    local before = placeholders(bufnr)
    vim.lsp.util.apply_workspace_edit(chosen.edit, client.offset_encoding)
    local text = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n')
    result('buffer_has_comment', text:find('juesuan%-disable%-next%-line', 1) ~= nil)
    local gone = vim.wait(timeout, function() return placeholders(bufnr) < before end, 50)
    vim.wait(300)
    dump(bufnr, env.E2E_AFTER)
    result('suppressed', gone)
  end
  code_action_roundtrip()

  -- The same draft as plain text (filetype `text`) is served too.
  vim.cmd.edit(vim.fn.fnameescape(env.E2E_DRAFT_TXT))
  local txt = vim.api.nvim_get_current_buf()
  result('txt_filetype', vim.bo[txt].filetype)
  result('txt_attached', vim.wait(timeout, function()
    return #vim.lsp.get_clients({ bufnr = txt, name = 'juesuan' }) > 0
  end, 50))
  result('txt_placeholder', vim.wait(timeout, function() return placeholders(txt) > 0 end, 50))

  -- Graceful stop: shutdown + exit, and the process ends.
  client:stop()
  result('stopped', vim.wait(timeout, function() return client:is_stopped() end, 50))
end

local ok, err = pcall(main)
if not ok then result('lua_error', tostring(err):gsub('\n', ' ')) end
write_lines(env.E2E_RESULT, results)
vim.cmd(ok and 'qall!' or 'cquit 3')
LUA

step "running headless Neovim (timeout ${JUESUAN_E2E_TIMEOUT:-15} s per wait)"
set +e
E2E_TIMEOUT="${JUESUAN_E2E_TIMEOUT:-15}" E2E_RTP="$ROOT/editors/nvim" E2E_DRAFT="$DRAFT" E2E_DRAFT_TXT="$DRAFT_TXT" \
E2E_OUT="$OUT" E2E_AFTER="$AFTER" E2E_ACTIONS="$ACTIONS" E2E_RESULT="$RESULT" \
NVIM_LOG_FILE="$LOG" XDG_STATE_HOME="$WORK/state" XDG_CACHE_HOME="$WORK/cache" \
  timeout 180 "$NVIM" --headless --clean -c "luafile $WORK/test.lua" </dev/null >"$WORK/nvim.out" 2>&1
rc=$?
set -e
echo "nvim exited with $rc"
[ -s "$WORK/nvim.out" ] && { echo "--- nvim output"; cat "$WORK/nvim.out"; echo; }
if [ ! -f "$RESULT" ]; then
  fail "Neovim wrote no result (exit $rc)"
  [ -f "$WORK/state/nvim/lsp.log" ] && { echo "--- lsp.log"; tail -n 40 "$WORK/state/nvim/lsp.log"; }
  summary; exit $?
fi
echo "--- result"; cat "$RESULT"
get() { sed -n "s/^$1=//p" "$RESULT" | head -n1; }

[ -z "$(get lua_error)" ] || fail "Lua error: $(get lua_error)"
if [ "$(get attached)" = true ]; then
  pass "juesuan attached to the buffer (filetype $(get filetype), root $(get root_dir))"
else
  fail "juesuan did not attach to the buffer (filetype $(get filetype))"
  [ -f "$WORK/state/nvim/lsp.log" ] && { echo "--- lsp.log"; tail -n 40 "$WORK/state/nvim/lsp.log"; }
  summary; exit $?
fi

echo "--- diagnostics (line, code, message)"
[ -f "$OUT" ] && cat "$OUT"
if [ "$(get placeholder_found)" = true ]; then
  pass "text/placeholder diagnostic published"
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

if [ "$(get placeholder_found)" = true ]; then
  echo "--- code actions offered (kind, title)"
  [ -f "$ACTIONS" ] && cat "$ACTIONS"
  n_actions="$(get code_actions)"
  if [ -n "$(get code_action_error)" ]; then
    fail "textDocument/codeAction failed: $(get code_action_error)"
  elif [ "${n_actions:-0}" -gt 0 ]; then
    pass "$n_actions code action(s) offered for the placeholder"
  else
    fail "no code action offered for the placeholder (expected at least 'ignore this rule on this line')"
  fi
  if [ "${n_actions:-0}" -gt 0 ]; then
    if [ -n "$(get suppress_action)" ]; then
      pass "suppression action offered: $(get suppress_action)"
      if [ "$(get buffer_has_comment)" = true ]; then
        pass "applying it inserted a juesuan-disable-next-line comment"
      else
        fail "applying the suppression action did not insert a juesuan-disable-next-line comment"
      fi
      echo "--- diagnostics after the edit"
      [ -f "$AFTER" ] && cat "$AFTER"
      if [ "$(get suppressed)" = true ]; then
        pass "the suppressed text/placeholder diagnostic went away after the edit"
      else
        fail "the text/placeholder diagnostic stayed after inserting the suppression comment"
      fi
    else
      fail "no code action inserting '<!-- juesuan-disable-next-line CODE -->' for the placeholder"
    fi
  fi
fi

if [ -n "$(get txt_attached)" ]; then
  if [ "$(get txt_attached)" = true ] && [ "$(get txt_placeholder)" = true ]; then
    pass "a .txt draft (filetype $(get txt_filetype)) gets the text/placeholder diagnostic too"
  else
    fail "a .txt draft (filetype $(get txt_filetype)): attached=$(get txt_attached), placeholder=$(get txt_placeholder)"
  fi
fi
if [ -n "$(get stopped)" ]; then
  if [ "$(get stopped)" = true ]; then
    pass "server stopped on shutdown/exit"
  else
    fail "server did not stop within ${JUESUAN_E2E_TIMEOUT:-15} s of shutdown/exit"
  fi
fi
if [ "$rc" -ne 0 ] && [ -z "$(get lua_error)" ]; then
  fail "nvim exited with status $rc"
fi

summary
