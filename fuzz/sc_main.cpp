// The SystemC runtime library refers to sc_main (extern "C", sysc/kernel/sc_externs.h); fuzz targets never start
// a simulation.
extern "C" int sc_main(int, char**) { return 0; }
