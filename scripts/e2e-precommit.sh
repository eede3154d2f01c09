#!/usr/bin/env bash
# End-to-end test of juesuan as a pre-commit hook: a scratch git repo whose
# .pre-commit-config.yaml has `repo: local` hooks made from this repo's
# .pre-commit-hooks.yaml (same id, entry, files and types; language: system
# and the juesuan binary under test instead of `language: swift`, which would
# rebuild the whole package). Then, through real `git commit`s:
#   - a clean draft (.md) commits;
#   - a file that is not a draft commits even with ×× in it (files filter);
#   - a defective draft (.txt, with a template placeholder) is blocked;
#   - the juesuan-fix hook leaves the clean draft alone.
# With JUESUAN_PRECOMMIT_TRY_REPO=1 it also runs `pre-commit try-repo` against
# the repo root, which builds juesuan with `swift build -c release` through the
# real `language: swift` hook (slow: a full release build).
#
# Usage: scripts/e2e-precommit.sh
# Env:   JUESUAN     juesuan binary (default .build/release/juesuan under the repo root)
#        PRE_COMMIT  pre-commit executable (default .build/tools/venv/bin/pre-commit,
#                    then pre-commit on PATH; install with scripts/install-test-tools.sh)
#        JUESUAN_PRECOMMIT_TRY_REPO=1  also test the published hooks with try-repo
#        JUESUAN_E2E_SKIP_MISSING=1    skip instead of failing when a tool is missing
#        KEEP=1      keep the temporary folder
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/_common.sh"

step "pre-commit end-to-end test of the juesuan hooks"
require_juesuan

PRE_COMMIT="${PRE_COMMIT:-}"
if [ -z "$PRE_COMMIT" ]; then
  if [ -x "$VENV/bin/pre-commit" ]; then PRE_COMMIT="$VENV/bin/pre-commit"; else PRE_COMMIT="$(command -v pre-commit || true)"; fi
fi
if [ -z "$PRE_COMMIT" ] || [ ! -x "$PRE_COMMIT" ]; then
  missing "pre-commit not found (run scripts/install-test-tools.sh, or set PRE_COMMIT=path)"
fi
echo "pre-commit: $PRE_COMMIT ($("$PRE_COMMIT" --version))"
command -v git >/dev/null || missing "git not found"
# pre-commit's own interpreter has PyYAML; use it to read the manifest.
PYTHON="$(head -n1 "$PRE_COMMIT" | sed -n 's/^#!//p')"
if [ -z "$PYTHON" ] || ! "$PYTHON" -c 'import yaml' 2>/dev/null; then PYTHON=python3; fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/juesuan-e2e-precommit.XXXXXX")"
cleanup() { if [ "${KEEP:-0}" = 1 ]; then echo "kept $WORK"; else rm -rf "$WORK"; fi; }
trap cleanup EXIT

# Isolate git and pre-commit from the user's configuration and cache.
export GIT_CONFIG_NOSYSTEM=1
export GIT_CONFIG_GLOBAL="$WORK/gitconfig"
export PRE_COMMIT_HOME="$WORK/pre-commit-cache"
export PRE_COMMIT_COLOR=never
unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE
cat > "$GIT_CONFIG_GLOBAL" <<'GITCONFIG'
[user]
	name = juesuan e2e
	email = e2e@juesuan.invalid
[commit]
	gpgsign = false
[init]
	defaultBranch = main
[advice]
	detachedHead = false
GITCONFIG

REPO="$WORK/repo"
mkdir -p "$REPO"
step "scratch repo: $REPO"
git -C "$REPO" init -q

# Local hooks from the manifest, run by the binary under test.
step "writing .pre-commit-config.yaml from .pre-commit-hooks.yaml"
"$PYTHON" - "$ROOT/.pre-commit-hooks.yaml" "$JUESUAN" > "$REPO/.pre-commit-config.yaml" <<'PY'
import shlex, sys, yaml
manifest, binary = sys.argv[1], sys.argv[2]
hooks = []
for hook in yaml.safe_load(open(manifest, encoding="utf-8")):
    words = shlex.split(hook["entry"])
    if words and words[0] == "juesuan":
        words[0] = binary
    local = {k: v for k, v in hook.items() if k not in ("language", "minimum_pre_commit_version")}
    local["entry"] = shlex.join(words)
    local["language"] = "system"
    hooks.append(local)
yaml.safe_dump({"repos": [{"repo": "local", "hooks": hooks}]}, sys.stdout, allow_unicode=True, sort_keys=False)
PY
cat "$REPO/.pre-commit-config.yaml"
echo '{}' > "$REPO/.juesuan.json"

