// Graph view: nodes, ports, attributes, runtime info and sub-graphs.
#include <algorithm>
#include <array>
#include <cstring>
#include <sstream>

#include <openvino/op/loop.hpp>
#include <openvino/op/util/multi_subgraph_base.hpp>
#include <openvino/op/util/variable.hpp>
#include <openvino/op/util/variable_extension.hpp>

#include "shim_internal.hpp"

namespace ovx {
namespace {

using MultiSubGraphOp = ov::op::util::MultiSubGraphOp;
using InputDescriptions = std::vector<std::shared_ptr<MultiSubGraphOp::InputDescription>>;
using OutputDescriptions = std::vector<std::shared_ptr<MultiSubGraphOp::OutputDescription>>;

// Records each attribute a node visits, by its leaf name, as a typed value.
class Collector : public ov::AttributeVisitor {
public:
    std::vector<Attr> attrs;

    std::string get_name_with_context() override {
        return m_context.empty() ? std::string() : m_context.back();
    }

    void on_adapter(const std::string& name, ov::ValueAccessor<void>& adapter) override {
        Attr a = named(name);
        if (auto* shape = ov::as_type<ov::AttributeAdapter<ov::PartialShape>>(&adapter)) {
            a.kind = OVX_ATTR_PARTIAL_SHAPE;
            a.ints = encode_shape(shape->get());
        } else if (auto* dim = ov::as_type<ov::AttributeAdapter<ov::Dimension>>(&adapter)) {
            a.kind = OVX_ATTR_DIMENSION;
            a.ints = {dim->get().get_min_length(), dim->get().get_max_length()};
        } else if (auto* types = ov::as_type<ov::AttributeAdapter<ov::element::TypeVector>>(&adapter)) {
            a.kind = OVX_ATTR_ELEMENT_TYPES;
            for (const auto& t : types->get())
                a.strings.push_back(t.get_type_name());
        } else if (auto* var = ov::as_type<ov::AttributeAdapter<std::shared_ptr<ov::op::util::Variable>>>(&adapter)) {
            a.kind = OVX_ATTR_VARIABLE;
            const auto& info = var->get()->get_info();
            a.strings = {info.variable_id, info.data_type.get_type_name()};
            a.ints = encode_shape(info.data_shape);
        } else if (ov::is_type<ov::AttributeAdapter<InputDescriptions>>(&adapter)) {
            a.kind = OVX_ATTR_INPUT_MAP;
            a.ints = {input_maps++};
        } else if (ov::is_type<ov::AttributeAdapter<OutputDescriptions>>(&adapter)) {
            a.kind = OVX_ATTR_OUTPUT_MAP;
            a.ints = {output_maps++};
        } else {
            a.kind = OVX_ATTR_OPAQUE;
            a.strings = {adapter.get_type_info().name};
        }
        attrs.push_back(std::move(a));
    }

    void on_adapter(const std::string& name, ov::ValueAccessor<void*>& adapter) override {
        Attr a = named(name);
        a.strings = {"raw data"};
        attrs.push_back(std::move(a));
    }

    void on_adapter(const std::string& name, ov::ValueAccessor<std::string>& adapter) override {
        Attr a = named(name);
        a.kind = ov::is_type<ov::AttributeAdapter<ov::element::Type>>(&adapter) ? OVX_ATTR_ELEMENT_TYPE
                                                                                  : OVX_ATTR_STRING;
        a.strings = {adapter.get()};
        attrs.push_back(std::move(a));
    }

