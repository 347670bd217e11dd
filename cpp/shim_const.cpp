// Zero-copy views of Constant data, and the weights-file extent check.
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <climits>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <sstream>

#include <map>
#include <mutex>

#include <openvino/op/constant.hpp>
#include <openvino/op/parameter.hpp>
#include <openvino/op/shape_of.hpp>
#include <openvino/op/util/multi_subgraph_base.hpp>
#include <openvino/op/util/variable_extension.hpp>

#include "shim_internal.hpp"

using namespace ovx;

namespace ovx {

namespace {
// Every live region by its base address: ovx_release_pages acts only inside one of them, under
// this lock, so it can never drop pages of memory that a region no longer owns.
std::mutex regions_lock;
std::map<uintptr_t, size_t>& live_regions() {
    static auto* live = new std::map<uintptr_t, size_t>();  // never destroyed: regions may outlive exit
    return *live;
}
}  // namespace

void register_region(const Region& r) {
    std::lock_guard<std::mutex> lock(regions_lock);
    live_regions()[reinterpret_cast<uintptr_t>(r.base)] = r.length;
}

void Region::release() {
    std::lock_guard<std::mutex> lock(regions_lock);
    if (base != nullptr)
        ::mmap(base, length, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
}

Region::~Region() {
    std::lock_guard<std::mutex> lock(regions_lock);
    if (base != nullptr) {
        live_regions().erase(reinterpret_cast<uintptr_t>(base));
        ::munmap(base, length);
    }
}

uint64_t checked_element_count(const ov::Shape& shape) {
    uint64_t count = 1;
    for (size_t d : shape) {
        if (d != 0 && count > UINT64_MAX / d)
            throw std::length_error("its shape " + shape.to_string() + " has more elements than memory can hold");
        count *= d;
    }
    return count;
}

void check_constant(const ov::op::v0::Constant& c) {
    const auto& type = c.get_element_type();
    const auto& shape = c.get_shape();
    uint64_t count = checked_element_count(shape);
    uint64_t size = c.get_byte_size();
    // described only for an error: every constant is checked, at read and again at each view
    auto what = [&] {
        return "constant '" + c.get_friendly_name() + "' of type " + type.get_type_name() + " and shape " +
               (shape.size() <= 8 ? shape.to_string() : "of rank " + std::to_string(shape.size()));
    };
    if (type == ov::element::string) {
        // the reader unpacks strings into std::string objects; their storage must hold `count` of them
        if (count > size / sizeof(std::string) || (count > 0 && c.get_data_ptr() == nullptr))
            throw std::length_error(what() + " holds storage for " + std::to_string(size / sizeof(std::string)) +
                                    " strings, not " + std::to_string(count) +
                                    " (malformed or truncated string data)");
        return;
    }
    uint64_t bits = type.bitwidth();
    if (bits == 0 || (count > 0 && count > UINT64_MAX / bits))
        throw std::length_error(what() + " has more elements than memory can hold");
    uint64_t need = (count * bits + 7) / 8;
    // packed sub-byte types (u3, u6) are stored in groups of a few bytes: allow that much slack
    uint64_t slack = bits % 8 == 0 ? 0 : 3;
    if (size < need || size > need + slack)
        throw std::length_error(what() + " holds " + std::to_string(size) + " bytes, but its type and shape need " +
                                std::to_string(need));
    if (need > 0 && c.get_data_ptr() == nullptr)
        throw std::length_error(what() + " has no data");
}

void check_model(const ov::Model& model) {
    for (const auto& node : model.get_ordered_ops()) {
        if (auto c = ov::as_type_ptr<ov::op::v0::Constant>(node))
            check_constant(*c);
        for (size_t p = 0; p < node->get_output_size(); ++p) {
            const auto& shape = node->get_output_partial_shape(p);
            if (shape.rank().is_dynamic())
                continue;
            for (size_t d = 0; d < shape.size(); ++d) {
                int64_t min = shape[d].get_min_length();
                int64_t max = shape[d].get_max_length();
                if (min < 0 || (max >= 0 && max < min))
                    throw std::length_error("node '" + node->get_friendly_name() + "' (" + node->get_type_name() +
                                            "): dimension " + std::to_string(d) + " of output " + std::to_string(p) +
                                            " is not a valid length (too large or malformed)");
            }
        }
        if (auto sub = ov::as_type_ptr<ov::op::util::MultiSubGraphOp>(node))
            for (const auto& body : sub->get_functions())
                if (body)
                    check_model(*body);
    }
}

}  // namespace ovx

namespace {

ovx_const* require(ovx_const* view) {
    if (view == nullptr)
        throw std::invalid_argument("constant view is NULL");
    return view;
}

const std::string& string_at(ovx_const* view, int64_t index) {
    require(view);
    if (view->constant->get_element_type() != ov::element::string)
        throw std::invalid_argument("constant is not of type string");
    // the count is checked against the storage when the view is opened (check_constant)
    auto count = static_cast<int64_t>(ov::shape_size(view->constant->get_shape()));
    if (index < 0 || index >= count)
        throw std::out_of_range("string index " + std::to_string(index) + " is out of range");
    return view->constant->get_data_ptr<std::string>()[index];
}

struct Mapping {
    uintptr_t start, end;
    int64_t file_offset;
    std::string path;
};

// The file mappings of this process (Linux: /proc/self/maps) that `keep` accepts.
std::vector<Mapping> file_mappings(const std::function<bool(const Mapping&)>& keep) {
    std::vector<Mapping> found;
    std::ifstream maps("/proc/self/maps");
    std::string line;
    while (std::getline(maps, line)) {
        std::istringstream fields(line);
        std::string range, perms, offset, dev, inode, file;
        fields >> range >> perms >> offset >> dev >> inode;
        std::getline(fields >> std::ws, file);
        if (inode == "0")
            continue;
        auto dash = range.find('-');
        Mapping m{std::stoull(range.substr(0, dash), nullptr, 16), std::stoull(range.substr(dash + 1), nullptr, 16),
                  static_cast<int64_t>(std::stoll(offset, nullptr, 16)), file};
        if (keep(m))
            found.push_back(std::move(m));
    }
    return found;
}

// The file mappings that contain `address`.
std::vector<Mapping> mappings_containing(uintptr_t address) {
    return file_mappings([&](const Mapping& m) { return address >= m.start && address < m.end; });
}

// The ranges of this process's address space that map `path`.
std::vector<Mapping> mappings_of(const std::string& path) {
    char resolved[PATH_MAX];
    if (::realpath(path.c_str(), resolved) == nullptr)
        return {};
    std::string real(resolved);
    return file_mappings([&](const Mapping& m) { return m.path == real; });
}

// The model's own duplicate of the file mapping that holds `address`, made on first use; null when
// the address is not in a mapping of a regular file.
std::shared_ptr<Region> region_for(ovx_model* model, uintptr_t address, size_t size) {
    for (const auto& r : model->regions)
        if (address >= r->source_start && address + size <= r->source_end)
            return r;
    for (const auto& m : mappings_containing(address)) {
        if (address + size > m.end || m.path.empty() || m.path[0] != '/')
            continue;
        int fd = ::open(m.path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0)
            return nullptr;
        struct stat st {};
        bool regular = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
        void* base = regular ? ::mmap(nullptr, m.end - m.start, PROT_READ, MAP_SHARED, fd, m.file_offset) : MAP_FAILED;
        ::close(fd);
        if (base == MAP_FAILED)
            return nullptr;
        auto r = std::make_shared<Region>();
        r->source_start = m.start;
        r->source_end = m.end;
        r->base = base;
        r->length = m.end - m.start;
        register_region(*r);
        model->regions.push_back(r);
        return r;
    }
    return nullptr;
}

// Opens a view after checking that the constant's storage matches its type and shape. Data that
// OpenVINO maps from a file is viewed through the model's own duplicate mapping (Region), so the
// view does not keep the Constant, and with it OpenVINO's mapping and file handle, alive.
int open_view(ovx_model* model, std::shared_ptr<ov::op::v0::Constant> constant, ovx_const** out) {
    check_constant(*constant);
    auto view = std::make_unique<ovx_const>();
    view->type = constant->get_element_type();
    view->shape = constant->get_shape();
    view->byte_size = view->type == ov::element::string ? 0 : constant->get_byte_size();
    view->data = view->type == ov::element::string ? nullptr : constant->get_data_ptr();
    auto address = reinterpret_cast<uintptr_t>(view->data);
    std::shared_ptr<Region> region;
    if (model != nullptr && view->byte_size > 0)
        region = region_for(model, address, view->byte_size);
    if (region) {
        view->data = static_cast<const char*>(region->base) + (address - region->source_start);
        view->region = std::move(region);
    } else {
        view->constant = std::move(constant);
    }
    *out = view.release();
    return OVX_OK;
}

void each_constant(const std::shared_ptr<ov::Model>& model,
                   const std::function<void(const ov::op::v0::Constant&)>& visit) {
    for (const auto& node : model->get_ordered_ops()) {
        if (auto c = ov::as_type_ptr<ov::op::v0::Constant>(node))
            visit(*c);
        if (auto sub = ov::as_type_ptr<ov::op::util::MultiSubGraphOp>(node))
            for (const auto& body : sub->get_functions())
                each_constant(body, visit);
    }
}

// Evaluates an output from Constants and static shapes only, or returns an empty tensor. A first,
// cheap pass decides whether the value can be known at all (it must not reach a Parameter, a state
// variable or a sub-graph, except through ShapeOf of a static shape); only then is anything
// evaluated, reading Constants in place rather than copying them.
class StaticEvaluator {
public:
    ov::Tensor value(const ov::Output<ov::Node>& out) {
        if (!knowable(out.get_node()))
            return {};
        return evaluate(out);
    }

private:
    static constexpr size_t max_elements = size_t{1} << 20;
    std::map<const ov::Node*, bool> knowable_;
    std::map<std::pair<const ov::Node*, size_t>, ov::Tensor> values_;

