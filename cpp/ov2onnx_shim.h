/*
 * ov2onnx native shim: a flat, C-like view of OpenVINO's C++ API.
 *
 * Rules of this header (see docs/NATIVE.md):
 *  - opaque handles only; every handle made by a *_create, _open, _read or _compile call is released
 *    by exactly one matching _free call, and a _free of NULL is harmless;
 *  - no C++ exception ever leaves a function: failures return a negative OVX_ERR_* status (or NULL
 *    / -1 where the function returns a value) and the message is kept for the calling thread,
 *    readable with ovx_last_error();
 *  - strings returned as `const char*` are owned by the shim. Strings that describe a model (node
 *    names, attribute names and values, tensor names) stay valid while the model handle lives;
 *    strings described as "transient" stay valid until the next shim call on the same thread.
 *  - nodes are addressed by their index in the model's topological order (0 .. node_count-1).
 */
#ifndef OV2ONNX_SHIM_H
#define OV2ONNX_SHIM_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(_WIN32)
#define OVX_API __declspec(dllexport)
#else
#define OVX_API __attribute__((visibility("default")))
#endif

/* Status codes. */
#define OVX_OK 0
#define OVX_ERR_GENERAL -1       /* OpenVINO raised an error; see ovx_last_error() */
#define OVX_ERR_NOT_FOUND -2     /* a file, node, port or name does not exist */
#define OVX_ERR_INVALID_ARG -3   /* an argument is out of range or malformed */
#define OVX_ERR_READ -4          /* a model or its weights could not be read */
#define OVX_ERR_DEVICE -5        /* a device is unknown or failed to compile */
#define OVX_ERR_INFER -6         /* inference failed */
#define OVX_ERR_UNSUPPORTED -7   /* the operation does not apply to this object */

/* Attribute kinds, as reported by ovx_attr_kind(). */
#define OVX_ATTR_BOOL 0          /* ints[0] is 0 or 1 */
#define OVX_ATTR_INT 1           /* ints[0] */
#define OVX_ATTR_FLOAT 2         /* floats[0] */
#define OVX_ATTR_STRING 3        /* strings[0]; OpenVINO enums arrive as their string form */
#define OVX_ATTR_INTS 4          /* ints[] */
#define OVX_ATTR_FLOATS 5        /* floats[] */
#define OVX_ATTR_STRINGS 6       /* strings[] */
#define OVX_ATTR_ELEMENT_TYPE 7  /* strings[0], OpenVINO's name: f32, u4, nf4, string ... */
#define OVX_ATTR_ELEMENT_TYPES 8 /* strings[] */
#define OVX_ATTR_PARTIAL_SHAPE 9 /* ints[] = rank (-1: dynamic rank), then (min, max) per dimension; max -1 = unbounded */
#define OVX_ATTR_DIMENSION 10    /* ints[] = min, max (max -1 = unbounded) */
#define OVX_ATTR_SUBGRAPH 11     /* ints[0] = body index for ovx_node_body() */
#define OVX_ATTR_INPUT_MAP 12    /* ints[0] = body index for ovx_node_body_inputs() */
#define OVX_ATTR_OUTPUT_MAP 13   /* ints[0] = body index for ovx_node_body_outputs() */
#define OVX_ATTR_VARIABLE 14     /* strings = id, element type; ints = partial shape as in OVX_ATTR_PARTIAL_SHAPE */
#define OVX_ATTR_OPAQUE 15       /* strings[0] = the adapter's type name; the value is not exposed */

/* Port-map record kinds of sub-graph operations (TensorIterator, Loop, If). */
#define OVX_MAP_SLICE_INPUT 0
#define OVX_MAP_MERGED_INPUT 1
#define OVX_MAP_INVARIANT_INPUT 2
#define OVX_MAP_BODY_OUTPUT 3
#define OVX_MAP_CONCAT_OUTPUT 4
/* Each record has OVX_MAP_RECORD_LONGS values:
 * input map:  kind, input_index, body_parameter_index, start, stride, part_size, end, axis, body_value_index
 * output map: kind, body_value_index, output_index, start, stride, part_size, end, axis, iteration
 * (fields that do not apply to a kind are 0). */
