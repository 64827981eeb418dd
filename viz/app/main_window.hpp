// MainWindow: the dashboard's view of one run: the charts, the counters and the event log, redrawn from aggregates
// at most ten times a second, following the time cursor, and the controls of a live run. Where the run comes from
// (a replay, a live connection, a launched sidewalk-twin) is its RunSession's business.
#pragma once
#include <QImage>
#include <QMainWindow>
#include <QString>
#include <memory>

#include "app/charts.hpp"
#include "app/compare_panel.hpp"
#include "app/device_story_panel.hpp"
#include "app/event_log_panel.hpp"
#include "app/map_view.hpp"
#include "app/what_if_panel.hpp"
#include "app/run_session.hpp"
#include "model/run_data.hpp"

class QAction;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSlider;
class QTabWidget;
class QTimer;

namespace st::dash {

class MainWindow : public QMainWindow {
  Q_OBJECT
 public:
  explicit MainWindow(QWidget* parent = nullptr);
  ~MainWindow() override;

  // Where the run comes from (RunSession): a replay, a live connection, a launched scenario.
  void open_run_directory(const QString& dir) { session_->open_run_directory(dir); }
  bool connect_live(const QString& host_port, QString* error) { return session_->connect_live(host_port, error); }
  bool launch_scenario(const QString& scenario, const QString& out_dir, QString* error) {
    return session_->launch_scenario(scenario, out_dir, error);
  }
  // A second run directory to compare with (baseline_loaded() says when it is read).
  void open_baseline(const QString& dir) { session_->open_baseline(dir); }
  // Sent to the server once connected (--pace).
  void set_pace_on_connect(double sim_seconds_per_second) { session_->set_pace_on_connect(sim_seconds_per_second); }
  // Moves the time cursor (seconds of simulated time); stops following a live run.
  void set_cursor_time(double t);
  // Redraws now (the throttled redraw would do it within 100 ms).
  void refresh_now();
  // Which view is in front: the charts, the map, or the charts with the what-if panel beside.
  enum class View { Charts, Map, Compare, WhatIf };
  void set_view(View v);
  // Picks a device: its story beside the views, marked on the map.
  void show_device(std::uint32_t device);
  // Writes every chart as NAME.png and NAME.svg into dir.
  bool export_charts(const QString& dir, QString* error);
  const viz::RunData& run() const { return *session_->run(); }

 Q_SIGNALS:
  void loaded(QString error);       // a replay is loaded (error empty) or failed
  void live_closed(QString error);  // the live connection ended (error empty after the run's end)
  void baseline_loaded(QString error);  // the run to compare with is read (error empty) or failed

 private:
  enum Dirty : unsigned { kData = 1, kCursor = 2, kLog = 4 };
  void build_ui();
  void build_menus();
  void connect_session();
  void on_run_replaced();
  void on_updated();
  void mark(unsigned what);
  void refresh();
  void update_header();
  void update_live_controls();
  void choose_directory();
  void choose_connection();
  void choose_scenario();
  void export_chart(ChartView* view, bool svg);
  void export_window();
  double slider_to_time(int pos) const;
  int time_to_slider(double t) const;

  RunSession* session_ = nullptr;
  double cursor_ = 0;
  bool follow_ = true;
  unsigned dirty_ = kData | kCursor | kLog;

  std::unique_ptr<StateChart> states_;
  std::unique_ptr<LatencyCharts> latency_;
  std::unique_ptr<CountersChart> counters_;
  EventLogPanel* log_ = nullptr;
  QTabWidget* views_ = nullptr;
  MapView* map_ = nullptr;
  QLabel* map_status_ = nullptr;
  QTabWidget* side_ = nullptr;
  DeviceStoryPanel* story_ = nullptr;
  WhatIfPanel* what_if_ = nullptr;
  ComparePanel* compare_ = nullptr;
  void on_baseline_changed();
  void choose_baseline();
  QLabel* header_ = nullptr;
  QSlider* slider_ = nullptr;
  QLabel* cursor_label_ = nullptr;
  QCheckBox* follow_box_ = nullptr;
  QAction* pause_action_ = nullptr;
  QDoubleSpinBox* pace_box_ = nullptr;
  QTimer* redraw_timer_ = nullptr;
  QTimer* pace_timer_ = nullptr;
};

}  // namespace st::dash