    static bool is_shape_of(const ov::Node* node) {
        return ov::is_type<ov::op::v0::ShapeOf>(node) || ov::is_type<ov::op::v3::ShapeOf>(node);
    }

    bool knowable(const ov::Node* node) {
        auto it = knowable_.find(node);
        if (it != knowable_.end())
            return it->second;
        knowable_[node] = false;  // until proven: also stops cycles and runaway depth
        bool result;
        if (ov::is_type<ov::op::v0::Constant>(node)) {
            result = node->get_output_element_type(0) != ov::element::string;
        } else if (is_shape_of(node)) {
            result = node->get_input_partial_shape(0).is_static();
        } else if (ov::is_type<ov::op::v0::Parameter>(node) || ov::is_type<ov::op::util::MultiSubGraphOp>(node) ||
                   dynamic_cast<const ov::op::util::VariableExtension*>(node) != nullptr ||
                   node->get_output_size() != 1 || knowable_.size() > 256) {
            result = false;
        } else {
            const auto& shape = node->get_output_partial_shape(0);
            result = shape.is_static() ? ov::shape_size(shape.to_shape()) <= max_elements : true;
            for (const auto& in : node->input_values())
                result = result && knowable(in.get_node());
        }
        knowable_[node] = result;
        return result;
    }

