// Compiled models, infer requests and tensors.
#include <sstream>

#include "shim_internal.hpp"

using namespace ovx;

namespace {

template <typename T>
T* require(T* handle, const char* what) {
    if (handle == nullptr)
        throw std::invalid_argument(std::string(what) + " is NULL");
    return handle;
}

template <typename Ports>
const typename Ports::value_type& port_at(const Ports& ports, int64_t index, const char* what) {
    if (index < 0 || index >= static_cast<int64_t>(ports.size()))
        throw std::out_of_range(std::string(what) + " index " + std::to_string(index) + " is out of range (there are " +
                                std::to_string(ports.size()) + ")");
    return ports[index];
}

const char* port_name(const ov::Output<const ov::Node>& port) {
    const auto& names = port.get_names();
    return transient(names.empty() ? std::string() : port.get_any_name());
}

ov::Shape to_shape(const int64_t* dims, int64_t rank) {
    if (rank < 0 || (rank > 0 && dims == nullptr))
        throw std::invalid_argument("invalid shape");
    ov::Shape shape;
    for (int64_t i = 0; i < rank; ++i) {
        if (dims[i] < 0)
            throw std::invalid_argument("shape dimension " + std::to_string(i) + " is negative");
        shape.push_back(static_cast<size_t>(dims[i]));
    }
    return shape;
}

const std::string& tensor_string(ovx_tensor* tensor, int64_t index) {
    require(tensor, "tensor");
    if (tensor->tensor.get_element_type() != ov::element::string)
        throw std::invalid_argument("tensor is not of type string");
    if (index < 0 || index >= static_cast<int64_t>(tensor->tensor.get_size()))
        throw std::out_of_range("string index " + std::to_string(index) + " is out of range");
    return tensor->tensor.data<std::string>()[index];
}

}  // namespace

