// The marker `fidelity init` writes into cycle.yaml where only the
// coordinator knows the answer (type, survey_date; the workbook when the
// folder has none), and the check `run` makes so that no marker is ever
// taken for a value (issue 14).
#pragma once
#include <string>
#include <vector>

namespace fidelity {

inline constexpr const char* kInitBlank = "未記入";

// The fields of one agency entry still holding the marker, in the order
// given (e.g. {"type", "survey_date"}), compared after trimming.
std::vector<std::string> UnfilledFields(const std::vector<std::pair<std::string, std::string>>& fields);

// "id「x」の type・survey_date が「未記入」のままです。…" — the message `run`
// stops with.
std::string UnfilledMessage(const std::string& id, const std::vector<std::string>& fields);

}  // namespace fidelity
