// LiveClient: follows a running simulation (`sidewalk-twin run ... --serve PORT`, docs/telemetry.md). A worker
// thread runs Boost.Asio: it reads JSON lines, parses them into records there (off the GUI thread) and posts
// them to the GUI thread in batches (at most every 50 ms or 4,096 records). Commands (pause, resume, pace)
// go back on the same connection. When the GUI falls behind (more than 8 batches not yet applied) the
// worker stops reading, so TCP pushes back and the server drops events for this client, never states,
// counters or handshakes.
#pragma once
#include <QObject>
#include <QString>
#include <memory>
#include <string>
#include <vector>

#include "model/records.hpp"

namespace st::dash {

using RecordBatch = std::shared_ptr<std::vector<viz::Record>>;

class LiveClient : public QObject {
  Q_OBJECT
 public:
  explicit LiveClient(QObject* parent = nullptr);
  ~LiveClient() override;

  // Connects to host:port in the worker thread (a previous connection is closed first).
  void start(const std::string& host, const std::string& port);
  // Sends one command line (viz::pause_command(), ...) when connected.
  void send(std::string line);
  void stop();
  // The GUI applied one batch of records().
  void batch_done();

 Q_SIGNALS:
  void connected(QString peer);
  void records(st::dash::RecordBatch batch);
  // A record that could not be parsed (skipped): "HOST:PORT: record N: cause".
  void problem(QString message);
  // The connection ended: error is empty when the server closed it normally.
  void closed(QString error);

 private:
  struct Worker;
  std::shared_ptr<Worker> worker_;
};

}  // namespace st::dash
