// Without a display, Qt's offscreen platform says what it cannot do (size hints, no XDG_RUNTIME_DIR): noise for
// a program whose errors are one line on stderr. The dashboard's screenshots and the sweep plotter silence it.
#pragma once

namespace st::dash {

// Installs a Qt message handler that drops that noise and passes every other message on.
void quiet_offscreen_noise();

}  // namespace st::dash
