// DeviceStoryPanel: one device's story beside the map (docs/dashboard.md, "A device's story"): what it is and
// where, its state at the cursor, its handshakes, uplinks and their fates, its radio frames by outcome and its
// battery, then every event about it up to the cursor.
#pragma once
#include <QWidget>
#include <cstdint>

#include "model/device_story.hpp"

class QLabel;
class QPushButton;
class QTableWidget;

namespace st::dash {

class DeviceStoryPanel : public QWidget {
  Q_OBJECT
 public:
  explicit DeviceStoryPanel(QWidget* parent = nullptr);
  void show_story(const viz::DeviceStory& story, double cursor, double duration);
  void clear();
  // The device shown (viz::kNoIndex: none).
  std::uint32_t device() const { return device_; }

 Q_SIGNALS:
  // "What-if on this device": the user wants to act on the device shown.
  void act_on(std::uint32_t device);

 private:
  QLabel* facts_ = nullptr;
  QPushButton* act_ = nullptr;
  QTableWidget* entries_ = nullptr;
  std::uint32_t device_ = viz::kNoIndex;
};

}  // namespace st::dash
