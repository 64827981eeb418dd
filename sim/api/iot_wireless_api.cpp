#include "sim/api/iot_wireless_api.hpp"

#include <ctime>
#include <utility>

#include "sim/api/aws_response.hpp"

namespace st::api {

namespace {
constexpr std::string_view kService = "iotwireless";
constexpr std::string_view kRegion = "us-east-1";
}  // namespace

IotWirelessApi::IotWirelessApi(const ApiOptions& options, ApiWorld world, std::function<void()> wake)
    : options_(options), operations_(std::move(world)), wake_(std::move(wake)) {
  server_ = std::make_unique<HttpServer>(
      options.port, [this](SignedRequest r, HttpReply reply) { handle(std::move(r), std::move(reply)); },
      [](unsigned status, std::string message) {
        if (status == 429) return aws_error(AwsError::Throttling, std::move(message));
        return aws_error(status, status == 413 ? "RequestEntityTooLargeException" : "SerializationException", message);
      },
      options.limits);
}

IotWirelessApi::~IotWirelessApi() { close(); }

void IotWirelessApi::handle(SignedRequest request, HttpReply reply) {
  {
    std::lock_guard lock(mutex_);
    ++counts_.requests;
  }
  // Authentication first: a refused request is never looked at further, and changes nothing.
  const auto lookup = [this](std::string_view id) -> std::optional<std::string> {
    for (const Credentials& c : options_.credentials)
      if (c.access_key_id == id) return c.secret_access_key;
    return std::nullopt;
  };
  const SigV4Verdict verdict = verify_sigv4(request, lookup, kRegion, kService, static_cast<std::int64_t>(std::time(nullptr)));
  if (verdict.error != SigV4Error::None) {
    {
      std::lock_guard lock(mutex_);
      ++counts_.refused_authentication;
    }
    return reply(aws_error(403, aws_error_type(verdict.error), verdict.message));
  }
  auto parsed = parse_call(request);
  if (auto* error = std::get_if<HttpResponse>(&parsed)) return reply(std::move(*error));
  {
    std::lock_guard lock(mutex_);
    if (closed_) return reply(aws_error(AwsError::ServiceUnavailable, "the run has ended"));
    if (waiting_.size() >= options_.max_waiting) {
      ++counts_.throttled;
      return reply(aws_error(AwsError::Throttling, "Rate exceeded: " + std::to_string(waiting_.size()) +
                                                       " calls are waiting for the simulation"));
    }
    waiting_.push_back(Waiting{std::move(std::get<ApiCall>(parsed)), std::move(reply)});
  }
  wake_();
}

SimTime IotWirelessApi::service(SimTime live) {
  std::deque<Waiting> batch;
  {
    std::lock_guard lock(mutex_);
    batch.swap(waiting_);
  }
  SimTime scheduled = kNever;
  std::uint64_t stimuli = 0;
  for (Waiting& w : batch) {
    const SimTime before = scheduled;
    SimTime mine = kNever;
    HttpResponse response = operations_.run(w.call, live, mine);
    if (mine != kNever) ++stimuli;
    scheduled = std::min(before, mine);
    w.reply(std::move(response));
  }
  std::lock_guard lock(mutex_);
  counts_.served += batch.size();
  counts_.stimuli += stimuli;
  return scheduled;
}

void IotWirelessApi::close() {
  std::deque<Waiting> left;
  {
    std::lock_guard lock(mutex_);
    if (closed_) return;
    closed_ = true;
    left.swap(waiting_);
  }
  for (Waiting& w : left) w.reply(aws_error(AwsError::ServiceUnavailable, "the run has ended"));
  server_->stop();
}

ApiCounts IotWirelessApi::counts() const {
  std::lock_guard lock(mutex_);
  ApiCounts c = counts_;
  c.limits = server_->counts();
  c.throttled += c.limits.throttled;
  return c;
}

}  // namespace st::api