#define OVX_MAP_RECORD_LONGS 9

typedef struct ovx_core ovx_core;
typedef struct ovx_model ovx_model;
typedef struct ovx_const ovx_const;
typedef struct ovx_compiled ovx_compiled;
typedef struct ovx_request ovx_request;
typedef struct ovx_tensor ovx_tensor;

/* ---- errors and version ---- */
OVX_API const char* ovx_last_error(void);             /* message of the last failure on this thread ("" if none) */
OVX_API const char* ovx_openvino_version(void);       /* e.g. "2026.4.1-22982-..."; static */
OVX_API const char* ovx_openvino_library_path(void);  /* file that holds OpenVINO's runtime; transient */

/* ---- core ---- */
OVX_API int ovx_core_create(ovx_core** out);
OVX_API void ovx_core_free(ovx_core* core);
/* Device names joined by '\n'; transient. NULL on failure. */
OVX_API const char* ovx_core_devices(ovx_core* core);
/* Any property of a device as text (e.g. FULL_DEVICE_NAME); transient. NULL on failure. */
OVX_API const char* ovx_core_device_property(ovx_core* core, const char* device, const char* property);
/* Reads any format OpenVINO reads. weights may be NULL or "". IR weights stay memory-mapped. */
OVX_API int ovx_core_read_model(ovx_core* core, const char* model_path, const char* weights_path, ovx_model** out);
/* Compiles a model. properties: "KEY=VALUE" lines joined by '\n', or NULL. */
OVX_API int ovx_core_compile(ovx_core* core, ovx_model* model, const char* device, const char* properties,
                             ovx_compiled** out);

/* ---- model ---- */
OVX_API void ovx_model_free(ovx_model* model);
/* Frees the model's graph (its nodes) but not the model: the constant views opened on it keep
 * reading their data until ovx_model_free, which releases the weights file as always. Any other
 * use of the model then fails. For freeing the graph while its weights are being written out. */
OVX_API int ovx_model_drop_graph(ovx_model* model);
OVX_API const char* ovx_model_name(ovx_model* model);
OVX_API int64_t ovx_model_node_count(ovx_model* model);
OVX_API int64_t ovx_model_input_count(ovx_model* model);
OVX_API int64_t ovx_model_output_count(ovx_model* model);
OVX_API int64_t ovx_model_input_node(ovx_model* model, int64_t input);   /* index of the Parameter node */
OVX_API int64_t ovx_model_output_node(ovx_model* model, int64_t output); /* index of the Result node */
/* How much of an IR weights file the model's constants use: out[0] = bytes from the start of the file
 * to the end of the last constant that lies in its memory mapping (-1 if no constant is mapped from
 * it), out[1] = the file's size, out[2] = how many non-empty constants hold data that is not in the
 * mapping (copied or unpacked by the reader, e.g. strings), which makes out[0] a lower bound. */
OVX_API int ovx_model_weights_extent(ovx_model* model, const char* weights_path, int64_t* out);
/* Gives input `input` a new partial shape (rank, then (min, max) per dimension as in
 * ovx_node_output_shape; rank -1 = dynamic rank) and re-infers the model's shapes (ov::Model::reshape). */
OVX_API int ovx_model_reshape(ovx_model* model, int64_t input, const int64_t* minmax, int64_t rank);
/* Gives input `input` a new element type and re-infers the model's types. */
OVX_API int ovx_model_set_input_type(ovx_model* model, int64_t input, const char* element_type);
/* A deep copy of the model (ov::Model::clone) as a new handle; constants share their data. */
OVX_API int ovx_model_clone(ovx_model* model, ovx_model** out);
/* Adds a Result for the output that carries tensor name `tensor_name` (ov::Model::add_output).
 * Node indices of this handle change: views taken before are invalid afterwards. */
