#include "app/map_view.hpp"

#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QWheelEvent>
#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>

#include "app/charts.hpp"

namespace st::dash {

namespace {
constexpr double kMinScale = 1e-5, kMaxScale = 200;  // pixels per metre
const QColor kBackground(0xfa, 0xfa, 0xf7);
const QColor kNotMade(0xd8, 0xd8, 0xd8);
const QColor kDown(0x20, 0x20, 0x20);

// Light green (idle) to dark red (busiest), by the share of the busiest gateway's frames.
QColor load_color(double share) {
  share = std::clamp(share, 0.0, 1.0);
  const QColor low(0xc7, 0xe9, 0xc0), mid(0xfe, 0xd9, 0x76), high(0xbd, 0x00, 0x26);
  auto mix = [](const QColor& a, const QColor& b, double f) {
    return QColor::fromRgbF(static_cast<float>(a.redF() + (b.redF() - a.redF()) * f),
                            static_cast<float>(a.greenF() + (b.greenF() - a.greenF()) * f),
                            static_cast<float>(a.blueF() + (b.blueF() - a.blueF()) * f));
  };
  return share < 0.5 ? mix(low, mid, share * 2) : mix(mid, high, (share - 0.5) * 2);
}
}  // namespace

MapView::MapView(QWidget* parent) : QWidget(parent) {
  setObjectName("map");
  setMinimumSize(320, 240);
  setMouseTracking(false);
  setFocusPolicy(Qt::WheelFocus);
  setToolTip(tr("Wheel: zoom; drag: pan; double click: fit; click a device: its story"));
}

void MapView::show_run(const viz::RunData* run, double t, bool data_changed) {
  const bool new_run = run != run_;
  if (new_run) fitted_ = false;
  run_ = run;
  if (new_run || data_changed || t != t_) {
    t_ = t;
    if (run_ != nullptr) {
      if (new_run || data_changed) {
        outages_ = viz::gateway_outages(*run_);
        max_received_ = 0;
        for (const viz::GatewayInfo& g : run_->map.gateways) max_received_ = std::max(max_received_, g.frames_received);
      }
      states_ = viz::device_states_at(*run_, t_);
      down_ = viz::gateways_down_at(outages_, run_->map.gateways.size(), t_);
    } else {
      states_.clear();
      down_.clear();
      outages_.clear();
    }
    if (!fitted_) fit();
    // The reach circles depend on the placement only (a live run sends it once, before its first event).
    const std::pair<std::size_t, std::size_t> placed{run_ ? run_->map.gateways.size() : 0, run_ ? run_->map.device_count() : 0};
    if (new_run || placed != placed_) invalidate_view();
    else invalidate();
    placed_ = placed;
  }
}

unsigned MapView::reach_links() const {
  if (reach_ != kReachAuto) return reach_;
  return run_ != nullptr && run_->map.gateways.size() > kReachAutoGateways ? 0u : 0b111u;
}

void MapView::set_reach_links(unsigned mask) {
  reach_ = mask;
  invalidate_view();
}

void MapView::set_selected(std::uint32_t device) {
  selected_ = device;
  update();
}

void MapView::fit() {
  if (run_ == nullptr || run_->map.empty() || width() <= 0) return;
  double x0 = std::numeric_limits<double>::max(), y0 = x0, x1 = -x0, y1 = -x0;
  auto take = [&](double x, double y) {
    x0 = std::min(x0, x);
    x1 = std::max(x1, x);
    y0 = std::min(y0, y);
    y1 = std::max(y1, y);
  };
  for (const viz::GatewayInfo& g : run_->map.gateways) take(g.x_m, g.y_m);
  for (std::size_t i = 0; i < run_->map.device_count(); ++i) take(run_->map.x_m[i], run_->map.y_m[i]);
  const double w = std::max(x1 - x0, 10.0), h = std::max(y1 - y0, 10.0);
  centre_x_ = (x0 + x1) / 2;
  centre_y_ = (y0 + y1) / 2;
  scale_ = std::clamp(std::min((width() - 40) / (w * 1.06), (height() - 40) / (h * 1.06)), kMinScale, kMaxScale);
  fitted_ = true;
  user_moved_ = false;
  invalidate_view();
}

QPointF MapView::to_screen(double x_m, double y_m) const {
  return {width() / 2.0 + (x_m - centre_x_) * scale_, height() / 2.0 - (y_m - centre_y_) * scale_};
}

QPointF MapView::to_world(QPointF s) const {
  return {centre_x_ + (s.x() - width() / 2.0) / scale_, centre_y_ - (s.y() - height() / 2.0) / scale_};
}

QPointF MapView::screen_point_of(std::uint32_t device) const {
  if (run_ == nullptr || device >= run_->map.device_count()) return {};
  return to_screen(run_->map.x_m[device], run_->map.y_m[device]);
}

std::uint32_t MapView::device_at(QPointF point, double radius_px) const {
  if (run_ == nullptr) return viz::kNoIndex;
  const viz::MapData& m = run_->map;
  std::uint32_t best = viz::kNoIndex;
  double best_d2 = radius_px * radius_px;
  for (std::size_t i = 0; i < m.device_count(); ++i) {
    const QPointF s = to_screen(m.x_m[i], m.y_m[i]);
    const double dx = s.x() - point.x(), dy = s.y() - point.y(), d2 = dx * dx + dy * dy;
    if (d2 <= best_d2) {
      best_d2 = d2;
      best = static_cast<std::uint32_t>(i);
    }
  }
  return best;
}

void MapView::render_devices() {
  const qreal dpr = devicePixelRatioF();
  const QSize size(static_cast<int>(width() * dpr), static_cast<int>(height() * dpr));
  if (layer_.size() != size) layer_ = QImage(size, QImage::Format_ARGB32_Premultiplied);
  layer_.fill(Qt::transparent);
  devices_drawn_ = 0;
  layer_dirty_ = false;
  if (run_ == nullptr) return;
  const viz::MapData& m = run_->map;
  // A dot of 2 to 5 pixels, larger as the view zooms in; every pixel written straight into the image.
  const int dot = std::clamp(static_cast<int>(std::lround(scale_ * 2 * dpr)), 2, 5);
  QRgb palette[viz::kStateCount + 1];
  for (std::size_t s = 0; s < viz::kStateCount; ++s) palette[s] = state_color(static_cast<viz::State>(s)).rgba();
  palette[viz::kStateCount] = kNotMade.rgba();
  const int w = layer_.width(), h = layer_.height();
  auto* bits = reinterpret_cast<QRgb*>(layer_.bits());
  const qsizetype stride = layer_.bytesPerLine() / static_cast<qsizetype>(sizeof(QRgb));
  // Devices not made yet first, so made ones are drawn over them.
  for (int pass = 0; pass < 2; ++pass) {
    for (std::size_t i = 0; i < m.device_count(); ++i) {
      const viz::State st = i < states_.size() ? states_[i] : viz::State::None;
      const bool made = st != viz::State::None;
      if (made != (pass == 1)) continue;
      const QPointF s = to_screen(m.x_m[i], m.y_m[i]);
      const int x = static_cast<int>(s.x() * dpr) - dot / 2, y = static_cast<int>(s.y() * dpr) - dot / 2;
      if (x + dot <= 0 || y + dot <= 0 || x >= w || y >= h) continue;
      const QRgb c = palette[made ? static_cast<std::size_t>(st) : viz::kStateCount];
      for (int yy = std::max(y, 0); yy < std::min(y + dot, h); ++yy)
        for (int xx = std::max(x, 0); xx < std::min(x + dot, w); ++xx) bits[yy * stride + xx] = c;
      ++devices_drawn_;
    }
  }
  layer_.setDevicePixelRatio(dpr);
}

bool MapView::stroke_visible(QPointF c, double r) const {
  // Off the view: the view lies wholly outside the circle (nearest point of the view farther than r), or wholly
  // inside it (its farthest corner nearer than r), so the circle's line does not cross it.
  const double w = width(), h = height();
  const double nx = std::clamp(c.x(), 0.0, w) - c.x(), ny = std::clamp(c.y(), 0.0, h) - c.y();
  if (nx * nx + ny * ny > r * r) return false;
  const double fx = std::max(std::abs(c.x()), std::abs(c.x() - w)), fy = std::max(std::abs(c.y()), std::abs(c.y() - h));
  return fx * fx + fy * fy >= r * r;
}

void MapView::paint_reach(QPainter& p) const {
  const viz::MapData& m = run_->map;
  // Many gateways' circles overlap: fainter outlines, and no fill beyond a few dozen.
  const double n = static_cast<double>(std::max<std::size_t>(m.gateways.size(), 1));
  const int line_alpha = std::clamp(static_cast<int>(420 / std::sqrt(n)), 30, 140);
  const int fill_alpha = m.gateways.size() <= 40 ? 14 : 0;
  const unsigned links = reach_links();
  {
    for (const viz::GatewayInfo& g : m.gateways) {
      const QPointF c = to_screen(g.x_m, g.y_m);
      for (std::size_t l = 0; l < 3; ++l) {
        if (g.reach_m[l] <= 0 || (links & (1u << l)) == 0) continue;
        const double r = g.reach_m[l] * scale_;
        if (r < 2 || !stroke_visible(c, r)) continue;
        QColor line = link_color(static_cast<viz::Link>(l));
        line.setAlpha(line_alpha);
        QColor fill = line;
        fill.setAlpha(fill_alpha);
        p.setPen(QPen(line, 0));  // solid, cosmetic: dashing thousands of large circles costs more than the rest together
        if (fill_alpha > 0) p.setBrush(fill);
        else p.setBrush(Qt::NoBrush);
        p.drawEllipse(c, r, r);
      }
    }
  }
}

void MapView::paint_gateways(QPainter& p, bool fill) const {
  const viz::MapData& m = run_->map;
  // Smaller marks where many gateways crowd the view.
  const double spacing =
      std::sqrt(static_cast<double>(width()) * height() / static_cast<double>(std::max<std::size_t>(m.gateways.size(), 1)));
  const double half = std::clamp(spacing / 6, 2.5, 5.0);
  const bool labels = spacing > 60 || scale_ > 0.5;
  QFont small = p.font();
  small.setPointSizeF(7.5);
  p.setFont(small);
  for (std::size_t i = 0; i < m.gateways.size(); ++i) {
    const viz::GatewayInfo& g = m.gateways[i];
    const QPointF c = to_screen(g.x_m, g.y_m);
    if (c.x() < -10 || c.y() < -10 || c.x() > width() + 10 || c.y() > height() + 10) continue;
    const bool down = i < down_.size() && down_[i];
    const QRectF box(c.x() - half, c.y() - half, 2 * half, 2 * half);
    const QColor colour = down ? kDown
                       : g.has_load ? load_color(max_received_ == 0 ? 0.0
                                                                    : static_cast<double>(g.frames_received) / static_cast<double>(max_received_))
                                    : QColor(0x6b, 0x8e, 0xc9);
    if (fill) {
      p.setPen(Qt::NoPen);
      p.setBrush(colour);
      p.drawRect(box);
      continue;
    }
    p.setPen(QPen(QColor(0x30, 0x30, 0x30), 1));
    p.setBrush(Qt::NoBrush);
    p.drawRect(box);
    if (down) {
      p.setPen(QPen(QColor(0xff, 0x40, 0x40), 2));
      p.drawLine(box.topLeft(), box.bottomRight());
      p.drawLine(box.topRight(), box.bottomLeft());
    }
    if (labels) {
      p.setPen(QColor(0x30, 0x30, 0x30));
      p.drawText(QPointF(c.x() + 7, c.y() - 6), QString::number(i));
    }
  }
}

void MapView::paint_scale(QPainter& p) const {
  // The largest round length (1, 2 or 5 x 10^k m) that fits in 160 pixels.
  const double metres = 160 / scale_;
  double unit = std::pow(10.0, std::floor(std::log10(metres)));
  for (const double f : {5.0, 2.0, 1.0})
    if (f * unit <= metres) {
      unit *= f;
      break;
    }
  const double px = unit * scale_;
  const QPointF a(14, height() - 16), b(14 + px, height() - 16);
  p.setPen(QPen(QColor(0x30, 0x30, 0x30), 2));
  p.drawLine(a, b);
  p.drawLine(a + QPointF(0, -4), a + QPointF(0, 4));
  p.drawLine(b + QPointF(0, -4), b + QPointF(0, 4));
  const QString text = unit >= 1000 ? QString("%1 km").arg(unit / 1000) : QString("%1 m").arg(unit);
  p.drawText(QPointF(14, height() - 22), text);
}

void MapView::paint_legend(QPainter& p) const {
  QFont f = p.font();
  f.setPointSizeF(8.5);
  p.setFont(f);
  const int row = 16, w = 190;
  const unsigned links = reach_links();
  const int rows = static_cast<int>(viz::kStateCount) + 1 + 4 + std::popcount(links);
  const QRectF panel(width() - w - 10, 10, w, rows * row + 12);
  p.setPen(QColor(0xb0, 0xb0, 0xb0));
  p.setBrush(QColor(255, 255, 255, 225));
  p.drawRoundedRect(panel, 4, 4);
  double y = panel.top() + 8;
  auto line = [&](const QColor& c, const QString& text, bool square) {
    p.setPen(square ? QColor(0x30, 0x30, 0x30) : Qt::NoPen);
    p.setBrush(c);
    if (square) p.drawRect(QRectF(panel.left() + 10, y + 2, 9, 9));
    else p.drawEllipse(QRectF(panel.left() + 11, y + 3, 7, 7));
    p.setPen(QColor(0x20, 0x20, 0x20));
    p.drawText(QRectF(panel.left() + 26, y, w - 30, row), Qt::AlignVCenter, text);
    y += row;
  };
  for (std::size_t s = 0; s < viz::kStateCount; ++s)
    line(state_color(static_cast<viz::State>(s)), QString::fromUtf8(viz::to_string(static_cast<viz::State>(s)).data()),
         false);
  line(kNotMade, tr("not made yet"), false);
  line(load_color(0), tr("gateway, idle"), true);
  line(load_color(1), tr("gateway, busiest"), true);
  line(QColor(0x6b, 0x8e, 0xc9), tr("gateway, load not known yet"), true);
  line(kDown, tr("gateway down"), true);
  for (std::size_t l = 0; l < 3; ++l)
    if ((links & (1u << l)) != 0) {
      QColor c = link_color(static_cast<viz::Link>(l));
      p.setPen(QPen(c, 1.5));
      p.setBrush(Qt::NoBrush);
      p.drawEllipse(QRectF(panel.left() + 9, y + 1, 11, 11));
      p.setPen(QColor(0x20, 0x20, 0x20));
      p.drawText(QRectF(panel.left() + 26, y, w - 30, row), Qt::AlignVCenter,
                 tr("%1 reach").arg(QString::fromUtf8(viz::to_string(static_cast<viz::Link>(l)).data()).toUpper()));
      y += row;
    }
}

void MapView::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.fillRect(rect(), kBackground);
  if (run_ == nullptr || run_->map.empty()) {
    p.setPen(QColor(0x60, 0x60, 0x60));
    p.drawText(rect(), Qt::AlignCenter,
               run_ == nullptr ? tr("No run") : tr("No map: the run has no physical layer (topology.radio: explicit), "
                                                   "or its directory has no gateways.csv / devices.csv"));
    return;
  }
  p.setRenderHint(QPainter::Antialiasing, true);
  // The reach circles change with the view only (not with the cursor): one image per view, under the devices.
  const QSize pixels(static_cast<int>(width() * devicePixelRatioF()), static_cast<int>(height() * devicePixelRatioF()));
  if (reach_links() != 0) {
    if (reach_dirty_ || reach_layer_.size() != pixels) {
      reach_layer_ = QImage(pixels, QImage::Format_ARGB32_Premultiplied);
      reach_layer_.setDevicePixelRatio(devicePixelRatioF());
      reach_layer_.fill(Qt::transparent);
      QPainter rp(&reach_layer_);
      rp.setRenderHint(QPainter::Antialiasing, true);
      paint_reach(rp);
      reach_dirty_ = false;
    }
    p.drawImage(QPointF(0, 0), reach_layer_);
  }
  if (layer_dirty_ || layer_.size() != pixels) render_devices();
  paint_gateways(p, true);    // their load colour under the devices (devices often sit right beside theirs)
  p.drawImage(QPointF(0, 0), layer_);
  paint_gateways(p, false);   // their outline, outage cross and index over them
  if (selected_ != viz::kNoIndex && selected_ < run_->map.device_count()) {
    const QPointF c = to_screen(run_->map.x_m[selected_], run_->map.y_m[selected_]);
    p.setPen(QPen(QColor(0x10, 0x10, 0x10), 2));
    p.setBrush(Qt::NoBrush);
    p.drawEllipse(c, 8, 8);
    p.drawText(QPointF(c.x() + 10, c.y() + 14), tr("device %1").arg(selected_));
  }
  paint_scale(p);
  paint_legend(p);
}

