# Sourced by bin/reservation, bin/benchmark and bin/benchmark-embedded-scale: the JVM options the web
# app (and the embedded store inside it) starts with unless RESERVATION_JAVA_OPTS sets a heap itself.
# A bounded heap keeps the resident memory proportional to the data: with the JVM's own sizing (a
# quarter of the machine's RAM) the heap grew to ~1 GB at 10^5 reservations only because nothing
# made it collect. Measured with 256 MB: the web app on 10^5 reservations served its day page and
# stayed at 388 MB resident (benchmarks/analysis.md has the runs).
RESERVATION_WEB_HEAP="-Xmx256m"

# web_java_opts: RESERVATION_JAVA_OPTS, plus the default heap when those options set none
web_java_opts() {
  local opts=${RESERVATION_JAVA_OPTS:-}
  case " $opts " in
    *" -Xmx"*|*" -XX:MaxRAMPercentage"*|*" -XX:MaxHeapSize"*) echo "$opts" ;;
    *) echo "$RESERVATION_WEB_HEAP $opts" ;;
  esac
}
