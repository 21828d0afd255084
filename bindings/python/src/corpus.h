// The corpus store's Python binding (lede._lede.Corpus); see corpus.cc.
#pragma once

#include <pybind11/pybind11.h>

namespace py = pybind11;

namespace lede::python {

// Adds the Corpus class to the compiled module.
void bind_corpus(py::module_& m);

}  // namespace lede::python
