// Did-you-mean: edit distance, the closeness threshold and the suggestion texts.
#include <gtest/gtest.h>

#include "sim/scenario/did_you_mean.hpp"

namespace st::scenario {
namespace {

TEST(DidYouMean, EditDistance) {
  EXPECT_EQ(edit_distance("", ""), 0u);
  EXPECT_EQ(edit_distance("abc", ""), 3u);
  EXPECT_EQ(edit_distance("duraton", "duration"), 1u);
  EXPECT_EQ(edit_distance("durtaion", "duration"), 1u);  // adjacent swap counts once
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
}

TEST(DidYouMean, ClosestMatch) {
  const std::vector<std::string> keys = {"name", "description", "seed", "duration", "sample_interval"};
  EXPECT_EQ(closest_match("duraton", keys), "duration");
  EXPECT_EQ(closest_match("Seed", keys), "seed");
  EXPECT_EQ(closest_match("sampel_interval", keys), "sample_interval");
  EXPECT_FALSE(closest_match("colour", keys));
  EXPECT_FALSE(closest_match("x", {"s"}));  // a one-letter word is not a misspelling of another
  EXPECT_FALSE(closest_match("", keys));
}

TEST(DidYouMean, SuggestionTexts) {
  EXPECT_EQ(suggestion("prodution", {"prototype", "production"}), " (did you mean 'production'?)");
  EXPECT_EQ(suggestion("zzz", {"a", "b"}), " (expected one of: a, b)");
  EXPECT_EQ(suggestion("zzz", {"a", "b"}, "allowed"), " (allowed: a, b)");
}

}  // namespace
}  // namespace st::scenario