    ov::Tensor evaluate(const ov::Output<ov::Node>& out) {
        auto key = std::make_pair(out.get_node(), out.get_index());
        auto it = values_.find(key);
        if (it != values_.end())
            return it->second;
        ov::Tensor result = compute(out);
        values_[key] = result;
        return result;
    }

    ov::Tensor compute(const ov::Output<ov::Node>& out) {
        auto node = out.get_node_shared_ptr();
        if (auto c = ov::as_type_ptr<ov::op::v0::Constant>(node)) {
            // a view of the constant's data: evaluate() only reads its inputs
            return ov::Tensor(c->get_element_type(), c->get_shape(), const_cast<void*>(c->get_data_ptr()));
        }
        if (is_shape_of(node.get())) {
            const auto& shape = node->get_input_partial_shape(0);
            ov::Tensor t(node->get_output_element_type(0), ov::Shape{shape.size()});
            for (size_t i = 0; i < shape.size(); ++i) {
                auto d = shape[i].get_length();
                if (t.get_element_type() == ov::element::i32)
                    t.data<int32_t>()[i] = static_cast<int32_t>(d);
                else
                    t.data<int64_t>()[i] = d;
            }
            return t;
        }
        ov::TensorVector inputs;
        for (const auto& in : node->input_values()) {
            ov::Tensor v = evaluate(in);
            if (!v)
                return {};
            inputs.push_back(v);
        }
        const auto& pshape = node->get_output_partial_shape(0);
        ov::TensorVector outputs{
            ov::Tensor(node->get_output_element_type(0), pshape.is_static() ? pshape.to_shape() : ov::Shape{0})};
        try {
            if (!node->evaluate(outputs, inputs))
                return {};
        } catch (const std::exception&) {
            return {};
        }
        if (ov::shape_size(outputs[0].get_shape()) > max_elements)
            return {};
        return outputs[0];
    }
};

}  // namespace

extern "C" {

int ovx_input_value(ovx_model* model, int64_t node, int64_t port, ovx_const** out) {
    return guarded(OVX_ERR_INVALID_ARG, [&] {
        if (model == nullptr || out == nullptr)
            return fail(OVX_ERR_INVALID_ARG, "model and out must not be NULL");
        const auto& n = model->node(node);
        if (port < 0 || port >= static_cast<int64_t>(n->get_input_size()))
            return fail(OVX_ERR_INVALID_ARG, "input port " + std::to_string(port) + " is out of range");
        auto source = n->input_value(port);
        std::shared_ptr<ov::op::v0::Constant> constant = ov::as_type_ptr<ov::op::v0::Constant>(source.get_node_shared_ptr());
        if (!constant) {
            StaticEvaluator evaluator;
            ov::Tensor value = evaluator.value(source);
            if (!value)
                return fail(OVX_ERR_NOT_FOUND, "input " + std::to_string(port) + " of '" + n->get_friendly_name() +
                                                   "' is not known before inference");
            constant = std::make_shared<ov::op::v0::Constant>(value);
        }
        return open_view(model, std::move(constant), out);
    });
}

int ovx_model_weights_extent(ovx_model* model, const char* weights_path, int64_t* out) {
    return guarded(OVX_ERR_READ, [&] {
        if (model == nullptr || weights_path == nullptr || out == nullptr)
            return fail(OVX_ERR_INVALID_ARG, "model, weights_path and out must not be NULL");
        struct stat st {};
        if (::stat(weights_path, &st) != 0)
            return fail(OVX_ERR_NOT_FOUND, std::string("weights file not found: ") + weights_path);
        auto maps = mappings_of(weights_path);
        int64_t extent = -1;
        int64_t unmapped = 0;
        each_constant(model->graph(), [&](const ov::op::v0::Constant& c) {
            if (c.get_byte_size() == 0)
                return;
            auto begin = reinterpret_cast<uintptr_t>(c.get_data_ptr());
            bool mapped = false;
            for (const auto& m : maps)
                if (begin >= m.start && begin < m.end) {
                    int64_t end = static_cast<int64_t>(begin - m.start) + m.file_offset +
                                  static_cast<int64_t>(c.get_byte_size());
                    extent = std::max(extent, end);
                    mapped = true;
                }
            if (!mapped)
                unmapped++;
        });
        out[0] = extent;
        out[1] = static_cast<int64_t>(st.st_size);
        out[2] = unmapped;
        return OVX_OK;
    });
}

int ovx_const_open(ovx_model* model, int64_t node, ovx_const** out) {
    return guarded(OVX_ERR_INVALID_ARG, [&] {
        if (model == nullptr || out == nullptr)
            return fail(OVX_ERR_INVALID_ARG, "model and out must not be NULL");
        auto constant = ov::as_type_ptr<ov::op::v0::Constant>(model->node(node));
        if (!constant)
            return fail(OVX_ERR_UNSUPPORTED, "node '" + model->ordered[node]->get_friendly_name() +
                                                 "' is a " + model->ordered[node]->get_type_name() +
                                                 ", not a Constant");
        return open_view(model, std::move(constant), out);
    });
}

void ovx_const_free(ovx_const* view) {
    guarded(OVX_ERR_GENERAL, [&] {
        delete view;
        return OVX_OK;
    });
}

const char* ovx_const_element_type(ovx_const* view) {
    return guarded_value<const char*>(nullptr, [&] {
        return transient(require(view)->type.get_type_name());
    });
}

int64_t ovx_const_shape(ovx_const* view, int64_t* dims, int64_t capacity) {
    return guarded_value<int64_t>(-1, [&] {
        const auto& shape = require(view)->shape;
        for (size_t i = 0; dims != nullptr && i < shape.size() && static_cast<int64_t>(i) < capacity; ++i)
            dims[i] = static_cast<int64_t>(shape[i]);
        return static_cast<int64_t>(shape.size());
    });
}

int64_t ovx_const_layout(ovx_const* view, int64_t* out, int64_t capacity) {
    return guarded_value<int64_t>(-1, [&] {
        const auto& shape = require(view)->shape;
        if (out != nullptr && capacity >= static_cast<int64_t>(shape.size()) + 1) {
            out[0] = static_cast<int64_t>(view->byte_size);
            for (size_t i = 0; i < shape.size(); ++i)
                out[i + 1] = static_cast<int64_t>(shape[i]);
        }
        return static_cast<int64_t>(shape.size());
    });
}

const void* ovx_const_data(ovx_const* view) {
    return guarded_value<const void*>(nullptr, [&]() -> const void* {
        return require(view)->data;
    });
}

int64_t ovx_const_byte_size(ovx_const* view) {
    return guarded_value<int64_t>(-1, [&]() -> int64_t {
        return static_cast<int64_t>(require(view)->byte_size);
    });
}

int64_t ovx_const_string_count(ovx_const* view) {
    return guarded_value<int64_t>(-1, [&]() -> int64_t {
        if (require(view)->type != ov::element::string)
            return 0;
        return static_cast<int64_t>(ov::shape_size(view->shape));
    });
}

const char* ovx_const_string_data(ovx_const* view, int64_t index) {
    return guarded_value<const char*>(nullptr, [&] { return string_at(view, index).data(); });
}

int64_t ovx_const_string_size(ovx_const* view, int64_t index) {
    return guarded_value<int64_t>(-1, [&] { return static_cast<int64_t>(string_at(view, index).size()); });
}

}  // extern "C"

int ovx_release_pages(const void* address, int64_t length) {
    return guarded(OVX_ERR_INVALID_ARG, [&] {
        if (address == nullptr || length <= 0)
            return OVX_OK;
        auto begin = reinterpret_cast<uintptr_t>(address);
        auto end = begin + static_cast<uintptr_t>(length);
        std::lock_guard<std::mutex> lock(regions_lock);
        auto& live = live_regions();
        auto it = live.upper_bound(begin);
        if (it == live.begin())
            return fail(OVX_ERR_INVALID_ARG, "the range is not in a constant view's region");
        --it;
        if (end < begin || end > it->first + it->second)
            return fail(OVX_ERR_INVALID_ARG, "the range is not in a constant view's region");
        // whole pages inside the range only: a page shared with data not yet read stays
        auto page = static_cast<uintptr_t>(::sysconf(_SC_PAGESIZE));
        uintptr_t first = (begin + page - 1) / page * page;
        uintptr_t last = end / page * page;
        if (last > first)
            ::madvise(reinterpret_cast<void*>(first), last - first, MADV_DONTNEED);
        return OVX_OK;
    });
}