    void on_adapter(const std::string& name, ov::ValueAccessor<bool>& adapter) override {
        push_int(name, OVX_ATTR_BOOL, adapter.get() ? 1 : 0);
    }
    void on_adapter(const std::string& name, ov::ValueAccessor<int8_t>& adapter) override {
        push_int(name, OVX_ATTR_INT, adapter.get());
    }
    void on_adapter(const std::string& name, ov::ValueAccessor<int16_t>& adapter) override {
        push_int(name, OVX_ATTR_INT, adapter.get());
    }
    void on_adapter(const std::string& name, ov::ValueAccessor<int32_t>& adapter) override {
        push_int(name, OVX_ATTR_INT, adapter.get());
    }
    void on_adapter(const std::string& name, ov::ValueAccessor<int64_t>& adapter) override {
        push_int(name, OVX_ATTR_INT, adapter.get());
    }
    void on_adapter(const std::string& name, ov::ValueAccessor<uint8_t>& adapter) override {
        push_int(name, OVX_ATTR_INT, adapter.get());
    }
    void on_adapter(const std::string& name, ov::ValueAccessor<uint16_t>& adapter) override {
        push_int(name, OVX_ATTR_INT, adapter.get());
    }
    void on_adapter(const std::string& name, ov::ValueAccessor<uint32_t>& adapter) override {
        push_int(name, OVX_ATTR_INT, adapter.get());
    }
    void on_adapter(const std::string& name, ov::ValueAccessor<uint64_t>& adapter) override {
        push_int(name, OVX_ATTR_INT, static_cast<int64_t>(adapter.get()));
    }
    void on_adapter(const std::string& name, ov::ValueAccessor<float>& adapter) override {
        push_float(name, adapter.get());
    }
    void on_adapter(const std::string& name, ov::ValueAccessor<double>& adapter) override {
        push_float(name, adapter.get());
    }
    void on_adapter(const std::string& name, ov::ValueAccessor<std::vector<int8_t>>& adapter) override {
        push_ints(name, adapter.get());
    }
    void on_adapter(const std::string& name, ov::ValueAccessor<std::vector<int16_t>>& adapter) override {
        push_ints(name, adapter.get());
    }
    void on_adapter(const std::string& name, ov::ValueAccessor<std::vector<int32_t>>& adapter) override {
        push_ints(name, adapter.get());
    }
    void on_adapter(const std::string& name, ov::ValueAccessor<std::vector<int64_t>>& adapter) override {
        push_ints(name, adapter.get());
    }
    void on_adapter(const std::string& name, ov::ValueAccessor<std::vector<uint8_t>>& adapter) override {
        push_ints(name, adapter.get());
    }
    void on_adapter(const std::string& name, ov::ValueAccessor<std::vector<uint16_t>>& adapter) override {
        push_ints(name, adapter.get());
    }
    void on_adapter(const std::string& name, ov::ValueAccessor<std::vector<uint32_t>>& adapter) override {
        push_ints(name, adapter.get());
    }
    void on_adapter(const std::string& name, ov::ValueAccessor<std::vector<uint64_t>>& adapter) override {
        push_ints(name, adapter.get());
    }
    void on_adapter(const std::string& name, ov::ValueAccessor<std::vector<float>>& adapter) override {
        push_floats(name, adapter.get());
    }
    void on_adapter(const std::string& name, ov::ValueAccessor<std::vector<double>>& adapter) override {
        push_floats(name, adapter.get());
    }
    void on_adapter(const std::string& name, ov::ValueAccessor<std::vector<std::string>>& adapter) override {
        Attr a = named(name);
        a.kind = OVX_ATTR_STRINGS;
        a.strings = adapter.get();
        attrs.push_back(std::move(a));
    }
    void on_adapter(const std::string& name, ov::ValueAccessor<std::shared_ptr<ov::Model>>& adapter) override {
        Attr a = named(name);
        a.kind = OVX_ATTR_SUBGRAPH;
        a.ints = {bodies++};
        attrs.push_back(std::move(a));
    }

private:
    int64_t bodies = 0;
    int64_t input_maps = 0;
    int64_t output_maps = 0;