OVX_API int ovx_model_add_output(ovx_model* model, const char* tensor_name);
/* Adds a Result for output `port` of the node whose friendly name is `op_name`. */
OVX_API int ovx_model_add_output_of(ovx_model* model, const char* op_name, int64_t port);
/* Saves as IR (xml + bin next to it) through OpenVINO's own save_model. */
OVX_API int ovx_model_save(ovx_model* model, const char* xml_path, int compress_to_fp16);
/* Whether the model's own rt_info (ov::Model::has_rt_info) holds `path`, a '/'-separated chain of
 * keys into nested sections, e.g. "nncf/weight_compression": *out = 1 if it does, 0 if not. An empty
 * key (a path that is "", or has "//", or starts or ends with '/') is OVX_ERR_INVALID_ARG. */
OVX_API int ovx_model_has_rt_info(ovx_model* model, const char* path, int* out);

/* ---- graph view: nodes ---- */
OVX_API const char* ovx_node_type(ovx_model* model, int64_t node);          /* API type name, e.g. "Convolution" */
OVX_API const char* ovx_node_version(ovx_model* model, int64_t node);       /* version id, e.g. "opset1" */
OVX_API const char* ovx_node_name(ovx_model* model, int64_t node);          /* friendly name */
OVX_API int64_t ovx_node_input_count(ovx_model* model, int64_t node);
/* Writes the producing node index and its output port into source[0..1]. */
OVX_API int ovx_node_input_source(ovx_model* model, int64_t node, int64_t port, int64_t* source);
OVX_API int64_t ovx_node_output_count(ovx_model* model, int64_t node);
OVX_API const char* ovx_node_output_type(ovx_model* model, int64_t node, int64_t port);
/* Returns the rank (-1: dynamic rank; < -1: error) and writes (min, max) per dimension into
 * minmax[0 .. 2*rank-1] when capacity allows (capacity counts int64 values). max -1 = unbounded. */
OVX_API int64_t ovx_node_output_shape(ovx_model* model, int64_t node, int64_t port, int64_t* minmax,
                                      int64_t capacity);
OVX_API int64_t ovx_node_output_name_count(ovx_model* model, int64_t node, int64_t port);
/* Tensor names of an output, sorted; index < name_count. */
OVX_API const char* ovx_node_output_name(ovx_model* model, int64_t node, int64_t port, int64_t index);
/* Every node's type, version, name, input sources and outputs (type, shape, tensor names) in one
 * call, as the ovx_node_* functions above report them: returns the byte size of the description
 * and writes it into out when capacity (bytes) allows. Little-endian int64 values; a string is its
 * byte length then its bytes. Layout: node count, then per node: type, version, name, input count,
 * (node, port) per input, output count, then per output: element type, rank, (min, max) per
 * dimension (none for a dynamic rank), name count, names. */
OVX_API int64_t ovx_model_describe(ovx_model* model, char* out, int64_t capacity);

/* ---- graph view: attributes, as reported by the node's own visit_attributes ---- */
OVX_API int64_t ovx_attr_count(ovx_model* model, int64_t node);
OVX_API const char* ovx_attr_name(ovx_model* model, int64_t node, int64_t attr);
OVX_API int ovx_attr_kind(ovx_model* model, int64_t node, int64_t attr);
/* Returns the number of values and copies up to capacity of them. -1 on error. */
OVX_API int64_t ovx_attr_ints(ovx_model* model, int64_t node, int64_t attr, int64_t* out, int64_t capacity);
OVX_API int64_t ovx_attr_floats(ovx_model* model, int64_t node, int64_t attr, double* out, int64_t capacity);
OVX_API int64_t ovx_attr_string_count(ovx_model* model, int64_t node, int64_t attr);
OVX_API const char* ovx_attr_string(ovx_model* model, int64_t node, int64_t attr, int64_t index);
/* All of a node's attributes in one call (the functions above ask one value at a time, which
 * costs a native crossing each on large graphs): returns the byte size of the description and
 * writes it into out when capacity (bytes) allows; -1 on error. Little-endian int64 values, a
 * string as its byte length then its bytes, a double as its IEEE bits. Layout: attribute count,
 * then per attribute: name, kind, int count, ints, float count, floats, string count, strings. */
OVX_API int64_t ovx_attr_all(ovx_model* model, int64_t node, char* out, int64_t capacity);

