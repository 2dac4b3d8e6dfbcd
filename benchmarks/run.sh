#!/usr/bin/env bash
# Whole-process benchmarks: wall time and peak RSS of `ambient-lint check` over generated repositories of
# 1k, 10k and 100k resources (median of 5 runs each, JVM start included), the samples, and yamllint over the
# same trees as the peer CI pipelines commonly run. Prints a Markdown table for benchmarks/README.md.
#
#   benchmarks/run.sh [RUNS] [SIZES...]      e.g. benchmarks/run.sh 5 1000 10000 100000
#   YAMLLINT_RUNS=1 benchmarks/run.sh ...    yamllint takes about 2 minutes per run at 100k: fewer runs for it
#   SHAPES="clean dense" benchmarks/run.sh ... the corpus shapes to measure (CorpusGenerator --shape; default both)
#   UNITS=20:4 benchmarks/run.sh 5 100000    also: the clean corpus as 20 Argo CD Applications over 4 clusters
#                                            (CorpusGenerator --units 20 --clusters 4) against the same files as
#                                            one unit (the folders without argocd/); SHAPES= skips the others
#   REFERENCE_JAR=old/ambient-lint.jar benchmarks/run.sh ...
#                                            also times that build (same JVM options, no CDS archive) on each
#                                            generated corpus, interleaved with this one: a shared machine's speed
#                                            changes from day to day, and a build measured elsewhere is the yardstick
#                                            that carries a figure from one machine to another
#
# Needs: the jars (mvn -B -q package -DskipTests), /usr/bin/time (Debian package time); yamllint is optional
# (apt-get install yamllint).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
shift || true
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 100000)
jar=cli/target/ambient-lint.jar
bench=benchmarks/target/benchmarks.jar
[ -f "$jar" ] && [ -f "$bench" ] || mvn -B -q package -DskipTests
work=${BENCH_DIR:-/tmp/ambient-lint-bench}
mkdir -p "$work"
# Runs go through the launcher, with its JVM options and class-data-sharing archive, as users run the tool.
launcher=./ambient-lint
./ambient-lint --version >/dev/null

# median of numbers on stdin
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

# measure CMD...: prints "wall_median rss_median_MB" over $runs runs (or $n_runs when set)
measure() {
  local walls=() rss=()
  for _ in $(seq "${n_runs:-$runs}"); do
    /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" >/dev/null 2>"$work/stderr.txt" || true
    read -r w m < <(tail -n 1 "$work/time.txt")
    walls+=("$w"); rss+=("$m")
  done
  printf '%s %s\n' "$(printf '%s\n' "${walls[@]}" | median)" "$(( $(printf '%s\n' "${rss[@]}" | median | cut -d. -f1) / 1024 ))"
}

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1)"
thp=""
grep -qs '\[\(always\|madvise\)\]' /sys/kernel/mm/transparent_hugepage/enabled && thp=" -XX:+UseTransparentHugePages"
echo "launcher: $(grep -o 'AMBIENT_LINT_JAVA_OPTS:-[^}]*' ambient-lint | head -1 | cut -d- -f2-)$thp + AppCDS archive; $runs runs each, median"
echo
reference=${REFERENCE_JAR:-}
refcol=""; refsep=""
if [ -n "$reference" ]; then
  refcol=" reference build wall (s) |"; refsep=" ---: |"
  # The launcher's own JVM options, without its class-data-sharing archive (recorded for this build only).
  ref_opts=$(grep -o 'AMBIENT_LINT_JAVA_OPTS:-[^}]*' ambient-lint | head -1 | cut -d- -f2-)
