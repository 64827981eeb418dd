// Ledger without a simulation: records fed by hand balance, and every kind of imbalance it exists to catch is
// caught and named (a transition from the wrong state, a final state its transitions do not reach, counts that do
// not sum to the devices made, an uplink with no fate or two, one accepted from a blocked device, an adversary's
// frame accepted, a downlink status for nothing queued, handshakes without registrations).
#include <gtest/gtest.h>

#include <array>
#include <string>

#include "sim/output/ledger.hpp"

namespace st::output {
namespace {

using metrics::FleetState;
using models::Cause;
using models::Direction;
using models::TrafficOutcome;

constexpr std::array<std::uint8_t, 32> kSmsn{};

class LedgerTest : public ::testing::Test {
 protected:
  metrics::NullSink inner_;
  Ledger ledger_{inner_};

  void move(std::uint32_t device, FleetState from, FleetState to, SimTime t = kSecond) {
    ledger_.transition({t, device, 0, metrics::Smsn(kSmsn), from, to, Cause::None});
  }
  void uplink(TrafficOutcome o, std::uint32_t message, bool blocked = false, bool attacker = false,
              Cause cause = Cause::None) {
    ledger_.traffic({kSecond, 0, 0, Direction::Uplink, o, cause, blocked, message, attacker});
  }
  void fate(std::uint32_t message, TrafficOutcome o, Cause cause = Cause::None) {
    ledger_.uplink_fate({kSecond, 0, 0, message, o, cause});
  }
  void handshake(bool ok) {
    ledger_.handshake({0, 0, metrics::Smsn(kSmsn), models::LinkType::Ble, models::RegistrationPath::Gateway, 0,
                       kSecond, ok, Cause::None});
  }
  void end(std::uint64_t in_flight = 0, std::uint64_t queued = 0) {
    ledger_.run_end({kSecond, 1, in_flight, queued});
  }
  // A device made and registered: three transitions, one successful handshake.
  void registered_device(std::uint32_t device) {
    move(device, FleetState::None, FleetState::Created);
    move(device, FleetState::Created, FleetState::Associated);
    handshake(true);
    move(device, FleetState::Associated, FleetState::Registered);
  }
  StateCounts counts(std::int64_t registered) {
    StateCounts c{};
    c[static_cast<std::size_t>(FleetState::Registered)] = registered;
    return c;
  }
};

TEST_F(LedgerTest, ARunWhoseBooksAgreeBalances) {
  registered_device(0);
  registered_device(1);
  ledger_.sample(kSecond, 2, counts(2));
  uplink(TrafficOutcome::Sent, 1);
  uplink(TrafficOutcome::Sent, 2);
  uplink(TrafficOutcome::Sent, 3);
  uplink(TrafficOutcome::Sent, 4);
  uplink(TrafficOutcome::Rejected, 2, false, false, Cause::StaleKey);  // a copy: the device tries again
  uplink(TrafficOutcome::Delivered, 1);
  fate(1, TrafficOutcome::Delivered);
  fate(2, TrafficOutcome::Rejected, Cause::DeviceRevoked);
  fate(3, TrafficOutcome::Dropped, Cause::TtlExpired);
  uplink(TrafficOutcome::Sent, 0, false, true);
  uplink(TrafficOutcome::Rejected, 0, false, true, Cause::Forged);
  ledger_.downlink_queued({kSecond, 0, 0, 7});
  ledger_.downlink_queued({kSecond, 0, 0, 8});
  ledger_.downlink_status({kSecond, 0, 0, metrics::Smsn(kSmsn), 7, true, Cause::None});
  ledger_.device_final({0, 0, FleetState::Registered});
  ledger_.device_final({1, 0, FleetState::Registered});
  end(1, 1);
  EXPECT_TRUE(ledger_.balanced()) << ledger_.first_imbalance();
  const auto j = ledger_.to_json();
  EXPECT_EQ(j["uplinks"]["sent"], 4);
  EXPECT_EQ(j["uplinks"]["in_flight"], 1);
  EXPECT_EQ(j["uplinks"]["rejected_by"]["device_revoked"], 1);
  EXPECT_EQ(j["uplinks"]["copies_rejected"], 1);
  EXPECT_EQ(j["attacker_frames"]["rejected_by"]["forged"], 1);
  EXPECT_EQ(j["downlinks"]["queued"], 1);
  EXPECT_EQ(j["handshakes"]["successful"], 1 + 1);
}

TEST_F(LedgerTest, ATransitionFromAStateTheDeviceIsNotInIsAnImbalance) {
  move(0, FleetState::None, FleetState::Created);
  move(0, FleetState::Associated, FleetState::Registered);
  EXPECT_FALSE(ledger_.balanced());
  EXPECT_NE(ledger_.first_imbalance().find("device 0"), std::string::npos) << ledger_.first_imbalance();
  EXPECT_NE(ledger_.first_imbalance().find("from associated"), std::string::npos) << ledger_.first_imbalance();
}

TEST_F(LedgerTest, AFinalStateTheTransitionsDoNotReachIsAnImbalance) {
  move(3, FleetState::None, FleetState::Created);
  ledger_.device_final({3, 0, FleetState::Blocked});
  EXPECT_FALSE(ledger_.balanced());
  EXPECT_EQ(ledger_.first_imbalance(), "device 3 ends blocked, its transitions replay to created");
}

TEST_F(LedgerTest, CountsThatDoNotSumToTheDevicesMadeAreAnImbalance) {
  registered_device(0);
  ledger_.sample(60 * kSecond, 2, counts(1));
  EXPECT_FALSE(ledger_.balanced());
  EXPECT_NE(ledger_.first_imbalance().find("sum to 1, the model has made 2"), std::string::npos)
      << ledger_.first_imbalance();
}

TEST_F(LedgerTest, CountsWrittenToStatesCsvThatDifferFromTheTransitionsAreAnImbalance) {
  registered_device(0);
  StateCounts written{};
  written[static_cast<std::size_t>(FleetState::Created)] = 1;
  ledger_.sample(kSecond, 1, written);
  EXPECT_FALSE(ledger_.balanced());
  EXPECT_NE(ledger_.first_imbalance().find("states.csv"), std::string::npos);
}

TEST_F(LedgerTest, AnUplinkWithNoFateThatTheModelDoesNotHoldInFlightIsAnImbalance) {
  uplink(TrafficOutcome::Sent, 1);
  uplink(TrafficOutcome::Sent, 2);
  fate(1, TrafficOutcome::Delivered);
  end(0);  // the model says nothing is in flight: uplink 2 vanished
  EXPECT_FALSE(ledger_.balanced());
  EXPECT_EQ(ledger_.first_imbalance(),
            "uplinks: 2 sent, 1 delivered + 0 rejected + 0 dropped + 1 open (the model has 0 in flight)");
}

TEST_F(LedgerTest, AFateForAnUplinkNeverSentOrAlreadySettledIsAnImbalance) {
  uplink(TrafficOutcome::Sent, 1);
  fate(1, TrafficOutcome::Delivered);
  fate(1, TrafficOutcome::Dropped, Cause::TtlExpired);
  EXPECT_FALSE(ledger_.balanced());
  EXPECT_NE(ledger_.first_imbalance().find("never sent or already had one"), std::string::npos);
}

TEST_F(LedgerTest, AnUplinkClosedWithoutAFateIsAnImbalance) {
  uplink(TrafficOutcome::Sent, 5);
  fate(5, TrafficOutcome::Sent);
  EXPECT_FALSE(ledger_.balanced());
  EXPECT_NE(ledger_.first_imbalance().find("closed without delivery, rejection or drop"), std::string::npos);
}

TEST_F(LedgerTest, AnUplinkAcceptedFromABlockedDeviceIsAnImbalance) {
  uplink(TrafficOutcome::Delivered, 1, /*blocked=*/true);
  EXPECT_FALSE(ledger_.balanced());
  EXPECT_NE(ledger_.first_imbalance().find("accepted while the device is blocked"), std::string::npos);
}

TEST_F(LedgerTest, AnAdversarysFrameAcceptedIsAnImbalance) {
  uplink(TrafficOutcome::Sent, 0, false, true);
  uplink(TrafficOutcome::Delivered, 0, false, true);
  end();
  EXPECT_FALSE(ledger_.balanced());
  EXPECT_EQ(ledger_.first_imbalance(), "attacker frames: 1 accepted");
}

TEST_F(LedgerTest, DownlinksMustEndDeliveredFailedOrStillQueued) {
  ledger_.downlink_queued({kSecond, 0, 0, 1});
  ledger_.downlink_queued({kSecond, 0, 0, 2});
  ledger_.downlink_status({kSecond, 0, 0, metrics::Smsn(kSmsn), 1, false, Cause::TtlExpired});
  end(0, 0);  // the model has none queued: message 2 vanished
  EXPECT_FALSE(ledger_.balanced());
  EXPECT_EQ(ledger_.first_imbalance(),
            "downlinks: 2 accepted, 0 delivered + 1 failed + 1 queued (the model has 0 queued)");
}

TEST_F(LedgerTest, ADownlinkStatusForNothingQueuedIsAnImbalance) {
  ledger_.downlink_status({kSecond, 0, 0, metrics::Smsn(kSmsn), 9, true, Cause::None});
  EXPECT_FALSE(ledger_.balanced());
  EXPECT_NE(ledger_.first_imbalance().find("downlink 9"), std::string::npos);
}

TEST_F(LedgerTest, SuccessfulHandshakesMustEqualRegistrations) {
  handshake(true);
  handshake(false);
  end();
  EXPECT_FALSE(ledger_.balanced());
  EXPECT_EQ(ledger_.first_imbalance(), "handshakes: 1 succeeded, 0 transitions to registered");
}

TEST_F(LedgerTest, RecordsPassOnToTheSinkBehind) {
  struct Counting : metrics::NullSink {
    int n = 0;
    void transition(const metrics::TransitionRecord&) override { ++n; }
    void uplink_fate(const metrics::UplinkFateRecord&) override { ++n; }
    void device_final(const metrics::DeviceFinalRecord&) override { ++n; }
  } behind;
  Ledger l(behind);
  l.transition({0, 0, 0, metrics::Smsn(kSmsn), FleetState::None, FleetState::Created, Cause::None});
  l.uplink_fate({0, 0, 0, 1, TrafficOutcome::Delivered, Cause::None});
  l.device_final({0, 0, FleetState::Created});
  EXPECT_EQ(behind.n, 3);
}

}  // namespace
}  // namespace st::output
