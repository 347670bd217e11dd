#!/usr/bin/env python3
"""Measures the command line's start-up, with and without the class-data-sharing archive.

    python3 native/bench-startup.py [--runs N]      (after mvn -B -q package -DskipTests)

Runs each command N times as `java -jar target/ov2onnx.jar ...` and through the launcher
`target/ov2onnx` (the same jar with target/ov2onnx.jsa), interleaved so that load on the machine
hits both alike, and prints the median wall time and the median CPU time (user + system of the
child, which other processes on a busy machine disturb less) of each.
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JAR = os.path.join(ROOT, "target", "ov2onnx.jar")
LAUNCHER = os.path.join(ROOT, "target", "ov2onnx")


def timed(cmd):
    """Wall seconds and CPU seconds (user + system) of one run; fails on a non-zero exit."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode(errors="replace")
    if proc.returncode != 0:
        sys.exit(f"error: {' '.join(cmd)} exited with {proc.returncode}: {err.strip()}")
    return wall, usage.ru_utime + usage.ru_stime


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    if not (os.path.isfile(JAR) and os.access(LAUNCHER, os.X_OK)):
        sys.exit("error: build first: mvn -B -q package -DskipTests")
    if not os.path.isfile(os.path.join(ROOT, "target", "ov2onnx.jsa")):
        sys.exit("error: target/ov2onnx.jsa is missing (was the build run with -Dappcds.skip=true?)")
    if os.environ.get("JAVA_OPTS"):
        sys.exit("error: unset JAVA_OPTS, the launcher would pass it on")
    with tempfile.TemporaryDirectory() as tmp:
        sample = os.path.join(ROOT, "samples", "sample-cnn.xml")
        commands = {
            "--version": ["--version"],
            "devices": ["devices"],
            "convert sample-cnn.xml": ["convert", sample, "-o", os.path.join(tmp, "x.onnx")],
        }
        plain = ["java", "-jar", JAR]
        cds = [LAUNCHER]
        # warm-up: the native cache is extracted and the files are in the page cache
        timed(plain + ["--version"])
        timed(cds + ["--version"])
        print(f"{'command':24} {'java -jar':>18} {'launcher (AppCDS)':>18} {'ratio':>12}")
        print(f"{'':24} {'wall / cpu s':>18} {'wall / cpu s':>18} {'wall / cpu':>12}")
        for name, cmd in commands.items():
            results = {"plain": [], "cds": []}
            for _ in range(args.runs):
                results["plain"].append(timed(plain + cmd))
                results["cds"].append(timed(cds + cmd))
            med = {k: (statistics.median(w for w, _ in v), statistics.median(c for _, c in v)) for k, v in results.items()}
            (pw, pc), (cw, cc) = med["plain"], med["cds"]
            print(f"{name:24} {pw:8.3f} / {pc:6.3f} {cw:9.3f} / {cc:6.3f} {cw / pw:6.2f} / {cc / pc:4.2f}")
        print(f"(median of {args.runs} runs each; {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at the end)")


if __name__ == "__main__":
    main()
