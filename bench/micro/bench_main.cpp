// Entry point of micro_benchmarks. libsystemc.so defines main() and calls sc_main(), so every executable linking
// SystemC (st_kernel does) provides sc_main instead of main, with C linkage as <systemc> declares it
// (sc_externs.h); the SystemC headers themselves are not needed here.
#include <benchmark/benchmark.h>

extern "C" int sc_main(int argc, char** argv);

extern "C" int sc_main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
