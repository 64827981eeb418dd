// sidewalk-sweep-plot: one PNG per figure of a sweep's summary.csv (sidewalk-twin sweep), headless.
//
//   sidewalk-sweep-plot SUMMARY.csv --out DIR [--title TEXT] [--size WxH (default 900x560)]
//
// Writes DIR/<figure>.png for every figure (creating DIR) and prints nothing. Exit codes: 0 success, 1 a PNG
// could not be written, 2 bad input (arguments, or summary.csv: one line "FILE:LINE: cause" on stderr).
#include <CLI/CLI.hpp>
#include <QApplication>
#include <QFont>
#include <QImage>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>
#include <system_error>

#include "app/offscreen_noise.hpp"
#include "app/sweep_plot.hpp"
#include "model/records.hpp"
#include "model/sweep_summary.hpp"

namespace {

namespace fs = std::filesystem;

[[noreturn]] void die(int code, const std::string& message) {
  std::fprintf(stderr, "sidewalk-sweep-plot: %s\n", message.c_str());
  std::fflush(stderr);
  std::exit(code);
}

// "WxH" within 300x200 .. 8000x8000, or nullopt.
std::optional<QSize> parse_size(const std::string& text) {
  const std::size_t x = text.find('x');
  if (x == std::string::npos) return std::nullopt;
  int w = 0, h = 0;
  const char* end = text.data() + text.size();
  const auto [pw, ew] = std::from_chars(text.data(), text.data() + x, w);
  const auto [ph, eh] = std::from_chars(text.data() + x + 1, end, h);
  if (ew != std::errc() || pw != text.data() + x || eh != std::errc() || ph != end) return std::nullopt;
  if (w < 300 || h < 200 || w > 8000 || h > 8000) return std::nullopt;
  return QSize(w, h);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{"sidewalk-sweep-plot: one PNG per figure of a sweep's summary.csv (sidewalk-twin sweep)"};
  std::string summary_file, out_dir, title, size_text = "900x560";
  cli.add_option("summary", summary_file, "the sweep's summary.csv")->required();
  cli.add_option("--out", out_dir, "the directory for the PNGs, DIR/<figure>.png (created)")->required();
  const CLI::Option* title_option = cli.add_option("--title", title, "the charts' title (default: the figure's name)");
  cli.add_option("--size", size_text, "the images' size in pixels, WxH")->capture_default_str();
  try {
    cli.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return cli.exit(e);  // --help
    die(2, e.what());
  }
  const std::optional<QSize> size = parse_size(size_text);
  if (!size) die(2, "--size: '" + size_text + "' is not WxH (300x200 to 8000x8000)");

  st::viz::SweepSummary summary;
  try {
    summary = st::viz::read_sweep_summary(summary_file);
  } catch (const st::viz::InputError& e) {
    die(2, e.what());
  }
  std::error_code ec;
  fs::create_directories(out_dir, ec);
  if (ec || !fs::is_directory(out_dir)) die(1, "cannot create the directory " + out_dir + (ec ? ": " + ec.message() : ""));

  // No display needed: the offscreen platform unless one was chosen.
  if (std::getenv("QT_QPA_PLATFORM") == nullptr) ::setenv("QT_QPA_PLATFORM", "offscreen", 1);
  st::dash::quiet_offscreen_noise();
  int qt_argc = 1;  // the arguments are CLI11's; Qt sees none of them
  QApplication app(qt_argc, argv);
  QApplication::setFont(QFont(QStringLiteral("DejaVu Sans"), 9));

  for (std::size_t f = 0; f < summary.figures.size(); ++f) {
    const std::string& name = summary.figures[f];
    const QString chart_title = title_option->count() > 0 ? QString::fromStdString(title) : QString::fromStdString(name);
    const QImage image = st::dash::render_sweep_figure(summary, f, chart_title, *size);
    const fs::path file = fs::path(out_dir) / (name + ".png");
    if (!image.save(QString::fromStdString(file.string()), "PNG")) die(1, "cannot write " + file.string());
  }
  return 0;
}
