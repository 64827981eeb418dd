// MapView: the run's gateways and devices at their positions (docs/dashboard.md, "Map"): devices coloured by their
// state at the time cursor, gateways by their load (frames received) and outages, each gateway's reach per link.
// Wheel zooms about the pointer, dragging pans, a double click fits the whole map; a click picks a device.
// Devices are painted into one image (no widget or item per device), redrawn when the cursor moves; the reach
// circles into another, redrawn only when the view moves.
#pragma once
#include <QImage>
#include <QPointF>
#include <QWidget>
#include <cstdint>
#include <utility>
#include <vector>

#include "model/map_state.hpp"
#include "model/run_data.hpp"

namespace st::dash {

class MapView : public QWidget {
  Q_OBJECT
 public:
  explicit MapView(QWidget* parent = nullptr);

  // The run to draw at simulated time t. `data_changed`: records arrived since the last call (the placement or the
  // outages may have changed).
  void show_run(const viz::RunData* run, double t, bool data_changed);
  // Which links' reach circles are drawn: bits 1 << Link (0: none), or kReachAuto: every link up to
  // kReachAutoGateways gateways, none beyond (thousands of circles cost a few hundred ms per zoom step).
  static constexpr unsigned kReachAuto = 1u << 8;
  static constexpr std::size_t kReachAutoGateways = 300;
  void set_reach_links(unsigned mask);
  void set_selected(std::uint32_t device);  // viz::kNoIndex: none
  std::uint32_t selected() const { return selected_; }
  // The whole placement in view.
  void fit();
  // The device nearest to the widget point, within `radius_px` (kNoIndex: none).
  std::uint32_t device_at(QPointF widget_point, double radius_px = 8) const;
  // Where a device is drawn, in widget coordinates.
  QPointF screen_point_of(std::uint32_t device) const;
  // Devices drawn at the last paint (what the map shows; for tests).
  std::size_t devices_drawn() const { return devices_drawn_; }

 Q_SIGNALS:
  void device_clicked(std::uint32_t device);

 protected:
  void paintEvent(QPaintEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;
  void wheelEvent(QWheelEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void mouseReleaseEvent(QMouseEvent* event) override;
  void mouseDoubleClickEvent(QMouseEvent* event) override;

 private:
  QPointF to_screen(double x_m, double y_m) const;
  QPointF to_world(QPointF screen) const;
  void render_devices();  // into layer_
  // Whether a circle's line (centre c, radius r, in pixels) crosses the view.
  bool stroke_visible(QPointF c, double r) const;
  void paint_reach(class QPainter& p) const;     // each gateway's reach per link
  // Coloured by load (fill), or their outline, crossed out while down, and index.
  void paint_gateways(class QPainter& p, bool fill) const;
  void paint_legend(class QPainter& p) const;
  void paint_scale(class QPainter& p) const;
  void invalidate() {  // the devices' colours changed
    layer_dirty_ = true;
    update();
  }
  void invalidate_view() {  // the view moved or the data changed: the reach circles too
    reach_dirty_ = true;
    invalidate();
  }

  const viz::RunData* run_ = nullptr;
  double t_ = 0;
  std::vector<viz::State> states_;
  std::vector<viz::GatewayOutage> outages_;
  std::vector<bool> down_;
  std::uint64_t max_received_ = 0;
  bool fitted_ = false;
  unsigned reach_ = kReachAuto;
  unsigned reach_links() const;  // reach_ with kReachAuto resolved
  bool user_moved_ = false;  // zoomed or panned since the last fit: a resize keeps the view
  double centre_x_ = 0, centre_y_ = 0;  // metres at the widget's centre
  double scale_ = 1;                    // pixels per metre
  QImage layer_;        // the devices
  bool layer_dirty_ = true;
  QImage reach_layer_;  // the reach circles
  bool reach_dirty_ = true;
  std::pair<std::size_t, std::size_t> placed_{0, 0};  // gateways and devices placed at the last redraw
  std::size_t devices_drawn_ = 0;
  std::uint32_t selected_ = viz::kNoIndex;
  bool dragging_ = false;
  bool dragged_ = false;
  QPointF drag_from_;
};

}  // namespace st::dash
