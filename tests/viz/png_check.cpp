// viz_png_check FILE MIN_WIDTH MIN_HEIGHT MIN_COLOURS [#rrggbb:MIN_PIXELS ...]
// Exit 0 when the PNG is at least that large, has at least MIN_COLOURS distinct colours, and holds at least
// MIN_PIXELS pixels of each colour given (the state colours of a dashboard screenshot: its areas were drawn).
#include <QColor>
#include <QHash>
#include <QImage>
#include <QString>
#include <cstdio>
#include <cstdlib>

int main(int argc, char** argv) {
  if (argc < 5) {
    std::fprintf(stderr, "usage: viz_png_check FILE MIN_WIDTH MIN_HEIGHT MIN_COLOURS [#rrggbb:MIN_PIXELS ...]\n");
    return 2;
  }
  QImage img(QString::fromLocal8Bit(argv[1]));
  if (img.isNull()) {
    std::fprintf(stderr, "%s: not a readable image\n", argv[1]);
    return 1;
  }
  img = img.convertToFormat(QImage::Format_RGB32);
  QHash<QRgb, long> count;
  for (int y = 0; y < img.height(); ++y) {
    const auto* line = reinterpret_cast<const QRgb*>(img.constScanLine(y));
    for (int x = 0; x < img.width(); ++x) ++count[line[x] & 0xffffffu];
  }
  std::printf("%s: %dx%d, %lld distinct colours\n", argv[1], img.width(), img.height(),
              static_cast<long long>(count.size()));
  int failed = 0;
  if (img.width() < std::atoi(argv[2]) || img.height() < std::atoi(argv[3])) {
    std::fprintf(stderr, "too small\n");
    ++failed;
  }
  if (count.size() < std::atoi(argv[4])) {
    std::fprintf(stderr, "fewer than %s colours: blank?\n", argv[4]);
    ++failed;
  }
  for (int i = 5; i < argc; ++i) {
    const QString arg = QString::fromLocal8Bit(argv[i]);
    const auto parts = arg.split(':');
    const QColor c(parts.value(0));
    const long want = parts.value(1).toLong();
    const long have = count.value(c.rgb() & 0xffffffu);
    std::printf("  %s: %ld pixels (at least %ld)\n", qPrintable(parts.value(0)), have, want);
    if (!c.isValid() || have < want) ++failed;
  }
  return failed == 0 ? 0 : 1;
}
