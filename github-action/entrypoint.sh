#!/usr/bin/env bash
# Entry point of the ambient-lint GitHub Action (action.yml). Three steps of the composite action call it:
#
#   entrypoint.sh tool   decide where the tool comes from, in order: the input `jar`; the release asset
#                        ambient-lint.jar of the Action's version, checked against its .sha256, from
#                        $AMBIENT_LINT_DOWNLOAD_URL (default: this repository's release download URL for the tag
#                        the Action runs at); else a build from source, whose jar actions/cache keeps under a key
#                        made of the sources. Outputs jar (its path) and, for a build, cache-path and cache-key.
#   entrypoint.sh build  build that jar with Maven unless the cache restored it.
#   entrypoint.sh        run `ambient-lint check` on the inputs, print findings as workflow-command annotations
#                        (errors first, within GitHub's per-step limits), append a Markdown summary to
#                        $GITHUB_STEP_SUMMARY and write the outputs. Exits with the tool's exit code (0 clean,
#                        1 findings at or above fail-on, 2 usage, config or setup error, 3 unreadable input,
#                        4 internal error).
#
# $AMBIENT_LINT, a command, replaces the jar (tests use it; so can a self-hosted runner with its own copy).
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
tool_dir="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/ambient-lint-tool"

# A setup problem: an error annotation on the run, the same line on stderr, exit 2.
setup_error() {
  echo "::error title=ambient-lint::$1"
  echo "ambient-lint: $1" >&2
  exit 2
}

set_output() {
  [ -n "${GITHUB_OUTPUT:-}" ] && echo "$1=$2" >> "$GITHUB_OUTPUT"
  return 0
}

java_command() {
  if command -v java >/dev/null 2>&1; then
    echo java
  elif [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    echo "$JAVA_HOME/bin/java"
  fi
}

# Java 17 or later, or a message that says how to get it (the jar would otherwise fail with a class-version error).
require_java() {
  local java version
  java="$(java_command)"
  [ -n "$java" ] || setup_error "no Java found (java is not on PATH and JAVA_HOME is not set): set the input java-version (17 or later) so that actions/setup-java installs it, or install Java 17+ on the runner"
  version="$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p')"
  case "$version" in
    1.*|[0-9]|1[0-6]) setup_error "Java $version found ($java), ambient-lint needs Java 17 or later: set the input java-version to 17 or later" ;;
  esac
}

# The SHA-256 of file $1, or of standard input.
sha256_of() {
  if command -v sha256sum >/dev/null 2>&1; then
    sha256sum "$@" | cut -d ' ' -f 1
  else
    shasum -a 256 "$@" | cut -d ' ' -f 1
  fi
}

# The release download URL of the tag the Action runs at, or nothing when it runs at a branch or a commit.
# GITHUB_ACTION_REF/REPOSITORY are empty in the run steps of composite actions (actions/runner#2473), so
# action.yml passes github.action_ref/repository too; the runner's checkout folder _actions/OWNER/REPO/REF
# is the last resort.
default_download_url() {
  local ref="${GITHUB_ACTION_REF:-${AMBIENT_LINT_ACTION_REF:-}}"
  local repo="${GITHUB_ACTION_REPOSITORY:-${AMBIENT_LINT_ACTION_REPOSITORY:-}}"
  if { [ -z "$ref" ] || [ -z "$repo" ]; } && [[ "$root" == */_actions/*/*/* ]]; then
    ref="$(basename "$root")"
    repo="$(basename "$(dirname "$(dirname "$root")")")/$(basename "$(dirname "$root")")"
  fi
  if [ -n "$repo" ] && [[ "$ref" =~ ^v[0-9]+(\.[0-9]+)*(-[0-9A-Za-z.]+)?$ ]]; then
    echo "${GITHUB_SERVER_URL:-https://github.com}/$repo/releases/download/$ref"
  fi
}