void MapView::resizeEvent(QResizeEvent*) {
  if (!fitted_ || !user_moved_) fit();
  invalidate_view();
}

void MapView::wheelEvent(QWheelEvent* e) {
  const double steps = e->angleDelta().y() / 120.0;
  if (steps == 0) return;
  const QPointF at = e->position();
  const QPointF before = to_world(at);
  scale_ = std::clamp(scale_ * std::pow(1.25, steps), kMinScale, kMaxScale);
  const QPointF after = to_world(at);  // keep the point under the pointer where it is
  centre_x_ += before.x() - after.x();
  centre_y_ += before.y() - after.y();
  user_moved_ = true;
  invalidate_view();
  e->accept();
}

void MapView::mousePressEvent(QMouseEvent* e) {
  if (e->button() != Qt::LeftButton) return;
  dragging_ = true;
  dragged_ = false;
  drag_from_ = e->position();
}

void MapView::mouseMoveEvent(QMouseEvent* e) {
  if (!dragging_) return;
  const QPointF d = e->position() - drag_from_;
  if (!dragged_ && std::hypot(d.x(), d.y()) < 4) return;
  dragged_ = true;
  user_moved_ = true;
  centre_x_ -= d.x() / scale_;
  centre_y_ += d.y() / scale_;
  drag_from_ = e->position();
  invalidate_view();
}

void MapView::mouseReleaseEvent(QMouseEvent* e) {
  if (e->button() != Qt::LeftButton || !dragging_) return;
  dragging_ = false;
  if (dragged_) return;
  const std::uint32_t d = device_at(e->position());
  if (d == viz::kNoIndex) return;
  set_selected(d);
  Q_EMIT device_clicked(d);
}

void MapView::mouseDoubleClickEvent(QMouseEvent*) { fit(); }

}  // namespace st::dash
