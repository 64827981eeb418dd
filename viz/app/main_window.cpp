#include "app/main_window.hpp"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSlider>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>
#include <cmath>

#include "model/device_story.hpp"

namespace st::dash {

namespace {
constexpr int kSliderSteps = 10000;
}  // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent), session_(new RunSession(this)) {
  setWindowTitle("sidewalk-dashboard");
  build_ui();
  build_menus();
  connect_session();
  redraw_timer_ = new QTimer(this);
  redraw_timer_->setInterval(100);  // at most ten redraws a second
  connect(redraw_timer_, &QTimer::timeout, this, [this] {
    if (dirty_ != 0) refresh();
  });
  redraw_timer_->start();
  pace_timer_ = new QTimer(this);
  pace_timer_->setSingleShot(true);
  pace_timer_->setInterval(300);
  connect(pace_timer_, &QTimer::timeout, this, [this] { session_->send(viz::pace_command(pace_box_->value())); });
  update_live_controls();
  update_header();
}

MainWindow::~MainWindow() {
  log_->forget();
  delete session_;  // stops the replay reader, the live client and a launched sidewalk-twin first
  session_ = nullptr;
}

void MainWindow::connect_session() {
  connect(session_, &RunSession::run_replaced, this, [this] { on_run_replaced(); });
  connect(session_, &RunSession::updated, this, [this] { on_updated(); });
  connect(session_, &RunSession::message, this,
          [this](const QString& text, int timeout_ms) { statusBar()->showMessage(text, timeout_ms); });
  connect(session_, &RunSession::connected_to, this, [this](const QString& peer) {
    statusBar()->showMessage(tr("connected to %1").arg(peer), 5000);
    if (session_->pace_on_connect() >= 0) {
      pace_box_->blockSignals(true);
      pace_box_->setValue(session_->pace_on_connect());
      pace_box_->blockSignals(false);
    }
    update_live_controls();
    update_header();
  });
  connect(session_, &RunSession::disconnected, this, [this](const QString& error) {
    statusBar()->showMessage(error.isEmpty() ? tr("the run ended; the server closed the connection") : error);
    update_live_controls();
    update_header();
    mark(kData | kCursor | kLog);
    refresh();
  });
  connect(session_, &RunSession::loaded, this, [this](const QString& error) { Q_EMIT loaded(error); });
  connect(session_, &RunSession::live_closed, this, [this](const QString& error) { Q_EMIT live_closed(error); });
  connect(session_, &RunSession::baseline_loaded, this, [this](const QString& error) {
    on_baseline_changed();
    Q_EMIT baseline_loaded(error);
  });
}

