#include "sim/api/aws_response.hpp"

namespace st::api {

namespace {
struct ErrorKind {
  unsigned status;
  const char* type;
};
ErrorKind kind_of(AwsError e) {
  switch (e) {
    case AwsError::Validation: return {400, "ValidationException"};
    case AwsError::ResourceNotFound: return {404, "ResourceNotFoundException"};
    case AwsError::Conflict: return {409, "ConflictException"};
    case AwsError::Throttling: return {429, "ThrottlingException"};
    case AwsError::AccessDenied: return {403, "AccessDeniedException"};
    case AwsError::UnknownOperation: return {404, "UnknownOperationException"};
    case AwsError::ServiceUnavailable: return {503, "ServiceUnavailableException"};
    case AwsError::InternalServer: return {500, "InternalServerException"};
  }
  return {500, "InternalServerException"};
}
}  // namespace

HttpResponse aws_error(unsigned status, std::string_view type, std::string_view message) {
  HttpResponse r = json_response(status, nlohmann::ordered_json{{"message", message}});
  r.headers.emplace_back("x-amzn-ErrorType", std::string(type));
  return r;
}

HttpResponse aws_error(AwsError error, std::string_view message) {
  const ErrorKind k = kind_of(error);
  return aws_error(k.status, k.type, message);
}

HttpResponse json_response(unsigned status, const nlohmann::ordered_json& body) {
  HttpResponse r;
  r.status = status;
  r.headers.emplace_back("Content-Type", "application/json");
  // Messages may quote what a request sent (a path's id): bytes that are not UTF-8 are replaced, never a throw
  // (found by fuzz/api_request_fuzz: a crafted path took the API down).
  r.body = body.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  return r;
}

}  // namespace st::api
