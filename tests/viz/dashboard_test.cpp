// The dashboard window, offscreen: a replay fills the charts and the event log and exports every chart; the
// live client follows a fake telemetry server on loopback, its toolbar sends pause, resume and pace, and the
// server's control records show in it; an unreachable server is reported.
#include <gtest/gtest.h>

#include <QAbstractItemModel>
#include <QAction>
#include <QApplication>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QDir>
#include <QImage>
#include <QMouseEvent>
#include <QProcess>
#include <QRegularExpression>
#include <QComboBox>
#include <QPushButton>
#include <QTableView>
#include <QThread>
#include <boost/asio.hpp>
#include <condition_variable>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <mutex>
#include <random>
#include <thread>

#include "app/main_window.hpp"

namespace st::dash {
namespace {

namespace asio = boost::asio;
using asio::ip::tcp;
namespace fs = std::filesystem;

QApplication& app() {
  static int argc = 1;
  static char name[] = "viz_dashboard_tests";
  static char* argv[] = {name, nullptr};
  if (std::getenv("QT_QPA_PLATFORM") == nullptr) ::setenv("QT_QPA_PLATFORM", "offscreen", 1);
  static QApplication* a = new QApplication(argc, argv);
  return *a;
}

bool wait_until(const std::function<bool()>& done, int ms = 10000) {
  QElapsedTimer t;
  t.start();
  while (!done()) {
    if (t.elapsed() > ms) return false;
    QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    QThread::msleep(2);
  }
  return true;
}

std::string states_line(double t, int registered) {
  return R"({"type":"states","t":)" + std::to_string(t) +
         R"(,"created":1,"associated":2,"registered":)" + std::to_string(registered) +
         R"(,"deregistered":0,"blocked":0,"rejected":1})";
}

// A telemetry server following a script: the history, then it answers each command with a control record
// (as docs/telemetry.md says), and after a resume and a pace it sends the rest of the run, `end`, and closes.
class FakeServer {
 public:
  FakeServer() : acceptor_(io_, tcp::endpoint(asio::ip::address_v4::loopback(), 0)) {
    thread_ = std::thread([this] { serve(); });
  }
  ~FakeServer() {
    boost::system::error_code ec;
    acceptor_.close(ec);
    if (thread_.joinable()) thread_.join();
  }
  int port() const { return acceptor_.local_endpoint().port(); }
  std::vector<std::string> commands() {
    std::lock_guard lock(m_);
    return commands_;
  }

 private:
  void send(tcp::socket& s, const std::string& line) { asio::write(s, asio::buffer(line + "\n")); }
  void serve() {
    try {
      tcp::socket s(io_);
      acceptor_.accept(s);
      send(s, R"({"type":"hello","version":1,"scenario":"fake","seed":5,"duration_s":600,"sample_interval_s":60,)"
              R"("devices":4,"device_types":["t"],"timeline":[{"t":120,"action":"register","detail":"t 50%"}]})");
      for (int i = 0; i <= 3; ++i) {
        send(s, states_line(60.0 * i, i));
        send(s, R"({"type":"counters","t":)" + std::to_string(60 * i) + R"(,"uplinks_sent":)" + std::to_string(10 * i) +
                    R"(,"uplinks_delivered":)" + std::to_string(9 * i) +
                    R"(,"uplinks_rejected":1,"uplinks_rejected_by_cause":{"replay":1},"uplinks_dropped":0,"uplinks_dropped_by_cause":{}})");
      }
      send(s, R"({"type":"gap","events_skipped":7})");
      send(s, R"({"type":"handshake","smsn":"0a01","device_type":"t","link":"fsk","start_s":10,"end_s":11.2,"latency_ms":1200,"outcome":"success","reason":""})");
      send(s, R"({"type":"event","t":11.2,"event":"transition","device":0,"smsn":"0a01","device_type":"t","from":"associated","to":"registered","cause":"registered"})");
      send(s, R"({"type":"event","t":150,"event":"refusal","device":3,"smsn":"0a04","device_type":"t","actor":"application_server","what":"uplink","cause":"replay"})");
      send(s, "this line is not JSON");
      asio::streambuf in;
      bool resumed = false, paced = false;
      while (!(resumed && paced)) {
        const std::size_t n = asio::read_until(s, in, '\n');
        std::string line(asio::buffers_begin(in.data()), asio::buffers_begin(in.data()) + static_cast<std::ptrdiff_t>(n - 1));
        in.consume(n);
        {
          std::lock_guard lock(m_);
          commands_.push_back(line);
        }
        const auto j = nlohmann::json::parse(line);
        if (j["cmd"] == "pause") paused_ = true;
        if (j["cmd"] == "resume") paused_ = false, resumed = true;
        if (j["cmd"] == "pace") pace_ = j["sim_seconds_per_second"].get<double>(), paced = true;
        send(s, R"({"type":"control","paused":)" + std::string(paused_ ? "true" : "false") +
                    R"(,"sim_seconds_per_second":)" + std::to_string(pace_) + R"(,"t":180})");
      }
      send(s, states_line(240, 4));
      send(s, R"({"type":"end","t":600,"summary":{"scenario":"fake"}})");
      s.shutdown(tcp::socket::shutdown_send);
      s.close();
    } catch (const std::exception&) {
    }
  }