void MainWindow::build_ui() {
  auto* central = new QWidget(this);
  auto* outer = new QVBoxLayout(central);
  outer->setContentsMargins(6, 4, 6, 4);
  outer->setSpacing(4);

  header_ = new QLabel(central);
  header_->setObjectName("header");
  header_->setTextFormat(Qt::RichText);
  header_->setStyleSheet("QLabel { font-size: 11pt; padding: 2px 4px; }");
  outer->addWidget(header_);

  states_ = std::make_unique<StateChart>(central);
  latency_ = std::make_unique<LatencyCharts>(central);
  counters_ = std::make_unique<CountersChart>(central);

  // The views (charts, map) beside the side panels (a device's story, what-if), over the event log.
  auto* rows = new QSplitter(Qt::Vertical, central);
  auto* upper = new QSplitter(Qt::Horizontal, rows);
  views_ = new QTabWidget(upper);
  views_->setObjectName("views");
  auto* charts = new QSplitter(Qt::Vertical, views_);
  auto* top = new QSplitter(Qt::Horizontal, charts);
  top->addWidget(states_->view());
  top->addWidget(counters_->view());
  top->setStretchFactor(0, 3);
  top->setStretchFactor(1, 2);
  top->setSizes({930, 620});
  auto* middle = new QSplitter(Qt::Horizontal, charts);
  middle->addWidget(latency_->histogram_view());
  middle->addWidget(latency_->cdf_view());
  charts->addWidget(top);
  charts->addWidget(middle);
  charts->setStretchFactor(0, 4);
  charts->setStretchFactor(1, 3);
  views_->addTab(charts, tr("Charts"));
  auto* map_tab = new QWidget(views_);
  auto* map_layout = new QVBoxLayout(map_tab);
  map_layout->setContentsMargins(0, 2, 0, 0);
  map_layout->setSpacing(2);
  auto* map_bar = new QHBoxLayout;
  map_bar->addWidget(new QLabel(tr("reach of each gateway:"), map_tab));
  auto* reach = new QComboBox(map_tab);
  reach->setObjectName("map-reach");
  reach->addItem(tr("auto"), MapView::kReachAuto);
  reach->setItemData(0, tr("Every link up to %1 gateways, none beyond").arg(MapView::kReachAutoGateways), Qt::ToolTipRole);
  reach->addItem(tr("every link"), 0b111);
  reach->addItem("BLE", 0b001);
  reach->addItem("FSK", 0b010);
  reach->addItem("CSS", 0b100);
  reach->addItem(tr("none"), 0);
  map_bar->addWidget(reach);
  auto* fit = new QPushButton(tr("Fit"), map_tab);
  fit->setToolTip(tr("The whole map in view (or double click it)"));
  map_bar->addWidget(fit);
  map_status_ = new QLabel(map_tab);
  map_bar->addWidget(map_status_, 1);
  map_layout->addLayout(map_bar);
  map_ = new MapView(map_tab);
  map_layout->addWidget(map_, 1);
  views_->addTab(map_tab, tr("Map"));
  compare_ = new ComparePanel(views_);
  views_->addTab(compare_, tr("Compare"));
  connect(reach, &QComboBox::currentIndexChanged, this,
          [this, reach](int) { map_->set_reach_links(reach->currentData().toUInt()); });
  connect(fit, &QPushButton::clicked, map_, &MapView::fit);
  connect(views_, &QTabWidget::currentChanged, this, [this] { mark(kCursor); });

  side_ = new QTabWidget(upper);
  side_->setObjectName("side");
  story_ = new DeviceStoryPanel(side_);
  what_if_ = new WhatIfPanel(side_);
  side_->addTab(story_, tr("Device"));
  side_->addTab(what_if_, tr("What-if"));
  upper->addWidget(views_);
  upper->addWidget(side_);
  upper->setStretchFactor(0, 4);
  upper->setStretchFactor(1, 1);
  upper->setSizes({1180, 400});
  connect(map_, &MapView::device_clicked, this, [this](std::uint32_t d) { show_device(d); });
  connect(story_, &DeviceStoryPanel::act_on, this, [this](std::uint32_t d) {
    what_if_->set_device(d);
    side_->setCurrentWidget(what_if_);
  });
  connect(what_if_, &WhatIfPanel::send, this, [this](const std::string& line) { session_->send(line); });

  log_ = new EventLogPanel(rows);
  connect(log_, &EventLogPanel::filters_changed, this, [this] { mark(kLog); });
  connect(log_, &EventLogPanel::device_activated, this, [this](std::uint32_t d) { show_device(d); });
  rows->addWidget(upper);
  rows->addWidget(log_);
  rows->setStretchFactor(0, 70);
  rows->setStretchFactor(1, 24);
  rows->setSizes({700, 240});
  outer->addWidget(rows, 1);

  // The time cursor.
  auto* cursor_bar = new QHBoxLayout;
  cursor_bar->addWidget(new QLabel(tr("<b>Time cursor</b>"), central));
  slider_ = new QSlider(Qt::Horizontal, central);
  slider_->setObjectName("time-cursor");
  slider_->setRange(0, kSliderSteps);
  slider_->setValue(kSliderSteps);
  slider_->setToolTip(tr("Scrub through the run: the charts mark the cursor; counters, latencies and the event "
                         "log show what happened up to it"));
  cursor_bar->addWidget(slider_, 1);
  cursor_label_ = new QLabel(central);
  cursor_label_->setMinimumWidth(190);
  cursor_bar->addWidget(cursor_label_);
  follow_box_ = new QCheckBox(tr("follow live"), central);
  follow_box_->setChecked(true);
  follow_box_->setToolTip(tr("Keep the cursor at the latest simulated time of a live run"));
  cursor_bar->addWidget(follow_box_);
  outer->addLayout(cursor_bar);
  connect(slider_, &QSlider::valueChanged, this, [this](int pos) {
    cursor_ = slider_to_time(pos);
    follow_ = pos == kSliderSteps && (!session_->live() || run().ended);
    if (session_->live() && follow_box_->isChecked() && pos != kSliderSteps) follow_box_->setChecked(false);
    mark(kCursor | kLog);
  });
  connect(follow_box_, &QCheckBox::toggled, this, [this](bool on) {
    follow_ = on;
    mark(kCursor | kLog);
  });

  setCentralWidget(central);
  resize(1600, 1000);
}