extern "C" {

void ovx_compiled_free(ovx_compiled* compiled) {
    guarded(OVX_ERR_GENERAL, [&] {
        delete compiled;
        return OVX_OK;
    });
}

int64_t ovx_compiled_input_count(ovx_compiled* compiled) {
    return guarded_value<int64_t>(-1, [&] {
        return static_cast<int64_t>(require(compiled, "compiled model")->compiled.inputs().size());
    });
}

int64_t ovx_compiled_output_count(ovx_compiled* compiled) {
    return guarded_value<int64_t>(-1, [&] {
        return static_cast<int64_t>(require(compiled, "compiled model")->compiled.outputs().size());
    });
}

const char* ovx_compiled_input_name(ovx_compiled* compiled, int64_t index) {
    return guarded_value<const char*>(nullptr, [&] {
        return port_name(port_at(require(compiled, "compiled model")->compiled.inputs(), index, "input"));
    });
}

const char* ovx_compiled_output_name(ovx_compiled* compiled, int64_t index) {
    return guarded_value<const char*>(nullptr, [&] {
        return port_name(port_at(require(compiled, "compiled model")->compiled.outputs(), index, "output"));
    });
}

const char* ovx_compiled_input_type(ovx_compiled* compiled, int64_t index) {
    return guarded_value<const char*>(nullptr, [&] {
        const auto& port = port_at(require(compiled, "compiled model")->compiled.inputs(), index, "input");
        return transient(port.get_element_type().get_type_name());
    });
}

const char* ovx_compiled_output_type(ovx_compiled* compiled, int64_t index) {
    return guarded_value<const char*>(nullptr, [&] {
        const auto& port = port_at(require(compiled, "compiled model")->compiled.outputs(), index, "output");
        return transient(port.get_element_type().get_type_name());
    });
}

int64_t ovx_compiled_input_shape(ovx_compiled* compiled, int64_t index, int64_t* minmax, int64_t capacity) {
    return guarded_value<int64_t>(-2, [&] {
        const auto& port = port_at(require(compiled, "compiled model")->compiled.inputs(), index, "input");
        return encode_shape(port.get_partial_shape(), minmax, minmax == nullptr ? 0 : capacity);
    });
}

int64_t ovx_compiled_output_shape(ovx_compiled* compiled, int64_t index, int64_t* minmax, int64_t capacity) {
    return guarded_value<int64_t>(-2, [&] {
        const auto& port = port_at(require(compiled, "compiled model")->compiled.outputs(), index, "output");
        return encode_shape(port.get_partial_shape(), minmax, minmax == nullptr ? 0 : capacity);
    });
}

const char* ovx_compiled_property(ovx_compiled* compiled, const char* property) {
    return guarded_value<const char*>(nullptr, [&] {
        if (property == nullptr)
            throw std::invalid_argument("property is NULL");
        ov::Any value = require(compiled, "compiled model")->compiled.get_property(property);
        std::stringstream text;
        value.print(text);
        return transient(text.str());
    });
}

int ovx_request_create(ovx_compiled* compiled, ovx_request** out) {
    return guarded(OVX_ERR_INFER, [&] {
        require(compiled, "compiled model");
        if (out == nullptr)
            return fail(OVX_ERR_INVALID_ARG, "out is NULL");
        auto request = std::make_unique<ovx_request>();
        request->request = compiled->compiled.create_infer_request();
        for (const auto& port : compiled->compiled.inputs())
            request->inputs.push_back(port);
        for (const auto& port : compiled->compiled.outputs())
            request->outputs.push_back(port);
        *out = request.release();
        return OVX_OK;
    });
}

void ovx_request_free(ovx_request* request) {
    guarded(OVX_ERR_GENERAL, [&] {
        delete request;
        return OVX_OK;
    });
}

int ovx_request_set_input(ovx_request* request, int64_t index, const char* element_type, const int64_t* shape,
                          int64_t rank, void* data, int64_t byte_size) {
    return guarded(OVX_ERR_INVALID_ARG, [&] {
        require(request, "request");
        const auto& port = port_at(request->inputs, index, "input");
        if (element_type == nullptr || data == nullptr)
            return fail(OVX_ERR_INVALID_ARG, "element_type and data must not be NULL");
        ov::element::Type type = parse_element_type(element_type);
        if (type == ov::element::string)
            return fail(OVX_ERR_INVALID_ARG, "string inputs go through ovx_request_set_input_strings");
        ov::Shape dims = to_shape(shape, rank);
        ov::Tensor tensor(type, dims, data);
        if (static_cast<int64_t>(tensor.get_byte_size()) != byte_size)
            return fail(OVX_ERR_INVALID_ARG, "input " + std::to_string(index) + " needs " +
                                                 std::to_string(tensor.get_byte_size()) + " bytes for " +
                                                 type.get_type_name() + dims.to_string() + ", got " +
                                                 std::to_string(byte_size));
        request->request.set_tensor(port, tensor);
        return OVX_OK;
    });
}

int ovx_request_set_input_strings(ovx_request* request, int64_t index, const int64_t* shape, int64_t rank,
                                  const char* bytes, const int64_t* offsets, int64_t count) {
    return guarded(OVX_ERR_INVALID_ARG, [&] {
        require(request, "request");
        const auto& port = port_at(request->inputs, index, "input");
        ov::Shape dims = to_shape(shape, rank);
        if (static_cast<int64_t>(ov::shape_size(dims)) != count || offsets == nullptr ||
            (count > 0 && bytes == nullptr))
            return fail(OVX_ERR_INVALID_ARG, "string input " + std::to_string(index) + " has " +
                                                 std::to_string(count) + " strings for shape " + dims.to_string());
        ov::Tensor tensor(ov::element::string, dims);
        auto* strings = tensor.data<std::string>();
        for (int64_t k = 0; k < count; ++k) {
            if (offsets[k] < 0 || offsets[k + 1] < offsets[k])
                return fail(OVX_ERR_INVALID_ARG, "string offsets must not decrease");
            strings[k].assign(bytes + offsets[k], static_cast<size_t>(offsets[k + 1] - offsets[k]));
        }
        request->request.set_tensor(port, tensor);
        return OVX_OK;
    });
}

int ovx_request_infer(ovx_request* request) {
    return guarded(OVX_ERR_INFER, [&] {
        require(request, "request")->request.infer();
        return OVX_OK;
    });
}

int ovx_request_output(ovx_request* request, int64_t index, ovx_tensor** out) {
    return guarded(OVX_ERR_INFER, [&] {
        require(request, "request");
        if (out == nullptr)
            return fail(OVX_ERR_INVALID_ARG, "out is NULL");
        auto tensor = std::make_unique<ovx_tensor>();
        tensor->tensor = request->request.get_tensor(port_at(request->outputs, index, "output"));
        *out = tensor.release();
        return OVX_OK;
    });
}

void ovx_tensor_free(ovx_tensor* tensor) {
    guarded(OVX_ERR_GENERAL, [&] {
        delete tensor;
        return OVX_OK;
    });
}

const char* ovx_tensor_element_type(ovx_tensor* tensor) {
    return guarded_value<const char*>(nullptr, [&] {
        return transient(require(tensor, "tensor")->tensor.get_element_type().get_type_name());
    });
}

int64_t ovx_tensor_shape(ovx_tensor* tensor, int64_t* dims, int64_t capacity) {
    return guarded_value<int64_t>(-1, [&] {
        ov::Shape shape = require(tensor, "tensor")->tensor.get_shape();
        for (size_t i = 0; dims != nullptr && i < shape.size() && static_cast<int64_t>(i) < capacity; ++i)
            dims[i] = static_cast<int64_t>(shape[i]);
        return static_cast<int64_t>(shape.size());
    });
}

void* ovx_tensor_data(ovx_tensor* tensor) {
    return guarded_value<void*>(nullptr, [&]() -> void* {
        if (require(tensor, "tensor")->tensor.get_element_type() == ov::element::string)
            return nullptr;
        return tensor->tensor.data();
    });
}

int64_t ovx_tensor_byte_size(ovx_tensor* tensor) {
    return guarded_value<int64_t>(-1, [&]() -> int64_t {
        if (require(tensor, "tensor")->tensor.get_element_type() == ov::element::string)
            return 0;
        return static_cast<int64_t>(tensor->tensor.get_byte_size());
    });
}

int64_t ovx_tensor_string_count(ovx_tensor* tensor) {
    return guarded_value<int64_t>(-1, [&]() -> int64_t {
        if (require(tensor, "tensor")->tensor.get_element_type() != ov::element::string)
            return 0;
        return static_cast<int64_t>(tensor->tensor.get_size());
    });
}

const char* ovx_tensor_string_data(ovx_tensor* tensor, int64_t index) {
    return guarded_value<const char*>(nullptr, [&] { return tensor_string(tensor, index).data(); });
}

int64_t ovx_tensor_string_size(ovx_tensor* tensor, int64_t index) {
    return guarded_value<int64_t>(-1, [&] { return static_cast<int64_t>(tensor_string(tensor, index).size()); });
}

}  // extern "C"
