# Sourced by the benchmarks that time the real `etl` command against services each in a process of its own
# (bench/end-to-end.sh, bench/cluster.sh, bench/audit.sh), and by bench/extract-transform.sh for `bench_build`.
# Expects `project` (the source tree). After `bench_setup`, `work` is a temporary folder, and
# "${bench_java[@]}" <java options> <main> <args> runs a test main of etl-dev, in the background to serve (then
# `$!` is the JVM's pid, for `started` and `cpu_seconds`).

started=()   # pids to stop on exit

bench_setup() {   # builds the etl command and etl-dev's test classes, then the launcher's class archive; stops what was
  # started and cleans up on exit
  work="$(mktemp -d)"
  trap bench_cleanup EXIT
  "$project/etl" --version >/dev/null
  bench_build
  warm_class_archive
}

# The launcher's class archive, as an hourly job has it after its first run (README, "Configuration"): one run of the
# embedded sample loads the classes a run does and archives them as it exits. Without it, a first timed run after a
# build would pay the archiving (and run without the archive, where a flight recording cannot be taken).
warm_class_archive() {
  "$project/etl" run actions_taken --home "$work/warm-up" >"$work/warm-up.log" 2>&1 || { cat "$work/warm-up.log"; exit 1; }
}

bench_build() {   # compiles etl-dev's test classes (the benchmarks) with the modules they need (-am: from the reactor, so nothing has to
  # be installed in the Maven repository, and the class path names their target/classes); sets bench_java
  (cd "$project" && mvn -B -q -pl etl-dev -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
      -Dmdep.outputFile=target/bench.classpath)
  bench_java=(java -cp "$project/etl-dev/target/test-classes:$project/etl-dev/target/classes:$(cat "$project/etl-dev/target/bench.classpath")"
      -Dlogback.configurationFile="$project/etl-tasks/src/test/resources/logback-test.xml")
}

