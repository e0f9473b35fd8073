# Sourced by the benchmarks that time the real `etl` command against services each in a process of its own
# (bench/end-to-end.sh, bench/cluster.sh, bench/audit.sh), and by bench/extract-transform.sh for `bench_build`.
# Expects `project` (the source tree). After `bench_setup`, `work` is a temporary folder, and
# "${bench_java[@]}" <java options> <main> <args> runs a test main of etl-tasks, in the background to serve (then
# `$!` is the JVM's pid, for `started` and `cpu_seconds`).

started=()   # pids to stop on exit

bench_setup() {   # builds the etl command and etl-tasks' test classes; stops what was started and cleans up on exit
  work="$(mktemp -d)"
  trap bench_cleanup EXIT
  "$project/etl" --version >/dev/null
  bench_build
}

bench_build() {   # compiles etl-tasks' test classes with the modules it needs (-am: from the reactor, so nothing has to
  # be installed in the Maven repository, and the class path names their target/classes); sets bench_java
  (cd "$project" && mvn -B -q -pl etl-tasks -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
      -Dmdep.outputFile=target/bench.classpath)
  bench_java=(java -cp "$project/etl-tasks/target/test-classes:$project/etl-tasks/target/classes:$(cat "$project/etl-tasks/target/bench.classpath")"
      -Dlogback.configurationFile="$project/etl-tasks/src/test/resources/logback-test.xml")
}

bench_cleanup() {   # waits for the services to stop (the cluster shuts down in its own time) before deleting their files
  (( ${#started[@]} )) && kill "${started[@]}" 2>/dev/null
  wait
  if [[ -n "${KEEP:-}" ]]; then echo "kept $work"; else rm -rf "$work"; fi
}

start_source() {   # documents: the MongoDB source holding them, in its own process; sets source_pid
  # its temporary state folder goes with the work folder
  "${bench_java[@]}" -Xmx3g -Djava.io.tmpdir="$work" ${SOURCE_JAVA_OPTS:-} io.etl.bench.SourceServer "$1" \
      >"$work/source.log" 2>&1 &
  source_pid=$!
  started+=($source_pid)
}

serve_source() {   # documents: start_source, then wait until it serves; sets uri and watched (the source's CPU)
  start_source "$1"
  watched=("source:$source_pid")
  uri="$(await_ready $source_pid "$work/source.log")"
  echo "source ready: $1 documents"
}

await_ready() {   # pid log: waits for the process's line `ready …` and prints what follows `ready `
  until grep -qs '^ready ' "$2"; do
    kill -0 "$1" 2>/dev/null || { cat "$2" >&2; exit 1; }
    sleep 1
  done
  sed -n 's/^ready //p' "$2"
}

cpu_seconds() {   # pid: the process's CPU seconds so far (user + system), then its finished children's
  awk -v hz="$(getconf CLK_TCK)" '{ print ($14 + $15) / hz, ($16 + $17) / hz }' "/proc/$1/stat"
}

cpu_used() {   # name "own children" before, the same after: "name X s", plus the children's when they used any
  awk -v name="$1" -v before="$2" -v after="$3" 'BEGIN { split(before, b, " "); split(after, a, " ");
      printf "%s %.1f s", name, a[1] - b[1]; if (a[2] > b[2]) printf " (+ children %.1f s)", a[2] - b[2] }'
}

# label documents home [setting=value …]: one timed `etl run actions_taken --incremental` with its output in
# <home>.out and <home>.err. Prints its wall time (JVM start included), documents/s, peak RSS and CPU seconds, its
# own and those of each process in `watched` ("name:pid" words), then the summary's line of each stage.
timed_etl() {
  local label=$1 documents=$2 home=$3 settings=() before=() setting cpu start end rss user system i
  shift 3
  for setting in "$@"; do settings+=(--set "$setting"); done
  for i in "${!watched[@]}"; do before[i]="$(cpu_seconds "${watched[i]#*:}")"; done
  start=$(date +%s%N)
  /usr/bin/time -f "%M %U %S" -o "$work/rss" "$project/etl" run actions_taken --incremental --home "$home" \
      "${settings[@]}" >"$home.out" 2>"$home.err" || { cat "$home.out" "$home.err"; exit 1; }
  end=$(date +%s%N)
  read -r rss user system <"$work/rss"
  cpu="etl $(awk -v u="$user" -v s="$system" 'BEGIN { printf "%.1f s", u + s }')"
  for i in "${!watched[@]}"; do
    cpu+=", $(cpu_used "${watched[i]%%:*}" "${before[i]}" "$(cpu_seconds "${watched[i]#*:}")")"
  done
  awk -v label="$label" -v s="$start" -v e="$end" -v n="$documents" -v rss="$rss" -v cpu="$cpu" 'BEGIN {
      t = (e - s) / 1e9; printf "%-28s %7.1f s   %8.0f documents/s   peak RSS %d MB   CPU: %s\n",
      label, t, n / t, rss / 1024, cpu }'
  grep -E '^ +actions_taken_(extract|transform|load)\(' "$home.out" | sed -E 's/^ */    /; s/\(lower=[^)]*\)//'
}

loaded_all() {   # documents home: fails unless the run loaded every document that has a date
  local loaded without
  loaded="$(grep -oE 'rows_loaded=[0-9]+' "$2.out" | cut -d= -f2)"
  without="$(grep -oE 'documents_without_cursor=[0-9]+' "$2.out" | cut -d= -f2)"
  (( loaded + without == $1 )) || { echo "$2: loaded $loaded rows of $1 documents ($without without date)" >&2; exit 1; }
}
