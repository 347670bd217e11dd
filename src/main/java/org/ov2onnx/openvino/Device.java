package org.ov2onnx.openvino;

/** A device OpenVINO can run on: its name (e.g. {@code CPU}, {@code GPU.0}) and full name. */
public record Device(String name, String fullName) {}