# Downloads $1/ambient-lint.jar and its .sha256 into $tool_dir. Returns 1 when there is no jar to download;
# a jar that does not match its checksum, or comes without one, stops the run.
download_release() {
  local url="${1%/}" part="$tool_dir/download.part" expected actual
  mkdir -p "$tool_dir"
  if ! command -v curl >/dev/null 2>&1; then
    release_status="curl is not installed, so the release jar at $url could not be downloaded"
    return 1
  fi
  if ! curl -fsSL --retry 3 --connect-timeout 30 -o "$part" "$url/ambient-lint.jar"; then
    release_status="no release jar at $url/ambient-lint.jar"
    rm -f "$part"
    return 1
  fi
  if ! curl -fsSL --retry 3 --connect-timeout 30 -o "$part.sha256" "$url/ambient-lint.jar.sha256"; then
    rm -f "$part"
    setup_error "$url/ambient-lint.jar has no checksum file $url/ambient-lint.jar.sha256; not running an unchecked jar"
  fi
  expected="$(awk 'NR == 1 { print tolower($1) }' "$part.sha256")"
  actual="$(sha256_of "$part")"
  rm -f "$part.sha256"
  if [ "${#expected}" -ne 64 ] || [ "$expected" != "$actual" ]; then
    rm -f "$part"
    setup_error "$url/ambient-lint.jar does not match its checksum (expected ${expected:-nothing}, got $actual); not running it"
  fi
  mv "$part" "$tool_dir/ambient-lint.jar"
  echo "ambient-lint: using the release jar $url/ambient-lint.jar (sha256 $actual)" >&2
}

# The key of a jar built from source: a hash of every file the build reads.
source_key() {
  (cd "$root" && find pom.xml analyzer-core rules cli \( -name target -prune \) -o \
      \( -name pom.xml -o -path '*/src/main/*' \) -type f -print 2>/dev/null | LC_ALL=C sort | while read -r f; do
        echo "$f $(sha256_of "$f")"
      done) | sha256_of
}

resolve_tool() {
  require_java
  local jar="${INPUT_JAR:-}" url
  if [ -n "$jar" ]; then
    [ -f "$jar" ] || setup_error "input jar: $jar is not a file"
    set_output jar "$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")"
    return 0
  fi
  release_status=""
  url="${AMBIENT_LINT_DOWNLOAD_URL:-$(default_download_url)}"
  if [ -z "$url" ]; then
    release_status="the Action runs at ${GITHUB_ACTION_REF:-${AMBIENT_LINT_ACTION_REF:-a branch or commit}}, not a release tag"
  elif download_release "$url"; then
    set_output jar "$tool_dir/ambient-lint.jar"
    return 0
  fi
  echo "ambient-lint: $release_status; building from source" >&2
  set_output jar "$tool_dir/build/ambient-lint.jar"
  set_output cache-path "$tool_dir/build"
  set_output cache-key "ambient-lint-jar-$(source_key)"
  set_output release-status "$release_status"
}

build_tool() {
  local jar="${AMBIENT_LINT_JAR:?}"
  if [ -f "$jar" ]; then
    echo "ambient-lint: using the jar built earlier from the same sources (cache)" >&2
    return 0
  fi
  command -v mvn >/dev/null 2>&1 || setup_error "no Maven to build ambient-lint from source, and no release jar (${AMBIENT_LINT_RELEASE_STATUS:-none}): use a released version of the Action (uses: OWNER/REPO/github-action@v1), set the input jar to a downloaded ambient-lint.jar, or install Maven on the runner"
  echo "ambient-lint: building ambient-lint.jar from source with Maven ..." >&2
  (cd "$root" && mvn -B -q -DskipTests -pl cli -am package) >&2 \
    || setup_error "building ambient-lint.jar from source with Maven failed (see the log above)"
  mkdir -p "$(dirname "$jar")"
  cp "$root/cli/target/ambient-lint.jar" "$jar"
}

case "${1:-check}" in
  tool) resolve_tool; exit 0 ;;
  build) build_tool; exit 0 ;;
  check) ;;
  *) setup_error "unknown entrypoint.sh step: $1" ;;
esac

# ---- check -------------------------------------------------------------------------------------------------
if [ -n "${AMBIENT_LINT:-}" ]; then
  tool=("$AMBIENT_LINT")
