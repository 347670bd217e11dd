// Errors, version, core, reading, saving and the model handle.
#include <dlfcn.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <mutex>
#include <sstream>

#include "shim_internal.hpp"

namespace ovx {

std::atomic<int64_t> live_handles[HANDLE_KINDS];

namespace {
thread_local std::string last_error;
thread_local std::string transient_value;

bool file_exists(const std::string& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0;
}
// While it lives, what is written to the process's stderr goes to a temporary file instead. Some
// frontends (TensorFlow's, through protobuf) log every failed parse attempt to stderr while
// OpenVINO probes which frontend reads a file; the failure itself arrives as an exception, so the
// log is noise then. On success, keep() writes the captured text to stderr after all.
class StderrCapture {
public:
    StderrCapture() {
        std::fflush(stderr);
        saved_ = ::dup(2);
        file_ = std::tmpfile();
        if (saved_ < 0 || file_ == nullptr || ::dup2(::fileno(file_), 2) < 0)
            restore();
    }
    StderrCapture(const StderrCapture&) = delete;
    StderrCapture& operator=(const StderrCapture&) = delete;
    ~StderrCapture() { restore(); }

    void keep() {
        if (file_ == nullptr || saved_ < 0)
            return;
        std::fflush(stderr);
        std::rewind(file_);
        char buffer[4096];
        size_t n;
        while ((n = std::fread(buffer, 1, sizeof buffer, file_)) > 0)
            if (::write(saved_, buffer, n) < 0)
                break;
    }

private:
    void restore() {
        std::fflush(stderr);
        if (saved_ >= 0) {
            ::dup2(saved_, 2);
            ::close(saved_);
            saved_ = -1;
        }
        if (file_ != nullptr) {
            std::fclose(file_);
            file_ = nullptr;
        }
    }

    int saved_ = -1;
    std::FILE* file_ = nullptr;
};

std::mutex stderr_mutex;

}  // namespace

int fail(int status, const std::string& message) {
    last_error = message;
    return status;
}

void clear_error() {
    last_error.clear();
}

const char* transient(std::string value) {
    transient_value = std::move(value);
    return transient_value.c_str();
}

ov::element::Type parse_element_type(const std::string& name) {
    ov::element::Type type(name);
    if (type == ov::element::dynamic && name != "dynamic" && name != "undefined")
        throw std::invalid_argument("unknown element type '" + name + "'");
    return type;
}

int64_t encode_shape(const ov::PartialShape& shape, int64_t* minmax, int64_t capacity) {
    if (shape.rank().is_dynamic())
        return -1;
    int64_t rank = shape.rank().get_length();
    for (int64_t d = 0; d < rank && 2 * d + 1 < capacity; ++d) {
        const ov::Dimension& dim = shape[d];
        minmax[2 * d] = dim.get_min_length();
        minmax[2 * d + 1] = dim.get_max_length();  // -1 when unbounded
    }
    return rank;
}

std::vector<int64_t> encode_shape(const ov::PartialShape& shape) {
    if (shape.rank().is_dynamic())
        return {-1};
    int64_t rank = shape.rank().get_length();
    std::vector<int64_t> out(1 + 2 * rank);
    out[0] = rank;
    encode_shape(shape, out.data() + 1, 2 * rank);
    return out;
}

}  // namespace ovx

using namespace ovx;

ovx_model::ovx_model(std::shared_ptr<ov::Model> m) : model(std::move(m)) {
    refresh();
}

ovx_model::~ovx_model() {
    for (auto& r : regions)
        r->release();
}

void ovx_model::refresh() {
    ordered = model->get_ordered_ops();
    index_of.clear();
    index_by_id.clear();
    info.clear();
    described.clear();
    size_t lo = SIZE_MAX, hi = 0;
    for (const auto& n : ordered) {
        lo = std::min(lo, n->get_instance_id());
        hi = std::max(hi, n->get_instance_id());
    }
    if (!ordered.empty() && hi - lo < 4 * ordered.size() + 1024) {
        id_base = lo;
        index_by_id.assign(hi - lo + 1, -1);
        for (size_t i = 0; i < ordered.size(); ++i)
            index_by_id[ordered[i]->get_instance_id() - lo] = static_cast<int64_t>(i);
    } else {
        for (size_t i = 0; i < ordered.size(); ++i)
            index_of[ordered[i].get()] = static_cast<int64_t>(i);
    }
    info.resize(ordered.size());
}