fi
echo "| input | resources | files | MB | ambient-lint wall (s) | peak RSS (MiB) | yamllint wall (s) |$refcol"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |$refsep"
for shape in ${SHAPES-clean dense}; do
for n in "${sizes[@]}"; do
  dir="$work/corpus-$shape-$n"
  [ -d "$dir" ] || java -cp "$bench" io.ambientlint.benchmarks.CorpusGenerator --resources "$n" --shape "$shape" --out "$dir" >/dev/null
  files=$(find "$dir/" -type f | wc -l)
  mb=$(find "$dir/" -type f -printf '%s\n' | awk '{s+=$1} END {printf "%.1f", s/1e6}')
  refval=""
  if [ -n "$reference" ]; then
    ws=(); rs=(); refs=()
    for _ in $(seq "$runs"); do
      read -r w m < <(n_runs=1 measure "$launcher" check "$dir" --fail-on none -f sarif -o "$work/out.sarif")
      ws+=("$w"); rs+=("$m")
      # shellcheck disable=SC2086 # the options are words
      read -r w _ < <(n_runs=1 measure java $ref_opts -jar "$reference" check "$dir" --fail-on none -f sarif -o "$work/ref.sarif")
      refs+=("$w")
    done
    wall=$(printf '%s\n' "${ws[@]}" | median); rss=$(printf '%s\n' "${rs[@]}" | median)
    refval=" $(printf '%s\n' "${refs[@]}" | median) |"
  else
    read -r wall rss < <(measure "$launcher" check "$dir" --fail-on none -f sarif -o "$work/out.sarif")
  fi
  yl="n/a"
  if command -v yamllint >/dev/null 2>&1; then
    read -r yl _ < <(n_runs=${YAMLLINT_RUNS:-$runs} measure yamllint -d relaxed -f parsable "$dir")
  fi
  echo "| generated, $shape | $n | $files | $mb | $wall | $rss | $yl |$refval"
done
done
if [ -n "${UNITS:-}" ]; then
  u=${UNITS%%:*}; c=${UNITS##*:}
  for n in "${sizes[@]}"; do
    dir="$work/corpus-units-$u-$c-$n"
    [ -d "$dir" ] || java -cp "$bench" io.ambientlint.benchmarks.CorpusGenerator --resources "$n" --units "$u" \
      --clusters "$c" --out "$dir" >/dev/null
    files=$(find "$dir/" -type f | wc -l)
    mb=$(find "$dir/" -type f -printf '%s\n' | awk '{s+=$1} END {printf "%.1f", s/1e6}')
    # Interleaved, so that load from other processes on a shared machine hits both alike.
    uw=(); ur=(); ow=(); or=()
    for _ in $(seq "$runs"); do
      read -r w m < <(n_runs=1 measure "$launcher" check "$dir" --fail-on none -f sarif -o "$work/out.sarif")
      uw+=("$w"); ur+=("$m")
      read -r w m < <(cd "$dir" && n_runs=1 measure "$OLDPWD/$launcher" check apps platform misconfigured \
        --fail-on none -f sarif -o "$work/out.sarif")
      ow+=("$w"); or+=("$m")
    done
    echo "| generated, $u Applications over $c clusters | $n | $files | $mb | $(printf '%s\n' "${uw[@]}" | median) (min $(printf '%s\n' "${uw[@]}" | sort -n | head -1)) | $(printf '%s\n' "${ur[@]}" | median) | - |"
    echo "| generated, the same files as one unit | $n | $((files - u - c)) | $mb | $(printf '%s\n' "${ow[@]}" | median) (min $(printf '%s\n' "${ow[@]}" | sort -n | head -1)) | $(printf '%s\n' "${or[@]}" | median) | - |"
  done
fi
for s in ${SAMPLES-samples/*/}; do
  read -r wall rss < <(measure "$launcher" check "$s" --fail-on none)
  echo "| ${s%/} | - | $(find "$s" -type f -name '*.y*ml' | wc -l) | - | $wall | $rss | - |"
done

# Kustomize: 60 overlays over 20 bases, checked through the launcher (render + analysis, JVM start included)
# against `kubectl kustomize` run once per overlay, as CI scripts run it; one script run, so one machine state.
if command -v kubectl >/dev/null 2>&1; then
  kdir="$work/kustomize-20x3"
  [ -d "$kdir" ] || java -cp "$bench" io.ambientlint.benchmarks.KustomizeRenderBench --out "$kdir" 20 3
  read -r ours ours_rss < <(measure "$launcher" check "$kdir" --fail-on none -f sarif -o "$work/out.sarif")
  read -r theirs _ < <(n_runs=${KUBECTL_RUNS:-1} measure bash -c 'for o in "$0"/overlays/*/*/; do kubectl kustomize "$o" >/dev/null || exit 1; done' "$kdir")
  echo
  echo "| kustomize, 20 bases x 3 overlays | ambient-lint check (s) | peak RSS (MiB) | kubectl kustomize x 60 (s) | ratio |"
  echo "| --- | ---: | ---: | ---: | ---: |"
  echo "| one run of this script | $ours | $ours_rss | $theirs | $(awk -v a="$theirs" -v b="$ours" 'BEGIN {printf "%.1f", a / b}') |"
fi
