// A sweep's summary.csv as sidewalk-sweep-plot reads it: the twin's file, empty cells, every bad input named by
// file, line and cause; the series (the other parameters' combinations) and the kind of x axis.
#include <gtest/gtest.h>

#include <sstream>

#include "model/records.hpp"
#include "model/sweep_series.hpp"
#include "model/sweep_summary.hpp"

namespace st::viz {
namespace {

const char* kExample =
    "point,devices,demodulators,runs,delivery_n,delivery_mean,delivery_sd,delivery_ci95_low,delivery_ci95_high\n"
    "0,50,1,3,3,0.97,0.01,0.945,0.995\n"
    "1,100,1,3,3,0.93,0.02,0.88,0.98\n"
    "2,50,8,3,3,0.99,0.005,0.977,1.003\n"
    "3,100,8,3,3,0.98,0.01,0.955,1.005\n";

SweepSummary parse(const std::string& text) {
  std::istringstream in(text);
  return read_sweep_summary(in, "summary.csv");
}

// The InputError's message, or "" when it reads.
std::string error_of(const std::string& text) {
  try {
    parse(text);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

// A summary with one figure `f` and the given parameter columns and rows (after `point`).
std::string one_figure(const std::string& parameters, const std::vector<std::string>& rows) {
  std::string s = "point," + parameters + ",runs,f_n,f_mean,f_sd,f_ci95_low,f_ci95_high\n";
  for (std::size_t i = 0; i < rows.size(); ++i) s += std::to_string(i) + "," + rows[i] + "\n";
  return s;
}

TEST(SweepSummary, ReadsTheTwinsSummary) {
  const SweepSummary s = parse(kExample);
  EXPECT_EQ(s.parameters, (std::vector<std::string>{"devices", "demodulators"}));
  EXPECT_EQ(s.figures, (std::vector<std::string>{"delivery"}));
  ASSERT_EQ(s.points.size(), 4u);
  EXPECT_EQ(s.points[2].index, 2u);
  EXPECT_EQ(s.points[2].parameters, (std::vector<std::string>{"50", "8"}));
  EXPECT_EQ(s.points[2].runs, 3u);
  const FigureStats& f = s.points[2].figures.at(0);
  EXPECT_EQ(f.n, 3u);
  EXPECT_DOUBLE_EQ(*f.mean, 0.99);
  EXPECT_DOUBLE_EQ(*f.sd, 0.005);
  EXPECT_DOUBLE_EQ(*f.ci95_low, 0.977);
  EXPECT_DOUBLE_EQ(*f.ci95_high, 1.003);
  EXPECT_TRUE(f.has_bar());
}

TEST(SweepSummary, FigureNamesWithDotsAndWordParameters) {
  const SweepSummary s = parse(
      "point,interval,link,runs,handshakes.latency_ms.p95_n,handshakes.latency_ms.p95_mean,"
      "handshakes.latency_ms.p95_sd,handshakes.latency_ms.p95_ci95_low,handshakes.latency_ms.p95_ci95_high,"
      "x-y_n,x-y_mean,x-y_sd,x-y_ci95_low,x-y_ci95_high\r\n"
      "0,10min,css,2,2,1500,10,1410,1590,2,1,0,1,1\r\n"
      "\n");
  EXPECT_EQ(s.parameters, (std::vector<std::string>{"interval", "link"}));
  EXPECT_EQ(s.figures, (std::vector<std::string>{"handshakes.latency_ms.p95", "x-y"}));
  ASSERT_EQ(s.points.size(), 1u);
  EXPECT_EQ(s.points[0].parameters, (std::vector<std::string>{"10min", "css"}));
  EXPECT_DOUBLE_EQ(*s.points[0].figures[1].ci95_high, 1);
}

TEST(SweepSummary, EmptyCellsWhenAFigureHadNoValueOrOneRun) {
  const SweepSummary s = parse(one_figure("devices", {"50,3,0,,,,", "100,3,1,0.5,,,", "200,3,2,0.6,0.1,0.5,0.7"}));
  const FigureStats& none = s.points[0].figures[0];
  EXPECT_EQ(none.n, 0u);
  EXPECT_FALSE(none.mean);
  EXPECT_FALSE(none.has_bar());
  const FigureStats& one = s.points[1].figures[0];
  EXPECT_EQ(one.n, 1u);
  EXPECT_DOUBLE_EQ(*one.mean, 0.5);
  EXPECT_FALSE(one.sd);
  EXPECT_FALSE(one.has_bar());
  EXPECT_TRUE(s.points[2].figures[0].has_bar());
  const auto range = figure_range(s, 0);  // the means and bars of the points with values
  ASSERT_TRUE(range);
  EXPECT_DOUBLE_EQ(range->low, 0.5);
  EXPECT_DOUBLE_EQ(range->high, 0.7);
  EXPECT_FALSE(figure_range(parse(one_figure("devices", {"50,3,0,,,,"})), 0));
}

TEST(SweepSummary, BadInputNamesFileLineAndCause) {
  const std::string figure = "f_n,f_mean,f_sd,f_ci95_low,f_ci95_high";
  const std::string row = "0,50,3,3,1,0.1,0.9,1.1";
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"", "summary.csv:1: empty file (expected a header)"},
      {"devices,runs," + figure + "\n", "summary.csv:1: no column 'point' in the header"},
      {"devices,point,runs," + figure + "\n", "summary.csv:1: column 'point' is not the first column"},
      {"point,devices," + figure + "\n", "summary.csv:1: no column 'runs' in the header"},
      {"point,runs," + figure + "\n", "summary.csv:1: no parameter columns between 'point' and 'runs'"},
      {"point,dev ices,runs," + figure + "\n",
       "summary.csv:1: column 'dev ices': not a parameter name (letters, digits, '.', '_', '-')"},
      {"point,a,a,runs," + figure + "\n", "summary.csv:1: parameter 'a' twice in the header"},
      {"point,devices,runs\n", "summary.csv:1: no figure columns after 'runs'"},
      {"point,devices,runs,f_mean,f_n,f_sd,f_ci95_low,f_ci95_high\n",
       "summary.csv:1: column 'f_mean': expected a figure's NAME_n column (a figure's columns are NAME_n, NAME_mean, "
       "NAME_sd, NAME_ci95_low, NAME_ci95_high)"},
      {"point,devices,runs,f_n,f_mean,f_ci95_low,f_sd,f_ci95_high\n",
       "summary.csv:1: column 'f_ci95_low': expected 'f_sd' (a figure's columns are NAME_n, NAME_mean, NAME_sd, "
       "NAME_ci95_low, NAME_ci95_high)"},
      {"point,devices,runs," + figure + ",g_n,g_mean\n",
       "summary.csv:1: figure 'g' incomplete: no column 'g_sd' (a figure's columns are NAME_n, NAME_mean, NAME_sd, "
       "NAME_ci95_low, NAME_ci95_high)"},
      {"point,devices,runs," + figure + "," + figure + "\n", "summary.csv:1: figure 'f' twice in the header"},
      {"point,devices,runs,_n,_mean,_sd,_ci95_low,_ci95_high\n",
       "summary.csv:1: column '_n': '' is not a figure name (letters, digits, '.', '_', '-')"},
      {"point,devices,runs," + figure + "\n", "summary.csv: no points (no line after the header)"},
      {one_figure("devices", {"50,3,3,1,0.1,0.9,1.1", "100,3,3,1,0.1,0.9"}), "summary.csv:3: 7 columns, expected 8"},
      {one_figure("devices", {"50,3,3,1,0.1,0.9,1.1,2"}), "summary.csv:2: 9 columns, expected 8"},
      {"point,devices,runs," + figure + "\nzero,50,3,3,1,0.1,0.9,1.1\n",
       "summary.csv:2: column 'point': not a count ('zero')"},
      {one_figure("devices", {",3,3,1,0.1,0.9,1.1"}), "summary.csv:2: column 'devices': empty (expected the parameter's value)"},
      {one_figure("devices", {"50,three,3,1,0.1,0.9,1.1"}), "summary.csv:2: column 'runs': not a count ('three')"},
      {one_figure("devices", {"50,3,-1,1,0.1,0.9,1.1"}), "summary.csv:2: column 'f_n': not a count ('-1')"},
      {one_figure("devices", {"50,3,3,high,0.1,0.9,1.1"}), "summary.csv:2: column 'f_mean': not a number ('high')"},
      {one_figure("devices", {"50,3,3,1,0.1,0.9,inf"}), "summary.csv:2: column 'f_ci95_high': not a finite number ('inf')"},
      {one_figure("devices", {"50,3,0,1,,,"}), "summary.csv:2: column 'f_mean': a value with f_n 0"},
      {one_figure("devices", {"50,3,1,,,,"}), "summary.csv:2: column 'f_mean': empty with f_n 1"},
      {one_figure("devices", {"50,3,2,1,0.1,,1.1"}), "summary.csv:2: column 'f_ci95_low': empty with f_n 2"},
  };
  for (const auto& [text, message] : cases) EXPECT_EQ(error_of(text), message) << text;
  EXPECT_EQ(error_of("point,devices,runs," + figure + "\n" + row + "\n"), "");
}

TEST(SweepSummary, AFileThatIsNotThere) {
  try {
    read_sweep_summary("/nonexistent/summary.csv");
    FAIL() << "read a file that is not there";
  } catch (const InputError& e) {
    EXPECT_STREQ(e.what(), "/nonexistent/summary.csv: no such file");
  }
}

TEST(SweepSummary, OneSeriesPerCombinationOfTheOtherParameters) {
  const SweepSummary s = parse(one_figure("devices,demodulators,link", {
                                                                            "100,8,css,3,3,1,0,1,1",
                                                                            "50,8,css,3,3,1,0,1,1",
                                                                            "50,1,css,3,3,1,0,1,1",
                                                                            "100,1,css,3,3,1,0,1,1",
                                                                            "50,8,fsk,3,3,1,0,1,1",
                                                                        }));
  const SweepXAxis x = sweep_x_axis(s);
  const auto series = sweep_series(s, x);
  ASSERT_EQ(series.size(), 3u);  // first-appearance order
  EXPECT_EQ(series[0].label, "demodulators=8, link=css");
  EXPECT_EQ(series[0].values, (std::vector<std::string>{"8", "css"}));
  EXPECT_EQ(series[0].points, (std::vector<std::size_t>{1, 0}));  // by x
  EXPECT_EQ(series[1].label, "demodulators=1, link=css");
  EXPECT_EQ(series[1].points, (std::vector<std::size_t>{2, 3}));
  EXPECT_EQ(series[2].label, "demodulators=8, link=fsk");
  EXPECT_EQ(series[2].points, (std::vector<std::size_t>{4}));
}

TEST(SweepSummary, OneParameterIsOneUnlabelledSeries) {
  const SweepSummary s = parse(one_figure("devices", {"50,3,3,1,0,1,1", "100,3,3,1,0,1,1"}));
  const auto series = sweep_series(s, sweep_x_axis(s));
  ASSERT_EQ(series.size(), 1u);
  EXPECT_EQ(series[0].label, "");
  EXPECT_TRUE(series[0].values.empty());
  EXPECT_EQ(series[0].points, (std::vector<std::size_t>{0, 1}));
}

SweepXAxis axis_of(const std::vector<std::string>& values) {
  std::vector<std::string> rows;
  for (const std::string& v : values) rows.push_back(v + ",1,1,1,,,");
  return sweep_x_axis(parse(one_figure("x", rows)));
}

TEST(SweepSummary, XAxisNumericLogarithmicOrCategories) {
  EXPECT_EQ(axis_of({"50", "100", "200"}).kind, SweepAxisKind::Linear);
  EXPECT_EQ(axis_of({"50", "1000"}).kind, SweepAxisKind::Log);  // max/min = 20
  EXPECT_EQ(axis_of({"50", "999"}).kind, SweepAxisKind::Linear);
  EXPECT_EQ(axis_of({"0", "1000"}).kind, SweepAxisKind::Linear);  // not all > 0
  EXPECT_EQ(axis_of({"-1", "100"}).kind, SweepAxisKind::Linear);
  EXPECT_EQ(axis_of({"0.001", "0.25", "1e3"}).kind, SweepAxisKind::Log);
  EXPECT_EQ(axis_of({"50", "1000"}).positions, (std::vector<double>{50, 1000}));

  const SweepXAxis words = axis_of({"10min", "30min", "10min", "2h"});
  EXPECT_EQ(words.kind, SweepAxisKind::Category);
  EXPECT_EQ(words.categories, (std::vector<std::string>{"10min", "30min", "2h"}));  // file order
  EXPECT_EQ(words.positions, (std::vector<double>{0, 1, 0, 2}));
  EXPECT_EQ(axis_of({"50", "25%"}).kind, SweepAxisKind::Category);  // one word makes all categories
  EXPECT_EQ(axis_of({"50", "inf"}).kind, SweepAxisKind::Category);

  EXPECT_EQ(plain_number("0.25"), 0.25);
  EXPECT_FALSE(plain_number("10min"));
  EXPECT_FALSE(plain_number(" 5"));
  EXPECT_FALSE(plain_number(""));
}

}  // namespace
}  // namespace st::viz
