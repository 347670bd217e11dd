"""Writes a synthetic OpenVINO IR with a chosen amount of f32 weights, for the conversion benchmark.

    python3 bench/make_big_ir.py OUT_DIR [GIB]      (default 4 GiB)

The model has one input `x` [1,4096] and N weight matrices [4096,4096] f32 (64 MiB each). Each
weight feeds a Convert (f32 -> f32) and a Result, so the model is valid and every weight is used.
The weights are a pseudo-random 64 MiB block (seeded) repeated with a per-matrix offset, written
in a streaming way: the script needs little memory. Python's standard library only.
"""
import os
import random
import sys

MATRIX = 4096 * 4096 * 4  # bytes of one [4096,4096] f32 matrix


def write_xml(path, name, layers, edges):
    """Writes IR v11 text with these layer and edge elements."""
    with open(path, "w") as xml:
        xml.write(f'<?xml version="1.0"?>\n<net name="{name}" version="11">\n<layers>\n')
        xml.write("\n".join(layers))
        xml.write("\n</layers>\n<edges>\n")
        xml.write("\n".join(edges))
        xml.write("\n</edges>\n</net>\n")


def main() -> None:
    out = sys.argv[1]
    gib = float(sys.argv[2]) if len(sys.argv) > 2 else 4.0
    count = max(1, int(gib * (1 << 30) // MATRIX))
    os.makedirs(out, exist_ok=True)
    rng = random.Random(2026)
    # values in [-1, 1): random mantissas with a fixed exponent, as raw little-endian f32 bits
    block = bytearray(MATRIX)
    words = [0x3F800000 | rng.getrandbits(23) for _ in range(1 << 16)]
    chunk = b"".join(((w ^ 0x80000000) if (w & 1) else w).to_bytes(4, "little") for w in words)
    for i in range(0, MATRIX, len(chunk)):
        block[i:i + len(chunk)] = chunk
    layers, edges = [], []
    layers.append('<layer id="0" name="x" type="Parameter" version="opset1"><data shape="1,4096" element_type="f32"/>'
                  '<output><port id="0" precision="FP32" names="x"><dim>1</dim><dim>4096</dim></port></output></layer>')
    layers.append('<layer id="1" name="x_out" type="Result" version="opset1"><input><port id="0" precision="FP32"/></input></layer>')
    edges.append('<edge from-layer="0" from-port="0" to-layer="1" to-port="0"/>')
    with open(os.path.join(out, "big.bin"), "wb") as bin_file:
        for k in range(count):
            block[0:4] = k.to_bytes(4, "little")  # make every matrix distinct
            bin_file.write(block)
            c, v, r = 2 + 3 * k, 3 + 3 * k, 4 + 3 * k
            layers.append(f'<layer id="{c}" name="w{k}" type="Const" version="opset1">'
                          f'<data element_type="f32" shape="4096,4096" offset="{k * MATRIX}" size="{MATRIX}"/>'
                          f'<output><port id="0" precision="FP32" names="w{k}"><dim>4096</dim><dim>4096</dim></port></output></layer>')
            layers.append(f'<layer id="{v}" name="cvt{k}" type="Convert" version="opset1"><data destination_type="f32"/>'
                          f'<input><port id="0" precision="FP32"/></input>'
                          f'<output><port id="1" precision="FP32" names="out{k}"/></output></layer>')
            layers.append(f'<layer id="{r}" name="r{k}" type="Result" version="opset1"><input><port id="0" precision="FP32"/></input></layer>')
            edges.append(f'<edge from-layer="{c}" from-port="0" to-layer="{v}" to-port="0"/>')
            edges.append(f'<edge from-layer="{v}" from-port="1" to-layer="{r}" to-port="0"/>')
    write_xml(os.path.join(out, "big.xml"), "big", layers, edges)
    print(f"{out}/big.xml: {count} matrices, {count * MATRIX / (1 << 30):.2f} GiB of weights")


if __name__ == "__main__":
    main()