/* ---- graph view: runtime info (e.g. decompression markers) ---- */
OVX_API int64_t ovx_node_rt_count(ovx_model* model, int64_t node);
OVX_API const char* ovx_node_rt_key(ovx_model* model, int64_t node, int64_t index);
OVX_API const char* ovx_node_rt_value(ovx_model* model, int64_t node, int64_t index);

/* ---- graph view: sub-graphs of TensorIterator / Loop / If ---- */
OVX_API int64_t ovx_node_body_count(ovx_model* model, int64_t node);
/* A new model handle for body `body`; release it with ovx_model_free. */
OVX_API int ovx_node_body(ovx_model* model, int64_t node, int64_t body, ovx_model** out);
/* Return the number of records; copy up to capacity longs (records * OVX_MAP_RECORD_LONGS). */
OVX_API int64_t ovx_node_body_inputs(ovx_model* model, int64_t node, int64_t body, int64_t* out, int64_t capacity);
OVX_API int64_t ovx_node_body_outputs(ovx_model* model, int64_t node, int64_t body, int64_t* out, int64_t capacity);
/* Loop's special body ports: out[0] = current iteration input index, out[1] = condition output index. */
OVX_API int ovx_node_loop_special_ports(ovx_model* model, int64_t node, int64_t* out);

/* ---- constant data, zero-copy ---- */
/* Opens a view of a Constant node's data. The view keeps the node, and the memory it points to
 * (for IR: the memory-mapped .bin), alive until ovx_const_free, even after the model is freed. */
OVX_API int ovx_const_open(ovx_model* model, int64_t node, ovx_const** out);
OVX_API void ovx_const_free(ovx_const* view);
/* The value of input `port` of node `node` when it is known before inference: produced by a
 * Constant, or computed only from Constants and the static parts of shapes (e.g. the axes
 * Range(2, rank(x)) when x has a static rank). OVX_ERR_NOT_FOUND when it depends on input data. */
OVX_API int ovx_input_value(ovx_model* model, int64_t node, int64_t port, ovx_const** out);
OVX_API const char* ovx_const_element_type(ovx_const* view);
OVX_API int64_t ovx_const_shape(ovx_const* view, int64_t* dims, int64_t capacity); /* returns rank */
/* Byte size and shape in one call: returns the rank and, when capacity >= rank + 1, writes
 * out[0] = ovx_const_byte_size and out[1 .. rank] = the dimensions. -1 on error. */
OVX_API int64_t ovx_const_layout(ovx_const* view, int64_t* out, int64_t capacity);
/* Raw bytes as OpenVINO stores them; sub-byte types (u1, u2, u3, u4, i4, nf4, f4e2m1, u6) are packed.
 * NULL for string constants. */
OVX_API const void* ovx_const_data(ovx_const* view);
OVX_API int64_t ovx_const_byte_size(ovx_const* view);
OVX_API int64_t ovx_const_string_count(ovx_const* view);
OVX_API const char* ovx_const_string_data(ovx_const* view, int64_t index);
OVX_API int64_t ovx_const_string_size(ovx_const* view, int64_t index);

/* ---- inference ---- */
OVX_API void ovx_compiled_free(ovx_compiled* compiled);
OVX_API int64_t ovx_compiled_input_count(ovx_compiled* compiled);
OVX_API int64_t ovx_compiled_output_count(ovx_compiled* compiled);
/* Any tensor name of a port (transient; "" if it has none). */
OVX_API const char* ovx_compiled_input_name(ovx_compiled* compiled, int64_t index);
OVX_API const char* ovx_compiled_output_name(ovx_compiled* compiled, int64_t index);
OVX_API const char* ovx_compiled_input_type(ovx_compiled* compiled, int64_t index);
OVX_API const char* ovx_compiled_output_type(ovx_compiled* compiled, int64_t index);
/* Same encoding as ovx_node_output_shape. */
OVX_API int64_t ovx_compiled_input_shape(ovx_compiled* compiled, int64_t index, int64_t* minmax, int64_t capacity);
OVX_API int64_t ovx_compiled_output_shape(ovx_compiled* compiled, int64_t index, int64_t* minmax, int64_t capacity);
/* A property of the compiled model as text; transient. */
OVX_API const char* ovx_compiled_property(ovx_compiled* compiled, const char* property);

