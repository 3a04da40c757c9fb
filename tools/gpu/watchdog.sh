#!/usr/bin/env bash
# Runs one GPU command with a deadline, for commands that may hang in the driver (where `timeout` cannot help:
# a process whose stream waits on a host callback does not exit on SIGTERM, and not at once on SIGKILL).
#   tools/gpu/watchdog.sh NAME SECONDS COMMAND...
# Output goes to $OUT/NAME.txt, the driver call trace (ALPAKA_TS_TRACE_DRIVER) to /tmp/trace-NAME.txt. Past the
# deadline it writes what each thread is doing ($OUT/NAME-threads.txt) and the trace's end ($OUT/NAME-trace.txt),
# kills the process group (setsid made one) without waiting for it, and exits 124.
set -u
name=$1 deadline=$2
shift 2
out=${OUT:-/tmp}
# TRACE=0 leaves the trace off (a benchmark's figures).
if [ "${TRACE:-1}" = 1 ]; then
  export ALPAKA_TS_TRACE_DRIVER=/tmp/trace-$name.txt
  rm -f "$ALPAKA_TS_TRACE_DRIVER"
fi
setsid "$@" > "$out/$name.txt" 2>&1 < /dev/null &
pid=$!
for _ in $(seq 1 "$deadline"); do
  kill -0 $pid 2>/dev/null || break
  sleep 1
done
if kill -0 $pid 2>/dev/null; then
  {
    ps -L -o tid,stat,wchan:32,comm -p $pid
    for task in /proc/$pid/task/*; do
      echo "== $task $(cat "$task/comm") $(cut -d' ' -f3 "$task/stat")"
      cat "$task/syscall" "$task/stack" 2>/dev/null | head -12
    done
  } > "$out/$name-threads.txt" 2>&1
  [ -n "${ALPAKA_TS_TRACE_DRIVER:-}" ] && tail -c 300000 "$ALPAKA_TS_TRACE_DRIVER" > "$out/$name-trace.txt"
  kill -9 -- -$pid
  echo "$name: still running after ${deadline}s; killed (threads and trace in $out)"
  exit 124
fi
wait $pid
status=$?
echo "$name: exit $status"
exit $status
