// ApiCredentials: the access keys the API accepts (`run --api-credentials FILE`): one JSON object
// {"aws_access_key_id": "...", "aws_secret_access_key": "..."}, or an array of them.
#pragma once
#include <filesystem>
#include <vector>

#include "sim/api/sigv4.hpp"

namespace st::api {

// Throws aws::FileError ("FILE: FIELD: CAUSE") for a file that cannot be read, is not JSON, lacks a field, or
// names one key id twice.
std::vector<Credentials> read_api_credentials(const std::filesystem::path& file);

}  // namespace st::api