elif [ -n "${AMBIENT_LINT_JAR:-}" ]; then
  require_java
  # java -jar on a missing file exits 1, which would read as "findings".
  [ -f "$AMBIENT_LINT_JAR" ] || setup_error "$AMBIENT_LINT_JAR: no ambient-lint jar there (the step that gets it did not run or failed)"
  # As the repository's launcher: a short batch run suits C1 only and a fixed heap (benchmarks/README.md).
  read -r -a opts <<< "${AMBIENT_LINT_JAVA_OPTS:--XX:+UseParallelGC -XX:TieredStopAtLevel=1 -Xms1g -Xmx1g -XX:MaxTenuringThreshold=0}"
  # Huge pages for the heap only where the kernel offers them: elsewhere the JVM prints a warning on stdout.
  if [ -z "${AMBIENT_LINT_JAVA_OPTS:-}" ] && grep -qs '\[\(always\|madvise\)\]' /sys/kernel/mm/transparent_hugepage/enabled; then
    opts+=(-XX:+UseTransparentHugePages)
  fi
  tool=("$(java_command)" "${opts[@]}" -jar "$AMBIENT_LINT_JAR")
else
  tool=("$root/ambient-lint")
fi

path="${INPUT_PATH:-.}"
config="${INPUT_CONFIG:-}"
fail_on="${INPUT_FAIL_ON:-error}"
sarif="${INPUT_SARIF_FILE:-ambient-lint.sarif}"
sarif_category="${INPUT_SARIF_CATEGORY:-}"
annotations="${INPUT_ANNOTATIONS:-true}"
summary="${INPUT_SUMMARY:-true}"
new_since="${INPUT_NEW_SINCE:-}"

work="$(mktemp -d "${RUNNER_TEMP:-${TMPDIR:-/tmp}}/ambient-lint.XXXXXX")"
trap 'rm -rf "$work"' EXIT
json="$work/report.json"
markdown="$work/summary.md"
text="$work/report.txt"
commands="$work/annotations"

read -r -a paths <<< "$path"
[ ${#paths[@]} -eq 0 ] && paths=(.)
args=(check "${paths[@]}" --fail-on "$fail_on"
  --format sarif --output "$sarif" --format json --output "$json"
  --format markdown --output "$markdown" --format text --output "$text")
[ -n "$config" ] && args+=(--config "$config")
[ -n "$sarif_category" ] && args+=(--sarif-category "$sarif_category")
[ "$annotations" = true ] && args+=(--github-annotations)
if [ -n "${GITHUB_SERVER_URL:-}" ] && [ -n "${GITHUB_REPOSITORY:-}" ] && [ -n "${GITHUB_SHA:-}" ]; then
  args+=(--link-base "$GITHUB_SERVER_URL/$GITHUB_REPOSITORY/blob/$GITHUB_SHA/")
fi
case "$new_since" in
  none) ;;
  '') [ -n "${GITHUB_BASE_REF:-}" ] && args+=(--new-since "origin/$GITHUB_BASE_REF") ;;
  *) args+=(--new-since "$new_since") ;;
esac

# The annotations (workflow commands on standard output) are collected and printed afterwards.
"${tool[@]}" "${args[@]}" > "$commands"
code=$?

# GitHub shows at most 10 error, 10 warning and 10 notice annotations of a step: errors go first, and what does
# not fit is counted in one last notice instead of being dropped silently.
if [ -s "$commands" ]; then
  grep -v -E '^::(error|warning|notice) ' "$commands"
  errors_total="$(grep -c '^::error ' "$commands")"
  warnings_total="$(grep -c '^::warning ' "$commands")"
  notices_total="$(grep -c '^::notice ' "$commands")"
  grep '^::error ' "$commands" | head -n 10
  grep '^::warning ' "$commands" | head -n 10
  left_out=$(( (errors_total > 10 ? errors_total - 10 : 0) + (warnings_total > 10 ? warnings_total - 10 : 0) ))
  notice_room=10
  if [ "$left_out" -gt 0 ] || [ "$notices_total" -gt 10 ]; then
    notice_room=9  # the last notice says how many were left out
  fi
  grep '^::notice ' "$commands" | head -n "$notice_room"
  left_out=$((left_out + (notices_total > notice_room ? notices_total - notice_room : 0)))
  if [ "$left_out" -gt 0 ]; then
    echo "::notice title=ambient-lint::$left_out more annotations are not shown (GitHub shows 10 errors, 10 warnings and 10 notices per step); every finding is in the job summary and the SARIF report $sarif"
  fi
fi

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