    static Attr named(const std::string& name) {
        Attr a;
        a.name = name;
        return a;
    }
    void push_int(const std::string& name, int kind, int64_t value) {
        Attr a = named(name);
        a.kind = kind;
        a.ints = {value};
        attrs.push_back(std::move(a));
    }
    void push_float(const std::string& name, double value) {
        Attr a = named(name);
        a.kind = OVX_ATTR_FLOAT;
        a.floats = {value};
        attrs.push_back(std::move(a));
    }
    template <typename T>
    void push_ints(const std::string& name, const std::vector<T>& values) {
        Attr a = named(name);
        a.kind = OVX_ATTR_INTS;
        for (T v : values)
            a.ints.push_back(static_cast<int64_t>(v));
        attrs.push_back(std::move(a));
    }
    template <typename T>
    void push_floats(const std::string& name, const std::vector<T>& values) {
        Attr a = named(name);
        a.kind = OVX_ATTR_FLOATS;
        a.floats.assign(values.begin(), values.end());
        attrs.push_back(std::move(a));
    }
};

NodeInfo& attrs_of(ovx_model* model, int64_t node) {
    NodeInfo& info = model->node_info(node);
    if (!info.attrs_ready) {
        info.attrs = collect_attributes(model->ordered[node]);
        info.attrs_ready = true;
    }
    return info;
}

const Attr& attr_of(ovx_model* model, int64_t node, int64_t attr) {
    NodeInfo& info = attrs_of(model, node);
    if (attr < 0 || attr >= static_cast<int64_t>(info.attrs.size()))
        throw std::out_of_range("attribute index " + std::to_string(attr) + " is out of range");
    return info.attrs[attr];
}

NodeInfo& rt_of(ovx_model* model, int64_t node) {
    NodeInfo& info = model->node_info(node);
    if (!info.rt_ready) {
        std::map<std::string, std::string> sorted;
        for (const auto& entry : model->ordered[node]->get_rt_info()) {
            std::stringstream text;
            try {
                entry.second.print(text);
            } catch (const std::exception&) {
                text.str("");
            }
            sorted[entry.first] = text.str();
        }
        info.rt.assign(sorted.begin(), sorted.end());
        info.rt_ready = true;
    }
    return info;
}

const std::vector<std::string>& output_names(ovx_model* model, int64_t node, int64_t port) {
    const auto& n = model->node(node);
    if (port < 0 || port >= static_cast<int64_t>(n->get_output_size()))
        throw std::out_of_range("output port " + std::to_string(port) + " is out of range");
    NodeInfo& info = model->info[node];
    auto it = info.output_names.find(port);
    if (it == info.output_names.end()) {
        const auto& names = n->output(port).get_names();
        std::vector<std::string> sorted(names.begin(), names.end());
        std::sort(sorted.begin(), sorted.end());
        it = info.output_names.emplace(port, std::move(sorted)).first;
    }
    return it->second;
}

std::shared_ptr<MultiSubGraphOp> multi_subgraph(ovx_model* model, int64_t node, int64_t body) {
    auto op = ov::as_type_ptr<MultiSubGraphOp>(model->node(node));
    if (!op)
        throw std::invalid_argument("node '" + model->ordered[node]->get_friendly_name() + "' has no sub-graphs");
    if (body < 0 || body >= static_cast<int64_t>(op->get_internal_subgraphs_size()))
        throw std::out_of_range("body index " + std::to_string(body) + " is out of range");
    return op;
}

int64_t copy_records(const std::vector<std::array<int64_t, OVX_MAP_RECORD_LONGS>>& records, int64_t* out,
                     int64_t capacity) {
    int64_t k = 0;
    for (const auto& record : records)
        for (int64_t v : record)
            if (out != nullptr && k < capacity)
                out[k++] = v;
    return static_cast<int64_t>(records.size());
}

template <typename T, typename F>
int64_t copy_out(const std::vector<T>& values, F* out, int64_t capacity) {
    for (int64_t i = 0; out != nullptr && i < capacity && i < static_cast<int64_t>(values.size()); ++i)
        out[i] = static_cast<F>(values[i]);
    return static_cast<int64_t>(values.size());
}

void require(ovx_model* model) {
    if (model == nullptr)
        throw std::invalid_argument("model is NULL");
}

}  // namespace

std::vector<Attr> collect_attributes(const std::shared_ptr<ov::Node>& node) {
    Collector collector;
    node->visit_attributes(collector);
    std::vector<Attr> attrs = std::move(collector.attrs);
    if (ov::is_type<ov::op::v0::Constant>(node)) {
        // Constant data is read through ovx_const_open, not as an attribute.
        attrs.erase(std::remove_if(attrs.begin(), attrs.end(), [](const Attr& a) { return a.name == "value"; }),
                    attrs.end());
    }
    return attrs;
}

}  // namespace ovx

using namespace ovx;