int64_t ovx_model::index_of_node(const ov::Node* n) const {
    if (n == nullptr)
        return -1;
    if (!index_by_id.empty()) {
        size_t id = n->get_instance_id();
        if (id < id_base || id - id_base >= index_by_id.size())
            return -1;
        int64_t i = index_by_id[id - id_base];
        // instance ids are unique per node object: a match by id is checked against the node itself
        return i >= 0 && ordered[static_cast<size_t>(i)].get() == n ? i : -1;
    }
    auto it = index_of.find(n);
    return it == index_of.end() ? -1 : it->second;
}

const std::shared_ptr<ov::Node>& ovx_model::node(int64_t i) const {
    if (i < 0 || i >= static_cast<int64_t>(ordered.size()))
        throw std::out_of_range("node index " + std::to_string(i) + " is out of range (model has " +
                                std::to_string(ordered.size()) + " nodes)");
    return ordered[i];
}

ovx::NodeInfo& ovx_model::node_info(int64_t i) {
    node(i);
    return info[i];
}

extern "C" {

const char* ovx_last_error(void) {
    return last_error.c_str();
}

const char* ovx_openvino_version(void) {
    return guarded_value<const char*>(nullptr, [] { return ov::get_openvino_version().buildNumber; });
}

const char* ovx_openvino_library_path(void) {
    return guarded_value<const char*>(nullptr, []() -> const char* {
        Dl_info info{};
        if (dladdr(reinterpret_cast<void*>(&ov::get_openvino_version), &info) == 0 || info.dli_fname == nullptr)
            return transient("");
        return transient(info.dli_fname);
    });
}

int ovx_core_create(ovx_core** out) {
    return guarded(OVX_ERR_GENERAL, [&] {
        if (out == nullptr)
            return fail(OVX_ERR_INVALID_ARG, "out is NULL");
        *out = new ovx_core();
        return OVX_OK;
    });
}

void ovx_core_free(ovx_core* core) {
    guarded(OVX_ERR_GENERAL, [&] {
        delete core;
        return OVX_OK;
    });
}

const char* ovx_core_devices(ovx_core* core) {
    return guarded_value<const char*>(nullptr, [&]() -> const char* {
        if (core == nullptr)
            throw std::invalid_argument("core is NULL");
        std::string joined;
        for (const auto& device : core->core.get_available_devices()) {
            if (!joined.empty())
                joined += '\n';
            joined += device;
        }
        return transient(joined);
    });
}

const char* ovx_core_device_property(ovx_core* core, const char* device, const char* property) {
    return guarded_value<const char*>(nullptr, [&]() -> const char* {
        if (core == nullptr || device == nullptr || property == nullptr)
            throw std::invalid_argument("core, device and property must not be NULL");
        ov::Any value = core->core.get_property(device, property);
        std::stringstream text;
        value.print(text);
        return transient(text.str());
    });
}

int ovx_core_read_model(ovx_core* core, const char* model_path, const char* weights_path, ovx_model** out) {
    return guarded(OVX_ERR_READ, [&] {
        if (core == nullptr || model_path == nullptr || out == nullptr)
            return fail(OVX_ERR_INVALID_ARG, "core, model_path and out must not be NULL");
        *out = nullptr;
        std::string path(model_path);
        if (!file_exists(path))
            return fail(OVX_ERR_NOT_FOUND, "model file not found: " + path);
        std::string weights = weights_path == nullptr ? "" : weights_path;
        if (!weights.empty() && !file_exists(weights))
            return fail(OVX_ERR_NOT_FOUND, "weights file not found: " + weights);
        std::shared_ptr<ov::Model> model;
        {
            std::lock_guard<std::mutex> lock(stderr_mutex);
            StderrCapture capture;
            model = core->core.read_model(path, weights);
            capture.keep();
        }
        // constants whose storage does not match their type and shape, and lengths that overflowed,
        // are refused here, before anything can read them
        check_model(*model);
        *out = new ovx_model(std::move(model));
        return OVX_OK;
    });
}

int ovx_core_compile(ovx_core* core, ovx_model* model, const char* device, const char* properties,
                     ovx_compiled** out) {
    return guarded(OVX_ERR_DEVICE, [&] {
        if (core == nullptr || model == nullptr || device == nullptr || out == nullptr)
            return fail(OVX_ERR_INVALID_ARG, "core, model, device and out must not be NULL");
        *out = nullptr;
        ov::AnyMap config;
        if (properties != nullptr) {
            std::stringstream lines(properties);
            std::string line;
            while (std::getline(lines, line)) {
                if (line.empty())
                    continue;
                auto eq = line.find('=');
                if (eq == std::string::npos || eq == 0)
                    return fail(OVX_ERR_INVALID_ARG, "property '" + line + "' is not KEY=VALUE");
                config[line.substr(0, eq)] = line.substr(eq + 1);
            }
        }
        auto result = std::make_unique<ovx_compiled>();
        result->compiled = core->core.compile_model(model->graph(), device, config);
        *out = result.release();
        return OVX_OK;
    });
}

void ovx_model_free(ovx_model* model) {
    guarded(OVX_ERR_GENERAL, [&] {
        delete model;
        return OVX_OK;
    });
}

int ovx_model_drop_graph(ovx_model* model) {
    return guarded(OVX_ERR_INVALID_ARG, [&] {
        if (model == nullptr)
            return fail(OVX_ERR_INVALID_ARG, "model is NULL");
        // the regions stay: views keep reading the weights until ovx_model_free releases them
        model->ordered.clear();
        model->ordered.shrink_to_fit();
        model->index_of.clear();
        model->index_by_id.clear();
        model->info.clear();
        model->described.clear();
        model->described.shrink_to_fit();
        model->model.reset();
        return OVX_OK;
    });
}

const std::shared_ptr<ov::Model>& ovx_model::graph() const {
    if (!model)
        throw std::logic_error("the model's graph was freed");
    return model;
}

const char* ovx_model_name(ovx_model* model) {
    return guarded_value<const char*>(nullptr, [&]() -> const char* {
        if (model == nullptr)
            throw std::invalid_argument("model is NULL");
        return model->graph()->get_friendly_name().c_str();
    });
}

int64_t ovx_model_node_count(ovx_model* model) {
    return guarded_value<int64_t>(-1, [&]() -> int64_t {
        if (model == nullptr)
            throw std::invalid_argument("model is NULL");
        return static_cast<int64_t>(model->ordered.size());
    });
}

int64_t ovx_model_input_count(ovx_model* model) {
    return guarded_value<int64_t>(-1, [&]() -> int64_t {
        if (model == nullptr)
            throw std::invalid_argument("model is NULL");
        return static_cast<int64_t>(model->graph()->get_parameters().size());
    });
}

int64_t ovx_model_output_count(ovx_model* model) {
    return guarded_value<int64_t>(-1, [&]() -> int64_t {
        if (model == nullptr)
            throw std::invalid_argument("model is NULL");
        return static_cast<int64_t>(model->graph()->get_results().size());
    });
}

int64_t ovx_model_input_node(ovx_model* model, int64_t input) {
    return guarded_value<int64_t>(-1, [&]() -> int64_t {
        if (model == nullptr)
            throw std::invalid_argument("model is NULL");
        const auto& params = model->graph()->get_parameters();
        if (input < 0 || input >= static_cast<int64_t>(params.size()))
            throw std::out_of_range("input index " + std::to_string(input) + " is out of range");
        int64_t i = model->index_of_node(params[input].get());
        if (i < 0)
            throw std::out_of_range("the node is not in the model's node order");
        return i;
    });
}

int64_t ovx_model_output_node(ovx_model* model, int64_t output) {
    return guarded_value<int64_t>(-1, [&]() -> int64_t {
        if (model == nullptr)
            throw std::invalid_argument("model is NULL");
        const auto& results = model->graph()->get_results();
        if (output < 0 || output >= static_cast<int64_t>(results.size()))
            throw std::out_of_range("output index " + std::to_string(output) + " is out of range");
        int64_t i = model->index_of_node(results[output].get());
        if (i < 0)
            throw std::out_of_range("the node is not in the model's node order");
        return i;
    });
}

int ovx_model_reshape(ovx_model* model, int64_t input, const int64_t* minmax, int64_t rank) {
    return guarded(OVX_ERR_INVALID_ARG, [&] {
        if (model == nullptr || (rank > 0 && minmax == nullptr))
            return fail(OVX_ERR_INVALID_ARG, "model and minmax must not be NULL");
        const auto& params = model->graph()->get_parameters();
        if (input < 0 || input >= static_cast<int64_t>(params.size()))
            return fail(OVX_ERR_INVALID_ARG, "input index " + std::to_string(input) + " is out of range");
        ov::PartialShape shape = ov::PartialShape::dynamic();
        if (rank >= 0) {
            std::vector<ov::Dimension> dims;
            for (int64_t d = 0; d < rank; ++d)
                dims.emplace_back(minmax[2 * d], minmax[2 * d + 1]);
            shape = ov::PartialShape(dims);
        }
        std::map<ov::Output<ov::Node>, ov::PartialShape> shapes{{params[input]->output(0), shape}};
        model->graph()->reshape(shapes);
        // reshape may re-validate and replace nodes: recompute the order, forget cached node info
        model->refresh();
        return OVX_OK;
    });
}

int ovx_model_set_input_type(ovx_model* model, int64_t input, const char* element_type) {
    return guarded(OVX_ERR_INVALID_ARG, [&] {
        if (model == nullptr || element_type == nullptr)
            return fail(OVX_ERR_INVALID_ARG, "model and element_type must not be NULL");
        const auto& params = model->graph()->get_parameters();
        if (input < 0 || input >= static_cast<int64_t>(params.size()))
            return fail(OVX_ERR_INVALID_ARG, "input index " + std::to_string(input) + " is out of range");
        params[input]->set_element_type(parse_element_type(element_type));
        model->graph()->validate_nodes_and_infer_types();
        model->refresh();
        return OVX_OK;
    });
}

int ovx_model_clone(ovx_model* model, ovx_model** out) {
    return guarded(OVX_ERR_GENERAL, [&] {
        if (model == nullptr || out == nullptr)
            return fail(OVX_ERR_INVALID_ARG, "model and out must not be NULL");
        *out = new ovx_model(model->graph()->clone());
        return OVX_OK;
    });
}

int ovx_model_add_output(ovx_model* model, const char* tensor_name) {
    return guarded(OVX_ERR_NOT_FOUND, [&] {
        if (model == nullptr || tensor_name == nullptr)
            return fail(OVX_ERR_INVALID_ARG, "model and tensor_name must not be NULL");
        model->graph()->add_output(std::string(tensor_name));
        model->refresh();
        return OVX_OK;
    });
}

int ovx_model_add_output_of(ovx_model* model, const char* op_name, int64_t port) {
    return guarded(OVX_ERR_NOT_FOUND, [&] {
        if (model == nullptr || op_name == nullptr || port < 0)
            return fail(OVX_ERR_INVALID_ARG, "model and op_name must not be NULL, port must not be negative");
        model->graph()->add_output(std::string(op_name), static_cast<size_t>(port));
        model->refresh();
        return OVX_OK;
    });
}

int ovx_model_save(ovx_model* model, const char* xml_path, int compress_to_fp16) {
    return guarded(OVX_ERR_GENERAL, [&] {
        if (model == nullptr || xml_path == nullptr)
            return fail(OVX_ERR_INVALID_ARG, "model and xml_path must not be NULL");
        ov::save_model(model->graph(), xml_path, compress_to_fp16 != 0);
        return OVX_OK;
    });
}

int ovx_model_has_rt_info(ovx_model* model, const char* path, int* out) {
    return guarded(OVX_ERR_GENERAL, [&] {
        if (model == nullptr || path == nullptr || out == nullptr)
            return fail(OVX_ERR_INVALID_ARG, "model, path and out must not be NULL");
        std::vector<std::string> keys;
        std::string rest(path);
        for (size_t slash; (slash = rest.find('/')) != std::string::npos; rest.erase(0, slash + 1))
            keys.push_back(rest.substr(0, slash));
        keys.push_back(rest);
        for (const std::string& key : keys)
            if (key.empty())
                return fail(OVX_ERR_INVALID_ARG, "rt_info path '" + std::string(path) + "' has an empty key");
        *out = model->graph()->has_rt_info(keys) ? 1 : 0;
        return OVX_OK;
    });
}

void ovx_live_handles(int64_t* out) {
    if (out == nullptr)
        return;
    for (int k = 0; k < HANDLE_KINDS; ++k)
        out[k] = live_handles[k].load();
}

}  // extern "C"