void MainWindow::build_menus() {
  QMenu* file = menuBar()->addMenu(tr("&File"));
  QAction* open = file->addAction(tr("&Open run directory…"), this, [this] { choose_directory(); });
  open->setShortcut(QKeySequence::Open);
  QAction* conn = file->addAction(tr("&Connect to a running simulation…"), this, [this] { choose_connection(); });
  QAction* launch = file->addAction(tr("&Run a scenario…"), this, [this] { choose_scenario(); });
  file->addSeparator();
  file->addAction(tr("&Compare with a run directory…"), this, [this] { choose_baseline(); });
  file->addAction(tr("Stop comparing"), this, [this] { session_->close_baseline(); });
  launch->setToolTip(tr("Run a scenario with sidewalk-twin and follow it live"));
  file->addSeparator();
  file->addAction(tr("&Quit"), QKeySequence::Quit, this, [this] { close(); });

  QMenu* exp = menuBar()->addMenu(tr("&Export"));
  for (ChartView* v : {states_->view(), counters_->view(), latency_->histogram_view(), latency_->cdf_view()}) {
    exp->addAction(tr("%1 as PNG…").arg(v->name()), this, [this, v] { export_chart(v, false); });
    exp->addAction(tr("%1 as SVG…").arg(v->name()), this, [this, v] { export_chart(v, true); });
  }
  exp->addSeparator();
  exp->addAction(tr("Whole window as PNG…"), this, [this] { export_window(); });

  QToolBar* tb = addToolBar(tr("Run"));
  tb->setMovable(false);
  tb->addAction(open);
  tb->addAction(conn);
  tb->addAction(launch);
  tb->addSeparator();
  pause_action_ = tb->addAction(tr("Pause"));
  pause_action_->setObjectName("pause");
  pause_action_->setCheckable(true);
  pause_action_->setToolTip(tr("Pause or resume the live simulation"));
  connect(pause_action_, &QAction::triggered, this, [this](bool paused) {
    session_->send(paused ? viz::pause_command() : viz::resume_command());
    pause_action_->setText(paused ? tr("Resume") : tr("Pause"));
  });
  tb->addWidget(new QLabel(tr("  pace: "), this));
  pace_box_ = new QDoubleSpinBox(this);
  pace_box_->setObjectName("pace");
  pace_box_->setRange(0, 1e7);
  pace_box_->setDecimals(1);
  pace_box_->setValue(0);
  pace_box_->setSuffix(tr(" sim s / wall s"));
  pace_box_->setSpecialValueText(tr("full speed"));
  pace_box_->setToolTip(tr("Real-time pacing of the live simulation: at most this many simulated seconds per "
                           "wall-clock second (0 = as fast as possible)"));
  pace_box_->setMinimumWidth(170);
  connect(pace_box_, &QDoubleSpinBox::valueChanged, this, [this](double) { pace_timer_->start(); });
  tb->addWidget(pace_box_);
}

void MainWindow::update_live_controls() {
  pause_action_->setEnabled(session_->connected());
  pace_box_->setEnabled(session_->connected());
  follow_box_->setEnabled(session_->live());
}