bench_cleanup() {   # waits for the services to stop (the cluster shuts down in its own time) before deleting their files
  (( ${#started[@]} )) && kill "${started[@]}" 2>/dev/null
  wait
  if [[ -n "${KEEP:-}" ]]; then echo "kept $work"; else rm -rf "$work"; fi
}

start_source() {   # documents [collections]: the MongoDB source holding them (SourceServer), in its own process; sets source_pid
  # its temporary state folder goes with the work folder
  "${bench_java[@]}" -Xmx3g -Djava.io.tmpdir="$work" ${SOURCE_JAVA_OPTS:-} io.etl.bench.SourceServer "$@" \
      >"$work/source.log" 2>&1 &
  source_pid=$!
  started+=($source_pid)
}

serve_source() {   # documents [collections]: start_source, then wait until it serves; sets uri and watched (the source's CPU)
  start_source "$@"
  watched=("source:$source_pid")
  uri="$(await_ready $source_pid "$work/source.log")"
  echo "source ready: $1 documents${2:+ in each of $(( $2 + 1 )) collections}"
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

# label name documents log warehouse command…: runs the command with its output in <log>.out and <log>.err,
# sampling it meanwhile (sample_run into <log>.samples). Prints its wall time (JVM start included), documents/s, peak
# RSS and CPU seconds: its own (as name), those of each process in `watched` ("name:pid" words) and the PostgreSQL
# server's on the data folder <warehouse>. Sets `rate`, its documents/s, and `cpu_total`, the CPU seconds of them all.
timed() {
  local label=$1 name=$2 documents=$3 log=$4 warehouse=$5 before=() cpu spent after warehouse_cpu start end rss user system i pid
  shift 5
  for i in "${!watched[@]}"; do before[i]="$(cpu_seconds "${watched[i]#*:}")"; done
  : >"$log.err"
  start=$(date +%s%N)
  /usr/bin/time -f "%M %U %S" -o "$work/rss" "$@" >"$log.out" 2>"$log.err" &
  pid=$!
  sample_run $pid "$log.err" "$warehouse" >"$log.samples"
  wait $pid || { cat "$log.out" "$log.err"; exit 1; }
  end=$(date +%s%N)
  read -r rss user system <"$work/rss"
  cpu="$name $(awk -v u="$user" -v s="$system" 'BEGIN { printf "%.1f s", u + s }')"
  spent="$user $system"   # every process's CPU seconds, own and children's, to add up
  for i in "${!watched[@]}"; do
    after="$(cpu_seconds "${watched[i]#*:}")"
    cpu+=", $(cpu_used "${watched[i]%%:*}" "${before[i]}" "$after")"
    spent+=" $(awk -v b="${before[i]}" -v a="$after" 'BEGIN { split(b, x, " "); split(a, y, " "); print y[1] - x[1], y[2] - x[2] }')"
  done
  warehouse_cpu="$(stage_figures "$log.samples" | awk '$1 == "all" { print $((NF + 1) / 2) }')"
  cpu+=", warehouse $(awk -v w="$warehouse_cpu" 'BEGIN { printf "%.1f s", w }')"
  cpu_total=$(awk -v spent="$spent $warehouse_cpu" 'BEGIN { n = split(spent, s, " "); for (i = 1; i <= n; i++) total += s[i]
      printf "%.1f", total }')
  rate=$(awk -v s="$start" -v e="$end" -v n="$documents" 'BEGIN { printf "%.0f", n / ((e - s) / 1e9) }')
  awk -v label="$label" -v s="$start" -v e="$end" -v rate="$rate" -v rss="$rss" -v cpu="$cpu" 'BEGIN {
      printf "%-28s %7.1f s   %8d documents/s   peak RSS %d MB   CPU: %s\n", label, (e - s) / 1e9, rate, rss / 1024, cpu }'
}

# pid errors warehouse: until the process ends, every 0.2 s one line: the stage that <errors> (a run's log) last
# started (extract, transform, load; "-" outside them), then the CPU ticks and resident kB of: the process's child
# (the launcher under /usr/bin/time) with its children (the JVM, when the launcher does not exec it: the first run
# after a build, which archives its classes), each process in `watched`, the PostgreSQL server on the data folder <warehouse>
# with its server processes; "0 0" for one that does not run. Bash built-ins only, to cost the machine little.
sample_run() {
  local pid=$1 warehouse=$3 stage=- partial= line child= server fd p
  local -a state
  exec {fd}<"$2"
  while read -ra state 2>/dev/null </proc/$pid/stat && [[ ${state[2]} != Z ]]; do
    while IFS= read -r -u "$fd" line; do
      line="$partial$line" partial=
      if [[ $line =~ \]\ start\ +[A-Za-z0-9_]+_(extract|transform|load)\( ]]; then stage=${BASH_REMATCH[1]}
      elif [[ $line =~ \]\ done\  ]]; then stage=-; fi
    done
    partial+=$line
    [[ -n $child ]] || read -r child _ 2>/dev/null </proc/$pid/task/$pid/children || true
    # while it starts (initdb), the file names a standalone backend as a negative pid
    server=0
    [[ -f $warehouse/postmaster.pid ]] && read -r p 2>/dev/null <"$warehouse/postmaster.pid" && [[ $p =~ ^[0-9]+$ ]] && server=$p
    line="$stage"
    process_figures "${child:-0}" tree
    for p in "${watched[@]}"; do process_figures "${p#*:}"; done
    process_figures "$server" tree
    echo "$line"
    sleep 0.2
  done
  exec {fd}<&-
}

process_figures() {   # pid [tree]: appends to `line` " <CPU ticks> <resident kB>" of the process (its own CPU and its
  # reaped children's), with its live children's for `tree`; " 0 0" when it does not run
  local ticks=0 kb=0 child
  local -a children=()
  if [[ $1 != 0 ]] && add_process "$1" && [[ -n ${2:-} ]]; then
    read -ra children 2>/dev/null </proc/$1/task/$1/children || true
    for child in "${children[@]}"; do add_process "$child" || true; done
  fi
  line+=" $ticks $kb"
}

add_process() {   # pid: adds its CPU ticks and resident kB to `ticks` and `kb`; fails when it does not run
  local -a f
  read -ra f 2>/dev/null </proc/$1/stat || return 1
  (( ticks += f[13] + f[14] + f[15] + f[16], kb += f[23] * page_kb ))
}
page_kb=$(( $(getconf PAGESIZE) / 1024 ))

# samples: sample_run's lines as one line per stage and one "all": the stage, each process's CPU seconds, then each
# one's peak resident MB, in the order sampled. A process's CPU counts from the first sample if it ran then (the
# source's earlier work is not the run's), else from its start.
stage_figures() {
  awk -v hz="$(getconf CLK_TCK)" '{
      stages[$1] = 1
      for (c = 2; c < NF; c += 2) {
        if (NR > 1 && $c > 0) { d = $c - previous[c]; if (d > 0) { cpu[$1, c] += d; cpu["all", c] += d } }
        if (NR == 1 || $c > 0) previous[c] = $c
        if ($(c + 1) > rss[$1, c]) rss[$1, c] = $(c + 1)
        if ($(c + 1) > rss["all", c]) rss["all", c] = $(c + 1)
      }
      columns = NF
    } END {
      stages["all"] = 1
      for (s in stages) {
        line = s
        for (c = 2; c < columns; c += 2) line = line " " cpu[s, c] / hz
        for (c = 2; c < columns; c += 2) line = line " " int(rss[s, c] / 1024)
        print line
      }
    }' "$1"
}

# label documents home [setting=value …]: one timed `etl run actions_taken --incremental` (timed) with its output in
# <home>.out and <home>.err; then per stage its wall time, rows/s, each process's CPU seconds and peak RSS (from the
# samples, so to about 0.2 s), and the summary's metrics
timed_etl() {
  local label=$1 documents=$2 home=$3 settings=() setting
  shift 3
  for setting in "$@"; do settings+=(--set "$setting"); done
  timed "$label" etl "$documents" "$home" "$home/warehouse" \
      "$project/etl" run actions_taken --incremental --home "$home" "${settings[@]}"
  awk -v names="etl ${watched[*]%%:*} warehouse" 'NR == FNR { figures[$1] = $0; next }
      /^ +[a-z_]+_(extract|transform|load)\(/ {
        stage = $0; sub(/^ +[a-z_]+_/, "", stage); sub(/\(.*/, "", stage)
        rest = $0; sub(/^[^)]*\) +/, "", rest); words = split(rest, word, " ")
        seconds = word[2] == "ms" ? word[1] / 1000 : word[2] == "s" ? word[1] \
            : 60 * substr(word[1], 1, index(word[1], "m") - 1) + substr(word[1], index(word[1], "m") + 1, 2)
        rows = 0; metrics = ""
        for (i = 1; i <= words; i++) if (word[i] ~ /=/) {
          metrics = metrics " " word[i]
          if (word[i] ~ /^rows_(extracted|transformed|loaded)=/) { rows = word[i]; sub(/.*=/, "", rows) }
        }
        n = split(names, name, " "); split(figures[stage], f, " ")
        cpu = ""; rss = ""
        for (i = 1; i <= n; i++) {
          cpu = cpu (i > 1 ? ", " : "") sprintf("%s %.1f s", name[i], f[1 + i])
          rss = rss (i > 1 ? ", " : "") sprintf("%s %d MB", name[i], f[1 + n + i])
        }
        printf "    %-10s %6.1f s %8d rows/s   CPU: %s   peak RSS: %s\n", stage, seconds, (seconds > 0 ? rows / seconds : 0), cpu, rss
        print "              " metrics
      }' <(stage_figures "$home.samples") "$home.out"
}

loaded_all() {   # documents home: fails unless the run loaded every document that has a date
  local loaded without
  loaded="$(grep -oE 'rows_loaded=[0-9]+' "$2.out" | cut -d= -f2)"
  without="$(grep -oE 'documents_without_cursor=[0-9]+' "$2.out" | cut -d= -f2)"
  (( loaded + without == $1 )) || { echo "$2: loaded $loaded rows of $1 documents ($without without date)" >&2; exit 1; }
}