extern "C" {

const char* ovx_node_type(ovx_model* model, int64_t node) {
    return guarded_value<const char*>(nullptr, [&] {
        require(model);
        return model->node(node)->get_type_info().name;
    });
}

const char* ovx_node_version(ovx_model* model, int64_t node) {
    return guarded_value<const char*>(nullptr, [&]() -> const char* {
        require(model);
        const char* version = model->node(node)->get_type_info().version_id;
        return version == nullptr ? "" : version;
    });
}

const char* ovx_node_name(ovx_model* model, int64_t node) {
    return guarded_value<const char*>(nullptr, [&] {
        require(model);
        return model->node(node)->get_friendly_name().c_str();
    });
}

int64_t ovx_node_input_count(ovx_model* model, int64_t node) {
    return guarded_value<int64_t>(-1, [&] {
        require(model);
        return static_cast<int64_t>(model->node(node)->get_input_size());
    });
}

int ovx_node_input_source(ovx_model* model, int64_t node, int64_t port, int64_t* source) {
    return guarded(OVX_ERR_INVALID_ARG, [&] {
        require(model);
        const auto& n = model->node(node);
        if (port < 0 || port >= static_cast<int64_t>(n->get_input_size()) || source == nullptr)
            return fail(OVX_ERR_INVALID_ARG, "input port " + std::to_string(port) + " is out of range");
        auto producer = n->input_value(port);
        int64_t producer_index = model->index_of_node(producer.get_node());
        if (producer_index < 0)
            return fail(OVX_ERR_NOT_FOUND, "the producer of input " + std::to_string(port) + " is not in the model");
        source[0] = producer_index;
        source[1] = static_cast<int64_t>(producer.get_index());
        return OVX_OK;
    });
}

int64_t ovx_node_output_count(ovx_model* model, int64_t node) {
    return guarded_value<int64_t>(-1, [&] {
        require(model);
        return static_cast<int64_t>(model->node(node)->get_output_size());
    });
}

const char* ovx_node_output_type(ovx_model* model, int64_t node, int64_t port) {
    return guarded_value<const char*>(nullptr, [&] {
        require(model);
        const auto& n = model->node(node);
        if (port < 0 || port >= static_cast<int64_t>(n->get_output_size()))
            throw std::out_of_range("output port " + std::to_string(port) + " is out of range");
        return transient(n->get_output_element_type(port).get_type_name());
    });
}

int64_t ovx_node_output_shape(ovx_model* model, int64_t node, int64_t port, int64_t* minmax, int64_t capacity) {
    return guarded_value<int64_t>(-2, [&] {
        require(model);
        const auto& n = model->node(node);
        if (port < 0 || port >= static_cast<int64_t>(n->get_output_size()))
            throw std::out_of_range("output port " + std::to_string(port) + " is out of range");
        return encode_shape(n->get_output_partial_shape(port), minmax, minmax == nullptr ? 0 : capacity);
    });
}

int64_t ovx_node_output_name_count(ovx_model* model, int64_t node, int64_t port) {
    return guarded_value<int64_t>(-1, [&] {
        require(model);
        return static_cast<int64_t>(output_names(model, node, port).size());
    });
}

const char* ovx_node_output_name(ovx_model* model, int64_t node, int64_t port, int64_t index) {
    return guarded_value<const char*>(nullptr, [&] {
        require(model);
        return output_names(model, node, port).at(index).c_str();
    });
}

int64_t ovx_model_describe(ovx_model* model, char* out, int64_t capacity) {
    return guarded_value<int64_t>(-1, [&] {
        require(model);
        // the usual pair of calls (size, then copy) builds the description once
        if (out != nullptr && !model->described.empty()) {
            std::string kept = std::move(model->described);
            model->described.clear();
            if (capacity >= static_cast<int64_t>(kept.size())) {
                std::memcpy(out, kept.data(), kept.size());
                return static_cast<int64_t>(kept.size());
            }
        }
        std::string bytes;
        auto put = [&](int64_t v) {
            char b[8];
            for (int k = 0; k < 8; ++k)
                b[k] = static_cast<char>((static_cast<uint64_t>(v) >> (8 * k)) & 0xff);
            bytes.append(b, 8);
        };
        auto put_string = [&](const std::string& s) {
            put(static_cast<int64_t>(s.size()));
            bytes.append(s);
        };
        std::vector<int64_t> minmax;
        put(static_cast<int64_t>(model->ordered.size()));
        for (size_t i = 0; i < model->ordered.size(); ++i) {
            const auto& n = model->ordered[i];
            const char* version = n->get_type_info().version_id;
            put_string(n->get_type_info().name);
            put_string(version == nullptr ? "" : version);
            put_string(n->get_friendly_name());
            put(static_cast<int64_t>(n->get_input_size()));
            for (size_t port = 0; port < n->get_input_size(); ++port) {
                auto producer = n->input_value(port);
                int64_t producer_index = model->index_of_node(producer.get_node());
                if (producer_index < 0)
                    throw std::invalid_argument("the producer of input " + std::to_string(port) + " of node '" +
                                                n->get_friendly_name() + "' is not in the model");
                put(producer_index);
                put(static_cast<int64_t>(producer.get_index()));
            }
            put(static_cast<int64_t>(n->get_output_size()));
            for (size_t port = 0; port < n->get_output_size(); ++port) {
                put_string(n->get_output_element_type(port).get_type_name());
                const auto& shape = n->get_output_partial_shape(port);
                minmax.assign(shape.rank().is_static() ? 2 * shape.rank().get_length() : 0, 0);
                int64_t rank = encode_shape(shape, minmax.data(), static_cast<int64_t>(minmax.size()));
                put(rank);
                for (int64_t v : minmax)
                    put(v);
                const auto& names = output_names(model, static_cast<int64_t>(i), static_cast<int64_t>(port));
                put(static_cast<int64_t>(names.size()));
                for (const auto& name : names)
                    put_string(name);
            }
        }
        if (out != nullptr && capacity >= static_cast<int64_t>(bytes.size()))
            std::memcpy(out, bytes.data(), bytes.size());
        int64_t size = static_cast<int64_t>(bytes.size());
        if (out == nullptr)
            model->described = std::move(bytes);
        return size;
    });
}

int64_t ovx_attr_count(ovx_model* model, int64_t node) {
    return guarded_value<int64_t>(-1, [&] {
        require(model);
        return static_cast<int64_t>(attrs_of(model, node).attrs.size());
    });
}

const char* ovx_attr_name(ovx_model* model, int64_t node, int64_t attr) {
    return guarded_value<const char*>(nullptr, [&] {
        require(model);
        return attr_of(model, node, attr).name.c_str();
    });
}

int ovx_attr_kind(ovx_model* model, int64_t node, int64_t attr) {
    return guarded_value<int>(-1, [&] {
        require(model);
        return attr_of(model, node, attr).kind;
    });
}

int64_t ovx_attr_ints(ovx_model* model, int64_t node, int64_t attr, int64_t* out, int64_t capacity) {
    return guarded_value<int64_t>(-1, [&] {
        require(model);
        return copy_out(attr_of(model, node, attr).ints, out, capacity);
    });
}

int64_t ovx_attr_floats(ovx_model* model, int64_t node, int64_t attr, double* out, int64_t capacity) {
    return guarded_value<int64_t>(-1, [&] {
        require(model);
        return copy_out(attr_of(model, node, attr).floats, out, capacity);
    });
}

int64_t ovx_attr_string_count(ovx_model* model, int64_t node, int64_t attr) {
    return guarded_value<int64_t>(-1, [&] {
        require(model);
        return static_cast<int64_t>(attr_of(model, node, attr).strings.size());
    });
}

const char* ovx_attr_string(ovx_model* model, int64_t node, int64_t attr, int64_t index) {
    return guarded_value<const char*>(nullptr, [&] {
        require(model);
        return attr_of(model, node, attr).strings.at(index).c_str();
    });
}

int64_t ovx_attr_all(ovx_model* model, int64_t node, char* out, int64_t capacity) {
    return guarded_value<int64_t>(-1, [&] {
        require(model);
        const auto& attrs = attrs_of(model, node).attrs;
        std::string bytes;
        auto put = [&](uint64_t v) {
            char b[8];
            for (int k = 0; k < 8; ++k)
                b[k] = static_cast<char>((v >> (8 * k)) & 0xff);
            bytes.append(b, 8);
        };
        auto put_string = [&](const std::string& text) {
            put(text.size());
            bytes.append(text);
        };
        put(attrs.size());
        for (const auto& a : attrs) {
            put_string(a.name);
            put(static_cast<uint64_t>(static_cast<int64_t>(a.kind)));
            put(a.ints.size());
            for (int64_t v : a.ints)
                put(static_cast<uint64_t>(v));
            put(a.floats.size());
            for (double f : a.floats) {
                uint64_t bits;
                std::memcpy(&bits, &f, sizeof bits);
                put(bits);
            }
            put(a.strings.size());
            for (const auto& text : a.strings)
                put_string(text);
        }
        if (out != nullptr && capacity >= static_cast<int64_t>(bytes.size()))
            std::memcpy(out, bytes.data(), bytes.size());
        return static_cast<int64_t>(bytes.size());
    });
}

int64_t ovx_node_rt_count(ovx_model* model, int64_t node) {
    return guarded_value<int64_t>(-1, [&] {
        require(model);
        return static_cast<int64_t>(rt_of(model, node).rt.size());
    });
}

const char* ovx_node_rt_key(ovx_model* model, int64_t node, int64_t index) {
    return guarded_value<const char*>(nullptr, [&] {
        require(model);
        return rt_of(model, node).rt.at(index).first.c_str();
    });
}

const char* ovx_node_rt_value(ovx_model* model, int64_t node, int64_t index) {
    return guarded_value<const char*>(nullptr, [&] {
        require(model);
        return rt_of(model, node).rt.at(index).second.c_str();
    });
}

int64_t ovx_node_body_count(ovx_model* model, int64_t node) {
    return guarded_value<int64_t>(-1, [&]() -> int64_t {
        require(model);
        auto op = ov::as_type_ptr<MultiSubGraphOp>(model->node(node));
        return op ? static_cast<int64_t>(op->get_internal_subgraphs_size()) : 0;
    });
}

int ovx_node_body(ovx_model* model, int64_t node, int64_t body, ovx_model** out) {
    return guarded(OVX_ERR_INVALID_ARG, [&] {
        require(model);
        if (out == nullptr)
            return fail(OVX_ERR_INVALID_ARG, "out is NULL");
        *out = new ovx_model(multi_subgraph(model, node, body)->get_function(body));
        return OVX_OK;
    });
}

int64_t ovx_node_body_inputs(ovx_model* model, int64_t node, int64_t body, int64_t* out, int64_t capacity) {
    return guarded_value<int64_t>(-1, [&] {
        require(model);
        auto op = multi_subgraph(model, node, body);
        std::vector<std::array<int64_t, OVX_MAP_RECORD_LONGS>> records;
        for (const auto& d : op->get_input_descriptions(body)) {
            std::array<int64_t, OVX_MAP_RECORD_LONGS> r{};
            r[1] = static_cast<int64_t>(d->m_input_index);
            r[2] = static_cast<int64_t>(d->m_body_parameter_index);
            if (auto s = ov::as_type_ptr<MultiSubGraphOp::SliceInputDescription>(d)) {
                r[0] = OVX_MAP_SLICE_INPUT;
                r[3] = s->m_start;
                r[4] = s->m_stride;
                r[5] = s->m_part_size;
                r[6] = s->m_end;
                r[7] = s->m_axis;
            } else if (auto m = ov::as_type_ptr<MultiSubGraphOp::MergedInputDescription>(d)) {
                r[0] = OVX_MAP_MERGED_INPUT;
                r[8] = static_cast<int64_t>(m->m_body_value_index);
            } else {
                r[0] = OVX_MAP_INVARIANT_INPUT;
            }
            records.push_back(r);
        }
        return copy_records(records, out, capacity);
    });
}

int64_t ovx_node_body_outputs(ovx_model* model, int64_t node, int64_t body, int64_t* out, int64_t capacity) {
    return guarded_value<int64_t>(-1, [&] {
        require(model);
        auto op = multi_subgraph(model, node, body);
        std::vector<std::array<int64_t, OVX_MAP_RECORD_LONGS>> records;
        for (const auto& d : op->get_output_descriptions(body)) {
            std::array<int64_t, OVX_MAP_RECORD_LONGS> r{};
            r[1] = static_cast<int64_t>(d->m_body_value_index);
            r[2] = static_cast<int64_t>(d->m_output_index);
            if (auto c = ov::as_type_ptr<MultiSubGraphOp::ConcatOutputDescription>(d)) {
                r[0] = OVX_MAP_CONCAT_OUTPUT;
                r[3] = c->m_start;
                r[4] = c->m_stride;
                r[5] = c->m_part_size;
                r[6] = c->m_end;
                r[7] = c->m_axis;
            } else {
                r[0] = OVX_MAP_BODY_OUTPUT;
                if (auto b = ov::as_type_ptr<MultiSubGraphOp::BodyOutputDescription>(d))
                    r[8] = b->m_iteration;
            }
            records.push_back(r);
        }
        return copy_records(records, out, capacity);
    });
}

int ovx_node_loop_special_ports(ovx_model* model, int64_t node, int64_t* out) {
    return guarded(OVX_ERR_UNSUPPORTED, [&] {
        require(model);
        auto loop = ov::as_type_ptr<ov::op::v5::Loop>(model->node(node));
        if (!loop || out == nullptr)
            return fail(OVX_ERR_UNSUPPORTED, "node '" + model->ordered[node]->get_friendly_name() + "' is not a Loop");
        auto ports = loop->get_special_body_ports();
        out[0] = ports.current_iteration_input_idx;
        out[1] = ports.body_condition_output_idx;
        return OVX_OK;
    });
}

}  // extern "C"
