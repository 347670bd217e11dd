#!/usr/bin/env bash
# Makes the command line start faster with class-data sharing (AppCDS, JDK 17):
#
#   native/appcds.sh JAVA TARGET_DIR SAMPLE_MODEL
#
# 1. runs TARGET_DIR/ov2onnx.jar as `--version`, `devices`, `info SAMPLE_MODEL` and
#    `convert SAMPLE_MODEL --verify`, each with -XX:DumpLoadedClassList, which lists the classes
#    each run loaded (the CLI, the converter, verification, picocli, protobuf, ONNX Runtime's Java
#    API, JavaCPP, and the JDK's own);
# 2. dumps a static archive of those classes (-Xshare:dump) into TARGET_DIR/ov2onnx.jsa;
# 3. writes the launcher TARGET_DIR/ov2onnx, which runs the jar with that archive and the JVM
#    flags of a short run (C1 only, the serial collector).
#
# A static archive, not a dynamic one (-XX:ArchiveClassesAtExit): JDK 17's dynamic archive skips
# class files older than Java 6, and picocli's are Java 5 class files (about 170 classes per run).
# `java -jar` takes no JVM options from a jar's manifest, hence the launcher. The JVM accepts the
# archive only with the same JVM and the same jar, at the same path: the launcher passes that
# path and -Xshare:auto, so a stale or foreign archive is ignored (the JVM says so) and never fatal.
# If a training run fails, the launcher is written without an archive and a warning printed.
set -euo pipefail
java=${1:?usage: appcds.sh JAVA TARGET_DIR SAMPLE_MODEL}
target=$(cd "${2:?}" && pwd -P)
sample=${3:?}
jar=$target/ov2onnx.jar
jsa=$target/ov2onnx.jsa
work=$target/appcds
log() { printf '[appcds] %s\n' "$*" >&2; }

rm -rf "$jsa" "$work"
mkdir -p "$work"
train() {
  local name=$1
  shift
  "$java" -XX:DumpLoadedClassList="$work/$name.classes" -jar "$jar" "$@" >"$work/$name.log" 2>&1
}
# The archive check: CDS logs a warning for each class it leaves out (lambdas of old classes, JFR
# events); keep them in the log, not on the build's console.
if train version --version && train devices devices && train info info "$sample" \
    && train convert convert "$sample" -o "$work/sample.onnx" --verify \
    && awk '!seen[$0]++' "$work"/*.classes >"$work/classes.list" \
    && "$java" -Xshare:dump -XX:SharedClassListFile="$work/classes.list" -XX:SharedArchiveFile="$jsa" \
         -jar "$jar" >"$work/dump.log" 2>&1 \
    && [ -s "$jsa" ]; then
  log "archive $jsa: $(wc -l <"$work/classes.list") classes, $(du -k "$jsa" | cut -f1) KiB"
else
  rm -f "$jsa"
  log "warning: making the archive failed (see the logs in $work); the launcher runs without one"
fi

cat >"$target/ov2onnx" <<LAUNCHER
#!/usr/bin/env bash
# ov2onnx's command line with its class-data-sharing archive (written by native/appcds.sh at
# mvn package). Same as \`java -jar ov2onnx.jar\`, starts faster. JAVA_OPTS adds JVM options.
here=\$(cd "\$(dirname "\${BASH_SOURCE[0]}")" && pwd -P)
java="$java"
[ -x "\$java" ] || java=java
cds=()
# The archive matches only the jar it was made with: use it while it is newer than the jar.
if [ "\$here/ov2onnx.jsa" -nt "\$here/ov2onnx.jar" ]; then
  cds=(-XX:SharedArchiveFile="\$here/ov2onnx.jsa" -Xshare:auto)
fi
# A conversion is a short run: C1 alone compiles enough (C2 would spend more CPU compiling than it
# saves), the serial collector needs no GC threads, and a heap that starts small grows only as far
# as the model needs instead of touching a large young generation (bench/run.sh: about half the
# CPU time and 0.8x the peak memory on 28,000 nodes). The heap starts at 64 MB with a 20 MB young
# generation, and what survives one collection is promoted at once: a conversion's survivors are
# the graph it builds, which lives to the end, so copying them between survivor spaces is wasted
# (28,000 nodes: 6 collections instead of 17 and about half the GC time, for 2 MB more peak
# memory: untouched heap costs none). JAVA_OPTS comes later and overrides them, e.g.
# JAVA_OPTS="-XX:TieredStopAtLevel=4 -XX:-UseSerialGC -XX:+UseG1GC" for a long run on many cores.
# glibc gives a thread that allocates its own heap (arena) and grows it a page at a time, one
# mprotect call each: OpenVINO's reader, on the JVM's main thread, made about 24,000 of them on a
# 28,000-node IR (strace -c), some 70 ms. With one arena the heap grows by brk in large steps (62
# calls). A set MALLOC_ARENA_MAX is kept (e.g. more arenas for verify on many cores).
export MALLOC_ARENA_MAX="\${MALLOC_ARENA_MAX:-1}"
# shellcheck disable=SC2086
exec "\$java" "\${cds[@]}" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xms64m -XX:NewSize=20m \
  -XX:MaxTenuringThreshold=0 \${JAVA_OPTS:-} -jar "\$here/ov2onnx.jar" "\$@"
LAUNCHER
chmod +x "$target/ov2onnx"
log "launcher $target/ov2onnx"
