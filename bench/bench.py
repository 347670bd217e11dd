"""Conversion benchmark: ov2onnx convert vs a plain file copy of the weights, and peak memory.

    python3 bench/bench.py [--gib 4] [--dir /tmp/ov2onnx-bench] [--runs 3]

Needs the built jar (target/ov2onnx.jar: `mvn -B -q package -DskipTests`). It generates the
synthetic model (bench/make_big_ir.py) unless it is there, then alternates, --runs times:
`cp big.bin` (the plain copy, on the same disk; coreutils uses copy_file_range) and `java -jar target/ov2onnx.jar convert`
(external data, as auto picks for > 2 GB). Each run's wall time and peak resident memory (the
child's own ru_maxrss, from wait4) are measured; the medians are reported, with the ratio
copy time / conversion time (1.0 = as fast as a copy). The CLI figures include the JVM's and
OpenVINO's start-up (about 0.8 s here); bench/ConvertBench.java also times the library inside one
running JVM, as a service embedding it would see it. Results go to stdout as JSON.
"""
import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def timed(cmd):
    # start each measured command from a clean page cache state: the previous run's dirty pages
    # would otherwise be written back (and throttle writers) during this one
    os.sync()
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    err = proc.stderr.read().decode()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{' '.join(cmd)} failed: {err}")
    return elapsed, usage.ru_maxrss * 1024  # ru_maxrss is in KiB on Linux


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--gib", type=float, default=4.0)
    ap.add_argument("--dir", default="/tmp/ov2onnx-bench")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--java-opts", default="")
    args = ap.parse_args()
    jar = os.path.join(ROOT, "target", "ov2onnx.jar")
    if not os.path.exists(jar):
        sys.exit("build the jar first: mvn -B -q package -DskipTests")
    xml = os.path.join(args.dir, "big.xml")
    binf = os.path.join(args.dir, "big.bin")
    if not os.path.exists(xml):
        subprocess.run([sys.executable, os.path.join(HERE, "make_big_ir.py"), args.dir, str(args.gib)], check=True)
    size = os.path.getsize(binf)
    copy_t, conv_t, conv_rss = [], [], []
    for _ in range(args.runs):
        target = os.path.join(args.dir, "copy.bin")
        t, _ = timed(["cp", binf, target])
        copy_t.append(t)
        os.remove(target)
        out = os.path.join(args.dir, "big.onnx")
        cmd = ["java"] + args.java_opts.split() + ["-jar", jar, "convert", xml, "-o", out]
        t, rss = timed([c for c in cmd if c])
        conv_t.append(t)
        conv_rss.append(rss)
        data = out + ".data"
        assert os.path.getsize(data) >= size, "external data is smaller than the weights"
        os.remove(out)
        os.remove(data)
    # the library in a running JVM (no start-up): ConvertBench converts --runs times in-process
    out = os.path.join(args.dir, "big-lib.onnx")
    start = time.perf_counter()
    os.sync()
    proc = subprocess.Popen(["java", "-cp", jar, os.path.join(HERE, "ConvertBench.java"), xml, out, str(args.runs)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit("ConvertBench failed: " + proc.stderr.read().decode())
    lib_t = [float(x) for x in proc.stdout.read().decode().split()]
    lib_rss = usage.ru_maxrss * 1024
    copy_s, conv_s = statistics.median(copy_t), statistics.median(conv_t)
    lib_s = statistics.median(lib_t)
    result = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, {platform.platform()}",
        "weights_bytes": size,
        "runs": args.runs,
        "copy_seconds_median": round(copy_s, 3),
        "convert_seconds_median": round(conv_s, 3),
        "copy_mib_per_s": round(size / copy_s / (1 << 20), 1),
        "convert_mib_per_s": round(size / conv_s / (1 << 20), 1),
        "throughput_ratio_vs_copy": round(copy_s / conv_s, 3),
        "convert_peak_rss_mib_max": round(max(conv_rss) / (1 << 20), 1),
        "library_convert_seconds_median": round(lib_s, 3),
        "library_throughput_ratio_vs_copy": round(copy_s / lib_s, 3),
        "library_process_peak_rss_mib": round(lib_rss / (1 << 20), 1),
        "library_convert_seconds_all": [round(t, 3) for t in lib_t],
        "convert_seconds_all": [round(t, 3) for t in conv_t],
        "copy_seconds_all": [round(t, 3) for t in copy_t],
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
