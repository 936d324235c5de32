// Size against CPU for the report's streams (issue 13): reads PDFs, takes
// every stream's decoded bytes (qpdf) and compresses them with libdeflate
// at several levels and with zlib at level 6 (libharu's choice before).
//
//   build/flate_levels report.pdf…   → level, total bytes, ms per PDF
#define POINTERHOLDER_TRANSITION 4
#include <libdeflate.h>
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <zlib.h>

#include <time.h>
#include <cstdio>
#include <string>
#include <vector>

int main(int argc, char** argv) {
  std::vector<std::string> streams;
  for (int i = 1; i < argc; ++i) {
    QPDF q;
    q.processFile(argv[i]);
    for (QPDFObjectHandle o : q.getAllObjects()) {
      if (!o.isStream()) continue;
      std::shared_ptr<Buffer> b = o.getStreamData(qpdf_dl_generalized);
      streams.emplace_back(reinterpret_cast<const char*>(b->getBuffer()), b->getSize());
    }
  }
  const int pdfs = argc - 1;
  if (pdfs == 0) return 2;
  size_t raw = 0;
  for (const auto& s : streams) raw += s.size();
  std::printf("%d PDFs, %zu streams, %.1f KB raw per PDF\n", pdfs, streams.size(), raw / 1024.0 / pdfs);
  auto cpu_ms = [] {  // this thread's CPU time: the machine may be busy
    timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
  };
  for (int level : {1, 2, 3, 4, 5, 6, 7, 9, 12}) {
    libdeflate_compressor* c = libdeflate_alloc_compressor(level);
    std::string out;
    size_t total = 0;
    double t0 = cpu_ms();
    for (const auto& s : streams) {
      out.resize(libdeflate_zlib_compress_bound(c, s.size()));
      total += libdeflate_zlib_compress(c, s.data(), s.size(), out.data(), out.size());
    }
    double ms = cpu_ms() - t0;
    std::printf("libdeflate %2d: %7.1f KB per PDF, %6.2f CPU ms per PDF\n", level, total / 1024.0 / pdfs, ms / pdfs);
    libdeflate_free_compressor(c);
  }
  size_t total = 0;
  double t0 = cpu_ms();
  for (const auto& s : streams) {
    uLongf n = compressBound(s.size());
    std::string out(n, '\0');
    compress2(reinterpret_cast<Bytef*>(out.data()), &n, reinterpret_cast<const Bytef*>(s.data()), s.size(), 6);
    total += n;
  }
  double ms = cpu_ms() - t0;
  std::printf("zlib        6: %7.1f KB per PDF, %6.2f CPU ms per PDF\n", total / 1024.0 / pdfs, ms / pdfs);
}
