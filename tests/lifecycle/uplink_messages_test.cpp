// UplinkMessages: each uplink message gets exactly one fate, only once nothing of it is left anywhere, and the
// best one any copy earned (delivered beats rejected beats dropped).
#include <gtest/gtest.h>

#include <vector>

#include "models/lifecycle/uplink_messages.hpp"

namespace st::models {
namespace {

struct Fates : metrics::NullSink {
  std::vector<metrics::UplinkFateRecord> got;
  void uplink_fate(const metrics::UplinkFateRecord& r) override { got.push_back(r); }
};

class UplinkMessagesTest : public ::testing::Test {
 protected:
  Fates fates_;
  UplinkMessages messages_{fates_};
};

TEST_F(UplinkMessagesTest, AnAcknowledgedMessageIsDeliveredOnceItsCopyReachesTheApplicationServer) {
  const std::uint32_t m = messages_.open(4, 1);
  EXPECT_NE(m, 0u);
  messages_.forwarded(m);
  messages_.answered(kSecond, m);
  EXPECT_TRUE(fates_.got.empty());  // the copy is still on its way
  EXPECT_EQ(messages_.open_count(), 1u);
  messages_.copy_ended(2 * kSecond, m, TrafficOutcome::Delivered, Cause::None);
  ASSERT_EQ(fates_.got.size(), 1u);
  EXPECT_EQ(fates_.got[0].message, m);
  EXPECT_EQ(fates_.got[0].device, 4u);
  EXPECT_EQ(fates_.got[0].device_type, 1u);
  EXPECT_EQ(fates_.got[0].outcome, TrafficOutcome::Delivered);
  EXPECT_EQ(fates_.got[0].time, 2 * kSecond);
  EXPECT_EQ(messages_.open_count(), 0u);
}

TEST_F(UplinkMessagesTest, ALostAcknowledgementsRetransmissionIsADuplicateNotASecondFate) {
  const std::uint32_t m = messages_.open(0, 0);
  messages_.forwarded(m);
  messages_.forwarded(m);  // the ack was lost: the device sent it again, and the network server took it again
  messages_.copy_ended(kSecond, m, TrafficOutcome::Delivered, Cause::None);
  messages_.answered(kSecond, m);
  EXPECT_TRUE(fates_.got.empty());
  messages_.copy_ended(2 * kSecond, m, TrafficOutcome::Duplicate, Cause::None);
  ASSERT_EQ(fates_.got.size(), 1u);
  EXPECT_EQ(fates_.got[0].outcome, TrafficOutcome::Delivered);
}

TEST_F(UplinkMessagesTest, ARefusalAnsweredWithANackIsARejection) {
  const std::uint32_t m = messages_.open(0, 0);
  messages_.refused(m, Cause::DeviceRevoked);
  messages_.answered(kSecond, m);
  ASSERT_EQ(fates_.got.size(), 1u);
  EXPECT_EQ(fates_.got[0].outcome, TrafficOutcome::Rejected);
  EXPECT_EQ(fates_.got[0].cause, Cause::DeviceRevoked);
}

TEST_F(UplinkMessagesTest, AMessageGivenUpWhileACopyIsOnItsWayTakesThatCopysFate) {
  const std::uint32_t m = messages_.open(0, 0);
  messages_.forwarded(m);
  messages_.given_up(kSecond, m, Cause::TtlExpired);  // its ack never came back; its copy got through
  EXPECT_TRUE(fates_.got.empty());
  messages_.copy_ended(2 * kSecond, m, TrafficOutcome::Delivered, Cause::None);
  ASSERT_EQ(fates_.got.size(), 1u);
  EXPECT_EQ(fates_.got[0].outcome, TrafficOutcome::Delivered);
}

TEST_F(UplinkMessagesTest, AMessageGivenUpWithNothingOnItsWayIsDroppedForItsCause) {
  const std::uint32_t a = messages_.open(0, 0);
  const std::uint32_t b = messages_.open(0, 0);
  EXPECT_NE(a, b);
  messages_.given_up(kSecond, b, Cause::QueueFull);
  ASSERT_EQ(fates_.got.size(), 1u);
  EXPECT_EQ(fates_.got[0].message, b);
  EXPECT_EQ(fates_.got[0].outcome, TrafficOutcome::Dropped);
  EXPECT_EQ(fates_.got[0].cause, Cause::QueueFull);
  EXPECT_EQ(messages_.open_count(), 1u);
}

TEST_F(UplinkMessagesTest, ACopyTheDestinationCannotHoldDropsTheAcknowledgedMessage) {
  const std::uint32_t m = messages_.open(0, 0);
  messages_.forwarded(m);
  messages_.answered(kSecond, m);
  messages_.copy_ended(kSecond, m, TrafficOutcome::Dropped, Cause::DestinationFull);
  ASSERT_EQ(fates_.got.size(), 1u);
  EXPECT_EQ(fates_.got[0].outcome, TrafficOutcome::Dropped);
  EXPECT_EQ(fates_.got[0].cause, Cause::DestinationFull);
}

TEST_F(UplinkMessagesTest, AnAnsweredMessageWhoseCopiesAllEndedWithoutAFateIsReportedAsSuch) {
  const std::uint32_t m = messages_.open(0, 0);
  messages_.forwarded(m);
  messages_.copy_ended(kSecond, m, TrafficOutcome::Duplicate, Cause::None);  // (cannot happen: the ledger says so)
  messages_.answered(kSecond, m);
  ASSERT_EQ(fates_.got.size(), 1u);
  EXPECT_EQ(fates_.got[0].outcome, TrafficOutcome::Sent);
}

}  // namespace
}  // namespace st::models
