#!/usr/bin/env bash
# Entry point of the ambient-lint GitHub Action (action.yml). Runs `ambient-lint check` on the inputs, prints
# findings as workflow-command annotations, appends a Markdown summary to $GITHUB_STEP_SUMMARY and writes the
# outputs sarif-file, findings and errors to $GITHUB_OUTPUT. Exits with the tool's exit code (0 clean,
# 1 findings at or above fail-on, 2 usage or config error, 3 unreadable input, 4 internal error).
#
# The tool runs from the action's own checkout: $AMBIENT_LINT, else the repository's launcher next to this
# folder (../ambient-lint), which builds cli/target/ambient-lint.jar with Maven on first use.
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
launcher="${AMBIENT_LINT:-$here/../ambient-lint}"

path="${INPUT_PATH:-.}"
config="${INPUT_CONFIG:-}"
fail_on="${INPUT_FAIL_ON:-error}"
sarif="${INPUT_SARIF_FILE:-ambient-lint.sarif}"
annotations="${INPUT_ANNOTATIONS:-true}"
summary="${INPUT_SUMMARY:-true}"
new_since="${INPUT_NEW_SINCE:-}"

work="$(mktemp -d "${RUNNER_TEMP:-${TMPDIR:-/tmp}}/ambient-lint.XXXXXX")"
trap 'rm -rf "$work"' EXIT
json="$work/report.json"
markdown="$work/summary.md"
text="$work/report.txt"

read -r -a paths <<< "$path"
[ ${#paths[@]} -eq 0 ] && paths=(.)
args=(check "${paths[@]}" --fail-on "$fail_on"
  --format sarif --output "$sarif" --format json --output "$json"
  --format markdown --output "$markdown" --format text --output "$text")
[ -n "$config" ] && args+=(--config "$config")
[ "$annotations" = true ] && args+=(--github-annotations)
if [ -n "${GITHUB_SERVER_URL:-}" ] && [ -n "${GITHUB_REPOSITORY:-}" ] && [ -n "${GITHUB_SHA:-}" ]; then
  args+=(--link-base "$GITHUB_SERVER_URL/$GITHUB_REPOSITORY/blob/$GITHUB_SHA/")
fi
case "$new_since" in
  none) ;;
  '') [ -n "${GITHUB_BASE_REF:-}" ] && args+=(--new-since "origin/$GITHUB_BASE_REF") ;;
  *) args+=(--new-since "$new_since") ;;
esac

# Annotations go to standard output, where the runner reads workflow commands.
"$launcher" "${args[@]}"
code=$?

# The readable report, with workflow commands off so that nothing in it (a file name, a message) is one.
if [ -s "$text" ]; then
  token="ambient-lint-$RANDOM$RANDOM$RANDOM"
  echo "::group::ambient-lint report"
  echo "::stop-commands::$token"
  cat "$text"
  echo "::$token::"
  echo "::endgroup::"
fi

# The summary counts from the JSON report ("errors" : 2, ... in its "summary" object).
count() { [ -f "$json" ] && sed -n "s/^ *\"$1\" : \([0-9][0-9]*\),\{0,1\}$/\1/p" "$json" | head -n 1; }
errors="$(count errors)"
warnings="$(count warnings)"
notes="$(count notes)"
findings=""
[ -n "$errors" ] && findings=$((errors + ${warnings:-0} + ${notes:-0}))
# With --new-since (or a baseline) the summary also has "introduced", "fixed" and "unchanged".
introduced="$(count introduced)"
fixed="$(count fixed)"
unchanged="$(count unchanged)"

if [ -n "${GITHUB_OUTPUT:-}" ]; then
  {
    echo "sarif-file=$sarif"
    echo "findings=$findings"
    echo "errors=$errors"
    echo "introduced=$introduced"
    echo "fixed=$fixed"
    echo "unchanged=$unchanged"
  } >> "$GITHUB_OUTPUT"
fi
if [ "$summary" = true ] && [ -n "${GITHUB_STEP_SUMMARY:-}" ] && [ -s "$markdown" ]; then
  cat "$markdown" >> "$GITHUB_STEP_SUMMARY"
fi

case "$code" in
  0) ;;
  1) echo "ambient-lint: $findings findings ($errors errors); failing because of findings at or above $fail_on" >&2 ;;
  2) echo "ambient-lint: usage or configuration error (see above)" >&2 ;;
  3) echo "ambient-lint: some input could not be read or was over a limit (see the report); everything else was analyzed" >&2 ;;
  *) echo "ambient-lint: internal error (exit code $code)" >&2 ;;
esac
exit "$code"
