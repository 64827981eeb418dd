#include "app/run_session.hpp"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QThread>

#include "app/charts.hpp"
#include "model/run_directory_reader.hpp"

namespace st::dash {

RunSession::RunSession(QObject* parent) : QObject(parent), run_(std::make_shared<viz::RunData>()) {
  client_ = new LiveClient(this);
  connect(client_, &LiveClient::records, this, [this](const RecordBatch& batch) {
    for (auto& r : *batch) run_->apply(std::move(r));
    client_->batch_done();
    Q_EMIT updated();
  });
  connect(client_, &LiveClient::connected, this, [this](const QString& peer) {
    live_connected_ = true;
    if (pace_on_connect_ >= 0) client_->send(viz::pace_command(pace_on_connect_));
    Q_EMIT connected_to(peer);
  });
  connect(client_, &LiveClient::problem, this, [this](const QString& m) { Q_EMIT message(m, 10000); });
  connect(client_, &LiveClient::closed, this, [this](const QString& error) {
    live_connected_ = false;
    Q_EMIT disconnected(error);
    Q_EMIT live_closed(error);
  });
}

RunSession::~RunSession() {
  if (cancel_load_) *cancel_load_ = true;
  if (cancel_baseline_) *cancel_baseline_ = true;
  if (loader_ != nullptr) loader_->wait();
  if (baseline_loader_ != nullptr) baseline_loader_->wait();
  client_->stop();
  if (twin_ != nullptr && twin_->state() != QProcess::NotRunning) {
    twin_->disconnect(this);
    twin_->kill();  // the run we started: its directory stays as it was (runs are staged)
    twin_->waitForFinished(3000);
  }
}

void RunSession::send(const std::string& command) {
  if (live_connected_) client_->send(command);
}

void RunSession::replace_run(std::shared_ptr<viz::RunData> run, QString source) {
  const std::shared_ptr<viz::RunData> old = std::move(run_);  // alive until the window let go of it
  run_ = std::move(run);
  source_ = std::move(source);
  Q_EMIT run_replaced();
}

QThread* RunSession::read_in_thread(const QString& dir, const std::shared_ptr<std::atomic<bool>>& cancel,
                                    std::function<void(std::shared_ptr<viz::RunData>, QString)> done) {
  Q_EMIT message(tr("reading %1…").arg(dir), 0);
  const std::string path = QDir::cleanPath(dir).toStdString();
  QThread* thread = QThread::create([this, path, cancel, dir, done = std::move(done)] {
    auto loaded_run = std::make_shared<viz::RunData>();
    QString error;
    int last_pct = -1;
    try {
      viz::RunDirectoryReader reader(path);
      reader.set_progress([&](std::uint64_t read, std::uint64_t total) {
        const int pct = total == 0 ? 100 : static_cast<int>(read * 100 / total);
        if (pct != last_pct) {
          last_pct = pct;
          QMetaObject::invokeMethod(this, [this, pct, dir] {
            Q_EMIT message(tr("reading %1… %2%").arg(dir).arg(pct), 0);
          }, Qt::QueuedConnection);
        }
        return !*cancel;
      });
      reader.read([&](viz::Record&& r) { loaded_run->apply(std::move(r)); });
    } catch (const viz::ReadCancelled&) {
      return;
    } catch (const std::exception& e) {
      error = QString::fromStdString(e.what());
    }
    if (*cancel) return;
    QMetaObject::invokeMethod(this, [loaded_run, error, done] { done(error.isEmpty() ? loaded_run : nullptr, error); },
                              Qt::QueuedConnection);
  });
  connect(thread, &QThread::finished, thread, &QObject::deleteLater);
  thread->start();
  return thread;
}

void RunSession::open_run_directory(const QString& dir) {
  client_->stop();
  live_ = false;
  live_connected_ = false;
  if (cancel_load_) *cancel_load_ = true;
  if (loader_ != nullptr) loader_->wait();
  cancel_load_ = std::make_shared<std::atomic<bool>>(false);
  loader_ = read_in_thread(dir, cancel_load_, [this, dir](std::shared_ptr<viz::RunData> run, const QString& error) {
    if (run) {
      replace_run(run, QDir::toNativeSeparators(dir));
      Q_EMIT message(tr("%1 events, %2 handshakes, %3 samples")
                         .arg(format_count(run->events.events.size()), format_count(run->handshakes.size()),
                              format_count(run->states.size())),
                     8000);
    } else {
      Q_EMIT message(error, 0);
    }
    Q_EMIT loaded(error);
  });
  connect(loader_, &QThread::destroyed, this, [this](QObject* o) {
    if (o == loader_) loader_ = nullptr;
  });
}

void RunSession::open_baseline(const QString& dir) {
  if (cancel_baseline_) *cancel_baseline_ = true;
  if (baseline_loader_ != nullptr) baseline_loader_->wait();
  cancel_baseline_ = std::make_shared<std::atomic<bool>>(false);
  baseline_loader_ = read_in_thread(dir, cancel_baseline_, [this, dir](std::shared_ptr<viz::RunData> run, const QString& error) {
    if (run) {
      baseline_ = std::move(run);
      baseline_source_ = QDir::toNativeSeparators(dir);
      Q_EMIT message(tr("comparing with %1").arg(baseline_source_), 8000);
    } else {
      Q_EMIT message(error, 0);
    }
    Q_EMIT baseline_loaded(error);
  });
  connect(baseline_loader_, &QThread::destroyed, this, [this](QObject* o) {
    if (o == baseline_loader_) baseline_loader_ = nullptr;
  });
}

void RunSession::close_baseline() {
  baseline_.reset();
  baseline_source_.clear();
  Q_EMIT baseline_loaded(QString());
}

bool RunSession::connect_live(const QString& host_port, QString* error) {
  const qsizetype colon = host_port.lastIndexOf(QLatin1Char(':'));
  bool ok = false;
  const int port = colon > 0 ? host_port.mid(colon + 1).toInt(&ok) : 0;
  if (colon <= 0 || !ok || port <= 0 || port > 65535) {
    if (error != nullptr) *error = tr("'%1' is not HOST:PORT").arg(host_port);
    return false;
  }
  QString host = host_port.left(colon);
  if (host.startsWith('[') && host.endsWith(']')) host = host.mid(1, host.size() - 2);
  if (cancel_load_) *cancel_load_ = true;
  live_ = true;
  live_connected_ = false;
  replace_run(std::make_shared<viz::RunData>(), host_port);
  Q_EMIT message(tr("connecting to %1…").arg(host_port), 0);
  client_->start(host.toStdString(), std::to_string(port));
  return true;
}

bool RunSession::launch_scenario(const QString& scenario, const QString& out_dir, QString* error) {
  QString twin = QDir(QCoreApplication::applicationDirPath()).filePath("sidewalk-twin");
  if (!QFileInfo(twin).isExecutable()) twin = QStandardPaths::findExecutable("sidewalk-twin");
  if (twin.isEmpty()) {
    if (error != nullptr) *error = tr("sidewalk-twin is neither beside sidewalk-dashboard nor on the PATH");
    return false;
  }
  if (twin_ != nullptr && twin_->state() != QProcess::NotRunning) {
    if (error != nullptr) *error = tr("a launched run is still going");
    return false;
  }
  delete twin_;
  twin_ = new QProcess(this);
  twin_stderr_.clear();
  connect(twin_, &QProcess::readyReadStandardError, this, [this] {
    twin_stderr_ += QString::fromLocal8Bit(twin_->readAllStandardError());
    static const QRegularExpression kServing("serving telemetry on ([^\\s]+:[0-9]+)");
    if (live_ || !twin_stderr_.contains("serving telemetry")) return;
    const auto m = kServing.match(twin_stderr_);
    if (m.hasMatch()) {
      QString e;
      if (!connect_live(m.captured(1), &e)) Q_EMIT message(e, 0);
    }
  });
  connect(twin_, &QProcess::finished, this, [this](int code, QProcess::ExitStatus status) {
    if (code == 0 && status == QProcess::NormalExit) return;
    QString last = twin_stderr_.trimmed().section('\n', -1);
    if (last.isEmpty()) last = tr("sidewalk-twin exited with code %1").arg(code);
    Q_EMIT message(last, 0);
    if (!live_connected_) Q_EMIT live_closed(last);  // it never served: say why
  });
  connect(twin_, &QProcess::errorOccurred, this, [this](QProcess::ProcessError e) {
    if (e != QProcess::FailedToStart) return;
    const QString msg = tr("cannot start %1: %2").arg(twin_->program(), twin_->errorString());
    Q_EMIT message(msg, 0);
    Q_EMIT live_closed(msg);
  });
  live_ = false;
  Q_EMIT message(tr("starting %1…").arg(QFileInfo(scenario).fileName()), 0);
  twin_->start(twin, {"run", scenario, "--out", out_dir, "--serve", "0", "--serve-wait", "--quiet"});
  return true;
}

}  // namespace st::dash
