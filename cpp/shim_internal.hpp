// Internal definitions shared by the shim's translation units. Nothing here crosses the C boundary.
#pragma once

#include <atomic>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <openvino/op/constant.hpp>
#include <openvino/openvino.hpp>

#include "ov2onnx_shim.h"

namespace ovx {

enum HandleKind { CORES, MODELS, CONSTS, COMPILED, REQUESTS, TENSORS, HANDLE_KINDS };
extern std::atomic<int64_t> live_handles[HANDLE_KINDS];

// Counts one live handle of kind K for as long as the object lives.
template <HandleKind K>
struct Counted {
    Counted() { live_handles[K]++; }
    Counted(const Counted&) = delete;
    Counted& operator=(const Counted&) = delete;
    ~Counted() { live_handles[K]--; }
};

// Remembers a failure for the calling thread and returns its status.
int fail(int status, const std::string& message);
void clear_error();
// Keeps a transient string for the calling thread and returns it.
const char* transient(std::string value);

// Runs body; turns every C++ exception into a status with OpenVINO's message.
template <typename F>
int guarded(int status_on_exception, F&& body) noexcept {
    try {
        clear_error();
        return body();
    } catch (const std::exception& e) {
        return fail(status_on_exception, e.what());
    } catch (...) {
        return fail(status_on_exception, "unknown native error");
    }
}

// Same for functions that return a pointer (NULL on failure) or a count (-1 on failure).
template <typename T, typename F>
T guarded_value(T on_failure, F&& body) noexcept {
    try {
        clear_error();
        return body();
    } catch (const std::exception& e) {
        fail(OVX_ERR_GENERAL, e.what());
        return on_failure;
    } catch (...) {
        fail(OVX_ERR_GENERAL, "unknown native error");
        return on_failure;
    }
}

struct Attr {
    std::string name;
    int kind = OVX_ATTR_OPAQUE;
    std::vector<int64_t> ints;
    std::vector<double> floats;
    std::vector<std::string> strings;
};

struct NodeInfo {
    bool attrs_ready = false;
    std::vector<Attr> attrs;
    bool rt_ready = false;
    std::vector<std::pair<std::string, std::string>> rt;
    std::map<size_t, std::vector<std::string>> output_names;
};

}  // namespace ovx

struct ovx_core : ovx::Counted<ovx::CORES> {
    ov::Core core;
};

namespace ovx {
// This process's own read-only mapping of a file range that OpenVINO has mapped too (IR weights).
// Constant views point into it instead of into OpenVINO's mapping, so that freeing the model
// releases OpenVINO's mapping and file handle at once. When the model is freed, release() puts
// anonymous zero pages in its place (the file is released; views still read, zeros); the
// reservation itself goes when the last view does.
struct Region {
    uintptr_t source_start = 0, source_end = 0;  // OpenVINO's mapping it duplicates
    void* base = nullptr;
    size_t length = 0;
    Region() = default;
    Region(const Region&) = delete;
    Region& operator=(const Region&) = delete;
    void release();
    ~Region();
};
}  // namespace ovx

struct ovx_model : ovx::Counted<ovx::MODELS> {
    std::shared_ptr<ov::Model> model;
    std::vector<std::shared_ptr<ovx::Region>> regions;  // made for this handle's constant views
    ~ovx_model();
    std::vector<std::shared_ptr<ov::Node>> ordered;
    std::unordered_map<const ov::Node*, int64_t> index_of;  // only when the ids below are too sparse
    // index of a node by its instance id (ids of the nodes of one read are nearly consecutive), so
    // that looking up a producer is an array read, not a hash lookup
    size_t id_base = 0;
    std::vector<int64_t> index_by_id;
    // The index of node n in `ordered`, or -1 if it is not a node of this model.
    int64_t index_of_node(const ov::Node* n) const;
    std::vector<ovx::NodeInfo> info;
    // ovx_model_describe's bytes between the call that sizes them and the call that copies them
    std::string described;

    explicit ovx_model(std::shared_ptr<ov::Model> m);
    // The graph, or throws std::logic_error once ovx_model_drop_graph freed it.
    const std::shared_ptr<ov::Model>& graph() const;
    // Recomputes the node order and forgets cached node info (after the graph changed).
    void refresh();
    // The node at index i, or throws std::out_of_range naming the index.
    const std::shared_ptr<ov::Node>& node(int64_t i) const;
    ovx::NodeInfo& node_info(int64_t i);
};

struct ovx_const : ovx::Counted<ovx::CONSTS> {
    // null when the data lies in `region` (the view then does not keep OpenVINO's memory alive)
    std::shared_ptr<ov::op::v0::Constant> constant;
    std::shared_ptr<ovx::Region> region;
    ov::element::Type type;
    ov::Shape shape;
    size_t byte_size = 0;
    const void* data = nullptr;
};

struct ovx_compiled : ovx::Counted<ovx::COMPILED> {
    ov::CompiledModel compiled;
};

struct ovx_request : ovx::Counted<ovx::REQUESTS> {
    ov::InferRequest request;
    std::vector<ov::Output<const ov::Node>> inputs;
    std::vector<ov::Output<const ov::Node>> outputs;
};

struct ovx_tensor : ovx::Counted<ovx::TENSORS> {
    ov::Tensor tensor;
};

namespace ovx {
// Writes rank then (min, max) pairs; returns the rank (-1 for dynamic rank).
int64_t encode_shape(const ov::PartialShape& shape, int64_t* minmax, int64_t capacity);
std::vector<int64_t> encode_shape(const ov::PartialShape& shape);
ov::element::Type parse_element_type(const std::string& name);
// The number of elements of a shape; throws std::length_error when the product overflows.
uint64_t checked_element_count(const ov::Shape& shape);
// Throws std::length_error naming the constant when its storage does not match its type and shape
// (element count, byte size, string storage): nothing may read a constant that fails this.
void check_constant(const ov::op::v0::Constant& c);
// Throws std::length_error naming the node when a model (or one of its sub-graphs) holds a
// constant that fails check_constant or an output dimension that is not a valid length or interval.
void check_model(const ov::Model& model);
// Collects attributes through the node's own visit_attributes.
std::vector<Attr> collect_attributes(const std::shared_ptr<ov::Node>& node);
}  // namespace ovx
