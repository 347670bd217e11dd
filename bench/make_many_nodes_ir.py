"""Writes a synthetic OpenVINO IR with many small nodes, for the node-count benchmark.

    python3 bench/make_many_nodes_ir.py OUT.xml NODES [WEIGHTS_MIB] [--share K]

The model is one input `x` [1,N] and a chain of blocks MatMul(W[N,N]) -> Add(b[1,N]) -> Relu, five
nodes each (two Const layers and three operations), sized so that the weights total about
WEIGHTS_MIB (default 64). With --share K, block i reads the weights of block i mod K: the Const
layers of the later blocks point at the same bytes of the .bin (as OpenVINO's serializer stores
identical constants once), so the .bin holds only K blocks of weights. Python's standard library
only; the weights are seeded pseudo-random values in [-1/N, 1/N).
"""
import argparse
import math
import os
import random
import struct

from make_big_ir import write_xml


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("nodes", type=int)
    ap.add_argument("weights_mib", type=float, nargs="?", default=64.0)
    ap.add_argument("--share", type=int, default=0)
    args = ap.parse_args()
    blocks = max(1, (args.nodes - 2) // 5)
    n = max(2, int(math.sqrt(args.weights_mib * (1 << 20) / blocks / 4)))
    distinct = args.share if args.share > 0 else blocks
    rng = random.Random(2026)
    scale = 1.0 / n
    # one random pool of f32 values; each block's tensors are windows of it at different starts
    values = [rng.uniform(-scale, scale) for _ in range(1 << 16)]
    pool = struct.pack(f"<{len(values)}f", *values)
    w_size, b_size = n * n * 4, n * 4
    base = os.path.splitext(args.out)[0]
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    offsets = []
    with open(base + ".bin", "wb") as bin_file:
        pos = 0
        for k in range(distinct):
            start = (k * 4 * 97) % (len(pool) // 2)
            for size in (w_size, b_size):
                data = bytearray()
                while len(data) < size:
                    data += pool[start:]
                data = bytes(data[:size])
                # make every tensor distinct even where windows repeat
                data = k.to_bytes(4, "little") + data[4:] if size >= 8 else data
                bin_file.write(data)
                offsets.append(pos)
                pos += size
    layers = [f'<layer id="0" name="x" type="Parameter" version="opset1"><data shape="1,{n}" element_type="f32"/>'
              f'<output><port id="0" precision="FP32" names="x"><dim>1</dim><dim>{n}</dim></port></output></layer>']
    edges = []
    prev = (0, 0)
    lid = 1
    for i in range(blocks):
        k = i % distinct
        w_off, b_off = offsets[2 * k], offsets[2 * k + 1]
        w, mm, b, add, relu = lid, lid + 1, lid + 2, lid + 3, lid + 4
        lid += 5
        layers.append(f'<layer id="{w}" name="w{i}" type="Const" version="opset1">'
                      f'<data element_type="f32" shape="{n},{n}" offset="{w_off}" size="{w_size}"/>'
                      f'<output><port id="0" precision="FP32"><dim>{n}</dim><dim>{n}</dim></port></output></layer>')
        layers.append(f'<layer id="{mm}" name="mm{i}" type="MatMul" version="opset1">'
                      f'<data transpose_a="false" transpose_b="false"/>'
                      f'<input><port id="0" precision="FP32"><dim>1</dim><dim>{n}</dim></port>'
                      f'<port id="1" precision="FP32"><dim>{n}</dim><dim>{n}</dim></port></input>'
                      f'<output><port id="2" precision="FP32"><dim>1</dim><dim>{n}</dim></port></output></layer>')
        layers.append(f'<layer id="{b}" name="b{i}" type="Const" version="opset1">'
                      f'<data element_type="f32" shape="1,{n}" offset="{b_off}" size="{b_size}"/>'
                      f'<output><port id="0" precision="FP32"><dim>1</dim><dim>{n}</dim></port></output></layer>')
        layers.append(f'<layer id="{add}" name="add{i}" type="Add" version="opset1"><data auto_broadcast="numpy"/>'
                      f'<input><port id="0" precision="FP32"><dim>1</dim><dim>{n}</dim></port>'
                      f'<port id="1" precision="FP32"><dim>1</dim><dim>{n}</dim></port></input>'
                      f'<output><port id="2" precision="FP32"><dim>1</dim><dim>{n}</dim></port></output></layer>')
        layers.append(f'<layer id="{relu}" name="relu{i}" type="ReLU" version="opset1">'
                      f'<input><port id="0" precision="FP32"><dim>1</dim><dim>{n}</dim></port></input>'
                      f'<output><port id="1" precision="FP32"><dim>1</dim><dim>{n}</dim></port></output></layer>')
        edges.append(f'<edge from-layer="{prev[0]}" from-port="{prev[1]}" to-layer="{mm}" to-port="0"/>')
        edges.append(f'<edge from-layer="{w}" from-port="0" to-layer="{mm}" to-port="1"/>')
        edges.append(f'<edge from-layer="{mm}" from-port="2" to-layer="{add}" to-port="0"/>')
        edges.append(f'<edge from-layer="{b}" from-port="0" to-layer="{add}" to-port="1"/>')
        edges.append(f'<edge from-layer="{add}" from-port="2" to-layer="{relu}" to-port="0"/>')
        prev = (relu, 1)
    layers.append(f'<layer id="{lid}" name="y" type="Result" version="opset1">'
                  f'<input><port id="0" precision="FP32"><dim>1</dim><dim>{n}</dim></port></input></layer>')
    edges.append(f'<edge from-layer="{prev[0]}" from-port="{prev[1]}" to-layer="{lid}" to-port="0"/>')
    write_xml(base + ".xml", "many", layers, edges)
    print(f"{base}.xml: {lid + 1} nodes, {blocks} blocks of [{n},{n}], {os.path.getsize(base + '.bin') / (1 << 20):.1f} MiB of weights")


if __name__ == "__main__":
    main()
