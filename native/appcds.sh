#!/usr/bin/env bash
# Makes the command line start faster with class-data sharing (AppCDS, JDK 17):
#
#   native/appcds.sh JAVA TARGET_DIR SAMPLE_MODEL
#
# 1. runs TARGET_DIR/ov2onnx.jar once, as `convert SAMPLE_MODEL --verify`, with
#    -XX:ArchiveClassesAtExit, which writes the classes that run loaded (the CLI, the converter,
#    verification, picocli's newer classes, protobuf, ONNX Runtime's Java API, JavaCPP) into
#    TARGET_DIR/ov2onnx.jsa;
# 2. writes the launcher TARGET_DIR/ov2onnx, which runs the jar with that archive.
#
# `java -jar` takes no JVM options from a jar's manifest, hence the launcher. The JVM accepts the
# archive only with the same JVM and the same jar, at the same path: the launcher passes that
# path and -Xshare:auto, so a stale or foreign archive is ignored (the JVM says so) and never fatal.
# If the training run fails, the launcher is written without an archive and a warning printed.
set -euo pipefail
java=${1:?usage: appcds.sh JAVA TARGET_DIR SAMPLE_MODEL}
target=$(cd "${2:?}" && pwd -P)
sample=${3:?}
jar=$target/ov2onnx.jar
jsa=$target/ov2onnx.jsa
log() { printf '[appcds] %s\n' "$*" >&2; }

rm -f "$jsa"
mkdir -p "$target/appcds"
# CDS logs a warning for each class it cannot archive (picocli's are Java 5 class files); keep
# them in the log, not on the build's console.
if "$java" -XX:ArchiveClassesAtExit="$jsa" -Xlog:cds=error -Xlog:cds+dynamic=error \
    -jar "$jar" convert "$sample" -o "$target/appcds/sample.onnx" --verify >"$target/appcds/training.log" 2>&1 \
    && [ -s "$jsa" ]; then
  log "archive $jsa ($(du -k "$jsa" | cut -f1) KiB)"
else
  rm -f "$jsa"
  log "warning: the training run failed (see $target/appcds/training.log); the launcher runs without an archive"
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
# shellcheck disable=SC2086
exec "\$java" "\${cds[@]}" \${JAVA_OPTS:-} -jar "\$here/ov2onnx.jar" "\$@"
LAUNCHER
chmod +x "$target/ov2onnx"
log "launcher $target/ov2onnx"
