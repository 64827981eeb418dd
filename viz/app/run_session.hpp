// RunSession: where the dashboard's run comes from and how it is steered. A run directory read in a worker thread
// (replay), a telemetry connection followed live, or a sidewalk-twin started as a child process and followed live;
// and the pause, resume and pace commands sent to a live run. It owns the RunData the records go into; the window
// (MainWindow) only shows it.
#pragma once
#include <QObject>
#include <QString>
#include <atomic>
#include <functional>
#include <memory>
#include <string>

#include "app/live_client.hpp"
#include "model/run_data.hpp"

class QProcess;
class QThread;

namespace st::dash {

class RunSession : public QObject {
  Q_OBJECT
 public:
  explicit RunSession(QObject* parent = nullptr);
  ~RunSession() override;

  // Replay: reads the run directory in a worker thread; loaded() says when it is done.
  void open_run_directory(const QString& dir);
  // A second run directory to compare with (read in a worker thread; baseline_loaded() says when); closing it
  // compares with nothing.
  void open_baseline(const QString& dir);
  void close_baseline();
  const std::shared_ptr<viz::RunData>& baseline() const { return baseline_; }
  const QString& baseline_source() const { return baseline_source_; }
  // Live: "HOST:PORT". false (with *error) when the text is not HOST:PORT.
  bool connect_live(const QString& host_port, QString* error);
  // Launch: runs `sidewalk-twin run SCENARIO --out OUT --serve 0 --serve-wait` as a child process and follows
  // it. false (with *error) when sidewalk-twin is not found; a run that fails is reported by live_closed().
  bool launch_scenario(const QString& scenario, const QString& out_dir, QString* error);
  // Sent to the server once connected.
  void set_pace_on_connect(double sim_seconds_per_second) { pace_on_connect_ = sim_seconds_per_second; }
  double pace_on_connect() const { return pace_on_connect_; }
  // A command line to the live server (viz::pause_command(), ...), when connected.
  void send(const std::string& command);

  const std::shared_ptr<viz::RunData>& run() const { return run_; }
  const QString& source() const { return source_; }  // the directory or HOST:PORT shown in the header
  bool live() const { return live_; }
  bool connected() const { return live_connected_; }

 Q_SIGNALS:
  void run_replaced();              // run() is a new run (a replay just loaded, or an empty live one)
  void updated();                   // records were applied to run()
  void connected_to(QString peer);  // the live connection is up
  void disconnected(QString error); // the live connection ended (error empty after the run's end)
  void message(QString text, int timeout_ms);  // for the status bar (0: until the next one)
  void loaded(QString error);       // a replay is loaded (error empty) or failed
  void live_closed(QString error);  // the live run ended, or a launched run never served (why)
  void baseline_loaded(QString error);  // the run to compare with is read (or closed: baseline() is null), or failed

 private:
  void replace_run(std::shared_ptr<viz::RunData> run, QString source);
  // Reads a run directory in a thread that deletes itself; `done` runs on this object's thread with the run (or
  // nullptr and the error) unless cancelled.
  QThread* read_in_thread(const QString& dir, const std::shared_ptr<std::atomic<bool>>& cancel,
                          std::function<void(std::shared_ptr<viz::RunData>, QString)> done);

  std::shared_ptr<viz::RunData> run_;
  QString source_;
  bool live_ = false, live_connected_ = false;
  double pace_on_connect_ = -1;
  LiveClient* client_ = nullptr;
  QProcess* twin_ = nullptr;  // a launched sidewalk-twin
  QString twin_stderr_;
  QThread* loader_ = nullptr;
  std::shared_ptr<std::atomic<bool>> cancel_load_;
  std::shared_ptr<viz::RunData> baseline_;
  QString baseline_source_;
  QThread* baseline_loader_ = nullptr;
  std::shared_ptr<std::atomic<bool>> cancel_baseline_;
};

}  // namespace st::dash
