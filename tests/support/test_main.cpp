// The entry point of every test executable. libsystemc.so defines main() and calls sc_main(), so tests
// start here; linking GTest::gtest_main instead would silently run zero tests.
#include <cstdlib>

// SystemC prints its banner when its context is created during static initialisation: silence it first.
namespace {
const bool kSystemCQuiet = (::setenv("SYSTEMC_DISABLE_COPYRIGHT_MESSAGE", "1", 0), true);
}

#include <gtest/gtest.h>

#include <systemc>

#include <cstdlib>

int sc_main(int argc, char* argv[]) {
  (void)kSystemCQuiet;
  testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
