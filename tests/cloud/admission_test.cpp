// Each cloud actor's admission rule, one function each: the network server takes a registration only of a device a
// cloud partner provisioned and refuses revoked devices and types; the cloud partner takes a registration only of an
// associated device with its developer's permission, and passes traffic on while the permission stands.
#include <gtest/gtest.h>

#include <array>
#include <vector>

#include "models/cloud/cloud_actors.hpp"
#include "sim/metrics/metrics_sink.hpp"

namespace st::models {
namespace {

struct Tallies : metrics::NullSink {
  std::vector<std::pair<std::string, std::uint64_t>> got;
  void tally(const metrics::TallyRecord& r) override { got.emplace_back(std::string(r.name), r.value); }
};

class cloudAdmission : public ::testing::Test {
 protected:
  cloudAdmission() : keys_(security::KeySource::deterministic(7)), pki_(keys_) {
    for (const char* name : {"tracker", "sensor"}) {
      pki_.add_device_type(name, 0);
      DeviceTypeConfig t;
      t.name = name;
      t.count = 2;
      types_.push_back(t);
    }
    cloud_ = std::make_unique<CloudActors>(CloudConfig{}, types_, 4, pki_, keys_, verdicts_);
  }

  security::KeySource keys_;
  security::Pki pki_;
  security::SignatureVerdicts verdicts_;
  std::vector<DeviceTypeConfig> types_;
  std::unique_ptr<CloudActors> cloud_;
};

TEST_F(cloudAdmission, NetworkServerTakesRegistrationsOfProvisionedDevicesAndRefusesRevocations) {
  NetworkServer& ns = cloud_->network_server;
  EXPECT_EQ(ns.admit_registration(0), Cause::NotAssociated);  // no cloud partner provisioned it yet
  ns.map_cloud_partner(0, NetworkServer::kAwsIotCore);
  EXPECT_EQ(ns.admit_registration(0), Cause::None);

  std::array<std::uint8_t, 32> a{}, b{};
  a[0] = 1;
  b[0] = 2;
  EXPECT_EQ(ns.admit(a, 0), Cause::None);
  ns.revocations().revoke_device(a);
  EXPECT_EQ(ns.admit(a, 0), Cause::DeviceRevoked);
  EXPECT_EQ(ns.admit(b, 0), Cause::None);
  ns.revocations().revoke_device_type(1);
  EXPECT_EQ(ns.admit(b, 1), Cause::DeviceTypeRevoked);
  EXPECT_EQ(ns.admit(a, 1), Cause::DeviceRevoked);  // the device's own revocation is named first
  EXPECT_EQ(ns.admit(b, 0), Cause::None);
}

TEST_F(cloudAdmission, CloudPartnerTakesAssociatedDevicesWhileTheDeveloperPermits) {
  CloudPartnerRegistry& cp = cloud_->cloud_partner;
  EXPECT_EQ(cp.admit_registration(2), Cause::NotAssociated);
  EXPECT_EQ(cp.admit(2), Cause::None);  // traffic does not ask for the association
  cp.device(2).associated = true;
  EXPECT_EQ(cp.admit_registration(2), Cause::None);
  cp.revoke_permission(2);
  EXPECT_EQ(cp.admit_registration(2), Cause::DeveloperRevoked);
  EXPECT_EQ(cp.admit(2), Cause::DeveloperRevoked);
  EXPECT_EQ(cp.admit(3), Cause::None);
  EXPECT_EQ(cp.permissions_revoked(), 1u);
}

TEST_F(cloudAdmission, OutagesTakeDownTheirActorsStationAndTalliesComeInOrder) {
  EXPECT_EQ(cloud_->station(OutageTarget::NetworkServer), &cloud_->network_server.station());
  EXPECT_EQ(cloud_->station(OutageTarget::ApplicationServer), &cloud_->application_server.station());
  EXPECT_EQ(cloud_->station(OutageTarget::Ingest), &cloud_->ingest.station());
  EXPECT_EQ(cloud_->station(OutageTarget::Gateways), nullptr);
  // The cloud partner's outage takes its association service down with it.
  EXPECT_EQ(cloud_->station(OutageTarget::CloudPartner), &cloud_->cloud_partner.station());
  cloud_->outage(OutageTarget::CloudPartner, 10 * kSecond, 20 * kSecond);
  EXPECT_TRUE(cloud_->cloud_partner.association_station().available(5 * kSecond));
  EXPECT_FALSE(cloud_->cloud_partner.association_station().available(15 * kSecond));
  EXPECT_FALSE(cloud_->cloud_partner.station().available(15 * kSecond));
  EXPECT_TRUE(cloud_->cloud_partner.station().available(20 * kSecond));
  cloud_->cloud_partner.device(1).status = WirelessStatus::Provisioned;
  cloud_->cloud_partner.device(1).associated = true;
  Tallies t;
  cloud_->report(t, 4);
  ASSERT_EQ(t.got.size(), 15u);
  EXPECT_EQ(t.got[0], (std::pair<std::string, std::uint64_t>{"PROVISIONED", 1}));
  EXPECT_EQ(t.got[3], (std::pair<std::string, std::uint64_t>{"associated_with_developer", 1}));
  EXPECT_EQ(t.got[5].first, "contract_manufacturer.devices_made");
  EXPECT_EQ(t.got[14].first, "mobile_app.messages_relayed");
}

}  // namespace
}  // namespace st::models