  asio::io_context io_;
  tcp::acceptor acceptor_;
  std::thread thread_;
  std::mutex m_;
  std::vector<std::string> commands_;
  bool paused_ = false;
  double pace_ = 0;
};

TEST(Dashboard, FollowsALiveRunAndSendsCommands) {
  app();
  FakeServer server;
  MainWindow w;
  w.resize(1200, 800);
  w.show();
  QString closed = "(not closed)";
  QObject::connect(&w, &MainWindow::live_closed, [&](const QString& e) { closed = e; });
  QString error;
  ASSERT_TRUE(w.connect_live(QString("127.0.0.1:%1").arg(server.port()), &error)) << error.toStdString();
  ASSERT_TRUE(wait_until([&] { return w.run().events.events.size() == 2; }));
  const viz::RunData& run = w.run();
  EXPECT_EQ(run.hello.scenario, "fake");
  EXPECT_EQ(run.hello.timeline.size(), 1u);
  EXPECT_EQ(run.states.size(), 4u);
  EXPECT_EQ(run.counters.size(), 4u);
  EXPECT_EQ(run.handshakes.size(), 1u);
  EXPECT_EQ(run.events_skipped, 7u);  // the gap record
  // The bad line was skipped (and reported on the status bar); the stream went on.

  auto* pause = w.findChild<QAction*>("pause");
  ASSERT_NE(pause, nullptr);
  ASSERT_TRUE(wait_until([&] { return pause->isEnabled(); }));
  pause->trigger();  // the toolbar's pause button
  ASSERT_TRUE(wait_until([&] { return w.run().control.known && w.run().control.paused; }));
  EXPECT_TRUE(pause->isChecked());
  EXPECT_EQ(pause->text(), "Resume");
  pause->trigger();
  ASSERT_TRUE(wait_until([&] { return !w.run().control.paused; }));
  auto* pace = w.findChild<QDoubleSpinBox*>("pace");
  ASSERT_NE(pace, nullptr);
  pace->setValue(120);  // sent after a short pause in typing
  ASSERT_TRUE(wait_until([&] { return closed != "(not closed)"; }));
  EXPECT_EQ(closed, "");  // the server closed after `end`
  EXPECT_TRUE(w.run().ended);
  EXPECT_EQ(w.run().states.size(), 5u);
  EXPECT_DOUBLE_EQ(w.run().control.sim_seconds_per_second, 120);
  const auto cmds = server.commands();
  ASSERT_EQ(cmds.size(), 3u);
  EXPECT_EQ(cmds[0], R"({"cmd":"pause"})");
  EXPECT_EQ(cmds[1], R"({"cmd":"resume"})");
  EXPECT_EQ(cmds[2], R"({"cmd":"pace","sim_seconds_per_second":120.0})");

  w.refresh_now();
  auto* log = w.findChild<QTableView*>("event-log");
  ASSERT_NE(log, nullptr);
  EXPECT_EQ(log->model()->rowCount(), 2);
  EXPECT_EQ(log->model()->index(0, 6).data().toString(), "replay");  // newest first
  EXPECT_TRUE(w.findChild<QLabel*>("header")->text().contains("live from 127.0.0.1"));
}

TEST(Dashboard, ReportsAnUnreachableServer) {
  app();
  int port = 0;
  {
    asio::io_context io;
    tcp::acceptor a(io, tcp::endpoint(asio::ip::address_v4::loopback(), 0));
    port = a.local_endpoint().port();
  }  // closed: nothing listens there now
  MainWindow w;
  QString closed = "(not closed)";
  QObject::connect(&w, &MainWindow::live_closed, [&](const QString& e) { closed = e; });
  QString error;
  ASSERT_TRUE(w.connect_live(QString("127.0.0.1:%1").arg(port), &error));
  ASSERT_TRUE(wait_until([&] { return closed != "(not closed)"; }));
  EXPECT_TRUE(closed.startsWith(QString("cannot connect to 127.0.0.1:%1: ").arg(port))) << closed.toStdString();
  EXPECT_FALSE(w.connect_live("localhost", &error));
  EXPECT_EQ(error, "'localhost' is not HOST:PORT");
}

class DashboardReplay : public ::testing::Test {
 protected:
  fs::path dir;
  void SetUp() override {
    app();
    std::random_device rd;
    dir = fs::temp_directory_path() / ("viz-dash-" + std::to_string(rd()));
    fs::create_directories(dir / "run");
    auto write = [&](const char* name, const std::string& text) { std::ofstream(dir / "run" / name) << text; };
    write("summary.json", R"({"scenario":"tiny","seed":3,"duration_s":180,"devices":3,"final_states_by_type":{"t":{}},)"
                          R"("uplinks":{"sent":9,"delivered":7,"rejected":2,"rejected_by_cause":{"replay":2}}})");
    write("states.csv", "time_s,created,associated,registered,deregistered,blocked,rejected\n0,0,0,0,0,0,0\n"
                        "60,1,1,0,0,0,1\n120,0,1,1,0,0,1\n180,0,1,1,0,0,1\n");
    write("handshakes.csv", "smsn,device_type,link,start_s,end_s,latency_ms,outcome,reason\n"
                            "0a01,t,fsk,61.5,62.75,1250.000,success,\n0a02,t,ble,70,71,1000.000,success,\n");
    write("events.jsonl",
          R"({"t":1,"event":"transition","device":0,"smsn":"0a01","device_type":"t","from":"none","to":"created","cause":"provisioned"})" "\n"
          R"({"t":2,"event":"transition","device":2,"smsn":"0a03","device_type":"t","from":"none","to":"rejected","cause":"bad_device_signature"})" "\n"
          R"({"t":60,"event":"notice","actor":"timeline","kind":"register","detail":"2 devices of t"})" "\n"
          R"({"t":150,"event":"refusal","device":0,"smsn":"0a01","device_type":"t","actor":"application_server","what":"uplink","cause":"replay"})" "\n");
  }
  void TearDown() override { fs::remove_all(dir); }
};

TEST_F(DashboardReplay, LoadsFiltersAndExports) {
  MainWindow w;
  w.resize(1200, 800);
  w.show();
  QString loaded = "(not loaded)";
  QObject::connect(&w, &MainWindow::loaded, [&](const QString& e) { loaded = e; });
  w.open_run_directory(QString::fromStdString((dir / "run").string()));
  ASSERT_TRUE(wait_until([&] { return loaded != "(not loaded)"; }));
  ASSERT_EQ(loaded, "");
  EXPECT_EQ(w.run().events.events.size(), 4u);
  EXPECT_TRUE(w.findChild<QLabel*>("header")->text().contains("tiny"));
  auto* log = w.findChild<QTableView*>("event-log");
  EXPECT_EQ(log->model()->rowCount(), 4);
  w.findChild<QLineEdit*>("device-filter")->setText("0");  // device index 0
  w.refresh_now();
  EXPECT_EQ(log->model()->rowCount(), 2);
  w.set_cursor_time(100);  // the log follows the cursor
  w.refresh_now();
  EXPECT_EQ(log->model()->rowCount(), 1);
  w.findChild<QLineEdit*>("device-filter")->setText("dev-0");  // neither an index nor hex
  w.refresh_now();
  EXPECT_EQ(log->model()->rowCount(), 0);

  QString error;
  const QString out = QString::fromStdString((dir / "charts").string());
  ASSERT_TRUE(w.export_charts(out, &error)) << error.toStdString();
  for (const char* name : {"state-distribution", "uplink-counters", "latency-histogram", "latency-cdf"}) {
    QFile png(out + "/" + name + ".png"), svg(out + "/" + name + ".svg");
    ASSERT_TRUE(png.open(QIODevice::ReadOnly)) << name;
    EXPECT_TRUE(png.read(8).startsWith("\x89PNG")) << name;
    ASSERT_TRUE(svg.open(QIODevice::ReadOnly)) << name;
    EXPECT_TRUE(svg.readAll().contains("<svg")) << name;
  }
}

TEST_F(DashboardReplay, TheMapDrawsEveryDeviceAndAClickTellsItsStory) {
  auto write = [&](const char* name, const std::string& text) { std::ofstream(dir / "run" / name) << text; };
  write("gateways.csv", "gateway,group,x_m,y_m,links,devices_served,frames_received,frames_lost,reach_ble_m,reach_fsk_m,reach_css_m\n"
                        "0,city,0.0,0.0,ble+fsk,2,40,1,100.0,4000.0,\n1,city,800.0,600.0,fsk,1,5,0,,4000.0,\n");
  write("devices.csv", "device,smsn,type,x_m,y_m,home_ble,home_fsk,home_css,uplinks_sent,uplinks_delivered,uplinks_rejected,"
                       "uplinks_dropped,frames_up,frames_down,frames_received,charge_mah,battery_used_pct\n"
                       "0,0a01,t,50.0,20.0,0,0,,7,6,1,0,9,3,12,0.2,0.1\n1,,t,400.0,300.0,,1,,0,0,0,0,0,0,0,0,\n"
                       "2,0a03,t,780.0,590.0,,1,,0,0,0,0,0,0,0,0,\n");
  MainWindow w;
  w.resize(1400, 900);
  w.show();
  QString loaded = "(not loaded)";
  QObject::connect(&w, &MainWindow::loaded, [&](const QString& e) { loaded = e; });
  w.open_run_directory(QString::fromStdString((dir / "run").string()));
  ASSERT_TRUE(wait_until([&] { return loaded != "(not loaded)"; }));
  ASSERT_EQ(loaded, "");
  w.set_view(MainWindow::View::Map);
  w.refresh_now();
  QCoreApplication::processEvents();
  auto* map = w.findChild<MapView*>("map");
  ASSERT_NE(map, nullptr);
  map->repaint();
  EXPECT_EQ(map->devices_drawn(), 3u);
  // A click on device 2 picks it: its story beside the map.
  const QPointF p = map->screen_point_of(2);
  EXPECT_EQ(map->device_at(p), 2u);
  QMouseEvent press(QEvent::MouseButtonPress, p, map->mapToGlobal(p), Qt::LeftButton, Qt::LeftButton, Qt::NoModifier);
  QMouseEvent release(QEvent::MouseButtonRelease, p, map->mapToGlobal(p), Qt::LeftButton, Qt::NoButton, Qt::NoModifier);
  QApplication::sendEvent(map, &press);
  QApplication::sendEvent(map, &release);
  auto* story = w.findChild<DeviceStoryPanel*>("device-story");
  ASSERT_NE(story, nullptr);
  EXPECT_EQ(story->device(), 2u);
  EXPECT_EQ(map->selected(), 2u);
  w.show_device(0);
  EXPECT_EQ(story->device(), 0u);
  EXPECT_TRUE(story->findChild<QLabel*>()->text().contains("7 sent: 6 delivered"));
  // Far from every device: nothing picked.
  EXPECT_EQ(map->device_at(QPointF(-500, -500)), viz::kNoIndex);
}

TEST_F(DashboardReplay, WhatIfBuildsTheActionCommandAndWaitsForALiveRun) {
  MainWindow w;
  QString loaded = "(not loaded)";
  QObject::connect(&w, &MainWindow::loaded, [&](const QString& e) { loaded = e; });
  w.open_run_directory(QString::fromStdString((dir / "run").string()));
  ASSERT_TRUE(wait_until([&] { return loaded != "(not loaded)"; }));
  w.refresh_now();
  auto* what_if = w.findChild<WhatIfPanel*>("what-if");
  ASSERT_NE(what_if, nullptr);
  what_if->set_action("deregister", "t", 0.2);
  EXPECT_EQ(what_if->command(), R"({"cmd":"action","action":{"action":"deregister","device_type":"t","fraction":0.2}})" "\n");
  what_if->set_action("revoke_device_type", "t");
  EXPECT_EQ(what_if->command(), R"({"cmd":"action","action":{"action":"revoke_device_type","device_type":"t"}})" "\n");
  what_if->set_action("outage");
  EXPECT_EQ(what_if->command(), R"({"cmd":"action","action":{"action":"outage","target":"gateways","for":"5min"}})" "\n");
  what_if->set_device(2);  // from a device's story: revoke that one device
  EXPECT_EQ(what_if->command(), R"({"cmd":"action","action":{"action":"revoke_device","device":2}})" "\n");
  EXPECT_FALSE(what_if->findChild<QPushButton*>("what-if-apply")->isEnabled());  // a replay takes no actions
}

TEST_F(DashboardReplay, ComparesWithABaselineRun) {
  fs::create_directories(dir / "base");
  for (const char* f : {"states.csv", "handshakes.csv", "events.jsonl"}) fs::copy_file(dir / "run" / f, dir / "base" / f);
  std::ofstream(dir / "base" / "summary.json")
      << R"({"scenario":"tiny","seed":4,"duration_s":180,"devices":3,"final_states_by_type":{"t":{}},)"
         R"("uplinks":{"sent":9,"delivered":9,"rejected":0,"rejected_by_cause":{}}})";
  MainWindow w;
  w.resize(1400, 900);
  QString loaded = "(not loaded)", base_loaded = "(not loaded)";
  QObject::connect(&w, &MainWindow::loaded, [&](const QString& e) { loaded = e; });
  QObject::connect(&w, &MainWindow::baseline_loaded, [&](const QString& e) { base_loaded = e; });
  w.open_run_directory(QString::fromStdString((dir / "run").string()));
  w.open_baseline(QString::fromStdString((dir / "base").string()));
  ASSERT_TRUE(wait_until([&] { return loaded != "(not loaded)" && base_loaded != "(not loaded)"; }));
  ASSERT_EQ(loaded, "");
  ASSERT_EQ(base_loaded, "");
  w.set_view(MainWindow::View::Compare);
  w.refresh_now();
  auto* compare = w.findChild<ComparePanel*>("compare");
  ASSERT_NE(compare, nullptr);
  EXPECT_GE(compare->rows(), 5);  // devices, uplinks sent/delivered/ratio/rejected at least
  // A baseline that does not read is reported, and the comparison stays as it was.
  base_loaded = "(not loaded)";
  w.open_baseline(QString::fromStdString((dir / "nowhere").string()));
  ASSERT_TRUE(wait_until([&] { return base_loaded != "(not loaded)"; }));
  EXPECT_EQ(base_loaded.toStdString(), (dir / "nowhere").string() + ": no such directory");
  w.refresh_now();
  EXPECT_GE(compare->rows(), 5);
}

// The What-if panel against the real twin: sidewalk-twin --serve (paced) in a child process; the panel's Apply sends
// a de-registration and an outage, the server answers them (a refused one too), the notices come back live, the
// map has the run's placement, and the run's stimuli.jsonl records the two actions.
TEST(DashboardLive, WhatIfActionsReachTheRunAndAreRecorded) {
  app();
  const QString twin = ST_TWIN, scenario = ST_LIVE_SCENARIO;  // set by tests/viz/CMakeLists.txt
  std::random_device rd;
  const fs::path out = fs::temp_directory_path() / ("viz-what-if-" + std::to_string(rd()));
  QProcess child;
  child.setProcessChannelMode(QProcess::SeparateChannels);
  // Paced from the start: two simulated minutes a second, the half hour in about 15 s.
  child.start(twin, {"run", scenario, "--out", QString::fromStdString(out.string()), "--serve", "0", "--serve-wait",
                     "--pace", "120", "-q"});
  ASSERT_TRUE(child.waitForStarted(10000));
  QString err;
  int port = 0;
  ASSERT_TRUE(wait_until([&] {
    err += QString::fromLocal8Bit(child.readAllStandardError());
    const auto m = QRegularExpression("serving telemetry on 127\\.0\\.0\\.1:(\\d+)").match(err);
    if (m.hasMatch()) port = m.captured(1).toInt();
    return port > 0 || child.state() == QProcess::NotRunning;
  }, 30000));
  ASSERT_GT(port, 0) << err.toStdString();
  {
    MainWindow w;
    w.resize(1400, 900);
    QString error, closed = "(open)";
    QObject::connect(&w, &MainWindow::live_closed, [&](const QString& e) { closed = e; });
    ASSERT_TRUE(w.connect_live(QString("127.0.0.1:%1").arg(port), &error)) << error.toStdString();
    ASSERT_TRUE(wait_until([&] { return w.run().latest_time() >= 60; }, 30000));
    auto* what_if = w.findChild<WhatIfPanel*>("what-if");
    auto* apply = what_if->findChild<QPushButton*>("what-if-apply");
    w.refresh_now();
    ASSERT_TRUE(apply->isEnabled());
    what_if->set_action("deregister", "sensor", 0.5);
    apply->click();
    what_if->set_action("outage");
    what_if->findChild<QComboBox*>("what-if-target")->setCurrentText("gateways");
    what_if->findChild<QLineEdit*>("what-if-for")->setText("3min");
    apply->click();
    what_if->findChild<QLineEdit*>("what-if-for")->setText("5 parsecs");  // refused by the scenario reader
    apply->click();
    what_if->set_device(11);  // one sensor, from its story
    apply->click();
    ASSERT_TRUE(wait_until([&] { return w.run().replies.size() >= 4; }, 30000));
    EXPECT_TRUE(w.run().replies[0].ok) << w.run().replies[0].error;
    EXPECT_TRUE(w.run().replies[1].ok) << w.run().replies[1].error;
    EXPECT_FALSE(w.run().replies[2].ok);
    EXPECT_TRUE(w.run().replies[2].error.rfind("action.for: ", 0) == 0) << w.run().replies[2].error;
    EXPECT_TRUE(w.run().replies[3].ok) << w.run().replies[3].error;
    EXPECT_EQ(w.run().map.gateways.size(), 6u);  // the placement came before the first event
    EXPECT_EQ(w.run().map.device_count(), 16u);
    ASSERT_TRUE(wait_until([&] { return closed != "(open)"; }, 60000));
    EXPECT_EQ(closed, "");
    // The what-if view with its answers, for a look (docs/dashboard-what-if.png is made so).
    w.set_view(MainWindow::View::WhatIf);
    w.show();
    w.refresh_now();
    QCoreApplication::processEvents();
    const QImage shot = w.grab().toImage();
    ASSERT_TRUE(QDir().mkpath(ST_SHOT_DIR));
    EXPECT_TRUE(shot.save(QString(ST_SHOT_DIR) + "/what-if.png", "PNG"));
    // The notices came back live: the de-registration as a timeline action, the outage naming its gateways.
    bool deregister = false, outage = false, one = false;
    for (const viz::Event& e : w.run().events.events) {
      if (e.kind != viz::EventKind::Notice) continue;
      const std::string_view kind = w.run().events.causes.name(e.cause), detail = w.run().events.detail(e);
      deregister = deregister || (kind == "deregister" && detail.find("of sensor") != std::string_view::npos);
      outage = outage || (kind == "outage_start" && detail.find(" s: ") != std::string_view::npos);
      one = one || (kind == "revoke_device" && detail.find("(device 11)") != std::string_view::npos);
    }
    EXPECT_TRUE(deregister);
    EXPECT_TRUE(outage);
    EXPECT_TRUE(one);
  }
  // (waitForFinished() is false for a child that has already finished while the events were processed.)
  const bool finished = child.state() == QProcess::NotRunning || child.waitForFinished(30000);
  err += QString::fromLocal8Bit(child.readAllStandardError());
  if (!finished) child.kill();
  ASSERT_TRUE(finished) << err.toStdString();
  EXPECT_EQ(child.exitCode(), 0) << err.toStdString();
  std::ifstream stimuli(out / "stimuli.jsonl");
  std::string line;
  int actions = 0;
  while (std::getline(stimuli, line)) actions += line.find(R"("operation":"TimelineAction")") != std::string::npos;
  EXPECT_EQ(actions, 3);  // the refused one changed nothing and is not recorded
  fs::remove_all(out);
}

TEST_F(DashboardReplay, ReportsABadRunDirectory) {
  fs::remove(dir / "run" / "states.csv");
  MainWindow w;
  QString loaded = "(not loaded)";
  QObject::connect(&w, &MainWindow::loaded, [&](const QString& e) { loaded = e; });
  w.open_run_directory(QString::fromStdString((dir / "run").string()));
  ASSERT_TRUE(wait_until([&] { return loaded != "(not loaded)"; }));
  EXPECT_EQ(loaded.toStdString(), (dir / "run" / "states.csv").string() + ": missing (not a complete run directory?)");
}

}  // namespace
}  // namespace st::dash