# Drafts: samples/clean.md and samples/defective.md when the repo has them.
if [ -f "$ROOT/samples/clean.md" ]; then
  cp "$ROOT/samples/clean.md" "$REPO/clean.md"; echo "clean draft: samples/clean.md"
else
  write_clean_draft "$REPO/clean.md"; echo "clean draft: built-in"
fi
if [ -f "$ROOT/samples/defective.md" ]; then
  cp "$ROOT/samples/defective.md" "$REPO/defective.txt"; echo "defective draft: samples/defective.md (as defective.txt)"
else
  write_defective_draft "$REPO/defective.txt"; echo "defective draft: built-in (as defective.txt)"
fi

cd "$REPO"
step "pre-commit install"
"$PRE_COMMIT" install
if [ -x .git/hooks/pre-commit ]; then pass "pre-commit installed the git hook"; else fail "no .git/hooks/pre-commit after 'pre-commit install'"; fi

commit() {  # commit MESSAGE FILE... ; prints git's and the hooks' output, returns git's status
  local message="$1"
  shift
  git add -- "$@"
  set +e
  git commit -q -m "$message" >"$WORK/commit.out" 2>&1
  local rc=$?
  set -e
  sed 's/^/    /' "$WORK/commit.out"
  return $rc
}

step "commit a clean draft (must pass)"
if commit "clean draft" .pre-commit-config.yaml .juesuan.json clean.md; then
  pass "clean draft committed"
else
  fail "the juesuan hook blocked the clean draft"
  git reset -q
fi

step "commit a non-draft file containing ×× (not a draft: must pass)"
printf 'id,amount\n1,××\n' > notes.csv
if commit "notes" notes.csv; then
  pass "a file outside the drafts pattern is not checked"
else
  fail "the hook ran on notes.csv, which is not a draft (files: pattern)"
  git reset -q
fi

step "commit a defective draft (must be blocked)"
head_before="$(git rev-parse HEAD 2>/dev/null || echo none)"
if commit "defective draft" defective.txt; then
  fail "the defective draft was committed: the juesuan hook did not block it"
else
  if [ "$(git rev-parse HEAD 2>/dev/null || echo none)" != "$head_before" ]; then
    fail "git commit failed but HEAD moved"
  elif grep -qE '^juesuan\.{3,}.*Failed' "$WORK/commit.out"; then
    pass "the defective draft was blocked by the juesuan hook"
  else
    fail "the commit failed, but not because the juesuan hook failed"
  fi
  if grep -q 'text/placeholder' "$WORK/commit.out"; then
    pass "the hook's output names text/placeholder"
  else
    fail "the hook's output does not mention text/placeholder"
  fi
fi
git reset -q

step "pre-commit run juesuan-fix on the clean draft (must pass, file unchanged)"
cp clean.md "$WORK/clean.before"
set +e
"$PRE_COMMIT" run juesuan-fix --files clean.md >"$WORK/fix.out" 2>&1
rc=$?
set -e
sed 's/^/    /' "$WORK/fix.out"
if [ "$rc" -eq 0 ] && cmp -s clean.md "$WORK/clean.before"; then
  pass "juesuan-fix leaves a clean draft alone"
else
  fail "juesuan-fix failed (exit $rc) or changed the clean draft"
fi

if [ "${JUESUAN_PRECOMMIT_TRY_REPO:-0}" = 1 ]; then
  step "pre-commit try-repo $ROOT (language: swift; builds juesuan in release mode)"
  set +e
  "$PRE_COMMIT" try-repo "$ROOT" juesuan --files clean.md >"$WORK/try-clean.out" 2>&1
  rc_clean=$?
  "$PRE_COMMIT" try-repo "$ROOT" juesuan --files defective.txt >"$WORK/try-defective.out" 2>&1
  rc_defective=$?
  set -e
  tail -n 20 "$WORK/try-clean.out" | sed 's/^/    /'
  tail -n 20 "$WORK/try-defective.out" | sed 's/^/    /'
  if [ "$rc_clean" -eq 0 ]; then pass "try-repo: the published hook passes the clean draft"; else fail "try-repo: the published hook failed on the clean draft (exit $rc_clean)"; fi
  if [ "$rc_defective" -ne 0 ] && grep -q 'text/placeholder' "$WORK/try-defective.out"; then
    pass "try-repo: the published hook blocks the defective draft"
  else
    fail "try-repo: the published hook did not block the defective draft (exit $rc_defective)"
  fi
else
  echo "(set JUESUAN_PRECOMMIT_TRY_REPO=1 to also build and run the published language: swift hook with try-repo)"
fi

cd "$ROOT"
summary