void MainWindow::update_header() {
  const viz::RunData& r = run();
  const QString& source = session_->source();
  QString text;
  if (r.empty() && source.isEmpty()) {
    text = tr("No run open: File > Open a run directory, or connect to a running simulation");
  } else {
    const viz::TimeUnit unit = viz::time_unit_for(r.duration());
    text = QString("<b>%1</b> &nbsp;·&nbsp; seed %2 &nbsp;·&nbsp; %3 devices &nbsp;·&nbsp; %4 simulated")
               .arg(QString::fromStdString(r.hello.scenario).toHtmlEscaped(), QString::number(r.hello.seed),
                    format_count(r.hello.devices), format_time(r.duration(), unit));
    if (session_->live()) {
      QString state = session_->connected() ? (r.control.paused ? tr("paused") : tr("running"))
                                      : (r.ended ? tr("run ended") : tr("disconnected"));
      text += QString(" &nbsp;·&nbsp; live from %1 (%2, t = %3)")
                  .arg(source.toHtmlEscaped(), state, format_time(r.latest_time(), unit));
      if (r.events_skipped > 0) text += tr(" &nbsp;·&nbsp; %1 events skipped").arg(format_count(r.events_skipped));
    } else {
      text += QString(" &nbsp;·&nbsp; replay of %1").arg(source.toHtmlEscaped());
    }
  }
  header_->setText(text);
  setWindowTitle(r.hello.scenario.empty() ? QString("sidewalk-dashboard")
                                          : QString("sidewalk-dashboard: %1").arg(QString::fromStdString(r.hello.scenario)));
}

double MainWindow::slider_to_time(int pos) const {
  return run().duration() * static_cast<double>(pos) / kSliderSteps;
}

int MainWindow::time_to_slider(double t) const {
  const double d = run().duration();
  if (!(d > 0)) return kSliderSteps;
  return static_cast<int>(std::lround(std::clamp(t / d, 0.0, 1.0) * kSliderSteps));
}

void MainWindow::mark(unsigned what) { dirty_ |= what; }

void MainWindow::set_cursor_time(double t) {
  follow_ = false;
  follow_box_->setChecked(false);
  cursor_ = t;
  slider_->blockSignals(true);
  slider_->setValue(time_to_slider(t));
  slider_->blockSignals(false);
  mark(kCursor | kLog);
}

void MainWindow::refresh_now() {
  dirty_ |= kData | kCursor | kLog;
  refresh();
}

void MainWindow::refresh() {
  const unsigned what = dirty_;
  dirty_ = 0;
  const viz::RunData& r = run();
  if (follow_) cursor_ = session_->live() && !r.ended ? r.latest_time() : r.duration();
  slider_->blockSignals(true);
  slider_->setValue(time_to_slider(cursor_));
  slider_->blockSignals(false);
  const viz::TimeUnit unit = viz::time_unit_for(r.duration());
  cursor_label_->setText(QString("t = %1  (%2 s)").arg(format_time(cursor_, unit), QString::number(cursor_, 'f', 1)));
  if (what & kData) states_->update_data(r);
  states_->update_cursor(r, cursor_);
  latency_->update(r, cursor_);
  counters_->update(r, cursor_);
  if (what & (kData | kCursor | kLog)) log_->refresh(session_->run().get(), cursor_);
  if (views_->currentWidget() == map_->parentWidget() && (what & (kData | kCursor))) {
    map_->show_run(session_->run().get(), cursor_, (what & kData) != 0);
    map_status_->setText(r.map.empty() ? QString()
                                       : tr("%1 devices, %2 gateways at t = %3")
                                             .arg(format_count(r.map.device_count()), format_count(r.map.gateways.size()),
                                                  format_time(cursor_, unit)));
  }
  if (story_->device() != viz::kNoIndex && (what & (kData | kCursor)))
    story_->show_story(viz::story_of(r, story_->device(), cursor_), cursor_, r.duration());
  if (what & kData) what_if_->update_run(r, session_->connected());
  if (what & kData) compare_->update(r, session_->baseline().get(), session_->source(), session_->baseline_source());
  if (what & kData) update_header();
}

void MainWindow::on_baseline_changed() {
  const viz::RunData* base = session_->baseline().get();
  const QString label = QFileInfo(session_->baseline_source()).fileName();
  states_->set_baseline(base, label);  // first: the chart must not keep the old baseline a moment longer
  states_->update_data(run());
  latency_->set_baseline(base, label);
  mark(kData | kCursor);
}

void MainWindow::choose_baseline() {
  const QString dir = QFileDialog::getExistingDirectory(this, tr("Compare with a run directory"), QDir::currentPath());
  if (!dir.isEmpty()) open_baseline(dir);
}

