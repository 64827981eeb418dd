// sidewalk-dashboard: the state distribution, handshake latency, uplink counters and events of a Sidewalk
// twin run, replayed from its run directory or followed live (docs/dashboard.md).
//
//   sidewalk-dashboard [--replay DIR | --connect HOST:PORT | --run SCENARIO [--out DIR]] [--pace X]
//                      [--compare DIR] [--view charts|map|compare|what-if] [--device N]
//                      [--screenshot FILE [--size WxH] [--cursor SECONDS] [--export-charts DIR]]
//
// Exit codes: 0 success, 1 the screenshot or an export could not be made (or is blank), 2 bad input (arguments,
// a run directory that does not read, a server that cannot be reached).
#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QMessageBox>
#include <QPixmap>
#include <QSet>
#include <QTimer>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "app/main_window.hpp"
#include "app/offscreen_noise.hpp"

namespace {

[[noreturn]] void die(int code, const QString& message) {
  std::fprintf(stderr, "sidewalk-dashboard: %s\n", message.toLocal8Bit().constData());
  std::fflush(stderr);
  std::exit(code);
}

// A rendered window of one colour (or nearly) means nothing was drawn.
int distinct_colours(const QImage& img, int enough) {
  QSet<QRgb> seen;
  for (int y = 0; y < img.height(); y += 2) {
    const auto* line = reinterpret_cast<const QRgb*>(img.constScanLine(y));
    for (int x = 0; x < img.width(); x += 2) {
      seen.insert(line[x]);
      if (seen.size() >= enough) return static_cast<int>(seen.size());
    }
  }
  return static_cast<int>(seen.size());
}

bool wants_screenshot(int argc, char** argv) {
  for (int i = 1; i < argc; ++i)
    if (std::strcmp(argv[i], "--screenshot") == 0 || std::strncmp(argv[i], "--screenshot=", 13) == 0) return true;
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  // A screenshot needs no display: use the offscreen platform unless one was chosen.
  const bool headless = wants_screenshot(argc, argv);
  if (headless && std::getenv("QT_QPA_PLATFORM") == nullptr && std::getenv("DISPLAY") == nullptr &&
      std::getenv("WAYLAND_DISPLAY") == nullptr)
    ::setenv("QT_QPA_PLATFORM", "offscreen", 1);
  if (headless) st::dash::quiet_offscreen_noise();
  QApplication app(argc, argv);
  QApplication::setApplicationName("sidewalk-dashboard");
  QApplication::setApplicationVersion("0.1.0");

  QCommandLineParser cli;
  cli.setApplicationDescription("Sidewalk twin dashboard: replay a run directory or follow a running simulation.");
  cli.addHelpOption();
  cli.addVersionOption();
  const QCommandLineOption replay("replay", "Replay the run directory DIR (sidewalk-twin run ... --out DIR).", "DIR");
  const QCommandLineOption connect("connect", "Follow a running simulation (sidewalk-twin run ... --serve PORT).",
                                   "HOST:PORT");
  const QCommandLineOption run("run", "Run SCENARIO with sidewalk-twin (--serve) and follow it live.", "SCENARIO");
  const QCommandLineOption out("out", "With --run: the run directory (default runs/NAME, NAME the scenario file's).", "DIR");
  const QCommandLineOption pace("pace", "With --connect or --run: ask for at most X simulated seconds per wall second (0 = full speed).", "X");
  const QCommandLineOption screenshot("screenshot",
                                      "Render the window to the PNG FILE and exit (after the replay is read, or when "
                                      "the live run ends); needs no display.",
                                      "FILE");
  const QCommandLineOption size("size", "Window size for --screenshot (default 1600x1000).", "WxH", "1600x1000");
  const QCommandLineOption cursor("cursor", "Put the time cursor at SECONDS of simulated time (default: the end).", "SECONDS");
  const QCommandLineOption view("view", "The view in front: charts (default), map, compare (the key figures against "
                                "--compare's run), or what-if (the charts with the what-if panel beside them).",
                                "VIEW", "charts");
  const QCommandLineOption compare("compare", "Compare with the run directory DIR (a baseline): overlaid on the state "
                                   "chart and the latency CDF, key figures side by side.", "DIR");
  const QCommandLineOption device("device", "Show the story of device N (its index) beside the views.", "N");
  const QCommandLineOption export_dir("export-charts", "Also write each chart as PNG and SVG into DIR (with --screenshot).", "DIR");
  cli.addOptions({replay, connect, run, out, pace, screenshot, size, cursor, view, device, compare, export_dir});
  if (!cli.parse(QApplication::arguments())) die(2, cli.errorText());
  if (cli.isSet("help")) cli.showHelp(0);
  if (cli.isSet("version")) cli.showVersion();
  if (!cli.positionalArguments().isEmpty()) die(2, "unexpected argument '" + cli.positionalArguments().first() + "'");
  if (int(cli.isSet(replay)) + int(cli.isSet(connect)) + int(cli.isSet(run)) > 1)
    die(2, "--replay, --connect and --run exclude each other");
  if (cli.isSet(out) && !cli.isSet(run)) die(2, "--out works with --run");
  const bool shot = cli.isSet(screenshot);
  if (shot && !cli.isSet(replay) && !cli.isSet(connect) && !cli.isSet(run))
    die(2, "--screenshot needs --replay DIR, --connect HOST:PORT or --run SCENARIO");
  if (cli.isSet(export_dir) && !shot) die(2, "--export-charts works with --screenshot");
  QSize window(1600, 1000);
  {
    const QStringList wh = cli.value(size).split('x');
    bool ok_w = false, ok_h = false;
    if (wh.size() == 2) window = QSize(wh[0].toInt(&ok_w), wh[1].toInt(&ok_h));
    if (!ok_w || !ok_h || window.width() < 400 || window.height() < 300 || window.width() > 8000 || window.height() > 8000)
      die(2, "--size: '" + cli.value(size) + "' is not WxH (400x300 to 8000x8000)");
  }
  double cursor_s = -1;
  if (cli.isSet(cursor)) {
    bool ok = false;
    cursor_s = cli.value(cursor).toDouble(&ok);
    if (!ok || cursor_s < 0) die(2, "--cursor: '" + cli.value(cursor) + "' is not a time in seconds");
  }
  st::dash::MainWindow::View front = st::dash::MainWindow::View::Charts;
  if (cli.value(view) == "map") front = st::dash::MainWindow::View::Map;
  else if (cli.value(view) == "compare") front = st::dash::MainWindow::View::Compare;
  else if (cli.value(view) == "what-if") front = st::dash::MainWindow::View::WhatIf;
  else if (cli.value(view) != "charts") die(2, "--view: '" + cli.value(view) + "' is not charts, map, compare or what-if");
  long long device_n = -1;
  if (cli.isSet(device)) {
    bool ok = false;
    device_n = cli.value(device).toLongLong(&ok);
    if (!ok || device_n < 0 || device_n >= 0xFFFFFFFFLL) die(2, "--device: '" + cli.value(device) + "' is not a device index");
  }
  double pace_x = -1;
  if (cli.isSet(pace)) {
    bool ok = false;
    pace_x = cli.value(pace).toDouble(&ok);
    if (!ok || pace_x < 0) die(2, "--pace: '" + cli.value(pace) + "' is not a number of simulated seconds per second >= 0");
    if (!cli.isSet(connect) && !cli.isSet(run)) die(2, "--pace works with --connect or --run");
  }

  st::dash::MainWindow w;
  w.resize(window);
  w.set_view(front);

  auto take_screenshot = [&] {
    w.show();
    QApplication::processEvents();
    if (cursor_s >= 0) w.set_cursor_time(cursor_s);
    if (device_n >= 0) w.show_device(static_cast<std::uint32_t>(device_n));
    w.refresh_now();
    QApplication::processEvents();
    const QImage img = w.grab().toImage();
    if (distinct_colours(img, 64) < 2) die(1, "the rendered window is blank");
    if (!img.save(cli.value(screenshot), "PNG")) die(1, "cannot write " + cli.value(screenshot));
    if (cli.isSet(export_dir)) {
      QString error;
      if (!w.export_charts(cli.value(export_dir), &error)) die(1, error);
    }
    QApplication::exit(0);
  };

  // A screenshot waits for the run and for the run to compare with.
  bool run_ready = false, baseline_ready = !cli.isSet(compare);
  auto shoot_when_ready = [&] {
    if (shot && run_ready && baseline_ready) QTimer::singleShot(50, &w, take_screenshot);
  };
  if (cli.isSet(compare)) {
    QObject::connect(&w, &st::dash::MainWindow::baseline_loaded, &w, [&](const QString& error) {
      if (!error.isEmpty()) {
        if (shot) die(2, "--compare: " + error);
        QMessageBox::warning(&w, "sidewalk-dashboard", error);
      }
      baseline_ready = true;
      shoot_when_ready();
    });
    w.open_baseline(cli.value(compare));
  }
  if (cli.isSet(replay)) {
    QObject::connect(&w, &st::dash::MainWindow::loaded, &w, [&](const QString& error) {
      if (!error.isEmpty()) {
        if (shot) die(2, error);
        QMessageBox::warning(&w, "sidewalk-dashboard", error);
        return;
      }
      if (cursor_s >= 0) w.set_cursor_time(cursor_s);
      if (device_n >= 0) w.show_device(static_cast<std::uint32_t>(device_n));
      run_ready = true;
      shoot_when_ready();
    });
    w.open_run_directory(cli.value(replay));
  } else if (cli.isSet(connect) || cli.isSet(run)) {
    if (pace_x >= 0) w.set_pace_on_connect(pace_x);
    QObject::connect(&w, &st::dash::MainWindow::live_closed, &w, [&](const QString& error) {
      if (!shot) return;
      if (!error.isEmpty() && w.run().empty()) die(2, error);  // never connected, or nothing received
      if (!error.isEmpty()) std::fprintf(stderr, "sidewalk-dashboard: %s\n", error.toLocal8Bit().constData());
      run_ready = true;
      shoot_when_ready();
    });
    QString error;
    if (cli.isSet(connect)) {
      if (!w.connect_live(cli.value(connect), &error)) die(2, error);
    } else {
      const QString scenario = cli.value(run);
      if (!QFileInfo(scenario).isFile()) die(2, scenario + ": no such scenario file");
      const QString dir = cli.isSet(out) ? cli.value(out) : QDir("runs").filePath(QFileInfo(scenario).completeBaseName());
      if (!w.launch_scenario(scenario, dir, &error)) die(2, error);
    }
  }
  if (!shot) w.show();  // a screenshot shows the window once there is something to render
  return QApplication::exec();
}
