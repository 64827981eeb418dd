#include "sim/campaign/sweep_tables.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "sim/campaign/number_text.hpp"
#include "sim/campaign/statistics.hpp"

namespace st::campaign {

namespace {

// Statistics with ten significant digits: exact enough, and the same text on every machine.
std::string stat_text(const std::optional<double>& v) { return v ? significant_text(*v, 10) : std::string(); }

void write_whole(const std::filesystem::path& file, const std::string& text) {
  const std::filesystem::path tmp = file.string() + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << text;
    out.flush();
    if (!out) throw std::runtime_error(tmp.string() + ": cannot write");
  }
  std::filesystem::rename(tmp, file);
}

void parameter_header(std::ostringstream& out, const SweepSpec& spec) {
  for (const auto& p : spec.parameters) out << ',' << p.name;
}

void parameter_cells(std::ostringstream& out, const Point& point) {
  for (const auto& v : point.values) out << ',' << v;
}

}  // namespace

void write_sweep_csv(const std::filesystem::path& file, const SweepSpec& spec, const SweepPlan& plan,
                     const SweepResults& results) {
  std::ostringstream out;
  out << "run,point";
  parameter_header(out, spec);
  out << ",seed";
  for (const auto& f : spec.figures) out << ',' << f.name;
  out << '\n';
  for (const auto& run : plan.runs) {
    out << run.id << ',' << run.point;
    parameter_cells(out, plan.points[run.point]);
    out << ',' << run.seed;
    for (const auto& v : results.at(run.index)) out << ',' << figure_text(v);
    out << '\n';
  }
  write_whole(file, out.str());
}

void write_summary_csv(const std::filesystem::path& file, const SweepSpec& spec, const SweepPlan& plan,
                       const SweepResults& results) {
  std::ostringstream out;
  out << "point";
  parameter_header(out, spec);
  out << ",runs";
  for (const auto& f : spec.figures) {
    for (const char* suffix : {"_n", "_mean", "_sd", "_ci95_low", "_ci95_high"}) out << ',' << f.name << suffix;
  }
  out << '\n';
  std::vector<std::vector<const PlannedRun*>> runs_of(plan.points.size());
  for (const auto& run : plan.runs) runs_of[run.point].push_back(&run);
  for (const auto& point : plan.points) {
    out << point.index;
    parameter_cells(out, point);
    out << ',' << runs_of[point.index].size();
    for (std::size_t f = 0; f < spec.figures.size(); ++f) {
      std::vector<double> values;
      for (const PlannedRun* run : runs_of[point.index]) {
        if (const FigureValue& v = results.at(run->index).at(f)) values.push_back(*v);
      }
      const FigureStats s = figure_stats(values);
      out << ',' << s.n << ',' << stat_text(s.mean) << ',' << stat_text(s.sd) << ',' << stat_text(s.ci95_low) << ','
          << stat_text(s.ci95_high);
    }
    out << '\n';
  }
  write_whole(file, out.str());
}

}  // namespace st::campaign