void MainWindow::show_device(std::uint32_t device) {
  const viz::RunData& r = run();
  map_->set_selected(device);
  story_->show_story(viz::story_of(r, device, cursor_), cursor_, r.duration());
  side_->setCurrentWidget(story_);
}

void MainWindow::set_view(View v) {
  views_->setCurrentIndex(v == View::Map ? 1 : v == View::Compare ? 2 : 0);
  if (v == View::WhatIf) side_->setCurrentWidget(what_if_);
  mark(kData | kCursor);
}

void MainWindow::on_run_replaced() {
  log_->forget();
  story_->clear();
  map_->set_selected(viz::kNoIndex);
  latency_->invalidate();
  follow_ = true;
  follow_box_->setChecked(true);
  update_live_controls();
  refresh_now();
}

void MainWindow::on_updated() {
  const viz::RunData& r = run();
  if (r.control.known) {
    pause_action_->blockSignals(true);
    pause_action_->setChecked(r.control.paused);
    pause_action_->setText(r.control.paused ? tr("Resume") : tr("Pause"));
    pause_action_->blockSignals(false);
    if (!pace_box_->hasFocus() && !pace_timer_->isActive()) {
      pace_box_->blockSignals(true);
      pace_box_->setValue(r.control.sim_seconds_per_second);
      pace_box_->blockSignals(false);
    }
  }
  if (follow_box_->isChecked()) follow_ = true;
  mark(kData | kCursor | kLog);
}

void MainWindow::choose_directory() {
  const QString dir = QFileDialog::getExistingDirectory(this, tr("Open a run directory"), QDir::currentPath());
  if (!dir.isEmpty()) open_run_directory(dir);
}

void MainWindow::choose_connection() {
  bool ok = false;
  const QString hp = QInputDialog::getText(this, tr("Connect"), tr("Telemetry server (sidewalk-twin run … --serve PORT):"),
                                           QLineEdit::Normal, "127.0.0.1:", &ok);
  if (!ok || hp.isEmpty()) return;
  QString error;
  if (!connect_live(hp, &error)) QMessageBox::warning(this, tr("Connect"), error);
}

void MainWindow::choose_scenario() {
  const QString file = QFileDialog::getOpenFileName(this, tr("Run a scenario"), QDir::currentPath(),
                                                    tr("Scenarios (*.yaml *.yml)"));
  if (file.isEmpty()) return;
  const QString out = QFileDialog::getExistingDirectory(this, tr("Where to write the run directory (a folder named "
                                                               "after the scenario is made in it)"),
                                                        QDir::current().filePath("runs"));
  if (out.isEmpty()) return;
  QString error;
  if (!launch_scenario(file, QDir(out).filePath(QFileInfo(file).completeBaseName()), &error))
    QMessageBox::warning(this, tr("Run a scenario"), error);
}

void MainWindow::export_chart(ChartView* view, bool svg) {
  const QString file = QFileDialog::getSaveFileName(this, tr("Export %1").arg(view->name()),
                                                    view->name() + (svg ? ".svg" : ".png"),
                                                    svg ? tr("SVG image (*.svg)") : tr("PNG image (*.png)"));
  if (file.isEmpty()) return;
  QString error;
  if (!(svg ? view->export_svg(file, &error) : view->export_png(file, &error)))
    QMessageBox::warning(this, tr("Export"), error);
}

void MainWindow::export_window() {
  const QString file = QFileDialog::getSaveFileName(this, tr("Export the window"), "dashboard.png", tr("PNG image (*.png)"));
  if (file.isEmpty()) return;
  if (!grab().save(file, "PNG")) QMessageBox::warning(this, tr("Export"), tr("cannot write %1").arg(file));
}

bool MainWindow::export_charts(const QString& dir, QString* error) {
  if (!QDir().mkpath(dir)) {
    if (error != nullptr) *error = tr("cannot create %1").arg(dir);
    return false;
  }
  for (ChartView* v : {states_->view(), counters_->view(), latency_->histogram_view(), latency_->cdf_view()}) {
    const QString base = QDir(dir).filePath(v->name());
    if (!v->export_png(base + ".png", error) || !v->export_svg(base + ".svg", error)) return false;
  }
  return true;
}

}  // namespace st::dash
