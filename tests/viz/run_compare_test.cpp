// Two runs' key figures side by side: values from each summary.json, differences and relative changes, derived
// ratios, figures one run lacks shown as missing (never as zero), figures neither has left out.
#include <gtest/gtest.h>

#include "model/run_compare.hpp"

namespace st::viz {
namespace {

const FigureDiff* find(const std::vector<FigureDiff>& diffs, const std::string& name) {
  for (const auto& d : diffs)
    if (d.name == name) return &d;
  return nullptr;
}

TEST(RunCompare, KeyFiguresDifferencesAndRatios) {
  const auto run = nlohmann::json::parse(R"({"devices":100,"final_states":{"registered":80,"blocked":20},
    "handshakes":{"succeeded":90,"failed":10,"latency_ms":{"p50":1200.5,"p95":1800,"p99":2500}},
    "uplinks":{"sent":1000,"delivered":900,"rejected":100,"dropped":0},"refusals":{"total":100},
    "radio":{"frames":5000,"delivery_ratio":0.95}})");
  const auto base = nlohmann::json::parse(R"({"devices":100,"final_states":{"registered":100,"blocked":0},
    "handshakes":{"succeeded":100,"failed":0,"latency_ms":{"p50":1000,"p95":1500,"p99":2000}},
    "uplinks":{"sent":1000,"delivered":1000,"rejected":0,"dropped":0},"refusals":{"total":0}})");
  const auto diffs = compare_key_figures(run, base);
  const FigureDiff* reg = find(diffs, "registered at the end");
  ASSERT_NE(reg, nullptr);
  EXPECT_EQ(*reg->run, 80);
  EXPECT_EQ(*reg->baseline, 100);
  EXPECT_EQ(*reg->difference(), -20);
  EXPECT_DOUBLE_EQ(*reg->relative(), -0.2);
  const FigureDiff* ratio = find(diffs, "uplink delivery ratio");
  ASSERT_NE(ratio, nullptr);
  EXPECT_DOUBLE_EQ(*ratio->run, 0.9);
  EXPECT_DOUBLE_EQ(*ratio->baseline, 1.0);
  EXPECT_TRUE(ratio->higher_is_better);
  const FigureDiff* p50 = find(diffs, "handshake latency p50 (ms)");
  ASSERT_NE(p50, nullptr);
  EXPECT_FALSE(p50->higher_is_better);
  EXPECT_DOUBLE_EQ(*p50->difference(), 200.5);
  const FigureDiff* refusals = find(diffs, "refusals");
  ASSERT_NE(refusals, nullptr);
  EXPECT_FALSE(refusals->relative().has_value());  // from 0: no relative change
  // The baseline has no radio section: shown as missing, not 0.
  const FigureDiff* radio = find(diffs, "radio delivery ratio");
  ASSERT_NE(radio, nullptr);
  EXPECT_TRUE(radio->run.has_value());
  EXPECT_FALSE(radio->baseline.has_value());
  EXPECT_FALSE(radio->difference().has_value());
  // Neither has energy: left out.
  EXPECT_EQ(find(diffs, "energy per device per day (mJ)"), nullptr);
}

}  // namespace
}  // namespace st::viz
