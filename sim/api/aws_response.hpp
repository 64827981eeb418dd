// AwsResponse: the answers of an AWS REST-JSON service: a JSON body with its status, and an error as AWS sends it
// (the type in the x-amzn-ErrorType header, {"message": ...} in the body) that the SDKs turn into their exceptions.
#pragma once
#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

#include "sim/api/http_server.hpp"

namespace st::api {

// The error types the API answers with, and their status codes.
enum class AwsError {
  Validation,          // 400 ValidationException: a malformed or out-of-range input
  ResourceNotFound,    // 404 ResourceNotFoundException
  Conflict,            // 409 ConflictException: the resource is not in a state that allows it
  Throttling,          // 429 ThrottlingException: too many calls waiting for the simulation
  AccessDenied,        // 403 AccessDeniedException
  UnknownOperation,    // 404 UnknownOperationException: no operation at this method and path
  ServiceUnavailable,  // 503 ServiceUnavailableException: the run has ended
  InternalServer,      // 500 InternalServerException
};

HttpResponse aws_error(AwsError error, std::string_view message);
// An error by its type name and status (SigV4's refusals: 403 with their own types).
HttpResponse aws_error(unsigned status, std::string_view type, std::string_view message);
HttpResponse json_response(unsigned status, const nlohmann::ordered_json& body);

}  // namespace st::api
