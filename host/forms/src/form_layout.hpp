#pragma once

#include <vector>

#include <nlohmann/json.hpp>

#include "display_list.hpp"
#include "form_template.hpp"
#include "onestop/common/result.hpp"

namespace onestop::forms {

// Lays a template out with its data: elements flow down each template page (a long value pushes
// what follows down; what does not fit continues on an extra page, a table repeating its header)
// and the result is what each physical page draws. Data of the wrong shape is ValidationFailed
// naming the key. Runs on the calling thread's TextShaper.
Result<std::vector<PageDrawing>> layoutForm(const FormTemplate& form, const nlohmann::json& data);

}  // namespace onestop::forms
