#include "app/offscreen_noise.hpp"

#include <QString>
#include <QtGlobal>
#include <cstdio>

namespace st::dash {

namespace {

QtMessageHandler g_previous = nullptr;

void drop_offscreen_noise(QtMsgType type, const QMessageLogContext& context, const QString& message) {
  if (message.contains("propagateSizeHints") || message.contains("XDG_RUNTIME_DIR")) return;
  if (g_previous != nullptr) g_previous(type, context, message);
  else std::fprintf(stderr, "%s\n", message.toLocal8Bit().constData());
}

}  // namespace

void quiet_offscreen_noise() { g_previous = qInstallMessageHandler(drop_offscreen_noise); }

}  // namespace st::dash
