// MqttPublisher against a real broker (mosquitto on a free loopback port): QoS 1 delivery in order to a
// subscriber, publications held while the broker is away and delivered when it is back, the bound on what is
// held (the rest counted as dropped), and reconnection after a broker restart.
#include <gtest/gtest.h>

#include <mqtt/async_client.h>

#include <chrono>
#include <thread>

#include "sim/mqtt/mqtt_publisher.hpp"
#include "tests/mqtt/test_broker.hpp"

namespace st::mqtt {
namespace {

using namespace std::chrono_literals;

// Waits (bounded) until pred() holds.
template <typename Pred>
bool eventually(Pred pred, std::chrono::milliseconds limit = 10s) {
  const auto until = std::chrono::steady_clock::now() + limit;
  while (!pred()) {
    if (std::chrono::steady_clock::now() > until) return false;
    std::this_thread::sleep_for(10ms);
  }
  return true;
}

MqttOptions options_for(const test::TestBroker& broker, int max_buffered = 1000) {
  MqttOptions o;
  o.port = broker.port();
  o.client_id = "twin-test-" + std::to_string(broker.port());
  o.max_buffered = max_buffered;
  o.min_retry = 50ms;
  o.max_retry = 400ms;
  return o;
}

TEST(mqttPublisher, DeliversInOrderAtQos1ToASubscriber) {
  test::TestBroker broker;
  ::mqtt::async_client sub("tcp://127.0.0.1:" + std::to_string(broker.port()), "subscriber");
  sub.start_consuming();
  ASSERT_TRUE(sub.connect()->wait_for(5s));
  ASSERT_TRUE(sub.subscribe("twin/#", 1)->wait_for(5s));
  MqttPublisher pub(options_for(broker));
  ASSERT_TRUE(eventually([&] { return pub.connected(); }));
  for (int i = 0; i < 100; ++i) pub.publish("twin/uplinks", std::to_string(i));
  for (int i = 0; i < 100; ++i) {
    ::mqtt::const_message_ptr m;
    ASSERT_TRUE(sub.try_consume_message_for(&m, 5s)) << "message " << i;
    EXPECT_EQ(m->get_topic(), "twin/uplinks");
    EXPECT_EQ(m->to_string(), std::to_string(i));
    EXPECT_EQ(m->get_qos(), 1);
  }
  EXPECT_TRUE(eventually([&] { return pub.counts().delivered == 100; }));
  const MqttCounts c = pub.counts();
  EXPECT_EQ(c.published, 100u);
  EXPECT_EQ(c.dropped, 0u);
  EXPECT_EQ(c.connects, 1u);
  pub.close(2s);
  sub.disconnect()->wait_for(2s);
}

TEST(mqttPublisher, HoldsPublicationsUntilTheBrokerIsThereAndDropsPastItsBound) {
  test::TestBroker broker;
  broker.stop();  // no broker when the publisher starts
  MqttPublisher pub(options_for(broker, /*max_buffered=*/10));
  for (int i = 0; i < 25; ++i) pub.publish("twin/held", std::to_string(i));  // returns at once
  MqttCounts c = pub.counts();
  EXPECT_EQ(c.published, 10u);
  EXPECT_EQ(c.dropped, 15u);
  EXPECT_EQ(c.delivered, 0u);
  broker.start();
  EXPECT_TRUE(eventually([&] { return pub.counts().delivered == 10; }));
  EXPECT_EQ(pub.counts().connects, 1u);
  pub.close(2s);
}

TEST(mqttPublisher, ReconnectsAfterTheBrokerRestartsAndDeliversWhatItHeld) {
  test::TestBroker broker;
  MqttPublisher pub(options_for(broker));
  ASSERT_TRUE(eventually([&] { return pub.connected(); }));
  for (int i = 0; i < 20; ++i) pub.publish("twin/a", "x");
  ASSERT_TRUE(eventually([&] { return pub.counts().delivered == 20; }));
  broker.stop();
  ASSERT_TRUE(eventually([&] { return !pub.connected(); }));
  for (int i = 0; i < 30; ++i) pub.publish("twin/b", "y");
  EXPECT_EQ(pub.counts().delivered, 20u);
  broker.start();
  EXPECT_TRUE(eventually([&] { return pub.counts().delivered == 50; }));
  const MqttCounts c = pub.counts();
  EXPECT_EQ(c.connects, 2u);
  EXPECT_EQ(c.dropped, 0u);
  pub.close(2s);
}

}  // namespace
}  // namespace st::mqtt