OVX_API int ovx_request_create(ovx_compiled* compiled, ovx_request** out);
OVX_API void ovx_request_free(ovx_request* request);
/* Binds caller memory as input `index` without a copy. The memory must stay valid and unchanged
 * until the next ovx_request_infer returns. byte_size must match the type and shape. */
OVX_API int ovx_request_set_input(ovx_request* request, int64_t index, const char* element_type,
                                  const int64_t* shape, int64_t rank, void* data, int64_t byte_size);
/* String input: `count` strings, the k-th is bytes[offsets[k] .. offsets[k+1]) (offsets has count+1 values). */
OVX_API int ovx_request_set_input_strings(ovx_request* request, int64_t index, const int64_t* shape, int64_t rank,
                                          const char* bytes, const int64_t* offsets, int64_t count);
OVX_API int ovx_request_infer(ovx_request* request);
/* The output tensor after inference: a new handle sharing OpenVINO's memory (no copy). */
OVX_API int ovx_request_output(ovx_request* request, int64_t index, ovx_tensor** out);

OVX_API void ovx_tensor_free(ovx_tensor* tensor);
OVX_API const char* ovx_tensor_element_type(ovx_tensor* tensor);
OVX_API int64_t ovx_tensor_shape(ovx_tensor* tensor, int64_t* dims, int64_t capacity); /* returns rank */
OVX_API void* ovx_tensor_data(ovx_tensor* tensor);                                    /* NULL for strings */
OVX_API int64_t ovx_tensor_byte_size(ovx_tensor* tensor);
OVX_API int64_t ovx_tensor_string_count(ovx_tensor* tensor);
OVX_API const char* ovx_tensor_string_data(ovx_tensor* tensor, int64_t index);
OVX_API int64_t ovx_tensor_string_size(ovx_tensor* tensor, int64_t index);

/* ---- file I/O ---- */
/* Copies `length` bytes from offset `src_offset` of file `src` to offset `dst_offset` of the
 * existing file `dst`, inside the kernel (copy_file_range, falling back to pread/pwrite).
 * Returns the bytes copied, or a negative status. */
/* Drops this process's pages of [address, address + length), which must lie inside the read-only
 * file mapping behind constant views (a Region): the data stays where it is, in the file and the
 * page cache, and is read back on the next access; only this process's resident memory shrinks.
 * Partial pages at either end are kept. OVX_ERR_INVALID_ARG for a range outside every region. For
 * the writer, once it has encoded weights it read through a view. */
OVX_API int ovx_release_pages(const void* address, int64_t length);
OVX_API int64_t ovx_copy_file_range(const char* src, int64_t src_offset, const char* dst, int64_t dst_offset,
                                    int64_t length);

/* An unnamed regular file in folder `dir` (Linux O_TMPFILE): it has no name until published, so it
 * vanishes with the process however the process ends. Returns its file descriptor (>= 0; it can be
 * reopened as /proc/self/fd/N), OVX_ERR_UNSUPPORTED where the system or file system lacks O_TMPFILE,
 * or another negative status. */
OVX_API int ovx_tmpfile_open(const char* dir);
/* Gives the unnamed file `fd` the name `target`, atomically replacing a regular file there: it is
 * linked under a fresh hidden name in the same folder, then renamed over `target`. */
OVX_API int ovx_tmpfile_publish(int fd, const char* target);
/* Closes a descriptor from ovx_tmpfile_open (an unpublished file is then gone). */
OVX_API int ovx_tmpfile_close(int fd);

/* ---- diagnostics for tests ---- */
/* Number of live handles of each kind since load: cores, models, consts, compiled, requests, tensors
 * (written to out[0..5]). Lets tests prove that every handle is released. */
OVX_API void ovx_live_handles(int64_t* out);

#ifdef __cplusplus
}
#endif

#endif /* OV2ONNX_SHIM_H */
