// MqttPublisher: publishes to an MQTT broker at QoS 1 without ever making its caller wait for the broker (the
// twin's bridges call it from the simulation thread). It connects, and reconnects after a loss, in the
// background with exponential backoff; while disconnected it holds up to `max_buffered` publications and
// counts those it has to drop. Built on Eclipse Paho's C++ client (Debian's libpaho-mqttpp-dev), which keeps the
// offline buffer and QoS 1 acknowledgements; docs/architecture.md says why Paho rather than libmosquitto.
#pragma once
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

namespace st::mqtt {

struct MqttOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 1883;
  std::string client_id = "sidewalk-twin";
  int max_buffered = 10000;  // publications held while disconnected; more are dropped (counted)
  std::chrono::milliseconds min_retry{250};  // reconnect backoff: doubles from here...
  std::chrono::milliseconds max_retry{10000};  // ...up to here
  // TLS (a broker that needs it): CA file to trust, and a client certificate and key when it asks for one.
  bool tls = false;
  std::string ca_file, cert_file, key_file;
};

struct MqttCounts {
  std::uint64_t published = 0;   // accepted for sending (sent, or held until the broker is back)
  std::uint64_t delivered = 0;   // acknowledged by the broker (QoS 1 PUBACK)
  std::uint64_t dropped = 0;     // refused: the buffer was full
  std::uint64_t connects = 0;    // successful connections, the first included
};

class MqttPublisher {
 public:
  // Starts connecting in the background; never throws for an absent broker. Throws std::invalid_argument for
  // options that cannot make a client (an empty host, a port 0).
  explicit MqttPublisher(MqttOptions options);
  ~MqttPublisher();  // close(0)
  MqttPublisher(const MqttPublisher&) = delete;
  MqttPublisher& operator=(const MqttPublisher&) = delete;

  // Any thread; returns at once.
  void publish(const std::string& topic, const std::string& payload);
  MqttCounts counts() const;
  bool connected() const;
  // Waits up to `flush` for unacknowledged publications, then disconnects and stops the background thread.
  void close(std::chrono::milliseconds flush);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace st::mqtt
