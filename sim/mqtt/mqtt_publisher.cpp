#include "sim/mqtt/mqtt_publisher.hpp"

#include <mqtt/async_client.h>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <stdexcept>
#include <thread>

namespace st::mqtt {

namespace paho = ::mqtt;

struct MqttPublisher::Impl : public paho::callback {
  explicit Impl(MqttOptions o)
      : options(std::move(o)),
        client((options.tls ? "ssl://" : "tcp://") + options.host + ":" + std::to_string(options.port),
               options.client_id, make_create_options(options)) {
    client.set_callback(*this);
    connector = std::thread([this] { connect_loop(); });
  }

  static paho::create_options make_create_options(const MqttOptions& o) {
    paho::create_options c(MQTTVERSION_3_1_1, o.max_buffered);
    c.set_send_while_disconnected(true, /*anyTime=*/true);
    return c;
  }

  paho::connect_options connect_options() const {
    paho::connect_options c;
    c.set_clean_session(true);
    c.set_keep_alive_interval(10);
    c.set_connect_timeout(5);
    c.set_automatic_reconnect(false);  // this class reconnects, with its own backoff
    if (options.tls) {
      paho::ssl_options ssl;
      if (!options.ca_file.empty()) ssl.set_trust_store(options.ca_file);
      if (!options.cert_file.empty()) ssl.set_key_store(options.cert_file);
      if (!options.key_file.empty()) ssl.set_private_key(options.key_file);
      c.set_ssl(ssl);
    }
    return c;
  }

  // Connects whenever disconnected, waiting min_retry, then twice as long each failure, up to max_retry. Paho is
  // never called with `mutex` held: its receive thread calls connection_lost() holding Paho's own lock, so holding
  // ours around a Paho call (is_connected, connect) could deadlock the two threads.
  void connect_loop() {
    std::chrono::milliseconds wait = options.min_retry;
    for (;;) {
      {
        std::lock_guard lock(mutex);
        if (closing) return;
      }
      if (client.is_connected()) {
        std::unique_lock lock(mutex);
        changed.wait(lock, [this] { return closing || lost; });
        lost = false;
        continue;
      }
      bool ok = false;
      try {
        ok = client.connect(connect_options())->wait_for(std::chrono::seconds(6));
      } catch (const paho::exception&) {
        ok = false;
      }
      std::unique_lock lock(mutex);
      if (ok) {
        ++connects;
        wait = options.min_retry;
        continue;
      }
      changed.wait_for(lock, wait, [this] { return closing; });
      wait = std::min(wait * 2, options.max_retry);
    }
  }

  void connection_lost(const std::string&) override {
    std::lock_guard lock(mutex);
    lost = true;
    changed.notify_all();
  }
  // The outcome of each publication: success is the broker's acknowledgement (QoS 1 PUBACK).
  struct Acks : paho::iaction_listener {
    explicit Acks(std::atomic<std::uint64_t>& d) : delivered(d) {}
    void on_success(const paho::token&) override { ++delivered; }
    void on_failure(const paho::token&) override {}
    std::atomic<std::uint64_t>& delivered;
  };

  MqttOptions options;
  paho::async_client client;
  std::mutex mutex;
  std::condition_variable changed;
  bool closing = false;
  bool lost = false;
  std::uint64_t connects = 0;
  std::atomic<std::uint64_t> published{0}, delivered{0}, dropped{0};
  Acks acks{delivered};
  std::thread connector;
};

MqttPublisher::MqttPublisher(MqttOptions options) {
  if (options.host.empty() || options.port == 0) throw std::invalid_argument("mqtt: a broker needs a host and a port");
  impl_ = std::make_unique<Impl>(std::move(options));
}

MqttPublisher::~MqttPublisher() { close(std::chrono::milliseconds(0)); }

void MqttPublisher::publish(const std::string& topic, const std::string& payload) {
  try {
    impl_->client.publish(topic, payload.data(), payload.size(), /*qos=*/1, /*retained=*/false, nullptr,
                          impl_->acks);
    ++impl_->published;
  } catch (const paho::exception&) {
    ++impl_->dropped;  // the offline buffer is full (or the client is closing)
  }
}

MqttCounts MqttPublisher::counts() const {
  std::lock_guard lock(impl_->mutex);
  return {impl_->published.load(), impl_->delivered.load(), impl_->dropped.load(), impl_->connects};
}

bool MqttPublisher::connected() const { return impl_ && impl_->client.is_connected(); }

void MqttPublisher::close(std::chrono::milliseconds flush) {
  if (!impl_ || !impl_->connector.joinable()) return;
  const auto until = std::chrono::steady_clock::now() + flush;
  while (impl_->delivered.load() < impl_->published.load() && std::chrono::steady_clock::now() < until)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  {
    std::lock_guard lock(impl_->mutex);
    impl_->closing = true;
    impl_->changed.notify_all();
  }
  impl_->connector.join();
  try {
    if (impl_->client.is_connected()) impl_->client.disconnect()->wait_for(std::chrono::seconds(2));
  } catch (const paho::exception&) {
  }
}

}  // namespace st::mqtt
